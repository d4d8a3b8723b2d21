"""Dates named by a holiday: "the day after thanksgiving", "the thursday after thanksgiving",
"el lunes despues del dia de reyes", "the monday after new years" (test set 15: not read as dates).

Each phrase is rewritten as the date it names ("november 27"), in the year that puts it nearest
to now, before the date reader (dates.py) reads the message. "despues de navidad" with no day
names no date and is left as it is.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Callable, Dict, Optional

from contact_center.text import fold

_MONTHS = "january february march april may june july august september october november december".split()
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# The holidays applicants date things by, each with the words they use (folded).
_HOLIDAYS: Dict[str, Callable[[int], date]] = {
    r"thanks ?giving(?: day)?|dia de accion de gracias|accion de gracias|el thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    r"christmas eve|nochebuena|noche buena": lambda y: date(y, 12, 24),
    r"christmas(?: day)?|xmas|navidad|el dia de navidad": lambda y: date(y, 12, 25),
    r"new year'?s eve|fin de ano|ano viejo": lambda y: date(y, 12, 31),
    r"new year'?s(?: day)?|new year|ano nuevo|el ano nuevo": lambda y: date(y, 1, 1),
    r"(?:el )?dia de (?:los )?reyes(?: magos)?|los reyes magos|(?:los )?reyes magos": lambda y: date(y, 1, 6),
    r"(?:the )?(?:fourth|4th) of july|july (?:4th|4|fourth)|independence day|(?:el )?4 de julio|(?:el )?cuatro de julio":
        lambda y: date(y, 7, 4),
    r"memorial day": lambda y: _last_weekday(y, 5, 0),
    r"labor day|dia del trabajo": lambda y: _nth_weekday(y, 9, 0, 1),
    r"(?:mlk|martin luther king(?: jr\.?)?)(?: day)?": lambda y: _nth_weekday(y, 1, 0, 3),
    r"presidents'? day|dia de los presidentes": lambda y: _nth_weekday(y, 2, 0, 3),
    r"veterans'? day|dia de los veteranos": lambda y: date(y, 11, 11),
    r"columbus day|indigenous peoples'? day|dia de la raza": lambda y: _nth_weekday(y, 10, 0, 2),
    r"juneteenth": lambda y: date(y, 6, 19),
    r"halloween": lambda y: date(y, 10, 31),
}
_HOLIDAY = "|".join(f"(?:{p})" for p in _HOLIDAYS)
_WEEKDAY = "|".join(_WEEKDAYS)
_AFTER = r"(?:after|following|despues del?|siguiente al?|luego del?)"
_BEFORE = r"(?:before|antes del?|previo al?)"
_PHRASE = re.compile(
    rf"\b(?:the |el |al )?(?:(?P<day>day|dia)|(?P<weekday>{_WEEKDAY}))\s+(?:(?P<after>{_AFTER})|(?P<before>{_BEFORE}))\s+"
    rf"(?P<holiday>{_HOLIDAY})\b"
    rf"|\b(?:on|el dia de|el mero dia de|right on)\s+(?P<on>{_HOLIDAY})\b"
)


def _holiday_date(words: str, now: datetime) -> Optional[date]:
    for pattern, when in _HOLIDAYS.items():
        if re.fullmatch(pattern, words):
            options = [when(year) for year in (now.year - 1, now.year, now.year + 1)]
            return min(options, key=lambda d: abs((d - now.date()).days))
    return None


_MESES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
_SPANISH = re.compile(r"\b(despues|antes|siguiente|luego|previo|el dia de|el mero dia de|dia|lunes|martes|miercoles|jueves|"
                      r"viernes|sabado|domingo)\b")


def _as_words(day: date, spanish: bool) -> str:
    # In the phrase's own language: the date reader mixes "january 11" badly with Spanish around it.
    return f"el {day.day} de {_MESES[day.month - 1]}" if spanish else f"{_MONTHS[day.month - 1]} {day.day}"


def named_as_dates(text: str, now: datetime) -> str:
    """`text` (folded here) with each date named by a holiday written as the date it names."""
    folded = fold(text or "").lower().replace("\u2019", "'")

    def rewrite(found: "re.Match[str]") -> str:
        holiday = _holiday_date(found.group("holiday") or found.group("on"), now)
        if holiday is None:
            return found.group(0)
        spanish = bool(_SPANISH.search(found.group(0)))
        if found.group("on"):
            return " " + _as_words(holiday, spanish)
        step = 1 if found.group("after") else -1
        if found.group("day"):
            return " " + _as_words(holiday + timedelta(days=step), spanish)
        day = holiday + timedelta(days=step)
        while day.weekday() != _WEEKDAYS[found.group("weekday")]:
            day += timedelta(days=step)
        return " " + _as_words(day, spanish)

    rewritten = _PHRASE.sub(rewrite, folded)
    return rewritten if rewritten != folded else text
