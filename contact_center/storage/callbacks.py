"""Callbacks (C1-C5): asking for one, the representatives' attempts, and the C4 e-mail
after two attempts nobody answered.

A mixin of `ContactCenterStore`, kept apart so each file reads as one subject.
Recording an attempt is a race between representatives: the attempt row is only
written while it is still open (`made_at IS NULL`), and on PostgreSQL the callback
is locked while it is read, so the loser gets `AttemptConflict`, not a second result.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Optional, Tuple

from sqlalchemy import select

from contact_center.rules import callback_window
from contact_center.storage.models import (
    ATTEMPT_RESULTS,
    CALLBACK_OPEN_STATUSES,
    CALLBACK_PREFIX,
    Callback,
    CallbackAttempt,
    check_string,
    new_reference,
    plan_attempts,
)
from contact_center.storage.queries import (
    StoreError,
    StoreQueries,
    by_key,
    by_reference,
    for_conversation,
    update_where,
)
from contact_center.storage.values import aware, phone_numbers as checked_phone_numbers, receipt


class AttemptConflict(StoreError):
    """Another representative recorded this attempt first."""


class CallbackMethods(StoreQueries):
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
        numbers = checked_phone_numbers(phone_numbers)
        if not numbers:
            raise ValueError("a callback needs at least one phone number (C3)")
        moment = aware(now)
        if due_by is None or window_start is None:
            first, deadline = callback_window(moment, urgent)
            window_start = window_start or first
            due_by = due_by or deadline
        window_start = aware(window_start, "window_start")
        due_by = aware(due_by, "due_by")
        checked_receipt = receipt(receipt_number)

        def build() -> Callback:
            callback = Callback(
                reference=new_reference(CALLBACK_PREFIX),
                idempotency_key=idempotency_key,
                conversation_id=conversation_id,
                urgent=bool(urgent),
                language=language,
                topic=topic,
                receipt_number=checked_receipt,
                summary=summary if summary is not None else "",
                phone_numbers=numbers,
                email=email,
                window_start=window_start,
                due_by=due_by,
                preferred_start=aware(preferred_window[0], "preferred_window") if preferred_window else None,
                preferred_end=aware(preferred_window[1], "preferred_window") if preferred_window else None,
                status="pending",
                created_at=moment,
                updated_at=moment,
            )
            plan_attempts(callback, moment)
            return callback

        return self._insert_once(build, lambda: self.get_callback_by_key(idempotency_key))

    def get_callback(self, reference: str) -> Optional[Callback]:
        return self._one(by_reference(Callback, reference))

    def get_callback_by_key(self, key: str) -> Optional[Callback]:
        return self._one(by_key(Callback, key))

    def callbacks_for(self, conversation_id: str) -> List[Callback]:
        return self._all(for_conversation(Callback, conversation_id))

    def open_callbacks(self) -> List[Callback]:
        """Callbacks still to be worked, the one due first first (C1)."""
        return self._all(
            select(Callback)
            .where(Callback.status.in_(CALLBACK_OPEN_STATUSES))
            .order_by(Callback.due_by, Callback.id)
        )

    def finished_callbacks_since(self, since: datetime) -> List[Callback]:
        """Callbacks completed or failed (C4 e-mail) since `since`, the latest first."""
        return self._all(
            select(Callback)
            .where(Callback.status.not_in(CALLBACK_OPEN_STATUSES), Callback.updated_at >= aware(since, "since"))
            .order_by(Callback.updated_at.desc(), Callback.id.desc())
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
        moment = aware(made_at, "made_at")
        with self._sessions() as session:
            query = by_reference(Callback, reference)
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
            changed = update_where(
                session,
                CallbackAttempt,
                CallbackAttempt.id == attempt.id,
                CallbackAttempt.made_at.is_(None),
                made_at=moment,
                result=result,
                representative_id=representative_id,
                phone_number=dialled,
                notes=notes,
                updated_at=moment,
            )
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

    # ------------------------------------------------------------ the C4 e-mail

    def mark_email_sent(self, reference: str, when: Optional[datetime] = None) -> Callback:
        """C4: the e-mail after two failed attempts was sent."""
        moment = aware(when, "when")
        with self._sessions() as session:
            callback = session.execute(by_reference(Callback, reference)).scalar_one()
            if callback.email_due_at is None:
                raise ValueError(f"no e-mail is due for callback {callback.reference}")
            callback.email_sent_at = moment
            callback.updated_at = moment
            session.commit()
            return callback

    def callbacks_needing_email(self) -> List[Callback]:
        return self._all(
            select(Callback)
            .where(Callback.email_due_at.is_not(None), Callback.email_sent_at.is_(None))
            .order_by(Callback.email_due_at, Callback.id)
        )


__all__ = ["AttemptConflict", "CallbackMethods"]
