"""Each conversation's tracker kept in memory between turns, and used only while the store agrees.

Rasa 3.6's SQL tracker store loads every event of the session on every message,
decodes it and replays it into a new tracker (16% of the server's CPU time at
turn 50 of a conversation), and with an event broker it loads the whole tracker
once more on every save, only to count its events.

Here, after a save, the tracker that was saved is kept with its mark: how many
events it holds and the newest timestamp among them. The next retrieve asks the
store for the same mark of the latest session (one small aggregate query, by the
query Rasa loads the session with) and hands the kept tracker back only if the
two agree and the tracker still holds that many events. A write by another Rasa
process (more events), a new session started elsewhere (other events, newer
timestamps), an event added after the save, a failed save (never kept) or a new
model's domain all mean a normal load from the store. A kept tracker is handed out once: whoever retrieves it owns it
until it is saved again. The tracker also keeps what nlu_components/
incremental_states.py has folded, so predictions carry on from the last turn.

Only the latest-session retrieve is served from memory; `retrieve_full_tracker`
(the HTTP API's tracker, the admin inbox) always reads the store.
"""
from __future__ import annotations

import itertools
import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Text, Tuple

if TYPE_CHECKING:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker


# Conversations kept per Rasa process; the least recently saved goes first. A
# 50-turn conversation's tracker is a few hundred kB in memory.
MAX_TRACKERS = int(os.environ.get("TRACKER_CACHE_SIZE", "500"))
CACHE_ATTRIBUTE = "_kept_trackers"

Mark = Tuple[int, Optional[float]]


@dataclass
class _Kept:
    tracker: "DialogueStateTracker"
    mark: Mark
    domain: "Domain"


def _kept(store: "SQLTrackerStore") -> "OrderedDict[Text, _Kept]":
    return store.__dict__.setdefault(CACHE_ATTRIBUTE, OrderedDict())


def session_mark(store: "SQLTrackerStore", session: Any, sender_id: Text) -> Mark:
    """(events in the latest session, newest timestamp among them), as stored."""
    import sqlalchemy as sa

    query = store._event_query(session, sender_id, fetch_events_from_all_sessions=False)
    count, newest = query.order_by(None).with_entities(
        sa.func.count(store.SQLEvent.id), sa.func.max(store.SQLEvent.timestamp)
    ).one()
    return int(count or 0), newest


def tracker_mark(tracker: "DialogueStateTracker") -> Mark:
    """The same mark for the events a tracker holds (Rasa stores each event's own timestamp)."""
    return len(tracker.events), max((e.timestamp for e in tracker.events), default=None)


def install() -> None:
    """Wrap `SQLTrackerStore` retrieve, save and event streaming in this process."""
    from rasa.core.tracker_store import SQLTrackerStore
    if getattr(SQLTrackerStore, "_keeps_trackers", False):
        return
    original_retrieve = SQLTrackerStore.retrieve
    original_save = SQLTrackerStore.save

    async def retrieve(self: SQLTrackerStore, sender_id: Text) -> Optional["DialogueStateTracker"]:
        kept = _kept(self).pop(sender_id, None)
        if kept is not None and kept.domain is self.domain and MAX_TRACKERS > 0:
            with self.session_scope() as session:
                mark = session_mark(self, session, sender_id)
            if mark == kept.mark == tracker_mark(kept.tracker):
                return kept.tracker
        return await original_retrieve(self, sender_id)

    async def save(self: SQLTrackerStore, tracker: "DialogueStateTracker") -> None:
        kept = _kept(self)
        kept.pop(tracker.sender_id, None)
        await original_save(self, tracker)
        # A tracker that also holds earlier sessions is not what a load would give:
        # its mark never matches the store's, so it is never handed back.
        if MAX_TRACKERS > 0 and tracker._max_event_history is None:
            kept[tracker.sender_id] = _Kept(tracker, tracker_mark(tracker), self.domain)
            while len(kept) > MAX_TRACKERS:
                kept.popitem(last=False)

    async def stream_events(self: SQLTrackerStore, tracker: "DialogueStateTracker") -> None:
        # Rasa loads the stored tracker only to count its events (TrackerEventDiffEngine);
        # the count is enough.
        if self.event_broker is None:
            return None
        with self.session_scope() as session:
            stored, _ = session_mark(self, session, tracker.sender_id)
        new_events = list(itertools.islice(tracker.events, stored, None))
        await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)

    SQLTrackerStore.retrieve = retrieve
    SQLTrackerStore.save = save
    SQLTrackerStore.stream_events = stream_events
    SQLTrackerStore._keeps_trackers = True
