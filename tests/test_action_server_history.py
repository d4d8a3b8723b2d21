"""nlu_components/action_server_history.py: the action server gets Rasa's payload with the recent events."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker

import nlu_components  # noqa: F401  (applies the speed-ups, as loading the model does)
from actions.live_help import SUMMARY_MESSAGES, conversation_summary
from nlu_components import action_server_history

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


def _conversation(domain: Domain, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker("h", domain.slots)
    for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
        tracker.update(event)
    for n in range(turns):
        for event in (
            UserUttered(f"message {n}", {"name": "check_case_status", "confidence": 0.9}),
            SlotSet("language", "es" if n % 2 else "en"),
            ActionExecuted("case_status_form"),
            ActionExecuted("action_listen"),
        ):
            tracker.update(event)
    return tracker


def _payloads(domain: Domain, tracker: DialogueStateTracker):
    action = RemoteAction("validate_case_status_form", EndpointConfig("http://127.0.0.1:9/webhook"))
    return action._action_call_format(tracker, domain), action_server_history.rasa_original(action, tracker, domain)


def test_installed_when_the_components_are_imported() -> None:
    assert RemoteAction._action_call_format is action_server_history.action_call_format


def test_a_short_conversation_is_sent_as_rasa_sends_it(domain: Domain) -> None:
    ours, rasas = _payloads(domain, _conversation(domain, action_server_history.HISTORY_TURNS - 1))
    assert ours == rasas


def test_a_long_conversation_sends_its_last_turns_and_everything_else_unchanged(domain: Domain) -> None:
    tracker = _conversation(domain, 60)
    ours, rasas = _payloads(domain, tracker)
    sent, every = ours["tracker"].pop("events"), rasas["tracker"].pop("events")
    assert ours == rasas  # slots, latest message, active loop, paused, domain, ...
    assert sent == every[-len(sent):]
    users = [e for e in sent if e["event"] == "user"]
    assert len(users) == action_server_history.HISTORY_TURNS
    assert sent[0]["event"] == "user" and sent[0]["text"] == "message 50"


def test_zero_sends_every_event(domain: Domain, monkeypatch) -> None:
    monkeypatch.setattr(action_server_history, "HISTORY_TURNS", 0)
    ours, rasas = _payloads(domain, _conversation(domain, 60))
    assert ours == rasas


def test_the_representatives_summary_still_sees_the_last_messages(domain: Domain) -> None:
    # G2: the summary lists the applicant's last messages; the window must hold them.
    assert action_server_history.HISTORY_TURNS >= SUMMARY_MESSAGES
    ours, rasas = _payloads(domain, _conversation(domain, 40))
    summary = conversation_summary(Tracker.from_dict(ours["tracker"]))
    assert summary == conversation_summary(Tracker.from_dict(rasas["tracker"]))
    assert "message 39" in summary and "message 35" in summary
