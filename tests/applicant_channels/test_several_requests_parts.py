"""applicant_channels/several_requests.py: a cut part's parse handed to the rulebook as it came."""
from __future__ import annotations

from applicant_channels.several_requests import _part


def test_the_parse_intent_confidence_and_selected_topic_reach_the_rulebook():
    parsed = {"intent": {"name": "faq", "confidence": 0.86},
              "response_selector": {"faq": {"response": {"intent_response_key": "faq/rfe"}}}}
    part = _part("what is an rfe", parsed)
    assert (part.intent, part.confidence, part.topic) == ("faq", 0.86, "faq/rfe")


def test_a_part_with_no_parse_is_no_request():
    part = _part("hmm", None)
    assert part.intent is None and not part.request
