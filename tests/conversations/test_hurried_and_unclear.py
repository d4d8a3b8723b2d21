"""Whole conversations: requests typed in a hurry (text-speak, misspelt appointment names), a
question not understood, an urgent appointment asked for in another answer, a move or a person
refused in so many words, and the agency's English names quoted in Spanish (session 19, the
classes of test set 10, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply

INTERVIEW_SCHEDULED = "MSC5555555555"  # local service: Interview Was Scheduled


def test_R2_a_hurried_biometrics_reschedule_is_read_whole(chat, store, clock):
    clock("2026-12-10T08:30:00-05:00")  # a Thursday morning: chat open
    c = chat()
    replies = c.say("gotta reschedual my bios appt, its today at 6 in the evening, boss wont let me go")
    assert_no_reply(replies, "utter_ask_appointment_type", "en")
    assert_reply(replies, "utter_ask_times_rescheduled", "en")
    c.say("never did b4")
    replies = c.say("nope")
    assert_reply(replies, "utter_reschedule_needs_live_help_too_soon", "en")  # 9 h 30 min away


def test_R4_a_question_not_understood_at_the_covid_question_is_explained_and_asked_again(chat, store):
    c = chat()
    c.say("necesito cambiar mi entrevista del 20 de enero a las 10 de la mañana")
    replies = c.say("perdon, no entendi, que son sintomas?")
    assert_reply(replies, "utter_has_covid_not_understood", "es")
    assert_reply(replies, "utter_ask_has_covid", "es")
    assert c.slot("has_covid") is None
    replies = c.say("ah no, estoy sana")
    assert_reply(replies, "utter_ask_receipt_number", "es")
    assert c.slot("has_covid") is False


def test_U5_an_appointment_asked_for_in_the_answer_about_danger(chat, store):
    c = chat()
    c.say("i have an emergency")
    replies = c.say("nobody's in danger, but i need to get an appointment at the office")
    assert_reply(replies, "utter_ask_urgent_reason", "en")
    assert_no_reply(replies, "utter_ask_needs_appointment", "en")


def test_U2_U3_the_urgent_reason_told_at_the_appointment_question_answers_it(chat, store):
    c = chat()
    c.say("emergencia por favor")
    c.say("no hay nadie en peligro")
    replies = c.say("mi papa esta muy grave en el hospital en Lima y tengo que viajar ya, no me llega el permiso de viaje")
    assert_reply(replies, "utter_urgent_appointment_tier2", "es")
    assert_no_reply(replies, "utter_yes_or_no", "es")


def test_G7_a_court_date_said_not_to_be_uscis_is_the_immigration_courts(chat, store):
    c = chat()
    replies = c.say("i have to move my court date with the immigration judge, its not a uscis interview")
    assert_reply(replies, "utter_refer_immigration_court", "en")
    assert_no_reply(replies, "utter_ask_has_covid", "en")


def test_R1_S1_a_move_refused_with_its_case_is_a_status_check(chat, store):
    c = chat()
    replies = c.say(f"no necesito reprogramar mi entrevista, nada mas quiero saber si sigue en pie, {INTERVIEW_SCHEDULED}")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_no_reply(replies, "utter_ask_appointment_time", "es")


def test_G4_the_agencys_english_name_quoted_in_spanish_is_answered_in_spanish(chat, store):
    c = chat()
    c.say("buenas tardes, tengo una duda")
    replies = c.say("me llego un request for evidence, y eso que es?")
    assert_reply(replies, "utter_faq/rfe", "es")


def test_R2_R4_the_count_and_covid_after_a_story_are_the_reschedules_not_another_request(chat, store):
    c = chat()
    replies = c.say("i have my fingerprints on december 18 at 9 in the morning and my manager says if i take the day off "
                    "im out. never changed it and no covid")
    assert_reply(replies, "utter_reschedule_biometrics_online", "en")
    assert c.slot("pending_request") is None


def test_S4_a_yes_with_the_details_at_the_card_offer_takes_it(chat, store):
    c = chat()
    replies = c.say("status of LIN1111111111 please")
    assert_reply(replies, "utter_offer_e_request_card_not_received", "en")
    replies = c.say("yes, its my green card, it was supposed to go to 88 Pine Rd apt 4, Dallas TX 75201")
    assert_reply(replies, "utter_ask_contact", "en")
