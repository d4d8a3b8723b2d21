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
