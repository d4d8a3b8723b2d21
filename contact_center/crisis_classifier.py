"""A learned second opinion for the crisis check (G6): danger, self-harm, or neither.

The patterns in `contact_center.crisis` are precise but only know the wordings
they were written for; people in distress find others. This classifier reads
character and word n-grams of the same normalised text, so "i wont be a burden
much longer" can be caught by what it shares with the examples. It is asked only
when no pattern fired.

Trained from text files, not stored: the crisis development sets
(`crisis_data/`, crisis messages and near misses) against everything the
assistant is trained on that is not a crisis (data/nlu, including the external
out-of-scope negatives), the few training examples the patterns call a crisis
left out. Fitting takes a few seconds, once per process (`default()`).
The threshold is chosen by cross-validation on those sets, never on the test
set (`make bench-crisis` prints the table it was chosen from).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, Iterable, List, Optional, Sequence, Tuple

import yaml

from contact_center.crisis import Kind
from contact_center.nlu_markup import plain_text

ROOT = Path(__file__).resolve().parents[1]
CRISIS_DATA = ROOT / "crisis_data"
NLU_DATA = ROOT / "data" / "nlu"
NONE = "none"  # neither kind
DANGER, SELF_HARM = Kind.DANGER.value, Kind.SELF_HARM.value
THRESHOLD = 0.35  # chosen by cross-validation (benchmarks/results/crisis.md, "Classifier threshold"); the rule's pick with dev10
SEED = 20261204


def _nlu_texts(path: Path) -> List[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    texts = []
    for block in data.get("nlu") or []:
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(plain_text(line[2:].strip())[0])
    return texts


def crisis_examples(paths: Iterable[Path]) -> Tuple[List[str], List[str]]:
    """Texts and labels of crisis development sets (crisis kinds, near misses as `none`)."""
    texts, labels = [], []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind, items in data["crisis"].items():
            texts += [item["text"] for item in items]
            labels += [kind] * len(items)
        texts += [item["text"] for item in data["near_miss"]]
        labels += [NONE] * len(data["near_miss"])
    return texts, labels


def training_set(crisis_paths: Optional[Sequence[Path]] = None) -> Tuple[List[str], List[str]]:
    """Crisis development sets plus every NLU training text that is not a crisis."""
    from contact_center import crisis

    texts, labels = crisis_examples(crisis_paths or sorted(CRISIS_DATA.glob("*.yml")))
    for path in sorted(NLU_DATA.rglob("*.yml")):
        for text in _nlu_texts(path):
            if text and not crisis.assess_patterns(text).crisis:
                texts.append(text)
                labels.append(NONE)
    return texts, labels


@dataclass
class CrisisClassifier:
    pipeline: object
    threshold: float = THRESHOLD

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], threshold: float = THRESHOLD) -> "CrisisClassifier":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, make_pipeline

        from contact_center.crisis import prepared

        features = FeatureUnion(
            [
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, preprocessor=prepared)),
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, preprocessor=prepared, token_pattern=r"[a-z0-9]+")),
            ]
        )
        model = make_pipeline(features, LogisticRegression(C=10.0, max_iter=3000, random_state=SEED))
        model.fit(list(texts), list(labels))
        return cls(model, threshold)

    def probabilities(self, texts: Sequence[str]) -> List[dict]:
        classes = list(self.pipeline.classes_)
        return [dict(zip(classes, row)) for row in self.pipeline.predict_proba(list(texts))]

    def kinds(self, text: str) -> FrozenSet[str]:
        """The crisis kinds whose probability reaches the threshold (empty when neither)."""
        probs = self.probabilities([text])[0]
        return frozenset(k for k in (DANGER, SELF_HARM) if probs.get(k, 0.0) >= self.threshold)


_lock = threading.Lock()
_default: Optional[CrisisClassifier] = None


def default() -> CrisisClassifier:
    """The classifier fitted on this project's sets, once per process."""
    global _default
    with _lock:
        if _default is None:
            _default = CrisisClassifier.fit(*training_set())
        return _default
