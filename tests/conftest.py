"""Shared fixtures: paths, and the trained model loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "current.tar.gz"
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def model_parser():
    """The trained model (`make test` trains it first); parses in-process."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make test`, which trains it first")
    from benchmarks.nlu_eval import ModelParser

    return ModelParser(MODEL)
