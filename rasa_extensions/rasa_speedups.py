"""Three hot spots of the Rasa 3.6 server, made cheap (and where the others are handled).

Measured with py-spy on the running server (benchmarks/results/latency.md):

- Every custom action's reply is checked with `jsonschema.validate`, which first
  checks the *schema itself* against the draft-2020-12 metaschema and builds a new
  validator, on every call. That was about half of the server's CPU time on a
  case-status turn. Here the schema is checked once and its validator kept; each
  reply is still validated in full and a bad one still raises `ValidationError`.
- Every event loaded from the tracker store is matched to its class by walking
  every subclass of `Event` (`Event.resolve_by_type`): about a tenth of the CPU
  time. Here the type-name table is built once, in the same order Rasa searches,
  and rebuilt if new event classes appear; unknown names go to Rasa's own code.
- Slot extraction after each message sets every mapped slot it finds, even to
  the value it already has (the `language` slot on nearly every message). Each
  such event is stored and then loaded and replayed on every later turn of the
  conversation. Here those repeats are left out, except for the slots of the
  active form, which reads this turn's slot events as its candidate answers.
- Every prediction rebuilds the dialogue state after every earlier action of the
  conversation: rasa_extensions/incremental_states.py carries it forward instead.
- Every message loads and replays the whole session from the SQL tracker store:
  rasa_extensions/sql_tracker_store.py keeps the last saved tracker while the store
  agrees, writes only what is new without counting, and puts SQLite in WAL mode.
- Every custom action is sent every event of the conversation:
  rasa_extensions/action_server_payload.py sends the last few turns' events, and
  the domain without its 77 kB of response texts (what the actions see changes:
  that module says how, and why nothing they use is left out).

Installed by `rasa_extensions.apply()` (scripts/rasa_server.py, before Rasa starts),
which checks the Rasa version first; `install()` is idempotent.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text, Type

_installed = False


def _cached_action_result_validation() -> None:
    from jsonschema import validators
    from jsonschema.exceptions import best_match
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        error = best_match(validator.iter_errors(result))
        if error is not None:
            # The same message Rasa's own check gives.
            error.message += (
                ". Failed to validate Action server response from API, "
                "make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
            )
            raise error
        return True

    RemoteAction._validate_action_result = _validate_action_result


def _cached_event_types() -> None:
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event

    original = Event.resolve_by_type
    table: Dict[Text, Type[Event]] = {}
    seen_direct_subclasses = [-1]

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        direct = len(Event.__subclasses__())
        if direct != seen_direct_subclasses[0]:
            table.clear()
            for cls in rasa.shared.utils.common.all_subclasses(Event):
                table.setdefault(cls.type_name, cls)  # first match wins, as in Rasa
            seen_direct_subclasses[0] = direct
        found = table.get(type_name)
        if found is not None:
            return found
        return original(type_name, default)

    Event.resolve_by_type = staticmethod(resolve_by_type)


def _no_repeated_slot_extractions() -> None:
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.shared.core.events import SlotSet

    original = ActionExtractSlots.run

    async def run(self: ActionExtractSlots, output_channel, nlg, tracker, domain):  # type: ignore[no-untyped-def]
        events = await original(self, output_channel, nlg, tracker, domain)
        form = tracker.active_loop_name
        form_slots = set(domain.required_slots_for_form(form)) if form else set()
        return [
            e for e in events
            if not (isinstance(e, SlotSet) and e.key not in form_slots and tracker.get_slot(e.key) == e.value)
        ]

    ActionExtractSlots.run = run


def install() -> None:
    """Install the three speed-ups above in this process (once)."""
    global _installed
    if _installed:
        return
    _cached_action_result_validation()
    _cached_event_types()
    _no_repeated_slot_extractions()
    _installed = True
