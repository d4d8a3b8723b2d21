"""Form types: `i485`, `I 485`, `formulario i-130` and `n400` become `I-485`, `I-130`, `N-400`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

# Forms an applicant may name in the contact center; others that match the
# shape (a letter among I, N, G, AR and a number) are still normalised.
COMMON_FORMS = frozenset(
    {
        "I-90", "I-102", "I-129", "I-129F", "I-130", "I-131", "I-140", "I-192",
        "I-360", "I-485", "I-526", "I-539", "I-589", "I-601", "I-601A", "I-751",
        "I-765", "I-821", "I-821D", "I-829", "I-864", "I-914", "I-918", "N-336",
        "N-400", "N-565", "N-600", "N-648", "AR-11", "G-28", "G-639",
    }
)

_FORM = re.compile(
    r"(?<![A-Za-z0-9])(AR|[ING])\s?[-\u2010-\u2014]?\s?(\d{1,3})(\s?[A-Za-z](?![A-Za-z]))?(?![0-9])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FormMention:
    start: int
    end: int
    value: str


def normalise(raw: Optional[str]) -> Optional[str]:
    """Return the canonical name of a form (`I-485`), or None when `raw` is not one."""
    if not raw:
        return None
    m = _FORM.fullmatch(raw.strip())
    if not m:
        return None
    return _canonical(m)


def _canonical(m: "re.Match[str]") -> Optional[str]:
    letter, number, suffix = m.group(1).upper(), m.group(2), (m.group(3) or "").strip().upper()
    candidate = f"{letter}-{int(number)}{suffix}"
    if candidate in COMMON_FORMS:
        return candidate
    base = f"{letter}-{int(number)}"
    if suffix and base in COMMON_FORMS:
        return base  # "I-485 a" is the I-485 followed by a word
    if letter == "AR" and base != "AR-11":
        return None
    joined = m.group(0)[len(m.group(1)) : m.start(2) - m.start()]
    if joined.strip() == "" and joined:
        # "I 20 years" is a sentence, not a form: with only a space between,
        # accept only forms the contact center knows.
        return None
    return base if len(number) >= 2 else None


def find(text: Optional[str]) -> List[FormMention]:
    """Every form named in a message, normalised, with its span."""
    if not text:
        return []
    found = []
    for m in _FORM.finditer(text[:5000]):
        value = _canonical(m)
        if not value:
            continue
        suffix = (m.group(3) or "").strip().upper()
        end = m.end() if suffix and value.endswith(suffix) else m.end(2)
        found.append(FormMention(m.start(), end, value))
    return found
