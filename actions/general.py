"""Actions for language switching (G4) and out-of-scope referrals (G7)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.case_status import status_meaning
from actions.common import current_language
from contact_center import form_types, language, receipts, referrals, rules, stated
from contact_center.messages import is_blank
from contact_center.timefmt import RELATIVE_LABELS, format_moment, format_window, relative_label


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
            # "another language please": the other one of the two from the one spoken so far (the
            # slot may already follow this very message: "cambiar idioma" had switched back to English).
            before = common.slot_before_latest_message(tracker, "language") or language.DEFAULT
            asked = language.SPANISH if before == language.ENGLISH else language.ENGLISH
        common.log_decision(tracker, rules.switch_language(asked), {"language": asked}, "language")
        return [SlotSet("language", asked)] + said_again_in(tracker, asked)


def said_again_in(tracker: Tracker, lang: str) -> List[Dict[Text, Any]]:
    """Moments already shown to the applicant (the appointment, the callback window), in the
    new language: a summary after a switch is all in one language (hand test: "su entrevista
    del Friday, December 4 at 1:00 PM Eastern")."""
    events: List[Dict[Text, Any]] = []
    shown, moment = tracker.get_slot("appointment_time"), tracker.get_slot("appointment_at")
    if shown and moment:
        kind = next((k for k, labels in RELATIVE_LABELS.items() if shown in labels.values()), None)
        label = relative_label(kind, lang) if kind else format_moment(datetime.fromisoformat(moment), lang)
        events.append(SlotSet("appointment_time", label))
    window = tracker.get_slot("callback_time")
    if tracker.get_slot("callback_when") and isinstance(window, str) and "|" in window:
        start, end = (datetime.fromisoformat(part) for part in window.split("|", 1))
        events.append(SlotSet("callback_when", format_window(start, end, lang)))
    return events


class ActionRepeatOffer(Action):
    """G4: after a language switch, the offer still open (S4 e-Request, G3 callback) is
    made again in the new language, so a yes or no still has its question."""

    def name(self) -> Text:
        return "action_repeat_offer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        response = rules.open_offer(tracker.get_slot("next_step"), tracker.get_slot("request_type"))
        if not response or tracker.active_loop_name:  # an offer already taken has its form asking
            return []
        # "si, pero en español por favor": the switch asked for with the yes to the offer takes it
        # (test set 11: the offer was made again, and the yes lost).
        if language.yes_with_switch(tracker.latest_message.get("text") or ""):
            taken = OFFER_TAKEN.get(tracker.get_slot("next_step"))
            if taken:
                for said in taken[:-1]:
                    dispatcher.utter_message(response=said)
                return [FollowupAction(taken[-1])]
        dispatcher.utter_message(response=response)
        return []


# What a yes to each offer starts (data/form_control.yml: "offered e-Request accepted", "offered
# callback accepted"): the responses said first, then the form.
OFFER_TAKEN = {
    "offer_e_request": ("utter_e_request_start", "e_request_form"),
    "offer_callback": ("callback_form",),
}


class ActionOutOfScope(Action):
    """G7: say who handles a non-USCIS matter, or what the assistant can do.

    Also the answer to low-confidence understanding (nlu_fallback) and to a message about
    a USCIS matter it could not place, which are asked to say it another way, and to a
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
        meaning = status_meaning(tracker)  # "what does that mean?" right after a status (S1)
        if meaning is not None:
            events = common.record(tracker, meaning, {"question": "status_meaning"}, "question")
            common.tell(dispatcher, meaning)
            return [] if tracker.active_loop_name else events
        agency = referrals.agency_for(text)
        name, _ = common.latest_intent(tracker)
        just_referred = None if receipts.find(text) or form_types.find(text) else common.referred_just_before(tracker)
        decision = rules.not_a_uscis_matter(agency, maybe_uscis=name == "nlu_fallback" or referrals.names_a_uscis_matter(text),
                                            chars=len(text), other_agencies=referrals.agencies_for(text),
                                            just_referred=just_referred,
                                            offer=None if tracker.active_loop_name else rules.open_offer(
                                                tracker.get_slot("next_step"), tracker.get_slot("request_type")))
        events = common.record(tracker, decision, {"agency": agency}, "out_of_scope") if agency else []
        common.tell(dispatcher, decision)
        if tracker.active_loop_name:
            return []  # inside a form (data/other_agencies.yml): the form's own decision is still to come
        return events


class ActionCancelForm(Action):
    """`stop` or a goodbye inside a form: leave it cleanly; nothing is filed."""

    def name(self) -> Text:
        return "action_cancel_form"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        name, _ = common.latest_intent(tracker)
        dispatcher.utter_message(response="utter_form_left_goodbye" if name == common.GOODBYE_INTENT else "utter_form_cancelled")
        return common.leave_form()


class ActionDeclineOffer(Action):
    """"No" to an offered e-Request or callback: nothing is filed."""

    def name(self) -> Text:
        return "action_decline_offer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        missing_mail = (rules.RequestType.CARD_NOT_RECEIVED.value, rules.RequestType.NOTICE_NOT_RECEIVED.value)
        if (tracker.get_slot("next_step") == "offer_e_request" and tracker.get_slot("request_type") in missing_mail
                and stated.still_missing(common.latest_text(tracker))):
            # S4: "nope, never got it" answers "If it hasn't arrived, shall I file?" with a yes.
            dispatcher.utter_message(response="utter_e_request_start")
            return [FollowupAction("e_request_form")]
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
        # An offer made with the answer before it in the same message (S4 with a status, then "y tambien cambiar
        # el address") still waits for its yes or no (test set 15: "no gracias" then "mejor si" filed nothing).
        offer_waits = str(tracker.get_slot("next_step") or "").startswith("offer_") and common.asked_just_before(
            tracker, "utter_offer_e_request_" + str(tracker.get_slot("request_type") or ""))
        return events + [SlotSet("topic", "change_address")] + ([] if offer_waits else [SlotSet("next_step", None)])
