"""Context reads the answer first (issue 13): the forms' real validation actions (rasa-sdk's
run) on realistic trackers, with the intent the model really gave those words.

An answer that sounds like another request ("twice already, once for surgery" read as an
emergency, "clear USCIS error" as a typo request) is the answer to the question asked; a
real change of topic or a question still leaves the form for the rules in data/.
"""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected
from rasa_sdk.executor import CollectingDispatcher

from actions.emergency import ValidateEmergencyForm
from actions.expedite import ValidateExpediteForm
from actions.reschedule import ValidateRescheduleForm
from contact_center.domain_files import load_domain
from tests.stack import ROOT

DOMAIN = load_domain(ROOT / "domain")


def _tracker(form: str, asked: str, text: str, intent: str, confidence: float, language="en", **slots) -> Tracker:
    values = {name: None for name in DOMAIN["slots"]}
    values.update(language=language, requested_slot=asked, **slots)
    message = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
    events = [
        {"event": "action", "name": form},
        {"event": "active_loop", "name": form},
        {"event": "slot", "name": "requested_slot", "value": asked},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
        {"event": "action", "name": form},
    ]
    return Tracker("s", values, message, events, False, None, {"name": form}, form)


def _run(validation, tracker):
    return asyncio.run(validation.run(CollectingDispatcher(), tracker, DOMAIN))


def _slots(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize(
    "validation, form, asked, text, intent, confidence, slots, expected",
    [
        (ValidateRescheduleForm(), "reschedule_form", "times_rescheduled",
         "twice already, once for surgery and once because my kid was sick", "report_emergency", 0.90,
         {"appointment_type": "biometrics", "appointment_time": "tomorrow 9 am"}, ("times_rescheduled", 2.0)),
        (ValidateRescheduleForm(), "reschedule_form", "times_rescheduled", "never moved it before", "stop", 0.90,
         {"appointment_type": "biometrics", "appointment_time": "tomorrow 9 am"}, ("times_rescheduled", 0.0)),
        (ValidateExpediteForm(), "expedite_form", "expedite_criterion", "clear USCIS error", "typo_correction", 0.86,
         {"form_type": "I-130"}, ("expedite_criterion", "uscis_error")),
        (ValidateExpediteForm(), "expedite_form", "expedite_criterion",
         "razones humanitarias urgentes, mi mamá está muy enferma", "report_emergency", 0.83,
         {"form_type": "I-130"}, ("expedite_criterion", "urgent_humanitarian")),
        (ValidateEmergencyForm(), "emergency_form", "urgent_reason",
         "my dad is in the hospital in honduras and i need to travel", "request_expedite", 0.85,
         {"in_danger": False, "needs_appointment": True}, ("urgent_reason", "family_emergency_travel")),
    ],
)
def test_an_answer_that_sounds_like_another_request_is_the_answer(
        validation, form, asked, text, intent, confidence, slots, expected):
    events = _run(validation, _tracker(form, asked, text, intent, confidence, **slots))
    assert not any(e.get("event") == ActionExecutionRejected(form)["event"] for e in events)
    name, value = expected
    assert _slots(events)[name] == value


@pytest.mark.parametrize(
    "text, intent",
    [("never mind", "stop"),
     ("and if they dont answer before the 10th do i still go?", "faq")],
)
def test_a_stop_or_a_question_still_leaves_the_form(text, intent):
    tracker = _tracker("reschedule_form", "times_rescheduled", text, intent, 0.95,
                       appointment_type="biometrics", appointment_time="tomorrow 9 am")
    events = _run(ValidateRescheduleForm(), tracker)
    assert events == [ActionExecutionRejected("reschedule_form")]


def test_a_real_change_of_topic_is_asked_about_before_the_form_is_left():
    """Issue 13: a new request mid-form leaves it only after the applicant agrees."""
    text = "actually what's the status of my case   EAC2190012345"
    tracker = _tracker("reschedule_form", "times_rescheduled", text, "check_case_status", 0.95,
                       appointment_type="biometrics", appointment_time="tomorrow 9 am")
    events = _run(ValidateRescheduleForm(), tracker)
    assert _slots(events) == {"proposed_request": "actually what's the status of my case EAC2190012345",
                              "requested_slot": "switch_request"}


def _switch_question(text: str, intent: str, pending=None):
    return _tracker("reschedule_form", "switch_request", text, intent, 0.95, appointment_type="biometrics",
                    appointment_time="tomorrow 9 am", proposed_request="what's the status of EAC2190012345",
                    pending_request=pending)


def test_yes_to_the_new_request_leaves_the_form_through_its_rule():
    events = _run(ValidateRescheduleForm(), _switch_question("yes please", "affirm"))
    assert events == [ActionExecutionRejected("reschedule_form")]


@pytest.mark.parametrize("text, intent", [("no, lets finish this first", "deny"), ("nope", "out_of_scope"),
                                          ("no, primero terminemos esto", "deny"),
                                          ("no, primero terminemos esto", "stop")])
def test_no_keeps_the_form_and_the_new_request_waits_for_it(text, intent):
    dispatcher = CollectingDispatcher()
    tracker = _switch_question(text, intent, pending="i moved too")
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, tracker, DOMAIN))
    slots = _slots(events)
    assert slots["pending_request"] == "what's the status of EAC2190012345\ni moved too"
    assert slots["proposed_request"] is None
    assert "times_rescheduled" not in slots  # "no" is not the answer to the form's question
    assert [m["response"] for m in dispatcher.messages] == ["utter_switch_later"]


def test_a_reply_that_is_neither_yes_nor_no_asks_again():
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRescheduleForm().run(dispatcher, _switch_question("hmm", "greet"), DOMAIN))
    assert _slots(events) == {"proposed_request": "what's the status of EAC2190012345", "requested_slot": "switch_request"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_yes_or_no"]


def test_a_stop_at_the_switch_question_still_stops():
    events = _run(ValidateRescheduleForm(), _switch_question("never mind all of it", "stop"))
    assert events == [ActionExecutionRejected("reschedule_form")]


def _with_receipt_given_before(tracker: Tracker, before: str, now: str) -> Tracker:
    """`tracker` where the applicant gave `before` earlier and Rasa's entity mapping set
    `now` from the latest message."""
    user = next(i for i, e in enumerate(tracker.events) if e.get("event") == "user")
    tracker.events.insert(0, {"event": "slot", "name": "receipt_number", "value": before})
    tracker.events.insert(user + 2, {"event": "slot", "name": "receipt_number", "value": now})
    tracker.slots["receipt_number"] = now
    return tracker


def test_a_new_request_with_another_receipt_number_keeps_this_requests_number():
    """Hand test: at the contact question, "actually whats the status of EAC1234567890" filed
    the missing-card request on EAC1234567890 instead of the number given for it."""
    from actions.e_requests import ValidateERequestForm

    tracker = _tracker("e_request_form", "contact", "actually whats the status of EAC1234567890", "check_case_status",
                       0.95, problem_details="my card never came")
    tracker = _with_receipt_given_before(tracker, "IOE0912345678", "EAC1234567890")
    events = _run(ValidateERequestForm(), tracker)
    slots = _slots(events)
    assert slots["requested_slot"] == "switch_request"  # asked about, even at the contact question
    assert slots["receipt_number"] == "IOE0912345678"


def test_a_receipt_number_typed_at_the_confirmation_is_still_a_correction():
    from actions.e_requests import ValidateERequestForm

    tracker = _tracker("e_request_form", "e_request_confirmed", "the receipt is wrong, its EAC1234567890", "inform",
                       0.9, problem_details="my card never came", contact="ana@example.com")
    tracker.latest_message["entities"] = [{"entity": "receipt_number", "value": "EAC1234567890"}]
    tracker = _with_receipt_given_before(tracker, "IOE0912345678", "EAC1234567890")
    events = _run(ValidateERequestForm(), tracker)
    assert [e["value"] for e in events if e.get("event") == "slot" and e["name"] == "receipt_number"][-1:] != ["IOE0912345678"]


@pytest.fixture
def decision_store(tmp_path, monkeypatch):
    from actions import common

    monkeypatch.setattr(common, "_store", None)
    monkeypatch.setenv("CONTACT_CENTER_DB_URL", f"sqlite:///{tmp_path / 'cc.db'}")
    yield lambda: common.store()
    monkeypatch.setattr(common, "_store", None)


@pytest.mark.parametrize(
    "text, intent, language",
    [
        ("i dont have it, i lost all the letters", "goodbye", "en"),
        ("I don't know it", "deny", "en"),
        ("never got the receipt notice so no idea", "notice_not_received", "en"),
        ("no lo tengo, se me perdieron las cartas", "deny", "es"),
        ("no encuentro el papel", "nlu_fallback", "es"),
    ],
)
def test_S1_S2_no_receipt_number_at_hand_is_told_where_to_find_it_and_the_form_waits(text, intent, language, decision_store):
    """Issue 13: "i dont have it, i lost all the letters" to "What is your receipt number?"
    was read as a goodbye. It is an answer: where the number is printed and where else to
    find it, nothing looked up or filed, the question asked again (or a stop)."""
    from actions.case_status import ValidateCaseStatusForm

    dispatcher = CollectingDispatcher()
    tracker = _tracker("case_status_form", "receipt_number", text, intent, 0.91, language=language)
    events = asyncio.run(ValidateCaseStatusForm().run(dispatcher, tracker, DOMAIN))
    assert not any(e.get("event") == "action_execution_rejected" for e in events), events
    assert [m.get("response") for m in dispatcher.messages] == ["utter_receipt_not_at_hand"]
    assert _slots(events).get("receipt_number") is None
    assert _slots(events).get("requested_slot", "receipt_number") == "receipt_number"
    decisions = decision_store().decisions_for("s")
    assert [list(d.rule_ids) for d in decisions] == [["S1", "S2"]]


@pytest.mark.parametrize("text, intent", [("never mind, i dont have it", "stop"), ("olvidalo, no lo tengo", "stop")])
def test_a_stop_with_no_receipt_number_still_stops(text, intent):
    from actions.case_status import ValidateCaseStatusForm

    events = _run(ValidateCaseStatusForm(), _tracker("case_status_form", "receipt_number", text, intent, 0.95))
    assert any(e.get("event") == "action_execution_rejected" for e in events)


def test_S2_O2_said_again_no_receipt_number_gets_the_number_to_call_not_the_same_text(decision_store):
    from actions.case_status import ValidateCaseStatusForm

    tracker = _tracker("case_status_form", "receipt_number", "y entonces que hago? no tengo ninguna carta", "deny", 0.8,
                       language="es")
    tracker.events.insert(3, {"event": "bot", "text": "No se preocupe...", "metadata": {"utter_action": "utter_receipt_not_at_hand"}})
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateCaseStatusForm().run(dispatcher, tracker, DOMAIN))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_receipt_not_at_hand_again"]
    assert [list(d.rule_ids) for d in decision_store().decisions_for("s")] == [["S1", "S2", "O2"]]


def _after_status(text: str, intent: str, explained: str, language: str = "en") -> Tracker:
    values = {name: None for name in DOMAIN["slots"]}
    values.update(language=language, case_status_explained=explained)
    message = {"text": text, "intent": {"name": intent, "confidence": 0.7}, "entities": []}
    events = [
        {"event": "action", "name": "action_case_status"},
        {"event": "bot", "text": "Case ...", "metadata": {"utter_action": "utter_case_status_result"}},
        {"event": "bot", "text": "...", "metadata": {"utter_action": explained}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
    ]
    return Tracker("s", values, message, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("action, text, intent, language", [
    ("general", "what does that mean", "out_of_scope", "en"),
    ("questions", "que significa eso? me la negaron??", "faq", "es"),
    ("general", "what does this mean?", "nlu_fallback", "en"),
])
def test_S1_what_does_that_mean_right_after_a_status_explains_that_status(action, text, intent, language, decision_store):
    """Hand test: "what does that mean" after a status got "That isn't something USCIS
    handles"; "que significa eso? me la negaron??" got the answer about a NOID."""
    from actions.general import ActionOutOfScope
    from actions.questions import ActionAnswerQuestion

    explained = "utter_status_case_was_denied"
    assert explained in DOMAIN["responses"]
    dispatcher = CollectingDispatcher()
    runner = ActionOutOfScope() if action == "general" else ActionAnswerQuestion()
    runner.run(dispatcher, _after_status(text, intent, explained, language), DOMAIN)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_case_status_meaning", explained]


def test_a_question_long_after_a_status_is_not_taken_for_it():
    from actions.case_status import status_meaning

    tracker = _after_status("what does that mean", "out_of_scope", "utter_status_case_was_denied")
    tracker.events.extend([{"event": "action", "name": "action_listen"}] * 30)
    assert status_meaning(tracker) is None
    assert status_meaning(_after_status("how do i renew my passport", "out_of_scope", "utter_status_case_was_denied")) is None


def test_G4_a_language_switch_says_the_moments_already_shown_in_the_new_language():
    from actions.general import said_again_in

    values = {name: None for name in DOMAIN["slots"]}
    values.update(language="en", appointment_time="Friday, December 4 at 1:00 PM Eastern",
                  appointment_at="2026-12-04T13:00:00-05:00", callback_when=", on Saturday, December 5, between 7:00 AM and 12:00 PM Eastern",
                  callback_time="2026-12-05T07:00:00-05:00|2026-12-05T12:00:00-05:00")
    tracker = Tracker("s", values, {"text": "en español por favor"}, [], False, None, {}, "action_listen")
    slots = _slots(said_again_in(tracker, "es"))
    assert slots["appointment_time"].startswith("viernes 4 de diciembre a las 1:00")
    assert slots["callback_when"].startswith(", el sábado 5 de diciembre, entre las 7:00")
    values.update(appointment_time="within the next 12 hours")
    assert _slots(said_again_in(tracker, "es"))["appointment_time"] == "dentro de las próximas 12 horas"


def test_S1_a_question_that_names_its_topic_after_a_status_gets_that_topics_answer():
    """Blind conversation es-t-q-04: "que es eso de RFE y cuanto tiempo tengo" after an RFE
    status is the RFE question (with its deadline), not the status said again."""
    from actions.case_status import status_meaning

    tracker = _after_status("que es eso de RFE y cuanto tiempo tengo para mandar los papeles", "faq",
                            "utter_status_request_for_additional_evidence_was_sent", "es")
    assert status_meaning(tracker) is None


def test_R4_ok_no_tengo_covid_is_no_covid_whatever_the_ok():
    """Blind conversation es-t-oa-06: "ok. no tengo covid" was read as a yes from its "ok"."""
    from actions.reschedule import ValidateRescheduleForm

    tracker = _tracker("reschedule_form", "has_covid", "ok. no tengo covid", "affirm", 0.8, language="es",
                       appointment_type="oath", appointment_time="jueves 10 de diciembre a las 11:00 a.m., hora del Este",
                       appointment_at="2026-12-10T11:00:00-05:00")
    events = _run(ValidateRescheduleForm(), tracker)
    assert _slots(events)["has_covid"] is False
