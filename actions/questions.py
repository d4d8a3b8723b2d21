"""Questions about a case and the contact center, answered from the knowledge base.

Rasa's ResponseSelector (config.yml, retrieval intent `faq`) picks the topic; the rulebook
(`rules.answer_question`) decides what is said and which rules it speaks for. Inside a form
the form then asks its question again (data/questions.yml), so nothing is lost.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.case_status import status_meaning
from contact_center import rules

RETRIEVAL_INTENT = "faq"


def selected_topic(tracker: Tracker) -> Optional[str]:
    """The topic the ResponseSelector chose for the latest message (`faq/<topic>`)."""
    selector = (tracker.latest_message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    key = ((selector.get("response") or {}).get("intent_response_key")) or ""
    prefix = RETRIEVAL_INTENT + "/"
    return key[len(prefix):] if key.startswith(prefix) else None


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if tracker.active_loop_name and common.answers_the_question_asked(tracker):
            return []  # the answer to the form's question, which the form takes next
        meaning = status_meaning(tracker)
        just_referred = common.referred_just_before(tracker)
        if meaning is not None:
            topic = "status_meaning"
            decision = meaning
        elif just_referred and common.latest_intent(tracker)[1] < common.SWITCH_CONFIDENCE \
                and not common.question_topic_named(tracker):
            # "pero ustedes son inmigracion, ayudenme a encontrarlo" right after ICE's referral: that
            # matter still, not a guessed topic (G7; test set 13 got the legal-help answer)
            topic = None
            decision = rules.not_a_uscis_matter(None, just_referred=just_referred)
        else:
            topic = selected_topic(tracker)
            decision = rules.answer_question(topic)
        events = common.record(tracker, decision, {"question": topic}, "question")
        common.tell(dispatcher, decision)
        if tracker.active_loop_name:
            return []  # the form's own decision is still to come: its slots are not touched
        return events
