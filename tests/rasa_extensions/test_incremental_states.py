"""rasa_extensions/incremental_states.py: the same state history as Rasa's, whatever the events."""
from __future__ import annotations

import random
from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    ActionReverted,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

import rasa_extensions
from rasa_extensions import incremental_states

rasa_extensions.apply()  # as scripts/rasa_server.py does before Rasa starts

from tests import ROOT

STORY_FILES = sorted((ROOT / "tests" / "conversations").glob("test_stories_*.yml"))
RULE_ONLY = [None, {"slots": ["outcome", "rule_ids"], "loops": ["case_status_form", "callback_form"]}]
FLAGS = [(omit, ignore) for omit in (False, True) for ignore in (False, True)]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain")


@pytest.fixture(scope="module")
def conversations(domain: Domain) -> List[List[Event]]:
    stories = []
    for path in STORY_FILES:
        for step in YAMLStoryReader(domain).read_from_file(path):
            stories.append(step.events)
    assert len(stories) >= 50
    return stories


def _original(domain: Domain, tracker: DialogueStateTracker, omit: bool, ignore: bool, rule_only) -> list:
    return incremental_states.rasa_states_for_tracker_history(domain, tracker, omit, ignore, rule_only)


def _assert_same_as_rasa(domain: Domain, tracker: DialogueStateTracker) -> None:
    assert tracker.applied_events() == incremental_states.rasa_applied_events(tracker)
    assert all(a is b for a, b in zip(tracker.applied_events(), incremental_states.rasa_applied_events(tracker)))
    for omit, ignore in FLAGS:
        for rule_only in RULE_ONLY:
            ours = domain.states_for_tracker_history(tracker, omit, ignore, rule_only)
            assert ours == _original(domain, tracker, omit, ignore, rule_only)


def _with_hidden_rule_turns(events: List[Event], rng: random.Random) -> List[Event]:
    # At prediction time RulePolicy marks its own turns hidden; stories never do.
    return [
        ActionExecuted(e.action_name, hide_rule_turn=rng.random() < 0.4) if isinstance(e, ActionExecuted) else e
        for e in events
    ]


def test_installed_by_rasa_extensions_apply() -> None:
    assert Domain.states_for_tracker_history is incremental_states.states_for_tracker_history
    assert DialogueStateTracker.applied_events is incremental_states.applied_events
    assert incremental_states.rasa_states_for_tracker_history is not None
    assert incremental_states.rasa_applied_events is not None


def test_same_states_after_every_event_of_every_test_story(domain: Domain, conversations) -> None:
    rng = random.Random(7)
    for events in conversations:
        tracker = DialogueStateTracker("s", domain.slots)
        for event in _with_hidden_rule_turns(events, rng):
            tracker.update(event)
            _assert_same_as_rasa(domain, tracker)


def test_one_long_conversation_stays_the_same_as_rasa(domain: Domain, conversations) -> None:
    rng = random.Random(11)
    tracker = DialogueStateTracker("long", domain.slots)
    for events in conversations[:12]:
        for event in _with_hidden_rule_turns(events, rng):
            tracker.update(event)
        _assert_same_as_rasa(domain, tracker)


@pytest.mark.parametrize(
    "undo",
    [[UserUtteranceReverted()], [ActionReverted()], [Restarted()], [ActionExecuted("action_session_start"), SessionStarted()]],
    ids=["user-utterance-reverted", "action-reverted", "restarted", "session-started"],
)
def test_undone_events_start_the_history_again(domain: Domain, conversations, undo: List[Event]) -> None:
    tracker = DialogueStateTracker("u", domain.slots)
    for event in conversations[0]:
        tracker.update(event)
    _assert_same_as_rasa(domain, tracker)
    for event in undo + [ActionExecuted("action_listen"), UserUttered("hola", {"name": "greet"})]:
        tracker.update(event)
        _assert_same_as_rasa(domain, tracker)
    for event in conversations[1]:
        tracker.update(event)
    _assert_same_as_rasa(domain, tracker)


def test_a_loop_named_for_the_first_time_late_starts_applied_events_again(domain: Domain) -> None:
    # Rasa looks ahead for every loop name: a form's earlier executions are judged
    # differently once its ActiveLoop event appears.
    tracker = DialogueStateTracker("l", domain.slots)
    events = [
        ActionExecuted("action_listen"), UserUttered("x", {"name": "check_case_status"}),
        ActionExecuted("case_status_form"), ActionExecuted("case_status_form"),
        ActionExecuted("action_listen"), UserUttered("y", {"name": "inform"}),
        ActionExecuted("case_status_form"), ActiveLoop("case_status_form"), ActionExecuted("case_status_form"),
        ActiveLoop(None), ActionExecuted("action_listen"),
    ]
    for event in events:
        tracker.update(event)
        _assert_same_as_rasa(domain, tracker)


def test_states_handed_out_can_be_edited_without_harm(domain: Domain, conversations) -> None:
    tracker = DialogueStateTracker("e", domain.slots)
    for event in conversations[2]:
        tracker.update(event)
    tracker.applied_events().clear()
    first = domain.states_for_tracker_history(tracker, False, True, RULE_ONLY[1])
    for state in first:  # what the featurizers do to their copy
        for sub in state.values():
            sub.clear()
        state.clear()
    tracker.update(SlotSet("language", "es"))
    assert domain.states_for_tracker_history(tracker, False, True, RULE_ONLY[1]) == _original(
        domain, tracker, False, True, RULE_ONLY[1]
    )


def test_a_copy_of_the_tracker_starts_its_own_history(domain: Domain, conversations) -> None:
    tracker = DialogueStateTracker("c", domain.slots)
    for event in conversations[3]:
        tracker.update(event)
    domain.states_for_tracker_history(tracker)
    copy = tracker.copy()
    copy.update(ActionExecuted("action_listen"))
    assert incremental_states.CACHE_ATTRIBUTE not in copy.__dict__ or copy.__dict__[
        incremental_states.CACHE_ATTRIBUTE
    ] is not tracker.__dict__[incremental_states.CACHE_ATTRIBUTE]
    assert domain.states_for_tracker_history(copy) == _original(domain, copy, False, False, None)
    assert domain.states_for_tracker_history(tracker) == _original(domain, tracker, False, False, None)


def test_the_same_events_loaded_again_give_the_same_states(domain: Domain, conversations) -> None:
    tracker = DialogueStateTracker("r", domain.slots)
    for event in conversations[4]:
        tracker.update(event)
    reloaded = DialogueStateTracker.from_dict("r", [e.as_dict() for e in tracker.events], domain.slots)
    assert domain.states_for_tracker_history(reloaded, False, True) == domain.states_for_tracker_history(
        tracker, False, True
    )


def test_another_domain_is_not_served_from_the_first_ones_history(domain: Domain, conversations) -> None:
    other = Domain.load(ROOT / "domain")
    tracker = DialogueStateTracker("d", domain.slots)
    for event in conversations[5]:
        tracker.update(event)
    domain.states_for_tracker_history(tracker)
    assert other.states_for_tracker_history(tracker) == _original(other, tracker, False, False, None)
