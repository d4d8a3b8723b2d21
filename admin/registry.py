"""Which models exist, which one is live, which were live before (var/admin/models.json).

Every model that goes live is first copied into models/archive/ under its own name,
so rollback always has an unchanged file to load, even though models/current.tar.gz
(what `make run` serves after a restart) is overwritten on promotion.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any, Dict, List, Optional

from admin import state
from admin.project import AdminError, Project

TRAINING_TYPES = {1: "nlu", 2: "core", 3: "nlu+core", 4: "end-to-end"}


def metadata(path: Path) -> Dict[str, Any]:
    """metadata.json of a Rasa model archive, without the large parts."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive.getmembers():
                if member.name.lstrip("/") == "metadata.json":
                    handle = archive.extractfile(member)
                    data = json.load(handle) if handle else {}
                    break
            else:
                raise AdminError(f"{path} is not a Rasa model: no metadata.json in it")
    except (OSError, tarfile.TarError) as error:
        raise AdminError(f"cannot read model {path}: {error}") from error
    return {k: data.get(k) for k in ("model_id", "trained_at", "training_type", "assistant_id",
                                      "rasa_open_source_version", "language")}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _load(project: Project) -> Dict[str, Any]:
    data = state.read_json(state.Files(project).models, {})
    data.setdefault("candidates", [])
    data.setdefault("history", [])
    data.setdefault("gates", {})
    data.setdefault("evaluations", {})
    return data


def _save(project: Project, data: Dict[str, Any]) -> None:
    state.write_json(state.Files(project).models, data)


def add_candidate(project: Project, record: Dict[str, Any]) -> None:
    data = _load(project)
    data["candidates"].append(record)
    _save(project, data)


def candidates(project: Project) -> List[Dict[str, Any]]:
    return _load(project)["candidates"]


def candidate(project: Project, ref: Optional[str] = None) -> Dict[str, Any]:
    """A candidate by path, file name or model id prefix; the newest when `ref` is None."""
    known = candidates(project)
    if ref is None:
        if not known:
            raise AdminError("no candidate model: run `python -m admin train` first")
        return known[-1]
    path = Path(ref)
    for record in reversed(known):
        if ref in (record["name"], record["path"]) or record["model_id"].startswith(ref) or (
            path.exists() and Path(record["path"]).resolve() == path.resolve()
        ):
            return record
    if path.exists():  # a model trained elsewhere
        meta = metadata(path)
        return {"path": str(path.resolve()), "name": path.name, "model_id": meta.get("model_id", ""),
                "trained_at": 0, "plan": "given by path", "inputs": {}}
    raise AdminError(f"no candidate {ref!r}: give a model file or the name/model id of a trained candidate")


def live(project: Project) -> Optional[Dict[str, Any]]:
    """The live model as recorded by promote/rollback; else models/current.tar.gz."""
    data = _load(project)
    if data.get("live"):
        return data["live"]
    if project.current_model.exists():
        meta = metadata(project.current_model)
        return {"path": str(project.current_model), "name": project.current_model.name,
                "model_id": meta.get("model_id", ""), "inputs": None, "promoted_at": None}
    return None


def history(project: Project) -> List[Dict[str, Any]]:
    return _load(project)["history"]


def archive(project: Project, record: Dict[str, Any]) -> Dict[str, Any]:
    """A copy of the model in models/archive/ (unchanged if already there)."""
    source = Path(record["path"])
    if project.archive_dir in source.resolve().parents:
        return record
    if not source.exists():
        raise AdminError(f"model file {source} is gone")
    project.archive_dir.mkdir(parents=True, exist_ok=True)
    stem = source.name[: -len(".tar.gz")] if source.name.endswith(".tar.gz") else source.stem
    if not stem.startswith("candidate-"):
        stem = f"{stem}-{(record.get('model_id') or 'unknown')[:12]}"
    target = project.archive_dir / f"{stem}.tar.gz"
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        shutil.copy2(source, tmp)
        tmp.replace(target)
    return {**record, "path": str(target), "name": target.name}


def set_live(project: Project, record: Dict[str, Any], previous: Optional[Dict[str, Any]], *, push: bool) -> None:
    """Record `record` as live; push `previous` on the history (promote) or not (rollback)."""
    data = _load(project)
    if push and previous:
        data["history"].append(previous)
    data["live"] = record
    _save(project, data)


def pop_history(project: Project) -> Optional[Dict[str, Any]]:
    data = _load(project)
    if not data["history"]:
        return None
    record = data["history"].pop()
    _save(project, data)
    return record


def push_history(project: Project, record: Dict[str, Any]) -> None:
    data = _load(project)
    data["history"].append(record)
    _save(project, data)


def save_gate(project: Project, key: str, result: Dict[str, Any]) -> None:
    data = _load(project)
    data["gates"][key] = result
    _save(project, data)


def gate_result(project: Project, key: str) -> Optional[Dict[str, Any]]:
    return _load(project)["gates"].get(key)


def save_evaluation(project: Project, key: str, result: Dict[str, Any]) -> None:
    data = _load(project)
    data["evaluations"][key] = result
    # Keep the file small: the last 20 evaluations are plenty.
    if len(data["evaluations"]) > 20:
        for old in list(data["evaluations"])[:-20]:
            del data["evaluations"][old]
    _save(project, data)


def evaluation(project: Project, key: str) -> Optional[Dict[str, Any]]:
    return _load(project)["evaluations"].get(key)
