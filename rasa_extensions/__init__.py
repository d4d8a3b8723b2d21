"""Every change this project makes to Rasa Open Source's server, in one place.

Checked against rasa==3.6.21 (`CHECKED_WITH`): each patch replaces a function of
Rasa's own, copied or rewritten from that version, so `apply()` refuses any other
version until each one has been re-checked.

Who applies them: `scripts/rasa_server.py` calls `apply()` before Rasa starts, and
every running Rasa server goes through it (`make run` via scripts/run_assistant.sh,
tests/stack.py, the latency benchmark). Importing `nlu_components` (the custom NLU
components, which Rasa imports when it loads or trains a model) changes nothing.

| module | what it changes in Rasa 3.6.21 | why |
|---|---|---|
| `rasa_speedups` (patch) | `RemoteAction._validate_action_result`: the action-response schema is checked once and its validator kept (each reply still validated in full, same errors); `Event.resolve_by_type`: a type-name table built once, in Rasa's search order; `ActionExtractSlots.run`: leaves out a `SlotSet` to the value the slot already has, except the active form's slots | half of the server's CPU on a case-status turn, a tenth on loading events, and repeated slot events replayed on every later turn (benchmarks/results/latency.md) |
| `incremental_states` (patch) | `Domain.states_for_tracker_history` and `DialogueStateTracker.applied_events`: carried forward from the events already folded instead of replayed from the first event; the same lists as Rasa's | 28% and 15% of the server's CPU over a 110-turn conversation |
| `action_server_payload` (patch) | `RemoteAction._action_call_format`: the tracker's `events` start at the applicant's `ACTION_SERVER_HISTORY_TURNS`-th last message (default 10; 0 sends all), and the domain goes without its `responses`; slots, active loop and latest message unchanged | about 190 kB of JSON per action call at turn 50; the actions read only recent turns and the domain's slots and forms |
| `paused_conversations` (patch) | `MessageProcessor._should_handle_message` and `_predict_next_with_tracker`: in a paused (handed-off) conversation a crisis message is still answered (G6), and while the applicant waits in line every message is answered by `action_handoff_waiting` | Rasa 3.6 predicts nothing for a paused conversation: no 911 for a person in danger, silence for a person in line |
| `most_specific_responses` (no patch: a response generator class) | `MostSpecificResponses(TemplatedNaturalLanguageGenerator)`, named by `nlg: type:` in endpoints.yml and deploy/endpoints.production.yml: among the conditional response variations that hold (Rasa's own filter), only those with the most conditions are chosen from | Rasa picks at random among all that hold, so a Spanish typo request was told the generic "Describa el problema" half the time |
| `sql_tracker_store` (no patch: a tracker store class) | `KeptSQLTrackerStore(SQLTrackerStore)`, named by `tracker_store: type:` in endpoints.yml and deploy/endpoints.production.yml (Rasa's own extension point; the same keys as `type: SQL`): keeps the last saved tracker while the store agrees, writes only the new events, SQLite in WAL mode; not installed by `apply()`, and refuses another Rasa version itself | loading and replaying the whole session every message, 16% of the CPU at turn 50 |

Each module's docstring says more, and `tests/rasa_extensions/test_<module>.py` compares it with
Rasa's own code. Every patch is idempotent and `apply()` may be called any number of times.

Processes that run Rasa's CLI directly do not apply them, and need not: `rasa train`
(make train, `python -m admin train`), `rasa test core` (make test-stories), `rasa data
validate`, and in-process model loading (nlu_evaluation.ModelParser, the admin
gate), which train, parse or replay stories and run no action:
- `incremental_states` and the action-reply and event-type parts of `rasa_speedups`
  give exactly what Rasa's own code gives (tests/rasa_extensions/test_incremental_states.py checks the
  state history on every prefix of every test story), so training and the test stories
  predict what the patched server predicts; unpatched, they are only slower (`rasa test
  core` on the test stories gives the same report with and without `apply()`);
- the slot-extraction part of `rasa_speedups` acts when `action_extract_slots` runs,
  `action_server_payload` when a custom action is called, `paused_conversations` in a
  paused conversation (which no story or rule can express): only in a running server;
- the tracker store is whatever the endpoints file names, and those commands read none
  (the admin inbox reads the store's table itself).
"""
from __future__ import annotations

CHECKED_WITH = "3.6.21"  # the one Rasa version every module here was checked against

# What to re-check in a new Rasa, module by module (the functions each one replaces or relies on).
_RECHECK = (
    ("rasa_speedups", "RemoteAction._validate_action_result, Event.resolve_by_type, ActionExtractSlots.run"),
    ("incremental_states", "Domain.states_for_tracker_history, DialogueStateTracker.applied_events"),
    ("action_server_payload", "RemoteAction._action_call_format"),
    ("paused_conversations", "MessageProcessor._should_handle_message, MessageProcessor._predict_next_with_tracker"),
    ("sql_tracker_store", "SQLTrackerStore.retrieve, save, _event_query, the events table"),
)


def apply() -> None:
    """Apply this project's patches to Rasa's server in this process (idempotent).

    Raises RuntimeError, changing nothing, on any Rasa version but `CHECKED_WITH`.
    """
    import rasa

    if rasa.__version__ != CHECKED_WITH:
        recheck = "; ".join(f"rasa_extensions/{module}.py: {functions}" for module, functions in _RECHECK)
        raise RuntimeError(
            f"rasa_extensions (rasa_extensions/__init__.py) was checked against rasa {CHECKED_WITH}, "
            f"and this is rasa {rasa.__version__}. Its patches replace Rasa's own functions: re-check each "
            f"against the new version ({recheck}), run tests/rasa_extensions/test_rasa_speedups.py, test_incremental_states.py, "
            "test_action_server_payload.py, test_paused_conversations.py, test_sql_tracker_store.py and the "
            "test stories, then set CHECKED_WITH."
        )
    from rasa_extensions import action_server_payload, incremental_states, paused_conversations, rasa_speedups

    rasa_speedups.install()
    incremental_states.install()
    action_server_payload.install()
    paused_conversations.install()
