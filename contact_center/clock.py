"""The assistant's clock: the real time, or a fixed moment for tests and demos.

Time rules (G3 live-chat hours, C1/C2 callbacks, R2's 12 hours) must be testable
at any hour, so the action server reads the time from here. `CONTACT_CENTER_NOW`
(an ISO 8601 moment with its offset, e.g. 2026-11-24T10:00:00-05:00) fixes it;
`CONTACT_CENTER_CLOCK_FILE` names a file holding such a moment, read on every
call, so a running server's clock can be moved by a test.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping, Optional
from zoneinfo import ZoneInfo

from contact_center import settings

# The contact center keeps Eastern time: its hours (G3, C2), deadlines and the times it tells.
EASTERN = ZoneInfo("America/New_York")
NOW_ENV = "CONTACT_CENTER_NOW"
FILE_ENV = "CONTACT_CENTER_CLOCK_FILE"


def _parse(value: str) -> datetime:
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset; the clock must be time-zone aware")
    return moment


def now(env: Optional[Mapping[str, str]] = None) -> datetime:
    """The current moment, time-zone aware."""
    path = settings.text(FILE_ENV, env)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        if text:
            return _parse(text)
    fixed = settings.text(NOW_ENV, env)
    if fixed:
        return _parse(fixed)
    return datetime.now(timezone.utc)
