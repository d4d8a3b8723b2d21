"""Retention: conversations, requests and decision records past a set age are removed.

`python -m contact_center.retention` (also `make retention`), run daily in production
(cron or a systemd timer: README, "Production"):

- Rasa's tracker store: every event older than the cutoff is deleted (what applicants
  typed, and everything the assistant said back);
- the decision log: rows decided before the cutoff are deleted;
- the live queue: entries handed back or closed before the cutoff are deleted (a
  conversation still waiting or with a representative is kept);
- callbacks: finished ones (answered, e-mailed, closed) last touched before the cutoff
  are deleted with their attempts; pending ones are kept;
- service requests last touched before the cutoff are anonymised: the receipt number,
  name, e-mail, phone numbers, details and conversation id are removed, while the
  reference, type, office, status and dates stay for the contact center's statistics.

The age is `--days` or RETENTION_DAYS (default 365). `--dry-run` counts without changing.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Dict, Optional

from sqlalchemy import and_, create_engine, delete, func, select, text, update

from contact_center import settings
from contact_center.storage import ContactCenterStore
from contact_center.storage.models import Callback, CallbackAttempt, DecisionLogEntry, LiveQueueEntry, ServiceRequest

DEFAULT_DAYS: int = settings.default("RETENTION_DAYS")
FINISHED_LIVE = ("returned_to_bot", "closed")
REMOVED = "[removed]"


@dataclass
class Report:
    cutoff: datetime
    removed: Dict[str, int] = field(default_factory=dict)
    anonymised: Dict[str, int] = field(default_factory=dict)

    def lines(self):
        yield f"cutoff {self.cutoff.isoformat()}"
        for name, count in self.removed.items():
            yield f"removed {count} {name}"
        for name, count in self.anonymised.items():
            yield f"anonymised {count} {name}"


def purge(
    store: ContactCenterStore,
    tracker_db_url: Optional[str],
    older_than: timedelta,
    now: Optional[datetime] = None,
    dry_run: bool = False,
) -> Report:
    cutoff = (now or datetime.now(timezone.utc)) - older_than
    report = Report(cutoff)
    with store.session() as session:
        old_decisions = DecisionLogEntry.decided_at < cutoff
        # When they ended: closed_at / completed_at (updated_at moves on any later write).
        old_live = and_(
            LiveQueueEntry.status.in_(FINISHED_LIVE),
            func.coalesce(LiveQueueEntry.closed_at, LiveQueueEntry.updated_at) < cutoff,
        )
        old_callbacks = and_(Callback.status != "pending", func.coalesce(Callback.completed_at, Callback.updated_at) < cutoff)
        old_requests = and_(ServiceRequest.updated_at < cutoff, ServiceRequest.details != REMOVED)
        report.removed["decision records"] = session.scalar(select(func.count()).where(old_decisions)) or 0
        report.removed["live queue entries"] = session.scalar(select(func.count()).where(old_live)) or 0
        callback_ids = list(session.scalars(select(Callback.id).where(old_callbacks)))
        report.removed["callbacks"] = len(callback_ids)
        report.anonymised["service requests"] = session.scalar(select(func.count()).where(old_requests)) or 0
        if not dry_run:
            quick = {"synchronize_session": False}  # nothing of these rows is held in this session
            session.execute(delete(DecisionLogEntry).where(old_decisions).execution_options(**quick))
            session.execute(delete(LiveQueueEntry).where(old_live).execution_options(**quick))
            if callback_ids:
                session.execute(delete(CallbackAttempt).where(CallbackAttempt.callback_id.in_(callback_ids)).execution_options(**quick))
                session.execute(delete(Callback).where(Callback.id.in_(callback_ids)).execution_options(**quick))
            session.execute(
                update(ServiceRequest)
                .where(old_requests)
                .values(receipt_number=None, applicant_name=None, email=None, phone_numbers=[], details=REMOVED,
                        conversation_id=REMOVED)
                .execution_options(synchronize_session=False)
            )
            session.commit()
    if tracker_db_url:
        report.removed["conversation events"] = _purge_events(tracker_db_url, cutoff, dry_run)
    return report


def _purge_events(url: str, cutoff: datetime, dry_run: bool) -> int:
    """Rasa's SQL tracker store keeps every event in one `events` table with a POSIX timestamp."""
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            if "events" not in _tables(connection):
                return 0
            params = {"cutoff": cutoff.timestamp()}
            count = connection.execute(text("SELECT count(*) FROM events WHERE timestamp < :cutoff"), params).scalar() or 0
            if not dry_run:
                connection.execute(text("DELETE FROM events WHERE timestamp < :cutoff"), params)
            return int(count)
    finally:
        engine.dispose()


def _tables(connection):
    from sqlalchemy import inspect

    return set(inspect(connection).get_table_names())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contact_center.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=settings.integer("RETENTION_DAYS"),
                        help=f"remove what is older than this many days (RETENTION_DAYS, default {DEFAULT_DAYS})")
    parser.add_argument("--db-url", default=None, help="the contact center's store (default CONTACT_CENTER_DB_URL)")
    parser.add_argument("--tracker-db-url", default=settings.text("TRACKER_DB_URL"),
                        help=f"Rasa's SQL tracker store (TRACKER_DB_URL, default {settings.default('TRACKER_DB_URL')})")
    parser.add_argument("--dry-run", action="store_true", help="count what would go, change nothing")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("--days must be at least 1")
    store = ContactCenterStore(args.db_url)
    try:
        store.migrate()
        report = purge(store, args.tracker_db_url, timedelta(days=args.days), dry_run=args.dry_run)
    finally:
        store.dispose()
    for line in report.lines():
        print(("would be " if args.dry_run and not line.startswith("cutoff") else "") + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
