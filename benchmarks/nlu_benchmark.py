"""NLU benchmark: this assistant's pipeline against Rasa's default (`rasa init`) pipeline.

Both are trained here, in the same run, on the same data and domain; then both
are measured on the held-out set (tests/nlu/) and on the external out-of-scope
probes (test splits in ../shared/data). Writes benchmarks/results/nlu.{md,json}
and confusion-matrix PNGs.

    python -m benchmarks.nlu_benchmark [--shared ../shared] [--sweep 20,40,60] [--quick]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Dict, List

import yaml

from benchmarks import nlu_eval
from contact_center import language, receipts

ROOT = nlu_eval.ROOT
RESULTS = ROOT / "benchmarks" / "results"
SOURCES = (
    "CLINC150 (Larson et al., EMNLP 2019; CC BY 3.0) and the multilingual task-oriented "
    "dialog set (Schuster et al., NAACL 2019; CC BY-SA), test splits only."
)


def baseline_config() -> Path:
    """The config.yml that `rasa init` writes (empty pipeline and policies: Rasa's defaults)."""
    import rasa

    return Path(rasa.__file__).parent / "cli" / "initial_project" / "config.yml"


def train(config: Path, out: Path, name: str, nlu_only: bool = False) -> Dict[str, float]:
    """Train a model and return its path, wall time and size."""
    from rasa.model_training import train as rasa_train, train_nlu

    start = time.perf_counter()
    if nlu_only:
        path = train_nlu(str(config), str(ROOT / "data"), str(out), fixed_model_name=name, domain=str(ROOT / "domain.yml"))
    else:
        result = rasa_train(
            str(ROOT / "domain.yml"), str(config), [str(ROOT / "data")], str(out),
            fixed_model_name=name, force_training=True,
        )
        path = result.model
    seconds = time.perf_counter() - start
    return {"path": path, "train_seconds": seconds, "size_mb": os.path.getsize(path) / 1e6}


def with_epochs(config: Path, epochs: int, out_dir: Path) -> Path:
    """This pipeline with DIET (intents only, no transformer) in place of the classifier."""
    data = yaml.safe_load(config.read_text())
    for i, component in enumerate(data["pipeline"]):
        if component["name"].endswith("NormalisedLogisticRegressionClassifier"):
            data["pipeline"][i] = {
                "name": "DIETClassifier", "epochs": epochs, "entity_recognition": False,
                "number_of_transformer_layers": 0, "constrain_similarities": True, "random_seed": 7,
            }
    path = out_dir / f"config_e{epochs}.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def evaluate(model_path: str, heldout: Dict[str, List[nlu_eval.Example]], probes, normalise_receipts: bool) -> Dict:
    parser = nlu_eval.ModelParser(Path(model_path))
    report: Dict = {}
    start = time.perf_counter()
    n_parsed = 0
    for lang, examples in heldout.items():
        parsed = parser.parse_many([e.text for e in examples])
        n_parsed += len(examples)
        scores = nlu_eval.intent_scores(examples, parsed)
        scores["receipt_number"] = nlu_eval.receipt_exact_match(
            examples, parsed, receipts.normalise if normalise_receipts else (lambda s: s)
        )
        scores["gold"] = [e.intent for e in examples]
        scores["pred"] = [p.intent for p in parsed]
        report[lang] = scores
    for lang, sets in probes.items():
        fa = {}
        all_parsed = []
        for source, texts in sets.items():
            parsed = parser.parse_many(texts)
            n_parsed += len(texts)
            all_parsed += parsed
            fa[source] = {"n": len(texts), "false_acceptance": nlu_eval.false_acceptance(parsed)}
        report[lang]["probes"] = fa
        report[lang]["false_acceptance"] = nlu_eval.false_acceptance(all_parsed)
        report[lang]["false_acceptance_n"] = len(all_parsed)
    report["parse_ms_mean"] = 1000 * (time.perf_counter() - start) / max(1, n_parsed)
    return report


def language_id(heldout, probes) -> Dict:
    """Accuracy of the language decision on labelled messages, in isolation (no history)."""
    from lingua import Language, LanguageDetectorBuilder

    raw = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()
    out = {}
    for lang in ("en", "es"):
        texts = [e.text for e in heldout[lang]] + [t for ts in probes[lang].values() for t in ts]
        ours = sum(language.detect(t).language == lang for t in texts) / len(texts)
        lingua_only = sum(
            ("es" if raw.detect_language_of(t) == Language.SPANISH else "en") == lang for t in texts
        ) / len(texts)
        out[lang] = {"n": len(texts), "ours": ours, "lingua_alone": lingua_only, "rasa_default": 1.0 if lang == "en" else 0.0}
    return out


def confusion_png(gold: List[str], pred: List[str], title: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(gold) | set(pred))
    fig, ax = plt.subplots(figsize=(13, 11))
    ConfusionMatrixDisplay.from_predictions(
        gold, pred, labels=labels, ax=ax, xticks_rotation=90, colorbar=False, cmap="Blues"
    )
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def markdown(result: Dict) -> str:
    ours, base = result["ours"], result["baseline"]
    lines = [
        "# NLU benchmark", "",
        f"Run {result['when']} on {result['machine']}. Written by `make bench-nlu` "
        "(benchmarks/nlu_benchmark.py); both models trained in this run on the same data "
        "and domain. Baseline: the pipeline and policies `rasa init` generates (Rasa's defaults).", "",
        "## Targets, per language", "",
        "| figure | lang | ours | baseline | target | met |", "|---|---|---|---|---|---|",
    ]
    for lang in ("en", "es"):
        rows = [
            ("intent macro-F1 (held-out)", ours[lang]["macro_f1"], base[lang]["macro_f1"], ">= 0.95", ours[lang]["macro_f1"] >= 0.95),
            ("receipt_number exact match", ours[lang]["receipt_number"]["exact_match"], base[lang]["receipt_number"]["exact_match"], ">= 0.98", ours[lang]["receipt_number"]["exact_match"] >= 0.98),
            ("false acceptance on probes", ours[lang]["false_acceptance"], base[lang]["false_acceptance"], "<= 0.03", ours[lang]["false_acceptance"] <= 0.03),
        ]
        for name, a, b, target, met in rows:
            lines.append(f"| {name} | {lang} | {a:.4f} | {b:.4f} | {target} | {'yes' if met else 'NO'} |")
    lid = result["language_id"]
    balanced = {k: sum(lid[l][k] for l in ("en", "es")) / 2 for k in ("ours", "rasa_default", "lingua_alone")}
    lines += [
        f"| language identification, balanced accuracy (mean of en and es) | both | {balanced['ours']:.4f} | "
        f"{balanced['rasa_default']:.4f} | better than baseline | {'yes' if balanced['ours'] > balanced['rasa_default'] else 'NO'} |",
        f"| full training (NLU + dialogue), seconds | both | {result['ours']['train_seconds']:.0f} | {result['baseline']['train_seconds']:.0f} | < 300 | {'yes' if result['ours']['train_seconds'] < 300 else 'NO'} |",
        f"| model size, MB | both | {result['ours']['size_mb']:.1f} | {result['baseline']['size_mb']:.1f} | | |",
        f"| mean parse time, ms | both | {ours['parse_ms_mean']:.1f} | {base['parse_ms_mean']:.1f} | | |",
        "", "Training time as a ratio of the baseline's, measured in the same run: "
        f"{result['ours']['train_seconds'] / result['baseline']['train_seconds']:.2f}.", "",
        "## Language identification", "",
        "Accuracy of the language decision on each message alone (no conversation history: a "
        "neutral message counts as English). Labelled messages: the held-out set and the "
        "multilingual TOD test splits. Rasa's default pipeline has no language detection and "
        "answers in its one configured language (en); `lingua alone` is the detector without "
        "this project's rules.", "",
        "| lang | n | ours | lingua alone | rasa default |", "|---|---|---|---|---|",
    ]
    for lang, v in result["language_id"].items():
        lines.append(f"| {lang} | {v['n']} | {v['ours']:.4f} | {v['lingua_alone']:.4f} | {v['rasa_default']:.4f} |")
    lines += ["", "## False acceptance by probe set", "", "| lang | source | n | ours | baseline |", "|---|---|---|---|---|"]
    for lang in ("en", "es"):
        for source, v in ours[lang]["probes"].items():
            lines.append(f"| {lang} | {source} | {v['n']} | {v['false_acceptance']:.4f} | {base[lang]['probes'][source]['false_acceptance']:.4f} |")
    lines += ["", f"Probe sources: {SOURCES}", "", "## Per-intent F1 (held-out)", "",
              "| intent | en ours | en baseline | es ours | es baseline |", "|---|---|---|---|---|"]
    for intent in sorted(ours["en"]["per_intent_f1"]):
        lines.append(
            f"| {intent} | {ours['en']['per_intent_f1'][intent]:.3f} | {base['en']['per_intent_f1'][intent]:.3f} | "
            f"{ours['es']['per_intent_f1'].get(intent, 0):.3f} | {base['es']['per_intent_f1'].get(intent, 0):.3f} |"
        )
    if result.get("sweep"):
        lines += ["", "## Classifier and epochs against accuracy and time (NLU only)", "",
                  "The same pipeline with DIET (intents only, no transformer layers) in place of "
                  "the logistic regression, at several epoch counts. The chosen classifier's "
                  f"figures are in the first table (full training {result['ours']['train_seconds']:.0f} s).", "",
                  "| DIET epochs | NLU train s | en macro-F1 | es macro-F1 | en FA | es FA |", "|---|---|---|---|---|---|"]
        for row in result["sweep"]:
            lines.append(f"| {row['epochs']} | {row['train_seconds']:.0f} | {row['en_macro_f1']:.4f} | {row['es_macro_f1']:.4f} | {row['en_fa']:.4f} | {row['es_fa']:.4f} |")
    lines += ["", "## Held-out errors (ours)", ""]
    for lang in ("en", "es"):
        for err in ours[lang]["errors"]:
            lines.append(f"- {lang}: `{err['text']}`: {err['gold']} -> {err['pred']} ({err['confidence']})")
    lines += ["", "Confusion matrices: `nlu_confusion_en.png`, `nlu_confusion_es.png` (ours, held-out).", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sweep", default="", help="comma-separated DIET epochs to try (NLU only)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--from-json", type=Path, help="only re-render the Markdown report from a saved nlu.json")
    args = parser.parse_args()
    if args.from_json:
        text = markdown(json.loads(args.from_json.read_text()))
        (args.out / "nlu.md").write_text(text)
        print(text)
        return
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

    heldout = nlu_eval.heldout()
    probes = nlu_eval.probes(args.shared)
    work = Path(tempfile.mkdtemp(prefix="bench-nlu-"))
    result: Dict = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    try:
        ours_model = train(ROOT / "config.yml", work, "ours")
        base_model = train(baseline_config(), work, "baseline")
        result["ours"] = {**evaluate(ours_model["path"], heldout, probes, True), **ours_model}
        result["baseline"] = {**evaluate(base_model["path"], heldout, probes, False), **base_model}
        result["language_id"] = language_id(heldout, probes)
        sweep = []
        for epochs in [int(e) for e in args.sweep.split(",") if e.strip()]:
            cfg = with_epochs(ROOT / "config.yml", epochs, work)
            trained = train(cfg, work, f"e{epochs}", nlu_only=True)
            ev = evaluate(trained["path"], heldout, probes, True)
            sweep.append({
                "epochs": epochs, "train_seconds": trained["train_seconds"],
                "en_macro_f1": ev["en"]["macro_f1"], "es_macro_f1": ev["es"]["macro_f1"],
                "en_fa": ev["en"]["false_acceptance"], "es_fa": ev["es"]["false_acceptance"],
            })
        result["sweep"] = sweep
    finally:
        shutil.rmtree(work, ignore_errors=True)

    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "es"):
        confusion_png(result["ours"][lang]["gold"], result["ours"][lang]["pred"],
                      f"Held-out intents, {lang} (this pipeline)", args.out / f"nlu_confusion_{lang}.png")
    for side in ("ours", "baseline"):
        for lang in ("en", "es"):
            result[side][lang].pop("gold", None)
            result[side][lang].pop("pred", None)
        result[side].pop("path", None)
    (args.out / "nlu.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    text = markdown(result)
    (args.out / "nlu.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
