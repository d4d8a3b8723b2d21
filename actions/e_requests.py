"""e-Requests (rules E1-E3): receipt number, details and contact, confirmed, then filed.

E1: filed with the receipt number, contact details and the problem. E2: routed
to the office that holds the case. E3: filing is idempotent: the key is the
conversation, the request type and the receipt number, so a retry, a double
send or a reconnect returns the same reference.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.forms import INVALID, ApplicantFormValidation, contact_said
from contact_center import answers, rules, stated, stops_and_corrections
from contact_center.storage import make_idempotency_key

E_REQUEST_INTENTS = tuple(topic for topic, flow in rules.SELF_HELP_FLOWS.items() if flow == "e_request")


# Details told with the request itself are not asked again (E1): the accommodation named
# ("I will need an ASL interpreter"), the typo with what it should say ("dice Ramires y es Ramirez").
# The missing-mail requests (intent and request type alike), each with the kind of mail it is about.
_MISSING_MAIL = {rules.RequestType.CARD_NOT_RECEIVED.value: "card", rules.RequestType.NOTICE_NOT_RECEIVED.value: "notice"}
_DETAILS_READERS = {
    "accommodation": stated.accommodation_stated,
    "typographic_error": stated.typo_stated,
    # "mi green card nunca llego, ... la tenian que mandar a 300 s main st": which one, and where to.
    "card_not_received": stated.missing_mail_stated,
    "notice_not_received": stated.missing_mail_stated,
    "outside_processing_time": stated.late_case_stated,
}


def _details_told(text: str, tracker: Tracker):
    reader = _DETAILS_READERS.get(tracker.get_slot("request_type") or "")
    return reader(text) if reader else None


def _bare_answer(text: str, tracker: Tracker) -> bool:
    """A bare yes (or, where a description is asked for, a bare no) said as the details. The
    question for a late case takes "no" ("If not, just say no")."""
    words = text.split()
    said = answers.short_answer(text)
    if said is True:
        return len(words) <= 2  # "si", "yes please"
    return said is False and len(words) == 1 and tracker.get_slot("request_type") != "outside_processing_time"


_ADDRESS_FIXED = re.compile(r"\b(address|direccion|should have gone|should of gone|debio llegar|deberia llegar|tenia que llegar|"
                            r"wrong|mal|equivocad\w*|moved|mude|me cambie)\b")


def _address_corrected(text: str, tracker: Tracker):
    """E1: where a missing card or notice should have gone, corrected at the confirmation ("wait
    the address is wrong, I moved in august. it should have gone to 910 Birch Rd Apt 12"): added
    to the details, never replacing them (test set 6: asked about as a change of address)."""
    if tracker.get_slot("request_type") not in _MISSING_MAIL or not stated.missing_mail_stated(text) \
            or not _ADDRESS_FIXED.search(answers.clean(text)):
        return None
    before = tracker.get_slot("problem_details") or ""
    return f"{before} ({text.strip()})" if before else text.strip()


class ValidateERequestForm(ApplicantFormValidation):
    """Validates `e_request_form` (E1): receipt (S2), details, contact, confirmation."""

    own_topics = E_REQUEST_INTENTS
    confirm_slot = "e_request_confirmed"
    files_on_receipt = True
    correctable = ("receipt_number", "problem_details", "contact")
    details_slot = "problem_details"
    fact_readers = {"contact": contact_said, "problem_details": _details_told}
    correction_readers = {
        "problem_details": lambda text, t: stops_and_corrections.named_correction(text, "problem_details")
        or _address_corrected(text, t),
        "contact": contact_said,
    }

    def name(self) -> Text:
        return "validate_e_request_form"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        """E1: the summary to confirm opens with what kind of request it is, so a request
        started by a misunderstanding can be caught before it is filed (hand test: an
        accommodation request filed for someone asking about a late case)."""
        asked_before = tracker.get_slot("requested_slot")
        offered = self.offer_taken(tracker)
        if offered:
            tracker.slots["request_type"] = offered
        events = await super().run(dispatcher, tracker, domain)
        if offered:
            events = [SlotSet("request_type", offered)] + list(events)
        if any(e.get("event") == "action_execution_rejected" for e in events):
            return events
        # rasa-sdk has put this turn's slots into the tracker; Rasa asks the first one missing.
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        asked_next = next((slot for slot in required if tracker.slots.get(slot) is None), None)
        # Not when the request's first message brought everything: the rule that started the form said it
        # (test set 14: "I'll file a request for a disability accommodation" twice in one reply).
        if asked_next == self.confirm_slot and asked_before != self.confirm_slot and not common.said_this_turn(tracker, "utter_e_request_start"):
            dispatcher.utter_message(response="utter_e_request_start")
        return events

    def offer_taken(self, tracker: Tracker):
        """S4: the request offered, when the reply to the offer started this form as another
        request the classifier was unsure of ("y pueden hacer algo? ya pasaron 2 meses" read
        as an accommodation at 0.66): the applicant is answering the offer, not asking anew."""
        if not self.just_activated(tracker) or tracker.get_slot("next_step") != "offer_e_request":
            return None
        name, confidence = common.latest_intent(tracker)
        offered = common.offered_request_type(tracker)
        if name in _MISSING_MAIL and offered in _MISSING_MAIL and stated.still_missing(common.latest_text(tracker)) \
                and stated.mail_named(common.latest_text(tracker)) in (None, _MISSING_MAIL[offered]):
            # "nope still nothing, i check the mailbox every day" to the card's offer: that card,
            # though the words read as a missing notice (test set 4: a notice was filed).
            return offered
        if name == "affirm" or confidence >= common.SWITCH_CONFIDENCE:
            return None
        return offered

    async def extract_problem_details(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        found = self.extract_free_text("problem_details", tracker)
        details = found.get("problem_details")
        if isinstance(details, str) and not details.startswith(INVALID) and _bare_answer(details, tracker):
            return {"problem_details": INVALID + "empty"}  # "si" is no description of the problem
        return found

    def validate_problem_details(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_free_text("problem_details", value, dispatcher)

    async def extract_e_request_confirmed(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        return self.extract_confirmation(tracker)

    def validate_e_request_confirmed(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_confirmation(value, dispatcher)


def file_request(
    tracker: Tracker, request_type: rules.RequestType, details: str, decision: rules.Decision
):
    """E1-E3: store the request once and return it (with its reference)."""
    receipt = tracker.get_slot("receipt_number")
    key = make_idempotency_key(tracker.sender_id, request_type, receipt)
    return common.store().file_service_request(
        idempotency_key=key,
        conversation_id=tracker.sender_id,
        request_type=request_type,
        language=common.current_language(tracker),
        receipt_number=receipt,
        email=tracker.get_slot("email"),
        phone_numbers=tracker.get_slot("phone_numbers") or [],
        details=details,
        now=common.now(),
    )


def reference_events(dispatcher: CollectingDispatcher, kind: str, reference: str) -> List[Dict[Text, Any]]:
    common.custom(dispatcher, {"reference": {"kind": kind, "id": reference}})
    return [SlotSet("reference", reference)]


class ActionFileERequest(Action):
    """E1-E3: decide by the rules, file once, give the reference."""

    def name(self) -> Text:
        return "action_file_e_request"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        request_type = rules.RequestType(tracker.get_slot("request_type") or "outside_processing_time")
        receipt = tracker.get_slot("receipt_number")
        decision = rules.e_request(request_type, receipt)
        facts = {"request_type": request_type, "receipt_number": receipt,
                 "has_email": bool(tracker.get_slot("email")),
                 "phone_count": len(tracker.get_slot("phone_numbers") or [])}
        events = common.record(tracker, decision, facts, "e_request")
        if decision.outcome is not rules.Outcome.E_REQUEST:
            common.tell(dispatcher, decision, invalid_receipt_number=receipt)
            return events + common.reset_form_slots()
        request = file_request(tracker, request_type, tracker.get_slot("problem_details") or "", decision)
        common.tell(dispatcher, decision, reference=request.reference)
        events += reference_events(dispatcher, "e_request", request.reference)
        return events + [SlotSet("topic", request_type.value)] + common.reset_form_slots()
