"""rasa_extensions/sql_tracker_store.py: a kept tracker is handed back only while the store agrees with
it, and the rows written are Rasa's; the endpoints files name it and Rasa builds it from them.

Run on SQLite and on PostgreSQL (the one on 127.0.0.1:5432; skipped with the
reason where none is reachable). "Another process" is a second store object on
the same database, which shares nothing in memory with the first.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from typing import List

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

import rasa_extensions
from rasa_extensions import sql_tracker_store
from rasa_extensions.sql_tracker_store import KeptSQLTrackerStore

rasa_extensions.apply()  # as scripts/rasa_server.py does before Rasa starts (the state history it keeps)

from tests import ROOT

PG_URL = os.environ.get("CONTACT_CENTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain")


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
        make = lambda: KeptSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))  # noqa: E731
    else:
        reason = _pg_reason()
        if reason:
            pytest.skip(reason)
        url = sa.engine.make_url(PG_URL)
        make = lambda: KeptSQLTrackerStore(  # noqa: E731
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


ENDPOINTS_KEY = "type: rasa_extensions.sql_tracker_store.KeptSQLTrackerStore"


def test_rasas_own_sql_tracker_store_is_not_patched(tmp_path, domain) -> None:
    # The kept trackers are a subclass named in the endpoints file, not a change to Rasa's class.
    assert SQLTrackerStore.retrieve is not KeptSQLTrackerStore.retrieve
    assert SQLTrackerStore.save is not KeptSQLTrackerStore.save
    plain = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "plain.db"))
    tracker = _conversation(plain, turns=1)
    assert run(plain.retrieve(tracker.sender_id)) is not tracker
    plain.engine.dispose()


@pytest.mark.parametrize("path", ["endpoints.yml", "deploy/endpoints.production.yml"])
def test_every_endpoints_file_names_the_store(path) -> None:
    import yaml

    section = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))["tracker_store"]
    assert "type: " + section["type"] == ENDPOINTS_KEY


def test_the_test_stacks_endpoints_name_the_store() -> None:
    text = (ROOT / "launcher" / "scratch.py").read_text(encoding="utf-8")  # the endpoints it writes
    assert ENDPOINTS_KEY in text and "type: SQL" not in text


def test_rasa_builds_the_store_from_endpoints_yml_with_its_keys(tmp_path, domain, monkeypatch) -> None:
    # Rasa's own loader (TrackerStore.create -> _load_from_module_name_in_endpoint_config),
    # given endpoints.yml's tracker_store section with the database moved to tmp_path.
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "x")
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    assert config.kwargs["dialect"] == "sqlite" and config.kwargs["db"] == "var/tracker.db"
    config.kwargs["db"] = str(tmp_path / "tracker.db")
    store = TrackerStore.create(config, domain)
    try:
        assert type(store) is KeptSQLTrackerStore  # not Rasa's InMemoryTrackerStore fallback
        assert store.engine.url.database == str(tmp_path / "tracker.db") and store.domain is domain
        tracker = _conversation(store, turns=1)
        assert run(store.retrieve(tracker.sender_id)) is tracker
    finally:
        store.engine.dispose()


def test_rasa_builds_the_production_store_with_its_keys(domain, monkeypatch) -> None:
    # deploy/endpoints.production.yml's keys (url, port, username, password, db) reach SQLTrackerStore.
    reason = _pg_reason()
    if reason:
        pytest.skip(reason)
    url = sa.engine.make_url(PG_URL)
    for name, value in {"DB_HOST": url.host, "DB_PORT": str(url.port or 5432), "DB_USER": url.username,
                        "DB_PASSWORD": url.password or "", "DB_NAME": url.database, "DB_SSLMODE": "prefer"}.items():
        monkeypatch.setenv(name, value)
    for name in ("ACTION_SERVER_URL", "ACTION_SERVER_TOKEN", "REDIS_HOST", "REDIS_PORT", "RABBITMQ_HOST",
                 "RABBITMQ_USER", "RABBITMQ_PASSWORD"):
        monkeypatch.setenv(name, "unused")
    config = read_endpoint_config(str(ROOT / "deploy" / "endpoints.production.yml"), "tracker_store")
    store = TrackerStore.create(config, domain)
    try:
        assert type(store) is KeptSQLTrackerStore
        assert store.engine.dialect.name == "postgresql"
        assert (store.engine.url.host, store.engine.url.port, store.engine.url.database) == (
            url.host, url.port or 5432, url.database)
        assert store.engine.url.query.get("sslmode") == "prefer"  # DB_SSLMODE reaches libpq
    finally:
        store.engine.dispose()


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.production.yml"])
def test_the_admin_inbox_reads_the_named_store_as_sql(tmp_path, monkeypatch, endpoints) -> None:
    # admin/trackers.py reads Rasa's events table itself for SQL stores, this class included,
    # and takes a relative SQLite path from the project root.
    from admin.project import Project
    from admin.trackers import resolve

    for name in ("ACTION_SERVER_TOKEN", "ACTION_SERVER_URL", "REDIS_HOST", "REDIS_PORT", "RABBITMQ_HOST",
                 "RABBITMQ_USER", "RABBITMQ_PASSWORD", "DB_USER", "DB_PASSWORD"):
        monkeypatch.setenv(name, "x")
    for name, value in {"DB_HOST": "db.example", "DB_PORT": "5432", "DB_NAME": "rasa", "DB_SSLMODE": "verify-full"}.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "domain.yml").write_text("version: '3.1'\n", encoding="utf-8")
    (tmp_path / "endpoints.yml").write_text((ROOT / endpoints).read_text(encoding="utf-8"), encoding="utf-8")
    store = resolve(Project.at(str(tmp_path)))
    assert store.endpoint is None and store.url is not None  # the SQL reader, not Rasa's generic one
    if endpoints == "endpoints.yml":
        assert store.sqlite_path == tmp_path / "var" / "tracker.db"
    else:
        assert sa.engine.make_url(store.url).get_backend_name() == "postgresql"
        assert sa.engine.make_url(store.url).host == "db.example"
        assert sa.engine.make_url(store.url).query.get("sslmode") == "verify-full"


def test_a_failure_inside_the_store_is_not_taken_for_a_missing_class(domain, monkeypatch) -> None:
    # Rasa falls back to memory on an AttributeError from a custom store's constructor.
    def broken(self, *args, **kwargs):
        raise AttributeError("broken")

    monkeypatch.setattr(SQLTrackerStore, "__init__", broken)
    with pytest.raises(RuntimeError, match="KeptSQLTrackerStore could not start"):
        TrackerStore.create(EndpointConfig(type="rasa_extensions.sql_tracker_store.KeptSQLTrackerStore"), domain)


def test_the_store_refuses_another_rasa_version(monkeypatch) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.6.22")
    with pytest.raises(RuntimeError, match=f"checked against rasa {rasa_extensions.CHECKED_WITH}, not 3.6.22"):
        KeptSQLTrackerStore(dialect="sqlite", db=":memory:")


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
    run(SQLTrackerStore.save(ours, rasas))  # Rasa's own save, not the subclass's
    steps = [[lambda t: _turn(t, "hola", "es")], [lambda t: _turn(t, "second", "en")],
             [_session_restart, lambda t: _turn(t, "after", "es")], [lambda t: _turn(t, "last", "en")]]
    for turn in steps:
        mine, rasas = run(ours.retrieve(ours_id)), run(ours._retrieve(theirs_id, False))
        for step in turn:
            before = len(mine.events)
            step(mine)
            for event in list(mine.events)[before:]:
                rasas.update(event)
            run(SQLTrackerStore.save(ours, rasas))
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
    ours.domain = Domain.load(ROOT / "domain")  # what loading another model does
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
