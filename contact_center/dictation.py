"""Words a phone's dictation or autocorrect cut in two, or heard as another word, joined back:
"re schedule", "bio metrics", "ex pedite", "co vid", "case stat us", "thanks giving", "d m v",
"mi sita de huellas" (test set 15: "i need to re schedule my oath" was read as an accommodation,
"co vid" was asked again). One table, whole words only; everything else is left as typed.
"""
from __future__ import annotations

import re
from typing import Optional

_JOINS = (
    (r"\bre[\s-]+(schedul\w*)", r"re\1"),
    (r"\bre[\s-]+(program\w*)", r"re\1"),
    (r"\bbio[\s-]+(metric\w*)", r"bio\1"),
    (r"\bex[\s-]+(pedit\w*)", r"ex\1"),
    (r"\bco[\s-]+vid\b", "covid"),
    (r"\bstat[\s-]+us\b", "status"),
    (r"\besta[\s-]+tus\b", "estatus"),
    (r"\bthanks[\s-]+giving\b", "thanksgiving"),
    (r"\bfinger[\s-]+(prints?)\b", r"finger\1"),
    (r"\bappoint[\s-]+(ments?)\b", r"appoint\1"),
    (r"\binter[\s-]+(views?)\b", r"inter\1"),
    (r"\bciti[sz]en[\s-]+ship\b", "citizenship"),
    (r"\bpass[\s-]+port\b", "passport"),
    (r"\bd\.?[\s.]+m\.?[\s.]+v\b\.?", "DMV"),
    (r"\bu\.?[\s.]+s\.?[\s.]+c\.?[\s.]+i\.?[\s.]+s\b\.?", "USCIS"),
    # Spanish heard as another word: "sita" is "cita"
    (r"\bsita\b", "cita"),
    (r"\bsitas\b", "citas"),
)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), joined) for pattern, joined in _JOINS)


def joined(text: Optional[str]) -> Optional[str]:
    """`text` with the words dictation split joined back; a payload ("/inform...") is left alone."""
    if not text or text.startswith("/"):
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text
