"""Whole conversations with the running assistant: emergencies and the crisis safety net (U1-U5, G6).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import (
    RESPONSES, assert_no_reply, assert_reply, first_reply_is, language_of, matches, texts,
)


def test_G6_danger_to_life_means_911_first(chat, store):
    c = chat()
    replies = c.say("I have an emergency")
    assert_reply(replies, "utter_ask_in_danger", "en")
    replies = c.say("yes")
    assert texts(replies)[0] in [v["text"] for v in RESPONSES["utter_call_911"] if language_of(v) == "en"]
    assert c.decided() == ("REFER_ELSEWHERE", {"G6"})
    assert store.live_entry_for(c.sender) is None


def test_G6_a_first_message_about_suicide_gets_988_then_the_assistant_stays(chat, store):
    c = chat()
    replies = c.say("i want to kill myself")
    first_reply_is(replies, "utter_call_988", "en")
    assert_reply(replies, "utter_crisis_stay", "en")
    help_menu = [v["text"] for v in RESPONSES["utter_help"]]
    assert not any(matches(t, r) for t in help_menu for r in texts(replies))  # no menu of services straight after
    assert c.decided() == ("REFER_ELSEWHERE", {"G6"})
    [row] = [d for d in store.decisions_for(c.sender) if "G6" in d.rule_ids]
    assert row.outcome == "REFER_ELSEWHERE"


@pytest.mark.parametrize(
    "text,lang,response",
    [
        ("someone is threatening to kill me right now", "en", "utter_call_911"),
        ("there is a fire in my house", "en", "utter_call_911"),
        ("mi esposo me esta golpeando ayuda", "es", "utter_call_911"),
        ("ya no quiero vivir", "es", "utter_call_988"),
    ],
)
def test_G6_crisis_messages_get_911_or_988_first(chat, text, lang, response):
    c = chat()
    replies = c.say(text)
    first_reply_is(replies, response, lang)
    assert c.decided() == ("REFER_ELSEWHERE", {"G6"})


def test_G6_domestic_violence_hotline_comes_after_911(chat):
    c = chat()
    replies = c.say("my husband has a knife and says he will kill me")
    first_reply_is(replies, "utter_call_911", "en")
    assert_reply(replies, "utter_hotline_domestic_violence", "en")


def test_G6_crisis_in_the_middle_of_the_reschedule_form_leaves_it_unfiled(chat, store):
    c = chat()
    c.say("I need to reschedule my interview")
    replies = c.say("honestly i dont want to live anymore")
    first_reply_is(replies, "utter_call_988", "en")
    tracker = c.tracker()
    assert tracker["active_loop"] in ({}, None) or not tracker["active_loop"].get("name")
    assert c.decided() == ("REFER_ELSEWHERE", {"G6"})
    assert store.service_requests_for(c.sender) == []
    # Back to an immigration question: the assistant helps with it.
    assert_reply(c.say("what is the status of my case EAC1234567890"), "utter_case_status_result", "en")


def test_G6_crisis_typed_as_the_free_text_details_is_not_filed(chat, store):
    c = chat()
    c.say("I never received my green card")
    c.say("EAC1234567890")
    c.say("me@example.com")
    replies = c.say("he is outside with a gun please")
    first_reply_is(replies, "utter_call_911", "en")
    assert store.service_requests_for(c.sender) == []


def test_G6_after_a_crisis_the_applicant_can_go_back_to_the_request_with_what_they_gave(chat, store):
    """Hand test: "can we finish the card thing" after a crisis reply was not understood."""
    c = chat()
    c.say("I never received my green card")
    c.say("EAC1234567890")
    replies = c.say("i cant do this anymore i want to end it")
    first_reply_is(replies, "utter_call_988", "en")
    assert store.service_requests_for(c.sender) == []
    c.say("ok. i called them, im ok now")  # stays with them: nothing is taken up on its own
    assert c.tracker()["active_loop"].get("name") in (None, "")
    replies = c.say("can we finish the card thing")
    # The card request again, with the receipt number already given: the contact is asked next.
    assert c.tracker()["active_loop"].get("name") == "e_request_form"
    assert c.slot("receipt_number") == "EAC1234567890"
    assert c.slot("requested_slot") != "receipt_number"


@pytest.mark.parametrize(
    "opening,crisis,safe,lang",
    [
        ("theres a typo on my green card, my last name is misspelled", "i just want to die honestly",
         "im safe now, can we finish the typo thing", "en"),  # had been read as a goodbye: "Take care"
        ("mi tarjeta de residencia tiene un error en mi apellido", "ya no quiero vivir",
         "ya estoy mejor gracias, podemos seguir con lo del error de mi tarjeta?", "es"),
    ],
)
def test_G6_back_to_the_request_whatever_the_words_sound_like(chat, store, opening, crisis, safe, lang):
    """The way back to a request a crisis reply cut short does not depend on how the
    classifier reads the words (a goodbye, a thank-you)."""
    c = chat()
    c.say(opening)
    first_reply_is(c.say(crisis), "utter_call_988", lang)
    replies = c.say(safe)
    assert_no_reply(replies, "utter_goodbye", lang)
    back = {"en": "go back to what you were asking", "es": "Volvamos a lo que me estaba"}[lang]
    assert any(back in t for t in texts(replies))  # the same request again, not "the other thing"
    assert c.tracker()["active_loop"].get("name") == "e_request_form"
    assert c.slot("request_type") == "typographic_error"
    assert c.slot("interrupted_request") is None
    assert store.service_requests_for(c.sender) == []


def test_G6_crisis_during_a_live_handoff_is_answered_and_the_place_in_line_kept(chat, store):
    c = chat()
    c.say("I want to talk to an agent")
    c.say("I have a question about my asylum case that the website doesn't answer")
    assert c.tracker()["paused"] is True
    assert_reply(c.say("ok thanks"), "utter_handoff_waiting_ack", "en")  # never silence while in line
    replies = c.say("my boyfriend is hitting me right now")
    first_reply_is(replies, "utter_call_911", "en")
    assert_reply(replies, "utter_hotline_domestic_violence", "en")
    assert c.tracker()["paused"] is True
    assert store.live_entry_for(c.sender) is not None


def test_G6_crisis_in_spanish_after_the_conversation_started_in_english(chat):
    c = chat()
    c.say("hi, I need to check my case status")
    replies = c.say("me quiero morir ya no aguanto")
    first_reply_is(replies, "utter_call_988", "es")
    assert c.slot("language") == "es"


@pytest.mark.parametrize(
    "text,response,lang",
    [
        ("this wait is killing me, what is the status of EAC1234567890", "utter_case_status_result", "en"),
        ("me muero por saber el estado de mi caso EAC1234567890", "utter_case_status_result", "es"),
    ],
)
def test_G6_idioms_are_not_crises_and_go_to_their_flow(chat, text, response, lang):
    c = chat()
    replies = c.say(text)
    assert_reply(replies, response, lang)
    assert "G6" not in (c.decided()[1] or set())


def test_U2_U3_urgent_medical_appointment_goes_to_tier2(chat, store):
    c = chat()
    c.say("tengo una emergencia")
    c.say("no")
    c.say("sí")
    replies = c.say("es una emergencia médica, necesito cirugía")
    assert_reply(replies, "utter_urgent_appointment_tier2", "es")
    assert_reply(replies, "utter_handoff_tier2", "es")
    outcome, rule_ids = c.decided()
    assert outcome == "TIER2_REVIEW" and "U3" in rule_ids
    entry = store.live_entry_for(c.sender)
    assert entry.tier == 2 and entry.language == "es"


def test_U5_no_appointment_needed_gets_what_it_can_help_with(chat, store):
    c = chat()
    c.say("emergency!")
    c.say("no")
    replies = c.say("no")
    assert_reply(replies, "utter_help", "en")
    assert c.decided()[1] == {"U5"}
    assert store.live_entry_for(c.sender) is None


@pytest.mark.parametrize("answer,lang", [
    ("yes, i have to go see somebody at the office face to face", "en"),
    ("si, tengo que ir a la oficina a ver a alguien en persona", "es"),
])
def test_U5_a_yes_that_names_seeing_someone_in_person_answers_the_question(chat, answer, lang):
    """Test set 4: read as a request for a person, it left the form for live help."""
    c = chat()
    c.say("tengo una emergencia" if lang == "es" else "i have an emergency")
    c.say("no, nadie esta en peligro" if lang == "es" else "no, nobody is in danger")
    replies = c.say(answer)
    assert_reply(replies, "utter_ask_urgent_reason", lang)
    assert c.tracker()["active_loop"].get("name") == "emergency_form"
