"""The knowledge base: questions about a case and the contact center (issue 13).

The rulebook decides what each topic says and which rules it speaks for
(`rules.answer_question`); the domain holds each answer in both languages with its
public source; the training data and the held-out set cover every topic; the action
says the topic the ResponseSelector chose, and inside a form leaves the form's slots alone.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.questions import ActionAnswerQuestion, selected_topic
import nlu_evaluation as nlu_eval
from contact_center import rules
from contact_center.domain_files import load_domain

from tests import ROOT

RESPONSES = load_domain(ROOT / "domain")["responses"]


def _training(lang):
    return nlu_eval.load_examples(ROOT / "data" / "nlu" / lang / "questions.yml", lang)


@pytest.mark.parametrize("topic", sorted(rules.QUESTION_TOPICS))
def test_every_topic_is_answered_in_both_languages_with_its_source(topic):
    variations = RESPONSES[f"utter_faq/{topic}"]
    spanish = [v["text"] for v in variations if v.get("condition")]
    english = [v["text"] for v in variations if not v.get("condition")]
    assert len(spanish) == 1 and len(english) == 1
    assert "Source:" in english[0] and "Fuente:" in spanish[0]
    assert re.findall(r"https://\S+", english[0]) == re.findall(r"https://\S+", spanish[0])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_topic_has_training_and_held_out_examples(lang):
    trained = Counter(e.topic for e in _training(lang))
    held_out = Counter(e.topic for e in nlu_eval.heldout()[lang] if e.intent == "faq")
    for topic in rules.QUESTION_TOPICS:
        assert trained[topic] >= 8, (lang, topic, trained[topic])
        assert held_out[topic] >= 1, (lang, topic)
    assert set(trained) == set(rules.QUESTION_TOPICS)
    assert all(e.intent == "faq" for e in _training(lang))


@pytest.mark.parametrize(
    "topic, rule_ids",
    [
        ("contact_numbers", {"G1", "O2"}),
        ("no_answer_before_appointment", {"G1", "R3", "R4"}),
        ("premium_processing", {"G1", "X4"}),
        ("find_receipt_number", {"G1", "S2"}),
        ("rfe", {"G1"}),
        ("callback_caller_id", {"G1", "C2", "C4"}),
    ],
)
def test_G1_a_question_is_self_service_and_names_the_rules_it_speaks_for(topic, rule_ids):
    decision = rules.answer_question(topic)
    assert decision.outcome is rules.Outcome.SELF_SERVICE
    assert set(decision.rule_ids) == rule_ids
    assert decision.tell == (f"utter_faq/{topic}",)


def test_O2_the_contact_numbers_decision_is_the_knowledge_base_answer():
    assert rules.contact_numbers() == rules.answer_question("contact_numbers")
    english = [v["text"] for v in RESPONSES["utter_faq/contact_numbers"] if not v.get("condition")][0]
    assert "800-375-5283" in english and "800-767-1833" in english


def test_a_question_the_knowledge_base_does_not_hold_is_said_honestly():
    for topic in (None, "", "weather"):
        decision = rules.answer_question(topic)
        assert decision.tell == ("utter_question_not_known",) and decision.rule_ids == ("G1",)


def _tracker(topic, active_loop=None, text="what is an rfe?", requested_slot=None):
    # The shape Rasa 3.6 sends: the ResponseSelector's output under `response_selector`.
    selector = {"faq": {"response": {"intent_response_key": f"faq/{topic}", "utter_action": f"utter_faq/{topic}",
                                     "confidence": 0.93, "responses": []}, "ranking": []}}
    return Tracker(
        sender_id="questions-test", slots={"language": "en", "requested_slot": requested_slot},
        latest_message={"text": text, "intent": {"name": "faq", "confidence": 0.95}, "entities": [],
                        "response_selector": selector},
        events=[], paused=False, followup_action=None,
        active_loop={"name": active_loop} if active_loop else {}, latest_action_name="action_listen",
    )


class _Store:
    def __init__(self):
        self.decisions = []

    def record_decision(self, sender, decision, facts, when=None, request_kind=None):
        self.decisions.append((decision, facts, request_kind))


@pytest.fixture
def recorded(monkeypatch):
    store = _Store()
    monkeypatch.setattr(common, "store", lambda: store)
    return store.decisions


def test_the_action_says_the_chosen_topic_and_records_the_decision(recorded):
    dispatcher = CollectingDispatcher()
    events = ActionAnswerQuestion().run(dispatcher, _tracker("rfe"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_faq/rfe"]
    assert {e["name"]: e["value"] for e in events} == {"outcome": "SELF_SERVICE", "rule_ids": ["G1"]}
    assert recorded[0][1] == {"question": "rfe"} and recorded[0][2] == "question"


def test_inside_a_form_the_answer_leaves_the_forms_slots_alone(recorded):
    dispatcher = CollectingDispatcher()
    events = ActionAnswerQuestion().run(dispatcher, _tracker("no_answer_before_appointment", "reschedule_form"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_faq/no_answer_before_appointment"]
    assert events == [] and len(recorded) == 1


@pytest.mark.parametrize("slot, text", [
    ("receipt_number", "ok found it in my online account EAC1234567890"),
    ("receipt_number", "lo encontre en mi cuenta en linea, IOE0912345678"),
    ("contact", "the email on my uscis account is r.diaz@example.com"),
])
def test_inside_a_form_a_message_that_holds_the_answer_asked_for_is_that_answer(recorded, slot, text):
    dispatcher = CollectingDispatcher()
    events = ActionAnswerQuestion().run(dispatcher, _tracker("online_account", "e_request_form", text, slot), {})
    assert dispatcher.messages == [] and events == [] and recorded == []


@pytest.mark.parametrize("slot, text", [
    ("receipt_number", "can i see EAC1234567890 in my online account?"),  # put as a question: answered
    ("contact", "how do i make an online account"),  # no contact details in it
])
def test_inside_a_form_a_question_is_still_answered(recorded, slot, text):
    dispatcher = CollectingDispatcher()
    ActionAnswerQuestion().run(dispatcher, _tracker("online_account", "e_request_form", text, slot), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_faq/online_account"]


def test_without_a_selected_topic_the_action_says_it_does_not_know(recorded):
    tracker = _tracker("rfe")
    tracker.latest_message.pop("response_selector")
    assert selected_topic(tracker) is None
    dispatcher = CollectingDispatcher()
    ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_question_not_known"]


@pytest.mark.parametrize("confidence, free_text, text, leaves", [
    (0.95, False, "what is an rfe?", True),
    (0.65, False, "what is an rfe?", True),
    (0.5, False, "what is an rfe?", True),  # not confident, but the topic is named and the selector is sure
    (0.5, False, "whatever you think is best", False),
    # At a free-text question (details, documents, contact) only a message put as a question
    # leaves: "antes de eso, cual es el numero de uscis?" had been filed as the details.
    (0.95, True, "what is an rfe?", True),
    (0.95, True, "the rfe notice has my name wrong", False),
    (0.5, True, "what is an rfe?", False),
    (0.95, True, "what is an rfe? my email is ana@example.com", False),  # carries the answer asked for
])
def test_a_form_leaves_for_a_question_only_when_it_is_confident_and_put_as_one_in_free_text(confidence, free_text, text, leaves):
    tracker = _tracker("rfe", "expedite_form", text=text)
    tracker.latest_message["intent"]["confidence"] = confidence
    assert common.wants_to_leave(tracker, free_text=free_text) is leaves


@pytest.mark.parametrize("text, asks", [
    ("my status says case was approved. what does that mean exactly", True),
    ("mi caso dice que fue aprobado, que significa eso?", True),
    ("what does actively reviewed mean", True),
    ("what is the status of my case", False),
    ("i want to check my status", False),
])
def test_G1_asking_what_something_means(text, asks):
    from contact_center.question_topics import asks_meaning

    assert asks_meaning(text) is asks
