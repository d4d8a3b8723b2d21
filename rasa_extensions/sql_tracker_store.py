"""Rasa's SQL tracker store, with each turn's work no longer growing with the conversation.

Not a patch: `KeptSQLTrackerStore` is a subclass of Rasa's `SQLTrackerStore`, which
Rasa loads by its module path from the endpoints file (endpoints.yml,
deploy/endpoints.production.yml), with the same keys as `type: SQL`:

    tracker_store:
      type: rasa_extensions.sql_tracker_store.KeptSQLTrackerStore
      dialect: "sqlite"
      db: "var/tracker.db"

`type: SQL` still works, as Rasa's own store, only slower. The class refuses a Rasa
version other than `rasa_extensions.CHECKED_WITH`, whoever starts it.

Rasa 3.6's SQL tracker store, on the server's one event loop, for every message:
loads every event of the session, decodes it and replays it into a new tracker
(16% of the server's CPU time at turn 50); counts the stored events again to find
the new ones; writes them through the ORM's unit of work; and, with an event
broker, loads the whole tracker once more only to count its events. With SQLite
(the one-machine default) each commit also waited for a full disk flush.

Here:
- After a save the tracker that was saved is kept with its mark: how many events
  it holds and the newest timestamp among them. The next retrieve asks the store
  for the same mark of the latest session (one aggregate query, with Rasa's own
  session rule) and hands the kept tracker back only if the two agree and the
  tracker still holds that many events. A write by another Rasa process (more
  events), a new session started elsewhere (other events, newer timestamps), an
  event added after the save, a failed save (never kept) or a new model's domain
  all mean a normal load from the store. A kept tracker is handed out once:
  whoever retrieves it owns it until it is saved again. It also keeps what
  rasa_extensions/incremental_states.py has folded, so predictions carry on.
- A tracker this store handed out remembers how many of its events are stored,
  so a save writes the rest without counting them again; after a new session
  starts in the tracker it counts, as Rasa does. Rows are the ones Rasa writes,
  inserted in one statement; the event broker gets the same new events, so the
  stored tracker is no longer loaded to count them.
- SQLite runs in write-ahead-log mode with `synchronous=NORMAL`: a commit appends
  to the log, still safe if the assistant crashes (a power cut can lose the last
  turns, never corrupt the file). PostgreSQL (production) is untouched.

Only the latest-session retrieve is served from memory; `retrieve_full_tracker`
(the HTTP API's tracker, the admin inbox) always reads the store.
"""
from __future__ import annotations

import contextlib
import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Text, Tuple

from rasa.core.tracker_store import SQLTrackerStore

from contact_center import settings

if TYPE_CHECKING:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker


# Conversations kept per Rasa process; the least recently saved goes first. A
# 50-turn conversation's tracker and its folded history take about a megabyte.
MAX_TRACKERS = settings.integer("TRACKER_CACHE_SIZE")  # read once, when the server starts
STORED_ATTRIBUTE = "_events_stored"  # on a tracker: how many of its events the store holds

Mark = Tuple[int, Optional[float]]


@dataclass
class _Kept:
    tracker: "DialogueStateTracker"
    mark: Mark
    domain: "Domain"


def _kept(store: "KeptSQLTrackerStore") -> "OrderedDict[Text, _Kept]":
    """The trackers a store keeps, by sender id, least recently saved first."""
    return store._kept_trackers


@contextlib.contextmanager
def _connection(store: "KeptSQLTrackerStore") -> Iterator[Any]:
    """A connection in a transaction, committed on leaving; SQLite in WAL mode."""
    import sqlalchemy as sa

    with store.engine.begin() as connection:
        if store.engine.dialect.name == "sqlite":
            if not store._wal:
                connection.execute(sa.text("PRAGMA journal_mode=WAL"))
                store._wal = True
            connection.execute(sa.text("PRAGMA synchronous=NORMAL"))
        yield connection


def _mark_statement(store: "KeptSQLTrackerStore") -> Any:
    """(events in the latest session, newest timestamp) for :sender, by Rasa's `_event_query` rule."""
    statement = store._mark_statement
    if statement is None:
        import sqlalchemy as sa
        from rasa.shared.core.events import SessionStarted

        events = store.SQLEvent.__table__
        sender = sa.bindparam("sender")
        session_start = (
            sa.select(sa.func.max(events.c.timestamp))
            .where(events.c.sender_id == sender, events.c.type_name == SessionStarted.type_name)
            .scalar_subquery()
        )
        statement = sa.select(sa.func.count(events.c.id), sa.func.max(events.c.timestamp)).where(
            events.c.sender_id == sender, sa.or_(events.c.timestamp >= session_start, session_start.is_(None))
        )
        store._mark_statement = statement
    return statement


def session_mark(store: "KeptSQLTrackerStore", connection: Any, sender_id: Text) -> Mark:
    """The store's mark of a conversation's latest session."""
    count, newest = connection.execute(_mark_statement(store), {"sender": sender_id}).one()
    return int(count or 0), newest


def tracker_mark(tracker: "DialogueStateTracker") -> Mark:
    """The same mark for the events a tracker holds (Rasa stores each event's own timestamp)."""
    return len(tracker.events), max((e.timestamp for e in tracker.events), default=None)


def event_row(sender_id: Text, event: "Event") -> Dict[Text, Any]:
    """The row Rasa 3.6.21's `SQLTrackerStore.save` writes for an event."""
    from rasa.shared.nlu.constants import INTENT_NAME_KEY

    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


class KeptSQLTrackerStore(SQLTrackerStore):
    """Rasa's `SQLTrackerStore` (same keys, same table, same rows) keeping the last saved trackers.

    Named in the endpoints file, where Rasa loads a tracker store class by its module path:

        tracker_store:
          type: rasa_extensions.sql_tracker_store.KeptSQLTrackerStore
          dialect: "sqlite"
          db: "var/tracker.db"

    Every other key is passed to `SQLTrackerStore` as with `type: SQL` (`url` as its `host`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        import rasa

        from rasa_extensions import CHECKED_WITH

        if rasa.__version__ != CHECKED_WITH:
            raise RuntimeError(
                f"rasa_extensions/sql_tracker_store.py was checked against rasa {CHECKED_WITH}, not "
                f"{rasa.__version__}: check SQLTrackerStore.retrieve, save and _event_query and the events "
                "table, then update rasa_extensions.CHECKED_WITH"
            )
        try:
            super().__init__(*args, **kwargs)
        except AttributeError as error:
            # Rasa takes an AttributeError from a custom store for "no such class" and
            # silently keeps conversations in memory instead: never that.
            raise RuntimeError(f"{type(self).__name__} could not start: {error!r}") from error
        self._kept_trackers: "OrderedDict[Text, _Kept]" = OrderedDict()
        self._wal = False
        self._mark_statement: Any = None

    async def retrieve(self, sender_id: Text) -> Optional["DialogueStateTracker"]:
        """The latest session: the tracker kept at the last save while the store still holds exactly
        its events, otherwise Rasa's load."""
        kept = _kept(self).pop(sender_id, None)
        if kept is not None and kept.domain is self.domain and MAX_TRACKERS > 0:
            with _connection(self) as connection:
                mark = session_mark(self, connection, sender_id)
            if mark == kept.mark == tracker_mark(kept.tracker):
                kept.tracker.__dict__[STORED_ATTRIBUTE] = mark[0]
                return kept.tracker
        tracker = await super().retrieve(sender_id)
        if tracker is not None:  # exactly the latest session's rows
            tracker.__dict__[STORED_ATTRIBUTE] = len(tracker.events)
        return tracker

    async def save(self, tracker: "DialogueStateTracker") -> None:
        """Rasa's rows for the events not stored yet, in one statement; the event broker gets the same."""
        from rasa.shared.core.events import SessionStarted

        kept = _kept(self)
        kept.pop(tracker.sender_id, None)
        stored: Optional[int] = tracker.__dict__.pop(STORED_ATTRIBUTE, None)
        if stored is None:
            with _connection(self) as connection:
                stored = session_mark(self, connection, tracker.sender_id)[0]
        new: List["Event"] = list(itertools.islice(tracker.events, stored, None))
        if self.event_broker is not None:  # before writing, as Rasa's save streams them
            await self._stream_new_events(self.event_broker, new, tracker.sender_id)
        if new:
            with _connection(self) as connection:
                connection.execute(self.SQLEvent.__table__.insert(), [event_row(tracker.sender_id, e) for e in new])
        # After a new session starts, the store's latest session is no longer the
        # tracker's events: the next save counts, as Rasa does.
        if not any(isinstance(e, SessionStarted) for e in new):
            tracker.__dict__[STORED_ATTRIBUTE] = stored + len(new)
        # A tracker that also holds earlier sessions is not what a load would give:
        # its mark never matches the store's, so it is never handed back.
        if MAX_TRACKERS > 0 and tracker._max_event_history is None:
            kept[tracker.sender_id] = _Kept(tracker, tracker_mark(tracker), self.domain)
            while len(kept) > MAX_TRACKERS:
                kept.popitem(last=False)
