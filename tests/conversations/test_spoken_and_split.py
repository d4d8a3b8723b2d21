"""Whole conversations: a receipt number read out letter by letter, an answer sent in two
messages, a fact corrected inside the message that says it, someone held by immigration
enforcement, a person asked for again with no topic, a request after a scheduled callback
(session 21, the classes of test set 13, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import assert_no_reply, assert_reply

APPROVED = "EAC1234567890"  # local service: Case Was Approved


def _typo_to_details(c, lang="en"):
    c.say("the name on my approval notice is misspelled" if lang == "en" else "mi nombre salio mal escrito en el aviso")
    return c.say(APPROVED)


def test_S2_a_receipt_number_read_out_letter_by_letter_is_taken(chat):
    c = chat()
    c.say("my green card has my birthday wrong")
    replies = c.say("ok its e a c one two three four five six seven eight nine zero")
    assert_no_reply(replies, "utter_receipt_empty", "en")
    assert_reply(replies, "utter_ask_problem_details", "en")
    assert c.slot("receipt_number") == APPROVED


def test_S2_a_receipt_number_read_out_in_spanish_is_taken(chat):
    c = chat()
    c.say("hay un error en mi tarjeta, el apellido esta mal")
    replies = c.say("es e a c uno dos tres cuatro cinco seis siete ocho nueve cero")
    assert_no_reply(replies, "utter_receipt_empty", "es")
    assert c.slot("receipt_number") == APPROVED


def test_E1_the_details_sent_in_two_messages_are_one_answer(chat):
    c = chat()
    _typo_to_details(c)
    replies = c.say("the last name on it reads")
    assert_reply(replies, "utter_go_on", "en")
    assert_no_reply(replies, "utter_ask_contact", "en")
    assert_no_reply(replies, "utter_ask_problem_details", "en")  # not put again over them
    replies = c.say("Gonzales but it should be Gonzalez with a z")
    assert_reply(replies, "utter_ask_contact", "en")
    assert "reads Gonzales" in (c.slot("problem_details") or "")


def test_X3_the_documents_sent_in_two_messages_are_one_answer(chat):
    c = chat()
    c.say("necesito que aceleren mi permiso de viaje, la I-131, mi mama esta muy grave en el hospital en san salvador "
          "y tengo que viajar")
    c.say("IOE4444444444")
    replies = c.say("les voy a mandar la carta de")
    assert_reply(replies, "utter_go_on", "es")
    assert_no_reply(replies, "utter_ask_expedite_documents", "es")
    replies = c.say("la doctora que la atiende y el boleto de avion")
    assert_no_reply(replies, "utter_go_on", "es")
    assert_reply(replies, "utter_ask_contact", "es")
    assert "carta de la doctora" in (c.slot("expedite_documents") or "")


def test_E1_a_phone_number_sent_in_two_messages_is_one_contact(chat):
    c = chat()
    _typo_to_details(c)
    c.say("it says Gonzales and should be Gonzalez")
    c.say("text me at 415 555")
    replies = c.say("0137")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    assert c.slot("phone_numbers") == ["+14155550137"]


def test_E1_an_email_sent_in_two_messages_is_one_contact(chat):
    c = chat()
    _typo_to_details(c, "es")
    c.say("dice Gonsalez y es Gonzalez")
    c.say("mi correo es ana.gonzalez")
    replies = c.say("ay perdon, @example.com")
    assert_reply(replies, "utter_ask_e_request_confirmed", "es")
    assert c.slot("email") == "ana.gonzalez@example.com"


def test_R2_a_count_corrected_inside_its_message_decides(chat, clock):
    clock("2026-11-24T10:00:00-05:00")
    c = chat()
    replies = c.say("i need to move my biometrics on december 15 at 10am, i moved it once, no sorry, two times already. no covid")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "en")
    assert_no_reply(replies, "utter_ask_times_rescheduled", "en")


def test_R2_the_day_after_tomorrow_corrected_inside_its_message(chat, clock):
    clock("2026-12-08T21:30:00-05:00")  # a Tuesday night: tomorrow 8 a.m. is under 12 hours, Thursday is not
    c = chat()
    replies = c.say("necesito mover mi cita de huellas, es mañana a las 8, perdon me equivoque, es pasado mañana a las 8. "
                    "nunca la he cambiado y no tengo covid")
    assert_reply(replies, "utter_reschedule_biometrics_online", "es")
    assert_no_reply(replies, "utter_reschedule_needs_live_help_too_soon", "es")


def test_G6_G7_someone_taken_by_immigration_enforcement_is_referred_and_the_referral_said_again(chat):
    c = chat()
    replies = c.say("a mi esposo lo agarro la migra ayer saliendo del trabajo, como se donde lo tienen")
    assert_no_reply(replies, "utter_call_911", "es")
    assert_reply(replies, "utter_refer_immigration_court", "es")
    replies = c.say("pero ustedes son inmigracion, ayudenme a encontrarlo")
    assert_reply(replies, "utter_refer_immigration_court", "es")


def test_G1_a_person_asked_for_again_with_no_topic_is_asked_the_topic_once_more(chat):
    c = chat()
    c.say("quiero hablar con un humano")
    replies = c.say("no le voy a explicar nada a una maquina, paseme con alguien")
    assert_reply(replies, "utter_live_topic_needed", "es")
    assert_no_reply(replies, "utter_handoff_tier1", "es")
    replies = c.say("mande dos veces la misma solicitud por error y me cobraron dos veces")
    assert_reply(replies, "utter_handoff_tier1", "es")


def test_X2_a_request_after_a_scheduled_callback_takes_nothing_from_the_callback(chat, clock):
    clock("2026-11-28T11:00:00-05:00")  # a Saturday: chat closed, a callback
    c = chat()
    c.say("can i talk to a person")
    c.say("i got charged twice for my filing fee and need someone to sort it out")
    c.say("yes please")
    c.say("cell 212 555 0166, work 212 555 0109")
    c.say("no")
    c.say("monday morning")
    c.say("yes")
    replies = c.say("one more thing, i want to expedite my I-130")
    assert_reply(replies, "utter_ask_expedite_criterion", "en")
    assert c.slot("expedite_criterion") is None
