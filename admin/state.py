"""The admin tool's own records, as small JSON files in the state directory (var/admin/).

* `inbox.json`     - the last inbox listing (masked texts, pseudonymised training texts;
                     never an applicant's raw message), which `label` refers to by id;
* `decisions.json` - what admins decided per inbox item (label, out of scope, ignore);
* `labels.jsonl`   - an append-only log of every example added to the training data;
* `models.json`    - candidates, gate results, the live model and the ones before it.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Dict

from admin.project import Project


def read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default


def write_json(path: Path, data: Any) -> None:
    """Write atomically, so a crash never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    os.replace(tmp, path)


def append_jsonl(path: Path, record: Dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def now() -> float:
    return time.time()


def iso(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


class Files:
    def __init__(self, project: Project) -> None:
        self.dir = project.state_dir

    @property
    def inbox(self) -> Path:
        return self.dir / "inbox.json"

    @property
    def decisions(self) -> Path:
        return self.dir / "decisions.json"

    @property
    def labels_log(self) -> Path:
        return self.dir / "labels.jsonl"

    @property
    def models(self) -> Path:
        return self.dir / "models.json"
