"""Rule-based entities that must be exact: receipt numbers, form types, appointment types.

A statistical extractor cannot guarantee that `EAC-21-900-12345` comes out as
`EAC2190012345`; these rules can, and they recognise a failed attempt at a
receipt number (`invalid_receipt_number`) so that the applicant is told what is
wrong (rule S2) instead of meeting a silent fallback.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from contact_center import appointments, form_types, receipts
from nlu_components.base import UnconfiguredComponent


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class ApplicantEntityExtractor(UnconfiguredComponent, EntityExtractorMixin):
    """Extracts `receipt_number`, `invalid_receipt_number`, `form_type`, `appointment_type`."""

    @classmethod
    def required_components(cls) -> List[type]:
        return [Tokenizer]

    def _entity(self, name: str, value: str, start: int, end: int) -> Dict[Text, Any]:
        return {
            "entity": name,
            "value": value,
            "start": start,
            "end": end,
            "confidence_entity": 1.0,
            "extractor": self.__class__.__name__,
        }

    def extract(self, message: Message) -> List[Dict[Text, Any]]:
        """All rule-based entities of one message, in text order."""
        text = message.get(TEXT) or ""
        found: List[Dict[Text, Any]] = []
        receipt_spans = []
        for mention in receipts.find(text):
            name = "receipt_number" if mention.check.valid else "invalid_receipt_number"
            found.append(self._entity(name, mention.check.normalised, mention.start, mention.end))
            receipt_spans.append((mention.start, mention.end))
        for form in form_types.find(text):
            if any(s <= form.start < e for s, e in receipt_spans):
                continue
            found.append(self._entity("form_type", form.value, form.start, form.end))
        tokens = message.get(TOKENS_NAMES[TEXT]) or []
        for token in tokens:
            kind = appointments.appointment_type(token.text, getattr(token, "lemma", None))
            if kind:
                found.append(self._entity("appointment_type", kind, token.start, token.end))
        place = appointments.place_named(text)  # "APPLICATION SUPPORT CENTER" on a pasted notice
        if place and not any(e["entity"] == "appointment_type" for e in found):
            found.append(self._entity("appointment_type", place[0], place[1], place[2]))
        found.sort(key=lambda e: e["start"])
        return found

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            extracted = self.extract(message)
            if extracted:
                extracted = self.add_extractor_name(extracted)
                message.set(
                    ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True
                )
        return messages
