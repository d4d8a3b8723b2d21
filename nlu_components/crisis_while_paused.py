"""G6 while a representative has the conversation: a crisis message still gets 911 first.

Rasa 3.6 predicts nothing for a paused conversation (a live handoff) unless the
message is `/restart` (`MessageProcessor._should_handle_message`). A crisis
message must be answered there too, so it is let through as well; every other
message of a paused conversation is still only logged. Checked against
rasa==3.6.21 (tests/test_crisis_while_paused.py compares it with Rasa's own
function on every other case).
"""
from __future__ import annotations

from nlu_components.crisis_detector import CRISIS_INTENT

CHECKED_WITH = "3.6.21"
_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    from rasa.core.processor import MessageProcessor
    from rasa.shared.nlu.constants import INTENT_NAME_KEY

    original = MessageProcessor._should_handle_message

    def _should_handle_message(tracker) -> bool:  # type: ignore[no-untyped-def]
        # The prediction loop still ends as usual: after action_crisis the rules predict action_listen.
        if original(tracker):
            return True
        latest = tracker.latest_message
        return latest is not None and latest.intent.get(INTENT_NAME_KEY) == CRISIS_INTENT

    MessageProcessor._should_handle_message = staticmethod(_should_handle_message)
    MessageProcessor._original_should_handle_message = staticmethod(original)
    _installed = True

