"""Evaluate a trained Rasa model's understanding: intents, receipt numbers, language, probes.

Shared by the NLU benchmark (`make bench-nlu`) and the held-out floor test, so
both measure the same way.
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
HELDOUT = {"en": ROOT / "tests" / "nlu" / "heldout_en.yml", "es": ROOT / "tests" / "nlu" / "heldout_es.yml"}
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


def heldout() -> Dict[str, List[Example]]:
    return {lang: load_examples(path, lang) for lang, path in HELDOUT.items()}


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
