"""G6 while paused: nlu_components/crisis_while_paused.py against Rasa 3.6.21's own function."""
from __future__ import annotations

import itertools

import pytest
import rasa
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ConversationPaused, ConversationResumed, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from nlu_components import crisis_while_paused

crisis_while_paused.install()
ORIGINAL = MessageProcessor._original_should_handle_message
PATCHED = MessageProcessor._should_handle_message


def test_checked_against_this_rasa_version():
    assert rasa.__version__ == crisis_while_paused.CHECKED_WITH


def _tracker(paused: bool, intent):
    events = [ActionExecuted("action_listen")]
    if paused:
        events.append(ConversationPaused())
    if intent is not None:
        events.append(UserUttered("text", intent={"name": intent, "confidence": 1.0}))
    return DialogueStateTracker.from_events("s", events, slots=Domain.empty().slots)


@pytest.mark.parametrize("paused,intent", list(itertools.product([False, True], [None, "greet", "restart", "nlu_fallback"])))
def test_same_as_rasa_for_every_other_message(paused, intent):
    tracker = _tracker(paused, intent)
    assert PATCHED(tracker) == ORIGINAL(tracker)


def test_G6_a_crisis_message_is_handled_while_paused():
    assert ORIGINAL(_tracker(True, "crisis")) is False
    assert PATCHED(_tracker(True, "crisis")) is True


def test_resumed_conversation_is_handled_as_before():
    tracker = _tracker(True, None)
    tracker.update(ConversationResumed())
    assert PATCHED(tracker) is ORIGINAL(tracker) is True
