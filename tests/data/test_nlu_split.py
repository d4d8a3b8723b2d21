"""The development and test sets (issue 11): separate from each other and from training.

tests/nlu/dev_<lang>.yml is for choices, the admin gate, the labels check and the CI
floor; tests/nlu/test_<lang>.yml is read by the NLU benchmark only. Texts are compared
after folding case, accents, punctuation, receipt numbers, form numbers and digits
(nlu_evaluation.fold()); near-paraphrases are listed in the benchmark's report,
not asserted here.
"""
import os
import re
from collections import Counter
from pathlib import Path

import pytest

import nlu_evaluation as nlu_eval
from benchmarks import nlu_benchmark

from tests import ROOT

LANGS = ("en", "es")
SKIP_DIRS = {".venv", "venv", ".git", "node_modules", "__pycache__", "var", "models", ".mypy_cache", ".pytest_cache"}
# Any spelling of the test files' names: test_en.yml, test_es.yml, test_{lang}.yml, test_*.yml, test_<lang>.yml.
TEST_FILE_NAME = re.compile(r"test_(?:en|es|\{[^}]*\}|\*|<[^>]*>)\.ya?ml")
MAY_NAME_TEST_FILES = {ROOT / "benchmarks" / "nlu_benchmark.py", Path(__file__).resolve()}


@pytest.fixture(scope="module")
def sets():
    return nlu_eval.dev(), nlu_benchmark.test_set(), nlu_eval.training_examples()


def test_both_languages_have_a_dev_and_a_test_file():
    for lang in LANGS:
        assert nlu_eval.DEV[lang].name == f"dev_{lang}.yml" and nlu_eval.DEV[lang].exists()
        assert nlu_benchmark.TEST[lang].exists()
        assert nlu_benchmark.TEST[lang].read_text(encoding="utf-8").startswith("# TEST set: read ONLY by")
    assert not list((ROOT / "tests" / "nlu").glob("heldout_*.yml")), "the former held-out files are split"


def test_fold_ignores_case_accents_punctuation_and_numbers():
    assert nlu_eval.fold("¿Dónde está mi I-485? Recibo EAC2390012345!") == nlu_eval.fold(
        "donde esta mi n400 recibo wac-23-901-56789"
    )
    assert nlu_eval.fold("call me at 212 555 0187") == nlu_eval.fold("Call me at 305-555-0142.")
    assert nlu_eval.fold("my case") != nlu_eval.fold("my cases")


@pytest.mark.parametrize("lang", LANGS)
def test_no_test_text_equals_a_training_or_dev_text_after_folding(sets, lang):
    dev, test, training = sets
    found = nlu_eval.split_overlaps(test[lang], {"training": training, "dev": dev[lang]}, near=None)
    assert not found["exact"], found["exact"][:10]


@pytest.mark.parametrize("lang", LANGS)
def test_dev_and_test_are_disjoint_and_test_has_no_repeats(sets, lang):
    dev, test, _ = sets
    dev_keys = {nlu_eval.fold(e.text) for e in dev[lang]}
    test_keys = Counter(nlu_eval.fold(e.text) for e in test[lang])
    assert not dev_keys & set(test_keys)
    assert [k for k, n in test_keys.items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_test_set_has_25_examples_per_intent_and_every_faq_topic(sets, lang):
    dev, test, _ = sets
    counts = Counter(e.intent for e in test[lang])
    assert set(counts) == {e.intent for e in dev[lang]}
    short = {intent: n for intent, n in counts.items() if n < 25}
    assert not short, short
    topics = {e.topic for e in test[lang] if e.intent == "faq"}
    assert topics == {e.topic for e in dev[lang] if e.intent == "faq"}


def test_only_the_benchmark_names_the_test_files():
    offenders = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            path = Path(folder) / name
            if not name.endswith(".py") or path.resolve() in MAY_NAME_TEST_FILES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if TEST_FILE_NAME.search(text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"only benchmarks/nlu_benchmark.py may read tests/nlu/test_<lang>.yml: {offenders}"


def test_the_benchmark_scores_the_baseline_from_its_own_parse(monkeypatch):
    """Receipt numbers are normalised for every model; a parse naming no language is
    answered in the config's language (Rasa's default: en), so Spanish scores 0 by measure."""
    import asyncio

    class NoLanguageParser:  # what Rasa's default pipeline returns: no language entity
        def __init__(self, path):
            self.loop = asyncio.new_event_loop()

        def parse_many(self, texts):
            return [nlu_eval.Parsed("greet", 0.9, ["eac 2390012345"] if "EAC" in t else [], None) for t in texts]

    monkeypatch.setattr(nlu_eval, "ModelParser", NoLanguageParser)
    assert nlu_benchmark.configured_language(nlu_benchmark.baseline_config()) == "en"
    sets = {"test": {
        "en": [nlu_eval.Example("hi EAC2390012345", "greet", ["EAC2390012345"], "en")],
        "es": [nlu_eval.Example("hola", "greet", [], "es")],
    }}
    probes = {"en": {"p": ["what's the weather"]}, "es": {"p": ["que tiempo hace"]}}
    report = nlu_benchmark.evaluate("unused", sets, probes, "en")
    assert report["test"]["en"]["receipt_number"]["exact_match"] == 1.0
    assert report["test"]["en"]["language_from_parse"] == {"n": 2, "accuracy": 1.0}
    assert report["test"]["es"]["language_from_parse"] == {"n": 2, "accuracy": 0.0}
    assert report["probes"]["en"]["n"] == 1
