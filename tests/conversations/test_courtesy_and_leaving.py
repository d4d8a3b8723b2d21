"""Whole conversations: courtesy and goodbyes inside a form, a complaint about the wait, and a
person asked for halfway through a request, typed the way people type them (session 17).
"""
from __future__ import annotations

from tests.conversations.talk import APPROVED, assert_no_reply, assert_reply

LATE = "SRC2222222222"  # local service: an I-751 outside normal processing time


def test_E1_a_moment_asked_for_at_the_receipt_question_is_no_answer(chat, store):
    c = chat()
    c.say("my work permit card never showed up in the mail")
    replies = c.say("hang on let me grab the letter")
    assert_reply(replies, "utter_take_your_time", "en")
    assert_reply(replies, "utter_ask_receipt_number", "en")
    assert_no_reply(replies, "utter_receipt_bad_characters", "en")
    c.say("IOE4444444444")
    assert c.slot("receipt_number") == "IOE4444444444"


def test_E1_thanks_typed_at_the_description_is_not_filed_as_it(chat, store):
    """"gracias" had been filed as the problem's description."""
    c = chat()
    c.say("me escribieron mal el apellido en la tarjeta de residente")
    c.say(APPROVED)
    replies = c.say("ok muchas gracias")
    assert_reply(replies, "utter_you_are_welcome", "es")
    assert c.slot("problem_details") in (None, "")  # nothing taken from the thanks
    c.say("pusieron Hernandes y es Hernandez")
    c.say("rosa.h@example.com")
    c.say("si")
    [filed] = store.service_requests_for(c.sender)
    assert "Hernandez" in filed.details and "gracias" not in filed.details


def test_a_goodbye_halfway_through_a_form_leaves_it_with_nothing_filed(chat, store):
    """"bye" had been asked for a contact again, or filed as a description."""
    c = chat()
    c.say("I need to move my green card interview, I have a work trip")
    replies = c.say("ok thanks, bye")
    assert_reply(replies, "utter_form_left_goodbye", "en")
    assert c.active_form() is None
    assert store.service_requests_for(c.sender) == []


def test_a_yes_with_a_goodbye_at_the_confirmation_files_the_request(chat, store):
    c = chat()
    c.say("nunca me llego el aviso de mi cita de huellas")
    c.say(APPROVED)
    c.say("era la carta de la cita de biometricos, a 88 Calle Sol, Laredo TX")
    c.say("marta.g@example.com")
    replies = c.say("ok gracias, que tenga buen dia")
    assert_reply(replies, "utter_e_request_filed", "es")
    assert len(store.service_requests_for(c.sender)) == 1


def test_S1_S4_a_complaint_about_the_wait_looks_up_the_status_first(chat, store):
    """"QUE PASA CON MI CASO SRC..., 3 AÑOS ESPERANDO" had filed an outside-processing-time
    request straight away, for any case."""
    c = chat()
    replies = c.say(f"WHERE IS MY CASE {LATE} ITS BEEN 3 YEARS THIS IS RIDICULOUS")
    assert_reply(replies, "utter_case_status_result", "en")
    assert_reply(replies, "utter_offer_e_request_outside_processing_time", "en")
    assert "S1" in c.decided()[1]
    c = chat()
    replies = c.say(f"que pasa con mi caso {APPROVED}?? llevo 2 años esperando")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_no_reply(replies, "utter_offer_e_request_outside_processing_time", "es")
    assert_no_reply(replies, "utter_e_request_start", "es")
    assert store.service_requests_for(c.sender) == []


def test_G1_a_person_asked_for_halfway_through_a_reschedule_finishes_it_here_first(chat, store):
    """Test set 6: the reschedule under way was dropped for the queue, and what was said lost."""
    c = chat()
    c.say("tengo que cambiar mi entrevista de ciudadania, me operan ese dia")
    c.say("el 9 de diciembre a las 10 de la mañana")
    c.say("no")
    replies = c.say("mejor paseme con alguien de carne y hueso")
    assert_reply(replies, "utter_self_service_first", "es")
    assert_no_reply(replies, "utter_handoff_tier1", "es")
    assert c.active_form() == "reschedule_form"
    assert c.slot("appointment_time")  # what was said is kept
    replies = c.say(APPROVED)
    assert_reply(replies, "utter_ask_contact", "es")
