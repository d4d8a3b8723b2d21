"""The training data and the held-out set: sizes, cleanliness, and separation."""
from collections import Counter

import pytest

import nlu_evaluation as nlu_eval
from contact_center import receipts
from contact_center.domain_files import load_domain
from contact_center.messages import NEVER_LEARNED

from tests import ROOT

SERVICE_INTENTS = nlu_eval.SERVICE_INTENTS
DOMAIN_INTENTS = load_domain(ROOT / "domain")["intents"]
# Set by the crisis check (measured on its own sets) and by the channels, not learned.
CLASSIFIER_INTENTS = [i for i in DOMAIN_INTENTS if i not in NEVER_LEARNED]


def _training(lang):
    examples = []
    for path in sorted((ROOT / "data" / "nlu" / lang).glob("*.yml")):
        examples += nlu_eval.load_examples(path, lang)
    return examples


def _key(text):
    return " ".join(text.lower().split()).strip(" .!?¿¡")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("intent", SERVICE_INTENTS)
def test_at_least_40_training_examples_per_service_intent(lang, intent):
    count = Counter(e.intent for e in _training(lang))[intent]
    assert count >= 40, f"{intent}/{lang}: {count}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_heldout_has_15_examples_per_intent(lang):
    counts = Counter(e.intent for e in nlu_eval.heldout()[lang])
    for intent in CLASSIFIER_INTENTS:
        assert counts[intent] >= 15, f"{intent}/{lang}: {counts[intent]}"


def test_heldout_texts_never_appear_in_training():
    training = set()
    for path in (ROOT / "data").rglob("*.yml"):
        for example in nlu_eval.load_examples(path, "xx") if "nlu" in path.parts else []:
            training.add(_key(example.text))
    leaked = [e.text for lang in ("en", "es") for e in nlu_eval.heldout()[lang] if _key(e.text) in training]
    assert not leaked, f"held-out texts found in training data: {leaked[:10]}"


def test_every_annotated_receipt_number_is_valid():
    for path in list((ROOT / "data" / "nlu").rglob("*.yml")) + list(nlu_eval.HELDOUT.values()):
        for example in nlu_eval.load_examples(path, "xx"):
            for value in example.receipts:
                assert receipts.is_valid(value), f"{path.name}: {example.text}"


def test_intents_in_data_are_in_the_domain():
    for path in (ROOT / "data" / "nlu").rglob("*.yml"):
        for example in nlu_eval.load_examples(path, "xx"):
            assert example.intent in DOMAIN_INTENTS, f"{path}: {example.intent}"


def test_out_of_scope_covers_the_near_misses():
    texts = " ".join(e.text.lower() for lang in ("en", "es") for e in _training(lang) if e.intent == "out_of_scope")
    for topic in ("passport", "pasaporte", "embassy", "embajada", "tax", "impuesto", "social security",
                  "seguro social", "driver", "licencia de conducir"):
        assert topic in texts, topic
