"""G6 on every message: 911 (or 988) first, then stay with the applicant.

The crisis check (nlu_components/crisis_detector.py) marks the message; the
rules in data/crisis.yml run this action first, leaving any form (nothing
half-filed) and also while a representative has the conversation. The
decision comes from the rulebook and is recorded like every other.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common, topic_switch
from contact_center import crisis, resumed_answers, rules


def assessed_kinds(tracker: Tracker):
    """Kinds and hotlines the NLU check found; assessed again if the message carries none."""
    entities = tracker.latest_message.get("entities") or []
    kinds = [e.get("value") for e in entities if e.get("entity") == "crisis_kind"]
    support = [e.get("value") for e in entities if e.get("entity") == "crisis_support"]
    if not kinds:
        found = crisis.assess(common.latest_text(tracker))
        kinds = [k.value for k in found.kinds] or [crisis.Kind.DANGER.value]
        support = [s.value for s in found.support]
    return kinds, support


class ActionCrisis(Action):
    def name(self) -> Text:
        return "action_crisis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        kinds, support = assessed_kinds(tracker)
        decision = rules.crisis(kinds, support)
        facts = {"kinds": sorted(kinds), "support": sorted(support), "form": tracker.active_loop_name, "paused": tracker.is_paused()}
        events = common.record(tracker, decision, facts, "crisis")
        common.tell(dispatcher, decision)
        # A form is left with nothing half-filed (data/crisis.yml says so for every state);
        # a conversation waiting for a representative keeps its place and state.
        left_form = common.reset_form_slots() if tracker.active_loop_name else []
        if tracker.active_loop_name:
            left_form.append(SlotSet(common.INTERRUPTED_SLOT, interrupted_request(tracker)))
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + events + left_form


def interrupted_request(tracker: Tracker) -> Optional[str]:
    """The request under way, in the applicant's words, oldest first, without the crisis
    message itself: when they come back to it, the facts they gave are not asked again.
    A short answer carries its question's words ("no" to the COVID question: "no tengo covid")."""
    wanted = common.request_texts(tracker)[1:]
    earlier = [wanted.pop()] if tracker.get_slot(common.INTERRUPTED_SLOT) and wanted else []
    answered = _answers_with_questions(tracker)[:-1][-len(wanted):] if wanted else []
    language = tracker.get_slot("language") or "en"
    texts = earlier + [resumed_answers.restated(text, asked, language) for text, asked in answered]
    texts = [t for t in texts if t and not t.startswith("/")]
    joined = " ".join(" ".join(texts).split())[:MAX_INTERRUPTED_CHARS]
    return joined or None


MAX_INTERRUPTED_CHARS = 500


def _answers_with_questions(tracker: Tracker) -> List[tuple]:
    """Each applicant message, oldest first, with the slot the assistant had asked for then."""
    asked, pairs = None, []
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            asked = event.get("value")
        elif event.get("event") == "user":
            pairs.append((event.get("text") or "", asked))
    return pairs


class ActionResumeRequest(Action):
    """G6: "im safe now, can we finish the typo thing": the request the crisis reply cut
    short waits for the channel, which takes it up next in the applicant's own words
    (applicant_channels/several_requests.py), so the facts they gave are not asked again."""

    def name(self) -> Text:
        return "action_resume_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        interrupted = tracker.get_slot(common.INTERRUPTED_SLOT)
        if not interrupted:
            dispatcher.utter_message(response="utter_anything_else")
            return []
        return [SlotSet(topic_switch.PENDING_SLOT, topic_switch.waiting(interrupted, tracker)),
                SlotSet(common.INTERRUPTED_SLOT, None)]
