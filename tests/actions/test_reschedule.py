"""The reschedule form's real validation action (rasa-sdk's run) on realistic trackers.

rasa-sdk drops a slot that is not among the form's required slots when an extraction
returned it; `appointment_at` (the moment R2 decides on) was lost that way. Every slot
the action returns is checked here, typed and by button, with the clock moved.
"""
from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.reschedule import ValidateRescheduleForm
from contact_center import clock
from contact_center.domain_files import load_domain
from tests.contact_center.test_dates import EASTERN

ROOT_DOMAIN = load_domain()  # domain/, merged
NOW = "2026-11-24T10:00:00-05:00"  # a Tuesday morning


def _tracker(text: str, entities=(), language: str = "en", intent: str = "inform") -> Tracker:
    slots = {name: None for name in ROOT_DOMAIN["slots"]}
    slots.update(language=language, appointment_type="biometrics", requested_slot="appointment_time")
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)}
    events = [
        {"event": "action", "name": "reschedule_form"},
        {"event": "active_loop", "name": "reschedule_form"},
        {"event": "slot", "name": "requested_slot", "value": "appointment_time"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
        {"event": "action", "name": "reschedule_form"},
    ]
    return Tracker("s", slots, message, events, False, None, {"name": "reschedule_form"}, "reschedule_form")


def _run(tracker: Tracker) -> dict:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, tracker, ROOT_DOMAIN))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("CONTACT_CENTER_NOW", NOW)
    monkeypatch.delenv("CONTACT_CENTER_CLOCK_FILE", raising=False)


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("today 4 pm", "en", datetime(2026, 11, 24, 16, 0)),
        ("hoy a las 4 de la tarde", "es", datetime(2026, 11, 24, 16, 0)),
        ("14 de diciembre 9 de la mañana", "es", datetime(2026, 12, 14, 9, 0)),
        ("Dec 10 at 8:30", "en", datetime(2026, 12, 10, 8, 30)),
    ],
)
def test_R2_a_typed_appointment_time_keeps_its_moment(text, language, expected):
    slots = _run(_tracker(text, language=language))
    assert slots["appointment_time"]
    assert datetime.fromisoformat(slots["appointment_at"]) == expected.replace(tzinfo=EASTERN)
    assert slots["requested_slot"] == "times_rescheduled"


@pytest.mark.parametrize("when, hours", [("soon", 1), ("past", -1)])
def test_R2_the_buttons_keep_their_moment(when, hours):
    payload = '/inform{"appointment_when":"' + when + '"}'
    slots = _run(_tracker(payload, entities=[{"entity": "appointment_when", "value": when}]))
    moment = datetime.fromisoformat(slots["appointment_at"])
    assert (moment - clock.now()).total_seconds() == hours * 3600


def test_R2_an_unreadable_time_is_asked_again_and_nothing_kept():
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, _tracker("whenever they said"), ROOT_DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("appointment_time") is None and slots.get("appointment_at") is None
    assert [m.get("response") for m in dispatcher.messages] == ["utter_appointment_time_not_understood"]
