"""Whole conversations: the assistant's words pasted back, emoji inside words, dates typed with the year, a
yes that asks for what was offered, another request's date inside a form, expedites and office appointments
the classifier could not place (session 24, the classes of test set 17, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply


def test_G6_the_danger_question_pasted_back_with_its_no_is_no_danger(chat):
    c = chat()
    c.say("necesito una cita urgente en la oficina")
    replies = c.say('"Primero, lo más importante: ¿hay alguien en peligro en este momento?" no, nadie')
    assert_no_reply(replies, "utter_call_911", "es")
    assert_reply(replies, "utter_ask_needs_appointment", "es")


def test_R4_emoji_inside_words_are_read_as_the_words(chat):
    c = chat()
    replies = c.say("i need to move my intervi🙏ew, its dec 9 at 9am and i have c😷vid")
    assert_no_reply(replies, "utter_ask_has_covid", "en")
    assert c.slot("has_covid") is True


def test_R2_a_date_with_its_year_typed_day_first(chat):
    c = chat()
    replies = c.say("tengo que cambiar mi cita de huellas del 30-11-2026 a las 11")
    assert_no_reply(replies, "utter_ask_appointment_time", "es")
    assert c.slot("appointment_at").startswith("2026-11-30T11:00")


def test_R1_O1_another_requests_date_inside_a_form_changes_no_answer(chat):
    c = chat()
    c.say("i need to reschedule my oath ceremony, its on 12/11/2026 at 10 am")
    replies = c.say("wait first the address thing. we moved on 11/21/2026, how do i update my address")
    assert_no_reply(replies, "utter_answer_changed", "en")
    assert c.slot("appointment_at").startswith("2026-12-11T10:00")


def test_X1_an_expedite_asked_in_words_the_classifier_could_not_place(chat):
    c = chat()
    replies = c.say("can you guys speed up my case somehow? its been 15 months")
    assert_no_reply(replies, "utter_default", "en")
    assert c.slot("requested_slot") in ("form_type", "expedite_criterion")


def test_S4_a_yes_asking_for_the_filing_offered(chat):
    c = chat()
    replies = c.say("status of SRC2222222222 please")
    assert_reply(replies, "utter_offer_e_request_outside_processing_time", "en")
    replies = c.say("yes go ahead and file the case inquiry, thats what i need")
    assert_reply(replies, "utter_e_request_start", "en")
    assert_no_reply(replies, "utter_case_status_result", "en")
