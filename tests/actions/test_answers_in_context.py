"""Context reads the answer first (issue 13): the forms' real validation actions (rasa-sdk's
run) on realistic trackers, with the intent the model really gave those words.

An answer that sounds like another request ("twice already, once for surgery" read as an
emergency, "clear USCIS error" as a typo request) is the answer to the question asked; a
real change of topic or a question still leaves the form for the rules in data/.
"""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import ValidateEmergencyForm
from actions.expedite import ValidateExpediteForm
from actions.reschedule import ValidateRescheduleForm
from contact_center.domain_files import load_domain
from tests.stack import ROOT

DOMAIN = load_domain(ROOT / "domain")


def _tracker(form: str, asked: str, text: str, intent: str, confidence: float, language="en", **slots) -> Tracker:
    values = {name: None for name in DOMAIN["slots"]}
    values.update(language=language, requested_slot=asked, **slots)
    message = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
    events = [
        {"event": "action", "name": form},
        {"event": "active_loop", "name": form},
        {"event": "slot", "name": "requested_slot", "value": asked},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
        {"event": "action", "name": form},
    ]
    return Tracker("s", values, message, events, False, None, {"name": form}, form)


def _run(validation, tracker):
    return asyncio.run(validation.run(CollectingDispatcher(), tracker, DOMAIN))


def _slots(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize(
    "validation, form, asked, text, intent, confidence, slots, expected",
    [
        (ValidateRescheduleForm(), "reschedule_form", "times_rescheduled",
         "twice already, once for surgery and once because my kid was sick", "report_emergency", 0.90,
         {"appointment_type": "biometrics", "appointment_time": "tomorrow 9 am"}, ("times_rescheduled", 2.0)),
        (ValidateRescheduleForm(), "reschedule_form", "times_rescheduled", "never moved it before", "stop", 0.90,
         {"appointment_type": "biometrics", "appointment_time": "tomorrow 9 am"}, ("times_rescheduled", 0.0)),
        (ValidateExpediteForm(), "expedite_form", "expedite_criterion", "clear USCIS error", "typo_correction", 0.86,
         {"form_type": "I-130"}, ("expedite_criterion", "uscis_error")),
        (ValidateExpediteForm(), "expedite_form", "expedite_criterion",
         "razones humanitarias urgentes, mi mamá está muy enferma", "report_emergency", 0.83,
         {"form_type": "I-130"}, ("expedite_criterion", "urgent_humanitarian")),
        (ValidateEmergencyForm(), "emergency_form", "urgent_reason",
         "my dad is in the hospital in honduras and i need to travel", "request_expedite", 0.85,
         {"in_danger": False, "needs_appointment": True}, ("urgent_reason", "family_emergency_travel")),
    ],
)
def test_an_answer_that_sounds_like_another_request_is_the_answer(
        validation, form, asked, text, intent, confidence, slots, expected):
    events = _run(validation, _tracker(form, asked, text, intent, confidence, **slots))
    assert not any(e.get("event") == ActionExecutionRejected(form)["event"] for e in events)
    name, value = expected
    assert _slots(events)[name] == value


@pytest.mark.parametrize(
    "text, intent",
    [("never mind", "stop"),
     ("and if they dont answer before the 10th do i still go?", "faq")],
)
def test_a_stop_or_a_question_still_leaves_the_form(text, intent):
    tracker = _tracker("reschedule_form", "times_rescheduled", text, intent, 0.95,
                       appointment_type="biometrics", appointment_time="tomorrow 9 am")
    events = _run(ValidateRescheduleForm(), tracker)
    assert events == [ActionExecutionRejected("reschedule_form")]


def test_a_real_change_of_topic_is_asked_about_before_the_form_is_left():
    """Issue 13: a new request mid-form leaves it only after the applicant agrees."""
    text = "actually what's the status of my case   EAC2190012345"
    tracker = _tracker("reschedule_form", "times_rescheduled", text, "check_case_status", 0.95,
                       appointment_type="biometrics", appointment_time="tomorrow 9 am")
    events = _run(ValidateRescheduleForm(), tracker)
    assert _slots(events) == {"proposed_request": "actually what's the status of my case EAC2190012345",
                              "requested_slot": "switch_request"}


def _switch_question(text: str, intent: str, pending=None):
    return _tracker("reschedule_form", "switch_request", text, intent, 0.95, appointment_type="biometrics",
                    appointment_time="tomorrow 9 am", proposed_request="what's the status of EAC2190012345",
                    pending_request=pending)


def test_yes_to_the_new_request_leaves_the_form_through_its_rule():
    events = _run(ValidateRescheduleForm(), _switch_question("yes please", "affirm"))
    assert events == [ActionExecutionRejected("reschedule_form")]


@pytest.mark.parametrize("text, intent", [("no, lets finish this first", "deny"), ("nope", "out_of_scope"),
                                          ("no, primero terminemos esto", "deny"),
                                          ("no, primero terminemos esto", "stop")])
def test_no_keeps_the_form_and_the_new_request_waits_for_it(text, intent):
    dispatcher = CollectingDispatcher()
    tracker = _switch_question(text, intent, pending="i moved too")
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, tracker, DOMAIN))
    slots = _slots(events)
    assert slots["pending_request"] == "what's the status of EAC2190012345\ni moved too"
    assert slots["proposed_request"] is None
    assert "times_rescheduled" not in slots  # "no" is not the answer to the form's question
    assert [m["response"] for m in dispatcher.messages] == ["utter_switch_later"]


def test_a_reply_that_is_neither_yes_nor_no_asks_again():
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, _switch_question("hmm", "greet"), DOMAIN))
    assert _slots(events) == {"proposed_request": "what's the status of EAC2190012345", "requested_slot": "switch_request"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_yes_or_no"]


def test_a_stop_at_the_switch_question_still_stops():
    events = _run(ValidateRescheduleForm(), _switch_question("never mind all of it", "stop"))
    assert events == [ActionExecutionRejected("reschedule_form")]


def _with_receipt_given_before(tracker: Tracker, before: str, now: str) -> Tracker:
    """`tracker` where the applicant gave `before` earlier and Rasa's entity mapping set
    `now` from the latest message."""
    user = next(i for i, e in enumerate(tracker.events) if e.get("event") == "user")
    tracker.events.insert(0, {"event": "slot", "name": "receipt_number", "value": before})
    tracker.events.insert(user + 2, {"event": "slot", "name": "receipt_number", "value": now})
    tracker.slots["receipt_number"] = now
    return tracker


def test_a_new_request_with_another_receipt_number_keeps_this_requests_number():
    """Hand test: at the contact question, "actually whats the status of EAC1234567890" filed
    the missing-card request on EAC1234567890 instead of the number given for it."""
    from actions.e_requests import ValidateERequestForm

    tracker = _tracker("e_request_form", "contact", "actually whats the status of EAC1234567890", "check_case_status",
                       0.95, problem_details="my card never came")
    tracker = _with_receipt_given_before(tracker, "IOE0912345678", "EAC1234567890")
    events = _run(ValidateERequestForm(), tracker)
    slots = _slots(events)
    assert slots["requested_slot"] == "switch_request"  # asked about, even at the contact question
    assert slots["receipt_number"] == "IOE0912345678"


def test_a_receipt_number_typed_at_the_confirmation_is_still_a_correction():
    from actions.e_requests import ValidateERequestForm

    tracker = _tracker("e_request_form", "e_request_confirmed", "the receipt is wrong, its EAC1234567890", "inform",
                       0.9, problem_details="my card never came", contact="ana@example.com")
    tracker.latest_message["entities"] = [{"entity": "receipt_number", "value": "EAC1234567890"}]
    tracker = _with_receipt_given_before(tracker, "IOE0912345678", "EAC1234567890")
    events = _run(ValidateERequestForm(), tracker)
    assert [e["value"] for e in events if e.get("event") == "slot" and e["name"] == "receipt_number"][-1:] != ["IOE0912345678"]
