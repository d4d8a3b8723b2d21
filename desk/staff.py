"""Staff accounts, signed-in sessions, sign-in rate limiting and the record of staff actions.

Works on the contact center's database (`ContactCenterStore`), so a desk behind a
load balancer shares sessions and limits across replicas. Session times use the
real clock, never the assistant's test clock: security must not move with it.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import List, Optional

from sqlalchemy import delete, func, select, update

from contact_center.storage import ContactCenterStore, SignInFailure, StaffAccount, StaffAction, StaffSession
from contact_center.storage.staff import ROLE_TIER, ROLES
from desk import passwords

UTC = timezone.utc
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USERNAME = 5
MAX_FAILURES_PER_ADDRESS = 20


def real_now() -> datetime:
    return datetime.now(UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Person:
    """The signed-in person, as the desk's handlers see them."""

    account_id: int
    username: str
    name: str
    role: str
    csrf_token: str

    @property
    def tier(self) -> int:
        return ROLE_TIER[self.role]

    def public(self) -> dict:
        return {"username": self.username, "name": self.name, "role": self.role, "tier": self.tier}


class SignInRefused(Exception):
    def __init__(self, reason: str, retry_after: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason  # "invalid_credentials" | "too_many_attempts"
        self.retry_after = retry_after


class Staff:
    def __init__(self, store: ContactCenterStore, idle_minutes: int = 30) -> None:
        self.store = store
        self.idle = timedelta(minutes=idle_minutes)

    # ------------------------------------------------------------ accounts

    def create_account(self, username: str, name: str, role: str, password: str) -> StaffAccount:
        username = username.strip().lower()
        if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise ValueError("a username is letters, digits, '.', '-' or '_'")
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        account = StaffAccount(
            username=username, display_name=name.strip() or username, role=role,
            password_hash=passwords.hash_password(password), active=True,
        )
        with self.store.session() as session:
            if session.execute(select(StaffAccount.id).where(StaffAccount.username == username)).first():
                raise ValueError(f"an account named {username!r} already exists")
            session.add(account)
            session.commit()
            return account

    def accounts(self) -> List[StaffAccount]:
        with self.store.session() as session:
            return list(session.execute(select(StaffAccount).order_by(StaffAccount.username)).scalars())

    def count_accounts(self) -> int:
        with self.store.session() as session:
            return session.execute(select(func.count(StaffAccount.id))).scalar_one()

    def set_password(self, username: str, password: str) -> None:
        self._update(username, password_hash=passwords.hash_password(password), password_changed_at=real_now())
        with self.store.session() as session:  # a new password signs out every browser
            account_id = select(StaffAccount.id).where(StaffAccount.username == username).scalar_subquery()
            session.execute(
                delete(StaffSession).where(StaffSession.account_id == account_id)
                .execution_options(synchronize_session=False)
            )
            session.commit()

    def set_active(self, username: str, active: bool) -> None:
        self._update(username, active=active)
        if not active:
            with self.store.session() as session:
                account_id = select(StaffAccount.id).where(StaffAccount.username == username).scalar_subquery()
                session.execute(
                delete(StaffSession).where(StaffSession.account_id == account_id)
                .execution_options(synchronize_session=False)
            )
                session.commit()

    def _update(self, username: str, **values) -> None:
        with self.store.session() as session:
            changed = session.execute(
                update(StaffAccount).where(StaffAccount.username == username.strip().lower())
                .values(updated_at=real_now(), **values)
            ).rowcount
            session.commit()
        if changed != 1:
            raise LookupError(f"no account named {username!r}")

    # ------------------------------------------------------------ signing in

    def sign_in(self, username: str, password: str, address: str) -> tuple[str, Person]:
        """A new session token (for the cookie) and the person; raises SignInRefused."""
        username = (username or "").strip().lower()[:64]
        address = (address or "unknown")[:64]
        now = real_now()
        since = now - FAILURE_WINDOW
        with self.store.session() as session:
            by_name = session.execute(
                select(func.count(SignInFailure.id), func.min(SignInFailure.at))
                .where(SignInFailure.username == username, SignInFailure.at >= since)
            ).one()
            by_address = session.execute(
                select(func.count(SignInFailure.id), func.min(SignInFailure.at))
                .where(SignInFailure.address == address, SignInFailure.at >= since)
            ).one()
        for (count, oldest), limit in ((by_name, MAX_FAILURES_PER_USERNAME), (by_address, MAX_FAILURES_PER_ADDRESS)):
            if count >= limit:
                oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
                wait = int((oldest + FAILURE_WINDOW - now).total_seconds()) + 1
                raise SignInRefused("too_many_attempts", max(wait, 1))
        with self.store.session() as session:
            account = session.execute(select(StaffAccount).where(StaffAccount.username == username)).scalar_one_or_none()
        ok = passwords.verify(account.password_hash if account else None, password or "")
        if not ok or not account.active:
            with self.store.session() as session:
                session.add(SignInFailure(username=username or "-", address=address, at=now))
                session.commit()
            raise SignInRefused("invalid_credentials")
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.store.session() as session:
            session.execute(delete(SignInFailure).where(SignInFailure.username == username))
            session.add(StaffSession(token_hash=_token_hash(token), account_id=account.id, csrf_token=csrf,
                                     created_at=now, last_seen_at=now))
            session.commit()
        self.record(account.username, "sign_in")
        return token, Person(account.id, account.username, account.display_name, account.role, csrf)

    def person_for(self, token: Optional[str]) -> Optional[Person]:
        """The person signed in with this cookie token, if the session is alive (idle expiry)."""
        if not token or len(token) > 128:
            return None
        now = real_now()
        with self.store.session() as session:
            row = session.execute(
                select(StaffSession, StaffAccount)
                .join(StaffAccount, StaffAccount.id == StaffSession.account_id)
                .where(StaffSession.token_hash == _token_hash(token))
            ).first()
            if row is None:
                return None
            staff_session, account = row
            if not account.active or staff_session.last_seen_at + self.idle < now:
                session.delete(staff_session)
                session.commit()
                return None
            if now - staff_session.last_seen_at > timedelta(seconds=30):  # fewer writes
                staff_session.last_seen_at = now
                session.commit()
            return Person(account.id, account.username, account.display_name, account.role, staff_session.csrf_token)

    def sign_out(self, token: str) -> None:
        with self.store.session() as session:
            session.execute(delete(StaffSession).where(StaffSession.token_hash == _token_hash(token)))
            session.commit()

    # ------------------------------------------------------------ record of staff actions

    def record(
        self,
        username: str,
        action: str,
        *,
        conversation_id: Optional[str] = None,
        callback_reference: Optional[str] = None,
        at: Optional[datetime] = None,
        **details,
    ) -> None:
        with self.store.session() as session:
            session.add(StaffAction(
                at=at or real_now(), username=username, action=action, conversation_id=conversation_id,
                callback_reference=callback_reference, details=details,
            ))
            session.commit()

    def actions(self, conversation_id: Optional[str] = None, limit: int = 200) -> List[StaffAction]:
        query = select(StaffAction).order_by(StaffAction.at, StaffAction.id).limit(limit)
        if conversation_id is not None:
            query = query.where(StaffAction.conversation_id == conversation_id)
        with self.store.session() as session:
            return list(session.execute(query).scalars())

    def display_names(self) -> dict:
        with self.store.session() as session:
            return dict(session.execute(select(StaffAccount.username, StaffAccount.display_name)).all())
