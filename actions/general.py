"""Actions for language switching (G4) and out-of-scope referrals (G7)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from contact_center import language, referrals
from contact_center.messages import is_blank


def current_language(tracker: Tracker) -> str:
    """The conversation's language, whatever the slot holds."""
    value = tracker.get_slot("language")
    return value if value in language.SUPPORTED else language.DEFAULT


class ActionChangeLanguage(Action):
    """G4: switch to the language the applicant asks for.

    The confirmation (`utter_language_changed`) follows in the rule, so that it
    is rendered after the slot has changed, in the new language.
    """

    def name(self) -> Text:
        return "action_change_language"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        asked = language.requested_language(text)
        if asked is None:
            # "another language please": offer the other one of the two.
            asked = (
                language.SPANISH
                if current_language(tracker) == language.ENGLISH
                else language.ENGLISH
            )
        return [SlotSet("language", asked)]


class ActionOutOfScope(Action):
    """G7: say who handles a non-USCIS matter, or what the assistant can do.

    Also the answer to low-confidence understanding (nlu_fallback) and to a
    blank message, which gets "I didn't get any text" instead.
    """

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if is_blank(text):
            dispatcher.utter_message(response="utter_empty_message")
        else:
            dispatcher.utter_message(response=referrals.response_for(text))
        return []
