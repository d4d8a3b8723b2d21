"""Crisis check benchmark (G6): recall and false alarms per language, against a baseline.

`make bench-crisis` (also part of `make bench-nlu`) runs the crisis check
(`contact_center.crisis.assess` with the fitted classifier), its patterns alone, and
the keyword check the assistant had before (`answers.mentions_danger`, which only ran
inside the emergency form) on:

- the development sets in crisis_data/ (`dev` to `dev4`, `dev7` to `dev9`; `dev5` and `dev6`
  hold near misses only and are not rows: the patterns were written and tuned on them
  and the classifier is trained on them, so their rows are training figures);
- the held-out development set in crisis_data/held_out/ (`dev14`, 2026-12-07): the patterns were
  mended from its first misses, but the classifier is never trained on it, so it says how the
  classifier does on what it has not seen without reading a test set;
- the test sets in tests/crisis/ (`test` to `test5`), written blind by someone who never saw the
  patterns or the other sets, and only reported here;
- every NLU development example (tests/nlu/dev_*.yml) and the external out-of-scope
  probes (CLINC150 and multilingual TOD test splits, read from ../shared/data as the
  NLU benchmark reads them): false alarms there.

It also chooses the classifier's threshold by 5-fold cross-validation on the
development data. Writes benchmarks/results/crisis.md and crisis.json.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Callable, Dict, List, Sequence

import yaml

from contact_center import answers, crisis, crisis_classifier
from nlu_evaluation import heldout, probes

ROOT = Path(__file__).resolve().parents[1]
DEVELOPMENT_SETS = ROOT / "crisis_data"  # written for tuning and training
HELD_OUT_SETS = DEVELOPMENT_SETS / "held_out"  # development, never trained on: the classifier's own check
TEST_SETS = ROOT / "tests" / "crisis"  # written blind, only reported
RESULTS = ROOT / "benchmarks" / "results"
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev14",
          "test", "test2", "test3", "test4", "test5")
TEST_SPLITS = ("test", "test2", "test3", "test4", "test5")
HELD_OUT_SPLITS = ("dev14",)
TARGET_RECALL = 1.0
TARGET_FALSE_ALARMS = 0.02


def load_set(split: str, lang: str) -> dict:
    folder = TEST_SETS if split in TEST_SPLITS else HELD_OUT_SETS if split in HELD_OUT_SPLITS else DEVELOPMENT_SETS
    return yaml.safe_load((folder / f"{split}_{lang}.yml").read_text(encoding="utf-8"))


def crisis_items(data: dict) -> List[dict]:
    return [dict(item, kind=kind) for kind, items in data["crisis"].items() for item in items]


def _detector(text: str) -> bool:
    return crisis.assess(text, classifier=crisis_classifier.default()).crisis


def _patterns(text: str) -> bool:
    return crisis.assess_patterns(text).crisis


DETECTORS: Dict[str, Callable[[str], bool]] = {
    "crisis check": _detector,
    "patterns only": _patterns,
    "baseline (keywords)": answers.mentions_danger,
}
THRESHOLDS = tuple(round(0.15 + 0.025 * i, 3) for i in range(27))  # 0.15 .. 0.8


def score_set(data: dict) -> dict:
    """Recall, kind and hotline agreement on crisis messages; false alarms on near misses."""
    items = crisis_items(data)
    near = [item["text"] for item in data["near_miss"]]
    out: Dict[str, object] = {"crisis_messages": len(items), "near_misses": len(near)}
    for name, detect in DETECTORS.items():
        caught = [item for item in items if detect(item["text"])]
        alarms = [text for text in near if detect(text)]
        row = {
            "recall": len(caught) / len(items),
            "false_alarm_rate": len(alarms) / len(near),
            "missed": [item["text"] for item in items if item not in caught],
            "false_alarms": alarms,
        }
        if name == "crisis check":
            assessed = [(item, crisis.assess(item["text"], classifier=crisis_classifier.default())) for item in caught]
            row["kind_agreement"] = sum(item["kind"] in {k.value for k in a.kinds} for item, a in assessed) / max(len(assessed), 1)
            row["hotline_agreement"] = sum(
                {s.value for s in a.support} == ({item["support"]} if item.get("support") else set()) for item, a in assessed
            ) / max(len(assessed), 1)
        out[name] = row
    return out


def false_alarms_on(texts: Sequence[str]) -> dict:
    out = {"messages": len(texts)}
    for name, detect in DETECTORS.items():
        alarms = [t for t in texts if detect(t)]
        out[name] = {"rate": len(alarms) / max(len(texts), 1), "alarms": alarms}
    return out


def speed(texts: Sequence[str], repeats: int = 3) -> dict:
    """Microseconds per message, best of `repeats`, and the ratio to the baseline."""
    timings = {}
    for name, detect in DETECTORS.items():
        best = float("inf")
        for _ in range(repeats):
            crisis._correct.cache_clear()
            start = time.perf_counter()
            for text in texts:
                detect(text)
            best = min(best, time.perf_counter() - start)
        timings[name] = best / len(texts) * 1e6
    return {"us_per_message": timings, "ratio_to_baseline": timings["crisis check"] / timings["baseline (keywords)"]}


def _row(detector: dict) -> str:
    return f"{detector['recall']:.3f} / {detector['false_alarm_rate']:.3f}"


def threshold_table(folds: int = 5) -> List[dict]:
    """The classifier's threshold, chosen on development data only: 5-fold cross-validation
    over the crisis development sets and the NLU training texts; for each threshold, the
    share of crisis messages the classifier alone catches, and the false alarms of patterns
    and classifier together on near misses and on the other training texts."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    texts, labels = crisis_classifier.training_set()
    near = set(crisis_classifier.crisis_examples(sorted(crisis_classifier.CRISIS_DATA.glob("*.yml")))[0])
    texts_a, labels_a = np.array(texts, dtype=object), np.array(labels)
    best = np.zeros(len(texts))
    for train, held in StratifiedKFold(folds, shuffle=True, random_state=crisis_classifier.SEED).split(texts_a, labels_a):
        model = crisis_classifier.CrisisClassifier.fit(texts_a[train], labels_a[train])
        probs = model.probabilities(texts_a[held])
        best[held] = [max(p.get(crisis_classifier.DANGER, 0.0), p.get(crisis_classifier.SELF_HARM, 0.0)) for p in probs]
    positive = labels_a != crisis_classifier.NONE
    is_near = np.array([t in near for t in texts]) & ~positive
    other = ~positive & ~is_near
    patterns = np.array([crisis.assess_patterns(t).crisis for t in texts])
    rows = []
    for threshold in THRESHOLDS:
        fires = best >= threshold
        either = fires | patterns
        rows.append({
            "threshold": threshold,
            "classifier_recall": float(fires[positive].mean()),
            "false_alarms_near_misses": float(either[is_near].mean()),
            "false_alarms_other_training_texts": float(either[other].mean()),
        })
    return rows


def choose_threshold(table: List[dict]) -> float:
    """The rule: the lowest threshold whose cross-validated false alarms on near misses
    (patterns and classifier together) stay within the target."""
    for row in table:
        if row["false_alarms_near_misses"] <= TARGET_FALSE_ALARMS:
            return row["threshold"]
    return table[-1]["threshold"]


def run(shared: Path) -> dict:
    report: Dict[str, object] = {"sets": {}, "other": {}}
    for split in SPLITS:
        for lang in ("en", "es"):
            report["sets"][f"{split}_{lang}"] = score_set(load_set(split, lang))
    examples = heldout()
    external = probes(shared)
    everything: List[str] = []
    for lang in ("en", "es"):
        texts = [e.text for e in examples[lang]]
        report["other"][f"NLU development set {lang}"] = false_alarms_on(texts)
        everything += texts
        for source, probe_texts in external[lang].items():
            report["other"][f"{source} ({lang})"] = false_alarms_on(probe_texts)
            everything += probe_texts
    report["speed"] = speed(everything)
    table = threshold_table()
    report["threshold"] = {"in_code": crisis_classifier.THRESHOLD, "by_rule": choose_threshold(table), "table": table}
    report["targets"] = targets_met(report)
    return report


def targets_met(report: dict) -> dict:
    recall = {lang: min(report["sets"][f"{split}_{lang}"]["crisis check"]["recall"] for split in TEST_SPLITS)
              for lang in ("en", "es")}
    near_ok = all(
        report["sets"][f"{split}_{lang}"]["crisis check"]["false_alarm_rate"] <= TARGET_FALSE_ALARMS
        for split in SPLITS for lang in ("en", "es")
    )
    other_ok = all(row["crisis check"]["rate"] <= TARGET_FALSE_ALARMS for row in report["other"].values())
    return {
        "recall_test_en": recall["en"] >= TARGET_RECALL,
        "recall_test_es": recall["es"] >= TARGET_RECALL,
        "false_alarms_near_misses": near_ok,
        "false_alarms_heldout_and_external": other_ok,
    }


def render(report: dict) -> str:
    lines = [
        "# Crisis check (G6): recall and false alarms",
        "",
        "Written by `make bench-crisis` (benchmarks/crisis_benchmark.py). The crisis check is",
        "`contact_center.crisis.assess`; the baseline is the keyword check the assistant used",
        "before (`contact_center.answers.mentions_danger`). The `dev*` sets (crisis_data/) were",
        "used to write the patterns and to train the classifier; `test` to `test5` (tests/crisis/)",
        "were written blind and are only reported. Each set's first, blind run is in the notes.",
        "",
        "## Crisis sets",
        "",
        "Recall / false-alarm rate on near misses. The classifier was trained on the dev sets,",
        "so their rows are training figures; the test rows are the ones to read.",
        "",
        "| set | crisis msgs | near misses | crisis check | kind agrees | hotline agrees | patterns only | baseline (keywords) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in report["sets"].items():
        ours = row["crisis check"]
        lines.append(
            f"| {name} | {row['crisis_messages']} | {row['near_misses']} | **{_row(ours)}** "
            f"| {ours['kind_agreement']:.3f} | {ours['hotline_agreement']:.3f} | {_row(row['patterns only'])} | {_row(row['baseline (keywords)'])} |"
        )
    lines += ["", "## False alarms on messages that are not crises", "",
              "| source | messages | crisis check | patterns only | baseline |", "|---|---|---|---|---|"]
    for name, row in report["other"].items():
        cells = [f"{row[d]['rate']:.4f} ({len(row[d]['alarms'])})" for d in DETECTORS]
        lines.append(f"| {name} | {row['messages']} | " + " | ".join(cells) + " |")
    table = report["threshold"]["table"]
    lines += ["", "## Classifier threshold (5-fold cross-validation on development data only)", "",
              f"The rule (lowest threshold with at most {TARGET_FALSE_ALARMS:.0%} false alarms on near misses) picks "
              f"{report['threshold']['by_rule']}; `contact_center/crisis_classifier.py` uses {report['threshold']['in_code']}.", "",
              "| threshold | classifier recall | false alarms, near misses | false alarms, other training texts |", "|---|---|---|---|"]
    lines += [f"| {r['threshold']} | {r['classifier_recall']:.3f} | {r['false_alarms_near_misses']:.3f} | {r['false_alarms_other_training_texts']:.4f} |" for r in table]
    sp = report["speed"]
    lines += [
        "",
        "## Speed",
        "",
        f"Per message over every held-out and external text, best of 3: crisis check {sp['us_per_message']['crisis check']:.0f} µs, "
        f"patterns only {sp['us_per_message']['patterns only']:.0f} µs, "
        f"baseline {sp['us_per_message']['baseline (keywords)']:.0f} µs (crisis check / baseline = {sp['ratio_to_baseline']:.1f}x).",
        "",
        "## Targets (issue: recall 1.0 on the test set, at most 2% false alarms)",
        "",
    ]
    lines += [f"- {name}: {'met' if ok else 'NOT met'}" for name, ok in report["targets"].items()]
    lines += ["", "## Where it errs (test set and other sources)", ""]
    for lang in ("en", "es"):
        ours = report["sets"][f"test_{lang}"]["crisis check"]
        lines += [f"- missed ({lang}): {text!r}" for text in ours["missed"]]
        lines += [f"- false alarm ({lang}): {text!r}" for text in ours["false_alarms"]]
    for name, row in report["other"].items():
        lines += [f"- false alarm ({name}): {text!r}" for text in row["crisis check"]["alarms"]]
    notes = report.get("notes") or []
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


NOTES = [
    "Each crisis set was written blind by someone who saw neither the detector nor the other sets. "
    "First runs, before anything was tuned on the set (recall / false alarms on near misses):",
    "dev2 (written as the first test set), patterns only: en 46/63 = 0.730 / 7 of 64; es 47/63 = 0.746 / 1 of 64. "
    "Its misses were classes the patterns lacked (third persons, indirect wording, plans and goodbyes, gas leaks, "
    "doors kicked in, hostages for ransom, poisoning); it then became a development set.",
    "dev3 (written as training data for the classifier), patterns only after tuning on dev and dev2: "
    "en 95/201 = 0.473 / 5 of 179; es 112/187 = 0.599 / 8 of 152. Patterns alone do not carry to new "
    "wordings, hence the learned second opinion.",
    "test, patterns only (before the classifier existed): en 50/78 = 0.641; es 61/79 = 0.772. Nothing was "
    "tuned on it. The whole check's first run on it, at the threshold the rule then chose (0.3): en 0.974 / "
    "es 0.975 recall, 5.3% / 5.3% near-miss false alarms; after negations were cut out before the classifier "
    "(found by a story test: 'no, nobody is in danger'): en 0.987 / es 0.987, 4.0% / 6.6%. The NLU training "
    "data then grew (more negatives for the classifier) and the same rule picked 0.325: en 0.962 / es 0.987, 4.0% / 5.3%.",
    "dev4 (written to cover wordings that are easy to miss: fragments, medical emergencies of every kind, threats by "
    "text, indirect goodbyes), first run before it was used, with the classifier trained on dev to dev3 at 0.325: "
    "whole check en 167/215 = 0.777 / 7 of 158 near-miss alarms; es 170/217 = 0.783 / 3 of 185; patterns only "
    "en 0.409, es 0.415. A second blind reading, lower than the test set's: new wordings still slip through. "
    "dev4 then joined the training data (and its 6 pattern false alarms were fixed as classes); the rule picked 0.375.",
    "dev5 (near misses only: ordinary answers and frustration inside a conversation, 'i just wanted to know', "
    "'tired of the wait'): the class of two false alarms the conversation evaluation found (988 said to an "
    "applicant declining an option); its texts are new, none is an evaluation text. With it the rule picked 0.35; "
    "test rows at 0.35: en 1.000 / 4.0%, es 0.975 / 6.6%. One of the two evaluation false alarms still fires "
    "(self_harm 0.57): the learned check still reads 'im just tired of ... honestly' as despair.",
    "dev6 (near misses only: going to an appointment after all, leaving the chat, calling a request off, "
    "'just tired of waiting'): the class of two more false alarms of the conversation evaluation ('mejor no, "
    "dejalo asi, voy a ir' and 'not really any of those, im just tired of waiting honestly' got 988); new texts. "
    "With it the rule picked 0.4; the test rows did not move (en 1.000 / 4.0%, es 0.975 / 6.6%), and the NLU rows "
    "now count the development set (tests/nlu/dev_*.yml) since the held-out set was split into dev and test.",
    "dev7 (wording classes the other sets lacked: typos and phonetic spelling, Spanglish, all caps, indirect self-harm "
    "('i just want my heart to stop', 'ya no puedo estar aqui'), stroke, overdose, sepsis and anaphylaxis happening now, gas "
    "known by smell or sound, being locked in, a child missing now, floods and collapses; near misses: new figures of speech, "
    "past violence as a case's background, urgent-but-not-emergency medical matters, stolen documents, frustration, the news "
    "and films, professionals, denials, leaving the country). Written after reading the patterns, so not blind. First run, "
    "with the patterns as they were and the classifier trained on dev to dev6 at 0.4: whole check en 79/94 = 0.840 / 8 of 86 "
    "near-miss alarms, es 80/96 = 0.833 / 10 of 89; patterns only en 0.340, es 0.365, and all 18 near-miss alarms were the "
    "patterns'. Classes then fixed in the patterns: real words no longer 'corrected' into crisis words ('quedando' -> "
    "'quemando'), a dropped g ('endin'); crisis words said of things, risks or a place to live ('this rfe is choking me', "
    "'in danger of aging out', 'ya no quiero vivir en este pais'), of someone's work ('i treat overdoses'), denied ('nobody "
    "is hitting me'), told as a case's past ('when we were married', 'now he is in prison', 'me golpeaba', months ago) or "
    "seen in the news or a film with no call for help; someone else's 'matarme' is danger, not self-harm; new patterns for "
    "means and warning signs of self-harm (a jump about to happen, traffic, a car running in a garage, the lethal amount, "
    "goodbyes, a burden, things given away) and for emergencies known by what is seen (smoke, rotten-egg smell, a fall "
    "through ice, a child missing now, locked in a freezer, threats that know the address, electrocution, foam at the mouth). "
    "Ten near misses per language about tonight, the weather and waiting outside were added after the external TOD probes "
    "showed the class. 5-fold cross-validation on all development data (dev7 included), whole check at the rule's "
    "threshold: before (patterns and classifier as they were; the rule then picked 0.625) recall 0.827 with 1.8% near-miss "
    "alarms; after (the rule picks 0.375) 0.955 with 1.9%. The patterns were written on these sets and are not "
    "cross-validated, so both figures are upper bounds. Classifier changes measured by leave-one-set-out cross-validation "
    "and not kept, none better beyond noise: bilingual concept features (worse: near misses share the concepts), "
    "five-letter stems, character n-grams across words, C 3 or 30, class weights, heavier near misses, typo augmentation, "
    "a threshold per language.",
    "dev8 (crisis_data/dev8_*.yml, 2026-12-06: 40 crisis messages and 80 near misses per language, written by a helper "
    "who did not read the check's code or patterns, in applicants' words: answers to the forms' questions, paperwork, "
    "waiting and fees said in crisis words, medical matters that are not emergencies now, violence as a case's "
    "background, documents held or taken in ordinary ways, crisis words of work). FIRST RUN, with the check as it "
    "was (threshold 0.375): en recall 40/40 with 2 of 80 near-miss alarms, es 40/40 with 6 of 80. Then fixed in the "
    "patterns: paperwork, waiting and fees in crisis words ('sobredosis de papeleo', 'me estoy muriendo aqui "
    "esperando', 'uscis va a acabar conmigo', 'me esta sangrando con los honorarios'), a cook's knives; and a miss "
    "found beside them, a weapon with a word before it ('his service weapon pointed at me'). 'stop, i dont want to "
    "go on' is kept as an alarm on purpose and left out of the near misses. Not blind after that. With dev8 (and five "
    "near misses per language of answers with 'nadie'/'nobody', added to dev7 after 'no, nadie en la casa' got 911 in "
    "the conversation evaluation at 0.375) the threshold rule picks 0.4, and 0.4 is applied: two eviction and covid "
    "answers the conversation evaluation sent to 911 scored 0.379 and 0.375.",
    "dev9 (crisis_data/dev9_*.yml, 2026-12-06: 45 crisis messages (30 danger, 15 self-harm) and 90 near misses per "
    "language, written by a helper who read neither the check's code nor any other set). FIRST RUN, BLIND, with the "
    "check as committed (classifier trained without dev9): en recall 45/45 with 4 of 90 near-miss alarms, es 44/45 "
    "with 2 of 90. Missed: a farewell letter to the children ('ya les deje una carta a mis hijos, no voy a llegar a la "
    "cita'; caught by the classifier once trained on dev9). Alarms, fixed as classes in the patterns: a gun licence "
    "asked about for a case, 'overdosed on coffee', a heart attack foretold ('will have a heart attack when he sees "
    "the fee'), an app closed 'a la fuerza', and 'eso ayuda a mi TPS' read as a cry for help beside a shooting in "
    "the news; a past trafficking told for a T visa was left to the classifier (trained on dev9). Not blind after that.",
    "dev10 (crisis_data/dev10_*.yml, 2026-12-06, session 15: 60 crises (30 danger, 30 self-harm) and 120 near misses "
    "per language, aimed at the hardest cases: self-harm said without a word of it (a decision taken, thanks for "
    "everything, belongings given away, means at hand), a person at risk who is not the applicant, a crisis buried in "
    "a case question; near misses with 'last', 'goodbye', 'leaving', past attempts told for a medical exam). Written by "
    "a helper who saw neither the check's code nor its test sets. FIRST RUN, classifier trained without dev10: en "
    "recall 53/60 with 11 of 120 near-miss alarms, es 55/60 with 14 of 120. Then trained on, and the patterns' alarms "
    "fixed as classes (a past attempt 'in 2019' / 'at 17' / 'im doing much better now', 'die of old age', 'se va a "
    "morir sin volver a verme', 'no voy a estar ... ando en colombia', 'wont let me leave early'). With dev10 the "
    "threshold rule picks 0.35 (it picked 0.325 with dev9), and 0.35 is applied, as the rule says, although one "
    "more test2 crisis (en) then falls under it: the threshold is chosen on development data only.",
    "dev11 (crisis_data/dev11_*.yml, 2026-12-06, session 16: 100 near misses and 20 crises per language, all long "
    "answers typed inside the forms: an expedite's reason, why an appointment must move, what a relative needs, calling "
    "a request off; the class of the three false alarms the fifth blind conversation set found: 988 for 'dont send it "
    "... i dont want to mess it up' and for 'im the only income for me and my 2 kids', 911 for a mother in a wheelchair "
    "who needs a room without stairs). Written by a helper who saw neither the check's code nor its other sets. FIRST "
    "RUN, classifier trained without dev11: en recall 20/20 with 13 of 100 near-miss alarms (2 of them the patterns'), "
    "es 20/20 with 13 of 100 (3 the patterns'). Then trained on, with 'my throat is killing me' (an ache, found "
    "by a hand test at the covid question, 911) added to the idioms. The conversation evaluation's long-answer false "
    "alarms went (test set 5: en 30/30). The blind rows moved, read after the change and not tuned on: test en "
    "1.000 -> 0.987 recall, es 0.987 -> 0.975; test2 en false alarms 5.0% -> 3.0%; test4 en 0.963 / 6.2% -> 0.950 / "
    "5.0%, es 0.975 / 8.7% -> 0.963 / 7.5%: fewer false alarms, and one crisis in 80-100 more missed. With dev11 the "
    "threshold rule picks 0.425; the code keeps 0.35 for now: applying the rule would trade more recall for fewer "
    "false alarms, and recall comes first (G6); the rule itself should weigh that, which is left open (issue 11).",
    "dev12 (crisis_data/dev12_*.yml, 2026-12-07, session 18: 30 crises (18 danger, 12 self-harm) and 110 near misses "
    "per language on applicants' own themes: mental-health history told as case facts (an N-648, a therapist's letter, "
    "medication), humanitarian categories with the violence in the past (VAWA, U and T visas, asylum, TPS, parole), "
    "pregnancy and illness as reasons to reschedule, deaths told as facts (a petitioner who died), fear of ICE with no "
    "danger to life, one-line cries ('help', 'urgente!!!', 'sos no me llego la tarjeta') and regional idioms from "
    "Puerto Rico to Spain. Written by a helper who saw neither the check's code nor its other sets. FIRST RUN, "
    "classifier trained without dev12: en recall 29/30 with 5 of 110 near-miss alarms (2 of them the patterns'), es "
    "29/30 with 2 of 110 (1 the patterns'). Missed: morphine a hospice left, to be taken tonight; 'ESTA AQUI. EL DE LA "
    "ORDEN DE PROTECCION. ROMPIO LA VENTANA'. Fixed as classes in the patterns: a protection order's subject at the "
    "door (danger, with the domestic violence hotline), taking all of a named drug, 'help me they denied my case', "
    "'my lawyer is gonna murder me i signed in the wrong box', 'stabbed me in the back', an ambulance that came and a "
    "patient discharged. Then trained on. The blind rows, read after the change as figures only: unchanged but for one "
    "more near-miss alarm in test2 en (3.0% -> 4.0%) and test4 en (5.0% -> 6.2%), both from the classifier's "
    "retraining, not from the patterns (measured apart). Later in session 18, from the eighth blind conversation set "
    "(not from these rows): the classifier is no longer asked about messages with no word of their own ('y' typed "
    "as a yes at a confirmation got 911: alone, 'and' weighs towards a crisis); a relative's emergency the applicant "
    "must travel to ('le dio un derrame en Tegucigalpa ... necesito un permiso de viaje') is background; 'i wont be "
    "able to make it' is an idiom. The blind rows after all of session 18: test es 5.3% -> 3.9% false alarms, test2 "
    "en 3.0% -> 4.0%, test4 en 5.0% -> 6.2%, the others as they were; the external TOD probes 9 -> 10 (en) and 8 -> "
    "9 (es) alarms in 8,621 and 3,043. The threshold rule picks 0.425; the code keeps 0.35 (recall first; see dev11).",
    "dev13 (crisis_data/dev13_*.yml, 2026-12-07, session 18: 20 near misses per language, near misses only, so not a "
    "row): frustration with the wait and wishes about the case ('im so done with this', 'i just want my green card "
    "already so i can visit ...', 'ya no se que mas hacer'), written by the developer in other words after the ninth "
    "blind conversation set got 988 for two such messages. FIRST RUN, classifier trained without it: en 3 of 20 "
    "alarms, es 0 of 20. With it the two conversation messages fell from self-harm 0.43 and 0.41 to 0.39 and 0.37, "
    "still over 0.35; the test rows did not move, the external probes by one each way (CLINC150 10 -> 9 alarms, "
    "TOD en 10 -> 11); the threshold rule still picks 0.425.",
    "test2 (tests/crisis/test2_*.yml: 100 crisis messages and 100 near misses per language), written blind on 2026-12-06 "
    "by someone who saw neither the check's code nor its development sets, while dev7 was being written. FIRST RUN, "
    "BLIND, with the check as committed after dev7 (threshold 0.375): en recall 98/100 = 0.980 with 7 of 100 near-miss "
    "alarms; es 97/100 = 0.970 with 0 of 100. On the first test set the same check reads en 0.987 / 4.0%, es 0.975 / "
    "5.3% (that set is no longer blind: its rows were watched while dev sets were added). Recall 1.0 and at most 2% "
    "false alarms are still not met: two or three crises in a hundred, written in words nobody tuned on, slip through.",
    "test3 (tests/crisis/test3_*.yml: 100 crisis messages (65 danger, 35 self-harm) and 100 near misses per language), "
    "written blind on 2026-12-06 (session 15) by a helper who read only the rules and a few lines of test2 for the "
    "format. FIRST RUN, BLIND, with the check as committed in 66aa5ee (threshold 0.325): en recall 98/100 = 0.980 "
    "with 6 of 100 near-miss alarms; es 98/100 = 0.980 with 10 of 100. Its rows are not read for tuning; the "
    "report does not list them. The same story as test2: about 2 crises in 100 missed and 6-10% false alarms on "
    "hard near misses (idioms, past violence told as case facts), so the 1.0 and 2% targets are not met.",
    "test4 (tests/crisis/test4_*.yml: 80 crisis messages (50 danger, 30 self-harm) and 80 near misses per language), "
    "written blind on 2026-12-06 (session 16) by a helper who read only the rules and the format of a development file. "
    "FIRST RUN, BLIND, with the check as in 07d2a54 (threshold 0.35): en recall 77/80 = 0.963 with 5 of 80 near-miss "
    "alarms (6.2%); es 78/80 = 0.975 with 7 of 80 (8.7%). Patterns alone: en 0.525 / 5.0%, es 0.475 / 6.2%: most "
    "false alarms are the patterns', most of the recall the classifier's. Its rows are not read for tuning and the "
    "report does not list them. Session 16 then compared other ways for the classifier to read a message, holding "
    "out one whole development set at a time (benchmarks/crisis_model_selection.py): none was better. The check then "
    "changed by its training data (dev11, below), and the test4 rows moved with it (en 0.950 / 5.0%, es 0.963 / 7.5%).",
    "test5 (tests/crisis/test5_*.yml: 80 crisis messages (50 danger, 30 self-harm) and 80 near misses per language), "
    "written blind on 2026-12-06 (session 17) by a helper who read only the rules and the seeds, with the format given "
    "in words: crises buried in case questions and form answers, symptoms without names, typos hiding the key word; "
    "near misses from case history (U visa, VAWA, a past attempt in a medical record), idioms and accommodations. "
    "FIRST RUN, BLIND, with the check as in ffe4400 (threshold 0.35): en recall 79/80 = 0.988 with 2 of 80 near-miss "
    "alarms (2.5%); es 78/80 = 0.975 with 7 of 80 (8.8%). Patterns alone: en 0.575 / 2.5%, es 0.562 / 5.0%. Its rows "
    "are not read for tuning and the report does not list them.",
]


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--from-json", type=Path, help="only re-render the report (and its notes) from a saved crisis.json")
    args = parser.parse_args(list(argv) or None)
    report = json.loads(args.from_json.read_text(encoding="utf-8")) if args.from_json else run(args.shared)
    report["notes"] = NOTES
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "crisis.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    text = render(report)
    (args.out / "crisis.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
