"""Actions for language switching (G4) and out-of-scope referrals (G7)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import current_language
from contact_center import language, referrals, rules
from contact_center.messages import is_blank


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
        # The chat page's switch sends the language as an entity.
        entities = [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == "language"]
        asked = language.requested_language(text)
        if asked is None and text.startswith("/") and entities and entities[-1] in language.SUPPORTED:
            asked = entities[-1]
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
            return []
        agency = referrals.agency_for(text)
        decision = rules.not_a_uscis_matter(agency)
        events = common.record(tracker, decision, {"agency": agency}, "out_of_scope") if agency else []
        common.tell(dispatcher, decision)
        if tracker.active_loop_name:
            return []  # inside a form (data/other_agencies.yml): the form's own decision is still to come
        return events


class ActionCancelForm(Action):
    """`stop` inside a form: leave it cleanly; nothing is filed."""

    def name(self) -> Text:
        return "action_cancel_form"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_form_cancelled")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + common.reset_form_slots()


class ActionDeclineOffer(Action):
    """"No" to an offered e-Request or callback: nothing is filed."""

    def name(self) -> Text:
        return "action_decline_offer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("next_step", None)]


class ActionChangeAddress(Action):
    """O1: change of address is self-service online; no live help for it (G1)."""

    def name(self) -> Text:
        return "action_change_address"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        decision = rules.change_of_address()
        events = common.record(tracker, decision, {}, "change_address")
        common.tell(dispatcher, decision)
        return events + [SlotSet("topic", "change_address"), SlotSet("next_step", None)]
