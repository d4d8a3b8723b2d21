"""Text folding shared by the normalisers: lower case, accents removed."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`Inglés` -> `ingles`: applicants often type without accents, so compare folded."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
