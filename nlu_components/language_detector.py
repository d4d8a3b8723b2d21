"""Rasa component that detects the language of each message (rule G4).

It runs first in the pipeline so that the tokenizer can pick the lemma table of
the right language. When a message carries a language it adds a `language`
entity, which fills the `language` slot; a neutral message ("ok", a receipt
number) adds none, so the slot keeps the conversation's language. The applicant
channels tell it that language (message metadata, applicant_channels/several_requests.py).
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from contact_center import language
from contact_center.messages import CONVERSATION_LANGUAGE_KEY
from nlu_components.base import UnconfiguredComponent

# Message attribute the tokenizer reads; always set, even for neutral messages.
DETECTED_LANGUAGE = "detected_language"
LANGUAGE_ENTITY = "language"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class LanguageDetector(UnconfiguredComponent, EntityExtractorMixin):
    """Adds the message's language as a `language` entity when the text shows one."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Tag training examples too, so the tokenizer lemmatises them in their language."""
        for example in training_data.training_examples:
            text = example.get(TEXT)
            if text:
                example.set(DETECTED_LANGUAGE, language.detect(text).language)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            decision = language.detect(text, (message.get("metadata") or {}).get(CONVERSATION_LANGUAGE_KEY))
            message.set(DETECTED_LANGUAGE, decision.language)
            if not decision.changed_by_message:
                continue
            entity = {
                "entity": LANGUAGE_ENTITY,
                "value": decision.language,
                "start": 0,
                "end": len(text),
                "confidence_entity": round(float(decision.confidence), 4),
                "extractor": self.__class__.__name__,
                "processors": [],
            }
            entity["additional_info"] = {"reason": decision.reason}
            message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages
