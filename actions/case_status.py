"""Case status (rules S1-S4): collect a valid receipt number, look it up, explain it.

S2: an invalid receipt number is never looked up. S3: when the service is down,
the online tools, never a live agent. S4: a late case or a card or notice that
should have arrived gets the matching e-Request offered.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.forms import ApplicantFormValidation, receipt_problem_response  # noqa: F401 (re-exported)
from contact_center import question_topics, rules
from contact_center.case_status import (
    CaseStatusError,
    CaseStatusUnavailable,
    ReceiptMalformed,
    ReceiptNotFound,
)
from contact_center.case_status.explanations import explanation_response
from contact_center.case_status.processing_times import mail_overdue, outside_processing_time

logger = logging.getLogger(__name__)


def status_meaning(tracker: Tracker) -> Optional[rules.Decision]:
    """S1: the status just given explained again, when the message asks what it means."""
    text = common.latest_text(tracker)
    return rules.status_meaning(tracker.get_slot("case_status_explained"), question_topics.asks_about_what_was_said(text),
                                common.said_lately(tracker, "utter_case_status_result", events=20))


class ValidateCaseStatusForm(ApplicantFormValidation):
    """Validates `case_status_form`: only a well-formed receipt number fills it (S2)."""

    own_topics = ("check_case_status",)

    def name(self) -> Text:
        return "validate_case_status_form"


def _lookup_result(error: Optional[CaseStatusError]) -> Optional[rules.LookupResult]:
    if error is None:
        return rules.LookupResult.FOUND
    if isinstance(error, ReceiptNotFound):
        return rules.LookupResult.NOT_FOUND
    if isinstance(error, ReceiptMalformed):
        return rules.LookupResult.MALFORMED
    return rules.LookupResult.UNAVAILABLE


def _look_up(receipt: Optional[str]) -> Tuple[Any, Optional[CaseStatusError]]:
    """The case, or the error the applicant is told about (S3: never an exception)."""
    try:
        return common.case_status_client().lookup(receipt), None
    except CaseStatusError as exc:  # not found, malformed (the API disagrees with S2), down
        return None, exc
    except Exception as exc:  # never leave the applicant without an answer (S3)
        logger.exception("case status lookup failed")
        return None, CaseStatusUnavailable(str(exc), receipt=receipt)


class ActionCaseStatus(Action):
    """S1: look the case up and explain it; S3 when the service fails; S4 offers."""

    def name(self) -> Text:
        return "action_case_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        receipt: Optional[str] = tracker.get_slot("receipt_number")
        lang = common.current_language(tracker)
        # The lookup (HTTP, with retries and backoff) and the audit write block: in a
        # thread, so the action server keeps serving other conversations meanwhile.
        case, error = await asyncio.to_thread(_look_up, receipt)
        return await asyncio.to_thread(self._answer, dispatcher, tracker, receipt, lang, case, error)

    def _answer(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        receipt: Optional[str],
        lang: str,
        case: Any,
        error: Optional[CaseStatusError],
    ) -> List[Dict[Text, Any]]:
        now = common.now()
        late = bool(case and outside_processing_time(case, now))
        overdue = mail_overdue(case, now) if case else None
        decision = rules.case_status(receipt, _lookup_result(error), late, overdue)
        facts = {"receipt_number": receipt, "lookup": _lookup_result(error), "outside_processing_time": late,
                 "mail_overdue": overdue, "title": case.title_en if case else None,
                 "error": type(error).__name__ if error else None}
        events = common.record(tracker, decision, facts, "case_status")
        events += common.changed_slots(tracker, invalid_receipt_number=None, topic="check_case_status")

        if error is not None:
            common.tell(dispatcher, decision, receipt_number=receipt)
            return events
        dispatcher.utter_message(
            response="utter_case_status_result", receipt_number=receipt, case_title=case.title(lang)
        )
        explained = explanation_response(case.title_en)
        events.append(SlotSet("case_status_explained", explained))
        if explained:
            dispatcher.utter_message(response=explained)
        else:
            dispatcher.utter_message(response="utter_case_status_description", case_description=case.description(lang))
        common.tell(dispatcher, decision)
        offer = decision.details.get("offer")
        if offer:
            events += [
                SlotSet("request_type", rules.RequestType(offer).value),
                SlotSet("next_step", "offer_e_request"),
            ]
        return events
