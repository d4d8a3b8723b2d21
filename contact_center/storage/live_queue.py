"""The live-chat queue (G2, G3, U3) and the representatives' desk's hold on it.

A mixin of `ContactCenterStore` (it uses the store's sessions and dialect), kept
apart so each file reads as one subject.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Optional

from sqlalchemy import func, select
from sqlalchemy.sql import Select

from contact_center.storage.models import LIVE_ACTIVE_STATUSES, LIVE_STATUSES, TIERS, LiveQueueEntry, check_string
from contact_center.storage.queries import StoreQueries, for_conversation, update_where
from contact_center.storage.values import aware, receipt


def _waiting(tier: int) -> Select:
    """A tier's waiting entries in the order they are taken: first come, first served."""
    return (
        select(LiveQueueEntry)
        .where(LiveQueueEntry.tier == tier, LiveQueueEntry.status == "waiting")
        .order_by(LiveQueueEntry.created_at, LiveQueueEntry.id)
    )


def _claim_waiting(session, entry_id: int, representative_id: str, moment: datetime, status: str, **more) -> bool:
    """The representative has the entry if their conditional UPDATE changed it while it was
    still waiting: of two representatives claiming at once, exactly one does."""
    return (
        update_where(
            session,
            LiveQueueEntry,
            LiveQueueEntry.id == entry_id,
            LiveQueueEntry.status == "waiting",
            status=status,
            assigned_to=representative_id,
            assigned_at=moment,
            updated_at=moment,
            **more,
        )
        == 1
    )


def _let_go(session, entry_id: int, representative_id: str, moment: datetime, status: str, *where) -> bool:
    """Only the representative connected to the entry may end their hold on it; a conditional
    UPDATE, so a stale page or another representative changes nothing."""
    return (
        update_where(
            session,
            LiveQueueEntry,
            LiveQueueEntry.id == entry_id,
            *where,
            LiveQueueEntry.status == "connected",
            LiveQueueEntry.assigned_to == representative_id,
            status=status,
            closed_at=moment,
            updated_at=moment,
        )
        == 1
    )


class LiveQueueMethods(StoreQueries):
    def enqueue_live(
        self,
        *,
        conversation_id: str,
        tier: int,
        language: str,
        topic: Optional[str] = None,
        receipt_number: Optional[str] = None,
        summary: str = "",
        now: Optional[datetime] = None,
    ) -> LiveQueueEntry:
        """Put a conversation in the live queue of `tier` (G2: 1; U3: 2; see `tier_for`).

        A conversation already waiting, assigned or connected in that tier keeps
        its entry (and its place): a reconnect does not queue it twice.
        """
        if tier not in TIERS:
            raise ValueError(f"tier must be one of {TIERS}, not {tier!r}")
        moment = aware(now)
        with self._sessions() as session:
            existing = session.execute(
                for_conversation(
                    LiveQueueEntry,
                    conversation_id,
                    LiveQueueEntry.tier == tier,
                    LiveQueueEntry.status.in_(LIVE_ACTIVE_STATUSES),
                ).limit(1)
            ).scalar_one_or_none()
            if existing is not None:
                return existing
            entry = LiveQueueEntry(
                conversation_id=conversation_id,
                tier=tier,
                language=language,
                topic=topic,
                receipt_number=receipt(receipt_number),
                summary=summary if summary is not None else "",
                status="waiting",
                created_at=moment,
                updated_at=moment,
            )
            session.add(entry)
            session.commit()
            return entry

    def queue_position(self, entry_id: int) -> Optional[int]:
        """1 for the next to be taken in its tier; None when the entry is not waiting."""
        with self._sessions() as session:
            entry = session.get(LiveQueueEntry, entry_id)
            if entry is None or not entry.waiting:
                return None
            ahead = session.execute(
                select(func.count(LiveQueueEntry.id)).where(entry.ahead_clause())
            ).scalar_one()
            return ahead + 1

    def queue_length(self, tier: int) -> int:
        return self._scalar(
            select(func.count(LiveQueueEntry.id)).where(
                LiveQueueEntry.tier == tier, LiveQueueEntry.status == "waiting"
            )
        )

    def waiting_entries(self, tier: int) -> List[LiveQueueEntry]:
        """The waiting entries of a tier, first to be taken first."""
        return self._all(_waiting(tier))

    def get_live_entry(self, entry_id: int) -> Optional[LiveQueueEntry]:
        with self._sessions() as session:
            return session.get(LiveQueueEntry, entry_id)

    def live_entry_for(self, conversation_id: str) -> Optional[LiveQueueEntry]:
        """The conversation's current (waiting, assigned or connected) entry, if any."""
        return self._one(
            for_conversation(
                LiveQueueEntry, conversation_id, LiveQueueEntry.status.in_(LIVE_ACTIVE_STATUSES), newest_first=True
            ).limit(1)
        )

    def take_next(
        self, tier: int, representative_id: str, now: Optional[datetime] = None
    ) -> Optional[LiveQueueEntry]:
        """The oldest waiting entry of `tier`, now assigned to the representative; None if empty.

        Two representatives never get the same entry.
        """
        if tier not in TIERS:
            raise ValueError(f"tier must be one of {TIERS}, not {tier!r}")
        moment = aware(now)
        check_string(LiveQueueEntry.__table__, "assigned_to", representative_id)
        oldest = _waiting(tier).limit(1)
        if self.dialect == "postgresql":
            with self._sessions() as session:
                entry = session.execute(
                    oldest.with_for_update(skip_locked=True)
                ).scalar_one_or_none()
                if entry is None:
                    session.rollback()
                    return None
                entry.status = "assigned"
                entry.assigned_to = representative_id
                entry.assigned_at = moment
                entry.updated_at = moment
                session.commit()
                return entry
        # Elsewhere (SQLite): whoever's conditional UPDATE changes the row has it.
        skipped: List[int] = []
        while True:
            with self._sessions() as session:
                query = oldest
                if skipped:
                    query = query.where(LiveQueueEntry.id.not_in(skipped))
                entry_id = session.execute(query.with_only_columns(LiveQueueEntry.id)).scalar()
                if entry_id is None:
                    return None
                if _claim_waiting(session, entry_id, representative_id, moment, "assigned"):
                    session.commit()
                    return session.get(LiveQueueEntry, entry_id, populate_existing=True)
                session.rollback()
                skipped.append(entry_id)

    def set_live_status(
        self,
        entry_id: int,
        status: str,
        *,
        representative_id: Optional[str] = None,
        now: Optional[datetime] = None,
    ) -> LiveQueueEntry:
        """Move an entry on: connected, returned_to_bot, closed (or back to waiting)."""
        if status not in LIVE_STATUSES:
            raise ValueError(f"status must be one of {LIVE_STATUSES}, not {status!r}")
        moment = aware(now)
        with self._sessions() as session:
            entry = session.get(LiveQueueEntry, entry_id)
            if entry is None:
                raise LookupError(f"no live queue entry {entry_id}")
            entry.status = status
            if representative_id is not None:
                entry.assigned_to = representative_id
            if status == "assigned" and entry.assigned_at is None:
                entry.assigned_at = moment
            if status == "connected":
                entry.connected_at = moment
            if status in ("returned_to_bot", "closed"):
                entry.closed_at = moment
            if status == "waiting":
                entry.assigned_to = None
                entry.assigned_at = None
            entry.updated_at = moment
            session.commit()
            return entry

    # ------------------------------------------------------------ the desk's hold (G2)

    def live_entries(self, tiers: Iterable[int], statuses: Iterable[str] = LIVE_ACTIVE_STATUSES) -> List[LiveQueueEntry]:
        """Entries of these tiers and statuses, the longest waiting first."""
        return self._all(
            select(LiveQueueEntry)
            .where(LiveQueueEntry.tier.in_(list(tiers)), LiveQueueEntry.status.in_(list(statuses)))
            .order_by(LiveQueueEntry.created_at, LiveQueueEntry.id)
        )

    def latest_live_entry(self, conversation_id: str) -> Optional[LiveQueueEntry]:
        """The conversation's most recent entry, whatever its status."""
        return self._one(for_conversation(LiveQueueEntry, conversation_id, newest_first=True).limit(1))

    def take_live(self, entry_id: int, representative_id: str, now: Optional[datetime] = None) -> bool:
        """The representative takes this waiting entry; False if someone else already has it.

        One conditional UPDATE: of two representatives taking at once, exactly one changes the row.
        """
        moment = aware(now)
        check_string(LiveQueueEntry.__table__, "assigned_to", representative_id)
        with self._sessions() as session:
            won = _claim_waiting(session, entry_id, representative_id, moment, "connected", connected_at=moment)
            session.commit()
            return won

    def finish_live(self, entry_id: int, representative_id: str, status: str, now: Optional[datetime] = None) -> bool:
        """The holder hands the entry back (`returned_to_bot`) or closes it; False if they don't hold it."""
        if status not in ("returned_to_bot", "closed"):
            raise ValueError(f"a representative finishes with returned_to_bot or closed, not {status!r}")
        moment = aware(now)
        with self._sessions() as session:
            done = _let_go(session, entry_id, representative_id, moment, status)
            session.commit()
            return done

    def escalate_live(
        self, entry_id: int, representative_id: str, note: str, now: Optional[datetime] = None
    ) -> Optional[LiveQueueEntry]:
        """G2: the Tier 1 holder moves the conversation to the Tier 2 queue with a note.

        The Tier 1 entry becomes `escalated` and a new Tier 2 entry waits, carrying the
        summary and the note. None if the representative does not hold a Tier 1 entry.
        """
        moment = aware(now)
        check_string(LiveQueueEntry.__table__, "escalated_by", representative_id)
        with self._sessions() as session:
            if not _let_go(session, entry_id, representative_id, moment, "escalated", LiveQueueEntry.tier == 1):
                session.rollback()
                return None
            old = session.get(LiveQueueEntry, entry_id, populate_existing=True)
            entry = LiveQueueEntry(
                conversation_id=old.conversation_id,
                tier=2,
                language=old.language,
                topic=old.topic,
                receipt_number=old.receipt_number,
                summary=old.summary,
                status="waiting",
                escalation_note=note or "",
                escalated_by=representative_id,
                applicant_left_at=old.applicant_left_at,
                created_at=moment,
                updated_at=moment,
            )
            session.add(entry)
            session.commit()
            return entry

    def set_applicant_presence(self, conversation_id: str, online: bool, now: Optional[datetime] = None) -> int:
        """The applicant's page connected again (online) or went away; returns the entries changed."""
        moment = aware(now)
        with self._sessions() as session:
            changed = update_where(
                session,
                LiveQueueEntry,
                LiveQueueEntry.conversation_id == conversation_id,
                LiveQueueEntry.status.in_(LIVE_ACTIVE_STATUSES),
                applicant_left_at=None if online else moment,
            )
            session.commit()
            return changed
