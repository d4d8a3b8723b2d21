"""Case status (rules S1, S2): collect a valid receipt number, then answer.

S2: a receipt number attempt that fails the check is never looked up; the
applicant is told what is wrong and asked again.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from contact_center import receipts


def receipt_problem_response(problem: receipts.Problem) -> str:
    """The domain response that tells the applicant what is wrong (S2)."""
    return f"utter_receipt_{problem.value}"


class ValidateCaseStatusForm(FormValidationAction):
    """Validates `case_status_form`: only a well-formed receipt number fills it (S2)."""

    def name(self) -> Text:
        return "validate_case_status_form"

    def validate_receipt_number(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Keep a valid receipt number in normalised form; explain an invalid one."""
        result = receipts.check(slot_value if isinstance(slot_value, str) else None)
        if result.valid:
            return {"receipt_number": result.normalised, "invalid_receipt_number": None}
        dispatcher.utter_message(
            response=receipt_problem_response(result.problem),
            invalid_receipt_number=result.normalised or (slot_value or ""),
        )
        return {"receipt_number": None, "invalid_receipt_number": result.normalised}


class ActionCaseStatus(Action):
    """S1: the case status is self-service; answer with the receipt number collected."""

    def name(self) -> Text:
        return "action_case_status"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        receipt: Optional[str] = tracker.get_slot("receipt_number")
        dispatcher.utter_message(response="utter_case_status_self_service", receipt_number=receipt)
        return [SlotSet("invalid_receipt_number", None)]
