"""rasa_extensions/rasa_speedups.py: the same answers as Rasa's own code, only cheaper."""
from __future__ import annotations

import copy

import jsonschema
import pytest
import rasa.shared.utils.common
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

import rasa_extensions
from rasa_extensions import rasa_speedups

rasa_extensions.apply()  # as scripts/rasa_server.py does before Rasa starts

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "outcome", "value": "SELF_SERVICE", "timestamp": None}],
     "responses": [{"response": "utter_case_status_result", "receipt_number": "EAC1234567890"}]},
    {"events": [{"event": "action", "name": "action_listen", "policy": None, "confidence": None}],
     "responses": [{"text": "hi", "custom": {"data": {"handoff": "waiting"}}}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "action_execution_rejected", "name": "x"}]},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"name": "no event key"}]},
    {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "yesterday"}]},
    {"responses": "nope"},
]


def _rasa_validate(result: dict) -> None:
    jsonschema.validate(result, RemoteAction.action_response_format_spec())


def test_installed_by_rasa_extensions_apply() -> None:
    assert RemoteAction._validate_action_result.__module__ == rasa_speedups.__name__
    rasa_speedups.install()  # idempotent
    assert RemoteAction._validate_action_result.__module__ == rasa_speedups.__name__


@pytest.mark.parametrize("result", VALID)
def test_valid_action_replies_pass_as_with_rasas_check(result: dict) -> None:
    _rasa_validate(copy.deepcopy(result))
    assert RemoteAction("x", None)._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_action_replies_fail_as_with_rasas_check(result: dict) -> None:
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        _rasa_validate(copy.deepcopy(result))
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("x", None)._validate_action_result(result)
    assert ours.value.message.startswith(rasa_error.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def _rasa_resolve(type_name: str, default=None):
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        if cls.type_name == type_name:
            return cls
    if type_name == "topic":
        return None
    if default is not None:
        return default
    raise ValueError(type_name)


def test_every_event_type_resolves_to_the_class_rasa_finds() -> None:
    names = {cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)}
    assert {"user", "bot", "slot", "action", "active_loop", "session_started"} <= names
    for name in names:
        assert Event.resolve_by_type(name) is _rasa_resolve(name), name


def test_unknown_event_types_behave_as_in_rasa() -> None:
    assert Event.resolve_by_type("topic") is None
    from rasa.shared.core.events import SlotSet

    assert Event.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


def test_event_classes_defined_later_are_found() -> None:
    from rasa.shared.core.events import StoryExported

    class LateEvent(StoryExported):
        type_name = "late_event_for_this_test"

    assert Event.resolve_by_type("late_event_for_this_test") is LateEvent


DOMAIN_YAML = """
version: "3.1"
intents: [inform]
entities: [language, receipt_number]
slots:
  language:
    type: categorical
    values: [en, es]
    influence_conversation: false
    mappings: [{type: from_entity, entity: language}]
  receipt_number:
    type: text
    influence_conversation: false
    mappings: [{type: from_entity, entity: receipt_number}]
forms:
  case_status_form:
    required_slots: [receipt_number]
"""


def _extract(slots: dict, entities: list, active_loop=None) -> list:
    import asyncio

    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.channels import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActiveLoop, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml(DOMAIN_YAML)
    events = [SlotSet(k, v) for k, v in slots.items()]
    if active_loop:
        events.append(ActiveLoop(active_loop))
    events.append(UserUttered("text", {"name": "inform", "confidence": 1.0}, entities))
    tracker = DialogueStateTracker.from_events("s", events, domain.slots)
    out = asyncio.run(ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain))
    return [(e.key, e.value) for e in out]


def test_slot_extraction_leaves_out_a_slot_set_to_the_value_it_has() -> None:
    assert _extract({"language": "en"}, [{"entity": "language", "value": "en"}]) == []
    assert _extract({"language": "en"}, [{"entity": "language", "value": "es"}]) == [("language", "es")]


def test_slot_extraction_keeps_the_active_forms_answers_even_when_repeated() -> None:
    receipt = [{"entity": "receipt_number", "value": "EAC1234567890"}]
    assert _extract({"receipt_number": "EAC1234567890"}, receipt, "case_status_form") == [
        ("receipt_number", "EAC1234567890")
    ]
    assert _extract({"receipt_number": "EAC1234567890"}, receipt) == []
