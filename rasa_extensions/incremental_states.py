"""A conversation's applied events and dialogue-state history, computed once per event, not per prediction.

Rasa 3.6's `Domain.states_for_tracker_history` replays the whole conversation
from its first event and rebuilds the state before every earlier action, every
time a policy predicts (RulePolicy and MemoizationPolicy, several times a turn).
That work grows with the length of the conversation: it was 28% of the server's
CPU time over a 110-turn conversation (benchmarks/results/latency.md).

The history is a left fold over the tracker's applied events, so it can be
carried forward: each tracker keeps, per set of arguments, the events it has
already folded (by identity), the replayed tracker at that point and the states
so far. A later call on the same tracker folds only the events added since.
Anything else (a reverted or restarted conversation, another domain, events that
are not the same objects) starts the fold from the beginning, exactly as Rasa
does. The last state, for the tracker as it is now, is recomputed on every call
because the next event may change it.

`DialogueStateTracker.applied_events` (the events left once reverts and restarts
are taken out) is carried forward the same way: it was 15% of the server's CPU
time once the state history no longer was. Its one look ahead, the names of
every loop anywhere in the conversation, is checked: a loop name not seen before
starts it from the beginning.

Installed by `rasa_extensions.apply()` (scripts/rasa_server.py, before Rasa starts).
"""
from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Set, Text, Tuple

if TYPE_CHECKING:
    from rasa.shared.core.domain import Domain, State, SubState
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

# The attribute each tracker keeps its folds in; trackers are plain objects and
# none of Rasa's copies (init_copy, travel_back_in_time) carry it over.
CACHE_ATTRIBUTE = "_incremental_state_history"
APPLIED_ATTRIBUTE = "_incremental_applied_events"


@dataclass
class _AppliedFold:
    """`applied_events()` of a tracker whose first `len(seen)` events were `seen`."""

    loop_names: Set[Text]
    seen: List["Event"] = field(default_factory=list)
    applied: List["Event"] = field(default_factory=list)


def _apply(tracker: "DialogueStateTracker", fold: _AppliedFold, event: "Event") -> None:
    """One step of Rasa's loop in `DialogueStateTracker.applied_events` (rasa 3.6.21), unchanged."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
    )

    applied = fold.applied
    if isinstance(event, (Restarted, SessionStarted)):
        applied.clear()
    elif isinstance(event, ActionReverted):
        tracker._undo_till_previous(ActionExecuted, applied)
    elif isinstance(event, UserUtteranceReverted):
        from rasa.shared.core.events import UserUttered

        tracker._undo_till_previous(UserUttered, applied)
        tracker._undo_till_previous(ActionExecuted, applied)
    elif (
        isinstance(event, ActionExecuted)
        and event.action_name in fold.loop_names
        and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
    ):
        tracker._undo_till_previous_loop_execution(event.action_name, applied)
    else:
        applied.append(event)


def applied_events(self: "DialogueStateTracker") -> List["Event"]:
    """Drop-in for `DialogueStateTracker.applied_events`: the same list, folding only new events."""
    from rasa.shared.core.events import ActiveLoop

    events = self.events
    fold: Optional[_AppliedFold] = self.__dict__.get(APPLIED_ATTRIBUTE)
    new: List["Event"] = []
    if fold is not None and _extends(events, fold.seen):
        new = list(itertools.islice(events, len(fold.seen), None))
        if any(isinstance(e, ActiveLoop) and e.name and e.name not in fold.loop_names for e in new):
            fold = None
    if fold is None:
        new = list(events)
        fold = _AppliedFold(loop_names={e.name for e in new if isinstance(e, ActiveLoop) and e.name})
        self.__dict__[APPLIED_ATTRIBUTE] = fold
    for event in new:
        _apply(self, fold, event)
        fold.seen.append(event)
    return list(fold.applied)


@dataclass
class _Fold:
    """The state history of one tracker folded up to `events` (not including the state after them)."""

    domain: "Domain"
    replayed: "DialogueStateTracker"
    events: List["Event"] = field(default_factory=list)
    states: List["State"] = field(default_factory=list)
    last_ml_action_sub_state: Optional["SubState"] = None
    turn_was_hidden: bool = False


def _key(omit_unset_slots: bool, ignore_rule_only_turns: bool, rule_only_data: Optional[Dict[Text, Any]]) -> Tuple:
    return (omit_unset_slots, ignore_rule_only_turns, json.dumps(rule_only_data, sort_keys=True, default=str))


def _extends(events: Iterable["Event"], folded: List["Event"]) -> bool:
    """Whether `events` starts with the very objects `folded` holds."""
    return len(events) >= len(folded) and all(a is b for a, b in zip(events, folded))


def _copy_states(states: List["State"]) -> List["State"]:
    # Callers edit the states they get (featurizers drop user text in place), so
    # they get their own dicts; sub-state values are strings and tuples.
    return [{name: dict(sub) for name, sub in state.items()} for state in states]


def _state_at(
    domain: "Domain",
    fold: _Fold,
    tr: "DialogueStateTracker",
    hide_rule_turn: bool,
    omit_unset_slots: bool,
    ignore_rule_only_turns: bool,
    rule_only_data: Optional[Dict[Text, Any]],
    last_ml_action_sub_state: Optional["SubState"],
    turn_was_hidden: bool,
) -> Tuple[Optional["State"], Optional["SubState"], bool]:
    """One step of Rasa's loop in `Domain.states_for_tracker_history` (rasa 3.6.21), unchanged.

    Returns the state to append (None when the turn is hidden) and the loop's two carried values.
    """
    import rasa.shared.core.constants

    if ignore_rule_only_turns:
        if not turn_was_hidden:
            last_ml_action_sub_state = domain._get_prev_action_sub_state(tr)
        if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
            turn_was_hidden = hide_rule_turn
        if turn_was_hidden:
            return None, last_ml_action_sub_state, turn_was_hidden

    state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
    if ignore_rule_only_turns:
        domain._remove_rule_only_features(state, rule_only_data)
        if fold.states:
            domain._substitute_rule_only_user_input(state, fold.states[-1])
        if last_ml_action_sub_state:
            state[rasa.shared.core.constants.PREVIOUS_ACTION] = last_ml_action_sub_state
    return domain._clean_state(state), last_ml_action_sub_state, turn_was_hidden


def states_for_tracker_history(
    self: "Domain",
    tracker: "DialogueStateTracker",
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Optional[Dict[Text, Any]] = None,
) -> List["State"]:
    """Drop-in for `Domain.states_for_tracker_history`: the same states, folding only new events."""
    from rasa.shared.core.events import ActionExecuted

    args = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    applied = tracker.applied_events()
    folds: Dict[Tuple, _Fold] = tracker.__dict__.setdefault(CACHE_ATTRIBUTE, {})
    key = _key(*args)
    fold = folds.get(key)
    if fold is None or fold.domain is not self or not _extends(applied, fold.events):
        fold = _Fold(domain=self, replayed=tracker.init_copy())
        folds[key] = fold

    for event in applied[len(fold.events):]:
        if isinstance(event, ActionExecuted):
            state, fold.last_ml_action_sub_state, fold.turn_was_hidden = _state_at(
                self, fold, fold.replayed, event.hide_rule_turn, *args,
                fold.last_ml_action_sub_state, fold.turn_was_hidden,
            )
            if state is not None:
                fold.states.append(state)
        fold.replayed.update(event)
        fold.events.append(event)

    # Rasa's generator ends with the tracker after every event (never hidden).
    last, _, _ = _state_at(
        self, fold, fold.replayed, False, *args, fold.last_ml_action_sub_state, fold.turn_was_hidden
    )
    # The last state may share its user sub-state with the one before it: copied too.
    return _copy_states(fold.states + [last] if last is not None else fold.states)


def install() -> None:
    """Replace both in this process; Rasa's own are kept as `rasa_states_for_tracker_history`
    and `rasa_applied_events`."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    global rasa_states_for_tracker_history, rasa_applied_events
    if Domain.states_for_tracker_history is not states_for_tracker_history:
        rasa_states_for_tracker_history = Domain.states_for_tracker_history
        Domain.states_for_tracker_history = states_for_tracker_history
    if DialogueStateTracker.applied_events is not applied_events:
        rasa_applied_events = DialogueStateTracker.applied_events
        DialogueStateTracker.applied_events = applied_events


rasa_states_for_tracker_history = None
rasa_applied_events = None
