"""The assistant's own words pasted back into a message, taken out before it is read.

'"First, the most important question: is anyone in danger right now?" no' was read as a
danger told, and the applicant was told to call 911 (test set 17). What the applicant adds
to the quoted words is the message; the quoted words are the assistant's, already said.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

MIN_QUOTED_CHARS = 20  # shorter pieces ("Yes", "No") are words anyone types
_SENTENCE = re.compile(r"(?<=[.?!:])\s+")
_QUOTES = "\"'“”‘’«»"


def _pieces(said: Iterable[str]) -> List[str]:
    """Each message the assistant sent, whole and sentence by sentence, longest first."""
    pieces = set()
    for message in said:
        message = " ".join((message or "").split())
        for piece in [message] + _SENTENCE.split(message):
            if len(piece) >= MIN_QUOTED_CHARS:
                pieces.add(piece)
    return sorted(pieces, key=len, reverse=True)


def without_own_words(text: Optional[str], said: Iterable[str]) -> Optional[str]:
    """`text` without the assistant's sentences quoted in it; as typed if nothing else is left."""
    if not text or text.startswith("/"):
        return text
    kept, removed = text, 0
    for piece in _pieces(said):
        pattern = re.compile(r"[" + _QUOTES + r"]?\s*" + r"\s+".join(map(re.escape, piece.split())) + r"\s*[" + _QUOTES + r"]?",
                             re.IGNORECASE)
        kept, found = pattern.subn(" ", kept)
        removed += found
    if not removed:
        return text
    kept = " ".join(kept.split()).strip(" :,-")
    return kept if kept else text
