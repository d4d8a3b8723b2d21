"""Rule S4: is a case outside normal processing time, or is mail overdue?

When the status shows the case is outside normal processing time, or a notice or
card did not arrive, the assistant offers the matching e-Request (E1). The
figures and title lists live in `processing_times.yml` so they can be updated
without code changes (the months there are assumptions; see that file).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Tuple

import yaml

from contact_center.case_status.client import CaseStatus

TABLE_PATH = Path(__file__).with_name("processing_times.yml")

CARD_NOT_RECEIVED = "card_not_received"  # = rules.RequestType.CARD_NOT_RECEIVED
NOTICE_NOT_RECEIVED = "notice_not_received"  # = rules.RequestType.NOTICE_NOT_RECEIVED


@dataclass(frozen=True)
class ProcessingTable:
    """The contents of processing_times.yml, normalised."""

    months: Dict[str, int]
    decided_patterns: Tuple["re.Pattern[str]", ...]
    wait_days: int
    card_titles: FrozenSet[str]
    notice_titles: FrozenSet[str]
    returned_card_titles: FrozenSet[str]
    returned_notice_titles: FrozenSet[str]
    card_patterns: Tuple["re.Pattern[str]", ...]
    notice_patterns: Tuple["re.Pattern[str]", ...]


def normalise_title(title: Optional[str]) -> str:
    """Lower case, single spaces: titles come with odd case and stray spaces."""
    return " ".join((title or "").split()).lower()


def normalise_form(form: Optional[str]) -> str:
    """`i485`, `I 485` and `i-485` all become `I-485`."""
    text = re.sub(r"[\s\-_]", "", (form or "").upper())
    m = re.fullmatch(r"([A-Z]+)(\d+[A-Z]?)", text)
    return f"{m.group(1)}-{m.group(2)}" if m else text


def load_table(path: Optional[Path] = None) -> ProcessingTable:
    """Read a processing-time table; `path` defaults to processing_times.yml."""
    with open(path or TABLE_PATH, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    mail = raw.get("mail") or {}

    def titles(key: str) -> FrozenSet[str]:
        return frozenset(normalise_title(t) for t in mail.get(key) or ())

    def patterns(items) -> Tuple["re.Pattern[str]", ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in items or ())

    return ProcessingTable(
        months={normalise_form(k): int(v) for k, v in (raw.get("normal_processing_months") or {}).items()},
        decided_patterns=patterns(raw.get("decided_title_patterns")),
        wait_days=int(mail.get("wait_days", 30)),
        card_titles=titles("card_titles"),
        notice_titles=titles("notice_titles"),
        returned_card_titles=titles("returned_card_titles"),
        returned_notice_titles=titles("returned_notice_titles"),
        card_patterns=patterns(mail.get("card_title_patterns")),
        notice_patterns=patterns(mail.get("notice_title_patterns")),
    )


@lru_cache(maxsize=1)
def default_table() -> ProcessingTable:
    """The table in processing_times.yml, read once."""
    return load_table()


def normal_processing_months(form_type: str, table: Optional[ProcessingTable] = None) -> Optional[int]:
    """Normal processing time in months for `form_type`, None when the table has none."""
    return (table or default_table()).months.get(normalise_form(form_type))


def add_months(when: datetime, months: int) -> datetime:
    """`when` plus whole calendar months; the day is clamped (Jan 31 + 1 month = Feb 28/29)."""
    month_index = when.month - 1 + months
    year, month = when.year + month_index // 12, month_index % 12 + 1
    day = min(when.day, calendar.monthrange(year, month)[1])
    return when.replace(year=year, month=month, day=day)


def _comparable(now: datetime, other: datetime) -> datetime:
    # API dates are naive; an aware `now` is made naive (in UTC) so the two
    # compare. A few hours either way do not matter at month or 30-day scale.
    if other.tzinfo is None and now.tzinfo is not None:
        return now.astimezone(timezone.utc).replace(tzinfo=None)
    if other.tzinfo is not None and now.tzinfo is None:
        return now.replace(tzinfo=timezone.utc)
    return now


def is_decided(case: CaseStatus, table: Optional[ProcessingTable] = None) -> bool:
    """True when the status means the case no longer waits for a decision."""
    title = normalise_title(case.title_en)
    return any(p.search(title) for p in (table or default_table()).decided_patterns)


def outside_processing_time(
    case: CaseStatus, now: datetime, table: Optional[ProcessingTable] = None
) -> bool:
    """Rule S4: True when submitted date + normal processing time is before `now`.

    False when there is no submitted date (IOE receipts), when the form has no
    normal time in the table, and when the case is already decided (approved,
    denied, rejected, card or document issued...) or on hold for litigation:
    a decided case is not late, and no e-Request speeds up a court.
    """
    table = table or default_table()
    if case.submitted_date is None:
        return False
    months = normal_processing_months(case.form_type, table)
    if months is None:
        return False
    if is_decided(case, table):
        return False
    return add_months(case.submitted_date, months) < _comparable(now, case.submitted_date)


def mail_overdue(
    case: CaseStatus, now: datetime, table: Optional[ProcessingTable] = None
) -> Optional[str]:
    """Rule S4: which e-Request (E1) a missing card or notice would call for, if any.

    "card_not_received" when the status says a card or document was mailed,
    delivered or produced more than `wait_days` (30) days ago (the modified
    date), or the Post Office is returning it; "notice_not_received" likewise
    for a notice; None otherwise, and when there is no modified date. The
    status cannot tell whether the mail arrived: the assistant asks before filing.
    """
    table = table or default_table()
    title = normalise_title(case.title_en)
    if not title or case.modified_date is None:
        return None
    if title in table.returned_card_titles:
        return CARD_NOT_RECEIVED
    if title in table.returned_notice_titles:
        return NOTICE_NOT_RECEIVED
    waited = _comparable(now, case.modified_date) - case.modified_date
    if waited <= timedelta(days=table.wait_days):
        return None
    if title in table.card_titles or (
        title not in table.notice_titles and any(p.search(title) for p in table.card_patterns)
    ):
        return CARD_NOT_RECEIVED
    if title in table.notice_titles or any(p.search(title) for p in table.notice_patterns):
        return NOTICE_NOT_RECEIVED
    return None
