"""Whole conversations: words a phone's dictation split, forms said in Spanish words, dates named by
holidays, buttons answered by their place, a no taken back, "hello??" while a question waits, and
matters only a person or another agency handles (session 23, the classes of test set 15, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply


def test_R2_a_button_answered_by_its_place_is_that_button(chat):
    c = chat()
    c.say("i need to move my fingerprints appointment")
    replies = c.say("the 2nd one")  # "It already passed"
    assert_no_reply(replies, "utter_appointment_time_not_understood", "en")
    assert_reply(replies, "utter_ask_times_rescheduled", "en")
    c.say("never")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_past", "en")


def test_X2_the_last_choice_by_its_place_is_none_of_the_reasons(chat):
    c = chat()
    c.say("quiero que me agilicen la I-130 de mi esposo")
    replies = c.say("la ultima, la verdad solo quiero que salga ya")
    assert_reply(replies, "utter_expedite_criteria", "es")
    assert c.slot("outcome") == "NOT_ELIGIBLE"


def test_R4_words_dictation_split_are_read_joined(chat):
    c = chat()
    replies = c.say("i need to re schedule my inter view on december 9 at 11am, i have co vid")
    assert_no_reply(replies, "utter_ask_has_covid", "en")
    assert_no_reply(replies, "utter_ask_appointment_type", "en")
    assert c.slot("has_covid") is True


def test_X4_a_form_said_in_spanish_words_is_that_form(chat):
    c = chat()
    c.say("quiero que me agilicen la I setecientos sesenta y cinco")
    assert c.slot("form_type") == "I-765"


def test_R2_an_appointment_dated_by_a_holiday(chat):
    c = chat()
    c.say("my biometrics is the monday after thanksgiving at 9 30 am, i need to move it")
    assert c.slot("appointment_at").startswith("2026-11-30T09:30")


def test_S4_a_no_taken_back_takes_the_offer(chat):
    c = chat()
    replies = c.say("status of SRC2222222222 please")
    assert_reply(replies, "utter_offer_e_request_outside_processing_time", "en")
    c.say("no thanks")
    replies = c.say("no wait, actually yes, go ahead")
    assert_reply(replies, "utter_e_request_start", "en")


def test_hello_asked_while_a_question_waits_is_answered_and_the_question_comes_back(chat):
    c = chat()
    c.say("i need to move my oath ceremony")
    replies = c.say("hello??")
    assert_reply(replies, "utter_take_your_time", "en")
    assert_no_reply(replies, "utter_greet", "en")
    assert_reply(replies, "utter_ask_appointment_time", "en")


def test_G1_a_petitioner_who_died_is_a_matter_for_a_person(chat):
    c = chat()
    c.say("quiero hablar con un agente")
    replies = c.say("mi papa que metio la peticion por mi fallecio el mes pasado, que va a pasar con mi caso")
    assert_no_reply(replies, "utter_ask_receipt_number", "es")
    assert_reply(replies, "utter_handoff_tier1", "es")


def test_G7_an_ice_check_in_asked_to_be_moved_is_not_a_uscis_reschedule(chat):
    c = chat()
    replies = c.say("my ICE check-in and my biometrics are both on jan 12, can you move the ice one")
    assert_reply(replies, "utter_refer_immigration_court", "en")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "en")
    assert_no_reply(replies, "utter_ask_has_covid", "en")


def test_G7_a_work_permit_the_dmv_refused_is_the_dmvs_matter(chat):
    c = chat()
    replies = c.say("the dmv wont accept my work permit to renew my license, can you guys call them")
    assert_reply(replies, "utter_refer_dmv", "en")


def test_E1_an_accommodation_told_up_front_is_its_details(chat):
    c = chat()
    replies = c.say("my son is autistic and cant wait in a crowded room, he needs a quiet place at his biometrics. "
                    "IOE4444444444")
    assert_no_reply(replies, "utter_ask_problem_details", "en")
    assert_reply(replies, "utter_ask_contact", "en")


def test_G4_a_switch_of_language_that_carries_the_answer_keeps_it(chat):
    c = chat()
    c.say("need to move my biometrics, its december 15 at 3pm")
    replies = c.say("can we do spanish? nunca la he cambiado")
    assert_reply(replies, "utter_language_changed_in_form", "es")
    assert_reply(replies, "utter_ask_has_covid", "es")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "es")


def test_G6_danger_told_after_a_button_named_by_its_place_is_never_pressed_away(chat):
    c = chat()
    c.say("necesito cambiar mi cita de huellas")
    replies = c.say("la primera. ya no quiero vivir, no aguanto mas")
    assert_reply(replies, "utter_call_988", "es")


def test_C3_an_email_given_beside_a_topic_word_is_the_email(chat, clock):
    from tests.conversations.talk import OUT_OF_HOURS

    clock(OUT_OF_HOURS)
    c = chat()
    c.say("i need to talk to a person, i got a letter about my fingerprints and i dont understand it at all")
    c.say("yes please")
    c.say("214 555 0173")
    replies = c.say("same email as my uscis account, r.ortiz@example.com")
    assert_reply(replies, "utter_ask_callback_time", "en")
    assert_no_reply(replies, "utter_faq/online_account", "en")
