"""Whole conversations: a notice pasted into the chat, words shouted or stretched, a request
called off by name for another, the reason for an urgent appointment told with the answer about
danger, a detention by ICE, a deaf applicant's question and request, a yes said with a switch of
language, and a call someone spoke of (session 20, the classes of test set 11, in other words).
"""
from __future__ import annotations

from tests.conversations.talk import CARD_MAILED, assert_no_reply, assert_reply

RECEIVED = "IOE4444444444"  # local service: Case Was Received
BIOMETRICS_SCHEDULED = "NBC6666666666"  # local service: fingerprint appointment scheduled

PASTED_BIOMETRICS = """i have to change this one, its the same day as my daughters graduation. never moved it, not sick.

I-797C, NOTICE OF ACTION
RECEIPT NUMBER {receipt}
NOTICE DATE December 28, 2026
APPLICATION SUPPORT CENTER
DATE AND TIME OF APPOINTMENT: January 14, 2027 8:45 AM"""


def test_R2_a_pasted_notice_gives_the_type_and_the_appointment_not_the_notice_date(chat, clock):
    clock("2027-01-13T19:30:00-05:00")  # a Wednesday evening: 13 h 15 min before, chat open
    c = chat()
    replies = c.say(PASTED_BIOMETRICS.format(receipt=RECEIVED))
    assert_no_reply(replies, "utter_ask_appointment_type", "en")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")
    assert_reply(replies, "utter_reschedule_biometrics_online", "en")  # R2: not under 12 hours
    outcome, rule_ids = c.decided()
    assert outcome == "SELF_SERVICE" and "R2" in rule_ids


def test_R2_a_pasted_notice_is_never_cut_into_requests(chat, clock):
    clock("2027-01-14T00:30:00-05:00")  # 8 h 15 min before the appointment, chat closed
    c = chat()
    _, notice = PASTED_BIOMETRICS.format(receipt=BIOMETRICS_SCHEDULED).split("\n", 1)
    replies = c.say("necesito cambiar esta cita, ese dia se gradua mi hija. nunca la he cambiado y no estoy enferma. "
                    "aqui esta la carta:\n" + notice)
    assert_reply(replies, "utter_reschedule_needs_live_help_too_soon", "es")
    assert_reply(replies, "utter_offer_callback", "es")
    assert_no_reply(replies, "utter_e_request_start", "es")  # the notice's words are no missing notice


def test_a_stretched_shouted_word_reads_as_the_word(chat):
    c = chat()
    replies = c.say("AGENTTTT PLEASEEEE")
    assert_reply(replies, "utter_ask_live_topic", "en")
    assert_no_reply(replies, "utter_default", "en")


def test_a_request_called_off_by_name_and_another_asked_for_starts_the_other(chat):
    c = chat()
    c.say("i want to reschedule my oath ceremony")
    replies = c.say("scratch the ceremony thing, i really need to update my address, we moved to 12 Oak St")
    assert_reply(replies, "utter_form_cancelled", "en")
    assert_reply(replies, "utter_change_address_info", "en")
    assert_no_reply(replies, "utter_ask_switch_request", "en")
    c2 = chat()
    c2.say("quiero cambiar la fecha de mi entrevista")
    replies = c2.say("olvidese de la entrevista, lo que necesito es saber como va mi caso " + RECEIVED)
    assert_reply(replies, "utter_case_status_result", "es")


def test_U2_U5_the_reason_told_with_the_answer_about_danger_decides_an_appointment_asked_for(chat, clock):
    clock("2026-12-09T11:00:00-05:00")  # a Wednesday: chat open
    c = chat()
    c.say("NECESITO UNA CITA DE EMERGENCIAAA")
    replies = c.say("no hay nadie en peligro, mi hermano tuvo un accidente grave en Quito y tengo que volar manana, "
                    "necesito el sello en el pasaporte")
    assert_reply(replies, "utter_urgent_appointment_tier2", "es")
    assert_no_reply(replies, "utter_ask_needs_appointment", "es")
    assert_no_reply(replies, "utter_refer_state_department", "es")  # the stamp is USCIS's


def test_U4_a_holiday_trip_told_as_the_reason_is_not_asked_again(chat):
    c = chat()
    c.say("i need an urgent appointment at the office")
    c.say("no one is in danger")
    replies = c.say("yes, i want the stamp before our family vacation in cancun in june")
    assert_reply(replies, "utter_non_urgent_appointment", "en")
    assert_no_reply(replies, "utter_ask_urgent_reason", "en")


def test_G7_a_detention_is_iced_and_ok_opening_another_question_is_no_yes(chat):
    c = chat()
    replies = c.say("ICE detained my brother at work today, how do i find out where he is")
    assert_reply(replies, "utter_refer_immigration_court", "en")
    assert_no_reply(replies, "utter_ask_in_danger", "en")
    c2 = chat()
    c2.say("i have an emergency")
    replies = c2.say(f"ok and can you tell me about my case {RECEIVED} too")
    assert_no_reply(replies, "utter_call_911", "en")


def test_O2_a_deaf_applicant_asking_for_the_tty_number_gets_the_numbers_not_a_form(chat):
    c = chat()
    replies = c.say("i am hard of hearing and phones are hard for me. what is the TTY line for uscis?")
    assert_reply(replies, "utter_faq/contact_numbers", "en")
    assert_no_reply(replies, "utter_e_request_start", "en")


def test_G1_how_a_deaf_applicant_wants_to_talk_is_no_topic(chat):
    c = chat()
    replies = c.say("necesito un agente por chat porque soy sorda, no puedo llamar")
    assert_reply(replies, "utter_ask_live_topic", "es")
    assert_no_reply(replies, "utter_handoff_tier1", "es")


def test_G4_a_yes_with_a_switch_of_language_takes_the_offer(chat, clock):
    clock("2026-11-24T21:30:00-05:00")  # after 8 p.m.: chat closed, a callback offered
    c = chat()
    c.say("i need to talk to someone about a fee i paid twice for my N-400")
    replies = c.say("yes please, pero en espanol")
    assert_reply(replies, "utter_ask_phone_numbers", "es")
    assert_no_reply(replies, "utter_offer_callback", "es")


def test_C3_a_question_about_a_call_someone_promised_sets_up_no_callback(chat):
    c = chat()
    replies = c.say("they said someone would call me from uscis, what number will it come from?")
    assert_reply(replies, "utter_faq/callback_caller_id", "en")
    assert_no_reply(replies, "utter_ask_phone_numbers", "en")


def test_S1_X2_a_status_then_an_expedite_asked_in_so_many_words(chat):
    c = chat()
    replies = c.say(f"please check {RECEIVED} and also expedite it, it is my work permit")
    assert_reply(replies, "utter_case_status_result", "en")
    assert c.active_form() == "expedite_form"  # taken in the same reply, not kept behind the status


def test_G2_leaving_the_line_to_ask_ones_own_lawyer_asks_for_no_representative(chat):
    c = chat()
    c.say("can i speak with an agent")
    c.say("my I-751 was sent back because my ex never signed it and i dont know what to do now")
    replies = c.say("never mind, i want to check with my attorney first")
    assert_reply(replies, "utter_left_queue", "en")
    assert_no_reply(replies, "utter_ask_live_topic", "en")


def test_S1_R2_a_status_offer_made_unasked_does_not_hold_back_the_reschedule_after_it(chat):
    c = chat()
    replies = c.say(f"como esta mi caso {BIOMETRICS_SCHEDULED}? y ademas tengo que cambiar mis huellas del 15 de enero, "
                    "ese dia trabajo doble turno")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_reply(replies, "utter_ask_times_rescheduled", "es")


def test_E1_contact_details_said_in_words_are_taken(chat):
    c = chat()
    c.say("my green card never came, it was approved in august")
    c.say(CARD_MAILED)
    c.say("it should have come to 55 Birch Rd, Akron OH 44301")
    replies = c.say("email me at m dot okafor at example dot com")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    assert "m.okafor@example.com" in " ".join(m.get("text") or "" for m in replies)
    c2 = chat()
    c2.say("nunca me llego la tarjeta verde")
    c2.say(CARD_MAILED)
    c2.say("tenia que llegar a 300 Main St, Houston TX 77002")
    replies = c2.say("mi cel es siete uno tres, cinco cinco cinco, cero uno cero nueve")
    assert_reply(replies, "utter_ask_e_request_confirmed", "es")


def test_R2_an_appointment_time_told_in_pacific_time_is_counted_in_eastern(chat, clock):
    clock("2027-03-10T21:30:00-05:00")  # 9:30 p.m. Eastern: 10 a.m. Pacific tomorrow is 15 h 30 min away
    c = chat()
    replies = c.say("i have to move my fingerprints appointment in san diego, tomorrow at 10am pacific time. "
                    "first time i move it and i am not sick")
    assert_reply(replies, "utter_reschedule_biometrics_online", "en")
    assert_no_reply(replies, "utter_reschedule_needs_live_help_too_soon", "en")


def test_G7_an_embassy_interview_is_the_state_departments_though_the_petition_is_named(chat):
    c = chat()
    replies = c.say("my fathers visa interview at the consulate in ciudad juarez was cancelled, can you give him a new "
                    "date? i filed his I-130 years ago")
    assert_reply(replies, "utter_refer_state_department", "en")
    assert_no_reply(replies, "utter_ask_appointment_time", "en")


def test_G7_G1_another_agencys_matter_given_as_the_topic_for_a_person_is_referred(chat):
    c = chat()
    c.say("i want to talk to a live agent")
    replies = c.say("immigration detained my son yesterday, how do i find out which ICE facility he is in")
    assert_reply(replies, "utter_refer_immigration_court", "en")
    assert_no_reply(replies, "utter_handoff_tier1", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "REFER_ELSEWHERE" and "G7" in rule_ids
    replies = c.say(f"ok thanks. can you check my own case {RECEIVED}")
    assert_reply(replies, "utter_case_status_result", "en")
