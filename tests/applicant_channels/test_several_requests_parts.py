"""applicant_channels/several_requests.py: a cut part's parse handed to the rulebook as it came, and
the mark that a request cut short by a crisis reply waits (G6)."""
from __future__ import annotations

import asyncio

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import ActiveLoop, ConversationPaused, SlotSet

from applicant_channels.several_requests import SeveralRequests, _part
from contact_center.messages import CONVERSATION_LANGUAGE_KEY, INTERRUPTED_SLOT, RESUMABLE_KEY


def test_the_parse_intent_confidence_and_selected_topic_reach_the_rulebook():
    parsed = {"intent": {"name": "faq", "confidence": 0.86},
              "response_selector": {"faq": {"response": {"intent_response_key": "faq/rfe"}}}}
    part = _part("what is an rfe", parsed)
    assert (part.intent, part.confidence, part.topic) == ("faq", 0.86, "faq/rfe")


def test_a_part_with_no_parse_is_no_request():
    part = _part("hmm", None)
    assert part.intent is None and not part.request


class _Agent:
    """The agent's one part the channel reads here: the conversation's tracker."""

    def __init__(self, *events):
        from rasa.shared.core.slots import TextSlot
        from rasa.shared.core.trackers import DialogueStateTracker

        self.tracker = DialogueStateTracker("applicant", slots=[TextSlot(INTERRUPTED_SLOT, mappings=[{}]),
                                                                TextSlot("language", mappings=[{}])])
        for event in events:
            self.tracker.update(event)
        self.processor = self

    async def get_tracker(self, sender_id):
        return self.tracker


def _marked(agent, metadata=None):
    message = UserMessage("can we finish the card thing", sender_id="applicant", metadata=metadata)
    return asyncio.run(SeveralRequests()._marked(agent, message))


def test_G6_a_message_is_marked_while_a_request_a_crisis_cut_short_waits():
    assert _marked(_Agent(SlotSet(INTERRUPTED_SLOT, "my green card never came EAC1234567890"))) == {RESUMABLE_KEY: True}


def test_G6_no_mark_with_nothing_waiting_inside_a_form_or_with_a_representative_and_never_from_the_client():
    waiting = SlotSet(INTERRUPTED_SLOT, "my green card never came")
    assert _marked(_Agent(), {RESUMABLE_KEY: True, "source": "widget"}) == {"source": "widget"}
    assert _marked(_Agent(waiting, ActiveLoop("e_request_form"))) == {}
    assert _marked(_Agent(waiting, ConversationPaused())) == {}


def test_G4_each_message_carries_the_conversations_language_and_never_the_clients():
    assert _marked(_Agent(SlotSet("language", "es"))) == {CONVERSATION_LANGUAGE_KEY: "es"}
    assert _marked(_Agent(), {CONVERSATION_LANGUAGE_KEY: "es"}) == {}  # a new conversation: the text decides
