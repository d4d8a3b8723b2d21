"""Whole conversations with the running assistant: free text and bounded input.

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import json

import pytest
import requests

from tests.conversations.talk import assert_reply, texts


BAD_TEXTS = [
    "🙂🙂🙂",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "'; DROP TABLE service_requests; --",
    "הכרטיס שלי לא הגיע",  # right-to-left
    "البطاقة لم تصل",
]


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_free_text_is_stored_exactly_as_typed(chat, store, text):
    c = chat()
    c.say("I never got my green card")
    c.say("LIN1111111111")
    c.say(text)
    c.say("maria@example.com")
    assert_reply(c.say("yes"), "utter_e_request_filed", "en")
    [filed] = store.service_requests_for(c.sender)
    assert filed.details == text


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_X3_documents_answer_is_stored_exactly_as_typed(chat, store, text):
    c = chat()
    c.say("I need to expedite my case")
    c.say("I-485")
    c.say("I will lose my job")
    c.say("EAC1234567890")
    c.say(text)
    c.say("maria@example.com")
    assert_reply(c.say("yes"), "utter_expedite_filed", "en")
    [filed] = store.service_requests_for(c.sender)
    assert text in filed.details


@pytest.mark.parametrize(
    "text, response",
    [
        ("", "utter_details_empty"),
        ("x" * 1_500, "utter_details_too_long"),  # over the details' 1,000, under the channel's 2,000
        ("x" * 10_000, "utter_message_too_long"),  # over the channel's limit: never reaches the model
    ],
)
def test_empty_or_huge_free_text_is_asked_again(chat, store, text, response):
    c = chat()
    c.say("I never got my green card")
    c.say("LIN1111111111")
    replies = c.say(text)
    assert_reply(replies, response, "en")
    assert_reply(replies, "utter_ask_problem_details", "en")
    c.say("It never arrived")
    assert_reply(c.say("maria@example.com"), "utter_ask_e_request_confirmed", "en")


@pytest.mark.parametrize("text", ["", "x" * 10_000] + BAD_TEXTS)
def test_bad_contact_answers_are_explained(chat, text):
    c = chat()
    c.say("I never got my green card")
    c.say("LIN1111111111")
    c.say("It never arrived")
    replies = c.say(text)
    assert texts(replies), "the assistant answers"
    assert_reply(replies, "utter_ask_contact", "en")
    assert_reply(c.say("maria@example.com"), "utter_ask_e_request_confirmed", "en")


@pytest.mark.parametrize("text", ["", "   ", "\u200b"])
def test_empty_message_gets_a_clear_answer(chat, text):
    assert_reply(chat().say(text), "utter_empty_message", "en")


def test_huge_message_gets_an_answer_in_its_language(chat):
    replies = chat().say("necesito cambiar mi cita de huellas porque estoy enfermo " * 200)
    assert_reply(replies, "utter_message_too_long", "es")
    assert all(_language_guess(t) == "es" for t in texts(replies))


def test_an_over_long_message_with_no_language_in_it_keeps_the_conversations(chat):
    c = chat()
    c.say("hola, necesito ayuda con mi caso")
    replies = c.say("x" * 3000)
    assert_reply(replies, "utter_message_too_long", "es")


def test_a_message_over_the_limit_never_reaches_the_model(chat):
    c = chat()
    replies = c.say("my card " + "x" * 5000)
    assert_reply(replies, "utter_message_too_long", "en")
    latest = c.tracker()["latest_message"]
    assert latest["intent"]["name"] == "message_too_long" and "xxxx" not in (latest.get("text") or "")


def test_a_body_over_the_size_limit_is_refused_at_the_door(assistant):
    body = json.dumps({"sender": "big-body", "message": "a" * (1 << 20)})
    r = requests.post(f"{assistant.rasa_url}/webhooks/rest/webhook", data=body,
                      headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413


def _language_guess(text: str) -> str:
    from contact_center import language

    return language.detect(text).language
