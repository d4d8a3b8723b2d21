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
# The development conversations: long case stories told the way applicants tell them.
CONVERSATIONS = ROOT / "benchmarks" / "conversations"
CRISIS_REPLIES = frozenset({"utter_call_911", "utter_call_988"})
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


def other_texts() -> List[str]:
    """Every NLU training text that the patterns do not call a crisis: what the assistant
    hears that is not one."""
    from contact_center import crisis

    return [
        text
        for path in sorted(NLU_DATA.rglob("*.yml"))
        for text in _nlu_texts(path)
        if text and not crisis.assess_patterns(text).crisis
    ]


def conversation_turns(folder: Path = CONVERSATIONS) -> List[str]:
    """What applicants say in scripted conversations, but the turns where 911 or 988 is the
    expected answer: long case stories, for measuring false alarms (and, as a choice measured
    in benchmarks/crisis_model_selection.py, for training)."""
    turns = []
    for path in sorted(folder.glob("*.yml")):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for turn in conversation.get("turns") or []:
                said = str(turn.get("say") or "").strip()
                if said and not said.startswith("/") and not CRISIS_REPLIES & set(turn.get("expect") or []):
                    turns.append(said)
    return turns


def negative_texts(with_conversations: bool = False) -> List[str]:
    """Every NLU training text that is not a crisis, and, if asked, the development
    conversations' turns that are not. Without them by default: held out a set at a time they
    changed nothing (benchmarks/results/crisis_model_selection.md)."""
    from contact_center import crisis

    others = other_texts()
    if with_conversations:
        others += [t for t in conversation_turns() if not crisis.assess_patterns(t).crisis]
    return others


def training_set(crisis_paths: Optional[Sequence[Path]] = None) -> Tuple[List[str], List[str]]:
    """Crisis development sets plus every text that is not a crisis (`negative_texts`)."""
    texts, labels = crisis_examples(crisis_paths or sorted(CRISIS_DATA.glob("*.yml")))
    others = negative_texts()
    return texts + others, labels + [NONE] * len(others)


# Articles, conjunctions, third persons and forms of "to be" and "to say", in both languages;
# never a negation, "me", "myself" or "my", which say whose harm it is.
STORY_WORDS = frozenset("""
    a an the and or but so of to in on at for with from by as that this these those there then than
    is are was were be been being am it its he she her hers his him they them their theirs says said say
    tell told just also really like about into over
    el la los las lo un una unos unas y e o u pero de del al a en con por para que como este esta estos
    estas ese esa eso es son era eran fue ser estar esta estan ella ellas ellos su sus le les dice dijo
    decir tambien pues
""".split())


@dataclass(frozen=True)
class Features:
    """How a message is read by the classifier. The defaults are the choice in use;
    `benchmarks/crisis_model_selection.py` compares others on development sets held out
    one whole set at a time (a set written by another hand is what a blind message is like)."""

    chars: Tuple[int, int] = (3, 5)
    char_min_df: int = 2
    words: Tuple[int, int] = (1, 2)
    c: float = 10.0
    balanced: bool = False
    # Words that tell a story, not what it is about. Crisis messages are long stories and most
    # other training texts short, so "and", "she", "is" had come to weigh towards a crisis:
    # "my mom is 84 and in a wheelchair ... she needs a room without stairs" got 911.
    without_story_words: bool = False

    def reader(self):
        from contact_center.crisis import prepared

        if not self.without_story_words:
            return prepared
        return lambda text: " ".join(w for w in prepared(text).split() if w not in STORY_WORDS)

    def pipeline(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, make_pipeline

        prepared = self.reader()
        features = FeatureUnion(
            [
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=self.chars, sublinear_tf=True,
                                          min_df=self.char_min_df, preprocessor=prepared)),
                ("words", TfidfVectorizer(ngram_range=self.words, sublinear_tf=True, min_df=1, preprocessor=prepared,
                                          token_pattern=r"[a-z0-9]+")),
            ]
        )
        weights = "balanced" if self.balanced else None
        return make_pipeline(features, LogisticRegression(C=self.c, max_iter=3000, class_weight=weights, random_state=SEED))


@dataclass
class CrisisClassifier:
    pipeline: object
    threshold: float = THRESHOLD

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], threshold: float = THRESHOLD,
            features: Features = Features()) -> "CrisisClassifier":
        model = features.pipeline()
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
