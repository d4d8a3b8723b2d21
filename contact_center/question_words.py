"""Question words, and a question that points back at what was just said.

Shared by the cutting of several requests (contact_center/several_requests.py) and the
knowledge base's topics (contact_center/question_topics.py). Matched on folded text.
"""
from __future__ import annotations

import re

from contact_center.text import fold

QUESTION_WORDS = (r"(?:how|what|where|when|why|who|which|can|could|do|does|is|are|will|would|should|"
                   r"como|que|donde|cuando|cual|cuanto|cuantos|cuantas|por que|puedo|pueden|se puede)")

# A part that asks about what the part before it said ("my status says case was approved.
# what does that mean?", "me llego una carta de rfe, que significa eso?") is a question on
# it, not a request of its own: it points back with "that", "it", "eso", "esto".
_POINTS_BACK = re.compile(
    # "wait what?? what does that mean exactly" (test set 7): lead-ins of surprise before it.
    r"^(?:(?:and|so|but|ok|okay|y|pero|entonces|bueno|wait|huh|what|wat|sorry|um+|hm+|oh|ah|eh|espera|espere|perdon|"
    r"como|que|mande)[\s?!.,]+)*(?:"
    r"(?:what|wat|wht)\s*(?:does|do|is|s|'s)?\s+(?:that|this|it)\b|(?:does|do|is|can)\s+(?:that|this|it)\b|"
    r"(?:why|how come|what now|now what)\b|"
    r"(?:que|qu[eé])\s+(?:significa|quiere decir|es)\s+(?:eso|esto)\b|(?:eso|esto)\s+(?:que|significa|quiere decir|es)\b|"
    r"(?:por que|y ahora|ahora que)\b)"
)


def points_back(text: str) -> bool:
    """True when the message asks about what was just said ("what does that mean?", "que significa eso")."""
    return bool(_POINTS_BACK.match(fold(text or "").lower().strip(" ,.!?¿¡")))
