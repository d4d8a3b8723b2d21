"""Text folding shared by the normalisers: lower case, accents removed."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """`Inglés` -> `ingles`: applicants often type without accents, so compare folded."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


# A letter typed three times or more is one letter: "REPRESENTATIVEEEEE", "pleaseeee", "urgenteeee",
# "waittttt" (test set 11). No English or Spanish word has a letter three times in a row. Not part
# of `fold`, which keeps the text's length (cuts found on folded text are applied to the original).
_HELD_DOWN = re.compile(r"([^\W\d_])\1{2,}")


def squeeze(text: str) -> str:
    """`pleaseeee` -> `please`: a letter held down read once."""
    return _HELD_DOWN.sub(r"\1", text)
