"""Whole conversations: a request told over several messages, an answer taken back, one-letter
answers, Spanish day-first dates, a question about the assistant inside a form, and who is
writing told before the request (session 18, the classes of test set 8, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import APPROVED, assert_no_reply, assert_reply


def test_R1_R2_an_appointment_named_then_cannot_be_kept_is_a_reschedule(chat, store):
    c = chat()
    c.say("hello")
    c.say("so its about my biometrics appointment")
    replies = c.say("i wont be able to make it")
    assert_reply(replies, "utter_ask_appointment_time", "en")
    assert_no_reply(replies, "utter_ask_appointment_type", "en")
    assert c.active_form() == "reschedule_form"


def test_R1_the_appointment_type_taken_back_in_the_next_message(chat, store):
    c = chat()
    c.say("i need to reschedule my fingerprints appointment")
    replies = c.say("oops sorry, it is the oath ceremony not the fingerprints")
    assert_reply(replies, "utter_answer_changed", "en")
    assert_no_reply(replies, "utter_ask_switch_request", "en")
    assert c.slot("appointment_type") == "oath"
    c.say("december 15 at 1pm")
    assert c.slot("times_rescheduled") is None  # R1: an oath ceremony is filed, no count asked


def test_X4_the_form_taken_back_decides_premium_processing(chat, store):
    c = chat()
    c.say("necesito acelerar mi I-485")
    replies = c.say("disculpe me confundi, no es la I-485 sino la I-140 de mi empleador")
    assert_reply(replies, "utter_expedite_premium_processing", "es")


def test_R2_a_date_taken_back_before_the_confirmation_is_the_one_decided_on(chat, store, clock):
    clock("2026-12-08T20:00:00-05:00")
    c = chat()
    c.say("i need to move my biometrics")
    c.say("12/9 at 8am")
    replies = c.say("no wait, that was the old letter. the new date is 12/21 at 8am")
    assert_reply(replies, "utter_answer_changed", "en")
    c.say("never")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_biometrics_online", "en")  # 12/21 is far; 12/9 was under 12 hours


def test_R2_a_spanish_date_is_day_first(chat, store, clock):
    clock("2026-12-09T19:30:00-05:00")
    c = chat()
    c.say("tengo que cambiar mi cita de biometricos")
    c.say("el 10/12 a las 8 de la mañana")  # December 10, 12 h 30 min away (not October 12)
    c.say("ninguna")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_biometrics_online", "es")


def test_G6_G4_a_one_letter_yes_at_a_confirmation_files_in_english(chat, store):
    """"y" had got 911 in Spanish: the classifier read it as a crisis and the detector as Spanish."""
    c = chat()
    c.say("my green card never arrived")
    c.say(APPROVED)
    c.say("the card, it should have gone to 12 Pine St, Austin TX")
    c.say("maria.l@example.com")
    replies = c.say("y")
    assert_reply(replies, "utter_e_request_filed", "en")
    assert_no_reply(replies, "utter_call_911", "en")
    assert_no_reply(replies, "utter_call_911", "es")


def test_a_question_about_the_assistant_inside_a_form_is_answered_then_the_question_again(chat, store):
    c = chat()
    c.say("i want to expedite my case")
    c.say("I-485")
    replies = c.say("wait are you a robot?")
    assert_reply(replies, "utter_iamabot", "en")
    assert_reply(replies, "utter_ask_expedite_criterion", "en")
    assert c.active_form() == "expedite_form"


def test_X3_a_question_at_the_documents_is_not_filed_as_them(chat, store):
    c = chat()
    c.say("i want to expedite my I-485, my father has cancer and i must travel")
    c.say(APPROVED)
    replies = c.say("do i send the papers by mail?")
    assert_reply(replies, "utter_question_not_known", "en")
    assert_reply(replies, "utter_ask_expedite_documents", "en")
    assert c.slot("expedite_documents") is None


def test_G7_who_is_writing_is_no_request_of_its_own(chat, store):
    """"hi im a medical interpreter helping a patient." had started an accommodation request."""
    c = chat()
    replies = c.say("good morning, i am an interpreter at a clinic. my patient wants to know where to renew her mexican passport")
    assert_reply(replies, "utter_refer_home_consulate", "en")
    assert_no_reply(replies, "utter_ask_receipt_number", "en")


def test_O1_a_change_of_address_after_a_story_of_another_request_is_not_lost(chat, store):
    c = chat()
    replies = c.say("la tarjeta vino con mi fecha de nacimiento mal, pusieron 1987 y es 1978, y tambien necesito cambiar mi direccion")
    assert c.active_form() == "e_request_form"
    assert c.slot("pending_request")  # the address change waits its turn


def test_X4_the_form_named_by_its_common_name_at_its_question_is_the_answer(chat, store):
    """"oh wait i meant my work permit not the green card" at "which form?" had been asked about as a new request."""
    c = chat()
    c.say("i want to expedite my green card application")
    replies = c.say("oh wait i meant my work permit not the green card")
    assert_no_reply(replies, "utter_ask_switch_request", "en")
    assert c.slot("form_type") == "I-765"


def test_R2_R4_not_sick_and_the_count_told_up_front_are_not_asked_again(chat, store):
    c = chat()
    c.say("my son missed his fingerprints appointment, how do we get another one? never moved it before, hes not sick")
    replies = c.say("it was yesterday at a quarter to ten")
    assert_reply(replies, "utter_reschedule_needs_live_help_past", "en")
    assert_no_reply(replies, "utter_ask_has_covid", "en")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "en")


def test_R2_a_count_taken_back_at_the_covid_question(chat, store):
    c = chat()
    c.say("necesito cambiar la cita de biometricos")
    c.say("el veinte de diciembre a las once")
    c.say("nunca")
    replies = c.say("perdon me equivoque, ya la cambie dos veces. covid no tengo")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "es")


def test_R4_symptoms_without_covid_named_mean_do_not_attend(chat, store):
    c = chat()
    c.say("i need to move my oath ceremony")
    c.say("the twentieth of december at nine")
    c.say("i dont think its covid but i have a fever and a bad cough")
    c.say("NBC6666666666")
    c.say("ana.p@example.com")
    replies = c.say("yes")
    assert_reply(replies, "utter_do_not_attend_covid", "en")


def test_a_stop_in_the_second_sentence_of_a_free_text_answer_leaves_the_form(chat, store):
    c = chat()
    c.say("i want to expedite my I-485, my father has cancer and i must travel")
    c.say(APPROVED)
    replies = c.say("no idea what papers. forget it, i cant handle this today")
    assert_reply(replies, "utter_form_cancelled", "en")
    assert store.service_requests_for(c.sender) == []
