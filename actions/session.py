"""A new session keeps the conversation's language and nothing personal.

Rasa starts a new session after `session_expiration_time` idle minutes (domain/common.yml)
or on "New conversation"; its default carries every slot over, so the next person
at a shared computer would see the previous applicant's receipt number, e-mail and
phone numbers in a confirmation. Only `CARRIED_OVER` slots survive here.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

CARRIED_OVER = ("language",)


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        events: List[Dict[Text, Any]] = [SessionStarted()]
        for name in CARRIED_OVER:
            value = tracker.get_slot(name)
            if value is not None:
                events.append(SlotSet(name, value))
        return events + [ActionExecuted("action_listen")]
