"""Whole conversations with the running assistant: expedite requests (X1-X5).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import assert_no_reply, assert_reply


def test_X2_no_criterion_is_not_eligible_and_nothing_is_filed(chat, store):
    c = chat()
    c.say("can you expedite my case")
    c.say("I-485")
    replies = c.say("none of those")
    assert_reply(replies, "utter_expedite_criteria", "en")
    assert c.decided() == ("NOT_ELIGIBLE", {"X2"})
    assert store.service_requests_for(c.sender) == []


def test_X4_premium_processing_available_points_to_it(chat, store):
    c = chat()
    c.say("quiero acelerar mi caso")
    replies = c.say("I-129")
    assert_reply(replies, "utter_expedite_premium_processing", "es")
    assert c.decided() == ("NOT_ELIGIBLE", {"X4"})
    assert store.service_requests_for(c.sender) == []


def test_X4_a_students_opt_work_permit_points_to_premium_processing(chat, store):
    c = chat()
    c.say("can you speed up my work permit application")
    replies = c.say("its the I-765")
    assert_reply(replies, "utter_ask_form_classification", "en")
    replies = c.say("its for my STEM OPT extension, (c)(3)(C)")
    assert_reply(replies, "utter_expedite_premium_processing", "en")
    assert c.decided() == ("NOT_ELIGIBLE", {"X4"})
    assert store.service_requests_for(c.sender) == []


def test_X4_a_work_permit_on_a_pending_green_card_goes_on_to_the_criteria(chat, store):
    c = chat()
    c.say("necesito acelerar mi permiso de trabajo")
    replies = c.say("formulario I-765")
    assert_reply(replies, "utter_ask_form_classification", "es")
    replies = c.say("es por mi residencia pendiente, la (c)(9)")
    assert_reply(replies, "utter_ask_expedite_criterion", "es")


@pytest.mark.parametrize("lang,opening,details,category,reason,documents", [
    ("en", "i need to expedite my work permit application", ["IOE4444444444", "my cell is 312 555 0148"],
     "its based on my pending green card, c9", "i will lose my job, severe financial loss", "a letter from my employer"),
    ("es", "quiero acelerar mi permiso de trabajo", ["mi numero de recibo es ioe 444 444 4444", "correo: luz.m@example.com"],
     "el de la residencia pendiente", "perdida financiera grave, me van a despedir", "carta de mi jefe"),
])
def test_X4_E1_a_receipt_number_or_contact_said_at_the_category_question_is_kept_and_not_refused(
        chat, store, lang, opening, details, category, reason, documents):
    """Hand test: the category question answered "I didn't catch the category" to a receipt
    number and to a phone number, and asked again each time."""
    c = chat()
    c.say(opening)
    for said in details:
        replies = c.say(said)
        assert_no_reply(replies, "utter_form_classification_not_understood", lang)
        assert_reply(replies, "utter_detail_kept", lang)
        assert_reply(replies, "utter_ask_form_classification", lang)
    assert c.slot("receipt_number") == "IOE4444444444" and c.slot("contact")
    assert_reply(c.say(category), "utter_ask_expedite_criterion", lang)
    c.say(reason)
    replies = c.say(documents)  # neither the receipt number nor the contact is asked for
    assert c.slot("requested_slot") == "expedite_confirmed"
    assert_reply(c.say("si" if lang == "es" else "yes"), "utter_expedite_filed", lang)
    assert len(store.service_requests_for(c.sender)) == 1


def test_X4_an_applicant_who_does_not_know_the_category_is_told_honestly(chat, store):
    c = chat()
    c.say("I need to expedite my case")
    c.say("I-765")
    replies = c.say("no idea honestly")
    assert_reply(replies, "utter_ask_expedite_criterion", "en")
    c.say("I will lose my job if I don't get my work permit")
    c.say("EAC1234567890")
    c.say("a letter from my employer")
    c.say("maria@example.com")
    replies = c.say("yes")
    assert_reply(replies, "utter_expedite_filed", "en")
    assert_reply(replies, "utter_premium_processing_maybe", "en")
    assert "X4" in c.decided()[1] and len(store.service_requests_for(c.sender)) == 1


def test_X4_an_i539_change_to_student_points_to_premium_processing(chat, store):
    c = chat()
    c.say("I want to expedite my I-539")
    replies = c.say("I am changing from B-2 to F-1 student")
    assert_reply(replies, "utter_expedite_premium_processing", "en")
    assert c.decided() == ("NOT_ELIGIBLE", {"X4"})


def test_X1_X3_X5_eligible_expedite_is_filed_with_documents(chat, store):
    c = chat()
    c.say("I need to expedite my case")
    c.say("I-485")
    c.say("I will lose my job if I don't get my work permit")
    c.say("EAC1234567890")
    c.say("a letter from my employer")
    c.say("maria@example.com")
    replies = c.say("yes")
    assert_reply(replies, "utter_expedite_filed", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "E_REQUEST" and {"X1", "X3", "X5"} <= rule_ids
    [filed] = store.service_requests_for(c.sender)
    assert filed.request_type == "expedite" and "a letter from my employer" in filed.details
