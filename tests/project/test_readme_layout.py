"""README's layout table names every folder and top-level file of the repository (issue 12)."""
from __future__ import annotations

import re
import subprocess

from tests import ROOT

# Files every Python/Rasa project has, explained where they are used, not in the table.
OBVIOUS = {".ci", ".gitignore", "README.md", "Makefile", "pyproject.toml", "alembic.ini"}


def _layout_table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Layout", 1)[1].split("\n## ", 1)[0]


def test_every_top_level_entry_is_in_the_layout_table():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    top = {path.split("/", 1)[0] + ("/" if "/" in path else "") for path in tracked}
    first_cells = re.findall(r"^\| ([^|]+) \|", _layout_table(), re.M)
    named = {path for cell in first_cells for path in re.findall(r"`([^`]+)`", cell)}
    named_roots = {n.split("/", 1)[0] + ("/" if "/" in n else "") for n in named}
    missing = sorted(t for t in top if t.rstrip("/") not in OBVIOUS and t not in named_roots)
    assert not missing, f"README's layout table does not name: {missing}"


def test_every_path_in_the_layout_table_exists():
    first_cells = re.findall(r"^\| ([^|]+) \|", _layout_table(), re.M)
    for entry in (path for cell in first_cells for path in re.findall(r"`([^`]+)`", cell)):
        path = entry.split("<", 1)[0].split("{", 1)[0].split("*", 1)[0]
        assert (ROOT / path).exists(), f"README's layout table names {entry}, which is not in the tree"
