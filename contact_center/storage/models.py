"""Tables for service requests (E1-E3), callbacks and their attempts (C1-C4), the
live-chat queue (G2, G3, U3) and the decision log.

Portable between SQLite and PostgreSQL: only generic types (String, Text,
Integer, Boolean, JSON, DateTime with time zone). Status columns are plain
strings, checked in Python against the tuples below, so a later
representatives' tool can add a value without a schema migration. Every table
has `created_at`/`updated_at`, and the columns a representative needs
(`assigned_to`, `assigned_at`, ...) are already here.

Timestamps are time-zone-aware UTC on both backends (`UTCDateTime`): naive
datetimes are refused, as in `contact_center.rules`.

`migrations/versions/` must describe these tables exactly; a test compares them.
"""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from typing import List, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import declarative_base, relationship, validates
from sqlalchemy.types import TypeDecorator

from contact_center.rules import MAX_CALLBACK_ATTEMPTS, RequestType, callback_next_step, next_phone_number

UTC = timezone.utc

# Constraint and index names are fixed, so the hand-written migration names them the same.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)
Base = declarative_base(metadata=metadata)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A time-zone-aware UTC datetime on every backend.

    PostgreSQL stores `timestamp with time zone`; SQLite has no time zones, so
    the value is stored as UTC without an offset and UTC is attached on read.
    Naive datetimes are refused: a wall-clock time without a zone is a bug.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("timestamps must be time-zone aware (UTC is stored)")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# ---------------------------------------------------------------- vocabulary

LANGUAGES = ("en", "es")  # G4

# A service request (e-Request, E1):
#   filed      stored with its reference; the applicant was given the reference
#   relayed    sent to the office in `routed_to` (E2)
#   closed     the office answered or the request was resolved
#   cancelled  withdrawn by the applicant or a representative
SERVICE_REQUEST_STATUSES = ("filed", "relayed", "closed", "cancelled")

# A callback (C1-C4):
#   pending          waiting for its first attempt
#   in_progress      a representative is working it (assigned, or attempt 1 not answered)
#   completed        an attempt was answered
#   failed_emailed   two attempts not answered: an e-mail is due (email_due_at) or sent (email_sent_at)
CALLBACK_STATUSES = ("pending", "in_progress", "completed", "failed_emailed")
CALLBACK_OPEN_STATUSES = ("pending", "in_progress")

# The result of one call attempt (C4): a message is left when nobody answers, if possible.
ATTEMPT_RESULTS = ("answered", "no_answer_message_left", "no_answer")
MAX_ATTEMPTS = MAX_CALLBACK_ATTEMPTS  # C4

# A conversation waiting for live chat (G2, G3; U3 goes to tier 2):
#   waiting          in the queue
#   assigned         a representative took it (take_next), not yet talking
#   connected        the representative is talking to the applicant
#   returned_to_bot  handed back to the assistant (by the representative or a timeout)
#   escalated        moved to the Tier 2 queue (G2): a new entry waits there
#   closed           finished
LIVE_STATUSES = ("waiting", "assigned", "connected", "returned_to_bot", "escalated", "closed")
LIVE_ACTIVE_STATUSES = ("waiting", "assigned", "connected")
TIERS = (1, 2)  # G2: Tier 1 contractors; Tier 2 Immigration Services Officers (U3)

# ---------------------------------------------------------------- references (E1, X5)

# Quotable over the phone: no 0/O, 1/I/L or U (which is read as V).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
SERVICE_REQUEST_PREFIX = "SR"
CALLBACK_PREFIX = "CB"
_REFERENCE_RE = re.compile(
    rf"^(?:{SERVICE_REQUEST_PREFIX}|{CALLBACK_PREFIX})-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}$"
)


def new_reference(prefix: str) -> str:
    """A random reference such as `SR-7K3M-9QXD` (30**8, about 6.6e11, possible codes)."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def is_reference(text: Optional[str]) -> bool:
    return bool(text) and bool(_REFERENCE_RE.match(text))


def normalise_reference(text: Optional[str]) -> str:
    """`sr 7k3m 9qxd`, `SR7K3M9QXD` and `SR-7K3M-9QXD` all become `SR-7K3M-9QXD`."""
    compact = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(compact) == 10:
        return f"{compact[:2]}-{compact[2:6]}-{compact[6:]}"
    return (text or "").strip().upper()


def _check_choice(field: str, value, allowed):
    if value not in allowed:
        raise ValueError(f"{field} must be one of {allowed}, not {value!r}")
    return value


# ---------------------------------------------------------------- tables


class ServiceRequest(Base):
    """An e-Request (E1) filed by the assistant, routed to the office holding the case (E2).

    `idempotency_key` is unique (E3): filing the same request again returns this row.
    `details` is the applicant's text, stored exactly as typed.
    """

    __tablename__ = "service_requests"

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False)
    idempotency_key = Column(String(128), nullable=False)
    conversation_id = Column(String(255), nullable=False)
    request_type = Column(String(64), nullable=False)  # RequestType values
    receipt_number = Column(String(16), nullable=True)  # normalised (S2)
    language = Column(String(8), nullable=False)
    applicant_name = Column(String(200), nullable=True)
    email = Column(String(320), nullable=True)
    phone_numbers = Column(JSON, nullable=False, default=list)
    details = Column(Text, nullable=False, default="")
    routed_to = Column(String(100), nullable=True)  # E2
    status = Column(String(32), nullable=False, default="filed")  # SERVICE_REQUEST_STATUSES
    assigned_to = Column(String(100), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("reference"),
        UniqueConstraint("idempotency_key"),
        Index("ix_service_requests_conversation_id", "conversation_id"),
        Index("ix_service_requests_status_created_at", "status", "created_at"),
        Index("ix_service_requests_created_at", "created_at"),
    )

    @validates("request_type")
    def _valid_request_type(self, _key, value):
        return RequestType(value).value

    @validates("status")
    def _valid_status(self, _key, value):
        return _check_choice("status", value, SERVICE_REQUEST_STATUSES)

    @validates("language")
    def _valid_language(self, _key, value):
        return _check_choice("language", value, LANGUAGES)

    def __repr__(self) -> str:
        return f"<ServiceRequest {self.reference} {self.request_type} {self.status}>"


class Callback(Base):
    """A phone callback (C1-C4): due by `due_by` (C1), inside callback hours from
    `window_start` (C2), trying each of `phone_numbers` (C3), two attempts then an
    e-mail (C4; see `plan_attempts`).
    """

    __tablename__ = "callbacks"

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False)
    idempotency_key = Column(String(128), nullable=False)
    conversation_id = Column(String(255), nullable=False)
    urgent = Column(Boolean, nullable=False, default=False)
    language = Column(String(8), nullable=False)
    topic = Column(String(100), nullable=True)
    receipt_number = Column(String(16), nullable=True)
    summary = Column(Text, nullable=False, default="")
    phone_numbers = Column(JSON, nullable=False, default=list)  # C3
    email = Column(String(320), nullable=True)
    window_start = Column(UTCDateTime, nullable=True)  # C2
    due_by = Column(UTCDateTime, nullable=False)  # C1
    preferred_start = Column(UTCDateTime, nullable=True)  # C5: the applicant's chosen window
    preferred_end = Column(UTCDateTime, nullable=True)
    status = Column(String(32), nullable=False, default="pending")  # CALLBACK_STATUSES
    assigned_to = Column(String(100), nullable=True)
    assigned_at = Column(UTCDateTime, nullable=True)
    completed_at = Column(UTCDateTime, nullable=True)
    email_due_at = Column(UTCDateTime, nullable=True)  # C4: set after the second failed attempt
    email_sent_at = Column(UTCDateTime, nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    attempts = relationship(
        "CallbackAttempt",
        back_populates="callback",
        order_by="CallbackAttempt.attempt_no",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
    )

    __table_args__ = (
        UniqueConstraint("reference"),
        UniqueConstraint("idempotency_key"),
        Index("ix_callbacks_conversation_id", "conversation_id"),
        Index("ix_callbacks_status_due_by", "status", "due_by"),
        Index("ix_callbacks_created_at", "created_at"),
    )

    @validates("status")
    def _valid_status(self, _key, value):
        return _check_choice("status", value, CALLBACK_STATUSES)

    @validates("language")
    def _valid_language(self, _key, value):
        return _check_choice("language", value, LANGUAGES)

    @property
    def open_attempt(self) -> Optional["CallbackAttempt"]:
        """The planned attempt not yet made, if any."""
        for attempt in self.attempts:
            if attempt.made_at is None:
                return attempt
        return None

    @property
    def email_due(self) -> bool:
        """C4: two attempts failed and the e-mail has not been sent yet."""
        return self.email_due_at is not None and self.email_sent_at is None

    def __repr__(self) -> str:
        return f"<Callback {self.reference} {self.status} due {self.due_by}>"


class CallbackAttempt(Base):
    """One planned or made call (C4): `scheduled_for` is the earliest and `due_before`
    the latest moment to make it; `made_at`/`result` are filled when it is made.
    """

    __tablename__ = "callback_attempts"

    id = Column(Integer, primary_key=True)
    callback_id = Column(
        Integer, ForeignKey("callbacks.id", ondelete="CASCADE"), nullable=False
    )
    attempt_no = Column(Integer, nullable=False)  # 1..MAX_ATTEMPTS
    phone_number = Column(String(40), nullable=True)  # the number suggested, then the one dialled
    scheduled_for = Column(UTCDateTime, nullable=False)
    due_before = Column(UTCDateTime, nullable=True)
    made_at = Column(UTCDateTime, nullable=True)
    result = Column(String(32), nullable=True)  # ATTEMPT_RESULTS, None until made
    representative_id = Column(String(100), nullable=True)
    notes = Column(Text, nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    callback = relationship("Callback", back_populates="attempts")

    __table_args__ = (
        UniqueConstraint("callback_id", "attempt_no"),
        Index("ix_callback_attempts_scheduled_for", "scheduled_for"),
    )

    @validates("result")
    def _valid_result(self, _key, value):
        if value is None:
            return None
        return _check_choice("result", value, ATTEMPT_RESULTS)

    @validates("attempt_no")
    def _valid_attempt_no(self, _key, value):
        return _check_choice("attempt_no", value, tuple(range(1, MAX_ATTEMPTS + 1)))

    @property
    def answered(self) -> bool:
        return self.result == "answered"

    def __repr__(self) -> str:
        return f"<CallbackAttempt {self.attempt_no} {self.result or 'planned'}>"


def plan_attempts(callback: Callback, now: Optional[datetime] = None) -> List[CallbackAttempt]:
    """Bring the callback's attempts and status up to date with `rules.callback_next_step`
    (C3, C4); return the attempts added. Safe to call again: it never plans an attempt twice.
    """
    if callback.status in ("completed", "failed_emailed"):
        return []
    step = callback_next_step(
        [(a.attempt_no, a.made_at, a.result, a.phone_number) for a in callback.attempts],
        callback.window_start or now or utcnow(),
        callback.due_by,
    )
    added: List[CallbackAttempt] = []
    if step.plan_attempt is not None:
        attempt = CallbackAttempt(
            attempt_no=step.plan_attempt,
            phone_number=next_phone_number(list(callback.phone_numbers or []), step.after_number),
            scheduled_for=step.earliest,
            due_before=step.latest,
        )
        callback.attempts.append(attempt)
        added.append(attempt)
    if step.status != "pending" or callback.status != "in_progress":
        callback.status = step.status
    if step.completed_at is not None:
        callback.completed_at = step.completed_at
    if step.email_due_at is not None:
        callback.email_due_at = step.email_due_at
    return added


class LiveQueueEntry(Base):
    """A conversation waiting for a live representative (G2: tier 1 first; U3: tier 2).

    FIFO per tier by (`created_at`, `id`); `queue_position` counts the waiting
    entries of the same tier ahead of this one.
    """

    __tablename__ = "live_queue"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False)
    tier = Column(Integer, nullable=False)  # TIERS
    language = Column(String(8), nullable=False)
    topic = Column(String(100), nullable=True)
    receipt_number = Column(String(16), nullable=True)
    summary = Column(Text, nullable=False, default="")  # what the applicant asked
    status = Column(String(32), nullable=False, default="waiting")  # LIVE_STATUSES
    assigned_to = Column(String(100), nullable=True)
    escalation_note = Column(Text, nullable=True)  # G2: Tier 1's note for Tier 2
    escalated_by = Column(String(100), nullable=True)
    applicant_left_at = Column(UTCDateTime, nullable=True)  # the applicant's page closed or cut off
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    assigned_at = Column(UTCDateTime, nullable=True)
    connected_at = Column(UTCDateTime, nullable=True)
    closed_at = Column(UTCDateTime, nullable=True)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_live_queue_tier_status_created_at", "tier", "status", "created_at"),
        Index("ix_live_queue_conversation_id", "conversation_id"),
        Index("ix_live_queue_status", "status"),
    )

    @validates("status")
    def _valid_status(self, _key, value):
        return _check_choice("status", value, LIVE_STATUSES)

    @validates("tier")
    def _valid_tier(self, _key, value):
        return _check_choice("tier", value, TIERS)

    @validates("language")
    def _valid_language(self, _key, value):
        return _check_choice("language", value, LANGUAGES)

    @property
    def waiting(self) -> bool:
        return self.status == "waiting"

    def ahead_clause(self):
        """SQL condition for the waiting entries of this tier ahead of this one."""
        cls = type(self)
        return (
            (cls.tier == self.tier)
            & (cls.status == "waiting")
            & (
                (cls.created_at < self.created_at)
                | ((cls.created_at == self.created_at) & (cls.id < self.id))
            )
        )

    def __repr__(self) -> str:
        return f"<LiveQueueEntry {self.id} tier {self.tier} {self.status}>"


class DecisionLogEntry(Base):
    """One `contact_center.rules.Decision`, with the facts it was taken on."""

    __tablename__ = "decision_log"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False)
    decided_at = Column(UTCDateTime, nullable=False, default=utcnow)
    request_kind = Column(String(64), nullable=False)
    facts = Column(JSON, nullable=False, default=dict)
    outcome = Column(String(32), nullable=False)  # Outcome values
    rule_ids = Column(JSON, nullable=False, default=list)
    tell = Column(JSON, nullable=False, default=list)
    request_type = Column(String(64), nullable=True)
    decided_by = Column(String(64), nullable=True)
    due_by = Column(UTCDateTime, nullable=True)
    details = Column(JSON, nullable=False, default=dict)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)

    __table_args__ = (
        Index("ix_decision_log_conversation_id_decided_at", "conversation_id", "decided_at"),
        Index("ix_decision_log_decided_at", "decided_at"),
        Index("ix_decision_log_outcome", "outcome"),
    )

    def __repr__(self) -> str:
        return f"<DecisionLogEntry {self.conversation_id} {self.outcome} {self.rule_ids}>"


# ---------------------------------------------------------------- same rules on both backends


def check_string(table, key: str, value) -> None:
    """Refuse what one backend would silently accept and the other refuse.

    PostgreSQL refuses a string longer than its column and a NUL character;
    SQLite stores both. Checking here gives the same ValueError everywhere.
    Run on every ORM insert and update; call it before a Core UPDATE.
    """
    if not isinstance(value, str):
        return
    column = table.columns[key]
    if not isinstance(column.type, String):
        return
    if "\x00" in value:
        raise ValueError(f"{table.name}.{key} contains a NUL character")
    if column.type.length is not None and len(value) > column.type.length:
        raise ValueError(
            f"{table.name}.{key} is {len(value)} characters; at most {column.type.length}"
        )


def _check_strings(_mapper, _connection, target) -> None:
    table = target.__table__
    for column in table.columns:
        check_string(table, column.key, getattr(target, column.key, None))


event.listen(Base, "before_insert", _check_strings, propagate=True)
event.listen(Base, "before_update", _check_strings, propagate=True)

__all__ = [
    "ATTEMPT_RESULTS",
    "Base",
    "CALLBACK_STATUSES",
    "Callback",
    "CallbackAttempt",
    "DecisionLogEntry",
    "LANGUAGES",
    "LIVE_STATUSES",
    "LiveQueueEntry",
    "MAX_ATTEMPTS",
    "SERVICE_REQUEST_STATUSES",
    "ServiceRequest",
    "TIERS",
    "UTCDateTime",
    "check_string",
    "is_reference",
    "metadata",
    "new_reference",
    "normalise_reference",
    "plan_attempts",
    "utcnow",
]
