"""Whole conversations: an appointment asked for as not urgent, approximate hours, loose counts, a
type ruled out, two requests joined by a bare "and" or chat spelling, where a missing card should
have gone, and short answers kept across a crisis (session 24, the classes of test set 16, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply


def test_U4_an_appointment_asked_for_as_not_urgent_gets_no_danger_question(chat):
    c = chat()
    replies = c.say("necesito una cita en la oficina para que sellen mi pasaporte, no es urgente, mi viaje es hasta junio")
    assert_no_reply(replies, "utter_ask_in_danger", "es")
    assert_reply(replies, "utter_non_urgent_appointment", "es")
    assert "U4" in c.slot("rule_ids")


def test_R2_an_approximate_hour_is_read_up_front(chat):
    c = chat()
    replies = c.say("i have to reschedule my biometrics, its tomorrow round 2ish")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")
    assert c.slot("appointment_at").startswith("2026-11-25T14:00")


def test_R2_a_loose_count_of_moves_is_twice(chat):
    c = chat()
    replies = c.say("mi cita de huellas es el 9 de diciembre a las 10, ya la movi un par de veces, la puedo cambiar otra vez?")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "es")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "es")


def test_R1_a_type_ruled_out_after_starting_over_is_not_the_one_taken(chat):
    c = chat()
    c.say("i need to move my biometrics")
    c.say("dec 14 at 8am")
    c.say("start over pls")
    replies = c.say("i need to move my oath, not biometrics. its dec 15 at 8:30am")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "en")
    assert_reply(replies, "utter_ask_has_covid", "en")
    assert c.slot("appointment_type") == "oath"


def test_R1_O1_two_requests_joined_by_a_bare_and_are_both_taken(chat):
    c = chat()
    replies = c.say("i need to move my oath ceremony and change my mailing address, we moved")
    assert_reply(replies, "utter_ask_appointment_time", "en")
    assert "address" in (c.slot("pending_request") or "")


def test_E1_where_the_missing_card_should_have_gone_keeps_its_receipt(chat):
    c = chat()
    replies = c.say("my green card never showed up. case number LIN1111111111, it should have been mailed to 9 oak st apt 2 dallas tx")
    assert_no_reply(replies, "utter_ask_receipt_number", "en")
    assert c.slot("receipt_number") == "LIN1111111111"


def test_G6_R4_a_short_answer_before_a_crisis_is_not_asked_again(chat):
    c = chat()
    c.say("i have to move my interview on dec 8 at 1pm")
    c.say("nope")
    replies = c.say("i dont want to live anymore, i keep thinking about killing myself")
    assert_reply(replies, "utter_call_988", "en")
    replies = c.say("im safe now, my brother is with me. can we finish")
    assert_no_reply(replies, "utter_ask_has_covid", "en")
    assert_reply(replies, "utter_ask_receipt_number", "en")


def test_R4_R1_whether_to_go_is_answered_then_the_move_takes_what_was_told(chat):
    c = chat()
    replies = c.say("tengo que ir igual a mi cita de juramento del 2 de diciembre a las 10 si me dio covid?")
    assert_reply(replies, "utter_faq/no_answer_before_appointment", "es")
    replies = c.say("bueno, entonces quiero que me la cambien")
    for asked in ("utter_ask_appointment_type", "utter_ask_appointment_time", "utter_ask_has_covid"):
        assert_no_reply(replies, asked, "es")
    assert_reply(replies, "utter_ask_receipt_number", "es")


def test_R1_the_uscis_interview_asked_to_move_after_a_court_referral_keeps_its_date(chat):
    c = chat()
    replies = c.say("i have a hearing in immigration court on jan 12 and my uscis interview is the same day, jan 12 at "
                    "10am. can you move the court one")
    assert_reply(replies, "utter_refer_immigration_court", "en")
    replies = c.say("fine, then could you move my uscis interview")
    assert_no_reply(replies, "utter_refer_immigration_court", "en")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")
    assert_reply(replies, "utter_ask_has_covid", "en")


def test_X2_a_reason_denied_up_front_is_no_reason(chat):
    c = chat()
    replies = c.say("please expedite my wifes i-130, theres no emergency or financial problem, we are just tired of waiting")
    assert_reply(replies, "utter_expedite_criteria", "en")
    assert c.slot("outcome") == "NOT_ELIGIBLE"


def test_G1_a_person_asked_for_about_a_case_only_named_is_asked_what_about(chat):
    c = chat()
    replies = c.say("quiero hablar con un agente sobre mi caso de ciudadania")
    assert_reply(replies, "utter_ask_live_topic", "es")
    assert_no_reply(replies, "utter_handoff_tier1", "es")


def test_S1_a_case_asked_to_be_looked_up_with_its_appointment_as_the_why(chat):
    c = chat()
    replies = c.say("me puede checar el caso IOE4444444444? tengo la cita de huellas el lunes y no se si todavia esta")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_no_reply(replies, "utter_ask_has_covid", "es")


def test_O1_a_card_lost_in_the_move_and_the_move_are_both_answered(chat):
    c = chat()
    replies = c.say("perdi mi green card cuando me mude y ademas tengo nueva direccion, que hago?")
    assert_reply(replies, "utter_faq/replace_green_card", "es")
    assert_reply(replies, "utter_change_address_info", "es")
