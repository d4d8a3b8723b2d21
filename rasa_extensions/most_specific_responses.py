"""The response variation whose conditions say the most, among those that hold.

Rasa 3.6.21's `TemplatedNaturalLanguageGenerator` picks at random among every conditional
variation whose conditions hold. This domain keeps one generic variation per language
(condition: `language`) beside variations for a request type (conditions: `language` and
`request_type`), so in Spanish, where the generic one is conditional too, a request to
correct a typo was told "Voy a presentar una solicitud de servicio por usted." or the
typo's own sentence by chance, and was asked "Describa el problema" instead of "¿Qué está
mal en el aviso o la tarjeta y qué debería decir?". English, whose generic variation has no
condition, was never affected.

This is no patch: Rasa loads it as its natural language generator from `nlg: type:` in
endpoints.yml (and deploy/endpoints.production.yml, and the scratch stacks' endpoints),
its own extension point. Rasa's filter (channel first, then conditions) is used as it is;
only the choice among what it returns narrows to the variations with the most conditions.
Checked against rasa==3.6.21.
"""
from __future__ import annotations

import random
from typing import Any, Dict, Optional, Text

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.constants import RESPONSE_CONDITION


class MostSpecificResponses(TemplatedNaturalLanguageGenerator):
    """Rasa's response generator, choosing among the most specific matching variations."""

    def __init__(self, endpoint_config: Any = None, domain: Any = None) -> None:
        super().__init__(domain.responses if domain is not None else {})

    def _random_response_for(
        self, utter_action: Text, output_channel: Text, filled_slots: Dict[Text, Any]
    ) -> Optional[Dict[Text, Any]]:
        if utter_action not in self.responses:
            return None
        suitable = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, filled_slots
        )
        if not suitable:
            return None
        most = max(len(r.get(RESPONSE_CONDITION) or ()) for r in suitable)
        return random.choice([r for r in suitable if len(r.get(RESPONSE_CONDITION) or ()) == most])
