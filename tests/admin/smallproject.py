"""A small copy of the project for the admin workflow tests: same domain, config and
dialogue data, a trimmed NLU training set and dev set, so a model trains in
seconds rather than minutes."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from tests import ROOT

TRAIN_PER_INTENT = 14
HELDOUT_PER_INTENT = 6


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 100000
    y.indent(mapping=2, sequence=2, offset=0)
    return y


def trim_nlu_file(source: Path, target: Path, per_intent: int) -> None:
    y = _yaml()
    data = y.load(source.read_text(encoding="utf-8"))
    for block in data.get("nlu") or []:
        if "examples" in block:
            lines = [l for l in str(block["examples"]).splitlines() if l.strip().startswith("- ")]
            block["examples"] = LiteralScalarString("\n".join(lines[:per_intent]) + "\n")
    out = io.StringIO()
    y.dump(data, out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(out.getvalue(), encoding="utf-8")


def build(target: Path) -> Path:
    """Write the small project into `target` (created) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "config.yml", target / "config.yml")
    shutil.copytree(ROOT / "domain", target / "domain", dirs_exist_ok=True)
    (target / "data").mkdir(exist_ok=True)
    for path in (ROOT / "data").glob("*.yml"):  # rules and stories
        shutil.copy(path, target / "data" / path.name)
    for lang in ("en", "es"):
        for path in sorted((ROOT / "data" / "nlu" / lang).glob("*.yml")):
            trim_nlu_file(path, target / "data" / "nlu" / lang / path.name, TRAIN_PER_INTENT)
    for path in sorted((ROOT / "tests" / "nlu").glob("dev_*.yml")):  # never the test set
        trim_nlu_file(path, target / "tests" / "nlu" / path.name, HELDOUT_PER_INTENT)
    (target / "models").mkdir(exist_ok=True)
    (target / "endpoints.yml").write_text(
        'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "var/tracker.db"\n', encoding="utf-8"
    )
    return target
