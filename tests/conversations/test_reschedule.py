"""Whole conversations with the running assistant: rescheduling (R1-R5).

See tests/conversations/conftest.py: the real stack (tests/stack.py), driven through its REST
channel; the clock is a file the tests move.
"""
from __future__ import annotations

import pytest

from tests.conversations.talk import APPROVED, answer_the_interview_reschedule, assert_reply


def test_R2_biometrics_not_yet_rescheduled_is_self_service_online(chat, store):
    c = chat()
    c.say("I need to reschedule my biometrics appointment")
    c.say("December 15 at 10am")
    c.say("never")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_biometrics_online", "en")
    assert c.decided()[0] == "SELF_SERVICE"
    assert "R2" in c.decided()[1]
    assert store.service_requests_for(c.sender) == []


def test_R2_G2_biometrics_rescheduled_twice_goes_to_tier1_in_hours(chat, store):
    c = chat()
    c.say("I need to reschedule my biometrics appointment")
    c.say("December 15 at 10am")
    c.say("twice")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "en")
    assert_reply(replies, "utter_handoff_tier1", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "LIVE_TIER1" and {"R2", "G2"} <= rule_ids
    entry = store.live_entry_for(c.sender)
    assert entry is not None and entry.tier == 1 and entry.status == "waiting"
    # What the representative reads first: the topic and language as fields, the applicant's words.
    assert entry.topic == "reschedule_appointment" and entry.language == "en"
    assert entry.summary.startswith("- I need to reschedule my biometrics appointment")
    assert c.tracker()["paused"] is True


@pytest.mark.parametrize(
    "when, reason",
    [
        ("today 4 pm", "too_soon"),  # 6 hours after the test clock's 10 a.m.
        ('/inform{"appointment_when":"soon"}', "too_soon"),  # the "In less than 12 hours" button
        ('/inform{"appointment_when":"past"}', "past"),  # the "It already passed" button
        ("it was yesterday at 9am", "past"),
    ],
)
def test_R2_biometrics_hours_away_or_past_needs_live_help(chat, store, when, reason):
    c = chat()
    c.say("I need to reschedule my biometrics appointment")
    c.say(when)
    c.say("never")
    replies = c.say("no")
    assert_reply(replies, f"utter_reschedule_needs_live_help_{reason}", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "LIVE_TIER1" and "R2" in rule_ids
    [row] = [d for d in store.decisions_for(c.sender) if "R2" in d.rule_ids]
    assert row.facts["appointment_at"]


def test_R2_a_spanish_time_hours_away_needs_live_help(chat):
    c = chat()
    c.say("tengo que cambiar mi cita de biometricos")
    c.say("hoy a las 3 de la tarde")
    c.say("nunca")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_too_soon", "es")


def test_R4_covid_means_do_not_attend(chat):
    c = chat()
    c.say("tengo que cambiar mi cita de biometricos")
    c.say("el 15 de diciembre a las 10")
    c.say("una vez")
    replies = c.say("sí, tengo síntomas de covid")
    assert_reply(replies, "utter_do_not_attend_covid", "es")
    assert "R4" in c.decided()[1]


def test_R1_R3_interview_reschedule_is_filed_to_the_field_office(chat, store):
    c = chat()
    c.say("I need to reschedule my interview")
    replies = answer_the_interview_reschedule(c)
    assert_reply(replies, "utter_reschedule_filed_field_office", "en")
    assert_reply(replies, "utter_attend_if_no_answer", "en")
    outcome, rule_ids = c.decided()
    assert outcome == "E_REQUEST" and {"R1", "R3"} <= rule_ids
    [filed] = store.service_requests_for(c.sender)
    assert filed.request_type == "reschedule" and filed.receipt_number == APPROVED
