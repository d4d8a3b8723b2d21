"""rasa_extensions/action_server_payload.py: Rasa's payload, with the recent events and the domain without texts."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker

import rasa_extensions
from actions.live_help import SUMMARY_MESSAGES, conversation_summary
from rasa_extensions import action_server_payload

rasa_extensions.apply()  # as scripts/rasa_server.py does before Rasa starts

from tests import ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain")


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
    ours = action._action_call_format(tracker, domain)
    rasas = action_server_payload.rasa_original(action, tracker, domain)
    assert ours["domain"] == {k: v for k, v in rasas["domain"].items() if k != "responses"}
    ours["domain"] = rasas["domain"]
    return ours, rasas


def test_the_domain_goes_without_its_responses_and_with_what_rasa_sdk_reads(domain: Domain) -> None:
    action = RemoteAction("validate_case_status_form", EndpointConfig("http://127.0.0.1:9/webhook"))
    sent = action._action_call_format(_conversation(domain, 2), domain)["domain"]
    assert "responses" not in sent
    assert sent["forms"]["case_status_form"]["required_slots"] == ["receipt_number"]
    assert sent["slots"] == domain.as_dict()["slots"] and "receipt_number" in sent["slots"]
    other = Domain.load(ROOT / "domain")
    assert action_server_payload.domain_for_actions(other) is not action_server_payload.domain_for_actions(domain)
    assert action_server_payload.domain_for_actions(domain) is action_server_payload.domain_for_actions(domain)


def test_a_form_validation_runs_on_the_domain_it_is_sent(domain: Domain) -> None:
    # rasa_sdk reads the form's required slots and the slot mappings from it.
    from actions.case_status import ValidateCaseStatusForm
    from rasa_sdk.executor import CollectingDispatcher

    tracker = _conversation(domain, 1)
    tracker.update(SlotSet("requested_slot", "receipt_number"))
    tracker.update(UserUttered("EAC1234567890", {"name": "inform", "confidence": 1.0},
                               [{"entity": "receipt_number", "value": "EAC1234567890", "start": 0, "end": 13}]))
    tracker.update(SlotSet("receipt_number", "EAC1234567890"))
    action = RemoteAction("validate_case_status_form", EndpointConfig("http://127.0.0.1:9/webhook"))
    payload = action._action_call_format(tracker, domain)
    events = asyncio.run(ValidateCaseStatusForm().run(
        CollectingDispatcher(), Tracker.from_dict(payload["tracker"]), payload["domain"]
    ))
    assert {"event": "slot", "name": "receipt_number", "value": "EAC1234567890", "timestamp": None} in events


def test_installed_by_rasa_extensions_apply() -> None:
    assert RemoteAction._action_call_format is action_server_payload.action_call_format


def test_a_short_conversation_is_sent_as_rasa_sends_it(domain: Domain) -> None:
    ours, rasas = _payloads(domain, _conversation(domain, action_server_payload.HISTORY_TURNS - 1))
    assert ours == rasas


def test_a_long_conversation_sends_its_last_turns_and_everything_else_unchanged(domain: Domain) -> None:
    tracker = _conversation(domain, 60)
    ours, rasas = _payloads(domain, tracker)
    sent, every = ours["tracker"].pop("events"), rasas["tracker"].pop("events")
    assert ours == rasas  # slots, latest message, active loop, paused, domain, ...
    assert sent == every[-len(sent):]
    users = [e for e in sent if e["event"] == "user"]
    assert len(users) == action_server_payload.HISTORY_TURNS
    assert sent[0]["event"] == "user" and sent[0]["text"] == "message 50"


def test_zero_sends_every_event(domain: Domain, monkeypatch) -> None:
    monkeypatch.setattr(action_server_payload, "HISTORY_TURNS", 0)
    ours, rasas = _payloads(domain, _conversation(domain, 60))
    assert ours == rasas


def test_the_representatives_summary_still_sees_the_last_messages(domain: Domain) -> None:
    # G2: the summary lists the applicant's last messages; the window must hold them.
    assert action_server_payload.HISTORY_TURNS >= SUMMARY_MESSAGES
    ours, rasas = _payloads(domain, _conversation(domain, 40))
    summary = conversation_summary(Tracker.from_dict(ours["tracker"]))
    assert summary == conversation_summary(Tracker.from_dict(rasas["tracker"]))
    assert "message 39" in summary and "message 35" in summary
