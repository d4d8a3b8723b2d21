"""Checked values shared by the store's methods: aware timestamps, normalised receipts, phone numbers."""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Optional

from contact_center import receipts
from contact_center.storage.models import UTC, utcnow


def aware(moment: Optional[datetime], name: str = "now") -> datetime:
    if moment is None:
        return utcnow()
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be time-zone aware")
    return moment.astimezone(UTC)


def receipt(raw: Optional[str]) -> Optional[str]:
    if raw is None or raw == "":
        return None
    check = receipts.check(raw)
    if not check.valid:
        raise ValueError(f"invalid receipt number ({check.problem.value}): {raw!r}")
    return check.normalised


def phone_numbers(numbers: Optional[Iterable[str]]) -> List[str]:
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
