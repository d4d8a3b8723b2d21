"""Checked values shared by the store's methods: aware timestamps, normalised receipts."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

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
