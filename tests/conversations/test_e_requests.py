"""Whole conversations with the running assistant: e-Requests (E1-E3).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import APPROVED, CARD_MAILED, Conversation, assert_no_reply, assert_reply, customs, texts


def _file_card_request(c: Conversation, lang: str = "en") -> list:
    if lang == "es":
        assert_reply(c.say("nunca me llego mi tarjeta de residencia"), "utter_ask_receipt_number", "es")
        c.say("LIN-11-111-11111")
        c.say("la tarjeta se envio hace dos meses y no llego")
        c.say("mi correo es ana@example.com")
    else:
        assert_reply(c.say("I never got my green card in the mail"), "utter_ask_receipt_number", "en")
        c.say("LIN1111111111")
        c.say("It was mailed two months ago and never arrived")
        c.say("call me at (202) 555-0143 or 305 555 0199")
    return c.say("yes" if lang == "en" else "sí")


def test_E1_E2_card_not_received_is_filed_with_receipt_contact_and_details(chat, store):
    c = chat()
    replies = _file_card_request(c)
    assert_reply(replies, "utter_e_request_filed", "en")
    [filed] = store.service_requests_for(c.sender)
    assert filed.request_type == "card_not_received"
    assert filed.receipt_number == CARD_MAILED
    assert filed.phone_numbers == ["+12025550143", "+13055550199"]
    assert filed.details == "It was mailed two months ago and never arrived"
    assert filed.routed_to  # E2: routed to the office that holds the case
    assert {"reference": {"kind": "e_request", "id": filed.reference}} in customs(replies)
    assert any(filed.reference in t for t in texts(replies))
    assert c.decided() == ("E_REQUEST", {"E1", "E2", "E3"})


def test_G4_E1_the_same_request_in_spanish(chat, store):
    c = chat()
    replies = _file_card_request(c, "es")
    assert_reply(replies, "utter_e_request_filed", "es")
    [filed] = store.service_requests_for(c.sender)
    assert filed.language == "es" and filed.email == "ana@example.com"


def test_E3_filing_again_gives_the_same_reference(chat, store, assistant):
    c = chat()
    _file_card_request(c)
    [first] = store.service_requests_for(c.sender)
    # A retry of the filing step (a reconnect, a double send) runs the action again.
    assistant.append_events(c.sender, [{"event": "slot", "name": "request_type", "value": "card_not_received"}])
    assistant.execute(c.sender, "action_file_e_request")
    assert [r.reference for r in store.service_requests_for(c.sender)] == [first.reference]


def test_E1_an_answer_can_be_corrected_before_filing(chat, store):
    c = chat()
    c.say("my notice never arrived")
    c.say("EAC1234567890")
    c.say("the approval notice")
    replies = c.say("maria@example.com")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    assert_reply(c.say('/inform{"correct_field":"receipt_number"}'), "utter_ask_receipt_number", "en")
    replies = c.say("LIN1111111111")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    assert any("LIN1111111111" in t for t in texts(replies))
    c.say("yes")
    [filed] = store.service_requests_for(c.sender)
    assert filed.receipt_number == "LIN1111111111"


@pytest.mark.parametrize("word", ["cancel", "cancelar", "/stop"])
def test_cancel_mid_form_leaves_it_and_files_nothing(chat, store, word):
    c = chat()
    c.say("I never got my work permit card")
    c.say("LIN1111111111")
    replies = c.say(word)
    assert_reply(replies, "utter_form_cancelled", "es" if word == "cancelar" else "en")
    assert c.tracker()["active_loop"] in ({}, None) or not c.tracker()["active_loop"].get("name")
    assert store.service_requests_for(c.sender) == []
    assert_reply(c.say("what's the status of EAC1234567890"), "utter_case_status_result", "en")


def test_G4_switching_language_mid_form_keeps_the_form(chat, store):
    c = chat()
    c.say("I never got my green card")
    c.say("LIN1111111111")
    replies = c.say("español por favor")
    assert_reply(replies, "utter_ask_problem_details", "es")
    c.say("la tarjeta nunca llego")
    c.say("ana@example.com")
    assert_reply(c.say("si"), "utter_e_request_filed", "es")
    [filed] = store.service_requests_for(c.sender)
    assert filed.language == "es"


def test_a_new_topic_mid_form_is_asked_about_then_taken_when_the_applicant_agrees(chat, store):
    """Issue 13: a clear change of topic leaves the form only after the applicant agrees,
    with nothing half-filed."""
    c = chat()
    c.say("I never got my green card")
    replies = c.say("actually I want to check the status of my case EAC1234567890")
    assert_reply(replies, "utter_ask_switch_request", "en")
    replies = c.say("yes")
    assert_reply(replies, "utter_switch_request", "en")
    assert_reply(replies, "utter_case_status_result", "en")
    assert c.active_form() is None and not c.slot("pending_request")
    assert store.service_requests_for(c.sender) == []


def test_G4_a_new_topic_mid_form_waits_when_the_applicant_wants_to_finish_first(chat, store):
    c = chat()
    assert_reply(c.say("necesito reprogramar mi entrevista"), "utter_ask_appointment_time", "es")
    assert_reply(c.say("tambien quiero saber el estado de mi caso EAC1234567890"), "utter_ask_switch_request", "es")
    replies = c.say("no, primero terminemos esto")
    assert_reply(replies, "utter_switch_later", "es")
    assert_reply(replies, "utter_ask_appointment_time", "es")  # the form's question again
    assert c.slot("pending_request")
    answers = {"appointment_time": "el 15 de diciembre a las 10 de la mañana", "has_covid": "no",
               "receipt_number": APPROVED, "contact": "maria@example.com", "reschedule_confirmed": "sí"}
    for _ in range(len(answers)):  # whatever the form still asks (the receipt number may be taken already)
        replies = c.say(answers[c.slot("requested_slot")])
        if c.slot("requested_slot") is None:
            break
    assert_reply(replies, "utter_case_status_result", "es")  # taken up when the form is done
    assert [r.request_type for r in store.service_requests_for(c.sender)] == ["reschedule"]


@pytest.mark.parametrize("stop,lang", [
    ("hang on, dont send it, the field office just told me the building has an elevator", "en"),
    ("un momento, no lo mande, ya me dijeron que la oficina tiene rampa", "es"),
])
def test_E1_a_stop_after_a_pause_at_the_confirmation_cancels(chat, store, stop, lang):
    """Test set 4: "actually hold on, dont send it" got "What would you like to change?"."""
    c = chat()
    c.say("my father uses a wheelchair, his interview needs an accessible room" if lang == "en"
          else "mi papa usa silla de ruedas y necesita un lugar accesible para su entrevista")
    c.say("NBC6666666666")
    c.say("202 555 0143")
    assert c.slot("requested_slot") == "e_request_confirmed"
    assert_reply(c.say(stop), "utter_form_cancelled", lang)
    assert store.service_requests_for(c.sender) == []


def test_E1_S4_a_late_case_told_with_what_the_wait_costs_is_not_asked_for_its_details(chat, store):
    c = chat()
    replies = c.say("can you open an inquiry on my I-751 SRC2222222222, 25 months now and way over the processing time. "
                    "my extension letter expires in march and i have a work trip. my email is dana.k@example.com")
    assert_reply(replies, "utter_ask_e_request_confirmed", "en")
    assert_no_reply(replies, "utter_ask_problem_details", "en")
