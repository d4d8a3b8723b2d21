"""A message that opens by calling off what is under way is `stop`, whatever follows.

"never mind, i think my roommate grabbed it" or "olvidalo, ya la encontre en el buzon"
were read by the classifier from what follows the stop (a card, a mailbox), and the
form went on asking for contact details. The words that call a thing off are few
(contact_center/answers.opening_stop); the rest of the message, when it is a request
of its own, is taken after the stop (contact_center/several_requests.py). The crisis
check comes after this component, so danger is never hidden behind a "never mind".
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from contact_center import answers

STOP_INTENT = "stop"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class OpeningStopClassifier(GraphComponent):
    """Overrides the intent with `stop` when the message opens with a stop."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "OpeningStopClassifier":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or answers.opening_stop(text) is None:
                continue
            intent = {"name": STOP_INTENT, "confidence": 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != STOP_INTENT]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
        return messages
