"""The parse keeps what the assistant reads and drops what it does not (tracker size)."""
from __future__ import annotations

import json

from rasa.shared.nlu.training_data.message import Message

from nlu_components.parse_trimmer import INTENT_RANKING_KEEP, ParseTrimmer

SELECTOR = {
    "all_retrieval_intents": ["faq"],
    "faq": {
        "response": {
            "responses": [{"text": "Su número de recibo está en el aviso ..." * 10}, {"text": "Your receipt number is ..." * 10}],
            "confidence": 0.97,
            "intent_response_key": "faq/find_receipt_number",
            "utter_action": "utter_faq/find_receipt_number",
        },
        "ranking": [{"id": i, "confidence": 0.1, "intent_response_key": f"faq/t{i}"} for i in range(10)],
    },
}


def _message():
    message = Message(data={"text": "where do i find my receipt number"})
    message.set("intent", {"name": "faq", "confidence": 0.97}, add_to_output=True)
    message.set("intent_ranking", [{"name": f"i{i}", "confidence": 0.1} for i in range(10)], add_to_output=True)
    message.set("response_selector", json.loads(json.dumps(SELECTOR)), add_to_output=True)
    return message


def test_what_the_actions_and_rasa_read_stays():
    [message] = ParseTrimmer().process([_message()])
    response = message.get("response_selector")["faq"]["response"]
    assert response == {"confidence": 0.97, "intent_response_key": "faq/find_receipt_number",
                        "utter_action": "utter_faq/find_receipt_number"}
    assert message.get("response_selector")["all_retrieval_intents"] == ["faq"]
    assert message.get("intent") == {"name": "faq", "confidence": 0.97}
    assert [r["name"] for r in message.get("intent_ranking")] == [f"i{i}" for i in range(INTENT_RANKING_KEEP)]


def test_the_ranking_and_the_answer_texts_go():
    before = len(json.dumps(_message().as_dict(only_output_properties=True)))
    [message] = ParseTrimmer().process([_message()])
    assert "ranking" not in message.get("response_selector")["faq"]
    assert len(json.dumps(message.as_dict(only_output_properties=True))) < before / 3


def test_a_parse_without_a_selector_or_ranking_is_left_alone():
    message = Message(data={"text": "hola"})
    [out] = ParseTrimmer().process([message])
    assert out.get("response_selector") is None and out.get("intent_ranking") is None
