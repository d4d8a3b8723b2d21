"""Actions are thin adapters: they send domain response keys and set slots."""
import asyncio
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


@pytest.fixture
def local_case_status(monkeypatch, tmp_path):
    """The action talks to a real local Case Status service on loopback; decisions go to a temporary store."""
    from actions import common
    from contact_center.case_status import CaseStatusClient
    from services.case_status_local import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, LocalCaseStatusService

    svc = LocalCaseStatusService(port=0, admin=True).start()
    monkeypatch.setattr(common, "_client", CaseStatusClient(svc.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, backoff_seconds=0.01))
    monkeypatch.setattr(common, "_store", None)
    monkeypatch.setenv("CONTACT_CENTER_DB_URL", f"sqlite:///{tmp_path / 'cc.db'}")
    try:
        yield svc
    finally:
        svc.stop()
        monkeypatch.setattr(common, "_store", None)


def _sandbox_receipt():
    from services.case_status_local import load_cases

    return sorted(load_cases())[0]


def test_S1_case_status_answer_names_the_receipt_and_explains(local_case_status):
    receipt = _sandbox_receipt()
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCaseStatus().run(dispatcher, tracker(slots={"receipt_number": receipt}), {}))
    assert dispatcher.messages[0]["response"] == "utter_case_status_result"
    assert dispatcher.messages[0]["receipt_number"] == receipt
    assert all(m.get("response") for m in dispatcher.messages), "every reply is a domain response (both languages)"
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["outcome"] == "SELF_SERVICE"
    assert "S1" in slots["rule_ids"]


def test_S3_service_down_gets_the_online_tools_never_an_agent(local_case_status):
    local_case_status.set_mode("down")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCaseStatus().run(dispatcher, tracker(slots={"receipt_number": _sandbox_receipt()}), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_case_status_unavailable"]
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "S3" in slots["rule_ids"]
    assert slots["outcome"] == "SELF_SERVICE"


def test_S1_unknown_receipt_is_not_recognised(local_case_status):
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionCaseStatus().run(dispatcher, tracker(slots={"receipt_number": "EAC9999999999"}), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_case_status_not_found"]


@pytest.mark.parametrize(
    "text, current, expected",
    [("español por favor", "en", "es"), ("English please", "es", "en"), ("other language", "en", "es")],
)
def test_G4_change_language(monkeypatch, text, current, expected):
    from actions import common

    monkeypatch.setattr(common, "store", lambda: _Decisions())
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


def test_form_validation_leaves_out_slots_set_to_the_value_they_had():
    from actions.forms import without_repeated_slots

    before = {"receipt_number": "EAC1234567890", "invalid_receipt_number": None, "language": "en",
              "requested_slot": "receipt_number", "problem_details": None}
    events = [
        {"event": "slot", "name": "receipt_number", "value": "EAC1234567890"},
        {"event": "slot", "name": "invalid_receipt_number", "value": None},
        {"event": "slot", "name": "language", "value": "en"},
        {"event": "slot", "name": "problem_details", "value": "they lost it"},
    ]
    assert without_repeated_slots(events, before, "problem_details") == [events[3]]
    # The requested slot's answer is kept even when it is set back to empty: Rasa
    # reads it as "checked" and would otherwise reject the form's turn.
    rejected = [{"event": "slot", "name": "problem_details", "value": None}]
    assert without_repeated_slots(rejected, before, "problem_details") == rejected
    # Nothing but repeats: all kept, or Rasa would reject the turn as "nothing validated".
    assert without_repeated_slots(events[:3], before, "problem_details") == events[:3]
    # No slot requested (the form opening with its answers given, or closing): no rejection to fear.
    assert without_repeated_slots(events[:3], before, None) == []


def test_form_validation_keeps_the_requested_slot_even_when_unchanged():
    """A dynamic form resumed after a question or a rejected confirmation must name the
    slot it asks: without the event Rasa asks the domain list's first empty slot (an
    interview was asked how many times it was rescheduled)."""
    from actions.forms import without_repeated_slots

    before = {"requested_slot": "has_covid", "appointment_type": "interview"}
    events = [{"event": "slot", "name": "appointment_type", "value": "interview"},
              {"event": "slot", "name": "requested_slot", "value": "has_covid"}]
    assert without_repeated_slots(events, before, None) == [events[1]]


class _Decisions:
    def __init__(self):
        self.logged = []

    def record_decision(self, sender, decision, facts, when=None, request_kind=None):
        self.logged.append((decision.rule_ids, facts, request_kind))


@pytest.mark.parametrize("text, expected", [
    ("cambiar de idioma porfa", "es"),  # the detector had already set Spanish for this very message
    ("puede ser en espanol por favor? no hablo mucho ingles", "es"),  # had switched to English
    ("sorry my english is not good", "es"),
])
def test_G4_the_switch_goes_from_the_language_spoken_before_and_is_logged(monkeypatch, text, expected):
    from actions import common

    store = _Decisions()
    monkeypatch.setattr(common, "store", lambda: store)
    t = tracker(text, {"language": "es"}, "change_language")
    t.events = [{"event": "slot", "name": "language", "value": "en"}, {"event": "user", "text": text},
                {"event": "slot", "name": "language", "value": "es"}]
    events = ActionChangeLanguage().run(CollectingDispatcher(), t, {})
    assert events == [SlotSet("language", expected)]
    assert store.logged == [(("G4",), {"language": expected}, "language")]


@pytest.mark.parametrize("text, accepted", [
    ("nah never got it", True), ("no, todavia no me llega", True), ("no thanks", False)])
def test_S4_no_it_never_came_accepts_the_offer_of_a_not_received_request(text, accepted):
    from rasa_sdk.events import FollowupAction

    from actions.general import ActionDeclineOffer

    dispatcher = CollectingDispatcher()
    offered = tracker(text, {"next_step": "offer_e_request", "request_type": "card_not_received"}, intent="deny")
    events = ActionDeclineOffer().run(dispatcher, offered, {})
    assert (FollowupAction("e_request_form") in events) is accepted
    assert [m["response"] for m in dispatcher.messages] == (["utter_e_request_start"] if accepted else ["utter_anything_else"])
