"""The gate: a candidate goes live only if no language's held-out macro-F1 drops too much.

Both models parse the development set (tests/nlu/dev_<lang>.yml, held out from
training; the test set is the NLU benchmark's alone), in-process, measured as the NLU
benchmark and the dev-set floor test measure (nlu_evaluation/). Per language the table shows macro-F1 and accuracy of the
live model and of the candidate; the candidate is refused when, for any language,
candidate macro-F1 < live macro-F1 - margin (default 0.01, `--margin` or the
RASA_ADMIN_GATE_MARGIN environment variable), and the reason names the language,
the figures and the intents that lost most.

Evaluations are kept by the model file's hash and the dev files' hash, so the
live model is not re-evaluated for every candidate.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from admin import registry, state
from admin.project import AdminError, Project
from contact_center import settings

MARGIN_ENV = "RASA_ADMIN_GATE_MARGIN"
DEFAULT_MARGIN: float = settings.default(MARGIN_ENV)


def default_margin() -> float:
    try:
        return settings.number(MARGIN_ENV)  # empty: the default
    except ValueError:
        raise AdminError(f"{MARGIN_ENV}={settings.raw(MARGIN_ENV)!r} is not a number")


def dev_hash(project: Project) -> str:
    h = hashlib.sha256()
    for lang, path in project.dev_files().items():
        h.update(lang.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


heldout_hash = dev_hash  # the former name


def evaluate(project: Project, model_path: Path) -> Dict[str, Dict[str, object]]:
    """Per language: n, macro_f1, accuracy, per_intent_f1 of a model on the dev set."""
    files = project.dev_files()
    if not files:
        raise AdminError(f"no development set: expected tests/nlu/dev_<lang>.yml under {project.root}")
    key = f"{registry.sha256(model_path)}:{dev_hash(project)}"
    cached = registry.evaluation(project, key)
    if cached:
        return cached
    project.make_importable()  # this repository's root too: nlu_evaluation is found there
    import nlu_evaluation as nlu_eval

    parser = nlu_eval.ModelParser(model_path)
    result = {}
    for lang, path in files.items():
        examples = nlu_eval.load_examples(path, lang)
        parsed = parser.parse_many([e.text for e in examples])
        scores = nlu_eval.intent_scores(examples, parsed)
        result[lang] = {
            "n": len(examples),
            "macro_f1": round(scores["macro_f1"], 4),
            "accuracy": round(scores["accuracy"], 4),
            "per_intent_f1": {k: round(v, 4) for k, v in scores["per_intent_f1"].items()},
        }
    parser.loop.close()
    registry.save_evaluation(project, key, result)
    return result


@dataclass
class Row:
    language: str
    n: int
    live_f1: Optional[float]
    candidate_f1: float
    live_accuracy: Optional[float]
    candidate_accuracy: float
    delta: Optional[float]
    ok: bool
    worst_intents: List[List[object]] = field(default_factory=list)  # [intent, live F1, candidate F1]


@dataclass
class GateResult:
    candidate: str
    candidate_model_id: str
    live: Optional[str]
    live_model_id: Optional[str]
    margin: float
    passed: bool
    rows: List[Row]
    reasons: List[str]
    checked_at: float

    def table(self) -> str:
        head = (f"{'LANG':4}  {'N':>4}  {'LIVE F1':>8}  {'CAND F1':>8}  {'DELTA':>7}  "
                f"{'LIVE ACC':>8}  {'CAND ACC':>8}  VERDICT")
        lines = [head]
        for r in self.rows:
            live_f1 = f"{r.live_f1:.3f}" if r.live_f1 is not None else "-"
            live_acc = f"{r.live_accuracy:.3f}" if r.live_accuracy is not None else "-"
            delta = f"{r.delta:+.3f}" if r.delta is not None else "-"
            lines.append(f"{r.language:4}  {r.n:>4}  {live_f1:>8}  {r.candidate_f1:>8.3f}  {delta:>7}  "
                         f"{live_acc:>8}  {r.candidate_accuracy:>8.3f}  {'ok' if r.ok else 'DROP'}")
        return "\n".join(lines)

    def summary(self) -> str:
        if self.passed:
            return (f"PASSED: no language's macro-F1 drops by more than {self.margin:.3f}; "
                    f"the candidate may be promoted")
        return "REFUSED:\n" + "\n".join(f"  - {reason}" for reason in self.reasons)

    @classmethod
    def from_dict(cls, data: Dict[str, object]) -> "GateResult":
        rows = [Row(**r) for r in data["rows"]]  # type: ignore[arg-type]
        return cls(**{**data, "rows": rows})  # type: ignore[arg-type]


def gate_key(candidate_path: Path, live_path: Optional[Path], margin: float, project: Project) -> str:
    live_sha = registry.sha256(live_path) if live_path else "none"
    return f"{registry.sha256(candidate_path)}:{live_sha}:{margin}:{dev_hash(project)}"


def run(
    project: Project,
    candidate: Dict[str, object],
    live: Optional[Dict[str, object]],
    margin: float,
) -> GateResult:
    """Evaluate both models, compare per language, record and return the verdict."""
    if margin < 0:
        raise AdminError("the margin cannot be negative")
    candidate_path = Path(str(candidate["path"]))
    if not candidate_path.exists():
        raise AdminError(f"candidate {candidate_path} is gone")
    live_path = Path(str(live["path"])) if live and Path(str(live["path"])).exists() else None
    key = gate_key(candidate_path, live_path, margin, project)
    cand_scores = evaluate(project, candidate_path)
    live_scores = evaluate(project, live_path) if live_path else {}
    rows, reasons = [], []
    for lang, cand in cand_scores.items():
        before = live_scores.get(lang)
        live_f1 = before["macro_f1"] if before else None
        delta = round(cand["macro_f1"] - live_f1, 4) if live_f1 is not None else None
        ok = delta is None or delta >= -margin - 1e-9
        worst = []
        if before:
            drops = [
                [intent, before["per_intent_f1"].get(intent, 0.0), f1]
                for intent, f1 in cand["per_intent_f1"].items()
                if f1 < before["per_intent_f1"].get(intent, 0.0)
            ]
            worst = sorted(drops, key=lambda d: d[2] - d[1])[:3]
        rows.append(Row(lang, cand["n"], live_f1, cand["macro_f1"], before["accuracy"] if before else None,
                        cand["accuracy"], delta, ok, worst))
        if not ok:
            lost = ", ".join(f"{i} {a:.2f}->{b:.2f}" for i, a, b in worst)
            reasons.append(
                f"{lang}: held-out macro-F1 (dev set) {cand['macro_f1']:.3f} vs live {live_f1:.3f} "
                f"({delta:+.3f}) drops more than the margin {margin:.3f}" + (f"; most lost: {lost}" if lost else "")
            )
    result = GateResult(
        candidate=str(candidate_path),
        candidate_model_id=str(candidate.get("model_id") or ""),
        live=str(live_path) if live_path else None,
        live_model_id=str(live.get("model_id")) if live else None,
        margin=margin,
        passed=not reasons,
        rows=rows,
        reasons=reasons,
        checked_at=state.now(),
    )
    registry.save_gate(project, key, asdict(result))
    return result


def recorded(project: Project, candidate_path: Path, live_path: Optional[Path], margin: float) -> Optional[GateResult]:
    data = registry.gate_result(project, gate_key(candidate_path, live_path, margin, project))
    return GateResult.from_dict(data) if data else None
