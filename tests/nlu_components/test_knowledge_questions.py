"""nlu_components/knowledge_questions.py on messages as Rasa hands them over: when a
question the knowledge base answers takes over from what the classifier said."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from nlu_components.knowledge_questions import KnowledgeQuestionClassifier

RFE_QUESTION = "got an RFE in the mail, how long do i have to send the stuff back"


def _message(text, intent, confidence, selected_confidence, topic="rfe"):
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set("response_selector", {"faq": {"response": {"intent_response_key": f"faq/{topic}",
                                                           "confidence": selected_confidence}}}, add_to_output=True)
    return message


@pytest.mark.parametrize("intent, confidence, selected, taken", [
    ("nlu_fallback", 0.35, 0.84, True),  # nothing placed it: a question naming its topic is that question
    ("nlu_fallback", 0.35, 0.6, False),  # the selector is unsure too
    ("out_of_scope", 0.6, 0.84, False),  # placed as off topic: the selector must be sure (0.9)
    ("out_of_scope", 0.4, 0.84, True),  # only guessed off topic: as for nothing placed
    ("out_of_scope", 0.6, 0.95, True),
])
def test_G1_a_question_naming_its_topic_is_taken_from_what_the_classifier_could_not_place(intent, confidence, selected, taken):
    [message] = KnowledgeQuestionClassifier().process([_message(RFE_QUESTION, intent, confidence, selected)])
    assert (message.get("intent")["name"] == "faq") is taken


def test_G1_a_topic_the_message_does_not_name_is_not_taken():
    [message] = KnowledgeQuestionClassifier().process([_message("how long do i have", "nlu_fallback", 0.35, 0.95)])
    assert message.get("intent")["name"] == "nlu_fallback"
