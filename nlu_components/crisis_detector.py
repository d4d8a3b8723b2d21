"""G6: the crisis check on every message, whatever the classifier thought (last in the pipeline).

When `contact_center.crisis` (its patterns, then its learned classifier, fitted
when the component is created) finds danger to life or thoughts of self-harm, the
message's intent becomes `crisis` (confidence 1.0; the classifier's ranking is
kept below it, so the admin inbox still sees what it guessed), with a
`crisis_kind` entity per kind and a `crisis_support` entity per hotline. The
rules in data/crisis.yml then answer it first, inside a form too, and
rasa_extensions/paused_conversations.py lets it through while a representative
has the conversation.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

from contact_center import crisis, crisis_classifier
from contact_center.messages import CRISIS_INTENT
from nlu_components import override_intent
from nlu_components.base import UnconfiguredComponent, typed_text

KIND_ENTITY = "crisis_kind"
SUPPORT_ENTITY = "crisis_support"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class CrisisDetector(UnconfiguredComponent):
    """Overrides the intent with `crisis` when the message says someone is in danger."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisDetector":
        return cls(crisis_classifier.default())

    def __init__(self, classifier: crisis_classifier.CrisisClassifier) -> None:
        self.classifier = classifier

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            if text is None:
                continue
            found = crisis.assess(text, classifier=self.classifier)
            if not found.crisis:
                continue
            override_intent(message, CRISIS_INTENT)
            values = [(KIND_ENTITY, k.value) for k in sorted(found.kinds)] + [(SUPPORT_ENTITY, s.value) for s in found.support]
            entities = [
                {"entity": name, "value": value, "start": 0, "end": len(text), "confidence_entity": 1.0,
                 "extractor": self.__class__.__name__, "processors": []}
                for name, value in values
            ]
            message.set(ENTITIES, (message.get(ENTITIES) or []) + entities, add_to_output=True)
        return messages
