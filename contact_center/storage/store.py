"""`ContactCenterStore`: every read and write of the contact center's tables, in one class.

    store = ContactCenterStore()            # CONTACT_CENTER_DB_URL, or sqlite:///var/contact_center.db
    store.migrate()                         # alembic upgrade head
    sr = store.file_service_request(idempotency_key=..., conversation_id=..., ...)
    sr.reference                            # 'SR-7K3M-9QXD'

Nothing happens at import time: the engine is created in the constructor.
Each method runs in its own short transaction and returns detached rows whose
columns (and a callback's attempts) can be read after it returns. Methods take
an optional `now` (time-zone aware) so tests and callers can fix the clock.

Concurrency:
- E3: filing (and creating a callback) relies on the unique `idempotency_key`;
  a double send that loses the race gets an IntegrityError, rolls back and
  returns the row the winner wrote, with the same reference.
- `take_next`: on PostgreSQL `SELECT ... FOR UPDATE SKIP LOCKED`; everywhere
  else a conditional `UPDATE ... WHERE status = 'waiting'` that only one
  representative can win, retried on the next entry by the loser.
"""
from __future__ import annotations

import enum
import hashlib
import os
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from contact_center.rules import Decision, Outcome, RequestType, callback_window, office_for_receipt
from contact_center.storage.live_queue import LiveQueueMethods
from contact_center.storage.values import aware as _aware, receipt as _receipt
from contact_center.storage.models import (
    ATTEMPT_RESULTS,
    CALLBACK_OPEN_STATUSES,
    CALLBACK_PREFIX,
    SERVICE_REQUEST_PREFIX,
    UTC,
    check_string,
    Callback,
    CallbackAttempt,
    DecisionLogEntry,
    ServiceRequest,
    new_reference,
    normalise_reference,
    plan_attempts,
    utcnow,
)

DEFAULT_URL = "sqlite:///var/contact_center.db"
URL_ENV = "CONTACT_CENTER_DB_URL"
ROOT = Path(__file__).resolve().parents[2]
ALEMBIC_INI = ROOT / "alembic.ini"

_REFERENCE_TRIES = 8


class StoreError(RuntimeError):
    """The store could not do what was asked (not a validation error)."""


class AttemptConflict(StoreError):
    """Another representative recorded this attempt first."""


def make_idempotency_key(*parts: Any) -> str:
    """E3: a stable key from what identifies one request (conversation, type, receipt, ...).

    The same parts give the same key, so a retry, a double click or a
    reconnect files nothing new.
    """
    text = "\x1f".join("" if p is None else str(getattr(p, "value", p)) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def jsonable(value: Any) -> Any:
    """Facts and details as JSON: enums by value, datetimes in ISO 8601 (UTC), sets sorted."""
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _phone_numbers(numbers: Optional[Iterable[str]]) -> List[str]:
    """C3: every number the applicant gave, in order, each once."""
    if numbers is None:
        return []
    if isinstance(numbers, str):
        numbers = [numbers]
    out: List[str] = []
    for number in numbers:
        if not isinstance(number, str):
            raise TypeError(f"phone numbers are strings, not {type(number).__name__}")
        number = number.strip()
        if number and number not in out:
            out.append(number)
    return out


def _prepare_sqlite_path(url: str) -> None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # connecting will fail with the database's own error, where it is handled
        pass


class ContactCenterStore(LiveQueueMethods):
    """Service requests, callbacks and attempts, the live queue and the decision log."""

    def __init__(self, url: Optional[str] = None, *, echo: bool = False) -> None:
        self.url = url or os.environ.get(URL_ENV) or DEFAULT_URL
        _prepare_sqlite_path(self.url)
        kwargs: Dict[str, Any] = {"future": True, "echo": echo}
        if make_url(self.url).drivername.startswith("sqlite"):
            # Wait for another writer instead of failing with "database is locked".
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)

    # ------------------------------------------------------------ lifecycle

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic upgrade), creating it from empty if needed."""
        from alembic import command
        from alembic.config import Config

        config = Config(str(ALEMBIC_INI))
        config.set_main_option("script_location", str(ROOT / "migrations"))
        config.attributes["configure_logger"] = False
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "ContactCenterStore":
        return self

    def __exit__(self, *exc) -> None:
        self.dispose()

    def session(self) -> Session:
        """A new ORM session, for callers (a representatives' tool) that need more."""
        return self._sessions()

    # ------------------------------------------------------------ E1-E3 service requests

    def file_service_request(
        self,
        *,
        idempotency_key: str,
        conversation_id: str,
        request_type: Union[RequestType, str],
        language: str,
        receipt_number: Optional[str] = None,
        applicant_name: Optional[str] = None,
        email: Optional[str] = None,
        phone_numbers: Optional[Iterable[str]] = None,
        details: str = "",
        routed_to: Optional[str] = None,
        now: Optional[datetime] = None,
    ) -> ServiceRequest:
        """E1: file a service request and give it a reference; E2: route it; E3: once only.

        Filing again with the same `idempotency_key` returns the first row, with
        its reference, whatever the other arguments (a retry is the same request).
        `details` is stored exactly as given.
        """
        if not idempotency_key:
            raise ValueError("idempotency_key is required (E3)")
        existing = self.get_service_request_by_key(idempotency_key)
        if existing is not None:
            return existing
        moment = _aware(now)
        receipt = _receipt(receipt_number)
        values = dict(
            idempotency_key=idempotency_key,
            conversation_id=conversation_id,
            request_type=RequestType(request_type).value,
            receipt_number=receipt,
            language=language,
            applicant_name=applicant_name,
            email=email,
            phone_numbers=_phone_numbers(phone_numbers),
            details=details if details is not None else "",
            routed_to=routed_to or office_for_receipt(receipt),
            status="filed",
            created_at=moment,
            updated_at=moment,
        )
        return self._insert_once(
            lambda: ServiceRequest(reference=new_reference(SERVICE_REQUEST_PREFIX), **values),
            lambda: self.get_service_request_by_key(idempotency_key),
        )

    def get_service_request(self, reference: str) -> Optional[ServiceRequest]:
        """By the reference the applicant quotes (any case, spaces or dashes)."""
        with self._sessions() as session:
            return session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.reference == normalise_reference(reference)
                )
            ).scalar_one_or_none()

    def get_service_request_by_key(self, key: str) -> Optional[ServiceRequest]:
        with self._sessions() as session:
            return session.execute(
                select(ServiceRequest).where(ServiceRequest.idempotency_key == key)
            ).scalar_one_or_none()

    def service_requests_for(self, conversation_id: str) -> List[ServiceRequest]:
        with self._sessions() as session:
            return list(
                session.execute(
                    select(ServiceRequest)
                    .where(ServiceRequest.conversation_id == conversation_id)
                    .order_by(ServiceRequest.created_at, ServiceRequest.id)
                ).scalars()
            )

    def count_service_requests(self, idempotency_key: Optional[str] = None) -> int:
        query = select(func.count(ServiceRequest.id))
        if idempotency_key is not None:
            query = query.where(ServiceRequest.idempotency_key == idempotency_key)
        with self._sessions() as session:
            return session.execute(query).scalar_one()

    # ------------------------------------------------------------ C1-C4 callbacks

    def create_callback(
        self,
        *,
        idempotency_key: str,
        conversation_id: str,
        phone_numbers: Iterable[str],
        language: str,
        urgent: bool = False,
        topic: Optional[str] = None,
        receipt_number: Optional[str] = None,
        summary: str = "",
        email: Optional[str] = None,
        window_start: Optional[datetime] = None,
        due_by: Optional[datetime] = None,
        preferred_window: Optional[Tuple[datetime, datetime]] = None,
        now: Optional[datetime] = None,
    ) -> Callback:
        """Ask for a callback (C1-C4), once only (E3-style idempotency key).

        C3: several phone numbers. C1/C2: `due_by` and `window_start` default to
        `rules.callback_window(now, urgent)` (72 hours urgent, 14 days otherwise,
        inside callback hours). C4: attempt 1 is planned at once. C5: the applicant's
        `preferred_window` (start, end), if they chose one.
        """
        if not idempotency_key:
            raise ValueError("idempotency_key is required")
        existing = self.get_callback_by_key(idempotency_key)
        if existing is not None:
            return existing
        numbers = _phone_numbers(phone_numbers)
        if not numbers:
            raise ValueError("a callback needs at least one phone number (C3)")
        moment = _aware(now)
        if due_by is None or window_start is None:
            first, deadline = callback_window(moment, urgent)
            window_start = window_start or first
            due_by = due_by or deadline
        window_start = _aware(window_start, "window_start")
        due_by = _aware(due_by, "due_by")
        receipt = _receipt(receipt_number)

        def build() -> Callback:
            callback = Callback(
                reference=new_reference(CALLBACK_PREFIX),
                idempotency_key=idempotency_key,
                conversation_id=conversation_id,
                urgent=bool(urgent),
                language=language,
                topic=topic,
                receipt_number=receipt,
                summary=summary if summary is not None else "",
                phone_numbers=numbers,
                email=email,
                window_start=window_start,
                due_by=due_by,
                preferred_start=_aware(preferred_window[0], "preferred_window") if preferred_window else None,
                preferred_end=_aware(preferred_window[1], "preferred_window") if preferred_window else None,
                status="pending",
                created_at=moment,
                updated_at=moment,
            )
            plan_attempts(callback, moment)
            return callback

        return self._insert_once(build, lambda: self.get_callback_by_key(idempotency_key))

    def get_callback(self, reference: str) -> Optional[Callback]:
        with self._sessions() as session:
            return session.execute(
                select(Callback).where(Callback.reference == normalise_reference(reference))
            ).scalar_one_or_none()

    def get_callback_by_key(self, key: str) -> Optional[Callback]:
        with self._sessions() as session:
            return session.execute(
                select(Callback).where(Callback.idempotency_key == key)
            ).scalar_one_or_none()

    def callbacks_for(self, conversation_id: str) -> List[Callback]:
        with self._sessions() as session:
            return list(
                session.execute(
                    select(Callback)
                    .where(Callback.conversation_id == conversation_id)
                    .order_by(Callback.created_at, Callback.id)
                ).scalars()
            )

    def open_callbacks(self) -> List[Callback]:
        """Callbacks still to be worked, the one due first first (C1)."""
        with self._sessions() as session:
            return list(
                session.execute(
                    select(Callback)
                    .where(Callback.status.in_(CALLBACK_OPEN_STATUSES))
                    .order_by(Callback.due_by, Callback.id)
                ).scalars()
            )

    def finished_callbacks_since(self, since: datetime) -> List[Callback]:
        """Callbacks completed or failed (C4 e-mail) since `since`, the latest first."""
        with self._sessions() as session:
            return list(
                session.execute(
                    select(Callback)
                    .where(Callback.status.not_in(CALLBACK_OPEN_STATUSES), Callback.updated_at >= _aware(since, "since"))
                    .order_by(Callback.updated_at.desc(), Callback.id.desc())
                ).scalars()
            )

    def record_attempt(
        self,
        reference: str,
        *,
        result: str,
        representative_id: str,
        attempt_no: Optional[int] = None,
        phone_number: Optional[str] = None,
        notes: Optional[str] = None,
        made_at: Optional[datetime] = None,
    ) -> Callback:
        """C4: record the open attempt's result and plan what follows.

        Not answered on attempt 1: attempt 2 is planned 60 to 90 minutes later.
        Not answered on attempt 2: the callback becomes `failed_emailed` with
        `email_due_at` set. Answered: `completed`. `phone_number` is the number
        dialled (C3; default: the one planned). `attempt_no`, when given, is the
        attempt the representative means to record. Raises `AttemptConflict` if
        that attempt is no longer the open one (another representative recorded
        it first), `ValueError` if the callback has no open attempt.
        """
        if result not in ATTEMPT_RESULTS:
            raise ValueError(f"result must be one of {ATTEMPT_RESULTS}, not {result!r}")
        moment = _aware(made_at, "made_at")
        with self._sessions() as session:
            query = select(Callback).where(Callback.reference == normalise_reference(reference))
            if self.dialect == "postgresql":
                query = query.with_for_update()
            callback = session.execute(query).scalar_one_or_none()
            if callback is None:
                raise LookupError(f"no callback {reference!r}")
            attempt = callback.open_attempt
            if callback.status not in CALLBACK_OPEN_STATUSES:
                attempt = None
            if attempt is None and attempt_no is not None:
                raise AttemptConflict(
                    f"attempt {attempt_no} of {callback.reference} was already recorded"
                    f" (the callback is {callback.status})"
                )
            if attempt is None:
                raise ValueError(f"callback {callback.reference} has no open attempt ({callback.status})")
            if attempt_no is not None and attempt.attempt_no != attempt_no:
                raise AttemptConflict(
                    f"attempt {attempt_no} of {callback.reference} was already recorded"
                    f" (attempt {attempt.attempt_no} is open)"
                )
            if phone_number is not None and phone_number.strip() not in callback.phone_numbers:
                raise ValueError(f"{phone_number!r} is not one of the applicant's numbers (C3)")
            dialled = phone_number.strip() if phone_number is not None else attempt.phone_number
            table = CallbackAttempt.__table__
            check_string(table, "representative_id", representative_id)
            check_string(table, "notes", notes)
            changed = session.execute(
                update(CallbackAttempt)
                .where(CallbackAttempt.id == attempt.id, CallbackAttempt.made_at.is_(None))
                .values(
                    made_at=moment,
                    result=result,
                    representative_id=representative_id,
                    phone_number=dialled,
                    notes=notes,
                    updated_at=moment,
                )
                .execution_options(synchronize_session=False)
            ).rowcount
            if changed != 1:
                session.rollback()
                raise AttemptConflict(f"attempt {attempt.attempt_no} of {callback.reference} was already recorded")
            session.refresh(attempt)
            if callback.assigned_to is None:
                callback.assigned_to = representative_id
                callback.assigned_at = moment
            if callback.status == "pending":
                callback.status = "in_progress"
            plan_attempts(callback, moment)
            callback.updated_at = moment
            session.commit()
            session.refresh(callback)
            return callback

    def mark_email_sent(self, reference: str, when: Optional[datetime] = None) -> Callback:
        """C4: the e-mail after two failed attempts was sent."""
        moment = _aware(when, "when")
        with self._sessions() as session:
            callback = session.execute(
                select(Callback).where(Callback.reference == normalise_reference(reference))
            ).scalar_one()
            if callback.email_due_at is None:
                raise ValueError(f"no e-mail is due for callback {callback.reference}")
            callback.email_sent_at = moment
            callback.updated_at = moment
            session.commit()
            return callback

    def callbacks_needing_email(self) -> List[Callback]:
        with self._sessions() as session:
            return list(
                session.execute(
                    select(Callback)
                    .where(Callback.email_due_at.is_not(None), Callback.email_sent_at.is_(None))
                    .order_by(Callback.email_due_at, Callback.id)
                ).scalars()
            )

    # ------------------------------------------------------------ decision log

    def record_decision(
        self,
        conversation_id: str,
        decision: Decision,
        facts: Optional[Mapping[str, Any]] = None,
        when: Optional[datetime] = None,
        *,
        request_kind: Optional[str] = None,
    ) -> DecisionLogEntry:
        """Log a rules `Decision` with the facts it was taken on.

        `request_kind` names the rules function ("case_status", "expedite", ...);
        it defaults to `facts["request_kind"]`, then the decision's request type.
        """
        facts = dict(facts or {})
        kind = (
            request_kind
            or facts.get("request_kind")
            or (decision.request_type.value if decision.request_type else None)
            or "unspecified"
        )
        moment = _aware(when, "when")
        entry = DecisionLogEntry(
            conversation_id=conversation_id,
            decided_at=moment,
            request_kind=str(kind),
            facts=jsonable(facts),
            outcome=Outcome(decision.outcome).value,
            rule_ids=list(decision.rule_ids),
            tell=list(decision.tell),
            request_type=decision.request_type.value if decision.request_type else None,
            decided_by=decision.decided_by,
            due_by=_aware(decision.due_by, "due_by") if decision.due_by else None,
            details=jsonable(decision.details),
            created_at=utcnow(),
        )
        with self._sessions() as session:
            session.add(entry)
            session.commit()
            return entry

    def decisions_for(self, conversation_id: str) -> List[DecisionLogEntry]:
        with self._sessions() as session:
            return list(
                session.execute(
                    select(DecisionLogEntry)
                    .where(DecisionLogEntry.conversation_id == conversation_id)
                    .order_by(DecisionLogEntry.decided_at, DecisionLogEntry.id)
                ).scalars()
            )

    # ------------------------------------------------------------ helpers

    def _insert_once(self, build, find_existing):
        """Insert a row with a fresh reference; on a unique clash, return the row that won (E3).

        A clash on the idempotency key means a concurrent double send: the other
        row is returned. A clash on the reference alone (a random collision) is
        retried with a new reference.
        """
        for _ in range(_REFERENCE_TRIES):
            row = build()
            with self._sessions() as session:
                session.add(row)
                try:
                    session.commit()
                    return row
                except IntegrityError:
                    session.rollback()
            existing = find_existing()
            if existing is not None:
                return existing
        raise StoreError("could not allocate a unique reference")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


__all__ = [
    "AttemptConflict",
    "ContactCenterStore",
    "DEFAULT_URL",
    "StoreError",
    "URL_ENV",
    "make_idempotency_key",
    "jsonable",
]
