"""Staff accounts at the desk: hashed passwords, sign-in limits, idle sessions, the CLI."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from contact_center.storage import ContactCenterStore, StaffAccount, StaffAction, StaffSession
from desk import passwords
from desk.__main__ import bootstrap_local
from desk.staff import MAX_FAILURES_PER_USERNAME, SignInRefused, Staff, real_now
from tests import ROOT as TESTS_ROOT

ROOT = str(TESTS_ROOT)
PASSWORD = "correct horse battery"


@pytest.fixture
def staff(tmp_path):
    store = ContactCenterStore(f"sqlite:///{tmp_path / 'cc.db'}")
    store.migrate()
    s = Staff(store, idle_minutes=30)
    s.create_account("ana", "Ana", "tier1", PASSWORD)
    yield s
    store.dispose()


def test_the_password_is_stored_only_as_an_argon2id_hash(staff):
    with staff.store.session() as session:
        account = session.execute(select(StaffAccount)).scalar_one()
    assert PASSWORD not in account.password_hash
    assert account.password_hash.startswith("$argon2id$")
    assert passwords.verify(account.password_hash, PASSWORD)
    assert not passwords.verify(account.password_hash, PASSWORD + "!")


def test_short_passwords_and_odd_usernames_are_refused(staff):
    with pytest.raises(ValueError):
        staff.create_account("luis", "Luis", "tier2", "short")
    with pytest.raises(ValueError):
        staff.create_account("<script>", "x", "tier2", PASSWORD)
    with pytest.raises(ValueError):
        staff.create_account("ana", "Ana again", "tier2", PASSWORD)
    with pytest.raises(ValueError):
        staff.create_account("root", "Root", "admin", PASSWORD)


def test_sign_in_gives_a_session_whose_token_is_stored_hashed(staff):
    token, person = staff.sign_in("Ana", PASSWORD, "127.0.0.1")
    assert person.username == "ana" and person.role == "tier1" and person.tier == 1
    assert staff.person_for(token) == person
    with staff.store.session() as session:
        row = session.execute(select(StaffSession)).scalar_one()
    assert row.token_hash != token and token not in row.token_hash
    assert staff.person_for(token + "x") is None
    staff.sign_out(token)
    assert staff.person_for(token) is None


def test_a_wrong_password_and_an_unknown_user_look_the_same(staff):
    for username, password in (("ana", "wrong password here"), ("nobody", PASSWORD)):
        with pytest.raises(SignInRefused) as refused:
            staff.sign_in(username, password, "127.0.0.1")
        assert refused.value.reason == "invalid_credentials"


def test_sign_in_attempts_are_rate_limited_per_username(staff):
    for _ in range(MAX_FAILURES_PER_USERNAME):
        with pytest.raises(SignInRefused):
            staff.sign_in("ana", "guess guess guess", "10.0.0.1")
    with pytest.raises(SignInRefused) as refused:
        staff.sign_in("ana", PASSWORD, "10.0.0.2")  # even the right password waits
    assert refused.value.reason == "too_many_attempts"
    assert 0 < refused.value.retry_after <= 15 * 60 + 1


def test_a_session_expires_when_idle(staff):
    token, _ = staff.sign_in("ana", PASSWORD, "127.0.0.1")
    with staff.store.session() as session:
        session.execute(update(StaffSession).values(last_seen_at=real_now() - timedelta(minutes=31)))
        session.commit()
    assert staff.person_for(token) is None


def test_a_new_password_or_a_disabled_account_ends_every_session(staff):
    token, _ = staff.sign_in("ana", PASSWORD, "127.0.0.1")
    staff.set_password("ana", PASSWORD + " new")
    assert staff.person_for(token) is None
    token, _ = staff.sign_in("ana", PASSWORD + " new", "127.0.0.1")
    staff.set_active("ana", False)
    assert staff.person_for(token) is None
    with pytest.raises(SignInRefused):
        staff.sign_in("ana", PASSWORD + " new", "127.0.0.1")


def test_staff_actions_are_recorded_with_who_and_when(staff):
    staff.sign_in("ana", PASSWORD, "127.0.0.1")
    staff.record("ana", "take", conversation_id="c1", tier=1)
    with staff.store.session() as session:
        actions = session.execute(select(StaffAction).order_by(StaffAction.id)).scalars().all()
    assert [(a.username, a.action) for a in actions] == [("ana", "sign_in"), ("ana", "take")]
    assert actions[1].conversation_id == "c1" and actions[1].at is not None


def test_local_accounts_are_made_once_into_an_owner_only_file(tmp_path, monkeypatch):
    monkeypatch.delenv("CONTACT_CENTER_ENV", raising=False)
    store = ContactCenterStore(f"sqlite:///{tmp_path / 'cc.db'}")
    store.migrate()
    staff = Staff(store)
    file = tmp_path / "var" / "desk-accounts.txt"
    assert bootstrap_local(staff, file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    rows = [line.split("\t") for line in file.read_text().splitlines() if not line.startswith("#")]
    assert sorted(r[1] for r in rows) == ["supervisor", "tier1", "tier2"]
    for username, _role, password in rows:
        staff.sign_in(username, password, "127.0.0.1")
    assert not bootstrap_local(staff, file)  # the second start leaves them alone
    store.dispose()


def test_no_local_accounts_with_the_production_configuration(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTACT_CENTER_ENV", "production")
    store = ContactCenterStore(f"sqlite:///{tmp_path / 'cc.db'}")
    store.migrate()
    assert not bootstrap_local(Staff(store), tmp_path / "accounts.txt")
    assert Staff(store).count_accounts() == 0
    assert not (tmp_path / "accounts.txt").exists()
    store.dispose()


def test_the_accounts_command_line(tmp_path):
    env = dict(os.environ, CONTACT_CENTER_DB_URL=f"sqlite:///{tmp_path / 'cc.db'}", PYTHONPATH=ROOT)
    run = lambda *args, **kw: subprocess.run([sys.executable, "-m", "desk", *args], env=env, cwd=ROOT,
                                             capture_output=True, text=True, timeout=120, **kw)
    assert "accounts" in run("--help").stdout
    added = run("accounts", "add", "luis", "--role", "tier2", "--name", "Luis")
    assert added.returncode == 0 and "password:" in added.stdout
    chosen = run("accounts", "add", "eva", "--role", "supervisor", "--password-stdin", input=PASSWORD + "\n")
    assert chosen.returncode == 0 and PASSWORD not in chosen.stdout
    listed = run("accounts", "list").stdout
    assert "luis\ttier2\tLuis" in listed and "eva\tsupervisor" in listed
    assert run("accounts", "add", "luis", "--role", "tier1").returncode == 2
    assert run("accounts", "disable", "eva").returncode == 0
    assert "(disabled)" in run("accounts", "list").stdout
