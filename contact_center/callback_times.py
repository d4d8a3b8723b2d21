"""When the applicant would like the callback (C5), from what they typed.

"tomorrow morning", "monday after 2pm", "el viernes por la tarde", "el 20 de diciembre
en la tarde", "the 20th in the morning", "any time": a day (a date typed, else a day
named, else today or the next day when today's part has passed) and a part of it. The window
is then kept inside callback hours and the C1 deadline by
`rules.preferred_callback_window`; this module only reads the words.
"""
from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time, timedelta
from typing import Optional, Tuple, Union

from contact_center import dates
from contact_center.rules import CALLBACK_END, CALLBACK_START, EASTERN
from contact_center.text import fold

ANY = "any"

_ANY = re.compile(
    r"\b(any ?time|any time is fine|whenever|no preference|doesn'?t matter|does not matter|any|no|nope|"
    r"cualquier (hora|momento|dia)|cuando sea|no importa|da igual|a cualquier hora|no tengo preferencia|no|"
    # "as early as they can" (test set 7): the soonest is any time they call
    r"as (early|soon) as (possible|they can|you can|they could)|asap|lo (antes|mas pronto) (posible|que puedan)|cuanto antes|"
    r"en cuanto (puedan|se pueda))\b"
)
# Told with the request, before the time is asked: "they can call anytime", "llamenme a cualquier hora".
_ANY_TIME_TOLD = re.compile(
    r"\bcall( me| us)? (any ?time|whenever)\b|\b(any ?time|whenever) (is|works|is fine|is ok)\b|"
    r"\b(llam\w*|marqu\w*)( me| nos)? (a |en )?(cualquier (hora|momento)|cuando sea)\b"
)


def any_time_told(text: Optional[str]) -> bool:
    """C5: the applicant said up front that any time suits them (test set 7: asked again)."""
    return bool(_ANY_TIME_TOLD.search(fold(text or "").lower()))


_PARTS = (
    (re.compile(r"\b(morn(?:ing|in'?)s?|(en|por|de|x) la manana|por las mananas|manana temprano|temprano|early)\b"), time(7, 0), time(12, 0)),
    (re.compile(r"\b(afternoons?|(en|por|de|x) la tarde|por las tardes|tarde)\b"), time(12, 0), CALLBACK_END),
    (re.compile(r"\b(evenings?|(en|por|de|x) la noche|noche|after work|despues del trabajo)\b"), time(16, 0), CALLBACK_END),
    (re.compile(r"\b(lunch|lunchtime|mediodia|hora de (la )?comida|hora del almuerzo)\b"), time(12, 0), time(13, 30)),
)
_HOUR = r"(\d{1,2})(?::(\d\d))?\s*(am|pm|a\.?m\.?|p\.?m\.?)?"
_AFTER = re.compile(r"\b(after|despues de( las?)?|desde( las?)?|from)\s+" + _HOUR)
_BEFORE = re.compile(r"\b(before|antes de( las?)?|until|hasta( las?)?)\s+" + _HOUR)
_BETWEEN = re.compile(r"\b(?:between|entre( las?)?)\s+" + _HOUR + r"\s+(?:and|y|-)\s+(?:las?\s+)?" + _HOUR)
_IN_DAYS = re.compile(r"\b(?:in|within|dentro de|en) (\d{1,2}|one|two|three|four|five|six|seven|un|una|dos|tres|cuatro|cinco|seis|siete) (?:days?|dias)\b")
# A time typed alone: "ok 7:15 then", "7am" (test set 8: not understood after a time outside the hours).
_BARE_TIME = re.compile(r"(?<![\d/:.])\b(?=\d{1,2}(?::\d\d|\s*(?:am|pm|a\.m|p\.m)))(\d{1,2})(?::(\d\d))?\s*(am|pm|a\.m\.?|p\.m\.?)?")
_AT = re.compile(r"\b(?:at|a las?|around|como a las?|alrededor de las?)\s+" + _HOUR)
# "before my interview on friday at 10": the moment named is when the call must be done by,
# not when to call (the applicant is at the interview then).
_BEFORE_EVENT = re.compile(r"\b(before|antes de)\s+(my|the|mi|la|el|su|mis|las|los)\s+\w+")
_DAY_WORDS = re.compile(
    r"\b(today|hoy|tomorrow|pasado manana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|"
    r"miercoles|jueves|viernes|sabado|domingo)\b|\d{1,2}/\d{1,2}|\b(?<!la )manana\b(?! temprano)"
)

# A date typed: "20 de diciembre", "dec. 20th", "december 20 2026", "the 20th", "el dia 20".
_MONTHS = {
    "jan": 1, "january": 1, "ene": 1, "enero": 1, "feb": 2, "february": 2, "febrero": 2, "mar": 3, "march": 3,
    "marzo": 3, "apr": 4, "april": 4, "abr": 4, "abril": 4, "may": 5, "mayo": 5, "jun": 6, "june": 6, "junio": 6,
    "jul": 7, "july": 7, "julio": 7, "aug": 8, "august": 8, "ago": 8, "agosto": 8, "sep": 9, "sept": 9,
    "september": 9, "septiembre": 9, "setiembre": 9, "oct": 10, "october": 10, "octubre": 10, "nov": 11,
    "november": 11, "noviembre": 11, "dec": 12, "december": 12, "dic": 12, "diciembre": 12,
}
_MONTH_NAMES = (
    "", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
_LONG_MONTHS = [name for name in _MONTHS if len(name) >= 6]
# The day's number is not an hour: not "3pm", "3:30", "3 de la tarde", "3 y media"
# ("el 27 en la tarde" is a day).
_NOT_AN_HOUR = r"(?!\s*(?::|am\b|pm\b|a\.m|p\.m|h\b|hrs?\b|de la|y media|o'?clock))"
_DAY_NUMBER = r"(\d{1,2})(?:st|nd|rd|th|ro|vo)?\b" + _NOT_AN_HOUR
_WORD = r"([a-z]{3,11})\.?"
_YEAR = r"(?:,?\s+(?:del?\s+|of\s+)?((?:19|20)\d\d)\b)?"
_MONTH_DAY = re.compile(r"\b" + _WORD + r"\s+(?:the\s+)?" + _DAY_NUMBER + _YEAR)
_DAY_MONTH = re.compile(r"\b" + _DAY_NUMBER + r"\s+(?:de\s+|of\s+)?" + _WORD + r"(?![a-z])" + _YEAR)
_DAY_ONLY = re.compile(
    r"\b(?:the|el(?: dia)?|dia)\s+" + _DAY_NUMBER + r"(?!\s*/)|\b(\d{1,2})(?:st|nd|rd|th)\b" + _NOT_AN_HOUR
    # "el lunes 29 en la mañana": the weekday and its day of the month (test set 8: read as the next Monday)
    + r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
    r"\s+(?:the\s+)?" + _DAY_NUMBER + r"(?!\s*/)"
)


def _month(word: str) -> Optional[int]:
    """A month's number from its name or abbreviation, typos in long names too ("diciembe")."""
    if word in _MONTHS:
        return _MONTHS[word]
    close = difflib.get_close_matches(word, _LONG_MONTHS, n=1, cutoff=0.8) if len(word) >= 6 else []
    return _MONTHS[close[0]] if close else None


def _typed_date(folded: str, now: datetime) -> Union[date, bool, None]:
    """The date typed (C1 and C2 then judge it), False when one is typed but is no date
    ("feb 30"), None when none is typed.

    A month and day without a year is the nearest such date, as for appointments
    (`dates.parse_appointment_time`); a day of the month alone is the next such day.
    """
    typed = [(_month(m.group(1)), m.group(2), m.group(3)) for m in _MONTH_DAY.finditer(folded)]
    typed += [(_month(m.group(2)), m.group(1), m.group(3)) for m in _DAY_MONTH.finditer(folded)]
    typed = [one for one in typed if one[0]]
    if typed:
        number, day, year = typed[0]  # "dec 20" before "20 dec": "between 9 and 11 dec 20" is Dec 20
        try:
            date(int(year or 2000), number, int(day))  # 2000: February 29 is a day
        except ValueError:
            return False
        words = f"{_MONTH_NAMES[number]} {int(day)}" + (f" {year}" if year else "")
        moment = dates.parse_appointment_time(words, now)
        if moment is None or (moment.month, moment.day) != (number, int(day)):
            return False
        return moment.astimezone(EASTERN).date()
    found = _DAY_ONLY.search(folded)
    if not found:
        return None
    day = int(next(group for group in found.groups() if group))
    today = now.astimezone(EASTERN).date()
    year, month = today.year, today.month
    for _ in range(13):  # this month's, else the next month that has that day ("the 31st")
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return False


_MORNING_MEANT = re.compile(r"\b(right now|now|ahora|ahorita|ahora mismo|in the morning|this morning|"
                            r"(de|en|por) la manana|early morning|temprano)\b")


def _hour(hour: str, minute: Optional[str], meridiem: Optional[str], afternoon_hint: bool,
          morning_hint: bool = False) -> Optional[time]:
    h, m = int(hour), int(minute or 0)
    meridiem = (meridiem or "").replace(".", "")
    if meridiem == "pm" and h < 12:
        h += 12
    elif meridiem == "am" and h == 12:
        h = 0
    elif not meridiem and h < 7 and h >= 1 and not morning_hint:  # "after 2", "a las 3": nobody means 3 a.m.
        h += 12
    elif not meridiem and afternoon_hint and h < 12:
        h += 12
    if h > 23 or m > 59:
        return None
    return time(h, m)


def _times(folded: str) -> Optional[Tuple[time, time]]:
    afternoon = bool(re.search(r"\b(tarde|afternoon|evening|noche|tonight|tonite)\b", folded))
    # "right now, like six fifty" at 6:40 a.m., "at 6:30 in the morning": an early hour that is meant
    morning = not afternoon and bool(_MORNING_MEANT.search(folded))
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
    found = _AT.search(folded) or _BARE_TIME.search(folded)
    if found:
        g = found.groups()
        at = _hour(g[0], g[1], g[2], afternoon, morning)
        if at:
            if at < CALLBACK_START or at >= CALLBACK_END:
                # "tomorrow at 6:50am before i leave for work": that moment is outside the hours, and
                # a call at 7:00 would miss them; C2 is said and the time asked again (test set 8).
                return at, at
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
    zone, folded = dates.zone_named(dates.numbers_in_words(" ".join(fold(text).lower().replace("’", "'").split())))
    zone = zone or EASTERN  # C2's hours are Eastern; "friday at noon pacific" is 3 p.m. Eastern
    local_now = now.astimezone(EASTERN)
    hours = _times(folded)
    typed_date = _typed_date(folded, now)
    if typed_date is False:
        return None
    named_day = _DAY_WORDS.search(folded)
    if hours is None and not named_day and typed_date is None and not _IN_DAYS.search(folded):
        return ANY if _ANY.search(folded) else None
    day = None
    in_days = _IN_DAYS.search(folded)
    if typed_date is not None:  # a date typed is the day, even with a weekday or "manana" beside it
        day = typed_date
    elif in_days:  # "in two days", "dentro de 3 dias"
        count = in_days.group(1)
        day = local_now.date() + timedelta(days=int(count) if count.isdigit() else dates.number_word(count))
    elif named_day:
        moment = dates.parse_appointment_time(named_day.group(0), now)
        day = moment.astimezone(EASTERN).date() if moment else None
    first, last = hours or (CALLBACK_START, CALLBACK_END)
    before_event = _BEFORE_EVENT.search(folded)
    said_at = _AT.search(folded) or _BARE_TIME.search(folded)
    if before_event and said_at and said_at.start() < before_event.start():
        before_event = None  # "manana a las 7 y 20 antes de la cita": the time is the call's, the event its reason
    if before_event:
        # From now until the moment named (its hour, else the start of that day's calls).
        by_day = day or local_now.date()
        by = datetime.combine(by_day, first, tzinfo=zone) if hours else datetime.combine(by_day, CALLBACK_START, tzinfo=EASTERN)
        return (local_now, by.astimezone(EASTERN)) if by > local_now else None
    if day is None:
        day = local_now.date()
        if datetime.combine(day, last, tzinfo=zone if hours else EASTERN) <= local_now:
            day += timedelta(days=1)
    if not hours:
        zone = EASTERN  # a day alone is the day's calling hours, in Eastern time
    return (datetime.combine(day, first, tzinfo=zone).astimezone(EASTERN),
            datetime.combine(day, last, tzinfo=zone).astimezone(EASTERN))


# A time to call told with the request, before it is asked: "any time after 2pm works",
# "call me after 5", "llamenme despues de las 3" (test set 8: asked again). Only in a clause
# about the call: "my interview is tomorrow at 9" is the appointment's time, not the call's.
_CALL_CLAUSE = re.compile(
    r"\b(any ?time|call(ed)?( me| us)?|calls?|reach me|best (time|is)|works|work for me|llam\w*|marqu\w*|"
    r"me queda|me conviene|cualquier hora)\b"
)
_NOT_THE_CALL = re.compile(r"\b(appointment|appt|cita|interview|entrevista|biometric\w*|huellas|oath|juramentacion|ceremony|ceremonia)\b")


def window_told(text: Optional[str], now: datetime) -> Optional[str]:
    """C5: the time to call said unasked, as the callback time slot holds it (ANY or
    "start|end"), or None."""
    if any_time_told(text) and not _times(fold(text or "").lower()):
        return ANY
    for clause in re.split(r"[.;!?\n]|,(?!\d)", fold(text or "").lower()[:2000]):
        if not _CALL_CLAUSE.search(clause) or _NOT_THE_CALL.search(clause) or not _times(clause):
            continue
        window = preferred_window(clause, now)
        if isinstance(window, tuple):
            return f"{window[0].isoformat()}|{window[1].isoformat()}"
    return None

