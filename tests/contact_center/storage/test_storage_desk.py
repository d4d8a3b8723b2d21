"""The desk's hold on the live queue and its staff tables, on SQLite and PostgreSQL
(the production configuration), with the fixtures of test_storage.py."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from desk.staff import SignInRefused, Staff
from tests.contact_center.storage.test_storage import T0, db_url, pg_admin, store  # noqa: F401 - fixtures

PASSWORD = "storage tests password"


def waiting(store, conversation_id="conv-1", tier=1, minutes=0):
    return store.enqueue_live(conversation_id=conversation_id, tier=tier, language="es", summary="asked: ...",
                              now=T0 + timedelta(minutes=minutes))


def test_G2_of_many_representatives_taking_at_once_exactly_one_wins(store):
    entry = waiting(store)
    results = {}
    barrier = threading.Barrier(8)

    def take(name):
        barrier.wait()
        results[name] = store.take_live(entry.id, name, T0)

    threads = [threading.Thread(target=take, args=(f"rep{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [name for name, won in results.items() if won]
    assert len(winners) == 1
    taken = store.get_live_entry(entry.id)
    assert taken.status == "connected" and taken.assigned_to == winners[0] and taken.connected_at == T0


def test_G2_only_the_holder_hands_back_or_closes(store):
    entry = waiting(store)
    assert store.take_live(entry.id, "ana", T0)
    assert not store.finish_live(entry.id, "ben", "closed", T0)
    assert store.finish_live(entry.id, "ana", "returned_to_bot", T0 + timedelta(minutes=5))
    assert store.get_live_entry(entry.id).status == "returned_to_bot"
    assert not store.finish_live(entry.id, "ana", "closed", T0)  # already finished
    with pytest.raises(ValueError):
        store.finish_live(entry.id, "ana", "waiting", T0)


def test_G2_escalation_moves_the_conversation_to_the_tier2_line_with_its_note(store):
    earlier_tier2 = waiting(store, "conv-0", tier=2, minutes=-30)
    entry = waiting(store)
    assert store.take_live(entry.id, "ana", T0)
    assert store.escalate_live(entry.id, "ben", "not mine", T0) is None  # only the holder
    moved = store.escalate_live(entry.id, "ana", "double fee refund: needs an officer", T0 + timedelta(minutes=3))
    assert moved.tier == 2 and moved.status == "waiting" and moved.summary == "asked: ..."
    assert moved.escalation_note == "double fee refund: needs an officer" and moved.escalated_by == "ana"
    assert store.get_live_entry(entry.id).status == "escalated"
    assert store.queue_position(moved.id) == 2 and store.queue_position(earlier_tier2.id) == 1
    assert store.live_entry_for("conv-1").id == moved.id
    assert store.escalate_live(moved.id, "ana", "again", T0) is None  # Tier 2 is the last tier


def test_the_applicants_presence_is_kept_on_the_active_entry(store):
    entry = waiting(store)
    assert store.set_applicant_presence("conv-1", False, T0) == 1
    assert store.get_live_entry(entry.id).applicant_left_at == T0
    assert store.set_applicant_presence("conv-1", True, T0) == 1
    assert store.get_live_entry(entry.id).applicant_left_at is None
    assert store.set_applicant_presence("someone-else", False, T0) == 0


def test_C5_the_preferred_window_is_stored_with_the_callback(store):
    window = (T0 + timedelta(days=1), T0 + timedelta(days=1, hours=3))
    callback = store.create_callback(idempotency_key="cb", conversation_id="conv-1", phone_numbers=["+12025550143"],
                                     language="en", preferred_window=window, now=T0)
    again = store.get_callback(callback.reference)
    assert (again.preferred_start, again.preferred_end) == window


def test_staff_sign_in_and_limits_on_this_backend(store):
    staff = Staff(store)
    staff.create_account("ana", "Ana", "tier1", PASSWORD)
    token, person = staff.sign_in("ana", PASSWORD, "127.0.0.1")
    assert staff.person_for(token) == person
    for _ in range(5):
        with pytest.raises(SignInRefused):
            staff.sign_in("ana", "wrong wrong wrong", "127.0.0.1")
    with pytest.raises(SignInRefused) as refused:
        staff.sign_in("ana", PASSWORD, "127.0.0.1")
    assert refused.value.reason == "too_many_attempts"
