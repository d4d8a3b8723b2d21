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


def test_G2_leaving_the_line_said_in_the_applicants_words(chat, store):
    """Test set 7: "ugh forget it, ill call tomorrow. bye" while in line was only acknowledged."""
    c = chat()
    c.say("i need a real person")
    c.say("my asylum office sent my file to the wrong court and nobody can tell me where it is")
    assert c.tracker()["paused"] is True
    replies = c.say("never mind, ill try again on monday. bye")
    assert_reply(replies, "utter_left_queue", "en")
    assert c.tracker()["paused"] is False
    c = chat()
    c.say("me comunica con un asesor")
    c.say("mi abogado dice que mandaron mi expediente a otra oficina y nadie sabe donde esta")
    replies = c.say("sabe que, ya me tengo que ir, otro dia llamo")
    assert_reply(replies, "utter_left_queue", "es")


def test_C3_a_phone_number_typed_at_the_callback_offer_takes_it(chat, clock):
    """Test set 7: "617-555-0108" at "Would you like a callback?" got the list of what the assistant does."""
    clock("2026-11-24T21:30:00-05:00")  # after 8 p.m.: live chat closed
    c = chat()
    c.say("can i speak with somebody")
    c.say("the officer at my interview kept my original birth certificate and never gave it back")
    replies = c.say("508-555-0172")
    assert c.active_form() == "callback_form"
    assert c.slot("phone_numbers")
    assert_no_reply(replies, "utter_help", "en")


def test_courtesy_at_the_expedite_documents_asks_the_same_question(chat):
    """Test set 7: "ok thanks" at the documents question moved on to another question."""
    c = chat()
    c.say("i need my I-765 expedited, i will lose my job on the 15th without it")
    c.say("MSC5555555555")
    asked = c.slot("requested_slot")
    replies = c.say("ok thank you")
    assert_reply(replies, "utter_you_are_welcome", "en")
    assert c.slot("requested_slot") == asked


def test_S1_what_that_means_asked_after_surprise_explains_the_status(chat):
    c = chat()
    c.say(f"is there any news on {APPROVED}? my wife is asking every day")
    replies = c.say("huh? what does that mean, in plain english")
    assert_reply(replies, "utter_case_status_meaning", "en")


def test_an_id_to_bring_asked_in_the_middle_of_a_reschedule_is_answered(chat):
    """Test set 7: the DMV and the State Department were named for a question about what to bring."""
    c = chat()
    c.say("i have to change my fingerprints appointment, its dec 15 at 10am")
    replies = c.say("can i bring my drivers license or do they want my passport?")
    assert_no_reply(replies, "utter_refer_dmv", "en")
    assert_no_reply(replies, "utter_refer_state_department", "en")
    assert c.active_form() == "reschedule_form"


def test_S1_S4_a_wait_complained_of_with_no_question_looks_the_case_up(chat, store):
    """Test set 7: "ya lleva casi 3 años y nada, SRC..." was filed straight away."""
    c = chat()
    replies = c.say(f"mi peticion de remover condiciones ya va para 4 años y nada {LATE}")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_reply(replies, "utter_offer_e_request_outside_processing_time", "es")
    assert store.service_requests_for(c.sender) == []


def test_R2_tomorrow_abbreviated_with_the_morning_in_words(chat):
    c = chat()
    c.say("need to move my biometrics")
    replies = c.say("tmr 8 in the morning")
    assert_reply(replies, "utter_ask_times_rescheduled", "en")


def test_E1_no_contact_given_is_asked_for_again(chat):
    """Test set 7: "al mismo numero de siempre" got the answer where a receipt number is printed."""
    c = chat()
    c.say("nunca me llego el permiso de trabajo y ya lo aprobaron")
    c.say("IOE4444444444")
    c.say("el permiso de trabajo, a 14 calle Luna, Pharr TX")
    replies = c.say("al mismo numero de siempre")
    assert_reply(replies, "utter_contact_missing", "es")


def test_S4_C5_fine_file_it_takes_the_offer_and_asap_answers_when_to_call(chat, clock):
    c = chat()
    c.say(f"been waiting forever on {LATE}, this is a joke")
    replies = c.say("fine, file the thing")
    assert_reply(replies, "utter_ask_problem_details", "en")
    clock("2026-11-24T21:30:00-05:00")  # after 8 p.m.: live chat closed
    c = chat()
    c.say("i want to talk to a person")
    c.say("the officer kept my original passport at the interview and never gave it back")
    c.say("yes please")
    c.say("713-555-0164")
    c.say("no email")
    replies = c.say("whenever they can, asap")
    assert_no_reply(replies, "utter_callback_time_unclear", "en")
    assert c.slot("callback_time")


def test_S4_thanks_at_the_offer_neither_takes_nor_declines_it(chat, store):
    """"ok thanks" at the S4 offer had got "anything else?", and a later "hmm ok" filed it."""
    c = chat()
    c.say(f"can you check {LATE} for me")
    replies = c.say("ok thank you")
    assert_reply(replies, "utter_you_are_welcome", "en")
    assert_reply(replies, "utter_offer_e_request_outside_processing_time", "en")
    assert c.slot("next_step") == "offer_e_request"
    replies = c.say("yes please")
    assert_reply(replies, "utter_e_request_start", "en")
