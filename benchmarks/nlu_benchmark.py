"""NLU benchmark: this assistant's pipeline against Rasa's default (`rasa init`) pipeline.

Both are trained here, in the same run, on the same data and domain; then both
are measured, the same way, on the test set (tests/nlu/test_<lang>.yml, which only this
script reads), on the development set (tests/nlu/dev_<lang>.yml, the one choices, the
admin gate and the CI floor use; reported in its own table) and on the external
out-of-scope probes (test splits in ../shared/data). Before training, the test set is
checked to be disjoint from the training data and the dev set after folding (case,
accents, punctuation, numbers); near-paraphrases are listed in the report. Writes
benchmarks/results/nlu.{md,json} and confusion-matrix PNGs.

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

import nlu_evaluation as nlu_eval
from contact_center import language, receipts

ROOT = nlu_eval.ROOT
RESULTS = ROOT / "benchmarks" / "results"
# The test set: read by this script only (tests/data/test_nlu_split.py checks that no other
# Python file names these files). Choices, the admin gate and the CI floor use the dev set.
TEST = {"en": ROOT / "tests" / "nlu" / "test_en.yml", "es": ROOT / "tests" / "nlu" / "test_es.yml"}
NEAR_PARAPHRASE = 0.8  # token Jaccard, after folding, at or above which a pair is listed
SOURCES = (
    "CLINC150 (Larson et al., EMNLP 2019; CC BY 3.0) and the multilingual task-oriented "
    "dialog set (Schuster et al., NAACL 2019; CC BY-SA), test splits only."
)


def test_set() -> Dict[str, List[nlu_eval.Example]]:
    return {lang: nlu_eval.load_examples(path, lang) for lang, path in TEST.items()}


def split_check(test: Dict[str, List[nlu_eval.Example]], dev: Dict[str, List[nlu_eval.Example]]) -> Dict:
    """Per language: test texts equal after folding to a training or dev text (must be none),
    and near-paraphrases (token Jaccard >= NEAR_PARAPHRASE) of one."""
    training = nlu_eval.training_examples()
    return {
        lang: nlu_eval.split_overlaps(examples, {"training": training, "dev": dev[lang]}, NEAR_PARAPHRASE)
        for lang, examples in test.items()
    }


def configured_language(config: Path) -> str:
    """The language a pipeline answers in when its parse names none: its config's `language`."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    return str(data.get("language") or "en")


def baseline_config() -> Path:
    """The config.yml that `rasa init` writes (empty pipeline and policies: Rasa's defaults)."""
    import rasa

    return Path(rasa.__file__).parent / "cli" / "initial_project" / "config.yml"


def train(config: Path, out: Path, name: str, nlu_only: bool = False) -> Dict[str, float]:
    """Train a model and return its path, wall time and size."""
    from rasa.model_training import train as rasa_train, train_nlu

    start = time.perf_counter()
    if nlu_only:
        path = train_nlu(str(config), str(ROOT / "data"), str(out), fixed_model_name=name, domain=str(ROOT / "domain"))
    else:
        result = rasa_train(
            str(ROOT / "domain"), str(config), [str(ROOT / "data")], str(out),
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


def evaluate(
    model_path: str, sets: Dict[str, Dict[str, List[nlu_eval.Example]]], probes, answers_in: str
) -> Dict:
    """Scores of one model on each labelled set ({"test": ..., "dev": ...} by language) and
    on the probes. Every figure is taken from the model's own parse output, the same way
    for every model: receipt numbers normalised (receipts.normalise) before comparing;
    the language of each message is the one its parse names, else `answers_in` (the
    language of the model's config, which is the one it answers in)."""
    parser = nlu_eval.ModelParser(Path(model_path))
    report: Dict = {"probes": {}}
    start = time.perf_counter()
    n_parsed = 0
    probe_parsed: Dict[str, List[nlu_eval.Parsed]] = {}
    for lang, by_source in probes.items():
        fa = {}
        all_parsed: List[nlu_eval.Parsed] = []
        for source, texts in by_source.items():
            parsed = parser.parse_many(texts)
            n_parsed += len(texts)
            all_parsed += parsed
            fa[source] = {"n": len(texts), "false_acceptance": nlu_eval.false_acceptance(parsed)}
        probe_parsed[lang] = all_parsed
        report["probes"][lang] = {
            "sources": fa, "false_acceptance": nlu_eval.false_acceptance(all_parsed), "n": len(all_parsed),
        }
    for split, by_lang in sets.items():
        report[split] = {}
        for lang, examples in by_lang.items():
            parsed = parser.parse_many([e.text for e in examples])
            n_parsed += len(examples)
            scores = nlu_eval.intent_scores(examples, parsed)
            scores["n"] = len(examples)
            scores["receipt_number"] = nlu_eval.receipt_exact_match(examples, parsed, receipts.normalise)
            answered = [p.language or answers_in for p in parsed + probe_parsed.get(lang, [])]
            scores["language_from_parse"] = {
                "n": len(answered), "accuracy": sum(a == lang for a in answered) / max(1, len(answered)),
            }
            scores["gold"] = [e.intent for e in examples]
            scores["pred"] = [p.intent for p in parsed]
            report[split][lang] = scores
    report["parse_ms_mean"] = 1000 * (time.perf_counter() - start) / max(1, n_parsed)
    report["answers_in"] = answers_in
    parser.loop.close()
    return report


def language_id(examples: Dict[str, List[nlu_eval.Example]], probes, baseline: Dict, ours_model: Dict) -> Dict:
    """Accuracy of the language decision on labelled messages (a set's examples and the
    probes), each in isolation (no history). `ours`: this project's decision
    (contact_center.language); `ours_model` and `rasa_default`: measured from each model's
    parse output by evaluate() (language_from_parse) on the same messages."""
    from lingua import Language, LanguageDetectorBuilder

    raw = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()
    out = {}
    for lang in ("en", "es"):
        texts = [e.text for e in examples[lang]] + [t for ts in probes[lang].values() for t in ts]
        ours = sum(language.detect(t).language == lang for t in texts) / len(texts)
        lingua_only = sum(
            ("es" if raw.detect_language_of(t) == Language.SPANISH else "en") == lang for t in texts
        ) / len(texts)
        assert baseline[lang]["language_from_parse"]["n"] == len(texts)
        out[lang] = {
            "n": len(texts), "ours": ours, "lingua_alone": lingua_only,
            "ours_model": ours_model[lang]["language_from_parse"]["accuracy"],
            "rasa_default": baseline[lang]["language_from_parse"]["accuracy"],
        }
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
    if "test" not in ours:
        raise SystemExit("this nlu.json predates the dev/test split (issue 11): rerun the benchmark")
    test, btest, dev, bdev = ours["test"], base["test"], ours["dev"], base["dev"]
    lid, lid_dev = result["language_id"]["test"], result["language_id"]["dev"]
    lines = [
        "# NLU benchmark", "",
        f"Run {result['when']} on {result['machine']}. Written by `make bench-nlu` "
        "(benchmarks/nlu_benchmark.py); both models trained in this run on the same data "
        "and domain. Baseline: the pipeline and policies `rasa init` generates (Rasa's defaults). "
        "Both are measured the same way, from their own parse output: receipt numbers are "
        "normalised before comparing, and a message's language is the one the parse names, "
        f"else the language of the model's config (baseline: `{base.get('answers_in', 'en')}`, "
        "read from the config `rasa init` writes).", "",
        "Figures are on the **test set** (`tests/nlu/test_{en,es}.yml`, "
        f"{test['en']['n']} en / {test['es']['n']} es messages), which only this "
        "benchmark reads; choices, the admin gate and the CI floor use the development set "
        "(its figures are in their own table below).", "",
        "## Targets, per language (test set)", "",
        "| figure | lang | ours | baseline | target | met |", "|---|---|---|---|---|---|",
    ]
    for lang in ("en", "es"):
        fa, bfa = ours["probes"][lang]["false_acceptance"], base["probes"][lang]["false_acceptance"]
        rows = [
            # Issue 11: at least 0.97 in each language, and better than Rasa's default pipeline.
            ("intent macro-F1 (test)", test[lang]["macro_f1"], btest[lang]["macro_f1"], ">= 0.97 and above baseline",
             test[lang]["macro_f1"] >= 0.97 and test[lang]["macro_f1"] > btest[lang]["macro_f1"]),
            ("receipt_number exact match (test)", test[lang]["receipt_number"]["exact_match"], btest[lang]["receipt_number"]["exact_match"], ">= 0.98", test[lang]["receipt_number"]["exact_match"] >= 0.98),
            ("false acceptance on probes", fa, bfa, "<= 0.03", fa <= 0.03),
        ]
        for name, a, b, target, met in rows:
            lines.append(f"| {name} | {lang} | {a:.4f} | {b:.4f} | {target} | {'yes' if met else 'NO'} |")
    balanced = {k: sum(lid[l][k] for l in ("en", "es")) / 2 for k in ("ours", "rasa_default", "lingua_alone")}
    lines += [
        f"| language identification, balanced accuracy (mean of en and es; test set and probes) | both | {balanced['ours']:.4f} | "
        f"{balanced['rasa_default']:.4f} | better than baseline | {'yes' if balanced['ours'] > balanced['rasa_default'] else 'NO'} |",
        f"| full training (NLU + dialogue), seconds | both | {ours['train_seconds']:.0f} | {base['train_seconds']:.0f} | < 300 | {'yes' if ours['train_seconds'] < 300 else 'NO'} |",
        f"| model size, MB | both | {ours['size_mb']:.1f} | {base['size_mb']:.1f} | | |",
        f"| mean parse time, ms | both | {ours['parse_ms_mean']:.1f} | {base['parse_ms_mean']:.1f} | | |",
        "", "Training time as a ratio of the baseline's, measured in the same run: "
        f"{ours['train_seconds'] / base['train_seconds']:.2f}.", "",
        "Receipt numbers: messages with one, test set: "
        + ", ".join(f"{lang} n={test[lang]['receipt_number']['n']}" for lang in ("en", "es"))
        + "; invented where there is none (spurious rate), ours / baseline: "
        + ", ".join(f"{lang} {test[lang]['receipt_number']['spurious_rate']:.4f} / {btest[lang]['receipt_number']['spurious_rate']:.4f}" for lang in ("en", "es"))
        + ".", "",
        "## Development set (for choices, the admin gate and the CI floor; not the reported figures)", "",
        "`tests/nlu/dev_{en,es}.yml` "
        f"({dev['en']['n']} en / {dev['es']['n']} es messages). It has been looked at and "
        "tuned on, so its figures are expected to be higher than the test set's.", "",
        "| figure | lang | ours (dev) | baseline (dev) |", "|---|---|---|---|",
    ]
    for lang in ("en", "es"):
        lines += [
            f"| intent macro-F1 | {lang} | {dev[lang]['macro_f1']:.4f} | {bdev[lang]['macro_f1']:.4f} |",
            f"| receipt_number exact match | {lang} | {dev[lang]['receipt_number']['exact_match']:.4f} | {bdev[lang]['receipt_number']['exact_match']:.4f} |",
            f"| language identification (dev set and probes) | {lang} | {lid_dev[lang]['ours']:.4f} | {lid_dev[lang]['rasa_default']:.4f} |",
        ]
    lines += [
        "", "## Language identification", "",
        "Accuracy of the language decision on each message alone (no conversation history: a "
        "neutral message counts as English). Labelled messages: the test set (and, second table, "
        "the dev set) with the multilingual TOD test splits. `ours`: this project's decision; "
        "`ours (model)`: the language our trained model's parse names; `rasa default`: measured "
        "from the baseline's parse, which names no language, so each message is answered in its "
        "config's language; `lingua alone` is the detector without this project's rules.", "",
        "| set | lang | n | ours | ours (model) | lingua alone | rasa default |", "|---|---|---|---|---|---|---|",
    ]
    for split, table in (("test", lid), ("dev", lid_dev)):
        for lang, v in table.items():
            lines.append(f"| {split} | {lang} | {v['n']} | {v['ours']:.4f} | {v['ours_model']:.4f} | {v['lingua_alone']:.4f} | {v['rasa_default']:.4f} |")
    lines += ["", "## False acceptance by probe set", "", "| lang | source | n | ours | baseline |", "|---|---|---|---|---|"]
    for lang in ("en", "es"):
        for source, v in ours["probes"][lang]["sources"].items():
            lines.append(f"| {lang} | {source} | {v['n']} | {v['false_acceptance']:.4f} | {base['probes'][lang]['sources'][source]['false_acceptance']:.4f} |")
    lines += ["", f"Probe sources: {SOURCES}", "", "## Per-intent F1 (test set)", "",
              "| intent | en ours | en baseline | es ours | es baseline |", "|---|---|---|---|---|"]
    for intent in sorted(test["en"]["per_intent_f1"]):
        lines.append(
            f"| {intent} | {test['en']['per_intent_f1'][intent]:.3f} | {btest['en']['per_intent_f1'][intent]:.3f} | "
            f"{test['es']['per_intent_f1'].get(intent, 0):.3f} | {btest['es']['per_intent_f1'].get(intent, 0):.3f} |"
        )
    if result.get("sweep"):
        lines += ["", "## Classifier and epochs against accuracy and time (NLU only, dev set)", "",
                  "The same pipeline with DIET (intents only, no transformer layers) in place of "
                  "the logistic regression, at several epoch counts, measured on the development "
                  "set (a choice, so not on the test set). The chosen classifier's "
                  f"figures are in the first table (full training {ours['train_seconds']:.0f} s).", "",
                  "| DIET epochs | NLU train s | en dev macro-F1 | es dev macro-F1 | en FA | es FA |", "|---|---|---|---|---|---|"]
        for row in result["sweep"]:
            lines.append(f"| {row['epochs']} | {row['train_seconds']:.0f} | {row['en_macro_f1']:.4f} | {row['es_macro_f1']:.4f} | {row['en_fa']:.4f} | {row['es_fa']:.4f} |")
    check = result.get("split_check") or {}
    if check:
        lines += ["", "## Test set separation", "",
                  "Test texts compared with the training data (data/nlu/**.yml) and the dev set after "
                  "folding case, accents, punctuation, receipt numbers, form numbers and digits "
                  "(nlu_evaluation.fold()). Equal after folding: must be none (the run stops "
                  f"otherwise). Near-paraphrases (token Jaccard >= {NEAR_PARAPHRASE}) are listed, not removed.", "",
                  "| lang | equal after folding | near-paraphrases |", "|---|---|---|"]
        for lang, found in check.items():
            lines.append(f"| {lang} | {len(found['exact'])} | {len(found['near'])} |")
        lines.append("")
        for lang, found in check.items():
            for pair in found["near"]:
                lines.append(f"- {lang}: `{pair['text']}` ({pair['intent']}) ~ {pair['set']} `{pair['other']}` "
                             f"({pair['other_intent']}), {pair['jaccard']}")
    lines += ["", "## Errors (ours)", "",
              f"Test set: {len(test['en']['errors'])} en, {len(test['es']['errors'])} es errors, in nlu.json only, "
              "so that they are not read for tuning. Dev set errors, to work from:", ""]
    for lang in ("en", "es"):
        for err in dev[lang]["errors"]:
            lines.append(f"- {lang}: `{err['text']}`: {err['gold']} -> {err['pred']} ({err['confidence']})")
    lines += ["", "Confusion matrices: `nlu_confusion_en.png`, `nlu_confusion_es.png` (ours, test set).", ""]
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

    dev, test = nlu_eval.dev(), test_set()
    checked = split_check(test, dev)
    leaked = [(lang, pair) for lang, found in checked.items() for pair in found["exact"]]
    if leaked:
        raise SystemExit("test texts equal to training or dev texts after folding (fix tests/nlu/test_<lang>.yml):\n"
                         + "\n".join(f"  {lang}: {p['text']!r} = {p['set']} {p['other']!r}" for lang, p in leaked))
    probes = nlu_eval.probes(args.shared)
    work = Path(tempfile.mkdtemp(prefix="bench-nlu-"))
    result: Dict = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "split_check": checked,
    }
    sets = {"test": test, "dev": dev}
    try:
        ours_model = train(ROOT / "config.yml", work, "ours")
        base_model = train(baseline_config(), work, "baseline")
        result["ours"] = {**evaluate(ours_model["path"], sets, probes, configured_language(ROOT / "config.yml")), **ours_model}
        result["baseline"] = {
            **evaluate(base_model["path"], sets, probes, configured_language(baseline_config())), **base_model
        }
        result["language_id"] = {
            split: language_id(sets[split], probes, result["baseline"][split], result["ours"][split]) for split in sets
        }
        sweep = []
        for epochs in [int(e) for e in args.sweep.split(",") if e.strip()]:
            cfg = with_epochs(ROOT / "config.yml", epochs, work)
            trained = train(cfg, work, f"e{epochs}", nlu_only=True)
            ev = evaluate(trained["path"], {"dev": dev}, probes, configured_language(cfg))  # a choice: dev set
            sweep.append({
                "epochs": epochs, "train_seconds": trained["train_seconds"],
                "en_macro_f1": ev["dev"]["en"]["macro_f1"], "es_macro_f1": ev["dev"]["es"]["macro_f1"],
                "en_fa": ev["probes"]["en"]["false_acceptance"], "es_fa": ev["probes"]["es"]["false_acceptance"],
            })
        result["sweep"] = sweep
    finally:
        shutil.rmtree(work, ignore_errors=True)

    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "es"):
        confusion_png(result["ours"]["test"][lang]["gold"], result["ours"]["test"][lang]["pred"],
                      f"Test-set intents, {lang} (this pipeline)", args.out / f"nlu_confusion_{lang}.png")
    for side in ("ours", "baseline"):
        for split in sets:
            for lang in ("en", "es"):
                result[side][split][lang].pop("gold", None)
                result[side][split][lang].pop("pred", None)
        result[side].pop("path", None)
    (args.out / "nlu.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    text = markdown(result)
    (args.out / "nlu.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
