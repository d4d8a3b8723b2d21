"""An answer sent in pieces, as people do on a phone: "my birth date says" / "march 7 1990 but i
was born july 3 1990", "my cell is 602 555" / "0185". One rule for every form: a first piece that
cannot stand alone is not taken as the answer; the applicant is told to go on (free text) or what
is missing (contact details), the question is not put again over them, and their next message is
read together with the piece before it (forms.py)."""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from contact_center import answers


def piece_before(tracker: Tracker, slot: str) -> str:
    """The applicant's previous message when the reply to it was `slot`'s question or "Go on":
    the first piece of the answer the latest message may complete ("" otherwise)."""
    if common.asked_just_before(tracker, "utter_go_on") or common.asked_just_before(tracker, f"utter_ask_{slot}"):
        return common.previous_text(tracker)
    return ""


def unfinished_piece(tracker: Tracker, slot: str) -> bool:
    """True when the latest message, sent while `slot`'s question waited, stops mid-sentence and
    completes no piece before it."""
    if common.slot_before_latest_message(tracker, "requested_slot") != slot or tracker.get_slot(slot):
        return False
    return answers.unfinished(common.latest_text(tracker)) and not answers.unfinished(piece_before(tracker, slot))


class _AskUnlessGoingOn(Action, metaclass=ABCMeta):
    """Rasa's form asks for a slot with `action_ask_<slot>` when the domain has one. After a first
    piece the question would interrupt the applicant, so they read "Go on, I'm reading." alone.
    Abstract, so that rasa-sdk registers only the subclasses."""

    slot: str

    @abstractmethod
    def name(self) -> Text:
        ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        going_on = unfinished_piece(tracker, self.slot)
        dispatcher.utter_message(response="utter_go_on" if going_on else f"utter_ask_{self.slot}")
        return []


class ActionAskProblemDetails(_AskUnlessGoingOn):
    slot = "problem_details"

    def name(self) -> Text:
        return "action_ask_problem_details"


class ActionAskExpediteDocuments(_AskUnlessGoingOn):
    slot = "expedite_documents"

    def name(self) -> Text:
        return "action_ask_expedite_documents"
