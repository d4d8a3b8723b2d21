"""Train a candidate model, with a progress display and the time it took.

Modes (the flags mirror `rasa train`):

* default: Rasa's training with its training cache (`.rasa/cache` of the project).
  Every component whose inputs did not change is restored from the cache, so when
  only NLU examples changed (what labelling does), the NLU featurizers and the intent
  classifier are retrained on all examples and the dialogue policies are restored.
* `--force`: every component from scratch, the cache ignored.
* `--finetune`: Rasa's incremental training (`rasa train --finetune`), starting from
  the live model. It works with this project's pipeline (the count-vector featurizers
  extend their vocabulary; Rasa's finetuning validator refuses when the domain or
  config changed), but it saves nothing here: `NormalisedLogisticRegressionClassifier`
  is Rasa's `LogisticRegressionClassifier`, whose `train` refits scikit-learn's
  LogisticRegression from scratch on every example (it has no incremental fit),
  and in finetuning mode the policies are retrained instead of restored from the
  cache. On this project's full data (2 shared cores) a finetune took as long as the
  cached retrain, so the default is the cached retrain; `--finetune` is kept for
  pipelines with DIET or TED, which do continue from their weights.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, TextIO

from admin import registry
from admin.project import AdminError, Project
from contact_center import settings

HOOKS_LOGGER = "rasa.engine.training.hooks"
CACHE_ENV = "RASA_CACHE_DIRECTORY"
_USER_CACHE_DIR = settings.text(CACHE_ENV)  # the admin's own cache, as the process started
_STARTED = re.compile(r"Starting to train component '([^']+)'")
_FINISHED = re.compile(r"Finished training component '([^']+)'")
_RESTORED = re.compile(r"Restored component '([^']+)' from cache")


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    return f"{seconds // 60}m {seconds % 60:02d}s"


def input_fingerprints(project: Project) -> Dict[str, str]:
    """Hashes of what a model is trained from: config, domain, dialogue data, NLU data."""

    def digest(paths: List[Path]) -> str:
        h = hashlib.sha256()
        for path in sorted(paths):
            h.update(project.relative(path).encode())
            h.update(path.read_bytes())
        return h.hexdigest()[:16]

    all_data = [p for p in project.data.rglob("*.yml")] if project.data.exists() else []
    nlu = [p for p in all_data if project.nlu_dir in p.parents]
    return {
        "config": digest([project.config]),
        "domain": digest(project.domain_files),
        "dialogue": digest([p for p in all_data if p not in nlu]),
        "nlu": digest(nlu),
    }


def plan(project: Project, force: bool, finetune: bool) -> str:
    """Why this training runs the way it does (printed before it starts)."""
    if force:
        return "full training: every component from scratch (--force)"
    if finetune:
        return "fine-tuning the live model (--finetune): Rasa's incremental training"
    live = registry.live(project)
    now = input_fingerprints(project)
    before = (live or {}).get("inputs")
    if not before:
        return "training with Rasa's cache: components whose inputs changed are retrained"
    changed = [k for k in ("config", "domain", "dialogue", "nlu") if before.get(k) != now[k]]
    if not changed:
        return "nothing changed since the live model was trained; training with Rasa's cache"
    if changed == ["nlu"]:
        return ("only NLU examples changed since the live model: NLU components retrained, "
                "dialogue policies restored from Rasa's training cache")
    return f"{', '.join(changed)} changed since the live model: training with Rasa's cache"


class Progress(logging.Handler):
    """Turns Rasa's per-component training log lines into a numbered progress display."""

    def __init__(self, steps: List[str], stream: TextIO) -> None:
        super().__init__(logging.INFO)
        self.steps = steps
        self.total = max(1, len(steps))
        self.done = 0
        self.stream = stream
        self.started = time.monotonic()
        self.current: Optional[str] = None
        self.current_since = 0.0
        self.tty = stream.isatty()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._ticker: Optional[threading.Thread] = None

    def __enter__(self) -> "Progress":
        if self.tty:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._ticker:
            self._ticker.join(timeout=2)
        self._clear()

    def _elapsed(self) -> str:
        return duration(time.monotonic() - self.started)

    def _clear(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            with self._lock:
                if self.current:
                    bar = self._bar()
                    self.stream.write(
                        f"\r\033[K  {bar} [{self.done + 1}/{self.total}] {self.current} "
                        f"training... {duration(time.monotonic() - self.current_since)}  (total {self._elapsed()})"
                    )
                    self.stream.flush()

    def _bar(self) -> str:
        width = 20
        filled = int(width * self.done / self.total)
        return "[" + "#" * filled + "-" * (width - filled) + "]"

    def line(self, text: str) -> None:
        with self._lock:
            self._clear()
            self.stream.write(text + "\n")
            self.stream.flush()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if m := _STARTED.search(message):
            with self._lock:
                self.current, self.current_since = m.group(1), time.monotonic()
            return
        if m := _FINISHED.search(message):
            self.done += 1
            took = duration(time.monotonic() - self.current_since) if self.current else "?"
            self.current = None
            self.line(f"  {self._bar()} [{self.done}/{self.total}] {m.group(1):45} trained in {took}")
        elif m := _RESTORED.search(message):
            self.done += 1
            self.line(f"  {self._bar()} [{self.done}/{self.total}] {m.group(1):45} restored from cache")


def _training_steps(project: Project, finetune: bool) -> List[str]:
    """The components that train, in the order the recipe lists them."""
    from rasa.engine.recipes.recipe import Recipe
    from rasa.shared.data import TrainingType
    from rasa.shared.importers.importer import TrainingDataImporter

    importer = TrainingDataImporter.load_from_config(str(project.config), str(project.domain_path), [str(project.data)])
    config = importer.get_config()
    recipe = Recipe.recipe_for_name(config.get("recipe"))
    config, _, _ = recipe.auto_configure(importer.get_config_file_for_auto_config(), config, TrainingType.BOTH)
    model_config = recipe.graph_config_for_recipe(config, {}, training_type=TrainingType.BOTH, is_finetuning=finetune)
    return [
        node.uses.__name__
        for node in model_config.train_schema.nodes.values()
        if node.is_target and not node.is_input
    ]


@dataclass
class TrainResult:
    path: str
    name: str
    model_id: str
    seconds: float
    plan: str
    trained_at: float
    inputs: Dict[str, str] = field(default_factory=dict)


def train(
    project: Project,
    *,
    force: bool = False,
    finetune: bool = False,
    niceness: int = 10,
    out: Optional[TextIO] = None,
) -> TrainResult:
    """Train a candidate into models/candidates/ and record it (not promoted)."""
    out = out or sys.stdout
    if force and finetune:
        raise AdminError("--force and --finetune exclude each other")
    base = None
    if finetune:
        live = registry.live(project)
        base = live and live.get("path")
        if not base or not Path(base).exists():
            raise AdminError("--finetune needs a live model to start from; none is recorded or the file is gone")
    for path in (project.config, project.domain_path, project.data):
        if not path.exists():
            raise AdminError(f"cannot train: {path} is missing")
    if niceness:
        try:  # share the machine with the running assistant; never more than asked for
            os.nice(max(0, niceness - os.nice(0)))
        except OSError:
            pass
    settings.set_default("RASA_TELEMETRY_ENABLED")
    project.make_importable()

    why = plan(project, force, finetune)
    inputs = input_fingerprints(project)
    name = time.strftime("candidate-%Y%m%d-%H%M%S") + ".tar.gz"
    project.candidates_dir.mkdir(parents=True, exist_ok=True)
    out.write(f"Training {name}\n  {why}\n")
    out.flush()
    started = time.monotonic()

    import warnings

    from rasa import model_training

    steps = _training_steps(project, finetune)
    out.write(f"  {len(steps)} components to train: {', '.join(steps)}\n")
    out.flush()
    hooks_logger = logging.getLogger(HOOKS_LOGGER)
    progress = Progress(steps, out)
    hooks_logger.addHandler(progress)
    previous_level, previous_propagate = hooks_logger.level, hooks_logger.propagate
    hooks_logger.setLevel(logging.INFO)
    # The progress display replaces these lines, unless the admin asked for Rasa's logs (-v).
    hooks_logger.propagate = logging.getLogger().level <= logging.INFO
    # When fine-tuning, Rasa tries its cache, finds the resource already unpacked from the
    # live model and says so at WARNING; harmless (it retrains), but not for admins' eyes.
    caching_logger = logging.getLogger("rasa.engine.caching")
    previous_caching_level = caching_logger.level
    if finetune:
        caching_logger.setLevel(logging.ERROR)
    rasa_output = io.StringIO()  # Rasa's own "model is trained" lines; shown if training fails
    # Rasa's training cache lives in the project (.rasa/cache), unless the admin set one.
    cache_before = settings.raw(CACHE_ENV)
    os.environ[CACHE_ENV] = _USER_CACHE_DIR or str(project.root / ".rasa" / "cache")
    try:
        with progress, warnings.catch_warnings(), contextlib.redirect_stdout(rasa_output):
            warnings.simplefilter("ignore")
            result = model_training.train(
                domain=str(project.domain_path),
                config=str(project.config),
                training_files=[str(project.data)],
                output=str(project.candidates_dir),
                force_training=force,
                fixed_model_name=name,
                model_to_finetune=base,
            )
    except SystemExit as error:  # rasa's print_error_and_exit
        raise AdminError(f"training stopped: {rasa_output.getvalue().strip() or error}") from error
    except Exception as error:  # noqa: BLE001 - shown to the admin, with the cause
        raise AdminError(f"training failed: {error.__class__.__name__}: {error}\n{rasa_output.getvalue()}") from error
    finally:
        hooks_logger.removeHandler(progress)
        hooks_logger.setLevel(previous_level)
        hooks_logger.propagate = previous_propagate
        caching_logger.setLevel(previous_caching_level)
        if cache_before is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = cache_before
    seconds = time.monotonic() - started
    path = project.candidates_dir / name
    if getattr(result, "code", 1) != 0 or not path.exists():
        raise AdminError(f"training failed (code {getattr(result, 'code', '?')}): no model written\n"
                         f"{rasa_output.getvalue()}")
    meta = registry.metadata(path)
    record = TrainResult(str(path), name, meta.get("model_id", ""), round(seconds, 1), why, time.time(), inputs)
    registry.add_candidate(project, asdict(record))
    out.write(f"Candidate {project.relative(path)} trained in {duration(seconds)} (model id {record.model_id[:12]})\n")
    out.write("Next: python -m admin gate   (then: python -m admin promote)\n")
    out.flush()
    return record
