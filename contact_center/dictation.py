"""Words a phone's dictation or autocorrect cut in two, or heard as another word, joined back:
"re schedule", "bio metrics", "ex pedite", "co vid", "case stat us", "thanks giving", "d m v",
"mi sita de huellas" (test set 15: "i need to re schedule my oath" was read as an accommodation,
"co vid" was asked again). One table, whole words only; everything else is left as typed.
"""
from __future__ import annotations

import re
from typing import Optional

# Not after an apostrophe or a pronoun: "you're scheduled", "they re scheduling it" (a review).
_NOT_AFTER_PRONOUN = r"(?<![\w'\u2019])(?<!you )(?<!we )(?<!they )(?<!youre )"
_JOINS = (
    (_NOT_AFTER_PRONOUN + r"re[\s-]+(schedul\w*)", r"re\1"),
    (_NOT_AFTER_PRONOUN + r"re[\s-]+(program\w*)", r"re\1"),
    (r"\bbio[\s-]+(metric\w*)", r"bio\1"),
    (r"\bex[\s-]+(pedit\w*)", r"ex\1"),
    (r"\bco[\s-]+vid\b", "covid"),
    (r"\bstat[\s-]+us\b", "status"),
    (r"\besta[\s-]+tus\b", "estatus"),
    # the holiday, not "thanks giving me": after a word that dates by it, or before "day", "weekend", "break"
    (r"\b(after|before|on|for|since|until|till|by|around|the) thanks[\s-]+giving\b", r"\1 thanksgiving"),
    (r"\bthanks[\s-]+giving(?= (?:day|weekend|break|holiday|week)\b)", "thanksgiving"),
    (r"\bfinger[\s-]+(prints?)\b", r"finger\1"),
    (r"\bappoint[\s-]+(ments?)\b", r"appoint\1"),
    (r"\binter[\s-]+(views?)\b", r"inter\1"),
    (r"\bciti[sz]en[\s-]+ship\b", "citizenship"),
    (r"\bpass[\s-]+port\b", "passport"),
    (r"\bd\.?[\s.]+m\.?[\s.]+v\b\.?", "DMV"),
    (r"\bu\.?[\s.]+s\.?[\s.]+c\.?[\s.]+i\.?[\s.]+s\b\.?", "USCIS"),
    # Spanish heard as another word: "mi sita" is "mi cita" (Sita alone may be a name)
    (r"\b(mi|la|una|su|tu|de|las|mis|sus) sita\b", r"\1 cita"),
    (r"\b(mi|la|una|su|tu|de|las|mis|sus) sitas\b", r"\1 citas"),
)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), joined) for pattern, joined in _JOINS)


def joined(text: Optional[str]) -> Optional[str]:
    """`text` with the words dictation split joined back; a payload ("/inform...") is left alone."""
    if not text or text.startswith("/"):
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text
