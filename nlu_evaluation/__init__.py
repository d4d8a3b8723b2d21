"""Evaluate a trained Rasa model's understanding: intents, receipt numbers, language, probes.

Shared by the admin gate and labels check (admin/gate.py, admin/labels.py), the NLU and
crisis benchmarks (`make bench-nlu`, `make bench-crisis`) and the tests (the dev-set floor,
the data and split checks), so all measure the same way. A library package: the admin
CLI depends on it, so it lives outside benchmarks/ (and outside nlu_components/ and
contact_center/, which are training inputs: editing it retrains nothing).

The held-out examples are split in two (issue 11):

* the development set, tests/nlu/dev_<lang>.yml (DEV, dev()): for choices (classifier,
  lemmatiser, thresholds), the admin gate, the admin labels check and the CI floor;
* the test set, read only by benchmarks/nlu_benchmark.py, which names its files itself;
  this module never names them, and tests/data/test_nlu_split.py checks that nothing else does.

`fold()` and `split_overlaps()` check that the sets are disjoint from each other and from
the training data after folding case, accents, punctuation and numbers.
"""
from __future__ import annotations

import asyncio
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import yaml

from contact_center import receipts
from contact_center.nlu_markup import plain_text

ROOT = Path(__file__).resolve().parents[1]
DEV = {"en": ROOT / "tests" / "nlu" / "dev_en.yml", "es": ROOT / "tests" / "nlu" / "dev_es.yml"}
HELDOUT = DEV  # the name older callers use: the development set (never the test set)
SERVICE_INTENTS = (
    "check_case_status", "reschedule_appointment", "request_expedite", "report_emergency",
    "request_live_agent", "notice_not_received", "card_not_received", "typo_correction",
    "case_outside_processing_time", "request_accommodation", "change_address",
)


@dataclass
class Example:
    text: str
    intent: str
    receipts: List[str] = field(default_factory=list)  # normalised, in order
    language: str = "en"
    topic: Optional[str] = None  # a retrieval intent's topic (faq/<topic>)


def load_examples(path: Path, lang: str) -> List[Example]:
    """Examples of a Rasa YAML NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for block in data.get("nlu", []):
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            text, entities = plain_text(line[2:].strip())
            expected = [receipts.normalise(span) for name, span in entities if name == "receipt_number"]
            # A retrieval intent (faq/<topic>) is classified as its intent (faq); the
            # ResponseSelector's topic is measured on its own.
            intent, _, topic = str(block["intent"]).partition("/")
            out.append(Example(text, intent, expected, lang, topic or None))
    return out


def dev() -> Dict[str, List[Example]]:
    """The development set by language (tests/nlu/dev_<lang>.yml)."""
    return {lang: load_examples(path, lang) for lang, path in DEV.items()}


heldout = dev  # the name older callers use (crisis benchmark, data tests): the development set


def training_examples(lang: Optional[str] = None) -> List[Example]:
    """Every example of the NLU training data (data/nlu/**.yml), or of one language's folder."""
    folder = ROOT / "data" / "nlu"
    paths = sorted((folder / lang).rglob("*.yml")) if lang else sorted(folder.rglob("*.yml"))
    out: List[Example] = []
    for path in paths:
        out += load_examples(path, lang or path.relative_to(folder).parts[0])
    return out


# Folding for the disjointness check -----------------------------------------------------
_FORM = re.compile(r"\b(?:i|n|g|ar|ds|eoir)[\s\-]?\d{1,3}[a-z]?\b")
_DIGITS = re.compile(r"\d+")


def fold(text: str) -> str:
    """A plain text reduced to what makes it a different example: lower case, no accents,
    receipt numbers -> <receipt>, form numbers (I-485, n400) -> <form>, other digits -> <n>,
    punctuation dropped, spacing collapsed."""
    import unicodedata

    plain = text  # Example.text: markup already removed
    for mention in sorted(receipts.find(plain), key=lambda m: m.start, reverse=True):
        plain = plain[: mention.start] + " RCPTX " + plain[mention.end:]
    lowered = unicodedata.normalize("NFKD", plain.lower())
    lowered = "".join(ch for ch in lowered if not unicodedata.combining(ch))
    lowered = _FORM.sub(" formx ", lowered)
    lowered = _DIGITS.sub(" numx ", lowered)
    lowered = re.sub(r"[^\w\s]|_", " ", lowered)
    words = lowered.replace("rcptx", "<receipt>").replace("formx", "<form>").replace("numx", "<n>").split()
    return " ".join(words)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def split_overlaps(
    test: Sequence[Example], others: Dict[str, Sequence[Example]], near: Optional[float] = 0.8
) -> Dict[str, List[Dict[str, object]]]:
    """Texts of `test` equal to a text of one of `others` after fold() ("exact"), and pairs
    whose folded token sets have Jaccard similarity >= `near` ("near": near-paraphrases,
    the closest one per text and set; not looked for when `near` is None)."""
    exact: List[Dict[str, object]] = []
    close: List[Dict[str, object]] = []
    for name, examples in others.items():
        by_key = {}
        tokens = []
        for example in examples:
            key = fold(example.text)
            by_key.setdefault(key, example)
            tokens.append((frozenset(key.split()), example))
        for example in test:
            key = fold(example.text)
            if key in by_key:
                exact.append({"text": example.text, "intent": example.intent, "set": name,
                              "other": by_key[key].text, "other_intent": by_key[key].intent})
                continue
            if near is None:
                continue
            mine = frozenset(key.split())
            best = None
            for theirs, other in tokens:
                # Jaccard >= near needs the sizes within that ratio of each other.
                if not mine or min(len(mine), len(theirs)) < near * max(len(mine), len(theirs)):
                    continue
                score = _jaccard(mine, theirs)
                if score >= near and (best is None or score > best[0]):
                    best = (score, other)
            if best:
                close.append({"text": example.text, "intent": example.intent, "set": name,
                              "other": best[1].text, "other_intent": best[1].intent,
                              "jaccard": round(best[0], 3)})
    return {"exact": exact, "near": close}


def _tsv(path: Path) -> List[str]:
    with path.open(encoding="utf-8") as handle:
        return [row[2].strip() for row in csv.reader(handle, delimiter="\t") if len(row) > 2]


def probes(shared: Path) -> Dict[str, Dict[str, List[str]]]:
    """External out-of-scope probes (test splits only), by language and source."""
    from scripts.build_external_negatives import CLINC_IN_SCOPE

    data = shared / "data"
    clinc = json.loads((data / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    clinc_test = [t for t, intent in clinc["test"] if intent not in CLINC_IN_SCOPE]
    clinc_test += [t for t, _ in clinc["oos_test"]]
    return {
        "en": {
            "CLINC150 test (no small talk) + oos_test": clinc_test,
            "multilingual TOD test-en": _tsv(data / "fb_multilingual_tod/en/test-en.tsv"),
        },
        "es": {"multilingual TOD test-es": _tsv(data / "fb_multilingual_tod/es/test-es.tsv")},
    }


@dataclass
class Parsed:
    intent: str
    confidence: float
    receipts: List[str]
    language: Optional[str]


class ModelParser:
    """Parses texts with a trained model, in-process (no server)."""

    def __init__(self, model_path: Path) -> None:
        from rasa.core.agent import Agent

        self.agent = Agent.load(str(model_path))
        self.loop = asyncio.new_event_loop()

    def parse(self, text: str) -> Parsed:
        result = self.loop.run_until_complete(self.agent.parse_message(text))
        intent = (result.get("intent") or {}).get("name") or "nlu_fallback"
        confidence = float((result.get("intent") or {}).get("confidence") or 0.0)
        found = [e["value"] for e in result.get("entities", []) if e.get("entity") == "receipt_number"]
        lang = next((e["value"] for e in result.get("entities", []) if e.get("entity") == "language"), None)
        return Parsed(intent, confidence, [str(v) for v in found], lang)

    def parse_many(self, texts: Sequence[str]) -> List[Parsed]:
        return [self.parse(t) for t in texts]


def intent_scores(examples: Sequence[Example], parsed: Sequence[Parsed]) -> Dict[str, object]:
    """Macro-F1 over the intents of the examples, per-intent F1, accuracy."""
    from sklearn.metrics import f1_score

    gold = [e.intent for e in examples]
    pred = [p.intent for p in parsed]
    labels = sorted(set(gold))
    per = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
    return {
        "macro_f1": float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        "accuracy": sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)),
        "per_intent_f1": {label: float(score) for label, score in zip(labels, per)},
        "errors": [
            {"text": e.text, "gold": e.intent, "pred": p.intent, "confidence": round(p.confidence, 3)}
            for e, p in zip(examples, parsed)
            if e.intent != p.intent
        ],
    }


def receipt_exact_match(
    examples: Sequence[Example], parsed: Sequence[Parsed], normalise: Callable[[str], str] = lambda s: s
) -> Dict[str, float]:
    """Share of examples with receipt numbers whose extracted values equal the expected ones."""
    pairs = [(e, p) for e, p in zip(examples, parsed) if e.receipts]
    hits = sum(e.receipts == [normalise(v) for v in p.receipts] for e, p in pairs)
    # Messages with no receipt number must not get one either.
    clean = [(e, p) for e, p in zip(examples, parsed) if not e.receipts]
    spurious = sum(bool(p.receipts) for _, p in clean)
    return {
        "exact_match": hits / max(1, len(pairs)),
        "n": len(pairs),
        "spurious_rate": spurious / max(1, len(clean)),
    }


def false_acceptance(parsed: Sequence[Parsed]) -> float:
    """Share of out-of-scope probes taken as one of the service intents."""
    return sum(p.intent in SERVICE_INTENTS for p in parsed) / max(1, len(parsed))
