"""The clauses facts are read from, and how much of a message is read."""
from __future__ import annotations

import re
from typing import List, Optional

from contact_center.answers import clean
from contact_center.text import fold

MAX_STATED_CHARS = 2000


def clauses(text: Optional[str]) -> List[str]:
    """The message cut where one statement ends and another begins (punctuation, "and",
    "but", "y", "pero"), each cleaned: a fact said unasked is read from its own clause, so
    "no covid, there's a funeral in the family" is not about the family's covid."""
    parts = re.split(r"[,.;:!?\n]+|\b(?:and|but|also|y|pero|tambien|ademas)\b", fold(text or "").lower())
    return [c for c in (clean(part) for part in parts) if c]


def says(pattern: "re.Pattern[str]", text: Optional[str]) -> bool:
    """True when `pattern` finds what it states in the message (cleaned, bounded)."""
    return bool(pattern.search(clean((text or "")[:MAX_STATED_CHARS])))


def whole_if(pattern: "re.Pattern[str]", text: Optional[str]) -> Optional[str]:
    """The message as typed (bounded) when `pattern` finds what it states, else None."""
    return (text or "").strip()[:MAX_STATED_CHARS] if pattern.search(clean(text)) else None


# A fact corrected inside the message that says it: "ive moved it once before, no wait, twice", "es
# mañana a las 8, no espere, me equivoque, es pasado mañana" (test set 13: the first value was kept).
_SELF_CORRECTION = re.compile(
    r"\b(?:no wait|wait no|wait,? actually|no,? sorry|sorry,? i mean|i mean|i meant|or rather|actually no|"
    r"no,? espere|espere,? no|me equivoque|perdon,? me equivoque|quise decir|mejor dicho|o sea no)\b|,\s*digo\b"
)


def corrected_tail(text: Optional[str]) -> Optional[str]:
    """What follows the last correction said in the middle of a message ("..., no wait, twice"), or
    None when the message corrects nothing of its own."""
    folded = fold((text or "")[:MAX_STATED_CHARS]).lower()
    found = [m for m in _SELF_CORRECTION.finditer(folded) if folded[:m.start()].strip(" ,.;-")]
    return (text or "")[found[-1].end():].strip(" ,.;:-") or None if found else None
