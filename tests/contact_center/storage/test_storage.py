"""Storage for service requests, callbacks, the live queue and the decision log.

Every test runs on two backends: SQLite (a temporary file) and PostgreSQL
(`CONTACT_CENTER_TEST_PG_URL`, default postgresql://postgres@127.0.0.1:5432/test,
in a schema of its own that is dropped afterwards). When PostgreSQL cannot be
reached the PostgreSQL half is skipped, with the URL in the reason.

Test names carry the rule ids of contact-center-rules.md (E3, C1, C3, C4, U3, G2).
"""
from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import make_url

from contact_center import rules
from contact_center.rules import Outcome, RequestType
from contact_center.storage import (
    AttemptConflict,
    Base,
    ContactCenterStore,
    is_reference,
    make_idempotency_key,
)
from contact_center.storage.models import REFERENCE_ALPHABET
from contact_center.storage.store import DEFAULT_URL, URL_ENV

from tests import ROOT

PG_URL = os.environ.get("CONTACT_CENTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
RUN_ID = uuid.uuid4().hex[:8]
_schema_numbers = itertools.count(1)

UTC = timezone.utc
T0 = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 10:00 Eastern
RECEIPT = "EAC2190012345"

TRICKY_TEXTS = {
    "sql": "'; DROP TABLE service_requests; --",
    "html": "<script>alert(1)</script>",
    "emoji": "Mi tarjeta 🪪 no llegó 😢👨‍👩‍👧",
    "rtl": "بطاقتي لم تصل \u202eabc\u202c עדיין לא הגיע",
    "long": ("0123456789abcdef" * 700)[:10_000],
    "empty": "",
    "whitespace": "  two spaces before, a tab\tand\r\nnew lines after  \n",
    "quotes": "O'Brien said \"hi\" \\ back\\slash % _ %%",
}


# ---------------------------------------------------------------- backends


@pytest.fixture(scope="session")
def pg_admin():
    """An engine on the PostgreSQL test database, or the reason it cannot be used."""
    engine = sa.create_engine(PG_URL, future=True, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, and say why
        engine.dispose()
        cause = getattr(exc, "orig", None) or exc
        detail = " ".join(str(cause).split())[:200]
        yield None, f"PostgreSQL unreachable at {PG_URL} ({type(cause).__name__}: {detail})"
        return
    yield engine, None
    with engine.begin() as connection:  # anything a crashed test left behind
        leftover = connection.exec_driver_sql(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE %(p)s",
            {"p": f"cc_test_{RUN_ID}_%"},
        ).scalars().all()
        for schema in leftover:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'contact_center.db'}"
        return
    engine, reason = request.getfixturevalue("pg_admin")
    if engine is None:
        pytest.skip(reason)
    schema = f"cc_test_{RUN_ID}_{next(_schema_numbers)}"
    with engine.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    yield str(make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}))
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def store(db_url):
    s = ContactCenterStore(db_url)
    s.migrate()
    yield s
    s.dispose()


def file(store, key="k1", **overrides):
    values = dict(
        idempotency_key=key,
        conversation_id="conv-1",
        request_type=RequestType.CARD_NOT_RECEIVED,
        receipt_number=RECEIPT,
        language="en",
        applicant_name="Ana López",
        email="ana@example.org",
        phone_numbers=["+1 202 555 0101"],
        details="My green card never arrived.",
        now=T0,
    )
    values.update(overrides)
    return store.file_service_request(**values)


def callback(store, key="cb1", **overrides):
    values = dict(
        idempotency_key=key,
        conversation_id="conv-1",
        phone_numbers=["+1 202 555 0101", "+1 202 555 0199"],
        language="es",
        urgent=False,
        topic="card_not_received",
        receipt_number=RECEIPT,
        summary="Quiere saber dónde está su tarjeta.",
        email="ana@example.org",
        now=T0,
    )
    values.update(overrides)
    return store.create_callback(**values)


def run_together(n, fn):
    """Run fn(i) in n threads released at the same moment; return results or raise."""
    barrier = threading.Barrier(n)

    def go(i):
        barrier.wait(timeout=30)
        return fn(i)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return [f.result(timeout=120) for f in [pool.submit(go, i) for i in range(n)]]


# ---------------------------------------------------------------- schema


def test_migrate_from_empty_creates_every_table(db_url):
    store = ContactCenterStore(db_url)
    try:
        assert sa.inspect(store.engine).get_table_names() == []
        store.migrate()
        tables = set(sa.inspect(store.engine).get_table_names())
        assert {
            "service_requests",
            "callbacks",
            "callback_attempts",
            "live_queue",
            "decision_log",
            "alembic_version",
        } <= tables
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0002"
        store.migrate()  # again: nothing to do, nothing breaks
        assert file(store).reference
    finally:
        store.dispose()


def test_models_and_migrations_agree(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        # The comparison does see differences (so the empty list above means something).
        changed = sa.MetaData()
        for table in Base.metadata.sorted_tables:
            table.to_metadata(changed)
        changed.tables["live_queue"].append_column(sa.Column("extra", sa.Integer()))
        diff = compare_metadata(context, changed)
        assert any(op[0] == "add_column" and op[3].name == "extra" for op in diff)


def test_importing_the_storage_opens_no_database(tmp_path):
    target = tmp_path / "nowhere" / "db.sqlite"
    env = dict(os.environ, **{URL_ENV: f"sqlite:///{target}"})
    code = "import contact_center.storage, contact_center.storage.store, contact_center.storage.models"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    assert not target.parent.exists()


def test_default_url_is_sqlite_under_var_and_the_folder_is_created(tmp_path, monkeypatch):
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    store = ContactCenterStore()
    try:
        assert store.url == DEFAULT_URL == "sqlite:///var/contact_center.db"
        assert (tmp_path / "var").is_dir()
        store.migrate()
        assert (tmp_path / "var" / "contact_center.db").is_file()
    finally:
        store.dispose()


def test_url_comes_from_the_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'from_env' / 'cc.db'}"
    monkeypatch.setenv(URL_ENV, url)
    store = ContactCenterStore()
    try:
        assert store.url == url and (tmp_path / "from_env").is_dir()
    finally:
        store.dispose()


# ---------------------------------------------------------------- E1-E3 service requests


def test_E3_same_key_twice_files_one_request_with_one_reference(store):
    first = file(store)
    again = file(store, details="a retry with other text", now=T0 + timedelta(seconds=5))
    assert again.id == first.id and again.reference == first.reference
    assert again.details == "My green card never arrived."
    assert store.count_service_requests() == 1
    other = file(store, key="k2")
    assert other.reference != first.reference
    assert store.count_service_requests() == 2


def test_E3_concurrent_double_send_files_one_row(store):
    key = make_idempotency_key("conv-race", RequestType.CARD_NOT_RECEIVED, RECEIPT)
    results = run_together(8, lambda i: file(store, key=key, details=f"send {i}"))
    assert len({r.reference for r in results}) == 1
    assert len({r.id for r in results}) == 1
    assert store.count_service_requests(key) == 1
    assert store.count_service_requests() == 1


def test_E3_concurrent_callback_requests_make_one_callback(store):
    results = run_together(6, lambda i: callback(store, key="cb-race"))
    assert len({r.reference for r in results}) == 1
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM callbacks").scalar() == 1
        assert connection.exec_driver_sql("SELECT count(*) FROM callback_attempts").scalar() == 1


def test_E3_idempotency_key_is_stable_and_distinguishes_requests():
    a = make_idempotency_key("conv", RequestType.TYPO, RECEIPT)
    assert a == make_idempotency_key("conv", "typographic_error", RECEIPT)
    assert a != make_idempotency_key("conv", RequestType.TYPO, "EAC2190012346")
    assert len(a) <= 128


def test_E1_references_are_unique_and_quotable(store):
    references = [file(store, key=f"key-{i}").reference for i in range(150)]
    assert len(set(references)) == 150
    for reference in references:
        assert re.fullmatch(r"SR-[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
        assert is_reference(reference)
        assert not set(reference[3:].replace("-", "")) & set("01ILOU")
        assert set(reference[3:].replace("-", "")) <= set(REFERENCE_ALPHABET)
    quoted = references[0].lower().replace("-", " ")  # as an applicant might type it
    assert store.get_service_request(quoted).reference == references[0]
    assert store.get_service_request("SR-0000-0000") is None


def test_E1_request_types_are_the_rulebook_values(store):
    for i, request_type in enumerate(RequestType):
        assert file(store, key=f"t{i}", request_type=request_type).request_type == request_type.value
    with pytest.raises(ValueError):
        file(store, key="bad", request_type="make_it_faster")
    with pytest.raises(ValueError):
        file(store, key="bad-receipt", receipt_number="ABC123")
    assert file(store, key="norm", receipt_number="eac-21-900-12345").receipt_number == RECEIPT


def test_E2_routed_to_the_office_holding_the_case(store):
    assert file(store, key="a", receipt_number="WAC2190012345").routed_to == "california_service_center"
    assert file(store, key="b", routed_to="field_office_houston").routed_to == "field_office_houston"
    stored = store.get_service_request(file(store, key="c").reference)
    assert stored.routed_to == "vermont_service_center" and stored.status == "filed"


# ---------------------------------------------------------------- C1-C4 callbacks


def test_C3_several_phone_numbers_are_kept_in_order(store):
    numbers = ["+1 202 555 0101", "+1 703 555 0144", "+52 55 5555 0100", "+1 202 555 0101"]
    cb = callback(store, phone_numbers=numbers)
    stored = store.get_callback(cb.reference)
    assert stored.phone_numbers == ["+1 202 555 0101", "+1 703 555 0144", "+52 55 5555 0100"]
    assert stored.attempts[0].phone_number == "+1 202 555 0101"
    after = store.record_attempt(
        cb.reference, result="no_answer_message_left", representative_id="rep-1", made_at=T0 + timedelta(hours=1)
    )
    assert after.attempts[1].phone_number == "+1 703 555 0144"  # C3: the next number
    with pytest.raises(ValueError):
        store.record_attempt(cb.reference, result="answered", representative_id="rep-1", phone_number="+1 999 555 0000")
    with pytest.raises(ValueError):
        callback(store, key="no-numbers", phone_numbers=[])


@pytest.mark.parametrize("urgent, span", [(True, timedelta(hours=72)), (False, timedelta(days=14))])
def test_C1_due_by_stored(store, urgent, span):
    cb = callback(store, key=f"c1-{urgent}", urgent=urgent)
    first, deadline = rules.callback_window(T0, urgent)
    stored = store.get_callback(cb.reference)
    assert stored.urgent is urgent
    assert stored.due_by == deadline and stored.due_by.tzinfo is not None
    assert stored.window_start == first
    assert T0 < stored.due_by <= T0 + span
    assert stored.attempts[0].due_before == stored.due_by
    explicit = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    assert store.get_callback(callback(store, key=f"x-{urgent}", due_by=explicit).reference).due_by == explicit
    assert store.open_callbacks()[0].due_by == min(deadline, explicit)


def test_C4_second_attempt_60_to_90_minutes_after_the_first(store):
    cb = callback(store)
    assert cb.status == "pending" and [a.attempt_no for a in cb.attempts] == [1]
    made = T0 + timedelta(hours=2)
    after = store.record_attempt(
        cb.reference,
        result="no_answer_message_left",
        representative_id="rep-7",
        attempt_no=1,
        notes="Left a voicemail in Spanish.",
        made_at=made,
    )
    assert after.status == "in_progress" and after.assigned_to == "rep-7"
    first, second = after.attempts
    assert first.made_at == made and first.result == "no_answer_message_left"
    assert first.representative_id == "rep-7" and first.notes == "Left a voicemail in Spanish."
    assert second.made_at is None and second.result is None
    assert second.scheduled_for - made == timedelta(minutes=60)
    assert second.due_before - made == timedelta(minutes=90)
    assert after.email_due_at is None


def test_C4_email_due_after_two_failed_attempts(store):
    cb = callback(store)
    store.record_attempt(cb.reference, result="no_answer_message_left", representative_id="r", made_at=T0)
    second_at = T0 + timedelta(minutes=75)
    failed = store.record_attempt(cb.reference, result="no_answer", representative_id="r", made_at=second_at)
    assert failed.status == "failed_emailed"
    assert failed.email_due_at == second_at and failed.email_sent_at is None and failed.email_due
    assert [a.attempt_no for a in failed.attempts] == [1, 2]  # never a third attempt
    assert [c.reference for c in store.callbacks_needing_email()] == [cb.reference]
    with pytest.raises(ValueError):
        store.record_attempt(cb.reference, result="answered", representative_id="r")
    sent = store.mark_email_sent(cb.reference, when=second_at + timedelta(minutes=1))
    assert sent.email_sent_at == second_at + timedelta(minutes=1) and not sent.email_due
    assert store.callbacks_needing_email() == []
    assert store.open_callbacks() == []


def test_C4_answered_attempt_completes_the_callback(store):
    cb = callback(store)
    store.record_attempt(cb.reference, result="no_answer", representative_id="r", made_at=T0)
    done = store.record_attempt(
        cb.reference, result="answered", representative_id="r2", made_at=T0 + timedelta(minutes=65)
    )
    assert done.status == "completed" and done.completed_at == T0 + timedelta(minutes=65)
    assert done.email_due_at is None
    early = callback(store, key="cb-early")
    assert store.record_attempt(early.reference, result="answered", representative_id="r", made_at=T0).status == "completed"
    assert len(store.get_callback(early.reference).attempts) == 1


def test_C4_two_representatives_cannot_record_the_same_attempt(store):
    cb = callback(store)

    def record(i):
        try:
            store.record_attempt(
                cb.reference, result="no_answer_message_left", representative_id=f"rep-{i}",
                attempt_no=1, made_at=T0,
            )
            return "recorded"
        except AttemptConflict:
            return "conflict"

    outcomes = run_together(5, record)
    assert outcomes.count("recorded") == 1 and outcomes.count("conflict") == 4
    stored = store.get_callback(cb.reference)
    assert [(a.attempt_no, a.made_at is not None) for a in stored.attempts] == [(1, True), (2, False)]


# ---------------------------------------------------------------- G2, G3, U3 live queue


def test_G2_live_queue_is_first_in_first_out_per_tier(store):
    entries = [
        store.enqueue_live(conversation_id=f"c{i}", tier=1, language="en", summary=f"q{i}", now=T0 + timedelta(seconds=i))
        for i in range(4)
    ]
    assert [store.queue_position(e.id) for e in entries] == [1, 2, 3, 4]
    assert store.queue_length(1) == 4
    taken = store.take_next(1, "rep-a", now=T0 + timedelta(minutes=1))
    assert taken.id == entries[0].id and taken.status == "assigned"
    assert taken.assigned_to == "rep-a" and taken.assigned_at == T0 + timedelta(minutes=1)
    assert store.queue_position(entries[0].id) is None
    assert [store.queue_position(e.id) for e in entries[1:]] == [1, 2, 3]
    assert [store.take_next(1, "rep-b").conversation_id for _ in range(3)] == ["c1", "c2", "c3"]
    assert store.take_next(1, "rep-b") is None


def test_G2_same_moment_entries_keep_their_arrival_order(store):
    ids = [store.enqueue_live(conversation_id=f"s{i}", tier=1, language="es", now=T0).id for i in range(3)]
    assert [store.queue_position(i) for i in ids] == [1, 2, 3]
    assert [store.take_next(1, "r").id for _ in ids] == ids


def test_U3_urgent_appointments_wait_in_the_separate_tier2_queue(store):
    urgent = rules.emergency(False, ["medical_emergency"], needs_appointment=True)
    assert urgent.outcome is Outcome.TIER2_REVIEW and rules.tier_for(urgent.outcome) == 2
    assert rules.tier_for(Outcome.LIVE_TIER1) == 1
    with pytest.raises(ValueError):
        rules.tier_for(Outcome.SELF_SERVICE)
    t1 = store.enqueue_live(conversation_id="one", tier=1, language="en", now=T0)
    t2 = store.enqueue_live(
        conversation_id="two", tier=rules.tier_for(urgent.outcome), language="es",
        topic="urgent_appointment", summary="Cita urgente: emergencia médica", now=T0 + timedelta(seconds=1),
    )
    assert store.queue_position(t1.id) == 1 and store.queue_position(t2.id) == 1
    assert store.take_next(1, "tier1-rep").id == t1.id
    assert store.take_next(1, "tier1-rep") is None  # tier 1 never takes tier 2 work
    taken = store.take_next(2, "officer-1")
    assert taken.id == t2.id and taken.summary == "Cita urgente: emergencia médica"
    with pytest.raises(ValueError):
        store.enqueue_live(conversation_id="x", tier=3, language="en")


def test_G2_two_representatives_never_take_the_same_entry(store):
    for i in range(24):
        store.enqueue_live(conversation_id=f"c{i}", tier=1, language="en", now=T0 + timedelta(milliseconds=i))
    store.enqueue_live(conversation_id="t2", tier=2, language="en", now=T0)

    def work(i):
        got = []
        while (entry := store.take_next(1, f"rep-{i}")) is not None:
            got.append((entry.id, entry.assigned_to))
        return got

    taken = [item for got in run_together(6, work) for item in got]
    ids = [entry_id for entry_id, _ in taken]
    assert len(ids) == 24 and len(set(ids)) == 24
    for entry_id, rep in taken:  # each row names the representative who got it
        assert store.get_live_entry(entry_id).assigned_to == rep
    assert store.queue_length(1) == 0 and store.queue_length(2) == 1


def test_G2_reconnect_keeps_the_place_in_the_queue(store):
    first = store.enqueue_live(conversation_id="c", tier=1, language="en", now=T0)
    store.enqueue_live(conversation_id="d", tier=1, language="en", now=T0 + timedelta(seconds=1))
    again = store.enqueue_live(conversation_id="c", tier=1, language="en", now=T0 + timedelta(seconds=2))
    assert again.id == first.id and store.queue_position(again.id) == 1
    assert store.live_entry_for("c").id == first.id


def test_G3_live_entry_moves_through_its_statuses(store):
    entry = store.enqueue_live(conversation_id="c", tier=1, language="en", receipt_number="lin 21 901 23456", now=T0)
    assert entry.receipt_number == "LIN2190123456"
    store.take_next(1, "rep", now=T0 + timedelta(minutes=1))
    connected = store.set_live_status(entry.id, "connected", now=T0 + timedelta(minutes=2))
    assert connected.connected_at == T0 + timedelta(minutes=2)
    back = store.set_live_status(entry.id, "returned_to_bot", now=T0 + timedelta(minutes=9))
    assert back.closed_at == T0 + timedelta(minutes=9) and store.live_entry_for("c") is None
    with pytest.raises(ValueError):
        store.set_live_status(entry.id, "lost")
    assert store.enqueue_live(conversation_id="c", tier=1, language="en").id != entry.id  # a new request


# ---------------------------------------------------------------- decision log


def test_decision_log_round_trip_with_rule_ids(store):
    tue_9pm = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # Tuesday 9 p.m. Eastern: chat closed
    live = rules.live_help(tue_9pm, self_service_available=False, urgent=True)
    expedite = rules.expedite(["severe_financial_loss"], form_type="I-485", documents="bank letter")
    facts = {"urgent": True, "now": tue_9pm, "criteria": {"severe_financial_loss"}, "type": RequestType.EXPEDITE}
    store.record_decision("conv-9", live, facts, tue_9pm, request_kind="live_help")
    store.record_decision("conv-9", expedite, {"form_type": "I-485"}, tue_9pm + timedelta(minutes=3))
    store.record_decision("other", rules.contact_numbers(), {}, tue_9pm)
    first, second = store.decisions_for("conv-9")
    assert first.outcome == "LIVE_TIER1" and first.request_kind == "live_help"
    assert first.rule_ids == ["G3", "C1", "C2", "C3", "C4"]
    assert first.tell == ["utter_live_chat_closed", "utter_offer_callback"]
    assert first.due_by == live.due_by.astimezone(UTC) and first.decided_at == tue_9pm
    assert first.facts == {
        "urgent": True, "now": "2026-11-25T02:00:00+00:00", "criteria": ["severe_financial_loss"], "type": "expedite",
    }
    assert first.details["channel"] == "callback" and first.details["urgent"] is True
    assert second.outcome == "E_REQUEST" and second.request_type == "expedite"
    assert second.request_kind == "expedite" and second.decided_by == "office_holding_case"
    assert second.rule_ids == list(expedite.rule_ids) and "X5" in second.rule_ids
    assert second.details == {"criteria": ["severe_financial_loss"], "documents": "bank letter",
                              "premium_processing": "not_available"}


# ---------------------------------------------------------------- free text, exactly as typed


@pytest.mark.parametrize("name", list(TRICKY_TEXTS))
def test_free_text_stored_exactly_as_typed(store, name):
    text = TRICKY_TEXTS[name]
    sr = file(store, key=f"text-{name}", details=text)
    assert store.get_service_request(sr.reference).details == text
    cb = callback(store, key=f"cb-{name}", summary=text)
    assert store.get_callback(cb.reference).summary == text
    store.record_attempt(cb.reference, result="no_answer", representative_id="r", notes=text, made_at=T0)
    assert store.get_callback(cb.reference).attempts[0].notes == text
    entry = store.enqueue_live(conversation_id=f"live-{name}", tier=1, language="es", summary=text)
    assert store.get_live_entry(entry.id).summary == text
    store.record_decision(f"log-{name}", rules.contact_numbers(), {"said": text}, T0)
    assert store.decisions_for(f"log-{name}")[0].facts == {"said": text}
    short = text[:200]
    assert store.get_service_request(file(store, key=f"name-{name}", applicant_name=short).reference).applicant_name == short
    # The tables are all still there.
    assert store.count_service_requests() == 2


def test_text_the_database_cannot_hold_is_refused_the_same_way_everywhere(store):
    with pytest.raises(ValueError, match="NUL"):
        file(store, key="nul", details="before\x00after")
    with pytest.raises(ValueError, match="at most 200"):
        file(store, key="long-name", applicant_name="x" * 201)
    cb = callback(store)
    with pytest.raises(ValueError, match="NUL"):
        store.record_attempt(cb.reference, result="no_answer", representative_id="r", notes="\x00")
    assert store.count_service_requests() == 0


# ---------------------------------------------------------------- time


def test_timestamps_are_time_zone_aware_utc(store):
    eastern_noon = datetime(2026, 11, 24, 12, 0, tzinfo=rules.EASTERN)
    sr = store.get_service_request(file(store, now=eastern_noon).reference)
    assert sr.created_at == eastern_noon and sr.created_at.tzinfo == UTC
    assert sr.created_at.hour == 17
    with pytest.raises(ValueError):
        file(store, key="naive", now=datetime(2026, 11, 24, 12, 0))
    entry = store.enqueue_live(conversation_id="c", tier=1, language="en")
    assert store.get_live_entry(entry.id).created_at.tzinfo == UTC
