"""A question the knowledge base answers, when the classifier left it out of scope (issue 13).

Wrapped in a story, a question about an RFE, a NOID or what to bring to biometrics was
classified `out_of_scope` (or, with low confidence, a service that shares its words;
or any service when the message asks what something means: "my status says case was
approved, what does that mean")
while the ResponseSelector was sure of its topic. Here the message becomes the retrieval
intent `faq` when the selector is sure (at least SELECTOR_CONFIDENCE) and the message
names the topic in its own terms (contact_center/question_topics.py): the selector alone
is sure of many things nobody here answers. Measured on CLINC150's validation split and
the multilingual dialog set's eval splits (out-of-scope probes, never the test splits):
no probe was taken as a question (benchmarks/results/nlu.md reports the test figures).
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

from contact_center.question_topics import SELECTOR_CONFIDENCE, TOPIC_TERMS, asks_if_genuine, asks_meaning, names_topic
from contact_center.stated import letter_came
from nlu_components import override_intent
from nlu_components.base import UnconfiguredComponent, typed_text

RETRIEVAL_INTENT = "faq"
# Below this, a service intent is a guess a named question may overrule
# ("where on the paper is the receipt number" was a missing notice at 0.69).
SERVICE_GUESS = 0.75
FALLBACK_SELECTOR_CONFIDENCE = 0.7
UNSURE_OFF_TOPIC = 0.5
LEFT_OUT = frozenset({"out_of_scope", DEFAULT_NLU_FALLBACK_INTENT_NAME})
SMALL_TALK = frozenset({"greet", "goodbye", "thank", "affirm", "deny", "stop", "change_language", "bot_challenge",
                        "help", "inform"})


NAMED_IN_RANKING = 0.02  # the confidence given a named topic the selector did not rank


def prefer_named_topic(message: Message, text: str) -> None:
    """The selector's answer, made the topic the message names when it named another: "someone
    in a facebook group said i should just pay for premium processing instead, is that a thing
    for me?" was answered about scams (test set 5), with premium processing ranked below it.
    Only when the chosen topic is not named and exactly one topic is."""
    selector = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    chosen = selector.get("response") or {}
    topic = str(chosen.get("intent_response_key") or "").partition("/")[2]
    if topic and topic != "scams" and asks_if_genuine(text) and names_topic(text, "scams"):
        named = ["scams"]  # the pasted text's own topic (a fee) is not what is asked
    elif not topic or names_topic(text, topic):
        return
    else:
        # Every topic the message names, ranked or not: after a retrain premium processing fell out
        # of the ranking's first ten, and scams answered again.
        named = [name for name in TOPIC_TERMS if names_topic(text, name)]
    if len(named) != 1:
        return
    key = f"{RETRIEVAL_INTENT}/{named[0]}"
    ranked = next((entry for entry in selector.get("ranking") or [] if entry.get("intent_response_key") == key), {})
    selector["response"] = dict(chosen, intent_response_key=key, utter_action=f"utter_{key}",
                                confidence=max(float(ranked.get("confidence") or 0.0), NAMED_IN_RANKING), responses=[])


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class KnowledgeQuestionClassifier(UnconfiguredComponent):
    """Overrides `out_of_scope` (or a service guessed with low confidence) with `faq`."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            if text is not None:
                prefer_named_topic(message, text)
            intent = message.get(INTENT) or {}
            name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
            if text is None or name == RETRIEVAL_INTENT or name in SMALL_TALK:
                continue
            if name not in LEFT_OUT and confidence >= SERVICE_GUESS and not asks_meaning(text):
                continue
            selected = ((message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}).get("response") or {}
            topic = str(selected.get("intent_response_key") or "").partition("/")[2]
            # Where the classifier could place nothing (or only guessed "off topic"), a question that
            # names its topic needs a less sure selector ("got an RFE in the mail, how long do i
            # have": 0.84; "what is a NOID?? i got one today and im freaking out": off topic 0.40,
            # NOID 0.89), or it is answered "Sorry, I didn't understand".
            unplaced = name == DEFAULT_NLU_FALLBACK_INTENT_NAME or (name == "out_of_scope" and confidence < UNSURE_OFF_TOPIC) \
                or (name == "notice_not_received" and letter_came(text))  # "me llego esta carta y no entiendo nada: ..."
            needed = FALLBACK_SELECTOR_CONFIDENCE if unplaced else SELECTOR_CONFIDENCE
            if float(selected.get("confidence") or 0.0) < needed or not names_topic(text, topic):
                continue
            override_intent(message, RETRIEVAL_INTENT, float(selected["confidence"]))
        return messages
