"""A button named by its place instead of pressed: "the second one", "option 3", "la primera",
"the last one" (issue 13; test set 15: read as a date, a form number or nothing).

On a phone, or read aloud by a screen reader, the choices under a question are a numbered list,
and applicants answer with the number's place. The channel hands the chosen button's payload
on as if it had been pressed. A bare number is never a place: "2" answers "how many times?"
as two times, and "la primera vez" is a count of its own.
"""
from __future__ import annotations

import re
from typing import Optional

from contact_center.text import fold

_ORDINALS = {
    "first": 0, "1st": 0, "primera": 0, "primero": 0, "primer": 0,
    "second": 1, "2nd": 1, "segunda": 1, "segundo": 1,
    "third": 2, "3rd": 2, "tercera": 2, "tercero": 2, "tercer": 2,
    "fourth": 3, "4th": 3, "cuarta": 3, "cuarto": 3,
    "fifth": 4, "5th": 4, "quinta": 4, "quinto": 4,
}
_CARDINALS = {"one": 0, "two": 1, "three": 2, "four": 3, "five": 4,
              "uno": 0, "una": 0, "dos": 1, "tres": 2, "cuatro": 3, "cinco": 4}
_LAST = r"(?:last|ultima|ultimo)"
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_CARDINAL = "|".join(sorted(_CARDINALS, key=len, reverse=True))
_LEAD = r"(?:(?:ok|okay|k|um|hmm|pues|bueno|este|uh|so|well|i guess|i think|creo que|supongo que)[\s,]+)*"
_PLACE = re.compile(
    rf"^{_LEAD}(?:(?:the|la|el|lo|option|opcion|la opcion|el boton|the button|number|numero|no\.?|#)\s*)*"
    rf"(?P<ordinal>{_ORDINAL}|{_LAST})(?:\s+(?:one|option|choice|button|opcion|boton|de (?:la|las) (?:lista|opciones)|"
    rf"of (?:them|those|the list)))?\s*[.!,;]?$"
    rf"|^{_LEAD}(?:option|opcion|la opcion|number|numero|#|choice)\s*(?P<digit>[1-5]|{_CARDINAL})\s*[.!,;]?$"
)
_FIRST_CLAUSE = re.compile(r"[.;!?]|,\s")


def position_named(text: Optional[str], choices: int) -> Optional[int]:
    """The place (0-based) among `choices` buttons that the message's first clause names, or None."""
    if not text or choices <= 0:
        return None
    clause = _FIRST_CLAUSE.split(fold(text[:300]).lower().strip(), maxsplit=1)[0].strip()
    found = _PLACE.match(clause)
    if not found:
        return None
    word = found.group("ordinal") or found.group("digit")
    if re.fullmatch(_LAST, word):
        place = choices - 1
    elif word.isdigit():
        place = int(word) - 1
    else:
        place = _ORDINALS.get(word, _CARDINALS.get(word))
    return place if place is not None and 0 <= place < choices else None
