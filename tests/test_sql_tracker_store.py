"""nlu_components/sql_tracker_store.py: a kept tracker is handed back only while the store agrees with
it, and the rows written are Rasa's.

Run on SQLite and on PostgreSQL (the one on 127.0.0.1:5432; skipped with the
reason where none is reachable). "Another process" is a second store object on
the same database, which shares nothing in memory with the first.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from pathlib import Path
from typing import List

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import nlu_components  # noqa: F401  (applies the speed-ups, as loading the model does)
from nlu_components import sql_tracker_store

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("CONTACT_CENTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


def _pg_reason() -> str:
    engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        return ""
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, and say why
        return f"PostgreSQL unreachable at {PG_URL} ({type(exc).__name__})"
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request, tmp_path, domain):
    """Two store objects on one database: this process's and another process's."""
    if request.param == "sqlite":
        make = lambda: SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))  # noqa: E731
    else:
        reason = _pg_reason()
        if reason:
            pytest.skip(reason)
        url = sa.engine.make_url(PG_URL)
        make = lambda: SQLTrackerStore(  # noqa: E731
            domain=domain, dialect="postgresql", host=url.host, port=url.port, db=url.database,
            username=url.username, password=url.password,
        )
    ours, other = make(), make()
    yield ours, other
    for store in (ours, other):
        store.engine.dispose()


def run(coro):
    return asyncio.run(coro)


def _turn(tracker: DialogueStateTracker, text: str, slot_value: str) -> None:
    for event in (UserUttered(text, {"name": "greet", "confidence": 1.0}), SlotSet("language", slot_value),
                  ActionExecuted("utter_greet"), ActionExecuted("action_listen")):
        tracker.update(event)


def _session_restart(tracker: DialogueStateTracker) -> None:
    for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
        tracker.update(event)


def _as_stored(tracker: DialogueStateTracker) -> List[dict]:
    return [e.as_dict() for e in tracker.events]


def _fresh(store: SQLTrackerStore, sender: str) -> DialogueStateTracker:
    """What the store holds, read around the cache."""
    sql_tracker_store._kept(store).pop(sender, None)
    return run(store.retrieve(sender))


def _conversation(store: SQLTrackerStore, turns: int = 3) -> DialogueStateTracker:
    sender = "cache-" + uuid.uuid4().hex
    tracker = run(store.get_or_create_tracker(sender))
    for n in range(turns):
        _turn(tracker, f"hello {n}", "en")
        run(store.save(tracker))
    return tracker


def test_installed_when_the_components_are_imported() -> None:
    assert getattr(SQLTrackerStore, "_keeps_trackers", False)


def test_the_saved_tracker_is_handed_back_and_matches_the_store(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    again = run(ours.retrieve(tracker.sender_id))
    assert again is tracker
    assert _as_stored(again) == _as_stored(_fresh(ours, tracker.sender_id))
    assert again.get_slot("language") == "en"


def test_a_kept_tracker_is_handed_out_once(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    first = run(ours.retrieve(tracker.sender_id))
    second = run(ours.retrieve(tracker.sender_id))
    assert first is tracker and second is not tracker
    assert _as_stored(second) == _as_stored(tracker)


def test_events_written_by_another_process_are_loaded(stores) -> None:
    ours, other = stores
    tracker = _conversation(ours)
    theirs = run(other.retrieve(tracker.sender_id))
    _turn(theirs, "written elsewhere", "es")
    run(other.save(theirs))
    again = run(ours.retrieve(tracker.sender_id))
    assert again is not tracker
    assert again.get_slot("language") == "es"
    assert _as_stored(again) == _as_stored(theirs)


def test_a_new_session_started_by_another_process_is_loaded(stores) -> None:
    ours, other = stores
    tracker = _conversation(ours, turns=2)
    theirs = run(other.retrieve(tracker.sender_id))
    _session_restart(theirs)
    _turn(theirs, "new session", "es")
    run(other.save(theirs))
    again = run(ours.retrieve(tracker.sender_id))
    assert again is not tracker
    assert _as_stored(again) == _as_stored(_fresh(other, tracker.sender_id))
    assert any(isinstance(e, SessionStarted) for e in again.events)


def test_an_event_added_after_the_save_is_not_handed_back(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    tracker.update(SlotSet("language", "es"))  # never saved
    again = run(ours.retrieve(tracker.sender_id))
    assert again is not tracker
    assert again.get_slot("language") == "en"


def test_a_tracker_holding_an_earlier_session_is_not_handed_back(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours, turns=2)
    _session_restart(tracker)
    _turn(tracker, "after the restart", "es")
    run(ours.save(tracker))
    again = run(ours.retrieve(tracker.sender_id))
    assert again is not tracker
    assert _as_stored(again) == _as_stored(_fresh(ours, tracker.sender_id))
    run(ours.save(again))
    assert run(ours.retrieve(tracker.sender_id)) is again  # kept again once it matches the store


def test_a_failed_save_keeps_nothing(stores, monkeypatch) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    run(ours.retrieve(tracker.sender_id))
    _turn(tracker, "lost", "es")

    @contextlib.contextmanager
    def broken(store):
        raise sa.exc.OperationalError("INSERT", {}, Exception("database is down"))
        yield

    monkeypatch.setattr(sql_tracker_store, "_connection", broken)
    with pytest.raises(sa.exc.OperationalError):
        run(ours.save(tracker))
    monkeypatch.undo()
    again = run(ours.retrieve(tracker.sender_id))
    assert again is not tracker and again.get_slot("language") == "en"


def _rows(store: SQLTrackerStore, sender: str) -> List[tuple]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(
            sa.text("SELECT type_name, timestamp, intent_name, action_name, data FROM events "
                    "WHERE sender_id = :s ORDER BY id"), {"s": sender})]


def test_the_rows_written_are_the_ones_rasas_save_writes(stores) -> None:
    # Turn by turn as the processor goes (retrieve, new events, save; a new session in
    # the middle, saved twice in its turn), the same event objects saved by Rasa's own
    # retrieve and save under one sender id and by ours under another.
    ours, _ = stores
    theirs_id, ours_id = "rasa-" + uuid.uuid4().hex, "ours-" + uuid.uuid4().hex
    mine = run(ours.get_or_create_tracker(ours_id))
    rasas = DialogueStateTracker(theirs_id, ours.domain.slots)
    for event in mine.events:
        rasas.update(event)
    run(sql_tracker_store.rasa_original_save(ours, rasas))
    steps = [[lambda t: _turn(t, "hola", "es")], [lambda t: _turn(t, "second", "en")],
             [_session_restart, lambda t: _turn(t, "after", "es")], [lambda t: _turn(t, "last", "en")]]
    for turn in steps:
        mine, rasas = run(ours.retrieve(ours_id)), run(ours._retrieve(theirs_id, False))
        for step in turn:
            before = len(mine.events)
            step(mine)
            for event in list(mine.events)[before:]:
                rasas.update(event)
            run(sql_tracker_store.rasa_original_save(ours, rasas))
            run(ours.save(mine))
        assert _rows(ours, ours_id) == _rows(ours, theirs_id)


def test_sqlite_runs_in_write_ahead_log_mode(stores) -> None:
    ours, _ = stores
    _conversation(ours, turns=1)
    with ours.engine.connect() as connection:
        mode = connection.execute(sa.text("PRAGMA journal_mode")).scalar() if ours.engine.dialect.name == "sqlite" \
            else "wal"
    assert mode == "wal"


def test_a_new_domain_loads_again(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    previous = ours.domain
    ours.domain = Domain.load(ROOT / "domain.yml")  # what loading another model does
    try:
        again = run(ours.retrieve(tracker.sender_id))
    finally:
        ours.domain = previous
    assert again is not tracker
    assert _as_stored(again) == _as_stored(tracker)


def test_the_full_tracker_is_always_read_from_the_store(stores) -> None:
    ours, _ = stores
    tracker = _conversation(ours)
    full = run(ours.retrieve_full_tracker(tracker.sender_id))
    assert full is not tracker
    assert _as_stored(full) == _as_stored(tracker)
    assert run(ours.retrieve(tracker.sender_id)) is tracker  # still kept


def test_the_number_of_kept_trackers_is_bounded(stores, monkeypatch) -> None:
    ours, _ = stores
    monkeypatch.setattr(sql_tracker_store, "MAX_TRACKERS", 2)
    first, second, third = (_conversation(ours, turns=1) for _ in range(3))
    assert list(sql_tracker_store._kept(ours)) == [second.sender_id, third.sender_id]
    assert run(ours.retrieve(first.sender_id)) is not first


class _Broker:
    def __init__(self) -> None:
        self.published: List[dict] = []

    def publish(self, event: dict) -> None:
        self.published.append(event)


def test_the_event_broker_gets_each_new_event_once(stores) -> None:
    ours, _ = stores
    ours.event_broker = _Broker()
    try:
        tracker = _conversation(ours, turns=2)
        published = [e for e in ours.event_broker.published if e["sender_id"] == tracker.sender_id]
    finally:
        ours.event_broker = None
    assert [{k: v for k, v in e.items() if k != "sender_id"} for e in published] == _as_stored(tracker)
