"""Keeps each message's parse to what the assistant reads, so the tracker stays small.

Every user event in the tracker stores its parse, and Rasa 3.6 loads and replays every
event of the session for each message: a long conversation's turns slow down with the
tracker's size (benchmarks/results/latency.md, "One long conversation"). The
ResponseSelector's output alone was about 2 KB a message: the chosen answer's texts in
both languages (the domain holds them; actions/questions.py answers through the
rulebook) and a ranking of ten answers nobody reads. What stays: the chosen answer's
key, confidence and response name (what Rasa's retrieval action and
actions/questions.py read), and the first INTENT_RANKING_KEEP intents (the admin inbox
shows the runner-up intents). Decisions are not changed: this runs last.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
)
from rasa.shared.nlu.constants import INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from nlu_components.base import UnconfiguredComponent

INTENT_RANKING_KEEP = 5


def trimmed_selector(selector: Dict[str, Any]) -> Dict[str, Any]:
    """The ResponseSelector's output without the ranking and the answer's texts."""
    trimmed: Dict[str, Any] = {}
    for key, value in selector.items():
        if isinstance(value, dict) and RESPONSE_SELECTOR_PREDICTION_KEY in value:
            prediction = {k: v for k, v in (value[RESPONSE_SELECTOR_PREDICTION_KEY] or {}).items()
                          if k != RESPONSE_SELECTOR_RESPONSES_KEY}
            trimmed[key] = {k: v for k, v in value.items()
                            if k not in (RESPONSE_SELECTOR_RANKING_KEY, RESPONSE_SELECTOR_PREDICTION_KEY)}
            trimmed[key][RESPONSE_SELECTOR_PREDICTION_KEY] = prediction
        else:
            trimmed[key] = value
    return trimmed


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ParseTrimmer(UnconfiguredComponent):
    """Drops what no one reads from each parse (see the module's docstring)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            selector = message.get(RESPONSE_SELECTOR_PROPERTY_NAME)
            if isinstance(selector, dict):
                message.set(RESPONSE_SELECTOR_PROPERTY_NAME, trimmed_selector(selector), add_to_output=True)
            ranking = message.get(INTENT_RANKING_KEY)
            if isinstance(ranking, list) and len(ranking) > INTENT_RANKING_KEEP:
                message.set(INTENT_RANKING_KEY, ranking[:INTENT_RANKING_KEEP], add_to_output=True)
        return messages
