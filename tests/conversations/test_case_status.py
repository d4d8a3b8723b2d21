"""Whole conversations with the running assistant: case status (S1-S4).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import APPROVED, CARD_MAILED, RESPONSES, assert_reply, customs, matches, texts


def test_S1_case_status_in_english_with_the_number_in_the_message(chat, store):
    c = chat()
    replies = c.say("what is the status of my case eac-12-345-67890")
    assert_reply(replies, "utter_case_status_result", "en")
    assert any(APPROVED in t and "Approved" in t for t in texts(replies))
    assert_reply(replies, "utter_status_case_was_approved", "en")
    assert c.decided() == ("SELF_SERVICE", {"S1", "S2"})
    [logged] = store.decisions_for(c.sender)
    assert logged.outcome == "SELF_SERVICE" and logged.rule_ids == ["S1", "S2"]


def test_G4_S1_case_status_in_spanish(chat):
    c = chat()
    assert_reply(c.say("hola, quiero saber el estado de mi caso"), "utter_ask_receipt_number", "es")
    replies = c.say("EAC-12-345-67890")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_reply(replies, "utter_status_case_was_approved", "es")
    assert c.slot("receipt_number") == APPROVED
    assert c.slot("language") == "es"


def test_S1_a_receipt_number_alone_is_understood(chat):
    c = chat()
    assert_reply(c.say("IOE*4444444444"), "utter_case_status_result", "en")


def test_S2_invalid_receipt_is_explained_then_corrected(chat, store):
    c = chat()
    c.say("necesito el estatus de mi caso")
    assert_reply(c.say("EAC219001234"), "utter_receipt_too_short", "es")
    assert_reply(c.say("EAC1234567890"), "utter_case_status_result", "es")


@pytest.mark.parametrize(
    "typed, response",
    [("ABC2190012345", "utter_receipt_bad_prefix"), ("EAC21900123456", "utter_receipt_too_long"),
     ("EAC21900I2345", "utter_receipt_bad_characters")],
)
def test_S2_invalid_receipt_alone_gets_the_reason_not_a_fallback(chat, typed, response):
    assert_reply(chat().say(typed), response, "en")


def test_S3_service_down_gives_the_online_tools_never_an_agent(chat, store, case_status_mode):
    case_status_mode("down")
    c = chat()
    replies = c.say("status of my case EAC1234567890 please")
    assert_reply(replies, "utter_case_status_unavailable", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "SELF_SERVICE" and {"S3", "G1"} <= rule_ids
    assert store.live_entry_for(c.sender) is None
    assert not any("handoff" in m for m in customs(replies))


def test_S4_overdue_card_offer_accepted_files_the_matching_e_request(chat, store):
    c = chat()
    replies = c.say(f"what is the status of my case {CARD_MAILED}")
    assert_reply(replies, "utter_case_status_result", "en")
    assert c.slot("next_step") == "offer_e_request"  # the local service is on the test clock: mailed 60 days before it
    outcome, rule_ids = c.decided()
    assert {"S1", "S4"} <= rule_ids
    c.say("yes")
    c.say("The card never came to my address in Houston")
    c.say("maria.lopez@example.com")
    replies = c.say("yes")
    assert_reply(replies, "utter_e_request_filed", "en")
    [filed] = store.service_requests_for(c.sender)
    assert filed.receipt_number == CARD_MAILED
    assert filed.request_type == c.slot("topic")



@pytest.mark.parametrize("lang, ask, answer, stop", [
    ("en", "what's the status of my case", "i dont have it, i lost all the letters", "never mind then"),
    ("es", "quiero saber el estado de mi caso", "no lo tengo, se me perdieron las cartas", "cancelar"),
])
def test_S1_S2_no_receipt_number_at_hand_is_helped_not_said_goodbye(chat, store, lang, ask, answer, stop):
    c = chat()
    c.say(ask)
    replies = c.say(answer)
    assert_reply(replies, "utter_receipt_not_at_hand", lang)
    assert not any(matches(t, r) for t in [v["text"] for v in RESPONSES["utter_goodbye"]] for r in texts(replies))
    assert c.slot("requested_slot") == "receipt_number"
    assert ("S1", "S2") in [tuple(d.rule_ids) for d in store.decisions_for(c.sender)]
    replies = c.say(stop)
    assert_reply(replies, "utter_form_cancelled", lang)


@pytest.mark.parametrize("reply,lang", [
    ("no still nothing, i look in the mailbox every day", "en"),
    ("no nada todavia, reviso el buzon diario", "es"),
])
def test_S4_still_nothing_at_the_card_offer_files_the_card_not_a_notice(chat, store, reply, lang):
    """Test set 4: the reply read as a missing notice, and a notice was filed for a card."""
    c = chat()
    c.say(f"{'como va mi caso' if lang == 'es' else 'hows my case'} {CARD_MAILED}")
    assert c.slot("next_step") == "offer_e_request"
    c.say(reply)
    assert c.slot("request_type") == "card_not_received"
