"""The conversation evaluation's own checks (benchmarks/conversation_eval.py), on a
scripted stand-in for the assistant: each kind of failure is caught, a right
conversation passes."""
from __future__ import annotations

from types import SimpleNamespace

from benchmarks import conversation_eval, replies


def _text(key: str, lang: str) -> str:
    return next(v["text"] for v in replies.responses()[key] if replies.language_of(v) == lang)


class Stand_in:  # noqa: N801 - a stand-in for tests.stack.Assistant
    def __init__(self, answers):
        self.answers = list(answers)
        self.clock = None

    def set_clock(self, moment):
        self.clock = moment

    def say(self, sender, text):
        return [{"text": t} for t in self.answers.pop(0)]


class Store:
    def __init__(self, decisions=(), filed=()):
        self.decisions = [SimpleNamespace(outcome=o, rule_ids=list(r)) for o, r in decisions]
        self.filed = [SimpleNamespace(request_type=t) for t in filed]

    def decisions_for(self, sender):
        return self.decisions

    def service_requests_for(self, sender):
        return self.filed


ASK = _text("utter_ask_appointment_time", "en")


def _run(answers, conversation, store=None):
    return conversation_eval.run_one(Stand_in(answers), store or Store(), conversation)


def test_a_right_conversation_passes():
    result = _run([[_text("utter_faq/rfe", "es")]],
                  {"id": "x", "lang": "es", "turns": [{"say": "que es un rfe", "expect": ["utter_faq/rfe"]}],
                   "outcome": "SELF_SERVICE", "rule_ids": ["G1"]},
                  Store([("SELF_SERVICE", ["G1"])]))
    assert result.passed, result.reasons


def test_a_reply_in_the_other_language_fails():
    result = _run([[_text("utter_faq/rfe", "en")]], {"id": "x", "lang": "es", "turns": [{"say": "que es un rfe"}]})
    assert not result.passed and "other language" in result.reasons[0]


def test_a_missing_reply_and_a_dead_end_fail():
    result = _run([[ASK], []], {"id": "x", "lang": "en", "turns": [
        {"say": "reschedule", "expect": ["utter_faq/rfe"]}, {"say": "hello?"}]})
    assert any("expected utter_faq/rfe" in r for r in result.reasons)
    assert any("dead end" in r for r in result.reasons)


def test_a_question_asked_again_without_a_reason_fails_but_not_with_one():
    again = _run([[ASK], [ASK]], {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "b"}]})
    assert any("asked again" in r for r in again.reasons)
    explained = _run([[ASK], [_text("utter_appointment_time_not_understood", "en"), ASK]],
                     {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "b"}]})
    assert explained.passed, explained.reasons


def test_a_callback_time_outside_callback_hours_is_a_reason_to_ask_again():
    ask = _text("utter_ask_callback_time", "en")
    explained = _run([[ask], [_text("utter_callback_time_outside_hours", "en"), ask]],
                     {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "wednesday at 8pm"}]})
    assert explained.passed, explained.reasons


def test_a_question_left_unanswered_by_leaving_its_form_may_be_asked_by_the_next_form():
    receipt = _text("utter_ask_receipt_number", "en")
    left = _run([[receipt], [_text("utter_switch_request", "en"), ASK], [receipt]],
                {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "b"}, {"say": "c"}]})
    assert left.passed, left.reasons
    asked_first = _run([[receipt], [_text("utter_ask_switch_request", "en")], [_text("utter_switch_request", "en"), ASK],
                        [receipt]], {"id": "x", "lang": "en", "turns": [{"say": s} for s in "abcd"]})
    assert asked_first.passed, asked_first.reasons  # the switch asked about first (en-t2-cancel-04)
    answered = _run([[receipt], [ASK], [_text("utter_switch_request", "en"), ASK], [receipt]],
                    {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "b"}, {"say": "c"}, {"say": "d"}]})
    assert any("asked again" in r for r in answered.reasons)  # answered before: a repeat


def test_a_question_asked_again_after_finish_this_first_is_explained():
    contact = _text("utter_ask_contact", "en")
    resumed = _run([[contact], [_text("utter_ask_switch_request", "en")], [_text("utter_switch_later", "en"), contact]],
                   {"id": "x", "lang": "en", "turns": [{"say": "a"}, {"say": "b"}, {"say": "c"}]})
    assert resumed.passed, resumed.reasons


def test_outcome_rules_and_filing_are_checked_in_the_store():
    result = _run([[ASK]], {"id": "x", "lang": "en", "turns": [{"say": "a"}], "outcome": "E_REQUEST",
                            "rule_ids": ["R1"], "filed": ["reschedule"]},
                  Store([("SELF_SERVICE", ["R2"])], filed=["reschedule", "reschedule"]))
    reasons = " | ".join(result.reasons)
    assert "E_REQUEST never decided" in reasons and "['R1']" in reasons and "filed ['reschedule', 'reschedule']" in reasons


def test_every_set_is_well_formed_and_each_test_set_is_its_own():
    """Every expected key is a domain response, every rule id a rule, and each blind test set
    shares no conversation (id or what is said) with the development set or the other."""
    import itertools
    import re

    rules_text = (conversation_eval.ROOT.parent / "shared" / "reference" / "contact-center-rules.md").read_text()
    rule_ids = set(re.findall(r"^- ([A-Z]\d+) ", rules_text, re.MULTILINE))
    responses = set(replies.responses())
    sets = {name: conversation_eval.load((), folder) for name, (folder, *_rest) in conversation_eval.SETS.items()}
    for name, size in (("test", 120), ("test2", 120), ("test3", 60), ("test4", 60), ("test5", 60), ("test6", 60), ("test7", 60), ("test8", 60), ("test9", 60), ("test10", 60)):
        assert len(sets[name]) >= size and {c["lang"] for c in sets[name]} == {"en", "es"}, name
    for conversations in sets.values():
        for c in conversations:
            for turn in c["turns"]:
                assert set(turn.get("expect", [])) | set(turn.get("not_expect", [])) <= responses, c["id"]
            assert set(c.get("rule_ids", [])) <= rule_ids, c["id"]

    def said(c):  # a short opening ("i have an emergency") may well be shared; a whole conversation not
        return tuple(t["say"].strip().lower() for t in c["turns"])

    for a, b in itertools.combinations(sets, 2):
        assert not {c["id"] for c in sets[a]} & {c["id"] for c in sets[b]}, (a, b)
        assert not {said(c) for c in sets[a]} & {said(c) for c in sets[b]}, (a, b)
