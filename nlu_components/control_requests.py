"""Requests to stop or to change language, read from their words whatever the classifier
thought: both must work anywhere, inside any form (G4, issue 13).

- A message that opens by calling things off is `stop`, whatever follows: "never mind, i
  think my roommate grabbed it" or "olvidalo, ya la encontre en el buzon" were read from
  what follows the stop (a card, a mailbox), and the form went on. At a confirmation,
  "dont send it, ..." / "no lo mande!!" is the same. The words are few
  (contact_center/stops_and_corrections.opening_stop); a request after the stop is taken next
  (contact_center/several_requests.py).
- A message that asks for the other language by name ("sorry can we switch to english",
  "me puede atender en espanol?") is `change_language` (contact_center/language.py
  requested_language): inside a form it was taken as the answer to the question asked.

The crisis check comes after this component, so danger is never hidden behind either.
"""
from __future__ import annotations

from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from contact_center import language, stops_and_corrections
from nlu_components import override_intent
from nlu_components.base import UnconfiguredComponent, typed_text

STOP_INTENT = "stop"
LANGUAGE_INTENT = "change_language"


def control_request(text: str) -> Optional[str]:
    """`stop`, `change_language`, or None when the words ask for neither."""
    if stops_and_corrections.opening_stop(text) is not None:
        return STOP_INTENT
    if language.requested_language(text) is not None:
        return LANGUAGE_INTENT
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class ControlRequestClassifier(UnconfiguredComponent):
    """Overrides the intent with `stop` or `change_language` when the words ask for it."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            asked = None if text is None else control_request(text)
            if asked is None:
                continue
            override_intent(message, asked)
        return messages
