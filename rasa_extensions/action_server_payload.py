"""What Rasa posts to the action server: the recent part of the conversation, and the domain without its texts.

Rasa 3.6 posts the whole tracker, every event of the session, to the action
server for each custom action, two or three times a turn. At turn 50 that is
about 190 kB of JSON to build, encode, send and decode each time: half of the
growth in turn latency between turn 5 and turn 50 (benchmarks/results/latency.md).

The actions only look back a few turns: rasa_sdk reads the trailing slot
events, the last action and the latest message, and the representative's summary
(actions/live_help.py) the last five messages. Everything else they use (every
slot, the active loop, the latest message) is sent in full as it always is.
So the payload's `events` start at the applicant's `ACTION_SERVER_HISTORY_TURNS`-th
last message (default 10); 0 sends every event, as Rasa does.

Rasa also sends the whole domain with every call: 83 kB, of which 77 kB are the
responses in both languages. Actions name a response and Rasa renders it, and
rasa_sdk reads only the domain's slots and forms, so the domain goes without its
`responses` (built once per loaded domain).

Installed by `rasa_extensions.apply()` (scripts/rasa_server.py, before Rasa starts).
"""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Dict, List, Text

from contact_center import settings

if TYPE_CHECKING:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

HISTORY_TURNS = settings.integer("ACTION_SERVER_HISTORY_TURNS")  # read once, when the server starts
LEFT_OUT_OF_DOMAIN = ("responses",)
_domain_sent: Dict[int, Dict[Text, Any]] = {}


def domain_for_actions(domain: "Domain") -> Dict[Text, Any]:
    """`domain.as_dict()` without the responses; kept for the domain last asked about."""
    sent = _domain_sent.get(id(domain))
    if sent is None or sent["__domain__"] is not domain:
        as_dict = {k: v for k, v in domain.as_dict().items() if k not in LEFT_OUT_OF_DOMAIN}
        _domain_sent.clear()
        _domain_sent[id(domain)] = sent = {"__domain__": domain, "dict": as_dict}
    return sent["dict"]


def recent_events(tracker: "DialogueStateTracker", turns: int) -> List["Event"]:
    """The events from the `turns`-th last user message on (all of them when there are fewer)."""
    from rasa.shared.core.events import UserUttered

    events = tracker.events
    if turns <= 0:
        return list(events)
    seen = 0
    for back, event in enumerate(reversed(events)):
        if isinstance(event, UserUttered):
            seen += 1
            if seen == turns:
                return list(itertools.islice(events, len(events) - back - 1, None))
    return list(events)


def action_call_format(self: "RemoteAction", tracker: "DialogueStateTracker", domain: "Domain") -> Dict[Text, Any]:
    """Rasa 3.6.21's `RemoteAction._action_call_format`, with the recent events and the domain's structure."""
    import rasa
    from rasa.shared.core.trackers import EventVerbosity

    tracker_state = tracker.current_state(EventVerbosity.NONE)
    tracker_state["events"] = [e.as_dict() for e in recent_events(tracker, HISTORY_TURNS)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": tracker_state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
        result["domain"] = domain_for_actions(domain)
    return result


def install() -> None:
    """Replace `RemoteAction._action_call_format` in this process (Rasa's own kept as `rasa_original`)."""
    from rasa.core.actions.action import RemoteAction

    global rasa_original
    if RemoteAction._action_call_format is not action_call_format:
        rasa_original = RemoteAction._action_call_format
        RemoteAction._action_call_format = action_call_format


rasa_original = None
