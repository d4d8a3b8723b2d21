"""The questions every kind of record is asked the same way, written once.

A service request and a callback are both found by the reference the applicant
quotes and by the idempotency key that makes filing them once only (E3); service
requests, callbacks, decisions and live-queue entries are all listed per
conversation. The statements are built here and run by the mixins of
`ContactCenterStore`, either in a short session of their own (`_one`, `_all`)
or inside a transaction the caller already holds (a lock, a read then a write).
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable, List, Optional, Sequence, TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Select

from contact_center.storage.models import normalise_reference

Row = TypeVar("Row")

_REFERENCE_TRIES = 8


class StoreError(RuntimeError):
    """The store could not do what was asked (not a validation error)."""


def make_idempotency_key(*parts: Any) -> str:
    """E3: a stable key from what identifies one request (conversation, type, receipt, ...).

    The same parts give the same key, so a retry, a double click or a
    reconnect files nothing new.
    """
    text = "\x1f".join("" if p is None else str(getattr(p, "value", p)) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def by_reference(model, reference: str) -> Select:
    """The row the applicant quotes (any case, spaces or dashes)."""
    return select(model).where(model.reference == normalise_reference(reference))


def by_key(model, key: str) -> Select:
    return select(model).where(model.idempotency_key == key)


def for_conversation(model, conversation_id: str, *where, when=None, newest_first: bool = False) -> Select:
    """A conversation's rows in the order they happened; `when` is the column that says when
    (`created_at` unless given), the id breaks ties between rows of the same instant."""
    when = model.created_at if when is None else when
    order: Sequence = (when, model.id) if not newest_first else (when.desc(), model.id.desc())
    return select(model).where(model.conversation_id == conversation_id, *where).order_by(*order)


def update_where(session: Session, model, *where, **values) -> int:
    """A conditional UPDATE; the row count says whether the condition still held, which is how
    of two representatives acting at once exactly one wins."""
    return session.execute(
        update(model).where(*where).values(**values).execution_options(synchronize_session=False)
    ).rowcount


class StoreQueries:
    """Runs the statements above for the mixins; the store supplies `_sessions`."""

    _sessions: sessionmaker

    def _one(self, query: Select) -> Optional[Any]:
        with self._sessions() as session:
            return session.execute(query).scalar_one_or_none()

    def _all(self, query: Select) -> List[Any]:
        with self._sessions() as session:
            return list(session.execute(query).scalars())

    def _scalar(self, query: Select) -> Any:
        with self._sessions() as session:
            return session.execute(query).scalar_one()

    def _insert_once(self, build: Callable[[], Row], find_existing: Callable[[], Optional[Row]]) -> Row:
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


__all__ = [
    "StoreError",
    "StoreQueries",
    "by_key",
    "by_reference",
    "for_conversation",
    "make_idempotency_key",
    "update_where",
]
