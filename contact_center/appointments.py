"""Appointment types named by applicants: biometrics, interview, oath (rules R1, R2)."""
from __future__ import annotations

import unicodedata
from typing import Optional

BIOMETRICS = "biometrics"
INTERVIEW = "interview"
OATH = "oath"
TYPES = (BIOMETRICS, INTERVIEW, OATH)

# Word beginnings, accents folded, in English and Spanish: "biometricos",
# "huellas", "fingerprinting", "entrevistas", "juramentacion", "ceremonia".
_STEMS = (
    ("biometr", BIOMETRICS),
    ("biomet", BIOMETRICS),
    ("fingerprint", BIOMETRICS),
    ("huella", BIOMETRICS),
    ("interview", INTERVIEW),
    ("entrevist", INTERVIEW),
    ("oath", OATH),
    ("jurament", OATH),
    ("juramen", OATH),
    ("ceremon", OATH),
)


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


def appointment_type(word: Optional[str], lemma: Optional[str] = None) -> Optional[str]:
    """The appointment type a single word names, or None."""
    for candidate in (lemma, word):
        if not candidate:
            continue
        folded = _fold(candidate)
        for stem, kind in _STEMS:
            if folded.startswith(stem):
                return kind
    return None
