"""A new request in the middle of a form is asked about before the form is left (issue 13).

"Only a clear change of topic leaves the form, after the applicant agrees, with
nothing half-filed": a confident new service request inside a form is not started
at once. The form asks (utter_ask_switch_request) whether to stop what is under
way, nothing sent, and take the new request now, or to finish first:

- yes: the form is rejected, the rule in data/form_control.yml runs
  `action_switch_request`, which leaves the form like a stop and puts the new
  request first in `pending_request`; the channel takes it up at once
  (applicant_channels/several_requests.py), as for several requests in one message;
- no: the new request waits in `pending_request` and the form asks its question
  again; the channel takes the request up when the form is done.

A person or a callback asked for is not asked about (they leave at once, as
before): someone asking for a human is not made to confirm it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from contact_center import answers, stops_and_corrections
from contact_center.messages import CRISIS_INTENT, SERVICE_INTENTS, TOO_LONG_INTENT
from contact_center.several_requests import PENDING_SEPARATOR

PROPOSED_SLOT = "proposed_request"
QUESTION = "switch_request"  # the requested slot while the question is open (never filled)
PENDING_SLOT = "pending_request"
ASKED_ABOUT = SERVICE_INTENTS - {"request_live_agent", "request_callback"}


def is_new_request(tracker: Tracker, own_topics) -> bool:
    name, confidence = common.latest_intent(tracker)
    return name in ASKED_ABOUT and name not in set(own_topics) and confidence >= common.switch_confidence(tracker)


def propose(tracker: Tracker) -> List[EventType]:
    """Hold the new request and ask about it (Rasa asks `utter_ask_switch_request`)."""
    # One line: waiting requests are kept one per line (PENDING_SEPARATOR).
    return [SlotSet(PROPOSED_SLOT, " ".join(common.latest_text(tracker).split())), SlotSet("requested_slot", QUESTION)]


def open_question(tracker: Tracker) -> bool:
    return tracker.get_slot("requested_slot") == QUESTION and bool(tracker.get_slot(PROPOSED_SLOT))


def answered(tracker: Tracker) -> bool:
    """True when the reply is for the switch question: anything but a crisis, an over-long
    message, a language switch, a question, or a stop in words ("never mind all of it"),
    which leave as anywhere else. "no, primero terminemos esto" is a no, whatever the
    classifier made of "terminemos"."""
    name, _ = common.latest_intent(tracker)
    if name in (CRISIS_INTENT, TOO_LONG_INTENT, "change_language", common.QUESTION_INTENT):
        return False
    text = common.latest_text(tracker)
    if stops_and_corrections.says_stop(text):
        return False
    return name != "stop" or answers.yes_no(text) is False


def answer(tracker: Tracker) -> Optional[bool]:
    """True to switch now, False to finish first, None when the reply says neither.

    Yes counts only as the `affirm` intent: the rule that leaves the form is keyed on it."""
    name, _ = common.latest_intent(tracker)
    if name == "affirm":
        return True
    if name == "deny" or answers.yes_no(common.latest_text(tracker)) is False:
        return False
    return None


def ask_again(tracker: Tracker) -> List[EventType]:
    return [SlotSet(PROPOSED_SLOT, tracker.get_slot(PROPOSED_SLOT)), SlotSet("requested_slot", QUESTION)]


def waiting(first: Optional[str], tracker: Tracker) -> Optional[str]:
    """`pending_request` with `first` before the requests already waiting."""
    parts = [first] if first else []
    parts += [p for p in (tracker.get_slot(PENDING_SLOT) or "").split(PENDING_SEPARATOR) if p]
    return PENDING_SEPARATOR.join(parts) or None


def finish_first(tracker: Tracker) -> List[EventType]:
    """"No": the new request waits until the form is done."""
    return [SlotSet(PENDING_SLOT, waiting(tracker.get_slot(PROPOSED_SLOT), tracker)), SlotSet(PROPOSED_SLOT, None)]


class ActionSwitchRequest(Action):
    """"Yes": leave the form, nothing filed, and take the new request next."""

    def name(self) -> Text:
        return "action_switch_request"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_switch_request")
        return common.leave_form() + [SlotSet(PENDING_SLOT, waiting(tracker.get_slot(PROPOSED_SLOT), tracker))]
