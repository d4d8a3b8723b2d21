"""An answer in two messages (actions/answer_pieces.py): the ask action that Rasa's form runs for
a free-text slot says "Go on" after a first piece, and only then; the form's reader joins the
pieces. Real rasa-sdk runs on trackers shaped as Rasa sends them."""
from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_pieces import ActionAskExpediteDocuments, ActionAskProblemDetails, piece_before, unfinished_piece
from contact_center.domain_files import load_domain
from tests.stack import ROOT

DOMAIN = load_domain(ROOT / "domain")


def _bot(response: str) -> dict:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


def _user(text: str) -> dict:
    return {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": "inform"}, "entities": []}}


def _tracker(slot: str, *turns, pending_before=True, filled=None) -> Tracker:
    """A form waiting for `slot`; `turns` alternate the assistant's reply keys and the applicant's texts."""
    events = [{"event": "active_loop", "name": "e_request_form"}]
    if pending_before:
        events.append({"event": "slot", "name": "requested_slot", "value": slot})
    for turn in turns:
        events.append(_bot(turn[1:]) if turn.startswith("@") else _user(turn))
    events.append({"event": "slot", "name": "requested_slot", "value": slot})
    values = {name: None for name in DOMAIN["slots"]}
    values.update(requested_slot=slot, language="en", **({slot: filled} if filled else {}))
    latest = next(e for e in reversed(events) if e["event"] == "user")
    return Tracker("s", values, latest["parse_data"], events, False, None, {"name": "e_request_form"}, "action_listen")


def _said(action, tracker) -> list:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return [m.get("response") for m in dispatcher.messages]


def test_E1_a_first_piece_is_answered_go_on_alone():
    tracker = _tracker("problem_details", "@utter_ask_problem_details", "my birth date says")
    assert unfinished_piece(tracker, "problem_details")
    assert _said(ActionAskProblemDetails(), tracker) == ["utter_go_on"]


def test_E1_a_whole_answer_that_was_not_usable_gets_the_question_again():
    tracker = _tracker("problem_details", "@utter_ask_problem_details", "   ")
    assert _said(ActionAskProblemDetails(), tracker) == ["utter_ask_problem_details"]


def test_E1_the_question_asked_first_time_is_the_question_even_after_a_piece_of_another_answer():
    tracker = _tracker("problem_details", "@utter_ask_receipt_number", "it is", pending_before=False)
    assert not unfinished_piece(tracker, "problem_details")
    assert _said(ActionAskProblemDetails(), tracker) == ["utter_ask_problem_details"]


def test_X3_the_second_piece_is_read_with_the_first():
    tracker = _tracker("expedite_documents", "@utter_ask_expedite_documents", "a letter from", "@utter_go_on", "my doctor")
    assert piece_before(tracker, "expedite_documents") == "a letter from"
    assert not unfinished_piece(tracker, "expedite_documents")


def test_X3_a_second_piece_that_also_stops_short_is_not_told_to_go_on_twice():
    tracker = _tracker("expedite_documents", "@utter_ask_expedite_documents", "a letter from", "@utter_go_on", "the")
    assert not unfinished_piece(tracker, "expedite_documents")
    assert _said(ActionAskExpediteDocuments(), tracker) == ["utter_ask_expedite_documents"]


def test_E1_a_piece_is_only_a_piece_of_the_question_it_came_after():
    tracker = _tracker("contact", "@utter_welcome", "my cell is 602 555")
    assert piece_before(tracker, "contact") == ""


def test_the_action_server_registers_every_custom_action_the_domain_names():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")  # an unnamed action class stops the server here
    custom = {a for a in DOMAIN["actions"] if a.startswith(("action_", "validate_"))} - {"action_session_start"}
    assert custom - set(executor.actions) == set()
