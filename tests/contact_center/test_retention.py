"""The retention job removes what is past the age and keeps the rest (issue 15)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from contact_center import retention, rules
from contact_center.storage import ContactCenterStore

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=10)


def _store(tmp_path) -> ContactCenterStore:
    store = ContactCenterStore(f"sqlite:///{tmp_path / 'cc.db'}")
    store.migrate()
    return store


def _events_db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, timestamp FLOAT, data TEXT)"))
        for sender, moment, text in (("old", OLD, "my receipt is EAC1234567890"), ("new", RECENT, "hello")):
            c.execute(sa.text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"),
                      {"s": sender, "t": moment.timestamp(), "d": text})
    engine.dispose()
    return url


def _fill(store: ContactCenterStore) -> None:
    for when, who in ((OLD, "old"), (RECENT, "new")):
        store.file_service_request(
            idempotency_key=f"k-{who}", conversation_id=who, request_type="card_not_received", language="en",
            receipt_number="EAC1234567890", email=f"{who}@example.com", phone_numbers=["+12025550143"],
            details="my card never came to 12 Oak Street", now=when,
        )
        store.record_decision(who, rules.change_of_address(), {"x": 1}, when=when, request_kind="address")
        entry = store.enqueue_live(conversation_id=who, tier=1, language="en", topic="other", receipt_number=None,
                                   summary="asked: help", now=when)
        store.set_live_status(entry.id, "closed", now=when)
    store.enqueue_live(conversation_id="waiting-old", tier=1, language="en", topic="other", receipt_number=None,
                       summary="still waiting", now=OLD)


def test_what_is_past_the_age_goes_and_the_rest_stays(tmp_path):
    store = _store(tmp_path)
    _fill(store)
    url = _events_db(tmp_path)
    report = retention.purge(store, url, timedelta(days=365), now=NOW)
    assert report.removed == {"decision records": 1, "live queue entries": 1, "callbacks": 0, "conversation events": 1}
    assert report.anonymised == {"service requests": 1}
    old = store.get_service_request_by_key("k-old")
    assert old.receipt_number is None and old.email is None and old.phone_numbers == [] and old.details == "[removed]"
    assert old.reference and old.request_type == "card_not_received"  # statistics keep
    new = store.get_service_request_by_key("k-new")
    assert new.receipt_number == "EAC1234567890" and "12 Oak Street" in new.details
    assert store.decisions_for("old") == [] and len(store.decisions_for("new")) == 1
    assert store.live_entry_for("waiting-old") is not None  # still waiting: kept
    engine = sa.create_engine(url)
    with engine.connect() as c:
        assert [r[0] for r in c.execute(sa.text("SELECT sender_id FROM events"))] == ["new"]
    engine.dispose()
    store.dispose()


def test_a_dry_run_counts_and_changes_nothing(tmp_path):
    store = _store(tmp_path)
    _fill(store)
    url = _events_db(tmp_path)
    report = retention.purge(store, url, timedelta(days=365), now=NOW, dry_run=True)
    assert report.removed["decision records"] == 1 and report.removed["conversation events"] == 1
    assert store.get_service_request_by_key("k-old").receipt_number == "EAC1234567890"
    again = retention.purge(store, url, timedelta(days=365), now=NOW)
    assert again.removed == report.removed
    store.dispose()


def test_running_twice_changes_nothing_more(tmp_path):
    store = _store(tmp_path)
    _fill(store)
    retention.purge(store, None, timedelta(days=365), now=NOW)
    second = retention.purge(store, None, timedelta(days=365), now=NOW)
    assert second.removed == {"decision records": 0, "live queue entries": 0, "callbacks": 0}
    assert second.anonymised == {"service requests": 0}
    store.dispose()


def test_the_command_reports_what_it_would_remove(tmp_path, capsys):
    store = _store(tmp_path)
    _fill(store)
    store.dispose()
    url = _events_db(tmp_path)
    code = retention.main(["--days", "365", "--db-url", f"sqlite:///{tmp_path / 'cc.db'}", "--tracker-db-url", url, "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and "would be removed 1 conversation events" in out and "would be anonymised" in out
