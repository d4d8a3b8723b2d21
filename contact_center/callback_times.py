"""When the applicant would like the callback (C5), from what they typed.

"tomorrow morning", "monday after 2pm", "el viernes por la tarde", "any time":
a day (today or the next such day when none is named) and a part of it. The window
is then kept inside callback hours and the C1 deadline by
`rules.preferred_callback_window`; this module only reads the words.
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Optional, Tuple, Union

from contact_center import dates
from contact_center.rules import CALLBACK_END, CALLBACK_START, EASTERN
from contact_center.text import fold

ANY = "any"

_ANY = re.compile(
    r"\b(any ?time|any time is fine|whenever|no preference|doesn'?t matter|does not matter|any|no|nope|"
    r"cualquier (hora|momento|dia)|cuando sea|no importa|da igual|a cualquier hora|no tengo preferencia|no)\b"
)
_PARTS = (
    (re.compile(r"\b(mornings?|(en|por|de) la manana|por las mananas|manana temprano|temprano|early)\b"), time(7, 0), time(12, 0)),
    (re.compile(r"\b(afternoons?|(en|por|de) la tarde|por las tardes|tarde)\b"), time(12, 0), CALLBACK_END),
    (re.compile(r"\b(evenings?|(en|por|de) la noche|noche|after work|despues del trabajo)\b"), time(16, 0), CALLBACK_END),
    (re.compile(r"\b(lunch|lunchtime|mediodia|hora de (la )?comida|hora del almuerzo)\b"), time(12, 0), time(13, 30)),
)
_HOUR = r"(\d{1,2})(?::(\d\d))?\s*(am|pm|a\.?m\.?|p\.?m\.?)?"
_AFTER = re.compile(r"\b(after|despues de( las?)?|desde( las?)?|from)\s+" + _HOUR)
_BEFORE = re.compile(r"\b(before|antes de( las?)?|until|hasta( las?)?)\s+" + _HOUR)
_BETWEEN = re.compile(r"\b(?:between|entre( las?)?)\s+" + _HOUR + r"\s+(?:and|y|-)\s+(?:las?\s+)?" + _HOUR)
_AT = re.compile(r"\b(?:at|a las?|around|como a las?|alrededor de las?)\s+" + _HOUR)
# "before my interview on friday at 10": the moment named is when the call must be done by,
# not when to call (the applicant is at the interview then).
_BEFORE_EVENT = re.compile(r"\b(before|antes de)\s+(my|the|mi|la|el|su|mis|las|los)\s+\w+")
_DAY_WORDS = re.compile(
    r"\b(today|hoy|tomorrow|pasado manana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|"
    r"miercoles|jueves|viernes|sabado|domingo)\b|\d{1,2}/\d{1,2}|\b(?<!la )manana\b(?! temprano)"
)


def _hour(hour: str, minute: Optional[str], meridiem: Optional[str], afternoon_hint: bool) -> Optional[time]:
    h, m = int(hour), int(minute or 0)
    meridiem = (meridiem or "").replace(".", "")
    if meridiem == "pm" and h < 12:
        h += 12
    elif meridiem == "am" and h == 12:
        h = 0
    elif not meridiem and h < 7 and h >= 1:  # "after 2", "a las 3": nobody means 3 a.m.
        h += 12
    elif not meridiem and afternoon_hint and h < 12:
        h += 12
    if h > 23 or m > 59:
        return None
    return time(h, m)


def _times(folded: str) -> Optional[Tuple[time, time]]:
    afternoon = bool(re.search(r"\b(tarde|afternoon|evening|noche|tonight|tonite)\b", folded))
    found = _BETWEEN.search(folded)
    if found:
        g = found.groups()
        first, second = _hour(g[1], g[2], g[3], afternoon), _hour(g[4], g[5], g[6], afternoon)
        if first and second:
            return first, second
    found = _AFTER.search(folded)
    if found:
        g = found.groups()
        first = _hour(g[3], g[4], g[5], afternoon)
        if first:
            return first, CALLBACK_END
    found = _BEFORE.search(folded)
    if found:
        g = found.groups()
        last = _hour(g[3], g[4], g[5], afternoon)
        if last:
            return CALLBACK_START, last
    found = _AT.search(folded)
    if found:
        g = found.groups()
        at = _hour(g[0], g[1], g[2], afternoon)
        if at:
            later = (datetime.combine(datetime.min, at) + timedelta(hours=1)).time()
            return at, later
    for pattern, first, last in _PARTS:
        if pattern.search(folded):
            return first, last
    return None


def preferred_window(text: Optional[str], now: datetime) -> Union[str, Tuple[datetime, datetime], None]:
    """ANY, a (start, end) pair in Eastern time, or None when the words name no time."""
    if not text or len(text) > 200:
        return None
    folded = " ".join(fold(text).lower().replace("’", "'").split())
    local_now = now.astimezone(EASTERN)
    hours = _times(folded)
    named_day = _DAY_WORDS.search(folded)
    if hours is None and not named_day:
        return ANY if _ANY.search(folded) else None
    day = None
    if named_day:
        moment = dates.parse_appointment_time(named_day.group(0), now)
        day = moment.astimezone(EASTERN).date() if moment else None
    first, last = hours or (CALLBACK_START, CALLBACK_END)
    if _BEFORE_EVENT.search(folded):
        # From now until the moment named (its hour, else the start of that day's calls).
        by_day = day or local_now.date()
        by = datetime.combine(by_day, first if hours else CALLBACK_START, tzinfo=EASTERN)
        return (local_now, by) if by > local_now else None
    if day is None:
        day = local_now.date()
        if datetime.combine(day, last, tzinfo=EASTERN) <= local_now:
            day += timedelta(days=1)
    return datetime.combine(day, first, tzinfo=EASTERN), datetime.combine(day, last, tzinfo=EASTERN)
