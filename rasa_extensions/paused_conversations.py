"""What Rasa 3.6 does with a paused conversation (a live handoff), changed in two ways.

Rasa predicts nothing for a paused conversation unless the message is `/restart`
(`MessageProcessor._should_handle_message`): the applicant's messages are only logged,
so a person in danger got no 911 and a person waiting in line got silence. Here:

1. G6: a crisis message (intent `crisis`, set by nlu_components/crisis_detector.py)
   is predicted for as usual, so the rules in data/crisis.yml answer it first.
2. While the applicant waits in line for a representative (slot `next_step` is
   `live_queue`, set by actions/live_help.py `route_to_live`), every other message
   is answered by `action_handoff_waiting` (an acknowledgement with the place in
   line; "cancel" leaves the line), then the assistant listens again. Once a
   representative has the conversation (`next_step` `with_representative`), messages
   are only logged, for the representative, as before.

Checked against rasa==3.6.21, `rasa_extensions.CHECKED_WITH` (tests/rasa_extensions/test_paused_conversations.py
compares both functions with Rasa's own on every other case); `install()` refuses another version.
Installed by `rasa_extensions.apply()` (scripts/rasa_server.py, before Rasa starts).
"""
from __future__ import annotations

from contact_center.messages import CRISIS_INTENT
from rasa_extensions import CHECKED_WITH

WAITING = "live_queue"  # next_step while in line
WAITING_ACTION = "action_handoff_waiting"
_installed = False


def _waiting(tracker) -> bool:  # type: ignore[no-untyped-def]
    return tracker.is_paused() and tracker.get_slot("next_step") == WAITING


def _latest_turn(tracker) -> str:  # type: ignore[no-untyped-def]
    """"user" when the latest message is not answered yet, else the latest action's name."""
    from rasa.shared.core.events import ActionExecuted, UserUttered

    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return "user"
        if isinstance(event, ActionExecuted):
            return event.action_name or ""
    return ""


def _crisis(tracker) -> bool:  # type: ignore[no-untyped-def]
    latest = tracker.latest_message
    from rasa.shared.nlu.constants import INTENT_NAME_KEY

    return latest is not None and latest.intent.get(INTENT_NAME_KEY) == CRISIS_INTENT


def install() -> None:
    global _installed
    if _installed:
        return
    import rasa
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.constants import ACTION_LISTEN_NAME

    if rasa.__version__ != CHECKED_WITH:
        raise RuntimeError(
            f"rasa_extensions/paused_conversations.py was checked against rasa {CHECKED_WITH}, not {rasa.__version__}: "
            "check MessageProcessor._should_handle_message and _predict_next_with_tracker, then update it"
        )
    original_should_handle = MessageProcessor._should_handle_message
    original_predict = MessageProcessor._predict_next_with_tracker

    def _should_handle_message(tracker) -> bool:  # type: ignore[no-untyped-def]
        # The loop still ends as usual: after the answer, action_listen is predicted.
        if MessageProcessor._rasa_should_handle_message(tracker) or _crisis(tracker):
            return True
        return _waiting(tracker) and _latest_turn(tracker) in ("user", WAITING_ACTION)

    def _predict_next_with_tracker(self, tracker):  # type: ignore[no-untyped-def]
        turn = _latest_turn(tracker)
        if turn == WAITING_ACTION:  # acknowledged (or left the line): listen
            return PolicyPrediction.for_action_name(self.domain, ACTION_LISTEN_NAME, policy_name="PausedConversation")
        if _waiting(tracker) and turn == "user" and not _crisis(tracker):
            return PolicyPrediction.for_action_name(self.domain, WAITING_ACTION, policy_name="PausedConversation")
        return MessageProcessor._rasa_predict_next_with_tracker(self, tracker)

    MessageProcessor._should_handle_message = staticmethod(_should_handle_message)
    MessageProcessor._predict_next_with_tracker = _predict_next_with_tracker
    MessageProcessor._rasa_should_handle_message = staticmethod(original_should_handle)
    MessageProcessor._rasa_predict_next_with_tracker = original_predict
    _installed = True
