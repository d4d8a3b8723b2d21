"""Applicants' own words for forms, notices and facts (session 22, test set 14's classes in other
words): forum abbreviations, a form by its number alone, counts and covid in passing, dates with
a receipt beside them, questions put around a pasted text."""
from __future__ import annotations

from datetime import datetime

import pytest

from contact_center import answers, form_types, question_topics, stated
from contact_center.clock import EASTERN
from contact_center.dates import parse_appointment_time, wished_date


@pytest.mark.parametrize("text, form", [
    ("need my AOS interview moved", "I-485"),
    ("can u expedite the AP, my AOS is pending too", "I-131"),  # the one named first
    ("el parol no me ha llegado", "I-131"),
    ("my ROC is taking forever", "I-751"),
    ("tengo pendiente la 821 del TPS", "I-821"),
    ("mi 765 sigue pendiente", "I-765"),
    ("how long is my 400 going to take", "N-400"),
    ("the 130 for my brother", "I-130"),
])
def test_X1_S1_forms_by_forum_words_and_by_their_number(text, form):
    assert form_types.said(text) == form


@pytest.mark.parametrize("text", ["i waited the 90 days", "i paid the 130 dollars", "at 10 am", "my 2 kids", "la 10 de la manana"])
def test_numbers_that_are_no_form(text):
    assert form_types.said(text) is None


def test_E1_a_notice_about_a_card_is_a_notice_and_both_stay_both():
    assert stated.mail_missing("never got the NOA for my work permit approval") == "notice"
    assert stated.mail_named("no me llego ni la tarjeta ni el aviso") == "both"


@pytest.mark.parametrize("text, count", [
    ("changed it once in june and then again in august", 2),
    ("la movi una vez y despues otra vez", 2),
    ("only once", 1),
    ("i moved it once and now i want to move it again", 1),
])
def test_R2_once_and_then_again(text, count):
    assert answers.times_rescheduled(text) == count


@pytest.mark.parametrize("text, covid", [
    ("no covid, no one is sick", False),
    ("no covid and im not sick", False),
    ("nadie esta enfermo aqui", False),
    ("no covid but i have a fever", True),
])
def test_R4_nobody_ill_is_no(text, covid):
    assert stated.covid_answer(text) is covid


def test_R4_covid_changed_at_the_confirmation_only_when_it_is_spoken_of():
    assert stated.covid_correction("hold on, i tested positive this morning") is True
    assert stated.covid_correction("yes send it") is None
    assert stated.covid_correction("im fine, go ahead") is None


NOW = datetime(2026, 11, 24, 10, 0, tzinfo=EASTERN)  # a Tuesday


@pytest.mark.parametrize("text, expected", [
    ("dec 11 at 9am, EAC1234567890", datetime(2026, 12, 11, 9, 0)),
    ("january 4 at 2pm call me at 415 555 0134", datetime(2027, 1, 4, 14, 0)),
    ("fue ayer lunes a las 4 de la tarde", datetime(2026, 11, 23, 16, 0)),
])
def test_R2_dates_with_numbers_beside_them_and_yesterday_named_with_its_weekday(text, expected):
    assert parse_appointment_time(text, NOW, day_first=True) == expected.replace(tzinfo=EASTERN)


def test_R1_a_shift_one_is_put_on_is_no_wished_date():
    assert not wished_date("they put me on nights that week so i need to move it")
    assert wished_date("just put me down for the 8th")


def test_E1_details_up_front_in_forum_words():
    assert stated.accommodation_stated("my dad has alzheimers and needs me with him at the interview")
    assert stated.typo_described("the card says sex M, im F")


@pytest.mark.parametrize("text, topic", [
    ("got an email saying i owe uscis $200 or they deport me, is this for real?", "scams"),
    ("how long is the 131 taking now", "processing_times"),
    ("whats the fee for my 765", "fees"),
    ("que me conviene, pedir la residencia o esperar", "legal_help"),
])
def test_questions_name_their_topic_in_forum_words(text, topic):
    assert question_topics.names_topic(text, topic)


def test_asked_if_genuine():
    assert question_topics.asks_if_genuine("they texted me this, is it legit?")
    assert not question_topics.asks_if_genuine("my card is real nice")


@pytest.mark.parametrize("text", [
    "ya volvi. sabe que, mejor no lo meta, mi hermano dice que el ya lo pidio ayer por telefono",
    "ok im back. actually dont file it, my sister says she already sent one last week by mail",
])
def test_E1_the_request_not_to_be_filed_after_all_with_why_is_a_stop(text):
    from nlu_components.control_requests import control_request

    assert control_request(text, "inform", confidence=0.6) == "stop"


def test_R1_a_date_in_a_sentence_that_names_another_month_is_read_from_its_clause():
    text = ("quiero cambiar la entrevista de mi hermano, es el diez de diciembre a las nueve y media y el esta en Texas "
            "hasta febrero. el recibo es MSC5555555555 y su numero es 505-555-0172")
    assert parse_appointment_time(text, NOW, day_first=True) == datetime(2026, 12, 10, 9, 30, tzinfo=EASTERN)
