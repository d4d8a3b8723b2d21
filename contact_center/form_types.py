"""Form types: `i485`, `I 485`, `formulario i-130` and `n400` become `I-485`, `I-130`, `N-400`;
the names applicants use instead ("work permit", "ciudadanía", "H-1B") become the form they name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from contact_center import spoken

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
    for start, end, value in spoken.forms_said(text[:5000], COMMON_FORMS.__contains__):
        if not any(x.start < end and start < x.end for x in found):
            found.append(FormMention(start, end, value))  # "an i one twenty nine", on the phone
    found.sort(key=lambda x: x.start)
    return found


# What applicants call a form, folded, most specific first ("a work permit based on my
# pending green card" is the I-765). Only names that point to one form are here.
_COMMON_NAMES = (
    (r"\b(work permit|work authori[sz]ation|employment authori[sz]ation|ead( card)?|permiso de trabajo|"
     r"permiso para trabajar|autorizacion de (empleo|trabajo)|opt)\b", "I-765"),
    (r"\b(travel document|travel permit|advance parole|re-?entry permit|permiso de viaje|permiso para viajar|permiso de viajar|documento de viaje|documento para viajar|"
     r"parole anticipado)\b", "I-131"),
    (r"\b(naturali[sz]ation|naturalizacion|citizenship|ciudadania|become a citizen|hacerme ciudadan[oa])\b", "N-400"),
    (r"\b(h-?1-?b|h one b|l-?1|o-?1)\b", "I-129"),
    (r"\b(renew|replace|renovar|reemplazar|reponer)\w*(\s+\w+){0,3}\s+(green card|residencia|tarjeta de residente|mica)\b",
     "I-90"),
    (r"\b(remove (the )?conditions|quitar (las )?condiciones)\b", "I-751"),
    (r"\b(adjustment of status|ajuste de estatus|ajuste de estado)\b", "I-485"),
    (r"\b(asylum application|solicitud de asilo)\b", "I-589"),
    # forum words (test set 14): "my AOS", "can i expedite my AP", "el parol", "my ROC", "la del TPS"
    (r"\b(aos|a\.o\.s)\b", "I-485"),
    (r"\b(ap|el parol|parol|parole)\b", "I-131"),
    (r"\b(roc)\b", "I-751"),
    (r"\b(daca)\b", "I-821D"),
    (r"\b(tps)\b", "I-821"),
)

# A form by its number alone, as applicants say it ("my 765", "la 821", "the 485 one", "mi 130"): only
# after a word that makes it a thing one has or files, and only a number the contact center knows.
_BARE_NUMBER = re.compile(
    r"\b(?:my|mi|mis|la|el|the|his|her|su|sus|our|nuestra|nuestro|for|para|del|de la|a|an|una|un|with|con)\s+"
    r"(\d{2,3})\b(?!\s*(?:dollars?|dolares|usd|bucks|days?|dias?|years?|anos?|meses|months?|weeks?|semanas?|hours?|horas?|"
    r"minutes?|minutos?|am|pm|a\.m|p\.m|de la|in the|percent|por ciento|%|people|personas|miles|millas|pages?|paginas?)\b)(?![:$%/.,]\d)"
)


def by_common_name(text: Optional[str]) -> Optional[str]:
    """The form an applicant names in their own words ("my work permit" is the I-765), or None."""
    from contact_center.text import fold

    folded = fold(text or "").lower()[:5000]
    # the one named first: "can i expedite my AP?? my AOS is pending" is about the AP
    named = [(m.start(), form) for pattern, form in _COMMON_NAMES for m in [re.search(pattern, folded)] if m]
    if named:
        return min(named, key=lambda x: x[0])[1]
    for m in _BARE_NUMBER.finditer(folded):
        form = next((f"{letter}-{int(m.group(1))}" for letter in "IN" if f"{letter}-{int(m.group(1))}" in COMMON_FORMS), None)
        if form:
            return form
    return None


def without_common_names(folded: str) -> str:
    """The text with the forms' common names taken out (they are not the applicant's story)."""
    for pattern, _ in _COMMON_NAMES:
        folded = re.sub(pattern, " ", folded)
    return folded


def said(text: Optional[str]) -> Optional[str]:
    """The form a message names, by number first ("I-485"), then by its common name."""
    found = find(text)
    return found[0].value if found else by_common_name(text)


def changed_to(text: Optional[str], current: Optional[str]) -> Optional[str]:
    """The form a correction names instead of `current` ("no es la N-400, es la I-129"), or None."""
    named = [m.value for m in find(text)] + [by_common_name(text)]
    return next((form for form in named if form and form != current), None)

