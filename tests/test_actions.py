"""Actions are thin adapters: they send domain response keys and set slots."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_status import ActionCaseStatus, ValidateCaseStatusForm
from actions.general import ActionChangeLanguage, ActionOutOfScope


def tracker(text="", slots=None, intent="inform", entities=None):
    return Tracker(
        sender_id="test",
        slots={"language": "en", **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "case_status_form"},
        latest_action_name="action_listen",
    )


@pytest.mark.parametrize("typed", ["EAC-21-900-12345", "eac 2190012345", "EAC2190012345"])
def test_S2_valid_receipt_fills_the_form_normalised(typed):
    dispatcher = CollectingDispatcher()
    result = ValidateCaseStatusForm().validate_receipt_number(typed, dispatcher, tracker(typed), {})
    assert result["receipt_number"] == "EAC2190012345"
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "typed, response",
    [
        ("EAC219001234", "utter_receipt_too_short"),
        ("EAC21900123456", "utter_receipt_too_long"),
        ("ABC2190012345", "utter_receipt_bad_prefix"),
        ("EAC21900I2345", "utter_receipt_bad_characters"),
        ("2190012345", "utter_receipt_missing_prefix"),
        ("", "utter_receipt_empty"),
        (None, "utter_receipt_empty"),
    ],
)
def test_S2_invalid_receipt_is_explained_and_asked_again(typed, response):
    dispatcher = CollectingDispatcher()
    result = ValidateCaseStatusForm().validate_receipt_number(typed, dispatcher, tracker(typed or ""), {})
    assert result["receipt_number"] is None
    assert [m["response"] for m in dispatcher.messages] == [response]


def test_S1_case_status_answer_names_the_receipt():
    dispatcher = CollectingDispatcher()
    ActionCaseStatus().run(dispatcher, tracker(slots={"receipt_number": "EAC2190012345"}), {})
    assert dispatcher.messages[0]["response"] == "utter_case_status_self_service"
    assert dispatcher.messages[0]["receipt_number"] == "EAC2190012345"


@pytest.mark.parametrize(
    "text, current, expected",
    [("español por favor", "en", "es"), ("English please", "es", "en"), ("other language", "en", "es")],
)
def test_G4_change_language(text, current, expected):
    dispatcher = CollectingDispatcher()
    events = ActionChangeLanguage().run(dispatcher, tracker(text, {"language": current}, "change_language"), {})
    assert events == [SlotSet("language", expected)]


@pytest.mark.parametrize(
    "text, response",
    [
        ("renew my passport", "utter_refer_state_department"),
        ("what is the weather", "utter_out_of_scope"),
        ("   ", "utter_empty_message"),
        ("", "utter_empty_message"),
    ],
)
def test_G7_out_of_scope_and_blank(text, response):
    dispatcher = CollectingDispatcher()
    ActionOutOfScope().run(dispatcher, tracker(text, intent="out_of_scope"), {})
    assert [m["response"] for m in dispatcher.messages] == [response]
