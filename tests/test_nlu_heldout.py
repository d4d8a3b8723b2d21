"""A floor on held-out understanding, so a regression fails CI.

The exact figures, beside Rasa's default pipeline, are in the NLU benchmark
(benchmarks/results/nlu.md); this only guards against falling below 0.90.
"""
import pytest

from benchmarks import nlu_eval
from contact_center import receipts

FLOOR = 0.90


@pytest.fixture(scope="module")
def heldout_results(model_parser):
    results = {}
    for lang, examples in nlu_eval.heldout().items():
        parsed = model_parser.parse_many([e.text for e in examples])
        results[lang] = (examples, parsed)
    return results


@pytest.mark.parametrize("lang", ["en", "es"])
def test_heldout_macro_f1_floor(heldout_results, lang):
    examples, parsed = heldout_results[lang]
    scores = nlu_eval.intent_scores(examples, parsed)
    assert scores["macro_f1"] >= FLOOR, (
        f"{lang} macro-F1 {scores['macro_f1']:.3f} < {FLOOR}; errors: {scores['errors'][:15]}"
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_S2_heldout_receipt_numbers_are_extracted_exactly(heldout_results, lang):
    examples, parsed = heldout_results[lang]
    result = nlu_eval.receipt_exact_match(examples, parsed, receipts.normalise)
    assert result["exact_match"] >= 0.98, result
    assert result["spurious_rate"] == 0.0, result
