"""Another agency's matter told in a USCIS service's words (rule G7).

"my social security card never came" shares its words with a missing green card, and
the classifier took it as `card_not_received`; "can you move my visa interview at the
embassy" as a reschedule. When the message names another agency's matter and nothing
only USCIS handles (contact_center/referrals.only_another_agency), it is `out_of_scope`
with the classifier's own confidence, so the referral answers it (data/other_agencies.yml
inside a form, as for any other agency's matter).
"""
from __future__ import annotations

import re
from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

from contact_center import receipts, referrals, stated
from contact_center.answers import clean
from contact_center.question_topics import SELECTOR_CONFIDENCE, asks_a_question, names_topic
from contact_center.messages import SERVICE_INTENTS
from nlu_components import override_intent
from nlu_components.base import UnconfiguredComponent, typed_text

OUT_OF_SCOPE = "out_of_scope"
QUESTION = "faq"
# A person, a callback and an emergency are given whatever the matter: a representative
# can refer as well, and danger comes first (G6).
KEPT = frozenset({"request_live_agent", "request_callback", "report_emergency"})
# A message the classifier could not place (nlu_fallback) that names only another agency's
# matter is that agency's too: "hi i applied for my ss card 3 months ago and nothing".
TAKEN = (SERVICE_INTENTS - KEPT) | {"faq", "nlu_fallback"}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class OtherAgencyClassifier(UnconfiguredComponent):
    """Overrides a USCIS service intent with `out_of_scope` when only another agency is named,
    and a knowledge-base question whose topic the message does not name when another
    agency's matter is what it asks about ("como saco mi numero de seguro social ahora que ya
    tengo permiso de trabajo" had been answered where to find a receipt number)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            intent = message.get(INTENT) or {}
            if text is not None and intent.get("name") == OUT_OF_SCOPE and _documents_to_bring_asked(message, text):
                override_intent(message, QUESTION, float(intent.get("confidence") or 0.0))
                continue
            if text is None or (intent.get("name") not in TAKEN and not _emergency_of_another_agency(intent.get("name"), text)):
                continue
            if referrals.only_another_agency(text) is None and not _question_off_its_topic(message, text) \
                    and not _news_then_another_agency(message, text):
                continue
            override_intent(message, OUT_OF_SCOPE, float(intent.get("confidence") or 0.0))
        return messages


# An emergency asked for in so many words: then the emergency flow asks whether anyone is in danger.
_EMERGENCY_SAID = re.compile(r"\b(emergenc\w*|urgen\w*|danger|peligro|911|auxilio|socorro)\b")


def _emergency_of_another_agency(intent: Optional[str], text: str) -> bool:
    """Read as an emergency, but another agency's matter: a detention ("my husband got picked up by
    ICE this morning, i need to know where they took him"; test set 11 asked whether anyone was in
    danger), or another agency's trouble told with no emergency asked for ("fui al dmv a renovar la
    licencia y no me la quisieron dar ... que hago"; test set 13). G7. Danger itself is still the crisis
    check's, which runs after this and on every message (G6)."""
    if intent != "report_emergency":
        return False
    agency = referrals.only_another_agency(text)
    return agency == referrals.IMMIGRATION_COURT or (agency is not None and not _EMERGENCY_SAID.search(clean(text)))


def _documents_to_bring_asked(message: Message, text: str) -> bool:
    """"do i need to bring my passport or is my drivers license ok?": what to bring to a USCIS
    appointment, which the knowledge base answers (test set 7: referred to the DMV and the State
    Department), when the selector is sure of it."""
    selected = ((message.get("response_selector") or {}).get(QUESTION) or {}).get("response") or {}
    return referrals.documents_to_bring(text) and (float(selected.get("confidence") or 0.0) >= SELECTOR_CONFIDENCE
                                                   or names_topic(text, "biometrics_what_to_bring"))


def _question_off_its_topic(message: Message, text: str) -> bool:
    """A question about another agency's matter, beside a USCIS one, that the selector answered
    off its topic or that the classifier could not place ("mi pasaporte guatemalteco ya se vencio y
    tengo la cita de huellas, donde lo renuevo?": nlu_fallback after a retrain)."""
    name = (message.get(INTENT) or {}).get("name")
    if referrals.agency_for(text) is None:
        return False
    if name == "nlu_fallback":
        return asks_a_question(text) and not names_topic(text, _selected_topic(message))
    if name != "faq":
        return False
    return not names_topic(text, _selected_topic(message))


def _selected_topic(message: Message) -> str:
    selected = ((message.get("response_selector") or {}).get(QUESTION) or {}).get("response") or {}
    return str(selected.get("intent_response_key") or "").partition("/")[2]


def _news_then_another_agency(message: Message, text: str) -> bool:
    """The case's approval told as news, then another agency's matter asked ("my naturalization
    got approved!! how do i get a us passport now"): the question is the passport's, not a status."""
    return ((message.get(INTENT) or {}).get("name") == "check_case_status" and stated.decision_told(text)
            and referrals.agency_for(text) is not None and not receipts.find(text[:2000]))
