"""Whole conversations with the running assistant: facts given up front, questions and several requests (issue 13).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import APPROVED, answer_the_interview_reschedule, assert_reply, texts


def test_R1_R4_facts_given_up_front_are_not_asked_again(chat, store):
    c = chat()
    replies = c.say("I just tested positive for covid and need to reschedule my interview on December 10 at 8:30")
    assert c.slot("appointment_type") == "interview" and c.slot("has_covid") is True
    assert c.slot("appointment_at", ) and c.slot("appointment_at").startswith("2026-12-10T08:30")
    assert_reply(replies, "utter_ask_receipt_number", "en")  # not "when is it?" nor "do you have COVID-19?"


def test_R4_covid_of_someone_else_is_still_asked(chat):
    c = chat()
    c.say("i need to reschedule my biometrics appointment, my son has covid")
    c.say("tomorrow at 9am")
    replies = c.say("never")
    assert_reply(replies, "utter_ask_has_covid", "en")




def test_G1_a_question_about_the_case_is_answered_not_turned_away(chat):
    c = chat()
    replies = c.say("hey what's an RFE? how many days do they give me to answer it")
    assert_reply(replies, "utter_faq/rfe", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "SELF_SERVICE" and "G1" in rule_ids


def test_G4_a_question_in_spanish_is_answered_in_spanish(chat):
    c = chat()
    replies = c.say("oiga y donde viene el numero de recibo? no lo encuentro")
    assert_reply(replies, "utter_faq/find_receipt_number", "es")
    assert "S2" in c.decided()[1]


def test_O2_the_phone_numbers_are_given_when_asked(chat):
    c = chat()
    replies = c.say("whats the phone number to call uscis? is there one for deaf people")
    assert_reply(replies, "utter_faq/contact_numbers", "en")
    assert "O2" in c.decided()[1]


def test_X4_premium_processing_is_explained_not_an_expedite_form(chat):
    c = chat()
    replies = c.say("how much does premium processing cost and can i get it for my i-485?")
    assert_reply(replies, "utter_faq/premium_processing", "en")
    assert c.tracker().get("active_loop", {}).get("name") is None


def test_R3_a_question_inside_the_reschedule_form_is_answered_and_the_form_goes_on(chat, store):
    c = chat()
    c.say("I need to reschedule my interview")
    replies = c.say("wait, and if they don't get back to me before the interview date do i still have to go?")
    assert_reply(replies, "utter_faq/no_answer_before_appointment", "en")
    assert_reply(replies, "utter_ask_appointment_time", "en")  # the form's question again, nothing lost
    replies = answer_the_interview_reschedule(c)
    assert_reply(replies, "utter_reschedule_filed_field_office", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "E_REQUEST" and {"R1", "R3"} <= rule_ids
    assert [r.request_type for r in store.service_requests_for(c.sender)] == ["reschedule"]




def _rules_logged(store, sender) -> list:
    return [set(d.rule_ids) for d in store.decisions_for(sender)]


def test_two_requests_in_one_message_are_both_answered_in_order(chat, store):
    c = chat()
    replies = c.say("I moved last month and also I want to know the status of EAC1234567890")
    assert_reply(replies, "utter_change_address_info", "en")
    assert_reply(replies, "utter_case_status_result", "en")
    said = texts(replies)
    address = next(i for i, t in enumerate(said) if "addresschange" in t)
    status = next(i for i, t in enumerate(said) if APPROVED in t)
    assert address < status  # in the order they were asked
    logged = _rules_logged(store, c.sender)
    assert any("O1" in r for r in logged) and any("S1" in r for r in logged)


def test_a_request_after_a_thank_you_is_not_lost(chat):
    c = chat()
    replies = c.say("thanks! also i moved last week, do i need to tell you")
    assert_reply(replies, "utter_change_address_info", "en")


def test_G4_two_requests_in_spanish(chat, store):
    c = chat()
    replies = c.say("Me mudé la semana pasada. También quiero saber el estado de mi caso EAC1234567890")
    assert_reply(replies, "utter_change_address_info", "es")
    assert_reply(replies, "utter_case_status_result", "es")


def test_R1_a_second_request_waits_for_the_form_and_is_then_taken_up(chat, store):
    c = chat()
    replies = c.say("I need to reschedule my interview. Also, what is the status of EAC1234567890?")
    assert_reply(replies, "utter_ask_appointment_time", "en")
    assert any("one at a time" in t for t in texts(replies))  # told the order
    assert c.slot("pending_request")
    replies = answer_the_interview_reschedule(c)
    assert_reply(replies, "utter_reschedule_filed_field_office", "en")
    assert any("other thing you asked" in t for t in texts(replies))
    assert_reply(replies, "utter_case_status_result", "en")
    assert not c.slot("pending_request")
    assert [r.request_type for r in store.service_requests_for(c.sender)] == ["reschedule"]


def test_a_waiting_request_is_taken_up_when_a_button_ends_the_form(chat, store):
    """Hand test: "Yes, file it" pressed (a payload) filed the request, but the waiting one
    came only after the applicant typed something else."""
    c = chat()
    c.say("I need to reschedule my interview. Also, what is the status of EAC1234567890?")
    for text in ("December 15 at 10am", "no", APPROVED, "maria@example.com"):
        c.say(text)
    replies = c.say("/affirm")
    assert_reply(replies, "utter_reschedule_filed_field_office", "en")
    assert_reply(replies, "utter_case_status_result", "en")
    assert not c.slot("pending_request")


def test_a_new_request_at_the_contact_question_is_asked_about_and_keeps_this_requests_number(chat, store):
    c = chat()
    c.say("I never got my work permit card")
    c.say("IOE0912345678")
    replies = c.say("it was approved in march and never came")
    assert_reply(replies, "utter_ask_contact", "en")
    assert_reply(c.say("actually whats the status of EAC1234567890"), "utter_ask_switch_request", "en")
    assert c.slot("receipt_number") == "IOE0912345678"
    assert_reply(c.say("no, finish this first"), "utter_switch_later", "en")
    c.say("ana@example.com")
    replies = c.say("yes")
    [filed] = store.service_requests_for(c.sender)
    assert filed.receipt_number == "IOE0912345678"
    assert_reply(replies, "utter_case_status_result", "en")  # then the other case, as promised


def test_G6_a_waiting_request_is_not_taken_up_right_after_a_crisis(chat):
    """User check: after 988, "Now, the other thing you asked about" came at once."""
    c = chat()
    c.say("hola mi permiso de trabajo nunca llego y tambien me mude")
    assert c.slot("pending_request")
    replies = c.say("ya no aguanto mas quiero morirme")
    assert any("988" in t for t in texts(replies))
    assert not any("lo otro que me pregunt" in t for t in texts(replies))
    assert c.slot("pending_request")  # kept for later, not lost


def test_two_requests_joined_by_a_capital_and_are_both_taken(chat, store):
    """Test set 4: "my green card never came AND the notice has my name wrong" lost the card."""
    c = chat()
    replies = c.say("my work permit card never showed up AND my approval notice spells my last name wrong")
    assert_reply(replies, "utter_ask_receipt_number", "en")
    assert c.slot("pending_request")  # the second request waits its turn


@pytest.mark.parametrize("text,lang", [
    ("can i talk to an actual human? the status page wont load for me. my receipt is EAC1234567890", "en"),
    ("quiero hablar con una persona, la pagina del estado del caso no me abre. recibo EAC1234567890", "es"),
])
def test_G1_S1_a_person_asked_for_a_status_gets_the_status_first(chat, text, lang):
    """Test set 4: the person was taken first and the topic asked for, the status kept waiting."""
    c = chat()
    replies = c.say(text)
    assert_reply(replies, "utter_case_status_result", lang)
    assert "S1" in c.decided()[1]
