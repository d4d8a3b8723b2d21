"""Marks messages with nothing in them (empty, spaces, punctuation) as `nlu_fallback`.

A classifier always picks some intent, even for "" or "   "; such a message must
instead get "I didn't get any text" in the conversation's language.
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from contact_center.messages import is_blank
from nlu_components.base import UnconfiguredComponent


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class BlankMessageClassifier(UnconfiguredComponent):
    """Overrides the intent of a blank message with `nlu_fallback`."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if is_blank(message.get(TEXT)):
                intent = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages
