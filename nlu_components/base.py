"""What the project's NLU components share: none is configured or trained, so each is
built with no arguments. Kept apart from the package's __init__ so that importing
`nlu_components` does not import Rasa's graph."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


class UnconfiguredComponent(GraphComponent):
    """A graph component with no settings and nothing learned."""

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
    ) -> "UnconfiguredComponent":
        return cls()


def typed_text(message: Message) -> Optional[str]:
    """The words the applicant typed, or None for a button's payload ("/intent{...}"),
    which already says what it means."""
    text = message.get(TEXT) or ""
    return None if text.startswith("/") else text
