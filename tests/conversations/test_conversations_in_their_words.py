"""Whole conversations in the words applicants used where the assistant tripped (issue 13's
blind conversation set, said here in other words): a yes with more words after it, a person
asked for before the story, a question put where an answer was asked, two matters in one
message, a receipt number without its letters. Fixtures: tests/conversations/conftest.py.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import CARD_MAILED, OUT_OF_HOURS, RESPONSES, assert_reply, matches, texts


def intent(c) -> str:
    return c.tracker()["latest_message"]["intent"]["name"]


def at_the_contact_question(chat, opening: str):
    """A conversation at the contact question of an interview reschedule (date in `opening`)."""
    c = chat()
    for text in (opening, "no", "MSC5555555555"):  # the date, no covid, the receipt number
        c.say(text)
    assert c.slot("requested_slot") == "contact"
    return c


@pytest.mark.parametrize("lang, yes", [("en", "yeah pls, it never got here"), ("es", "si porfa, nunca me llego")])
def test_S4_a_yes_with_more_words_takes_the_offer(chat, lang, yes):
    c = chat()
    c.say(f"{'status of' if lang == 'en' else 'estado del caso'} {CARD_MAILED}")
    assert c.slot("next_step") == "offer_e_request"
    replies = c.say(yes)
    assert_reply(replies, "utter_ask_problem_details", lang)  # the card request's own question
    assert c.active_form() == "e_request_form"


def test_E1_a_yes_at_the_confirmation_files_the_request(chat, store):
    """"eso, mandela" was read as stop, and the request it approved was dropped."""
    c = chat()
    c.say("tengo que reprogramar mi ceremonia de juramento")
    answers = {"appointment_time": "el 9 de diciembre a las 10 am", "has_covid": "no", "receipt_number": "NBC6666666666",
               "contact": "lupe@example.com", "reschedule_confirmed": "eso, mandelo"}
    for _ in range(len(answers)):
        replies = c.say(answers[c.slot("requested_slot")])
        if c.slot("requested_slot") is None:
            break
    assert_reply(replies, "utter_reschedule_filed_field_office", "es")
    assert [r.request_type for r in store.service_requests_for(c.sender)] == ["reschedule"]


@pytest.mark.parametrize("text, lang", [
    ("representative please, my travel document application got abandoned and i dont get why. "
     "you can reach me at 312-555-0188 or at work 312-555-0199", "en"),
    ("quiero hablar con un agente, me llego una carta que dice que abandonaron mi caso y no entiendo por que", "es"),
])
def test_G1_a_person_asked_for_before_the_story_is_a_request_for_a_person(chat, text, lang):
    c = chat()
    replies = c.say(text)
    assert intent(c) == "request_live_agent"
    assert c.active_form() == "live_help_form" or c.slot("outcome") is not None
    said = texts(replies)
    assert said and not any("didn't understand" in t or "no entendí" in t for t in said), said


def test_G7_a_reschedule_and_another_agencys_matter_in_one_message_are_both_taken(chat):
    c = chat()
    replies = c.say("i have to move my oath ceremony on dec 14 at 9am, and where do i renew my us passport")
    assert c.active_form() == "reschedule_form"
    assert_reply(replies, "utter_ask_has_covid", "en")  # the date was read; the next question
    assert "passport" in (c.slot("pending_request") or "")


def test_G7_two_agencies_named_in_one_message_are_both_referred(chat):
    replies = chat().say("how do i get my tax refund and where do i apply for a social security number")
    assert_reply(replies, "utter_refer_irs", "en")
    assert_reply(replies, "utter_refer_ssa", "en")


def test_several_requests_a_reschedule_and_what_to_bring_are_both_taken(chat):
    c = chat()
    replies = c.say("tengo que cambiar mi cita de huellas y que documentos llevo?")
    assert c.active_form() == "reschedule_form"
    assert_reply(replies, "utter_ask_appointment_time", "es")
    assert c.slot("pending_request")


def test_E1_a_question_put_at_the_details_question_is_answered_then_asked_again(chat, store):
    c = chat()
    c.say("hay un error en mi tarjeta de residente")
    assert_reply(c.say("NBC6666666666"), "utter_ask_problem_details", "es")
    replies = c.say("oiga, antes de eso, cual es el telefono de uscis para llamar?")
    assert_reply(replies, "utter_faq/contact_numbers", "es")
    assert_reply(replies, "utter_ask_problem_details", "es")
    assert c.slot("problem_details") is None


def test_G7_another_agencys_question_at_the_contact_question_is_answered_then_asked_again(chat):
    c = at_the_contact_question(chat, "i need to reschedule my interview on december 15 at 1 pm")
    replies = c.say("one question, the dmv says my license ends when my green card does, can you call them?")
    assert_reply(replies, "utter_refer_dmv", "en")
    assert_reply(replies, "utter_ask_contact", "en")


def test_S2_digits_without_their_letters_at_the_receipt_question_are_explained(chat):
    c = chat()
    assert_reply(c.say("can you look up my case"), "utter_ask_receipt_number", "en")
    replies = c.say("all it says on top is 2190012345")
    assert_reply(replies, "utter_receipt_missing_prefix", "en")


def test_R2_G3_a_biometrics_too_soon_after_hours_logs_the_hours_rule_that_offers_the_callback(chat, store, clock):
    """The applicant is told live chat is closed (G3) and offered a callback (C1-C4): the
    audit log must show those rules, not only R2's."""
    clock(OUT_OF_HOURS)
    c = chat()
    c.say("my fingerprints appt is tomorrow 8am and i cant go, first time moving it")
    replies = c.say("no covid")
    assert_reply(replies, "utter_live_chat_closed", "en")
    assert_reply(replies, "utter_offer_callback", "en")
    logged = set().union(*(set(d.rule_ids) for d in store.decisions_for(c.sender)))
    assert {"R2", "G3", "C1"} <= logged, logged


def test_E1_an_accommodation_named_up_front_is_not_asked_again(chat):
    c = chat()
    c.say("i'll need an ASL interpreter at my naturalization interview")
    replies = c.say("NBC6666666666")
    assert_reply(replies, "utter_ask_contact", "en")  # not "What accommodation do you need?"
    assert "ASL" in (c.slot("problem_details") or "")


def test_G4_spanglish_is_answered_in_spanish(chat):
    c = chat()
    replies = c.say("necesito hacer reschedule de mi interview")
    assert c.slot("language") == "es"
    assert_reply(replies, "utter_ask_appointment_time", "es")


@pytest.mark.parametrize("text, topic, lang", [
    ("when the rep calls me back will it be a private number? i dont answer unknown calls", "callback_caller_id", "en"),
    ("me van a llamar de numero privado o como?", "callback_caller_id", "es"),
    ("they denied my i-130, can i appeal that?", "appeal_denial", "en"),
    ("me negaron el permiso de trabajo, se puede apelar?", "appeal_denial", "es"),
])
def test_C2_and_appeals_are_answered_from_the_knowledge_base(chat, text, topic, lang):
    assert_reply(chat().say(text), f"utter_faq/{topic}", lang)


@pytest.mark.parametrize("reply, lang", [("can you guys do anything about it? its been forever", "en"),
                                         ("y ustedes pueden hacer algo? ya pasaron dos meses", "es")])
def test_S4_a_reply_to_an_offer_that_is_neither_yes_nor_no_keeps_the_offer(chat, reply, lang):
    """The offer is made again, or taken; never "say it another way" with the offer lost,
    and the reply is not cut into new requests."""
    c = chat()
    c.say(f"{'status of' if lang == 'en' else 'estado del caso'} {CARD_MAILED}")
    replies = c.say(reply)
    said = texts(replies)
    default = [v["text"] for v in RESPONSES["utter_default"]]
    assert not any(matches(t, r) for t in default for r in said), said
    assert not c.slot("pending_request")
    if c.active_form() != "e_request_form":
        assert_reply(replies, "utter_yes_or_no", lang)
        assert_reply(replies, "utter_offer_e_request_card_not_received", lang)


def test_E1_a_second_request_says_it_uses_the_first_requests_receipt_number(chat, store):
    c = chat()
    c.say("my EAD never showed up in the mail. also my green card has my last name misspelled")
    assert c.active_form() == "e_request_form"
    answers = {"receipt_number": "IOE4444444444", "problem_details": "the work permit, it should have come to 12 elm st dayton oh",
               "contact": "sam.k@example.com", "e_request_confirmed": "yes"}
    for _ in range(len(answers)):
        replies = c.say(answers[c.slot("requested_slot")])
        if c.slot("requested_slot") is None or store.service_requests_for(c.sender):
            break
    assert len(store.service_requests_for(c.sender)) == 1
    assert c.active_form() == "e_request_form"  # the typo request, taken up next
    assert_reply(replies, "utter_receipt_from_before", "en")
    assert any("IOE4444444444" in t for t in texts(replies))


def test_a_reply_to_a_forms_question_is_not_cut_into_requests(chat):
    """Cut at its question marks, the question lost its second half and the contact
    question got "I need an e-mail address"."""
    c = at_the_contact_question(chat, "tengo que cambiar mi entrevista del 16 de diciembre a las 10 am")
    replies = c.say("oiga, me pueden decir si puedo pedir asilo? o mejor busco un abogado?")
    assert_reply(replies, "utter_faq/legal_help", "es")
    assert_reply(replies, "utter_ask_contact", "es")
    assert not c.slot("pending_request")


def test_G7_another_agencys_matter_asked_at_the_receipt_question_is_referred(chat):
    c = chat()
    c.say("quiero saber como va mi caso")
    replies = c.say("oiga, tambien necesito corregir mi nombre en el seguro social, eso lo hacen ustedes?")
    assert_reply(replies, "utter_refer_ssa", "es")
    assert_reply(replies, "utter_ask_receipt_number", "es")


@pytest.mark.parametrize("first, topic, lang", [("i want a real person", "i moved last month", "en"),
                                                ("quiero hablar con una persona", "me cambie de casa", "es")])
def test_G1_O1_a_person_asked_for_a_change_of_address_gets_the_online_tool_and_nothing_else(chat, first, topic, lang):
    c = chat()
    c.say(first)
    replies = c.say(topic)
    assert_reply(replies, "utter_change_address_info", lang)
    default = [v["text"] for v in RESPONSES["utter_default"]]
    assert not any(matches(t, r) for t in default for r in texts(replies)), texts(replies)


def test_S4_a_question_after_a_status_with_an_offer_is_answered_and_the_offer_made_again(chat):
    """A question in the same message as a status whose result offers an e-Request was kept
    until the offer was answered; it is answered at once, and the offer asked last."""
    c = chat()
    replies = c.say(f"can u look up {CARD_MAILED} for me. also what is an rfe, my cousin got one")
    said = texts(replies)
    assert_reply(replies, "utter_faq/rfe", "en")
    offers = [i for i, t in enumerate(said) if any(matches(v["text"], t) for v in RESPONSES["utter_offer_e_request_card_not_received"])]
    assert len(offers) == 2 and offers[-1] == len(said) - 1, said  # the offer again, last
    assert c.slot("next_step") == "offer_e_request"
    assert_reply(c.say("yes please"), "utter_ask_problem_details", "en")


def test_G1_a_letter_that_came_is_a_matter_for_a_person_not_asked_again(chat):
    """"agent please, its about a letter saying ..." was asked "What do you need help with?":
    a letter that came is no missing notice, and the story is the topic."""
    c = chat()
    replies = c.say("i need a live person, i got a letter saying they closed my case as abandoned and nobody told me why")
    said = texts(replies)
    assert not any(matches(v["text"], t) for v in RESPONSES["utter_ask_live_topic"] for t in said), said
    assert c.slot("outcome") == "LIVE_TIER1"


@pytest.mark.parametrize("lang, opening, found", [
    ("en", "the approval notice for my daughter never showed up", "ok found it on my online account, MSC5555555555"),
    ("es", "nunca me llego el aviso de aprobacion", "ya lo encontre en mi cuenta en linea MSC5555555555"),
])
def test_S2_a_receipt_number_found_in_the_online_account_is_the_answer_not_a_question(chat, lang, opening, found):
    c = chat()
    c.say(opening)
    assert c.slot("requested_slot") == "receipt_number"
    replies = c.say(found)
    said = texts(replies)
    assert not any(matches(v["text"], t) for v in RESPONSES["utter_faq/online_account"] for t in said), said
    assert c.slot("receipt_number") == "MSC5555555555"
    assert_reply(replies, "utter_ask_problem_details", lang)


def test_G7_a_reschedule_and_another_agencys_matter_after_a_comma_and_are_both_taken(chat):
    c = chat()
    replies = c.say("need to change my biometrics appt on dec 15 at 2pm, and my drivers license expired where do i renew it")
    assert c.active_form() == "reschedule_form"
    assert c.slot("appointment_time") and c.slot("appointment_type") == "biometrics"
    assert_reply(replies, "utter_ask_times_rescheduled", "en")  # biometrics: the count comes next
    assert "license" in (c.slot("pending_request") or "")


def test_O1_a_filing_mailed_to_the_wrong_place_goes_to_a_person_not_to_the_address_change(chat):
    c = chat()
    c.say("can i talk to a human")
    assert c.slot("requested_slot") == "live_topic"
    replies = c.say("i sent my n-400 packet to the wrong address by mistake, do i have to mail it again")
    said = texts(replies)
    assert not any(matches(v["text"], t) for v in RESPONSES["utter_change_address_info"] for t in said), said
    assert c.slot("outcome") == "LIVE_TIER1"


def test_G1_a_detail_after_a_question_is_not_a_question_of_its_own(chat):
    """"... como actualizo mi direccion? tengo un caso pendiente" had been told "No puedo darle
    asesoria legal": the case pending is a detail, not a question for a lawyer."""
    replies = chat().say("i moved last week, how do i update my address? i have a case pending")
    said = texts(replies)
    assert_reply(replies, "utter_change_address_info", "en")
    assert not any(matches(v["text"], t) for v in RESPONSES["utter_faq/legal_help"] for t in said), said


@pytest.mark.parametrize("text, lang", [
    ("my oath ceremony is next week and i just got covid, now what", "en"),
    ("tengo covid y la cita de huellas es el lunes que hago", "es"),
])
def test_R4_covid_and_an_appointment_said_together_start_the_reschedule(chat, text, lang):
    c = chat()
    c.say(text)
    assert c.active_form() == "reschedule_form" and c.slot("has_covid") is True
