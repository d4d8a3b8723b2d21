"""Promote a gated candidate into the running server, and roll back, without a restart.

promote: gate (or reuse the recorded verdict for exactly these two model files and
margin) -> copy the live model and the candidate into models/archive/ -> `PUT /model`
with the archived candidate -> check `/status` reports the candidate's model id ->
record it as live, the previous one on the history -> copy it to
models/current.tar.gz, so a restart of `make run` serves it too.

rollback: `PUT /model` with the model before (from the history) -> check -> record.
Each rollback goes one model further back.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Dict, Optional, TextIO

from admin import gate, registry, state
from admin.project import AdminError, Project
from admin.server import Server


def _install_current(project: Project, record: Dict[str, object]) -> None:
    """models/current.tar.gz := the live model (atomic replace)."""
    source = Path(str(record["path"]))
    target = project.current_model
    if source.resolve() == target.resolve():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    shutil.copyfile(source, tmp)
    tmp.replace(target)


def _switch(server: Server, record: Dict[str, object], out: TextIO) -> float:
    path = Path(str(record["path"])).resolve()
    started = time.monotonic()
    out.write(f"Loading {path.name} into {server.url} (PUT /model)...\n")
    out.flush()
    server.load(path)
    status = server.status()
    if status.get("model_id") != record.get("model_id"):
        raise AdminError(
            f"after PUT /model the server reports model {status.get('model_id')} ({status.get('model_file')}), "
            f"not {record.get('model_id')}"
        )
    return time.monotonic() - started


def promote(
    project: Project,
    server: Server,
    candidate_ref: Optional[str] = None,
    margin: Optional[float] = None,
    update_current: bool = True,
    out: Optional[TextIO] = None,
) -> Dict[str, object]:
    import sys

    out = out or sys.stdout
    margin = gate.default_margin() if margin is None else margin
    candidate = registry.candidate(project, candidate_ref)
    candidate_path = Path(str(candidate["path"]))
    meta = registry.metadata(candidate_path)
    if meta.get("training_type") not in (3, 4):
        raise AdminError(
            f"{candidate_path.name} is a {registry.TRAINING_TYPES.get(meta.get('training_type'), '?')} model: "
            f"the server needs NLU and dialogue (train with `python -m admin train`)"
        )
    live = registry.live(project)
    server_status = server.status()  # fail early when the server is down, before any copying
    if live and server_status.get("model_id") and server_status["model_id"] != live.get("model_id"):
        out.write(f"note: the server runs model {server_status['model_id']} ({server_status.get('model_file')}), "
                  f"not the recorded live one {live.get('model_id')}; the gate compares with the recorded one\n")
    if live and live.get("model_id") == candidate.get("model_id"):
        raise AdminError(f"{candidate_path.name} is already the live model")

    live_path = Path(str(live["path"])) if live and Path(str(live["path"])).exists() else None
    verdict = gate.recorded(project, candidate_path, live_path, margin)
    if verdict is None:
        out.write("Gating the candidate against the live model on the held-out set...\n")
        out.flush()
        verdict = gate.run(project, candidate, live, margin)
    out.write(verdict.table() + "\n")
    if not verdict.passed:
        raise AdminError("not promoted, the live model stays.\n" + verdict.summary())

    previous = registry.archive(project, live) if live_path else None
    new_live = registry.archive(project, candidate)
    new_live.update({"promoted_at": state.now(), "inputs": candidate.get("inputs"), "model_id": candidate.get("model_id")})
    seconds = _switch(server, new_live, out)
    registry.set_live(project, new_live, previous, push=True)
    if update_current:
        _install_current(project, new_live)
    out.write(f"Promoted {new_live['name']} (model id {str(new_live['model_id'])[:12]}) in {seconds:.1f}s; "
              f"previous model kept as {previous['name'] if previous else 'none'}.\n"
              f"Roll back with: python -m admin rollback\n")
    return new_live


def rollback(project: Project, server: Server, update_current: bool = True, out: Optional[TextIO] = None) -> Dict[str, object]:
    import sys

    out = out or sys.stdout
    previous = registry.pop_history(project)
    if previous is None:
        raise AdminError("nothing to roll back to: no model was live before the current one")
    if not Path(str(previous["path"])).exists():
        registry.push_history(project, previous)
        raise AdminError(f"cannot roll back: {previous['path']} is gone")
    current = registry.live(project)
    try:
        seconds = _switch(server, previous, out)
    except AdminError:
        registry.push_history(project, previous)
        raise
    previous = {**previous, "promoted_at": state.now(), "rolled_back_from": current.get("model_id") if current else None}
    registry.set_live(project, previous, None, push=False)
    if update_current:
        _install_current(project, previous)
    out.write(f"Rolled back to {previous['name']} (model id {str(previous['model_id'])[:12]}) in {seconds:.1f}s; "
              f"{current['name'] if current else 'the model'} stays in {project.relative(project.archive_dir)}/.\n")
    return previous
