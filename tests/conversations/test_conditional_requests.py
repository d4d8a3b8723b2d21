"""Whole conversations: a second request made on a condition about the first one's answer
(contact_center/conditions.py; the class of test set 9, in other words). Taken when the answer
meets it, left (and said so) when it does not, and not asked twice when an offer already serves it.
"""
from __future__ import annotations

from applicant_channels.several_requests import CONDITION_NOT_MET_TEXT
from tests.conversations.talk import APPROVED, CARD_MAILED, assert_no_reply, assert_reply, texts

RECEIVED = "IOE4444444444"  # local service: Case Was Received
DENIED = "TSC7777777777"  # local service: Case Was Denied


def test_S1_a_request_on_an_approval_is_taken_when_the_case_is_approved(chat, store):
    c = chat()
    replies = c.say(f"could you look up {APPROVED}, and if they approved it i must update my mailing address, we just moved")
    assert_reply(replies, "utter_status_case_was_approved", "en")
    assert_reply(replies, "utter_change_address_info", "en")
    assert CONDITION_NOT_MET_TEXT["en"] not in texts(replies)


def test_S1_a_request_on_an_approval_is_left_when_the_case_is_not_approved(chat, store):
    c = chat()
    replies = c.say(f"pls look up {RECEIVED} and if its approved i will need to update my address")
    assert_reply(replies, "utter_case_status_result", "en")
    assert_no_reply(replies, "utter_change_address_info", "en")
    assert CONDITION_NOT_MET_TEXT["en"] in texts(replies)


def test_S1_a_question_on_a_denial_is_answered_after_the_status_in_spanish(chat, store):
    c = chat()
    replies = c.say(f"checa el {DENIED} y si me lo negaron como le hago para apelar")
    assert_reply(replies, "utter_status_case_was_denied", "es")
    assert_reply(replies, "utter_faq/appeal_denial", "es")


def test_R2_G1_a_person_asked_for_if_it_cannot_be_done_online_is_not_called_when_it_can(chat, store):
    c = chat()
    replies = c.say("tengo que cambiar mi cita de huellas del 18 de diciembre a las 10 de la mañana, nunca la cambie "
                    "y no tengo covid. y si no se puede en linea que me llame un agente")
    assert_reply(replies, "utter_reschedule_biometrics_online", "es")
    assert_no_reply(replies, "utter_ask_phone_numbers", "es")
    assert CONDITION_NOT_MET_TEXT["es"] in texts(replies)
    assert c.slot("pending_request") is None


def test_S4_a_missing_card_on_its_mailing_is_the_offer_itself(chat, store):
    c = chat()
    replies = c.say(f"mira el {CARD_MAILED} y si ya enviaron la tarjeta es que se perdio, a mi no me ha llegado")
    assert_reply(replies, "utter_status_card_was_mailed_to_me", "es")
    assert_reply(replies, "utter_offer_e_request_card_not_received", "es")
    assert_no_reply(replies, "utter_e_request_start", "es")
    assert c.slot("pending_request") is None  # the offer serves it: not taken up again after the filing


def test_S1_a_case_asked_to_be_looked_up_and_a_move_are_both_taken(chat, store):
    c = chat()
    replies = c.say(f"revisa el {RECEIVED} porfa y tambien me cambie de casa el mes pasado")
    assert_reply(replies, "utter_case_status_result", "es")
    assert_reply(replies, "utter_change_address_info", "es")
