"""A button named by its place instead of pressed: "the second one", "option 3", "la primera",
"the last one" (issue 13; test set 15: read as a date, a form number or nothing).

On a phone, or read aloud by a screen reader, the choices under a question are a numbered list,
and applicants answer with the number's place. The channel hands the chosen button's payload
on as if it had been pressed. A bare number is never a place: "2" answers "how many times?"
as two times, and "la primera vez" is a count of its own. Nor is a bare ordinal that can be a
day of the month ("the first", "the 2nd", "el primero"): a place in English needs "one" or
"option" with it, and in Spanish the feminine of "la opcion".
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from contact_center.text import fold

_EN_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "1st": 0, "2nd": 1, "3rd": 2, "4th": 3, "5th": 4}
_ES_ORDINALS = {"primera": 0, "segunda": 1, "tercera": 2, "cuarta": 3, "quinta": 4}
_CARDINALS = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "one": 0, "two": 1, "three": 2, "four": 3, "five": 4,
              "uno": 0, "una": 0, "dos": 1, "tres": 2, "cuatro": 3, "cinco": 4}
_LAST = ("last", "ultima", "ultimo")


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_FILLER = re.compile(r"^(?:(?:ok|okay|k|um|hmm|pues|bueno|este|uh|so|well|i guess|i think|creo que|supongo que)[\s,.]+)+")
# Each form once, with no repeated lead words (a repeated optional group backtracks without end).
_PLACE = re.compile(
    rf"^(?:the\s+)?(?P<en>{_alternatives(_EN_ORDINALS)}|last)\s+(?:one|option|choice|button)$"
    rf"|^(?:the\s+)?last(?:\s+one)?$"
    rf"|^(?:la\s+)?(?P<es>{_alternatives(_ES_ORDINALS)}|ultima)(?:\s+opcion)?$"
    rf"|^(?:la\s+)?opcion\s+(?P<es_after>{_alternatives(_ES_ORDINALS)}|ultima)$"
    rf"|^(?:the\s+|la\s+|el\s+)?(?:option|opcion|choice|number|numero|#)\s*(?P<number>{_alternatives(_CARDINALS)})$"
)
_CLAUSE_END = re.compile(r"[.;!?]|,\s")


def place_and_rest(text: Optional[str], choices: int) -> Tuple[Optional[int], str]:
    """The place (0-based) among `choices` buttons that the message's first clause names, or None,
    and what the message says after that clause ("" when nothing)."""
    if not text or choices <= 0:
        return None, ""
    folded = _FILLER.sub("", fold(text[:300]).lower().strip())
    parts = _CLAUSE_END.split(folded, maxsplit=1)
    found = _PLACE.match(parts[0].strip())
    if not found:
        return None, ""
    word = found.group("en") or found.group("es") or found.group("es_after") or found.group("number") or "last"
    if word in _LAST:
        place = choices - 1
    else:
        place = {**_EN_ORDINALS, **_ES_ORDINALS, **_CARDINALS}[word]
    rest = parts[1].strip(" ,.!?;") if len(parts) > 1 else ""
    return (place if 0 <= place < choices else None), rest


def position_named(text: Optional[str], choices: int) -> Optional[int]:
    """The place (0-based) among `choices` buttons that the message's first clause names, or None."""
    return place_and_rest(text, choices)[0]
