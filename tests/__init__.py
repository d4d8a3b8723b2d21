"""The assistant's tests, laid out like the code they test (README, the layout table)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
