"""What every action shares: the conversation's language, the clock, the store,
the Case Status client, and recording a rules `Decision` (audit log + slots).

The store and the client are created on first use, not at import, so the action
server starts with no database or network work and tests can point them elsewhere.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Any, Dict, Iterable, List, Mapping, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from contact_center import answers, appointments, clock, contact, language, question_topics, receipts, referrals, stated, stops_and_corrections
from contact_center.messages import CRISIS_INTENT, INTERRUPTED_SLOT, SERVICE_INTENTS, TOO_LONG_INTENT
from contact_center.rules import Decision

logger = logging.getLogger(__name__)

# A question from the knowledge base (data/questions.yml answers it, then the form goes on).
QUESTION_INTENT = "faq"
BOT_QUESTION_INTENT = "bot_challenge"
# Intents a form never takes as an answer: the rules in data/ handle them.
CONTROL_INTENTS = frozenset({"stop", "change_language"})
GOODBYE_INTENT = "goodbye"
SWITCH_CONFIDENCE = 0.80
ASIDE_CONFIDENCE = 0.60
# A question is its own class, far from any answer a form asks for (measured on form
# answers typed as people type them: none above 0.4), so a lower bar is safe.
QUESTION_CONFIDENCE = 0.60
BOT_QUESTION_CONFIDENCE = 0.80  # "r u a real person or a bot" is put as no question
ASKED_SELECTOR_CONFIDENCE = 0.7  # as nlu_components/knowledge_questions.py FALLBACK_SELECTOR_CONFIDENCE
# "cancel", "never mind", "olvídelo, ya no", "English please": control words are few.
FREE_TEXT_CONTROL_WORDS = 4

_lock = threading.Lock()
_store = None
_client = None


def current_language(tracker: Tracker) -> str:
    """The conversation's language, whatever the slot holds."""
    value = tracker.get_slot("language")
    return value if value in language.SUPPORTED else language.DEFAULT


def now() -> datetime:
    return clock.now()


def store():
    """The contact center's store (SQLite by default; CONTACT_CENTER_DB_URL), migrated once."""
    global _store
    with _lock:
        if _store is None:
            from contact_center.storage import ContactCenterStore

            candidate = ContactCenterStore()
            candidate.migrate()
            _store = candidate
        return _store


def case_status_client():
    """The Case Status API client, configured from the environment (local service by default)."""
    global _client
    with _lock:
        if _client is None:
            from contact_center.case_status import CaseStatusClient

            _client = CaseStatusClient.from_config()
        return _client


def latest_intent(tracker: Tracker) -> tuple:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def _before_latest_message(tracker: Tracker) -> List[Dict[str, Any]]:
    """The conversation's events before the applicant's latest message."""
    events = tracker.events
    latest_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    return events[:latest_user]


def slot_before_latest_message(tracker: Tracker, name: str) -> Any:
    """`name`'s value before the applicant's latest message (Rasa's slot mappings may
    already have changed it on this turn)."""
    events = _before_latest_message(tracker)
    value = None
    for event in events:
        if event.get("event") == "slot" and event.get("name") == name:
            value = event.get("value")
        elif event.get("event") == "restart":
            value = None
    return value


def last_value_set(tracker: Tracker, name: str) -> Any:
    """The latest value `name` was set to in this conversation before the latest message, though
    the slot was cleared since (an earlier request's answer, referred back to), or None."""
    value = None
    for event in _before_latest_message(tracker):
        if event.get("event") == "slot" and event.get("name") == name and event.get("value") not in (None, ""):
            value = event.get("value")
        elif event.get("event") == "restart":
            value = None
    return value


def form_under_way(tracker: Tracker) -> Optional[str]:
    """The form that was asking its question when the applicant's latest message came, if any."""
    events = _before_latest_message(tracker)
    loop = None
    for event in events:
        if event.get("event") == "active_loop":
            loop = event.get("name")
        elif event.get("event") in ("restart", "session_started"):
            loop = None
    return loop


def ran_before(tracker: Tracker, action: str) -> bool:
    """True when `action` ran earlier in this conversation (before the latest message)."""
    events = _before_latest_message(tracker)
    return any(e.get("event") == "action" and e.get("name") == action for e in events)


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _replied_since_user(events: List[Dict[Text, Any]], response: str) -> bool:
    """True when `response` is among the bot events after the last user event of `events`."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == response:
            return True
    return False


def asked_just_before(tracker: Tracker, response: str) -> bool:
    """True when `response` was among the assistant's replies to the applicant's previous message."""
    events = tracker.events
    latest_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    return _replied_since_user(events[:latest_user], response)


def said_this_turn(tracker: Tracker, response: str) -> bool:
    """True when `response` is already among the assistant's replies to the latest message."""
    return _replied_since_user(tracker.events, response)


def previous_text(tracker: Tracker) -> str:
    """The applicant's message before the latest one ("" when there is none)."""
    texts = [e.get("text") or "" for e in _before_latest_message(tracker) if e.get("event") == "user"]
    return texts[-1] if texts else ""


def referred_just_before(tracker: Tracker) -> Optional[str]:
    """The agency the reply to the previous message referred to (G7), if it did."""
    from contact_center.referrals import AGENCIES

    return next((a for a in AGENCIES if asked_just_before(tracker, f"utter_refer_{a}")), None)


def said_lately(tracker: Tracker, response: str, events: int = 40) -> bool:
    """True when the assistant gave `response` among the conversation's last `events` events."""
    return any(e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == response
               for e in tracker.events[-events:])


def request_texts(tracker: Tracker) -> List[str]:
    """The applicant's messages of the request under way, latest first: back to the
    previous decision, so facts said in the opening message (a phone number with "call
    me back", an e-mail with "my card never came") are found when the form that needs
    them starts. A decision taken on this very turn (live help sending a self-help topic
    to its form) does not end the request, nor one that offered a next step the applicant
    is now taking (chat closed: "would you like a callback?" - "si por favor")."""
    texts, before = _this_exchange_and_the_one_before(tracker)
    if before and appointment_of_the_exchange_before(texts[0], before):
        texts += before
    interrupted = tracker.get_slot(INTERRUPTED_SLOT)
    if interrupted:  # a request a crisis cut short, taken up again: its facts still count
        texts.append(interrupted)
    return texts


def _this_exchange_and_the_one_before(tracker: Tracker) -> Tuple[List[str], List[str]]:
    """The applicant's messages back to the previous decision, latest first, and those of the
    exchange before it (empty when a request was filed or scheduled in between)."""
    exchanges: List[List[str]] = [[]]
    offered = False  # a next step was offered on the turn being walked back through
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            exchanges[-1].append(event.get("text") or "")
            offered = False
        elif kind == "slot" and event.get("name") == "next_step" and event.get("value"):
            offered = True
        elif kind == "slot" and (event.get("name") == "outcome" or (event.get("name") == "reference" and event.get("value"))) \
                and exchanges[-1] and not offered:
            # a decision taken, or a request filed or scheduled (its reference): an earlier request
            if len(exchanges) == 2 or (event.get("name") == "reference" and event.get("value")):
                break
            exchanges.append([])
    return exchanges[0], (exchanges[1] if len(exchanges) == 2 else [])


def appointment_of_the_exchange_before(latest: str, before: List[str]) -> bool:
    """True when the latest message asks to move the appointment the exchange before was about:
    "actually can i just reschedule it instead" after "what do i bring to my biometrics? its dec 9";
    "then can u move the uscis interview instead" after a court referral that named it (test set 16:
    the type, moment and covid told then were asked again)."""
    if appointments.moved_by_pronoun(latest):
        return True
    kind = appointments.named_in(latest)
    return bool(kind) and stated.move_asked(latest) and any(appointments.named_in(t) == kind for t in before)


def question_topic_named(tracker: Tracker) -> bool:
    """The knowledge base's second key (contact_center/question_topics.py): the selector is
    sure of the topic and the message names it ("wait whats premium processing?")."""
    from contact_center.question_topics import SELECTOR_CONFIDENCE, names_topic

    from contact_center.question_topics import asks_a_question

    selector = ((tracker.latest_message.get("response_selector") or {}).get(QUESTION_INTENT) or {}).get("response") or {}
    topic = str(selector.get("intent_response_key") or "").partition("/")[2]
    text = latest_text(tracker)
    # Put as a question ("una pregunta, si no me contestan antes, tengo que ir de todos modos?",
    # selector 0.89), a less sure selector will do, as for a message nothing else placed.
    needed = ASKED_SELECTOR_CONFIDENCE if asks_a_question(text) else SELECTOR_CONFIDENCE
    return float(selector.get("confidence") or 0.0) >= needed and names_topic(text, topic)


def wants_to_leave(tracker: Tracker, own_topics: Iterable[str] = (), free_text: bool = False) -> bool:
    """True when the latest message is `stop`, a language switch, a confident new topic or question.

    The form then takes nothing from it, so the rules for leaving or switching apply.
    A free-text answer (a description, contact details) can be about anything, so
    there only a short, explicit stop or language switch counts ("cancel",
    "español por favor"), or a confident question put as a question, never what a
    description happens to talk about.
    """
    name, confidence = latest_intent(tracker)
    if name == CRISIS_INTENT:
        return True  # G6: whatever was asked, the rules in data/crisis.yml answer this first
    if name == TOO_LONG_INTENT:
        return True  # not an answer: data/bounded_input.yml says so and asks again
    if name == GOODBYE_INTENT and answers.says_goodbye(latest_text(tracker)):
        return True  # "ok thanks bye": data/form_control.yml leaves the form, nothing filed
    if name == BOT_QUESTION_INTENT and (confidence >= BOT_QUESTION_CONFIDENCE or (
            confidence >= QUESTION_CONFIDENCE and question_topics.asks_a_question(latest_text(tracker)))):
        return True  # "oiga, usted es un robot?": answered, then the question again (data/questions.yml)
    if free_text:
        text = latest_text(tracker)
        if name == "change_language" and language.requested_language(text):
            return True  # "can we switch to english" names the language: not a description
        if name in CONTROL_INTENTS:
            return (text.startswith("/") or len(text.split()) <= FREE_TEXT_CONTROL_WORDS
                    or (name == "stop" and (stops_and_corrections.starts_with_stop(text)
                                            or stops_and_corrections.closing_stop(text)
                                            or stops_and_corrections.stop_in_a_later_sentence(text))))
        # Another agency asked about in the middle of the message ("hold on, can you guys call the DMV and
        # tell them its on the way? they wont renew my license without it"): referred, then asked again
        # (test set 12: read as a contact answer).
        if name == "out_of_scope" and "?" in text and referrals.agency_for(text) is not None \
                and contact.contact_said(text) is None:
            return True
        # A question put instead of the answer ("antes de eso, cual es el numero de uscis?") is
        # answered, then asked again; one that carries contact details is the answer.
        if not question_topics.asks_a_question(text) or contact.contact_said(text) is not None:
            return False
        if name == QUESTION_INTENT:
            return confidence >= QUESTION_CONFIDENCE
        return name == "out_of_scope" and referrals.agency_for(text) is not None
    if name in CONTROL_INTENTS:
        return True
    if name == QUESTION_INTENT:
        return confidence >= QUESTION_CONFIDENCE or question_topic_named(tracker)
    if name == "out_of_scope":
        # G7: another agency's matter ("the dmv wont renew my license") is answered, then
        # the form goes on (data/other_agencies.yml); any other off-topic text is an answer.
        text = latest_text(tracker)
        return (confidence >= SWITCH_CONFIDENCE or question_topics.asks_a_question(text)) and \
            referrals.agency_for(text) is not None
    return name in SERVICE_INTENTS and name not in set(own_topics) and confidence >= switch_confidence(tracker)


def switch_confidence(tracker: Tracker) -> float:
    """How sure a new request must be to leave a form's question: less when the message opens
    by putting the question aside ("y tambien mi permiso de trabajo nunca me llego", 0.79)."""
    return ASIDE_CONFIDENCE if stops_and_corrections.opens_aside(latest_text(tracker)) else SWITCH_CONFIDENCE


# What a form's question asks for, told by the message itself ("ok found it in my online
# account EAC1234567890"): such a message is the answer, whatever else it mentions.
_ANSWER_READERS = {
    "receipt_number": lambda text: bool(receipts.find(text)),
    "contact": lambda text: contact.contact_said(text) is not None,
    "callback_email": lambda text: contact.contact_said(text) is not None,
    "phone_numbers": lambda text: contact.contact_said(text) is not None,
}


def answers_the_question_asked(tracker: Tracker) -> bool:
    """True when the latest message, not put as a question, holds what the form asked for."""
    reader = _ANSWER_READERS.get(tracker.get_slot("requested_slot") or "")
    text = latest_text(tracker)
    return reader is not None and not question_topics.asks_a_question(text) and reader(text)


def offered_request_type(tracker: Tracker) -> Optional[str]:
    """The e-Request type an offer named (S4), as it was before the latest message's intent
    mapping set slot `request_type` again."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == "request_type":
            return event.get("value")
    return None


def log_decision(tracker: Tracker, decision: Decision, facts: Mapping[str, Any], kind: str) -> None:
    """Log a decision for audit only: one taken inside a form (a receipt number refused, S2)
    is not the conversation's outcome, which the form's own decision sets."""
    try:
        store().record_decision(tracker.sender_id, decision, facts, when=now(), request_kind=kind)
    except Exception:  # the applicant still gets the answer; the log shows what failed
        logger.exception("could not record a %s decision for %s", kind, tracker.sender_id)


def record(
    tracker: Tracker,
    decision: Decision,
    facts: Mapping[str, Any],
    kind: str,
) -> List[Dict[str, Any]]:
    """Log the decision for audit and keep its outcome and rule ids in the conversation."""
    log_decision(tracker, decision, facts, kind)
    return changed_slots(tracker, outcome=decision.outcome.value, rule_ids=list(decision.rule_ids))


def changed_slots(tracker: Tracker, **values: Any) -> List[Dict[str, Any]]:
    """SlotSet events for the values that differ from the conversation's.

    Every event is stored and replayed on each later turn: repeating a value the
    slot already holds only makes long conversations slower.
    """
    return [SlotSet(name, value) for name, value in values.items() if tracker.get_slot(name) != value]


def tell(dispatcher: CollectingDispatcher, decision: Decision, **values: Any) -> None:
    """Send the responses the decision names, in order, filled with `values`."""
    for key in decision.tell:
        dispatcher.utter_message(response=key, **values)


def custom(dispatcher: CollectingDispatcher, payload: Dict[str, Any]) -> None:
    """A machine-readable message for the chat page (handoff state, references).

    Wrapped in `data`: Rasa's socket channel emits a custom message's keys as the
    arguments of `bot_uttered` (`data` is the payload the page receives); the REST
    channel returns it as `{"custom": {"data": ...}}`.
    """
    dispatcher.utter_message(json_message={"data": payload})



FORM_SLOTS = (
    "proposed_request",  # a new request asked about mid-form (actions/topic_switch.py)
    "form_classification",
    "callback_email",
    "callback_time",
    "callback_when",
    "problem_details",
    "e_request_confirmed",
    "appointment_type",
    "appointment_time",
    "appointment_at",
    "times_rescheduled",
    "has_covid",
    "reschedule_confirmed",
    "expedite_criterion",
    "expedite_documents",
    "expedite_confirmed",
    "in_danger",
    "needs_appointment",
    "urgent_reason",
    "live_topic",
    "callback_confirmed",
    "invalid_receipt_number",
    "next_step",
    INTERRUPTED_SLOT,
)


def leave_form() -> List[Dict[str, Any]]:
    """Leave the active form with nothing filed (a stop, or a switch to a new request)."""
    return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_form_slots()]


def reset_form_slots(keep: Optional[Iterable[str]] = None) -> List[Dict[str, Any]]:
    """Clear the answers of a finished or cancelled flow so the next one asks afresh.

    The receipt number and contact details are kept: the applicant gave them
    once and sees them again in any confirmation.
    """
    keep = set(keep or ())
    return [SlotSet(name, None) for name in FORM_SLOTS if name not in keep]
