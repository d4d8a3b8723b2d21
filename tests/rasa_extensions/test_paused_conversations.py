"""rasa_extensions/paused_conversations.py against Rasa 3.6.21's own functions."""
from __future__ import annotations

import itertools

import pytest
import rasa
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ConversationPaused, ConversationResumed, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_extensions
from rasa_extensions import paused_conversations

rasa_extensions.apply()  # as scripts/rasa_server.py does before Rasa starts
ORIGINAL = MessageProcessor._rasa_should_handle_message
PATCHED = MessageProcessor._should_handle_message
DOMAIN = Domain.from_dict({"actions": ["action_handoff_waiting", "action_crisis"], "slots": {"next_step": {"type": "text", "mappings": [{"type": "custom"}]}}})


def test_checked_against_this_rasa_version():
    assert rasa.__version__ == rasa_extensions.CHECKED_WITH
    assert paused_conversations.CHECKED_WITH is rasa_extensions.CHECKED_WITH  # one definition


def _tracker(paused: bool, intent, next_step=None, last_action="action_listen"):
    events = [ActionExecuted("action_listen")]
    if next_step:
        events.append(SlotSet("next_step", next_step))
    if paused:
        events.append(ConversationPaused())
    if intent is not None:
        events.append(UserUttered("text", intent={"name": intent, "confidence": 1.0}))
    if last_action != "action_listen":
        events.append(ActionExecuted(last_action))
    return DialogueStateTracker.from_events("s", events, slots=[TextSlot("next_step", mappings=[{"type": "custom"}])])


@pytest.mark.parametrize(
    "paused,intent,next_step",
    list(itertools.product([False, True], [None, "greet", "restart", "nlu_fallback"], [None, "with_representative"]))
    + [(False, "greet", "live_queue")],
)
def test_same_as_rasa_for_every_other_message(paused, intent, next_step):
    tracker = _tracker(paused, intent, next_step)
    assert PATCHED(tracker) == ORIGINAL(tracker)


def test_G6_a_crisis_message_is_handled_while_paused():
    assert ORIGINAL(_tracker(True, "crisis")) is False
    assert PATCHED(_tracker(True, "crisis")) is True
    assert PATCHED(_tracker(True, "crisis", "with_representative")) is True


def test_every_message_is_handled_while_waiting_in_line_and_only_then():
    assert PATCHED(_tracker(True, "greet", "live_queue")) is True
    assert PATCHED(_tracker(True, "greet", "with_representative")) is False
    # Just handed off, in the same turn: the applicant's last message was answered already.
    assert PATCHED(_tracker(True, None, "live_queue")) is False


def _predict(tracker):
    processor = type("P", (), {"domain": DOMAIN})()
    original = MessageProcessor.__dict__["_predict_next_with_tracker"]
    return original(processor, tracker)


def test_waiting_in_line_acknowledges_then_listens():
    first = _predict(_tracker(True, "greet", "live_queue"))
    assert DOMAIN.action_names_or_texts[first.max_confidence_index] == "action_handoff_waiting"
    then = _predict(_tracker(True, "greet", "live_queue", last_action="action_handoff_waiting"))
    assert DOMAIN.action_names_or_texts[then.max_confidence_index] == "action_listen"


def test_every_other_case_goes_to_rasas_own_prediction(monkeypatch):
    monkeypatch.setattr(MessageProcessor, "_rasa_predict_next_with_tracker", lambda self, tracker: "rasa's own")
    for tracker in (_tracker(False, "greet"), _tracker(True, "crisis", "live_queue"), _tracker(True, "greet", "with_representative")):
        assert _predict(tracker) == "rasa's own"
