"""Live help (G1-G3, U3) and callbacks (C1-C4), and the handoff states.

G1: a topic a self-help tool serves goes to that tool (or the flow that files
it), not to a representative. G2/G3: in live-chat hours the conversation joins
the Tier 1 queue (Tier 2 for urgent appointments, U3) with a summary, and the
assistant pauses; out of hours a callback is offered instead.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, ConversationResumed, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.e_requests import reference_events
from actions.forms import INVALID, ApplicantFormValidation, contact_display
from contact_center import callback_times, contact, referrals, rules, stated, stops_and_corrections
from contact_center.storage import make_idempotency_key
from contact_center.timefmt import format_moment, format_window

NO_EMAIL = "none"  # C4: the applicant has no e-mail; the desk shows none is due
_PERSON_ASKED = frozenset({"request_live_agent", "request_callback"})
ANOTHER_AGENCY = "another_agency"  # G7: the topic is another agency's matter, referred, no representative
SUMMARY_MESSAGES = 5
SUMMARY_CHARS = 300

def conversation_summary(tracker: Tracker) -> str:
    """What the applicant wrote last, in their words, one message a line: the representative
    reads it first. The topic, receipt number and language are their own fields, which the
    desk labels in the representative's language (no English keys on a Spanish desk)."""
    asked = [
        " ".join((e.get("text") or "")[:SUMMARY_CHARS].split())
        for e in tracker.events
        if e.get("event") == "user" and (e.get("text") or "").strip() and not (e.get("text") or "").startswith("/")
    ][-SUMMARY_MESSAGES:]
    return "\n".join(f"- {text}" for text in asked)


def next_opening(now: datetime, language: Text) -> Text:
    """When live chat next opens (G3), as the applicant reads a time."""
    return format_moment(rules.next_live_chat_opening(now), language)


def route_to_live(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    decision: rules.Decision,
    topic: Optional[str],
) -> List[Dict[Text, Any]]:
    """Acts on `rules.live_route` (G2, G3, U3): queue and pause, or offer a callback (C1-C4)."""
    now = common.now()
    urgent = decision.outcome is rules.Outcome.TIER2_REVIEW or bool(decision.details.get("urgent"))
    route = rules.live_route(now, decision.outcome, urgent)
    if not set(route.rule_ids) <= set(decision.rule_ids):
        # A flow's own decision sent the applicant here (R2, X5...): the route's rules (G3's
        # hours, C1-C4's callback) are decided now, so the audit log shows them too.
        common.log_decision(tracker, route, {"topic": topic}, "live_route")
    language = common.current_language(tracker)
    events: List[Dict[Text, Any]] = [SlotSet("urgent", urgent), SlotSet("topic", topic)]
    if route.details["channel"] == "live_chat":
        tier = route.details["tier"]
        entry = common.store().enqueue_live(
            conversation_id=tracker.sender_id,
            tier=tier,
            language=language,
            topic=topic,
            receipt_number=tracker.get_slot("receipt_number"),
            summary=conversation_summary(tracker),
            now=now,
        )
        position = common.store().queue_position(entry.id) or 1
        for response in route.tell:
            dispatcher.utter_message(response=response, queue_position=position)
        common.custom(dispatcher, {"handoff": {"state": "waiting", "tier": tier, "position": position}})
        # Listening from here: the next message (a crisis, G6, is still answered while
        # paused) then follows action_listen, as the rules expect.
        return events + [SlotSet("next_step", "live_queue"), ConversationPaused(), ActionExecuted("action_listen")]
    opening = next_opening(now, language)
    for response in route.tell:
        dispatcher.utter_message(response=response, next_opening=opening)
    return events + [SlotSet("next_step", "offer_callback")]


# The request each self-help form serves, by form (the e-Request form's by its request type).
_FORM_TOPICS = {"case_status_form": "check_case_status", "reschedule_form": "reschedule_appointment",
                "expedite_form": "request_expedite", "emergency_form": "report_emergency"}
_E_REQUEST_TOPICS = rules.REQUEST_TYPE_TOPICS


def request_under_way(tracker: Tracker) -> Optional[str]:
    """G1: a person asked for in the middle of a self-help request ("oiga mejor comuniqueme con
    una persona" at the reschedule's receipt question) is asked about that request: it is
    finished here, with what was said kept (test set 6: the reschedule was dropped for the
    queue). Only once: asked for again after that, the topic question decides as for anyone."""
    form = common.form_under_way(tracker)
    topic = _E_REQUEST_TOPICS.get(tracker.get_slot("request_type") or "") if form == "e_request_form" else _FORM_TOPICS.get(form or "")
    if topic is None or common.ran_before(tracker, "action_live_help"):
        return None
    return topic


class ValidateLiveHelpForm(ApplicantFormValidation):
    """Asks what the applicant needs, so G1 can send self-help topics to self-help."""

    own_topics = tuple(common.SERVICE_INTENTS)
    # What they need is told in their own words: a story that reads like a question's topic
    # ("i got a letter that says my case was reopened and i dont understand what it means")
    # is the topic, not a question to answer; a question put as a question is still answered.
    free_text_slots = ("live_topic",)

    def name(self) -> Text:
        return "validate_live_help_form"

    async def extract_live_topic(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if self.just_activated(tracker):  # "a live agent about my case EAC..." says its topic
            entities = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
            topic = stated.live_topic_stated(common.latest_text(tracker), "receipt_number" in entities) \
                or request_under_way(tracker)
            return {"live_topic": topic} if topic else {}
        if not self.requested(tracker, "live_topic") or self.leaving(tracker):
            return {}
        name, confidence = common.latest_intent(tracker)
        if name in _PERSON_ASKED and stated.person_insisted(common.latest_text(tracker)) \
                and not common.asked_just_before(tracker, "utter_live_topic_needed"):
            # "just put me with a PERSON please" at the topic question: no topic yet (G1), asked once
            # more with the reason; asked for again after that, the person is given.
            return {"live_topic": INVALID + "topic"}
        if name == "change_address" and stated.mailed_to_wrong_place(common.latest_text(tracker)):
            return {"live_topic": "other"}  # a filing sent to the wrong place: no self-help serves it
        if name == "notice_not_received" and stated.letter_came(common.latest_text(tracker)):
            return {"live_topic": "other"}  # "i got a letter saying i missed my biometrics": it came
        if name in ("notice_not_received", "card_not_received") and stated.case_sent_on(common.latest_text(tracker)):
            return {"live_topic": "other"}  # "the NVC says uscis never sent them the case": no mail, a person
        if stated.petitioner_died(common.latest_text(tracker)):
            return {"live_topic": "other"}  # what becomes of a case whose petitioner died: a person (test set 15)
        if stated.someone_elses_mail(common.latest_text(tracker)) or stated.records_mixed_up(common.latest_text(tracker)):
            return {"live_topic": "other"}  # another person's letter in my envelope: no self-help serves it
        if referrals.topic_referred(common.latest_text(tracker)):
            return {"live_topic": ANOTHER_AGENCY}  # G7, not a USCIS representative
        if name in common.SERVICE_INTENTS and confidence >= common.SWITCH_CONFIDENCE:
            return {"live_topic": name}  # G1: a self-help topic only when it is clear; else a person
        if not common.latest_text(tracker).strip():
            return {"live_topic": INVALID}
        return {"live_topic": "other"}

    def validate_live_topic(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value == INVALID + "topic":
            dispatcher.utter_message(response="utter_live_topic_needed")
            return {"live_topic": None}
        if value == INVALID:
            dispatcher.utter_message(response="utter_ask_live_topic")
            return {"live_topic": None}
        return {"live_topic": value}


class ActionLiveHelp(Action):
    """G1-G3: self-help first; then Tier 1 live chat in hours, or a callback."""

    def name(self) -> Text:
        return "action_live_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        topic = tracker.get_slot("live_topic") or "other"
        if topic == ANOTHER_AGENCY:
            text = common.latest_text(tracker)
            agency = referrals.only_another_agency(text)
            decision = rules.not_a_uscis_matter(agency, other_agencies=referrals.agencies_for(text))
            common.tell(dispatcher, decision)
            # Nothing waits after a referral: listen (no rule follows this path; the core fallback would
            # otherwise answer "say it another way" and rewind the decision).
            return common.record(tracker, decision, {"agency": agency}, "live_help") + [
                SlotSet("live_topic", None), FollowupAction("action_listen")]
        flow = rules.self_help_flow(topic)
        now = common.now()
        if flow is not None:
            decision = rules.live_help(now, self_service_available=True)
            events = common.record(tracker, decision, {"topic": topic, "flow": flow}, "live_help")
            if flow in ("case_status", "e_request", "change_address") or common.form_under_way(tracker):
                dispatcher.utter_message(response="utter_self_service_first")
            return events + [SlotSet("live_topic", None), SlotSet("next_step", flow)]
        if tracker.get_slot("wants_callback") or topic == "request_callback":
            # The callback form records the decision (C1-C4) once the numbers are given.
            opening = next_opening(now, common.current_language(tracker))
            for response in rules.callback_asked(now):
                dispatcher.utter_message(response=response, next_opening=opening)
            return [SlotSet("live_topic", None), SlotSet("topic", topic), SlotSet("next_step", "callback")]
        decision = rules.live_help(now, self_service_available=False)
        events = common.record(tracker, decision, {"topic": topic}, "live_help")
        return events + [SlotSet("live_topic", None)] + route_to_live(dispatcher, tracker, decision, topic)


def _said(text: str, field: str):
    found = contact.contact_said(text)
    return (list(found.phone_numbers) if field == "phone_numbers" else found.email) or None if found else None


class ValidateCallbackForm(ApplicantFormValidation):
    """C3: one or more phone numbers; C4: an e-mail for after two missed calls; C5: a
    preferred time; then confirmed."""

    own_topics = ("request_callback", "request_live_agent")
    answer_readers = {
        # "as early as they can" answers when to call; read as a question, it got the appeals answer (test set 7)
        "callback_time": lambda t: callback_times.preferred_window(common.latest_text(t), common.now()),
    }
    confirm_slot = "callback_confirmed"
    correctable = ("phone_numbers",)
    correction_readers = {"phone_numbers": lambda text, t: _said(text, "phone_numbers")}
    fact_readers = {  # "call me back at 404 555 0161" said before the form started (C3)
        "phone_numbers": lambda text, t: _said(text, "phone_numbers"),
        "callback_email": lambda text, t: _said(text, "email"),
        "callback_time": lambda text, t: callback_times.window_told(text, common.now()),
    }

    def name(self) -> Text:
        return "validate_callback_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        # An e-mail given earlier in the conversation (an e-Request) is not asked again.
        if tracker.get_slot("email"):
            return [s for s in domain_slots if s != "callback_email"]
        return domain_slots

    async def extract_phone_numbers(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "phone_numbers") or self.leaving(tracker):
            return {}
        numbers = contact.find_phone_numbers(common.latest_text(tracker)[:2000])
        return {"phone_numbers": numbers or INVALID}

    def validate_phone_numbers(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if isinstance(value, list) and value:
            return {"phone_numbers": value, "contact": contact_display(tracker.get_slot("email"), value)}
        dispatcher.utter_message(response="utter_phone_invalid")
        return {"phone_numbers": None}

    async def extract_callback_email(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "callback_email") or self.leaving(tracker):
            return {}
        text = common.latest_text(tracker)[:500]
        found = contact.parse_contact(text)
        if found.email:
            return {"callback_email": found.email}
        name, _ = common.latest_intent(tracker)
        if name == "deny" or contact.declines_email(text):
            return {"callback_email": NO_EMAIL}
        return {"callback_email": INVALID}

    def validate_callback_email(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value == NO_EMAIL:
            return {"callback_email": NO_EMAIL}
        if isinstance(value, str) and value != INVALID:
            return {"callback_email": value, "email": value}
        dispatcher.utter_message(response="utter_callback_email_invalid")
        return {"callback_email": None}

    async def extract_callback_time(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "callback_time") or self.leaving(tracker):
            return {}
        chosen = callback_times.preferred_window(common.latest_text(tracker), common.now())
        if chosen == callback_times.ANY:
            return {"callback_time": callback_times.ANY}
        if chosen is None:
            return {"callback_time": INVALID}
        return {"callback_time": f"{chosen[0].isoformat()}|{chosen[1].isoformat()}"}

    def validate_callback_time(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        language = common.current_language(tracker)
        if value == callback_times.ANY:
            return {"callback_time": value, "callback_when": ""}
        if not isinstance(value, str) or "|" not in value:
            dispatcher.utter_message(response="utter_callback_time_unclear")
            return {"callback_time": None}
        now = common.now()
        start, end = (datetime.fromisoformat(part) for part in value.split("|", 1))
        window, why = rules.preferred_callback_window(now, bool(tracker.get_slot("urgent")), start, end)
        if window is None:
            if why == "after_deadline":
                _, deadline = rules.callback_window(now, bool(tracker.get_slot("urgent")))
                dispatcher.utter_message(response="utter_callback_time_too_late", due_by=format_moment(deadline, language))
            else:
                dispatcher.utter_message(response="utter_callback_time_outside_hours")
            return {"callback_time": None}
        return {
            "callback_time": f"{window[0].isoformat()}|{window[1].isoformat()}",
            "callback_when": format_window(window[0], window[1], language),
        }

    async def extract_callback_confirmed(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        return self.extract_confirmation(tracker)

    def validate_callback_confirmed(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_confirmation(value, dispatcher)


def _preferred_window(tracker: Tracker):
    value = tracker.get_slot("callback_time")
    if not isinstance(value, str) or "|" not in value:
        return None
    start, end = value.split("|", 1)
    return datetime.fromisoformat(start), datetime.fromisoformat(end)


class ActionSubmitCallback(Action):
    """C1-C5: record the callback with its window, preferred time and two-attempt plan; give the reference."""

    def name(self) -> Text:
        return "action_submit_callback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        now = common.now()
        urgent = bool(tracker.get_slot("urgent"))
        numbers = tracker.get_slot("phone_numbers") or []
        topic = tracker.get_slot("topic") or "other"
        preferred = _preferred_window(tracker)
        email = tracker.get_slot("email")
        email = email if email and email != NO_EMAIL else None
        decision = rules.callback_request(now, urgent, preferred, email_given=bool(email))
        first, deadline = decision.details["window_start"], decision.due_by
        callback = common.store().create_callback(
            idempotency_key=make_idempotency_key(tracker.sender_id, "callback", topic, ",".join(numbers)),
            conversation_id=tracker.sender_id,
            phone_numbers=numbers,
            language=common.current_language(tracker),
            urgent=urgent,
            topic=topic,
            receipt_number=tracker.get_slot("receipt_number"),
            summary=conversation_summary(tracker),
            email=email,
            window_start=first,
            due_by=deadline,
            preferred_window=preferred,
            now=now,
        )
        events = common.record(
            tracker, decision,
            {"urgent": urgent, "topic": topic, "phone_count": len(numbers), "preferred_window": bool(preferred),
             "email_given": bool(callback.email)},
            "callback",
        )
        language = common.current_language(tracker)
        # C5: a window that ends before the C1 deadline is the "by" the applicant is told.
        by = min(deadline, preferred[1]) if preferred else deadline
        for response in decision.tell:
            dispatcher.utter_message(
                response=response, reference=callback.reference, due_by=format_moment(by, language),
                callback_when=format_window(*preferred, language) if preferred else "", email=email or "",
            )
        events += reference_events(dispatcher, "callback", callback.reference)
        return events + common.reset_form_slots()


def _live_entry(tracker: Tracker):
    return common.store().live_entry_for(tracker.sender_id)


class ActionHandoffWaiting(Action):
    """A message while in line for a representative (rasa_extensions/paused_conversations.py).

    Never silence: the message is kept for the representative (it is in the
    conversation) and acknowledged with the place in line; "cancel" (or "stop", a goodbye,
    "me tengo que ir, otro dia") leaves the line and the assistant answers again.
    """

    def name(self) -> Text:
        return "action_handoff_waiting"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        name, _ = common.latest_intent(tracker)
        text = common.latest_text(tracker)
        # The classifier's "stop" alone does not take a place in line away: "never moved it", told for
        # the representative, had left the line (test set 7 after session 18).
        stop_said = name == "stop" and stops_and_corrections.says_stop(text)
        leaving = stop_said or name == common.GOODBYE_INTENT or stops_and_corrections.leaves_the_line(text)
        if entry is None or entry.status != "waiting" or leaving:
            if entry is not None and entry.status == "waiting":
                common.store().set_live_status(entry.id, "closed", now=common.now())
            dispatcher.utter_message(response="utter_left_queue")
            common.custom(dispatcher, {"handoff": {"state": "returned"}})
            return [ConversationResumed(), SlotSet("next_step", None)]
        position = common.store().queue_position(entry.id) or 1
        dispatcher.utter_message(response="utter_handoff_waiting_ack", queue_position=position)
        common.custom(dispatcher, {"handoff": {"state": "waiting", "tier": entry.tier, "position": position}})
        return []


def _representative(tracker: Tracker) -> Dict[Text, Any]:
    """Who took the conversation (slot `representative`, set by the desk)."""
    value = tracker.get_slot("representative")
    if not isinstance(value, dict):
        return {"name": None, "tier": 1}
    tier = value.get("tier") if value.get("tier") in (1, 2) else 1
    return {"name": str(value.get("name") or "")[:60] or None, "tier": tier}


def _waiting_update(dispatcher: CollectingDispatcher, entry, response: Text) -> None:
    position = common.store().queue_position(entry.id) or 1
    # The state first: the widget labels what follows by it (the assistant speaks, not the representative).
    common.custom(dispatcher, {"handoff": {"state": "waiting", "tier": entry.tier, "position": position}})
    dispatcher.utter_message(response=response, queue_position=position)


class ActionHandoffConnected(Action):
    """A representative took the conversation at the desk (desk/live.py runs this)."""

    def name(self) -> Text:
        return "action_handoff_connected"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        if entry is not None and entry.status != "connected":
            common.store().set_live_status(entry.id, "connected", now=common.now())
        who = _representative(tracker)
        name = who["name"] or ("Un representante" if common.current_language(tracker) == "es" else "A representative")
        # The applicant sees a person and what they are, not the contact center's tier names.
        response = "utter_handoff_connected_officer" if who["tier"] == 2 else "utter_handoff_connected"
        dispatcher.utter_message(response=response, representative_name=name)
        common.custom(dispatcher, {"handoff": {"state": "connected", "representative": who}})
        # From now on the applicant's messages are for the representative, not acknowledged.
        return [SlotSet("next_step", "with_representative"), ActionExecuted("action_listen")]


class ActionHandoffEscalated(Action):
    """G2: Tier 1 moved the conversation to the Tier 2 queue; the applicant waits again."""

    def name(self) -> Text:
        return "action_handoff_escalated"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        if entry is None or entry.status != "waiting":
            return []
        _waiting_update(dispatcher, entry, "utter_handoff_escalated")
        # In line again: the applicant's messages are acknowledged with the place in line.
        return [SlotSet("next_step", "live_queue"), SlotSet("representative", None), ActionExecuted("action_listen")]


class ActionHandoffPosition(Action):
    """The line moved: the applicant sees their new place (run by the desk)."""

    def name(self) -> Text:
        return "action_handoff_position"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        if entry is None or entry.status != "waiting":
            return []
        _waiting_update(dispatcher, entry, "utter_handoff_position")
        return [ActionExecuted("action_listen")]


def _back_to_assistant(dispatcher: CollectingDispatcher, response: Text) -> List[Dict[Text, Any]]:
    common.custom(dispatcher, {"handoff": {"state": "returned"}})  # first, as in _waiting_update
    dispatcher.utter_message(response=response)
    # Run from the desk (HTTP API), not in a turn: the tracker must end listening,
    # or the applicant's next message matches no rule.
    return (
        [ConversationResumed(), SlotSet("representative", None), SlotSet("next_step", None)]
        + common.reset_form_slots()
        + [ActionExecuted("action_listen")]
    )


class ActionHandoffReturned(Action):
    """The representative handed the conversation back to the assistant."""

    def name(self) -> Text:
        return "action_handoff_returned"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        if entry is not None:
            common.store().set_live_status(entry.id, "returned_to_bot", now=common.now())
        return _back_to_assistant(dispatcher, "utter_handoff_returned")


class ActionHandoffClosed(Action):
    """The representative closed the chat; the assistant answers whatever comes next."""

    def name(self) -> Text:
        return "action_handoff_closed"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        entry = _live_entry(tracker)
        if entry is not None:
            common.store().set_live_status(entry.id, "closed", now=common.now())
        return _back_to_assistant(dispatcher, "utter_handoff_closed")
