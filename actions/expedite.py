"""Expedite requests (rules X1-X5).

X4 first: where premium processing is available for the form, point to it.
X2: at least one criterion must be claimed. X3: documentation is required; what
the applicant will provide is recorded. X1/X5: filed with its own reference and
relayed to the office holding the case, which decides (G5).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.e_requests import file_request, reference_events
from actions.forms import INVALID, ApplicantFormValidation, contact_said
from contact_center import answers, form_types, rules, stated, stops_and_corrections

UNKNOWN_FORM = "unknown"


def _classification_said(form, text):
    """X4's category said unasked ("the OPT one", "based on my pending green card")."""
    found = answers.form_classification(form, text)
    return None if found == rules.UNKNOWN_CLASSIFICATION else found


class ValidateExpediteForm(ApplicantFormValidation):
    own_topics = ("request_expedite",)
    answer_readers = {
        "form_type": lambda t: form_types.said(common.latest_text(t)),
        "form_classification": lambda t: answers.form_classification(t.get_slot("form_type"), common.latest_text(t)),
        "expedite_criterion": lambda t: answers.expedite_criterion(common.latest_text(t)),
    }
    confirm_slot = "expedite_confirmed"
    files_on_receipt = True
    correctable = ("expedite_criterion", "receipt_number", "expedite_documents", "contact")
    details_slot = "expedite_documents"
    correction_readers = {
        "expedite_documents": lambda text, t: stops_and_corrections.named_correction(text, "expedite_documents"),
        "contact": contact_said,
    }
    changed_answer_readers = {
        "form_type": lambda text, t: form_types.changed_to(text, common.slot_before_latest_message(t, "form_type")),
    }
    depends_on = {"form_type": ("form_classification",)}
    fact_readers = {  # in this order: the category is read for the form just read
        "form_type": lambda text, t: form_types.said(text),
        "form_classification": lambda text, t: _classification_said(t.get_slot("form_type"), text),
        "expedite_criterion": lambda text, t: stated.expedite_criterion_stated(text),
        "expedite_documents": lambda text, t: stated.documents_stated(text),
        "contact": contact_said,
    }

    def name(self) -> Text:
        return "validate_expedite_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        form = tracker.get_slot("form_type")
        # X4: the category is asked only where premium processing depends on it (I-765, I-539).
        slots = [s for s in domain_slots if s != "form_classification" or form in rules.PREMIUM_PROCESSING_BY_CLASSIFICATION]
        if form in rules.PREMIUM_PROCESSING_BY_CLASSIFICATION and tracker.get_slot("form_classification") is None:
            return slots  # asked next: nothing else is decided yet
        if rules.premium_processing(form, tracker.get_slot("form_classification")):
            return slots[: slots.index("expedite_criterion")]  # X4: nothing more to ask
        if tracker.get_slot("expedite_criterion") == answers.NONE:
            return slots[: slots.index("expedite_criterion") + 1]  # X2: not eligible
        return slots

    async def extract_form_type(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "form_type") or self.leaving(tracker):
            return {}
        if any(e.get("entity") == "form_type" for e in tracker.latest_message.get("entities", [])):
            return {}
        text = common.latest_text(tracker)
        if answers.dont_know(text):
            return {"form_type": UNKNOWN_FORM}
        return {"form_type": form_types.said(text) or INVALID}

    def validate_form_type(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value == UNKNOWN_FORM:
            return {"form_type": value}
        normalised = form_types.normalise(value) if isinstance(value, str) and value != INVALID else None
        if normalised:
            return {"form_type": normalised}
        dispatcher.utter_message(response="utter_form_type_not_understood")
        return {"form_type": None}

    async def extract_form_classification(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "form_classification") or self.leaving(tracker):
            return {}
        found = answers.form_classification(tracker.get_slot("form_type"), common.latest_text(tracker))
        return {"form_classification": found or INVALID}

    def validate_form_classification(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if isinstance(value, str) and value != INVALID:
            return {"form_classification": value}
        dispatcher.utter_message(response="utter_form_classification_not_understood")
        return {"form_classification": None}

    async def extract_expedite_criterion(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "expedite_criterion") or self.leaving(tracker):
            return {}
        for entity in tracker.latest_message.get("entities", []):
            if entity.get("entity") == "expedite_criterion":
                return {"expedite_criterion": entity.get("value")}
        found = answers.expedite_criterion(common.latest_text(tracker))
        return {"expedite_criterion": found or INVALID}

    def validate_expedite_criterion(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value in rules.EXPEDITE_CRITERIA or value == answers.NONE:
            return {"expedite_criterion": value}
        dispatcher.utter_message(response="utter_expedite_criterion_not_understood")
        return {"expedite_criterion": None}

    async def extract_expedite_documents(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        return self.extract_free_text("expedite_documents", tracker)

    def validate_expedite_documents(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_free_text("expedite_documents", value, dispatcher)

    async def extract_expedite_confirmed(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        return self.extract_confirmation(tracker)

    def validate_expedite_confirmed(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_confirmation(value, dispatcher)


class ActionSubmitExpedite(Action):
    """X1-X5: decide by the rules; file when eligible."""

    def name(self) -> Text:
        return "action_submit_expedite"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        form = tracker.get_slot("form_type")
        criterion = tracker.get_slot("expedite_criterion")
        documents = tracker.get_slot("expedite_documents")
        criteria = [criterion] if criterion in rules.EXPEDITE_CRITERIA else []
        classification = tracker.get_slot("form_classification")
        decision = rules.expedite(criteria, form_type=form if form != UNKNOWN_FORM else None, documents=documents,
                                  classification=classification)
        facts = {"form_type": form, "classification": classification, "criteria": criteria, "documents": documents,
                 "receipt_number": tracker.get_slot("receipt_number")}
        events = common.record(tracker, decision, facts, "expedite")
        if decision.outcome is rules.Outcome.E_REQUEST:
            details = f"criterion: {criterion}; documents: {documents}"
            request = file_request(tracker, rules.RequestType.EXPEDITE, details, decision)
            common.tell(dispatcher, decision, reference=request.reference, expedite_documents=documents)
            events += reference_events(dispatcher, "e_request", request.reference)
        else:
            common.tell(dispatcher, decision, form_type=form)
        return events + common.reset_form_slots()
