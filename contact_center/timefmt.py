"""Moments shown to applicants, in Eastern time and in their language (Babel's CLDR data)."""
from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime

from contact_center.clock import EASTERN

_PATTERNS = {
    "en": ("en_US", "EEEE, MMMM d 'at' h:mm a 'Eastern'"),
    "es": ("es_US", "EEEE d 'de' MMMM 'a las' h:mm a', hora del Este'"),
}


def format_moment(moment: datetime, language: str = "en") -> str:
    """E.g. "Tuesday, November 24 at 8:00 AM Eastern" / "martes 24 de noviembre a las 8:00 a. m., hora del Este"."""
    locale, pattern = _PATTERNS.get(language, _PATTERNS["en"])
    return format_datetime(moment, pattern, tzinfo=EASTERN, locale=locale)


# Answers given with the "when is the appointment?" buttons, as shown back to the applicant.
RELATIVE_LABELS = {
    "soon": {"en": "within the next 12 hours", "es": "dentro de las próximas 12 horas"},
    "past": {"en": "a date that has already passed", "es": "una fecha que ya pasó"},
}


def relative_label(kind: str, language: str = "en") -> str:
    labels = RELATIVE_LABELS[kind]
    return labels.get(language, labels["en"])


_WINDOW_PATTERNS = {
    "en": ("en_US", "EEEE, MMMM d", "h:mm a", ", on {day}, between {start} and {end} Eastern"),
    "es": ("es_US", "EEEE d 'de' MMMM", "h:mm a", ", el {day}, entre las {start} y las {end}, hora del Este"),
}


_BY_PATTERNS = {"en": ", before {moment}", "es": ", antes del {moment}"}


def format_window(start: datetime, end: datetime, language: str = "en") -> str:
    """C5: the applicant's chosen callback window, as the tail of a sentence.

    E.g. ", on Saturday, December 5, between 7:00 AM and 12:00 PM Eastern".
    """
    if start.astimezone(EASTERN).date() != end.astimezone(EASTERN).date():
        # A window over several days ("before my interview on Friday at 10"): by its end.
        return _BY_PATTERNS.get(language, _BY_PATTERNS["en"]).format(moment=format_moment(end, language))
    locale, day_pattern, hour_pattern, sentence = _WINDOW_PATTERNS.get(language, _WINDOW_PATTERNS["en"])
    return sentence.format(
        day=format_datetime(start, day_pattern, tzinfo=EASTERN, locale=locale),
        start=format_datetime(start, hour_pattern, tzinfo=EASTERN, locale=locale),
        end=format_datetime(end, hour_pattern, tzinfo=EASTERN, locale=locale),
    )
