"""Whole conversations: applicants' forum words for forms and notices, another fact given than
the one asked, stepping away mid-form, a request refused before it is made, and answers changed
at the confirmation (session 22, the classes of test set 14, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply


def test_R1_a_receipt_given_at_the_date_question_is_kept_and_the_date_still_asked(chat):
    c = chat()
    c.say("i have to move my citizenship interview, i have jury duty")
    replies = c.say("my receipt is NBC6666666666")
    assert_reply(replies, "utter_detail_kept", "en")
    assert_reply(replies, "utter_ask_appointment_time", "en")
    assert_no_reply(replies, "utter_ask_has_covid", "en")
    replies = c.say("right, the date: december 18 at 1pm")
    assert_reply(replies, "utter_ask_has_covid", "en")
    replies = c.say("no")
    assert_no_reply(replies, "utter_ask_receipt_number", "en")  # kept for later, not asked again


def test_X1_an_expedite_whose_reason_is_a_parent_dying_abroad_is_an_expedite(chat):
    c = chat()
    replies = c.say("pls expedite my AP, my father is dying in guatemala city and i need to fly out this week")
    assert_no_reply(replies, "utter_ask_in_danger", "en")
    assert_no_reply(replies, "utter_call_911", "en")
    assert_no_reply(replies, "utter_ask_form_type", "en")  # the AP is the I-131
    assert c.slot("form_type") == "I-131"


def test_X1_a_form_named_by_its_number_alone_is_that_form(chat):
    c = chat()
    replies = c.say("necesito que me agilicen la 131, mi hermana esta muy grave en honduras")
    assert_no_reply(replies, "utter_ask_form_type", "es")
    assert_no_reply(replies, "utter_call_911", "es")
    assert c.slot("form_type") == "I-131"


def test_G6_stepping_away_to_the_stove_mid_form_is_no_crisis_and_the_form_goes_on(chat):
    c = chat()
    c.say("necesito cambiar mi cita de biometricos")
    c.say("el 22 de diciembre a las 11 de la manana")
    replies = c.say("ya vuelvo, se me quema el arroz")
    assert_no_reply(replies, "utter_call_911", "es")
    assert_no_reply(replies, "utter_crisis_stay", "es")
    replies = c.say("ya, perdon. nunca la he cambiado")
    assert_reply(replies, "utter_ask_has_covid", "es")


def test_R2_once_and_then_again_is_twice(chat):
    c = chat()
    c.say("need to move my fingerprints appt")
    c.say("january 6 at 2pm")
    replies = c.say("i pushed it back once in september and then again last month")
    assert_no_reply(replies, "utter_reschedule_biometrics_online", "en")
    replies = c.say("no covid")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "en")


def test_R4_covid_changed_at_the_confirmation_is_applied(chat):
    c = chat()
    c.say("i need to reschedule my green card interview")
    c.say("jan 12 at 8:30am")
    c.say("no")
    c.say("MSC5555555555")
    replies = c.say("sam.ortiz@example.com")
    assert_reply(replies, "utter_ask_reschedule_confirmed", "en")
    replies = c.say("actually hold on, i took a test this morning and its positive, i have a fever too")
    assert_reply(replies, "utter_ask_reschedule_confirmed", "en")
    assert c.slot("has_covid") is True
    replies = c.say("yes")
    assert_reply(replies, "utter_do_not_attend_covid", "en")
    assert_no_reply(replies, "utter_attend_if_no_answer", "en")


def test_R2_a_count_said_at_the_date_question_is_taken_not_a_stop(chat):
    c = chat()
    c.say("i need to change my biometrics appointment")
    replies = c.say("never rescheduled it")
    assert_no_reply(replies, "utter_form_cancelled", "en")
    replies = c.say("december 21 at 3pm")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "en")
    assert_reply(replies, "utter_ask_has_covid", "en")


def test_R1_a_move_refused_before_it_is_asked_starts_nothing(chat):
    c = chat()
    replies = c.say("no no, im not asking you to reschedule my interview, i was only wondering how it works")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")


def test_E1_the_approval_notice_of_a_work_permit_that_never_came_is_a_notice(chat):
    c = chat()
    c.say("never got the NOA for my EAD approval")
    assert c.slot("request_type") == "notice_not_received"


def test_R1_move_it_after_saying_no_moves_the_appointment_named_before(chat):
    c = chat()
    replies = c.say("no, im not asking to move my oath ceremony, i was just wondering how it works")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")
    replies = c.say("ok actually yes, move it please, its january 9 at 10am")
    assert_reply(replies, "utter_ask_has_covid", "en")  # the ceremony named before, and its date, taken
    assert c.slot("appointment_type") == "oath"


def test_E1_an_accommodation_told_whole_is_confirmed_once(chat):
    c = chat()
    replies = c.say("my husband is deaf and needs an ASL interpreter at his citizenship interview, receipt NBC6666666666, "
                    "email me at ana.ruiz@example.com")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    started = [m for m in replies if "disability accommodation" in (m.get("text") or "")]
    assert len(started) == 1, started
