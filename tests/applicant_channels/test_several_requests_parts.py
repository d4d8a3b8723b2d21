"""applicant_channels/several_requests.py: what each cut part of a message is taken as."""
from __future__ import annotations

import pytest

from applicant_channels.several_requests import _part


def _parsed(intent, topic=None, confidence=0.86):
    parsed = {"intent": {"name": intent, "confidence": confidence}}
    if topic:
        parsed["response_selector"] = {"faq": {"response": {"intent_response_key": f"faq/{topic}"}}}
    return parsed


@pytest.mark.parametrize("text, topic, question", [
    ("tengo un caso pendiente", "legal_help", False),  # a detail, neither asked nor naming its topic
    ("i have a case pending", "legal_help", False),
    ("do i need a lawyer for this?", "legal_help", True),  # put as a question
    ("what is an rfe", "rfe", True),
    ("the rfe deadline", "rfe", True),  # names its topic
])
def test_a_part_read_as_a_question_is_one_only_when_asked_or_naming_its_topic(text, topic, question):
    part = _part(text, _parsed("faq", topic))
    assert (part.intent == "faq") is question
    assert part.request is question
