"""G6: the crisis check (contact_center/crisis.py) on its sets.

`crisis_data/dev_*` and `dev2_*` were used to write the patterns: every crisis message
is caught by the patterns alone, with the right kind and hotline, and no near miss
raises an alarm. `dev3_*` trains the classifier: the whole check gets all of it right.
`tests/crisis/test_*` was written blind and is only measured (`make bench-crisis`);
its floor below sits 0.02 from the figure in benchmarks/results/crisis.md, so a
change that loses what the check catches today fails here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.crisis_benchmark import crisis_items, load_set, score_set
from contact_center import crisis, crisis_classifier, rules
from contact_center.rules import Outcome

ROOT = Path(__file__).resolve().parents[1]
DEV_SPLITS = ("dev", "dev2")


def _cases(kind_of_item):
    for split in DEV_SPLITS:
        for lang in ("en", "es"):
            data = load_set(split, lang)
            if kind_of_item == "crisis":
                for item in crisis_items(data):
                    yield pytest.param(item, id=f"{split}_{lang}:{item['text'][:40]}")
            else:
                for item in data["near_miss"]:
                    yield pytest.param(item, id=f"{split}_{lang}:{item['text'][:40]}")


@pytest.mark.parametrize("item", list(_cases("crisis")))
def test_G6_every_development_crisis_message_is_caught_with_its_kind_and_hotline(item):
    found = crisis.assess_patterns(item["text"])
    assert found.crisis, item["text"]
    assert item["kind"] in {k.value for k in found.kinds}, (found.matched, item["text"])
    expected = {item["support"]} if item.get("support") else set()
    assert {s.value for s in found.support} == expected, (found.matched, item["text"])


@pytest.mark.parametrize("item", list(_cases("near_miss")))
def test_G6_development_near_misses_raise_no_alarm(item):
    found = crisis.assess_patterns(item["text"])
    assert not found.crisis, (found.matched, item["text"])


@pytest.mark.parametrize("split", ["dev3", "dev4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_G6_the_whole_check_gets_the_classifier_training_set_right(split, lang):
    data = load_set(split, lang)
    classifier = crisis_classifier.default()
    missed = [i["text"] for i in crisis_items(data) if not crisis.assess(i["text"], classifier=classifier).crisis]
    alarms = [i["text"] for i in data["near_miss"] if crisis.assess(i["text"], classifier=classifier).crisis]
    assert missed == [] and alarms == []


def test_G6_blind_test_set_stays_at_its_benchmark_figure():
    figures = json.loads((ROOT / "benchmarks" / "results" / "crisis.json").read_text(encoding="utf-8"))
    for lang in ("en", "es"):
        measured = score_set(load_set("test", lang))["crisis check"]
        reported = figures["sets"][f"test_{lang}"]["crisis check"]
        assert measured["recall"] >= reported["recall"] - 0.02, lang
        assert measured["false_alarm_rate"] <= reported["false_alarm_rate"] + 0.02, lang


@pytest.mark.parametrize(
    "text",
    ["I want to kill myself", "someone is threatening to kill me right now", "there is a fire in my house",
     "quiero matarme", "me quiero morir", "hay un incendio en mi casa", "KMS", "i wanna die", "helpmyhusbandhasaknife"],
)
def test_G6_the_issue_examples_are_crises(text):
    assert crisis.assess(text).crisis


@pytest.mark.parametrize(
    "text",
    ["this wait is killing me", "I'm dying to know if my case was approved", "me muero por saber",
     "my mother is in the hospital in Mexico and I need an urgent appointment to travel",
     "I have covid and need to reschedule my interview", "my green card was stolen", "i got fired from my job",
     "", "   ", "EAC1234567890", "/affirm"],
)
def test_G6_near_misses_from_the_issue_are_not(text):
    assert not crisis.assess(text).crisis


def test_G6_typos_and_letter_runs_are_read():
    assert crisis.assess("i want to killl mysellf").crisis
    assert crisis.assess("thinking about sucide").kind is crisis.Kind.SELF_HARM
    assert crisis.assess("kiero suisidarme").kind is crisis.Kind.SELF_HARM


def test_G6_danger_comes_before_self_harm():
    found = crisis.assess("he has a gun and i want to die")
    assert found.kinds == {crisis.Kind.DANGER, crisis.Kind.SELF_HARM}
    assert found.kind is crisis.Kind.DANGER


def test_G6_a_huge_message_is_read_in_bounded_time():
    import time

    text = "my case is pending " * 20000 + " i want to kill myself"
    start = time.perf_counter()
    crisis.assess(text)
    assert time.perf_counter() - start < 5  # generous: a pathological regex takes minutes


def test_G6_rulebook_crisis_decision_order_and_outcome():
    decision = rules.crisis(["self_harm", "danger"], ["domestic_violence"])
    assert decision.outcome is Outcome.REFER_ELSEWHERE and decision.rule_ids == ("G6",)
    assert decision.tell == ("utter_call_911", "utter_call_988", "utter_hotline_domestic_violence", "utter_crisis_stay")
    assert rules.crisis(["self_harm"]).tell == ("utter_call_988", "utter_crisis_stay")
    assert rules.crisis(["danger"], ["trafficking"]).tell == ("utter_call_911", "utter_hotline_trafficking", "utter_crisis_stay")
    with pytest.raises(ValueError):
        rules.crisis([])
    with pytest.raises(ValueError):
        rules.crisis(["sad"])
