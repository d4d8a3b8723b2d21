"""Whole conversations with the running assistant: other agencies, language and sessions (G4, G7).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import assert_reply, texts


def test_G4_neutral_message_keeps_spanish_and_switch_on_request(chat):
    c = chat()
    c.say("buenas tardes")
    assert c.slot("language") == "es"
    c.say("ok")
    assert c.slot("language") == "es"
    assert_reply(c.say("English please"), "utter_language_changed", "en")
    assert c.slot("language") == "en"
    assert_reply(c.say("español por favor"), "utter_language_changed", "es")


@pytest.mark.parametrize(
    "text, response, lang",
    [
        ("how do I renew my US passport", "utter_refer_state_department", "en"),
        ("cuando llega mi reembolso de impuestos del IRS", "utter_refer_irs", "es"),
        ("what's the weather like in Miami", "utter_out_of_scope", "en"),
    ],
)
def test_G7_out_of_scope(chat, text, response, lang):
    c = chat()
    assert_reply(c.say(text), response, lang)
    assert c.decided()[0] == "REFER_ELSEWHERE" or response == "utter_out_of_scope"


def test_a_new_session_keeps_the_language_and_nothing_personal(chat):
    c = chat()
    c.say("nunca me llegó mi tarjeta de residencia")
    c.say("EAC1234567890")
    c.say("maria.lopez@example.com 202-555-0143")
    slots = c.tracker()["slots"]
    assert slots["receipt_number"] == "EAC1234567890" and slots["language"] == "es"
    c.say("/session_start")  # what expiry or "New conversation" starts
    slots = c.tracker()["slots"]
    assert slots["language"] == "es"
    for name in ("receipt_number", "email", "phone_numbers", "contact", "problem_details", "outcome", "rule_ids"):
        assert slots.get(name) in (None, []), name
    assert_reply(c.say("quiero saber el estado de mi caso"), "utter_ask_receipt_number", "es")


def test_markup_and_sql_are_just_text(chat):
    c = chat()
    for text in ["<script>alert(1)</script>", "'; DROP TABLE events; --", "\u05e9\u05dc\u05d5\u05dd", "🙂"]:
        assert texts(c.say(text)), text
    assert texts(c.say("hello"))


@pytest.mark.parametrize("text,lang", [
    ("my brother got refused at the us consulate in lagos for his visa, could uscis overturn it", "en"),
    ("a mi esposa le negaron la visa en la embajada en quito, uscis puede hacer algo?", "es"),
])
def test_G7_an_embassys_decision_uscis_is_asked_to_change_is_referred(chat, store, text, lang):
    """Test set 4: asking USCIS to act on a consular refusal was filed as an accommodation request."""
    c = chat()
    replies = c.say(text)
    assert_reply(replies, "utter_refer_state_department", lang)
    assert c.tracker()["active_loop"].get("name") in (None, "")
    assert store.service_requests_for(c.sender) == []
