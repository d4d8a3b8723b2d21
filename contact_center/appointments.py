"""Appointment types named by applicants: biometrics, interview, oath (rules R1, R2)."""
from __future__ import annotations

import re
from typing import Optional, Tuple

from contact_center.rules import BIOMETRICS, INTERVIEW, OATH
from contact_center.text import fold

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
    # As typed in a hurry (test set 10): "biometrix", "fingerprints", "uellas", "intervew", "entrevsta".
    ("finger", BIOMETRICS),
    ("biomt", BIOMETRICS),
    ("uella", BIOMETRICS),
    ("guella", BIOMETRICS),
    ("juella", BIOMETRICS),
    ("intervi", INTERVIEW),
    ("intervew", INTERVIEW),
    ("interveiw", INTERVIEW),
    ("intervu", INTERVIEW),
    ("intrview", INTERVIEW),
    ("intevi", INTERVIEW),
    ("entrev", INTERVIEW),
    ("entreb", INTERVIEW),
    ("juram", OATH),
)
# Whole words only: "bio appt", "my bios", "la bio" (a stem would take "biography").
_WORDS = {"bio": BIOMETRICS, "bios": BIOMETRICS, "biom": BIOMETRICS,
          # An Application Support Center takes biometrics: "ASC APPOINTMENT NOTICE" pasted (test set 11).
          "asc": BIOMETRICS}



def appointment_type(word: Optional[str], lemma: Optional[str] = None) -> Optional[str]:
    """The appointment type a single word names, or None."""
    for candidate in (lemma, word):
        if not candidate:
            continue
        folded = fold(candidate)
        if folded in _WORDS:
            return _WORDS[folded]
        for stem, kind in _STEMS:
            if folded.startswith(stem):
                return kind
    return None


# An Application Support Center takes biometrics, named in full on a pasted notice (test set 11).
_BIOMETRICS_PLACE = re.compile(r"\bapplication support cent(?:er|re)s?\b|\bcentro de apoyo (?:de|para) solicitudes\b")


def named_in(text: Optional[str]) -> Optional[str]:
    """The first appointment type a message names ("my interview is tomorrow ..."), or None."""
    for word in (text or "").split():
        kind = appointment_type(word.strip(".,;:!?¿¡()\"'"))
        if kind:
            return kind
    place = place_named(text)
    return place[0] if place else None


def place_named(text: Optional[str]) -> Optional[Tuple[str, int, int]]:
    """The appointment type a place named in full stands for, and where it is named, or None."""
    found = _BIOMETRICS_PLACE.search(fold(text or ""))
    return (BIOMETRICS, found.start(), found.end()) if found else None


def changed_to(text: Optional[str], current: Optional[str]) -> Optional[str]:
    """The type a correction names instead of `current` ("its the interview not the
    biometrics" -> interview when biometrics was said), or None."""
    for word in (text or "").split():
        kind = appointment_type(word.strip(".,;:!?¿¡()\"'"))
        if kind and kind != current:
            return kind
    return None



# Another person's appointment of the kind just talked about, its kind left out: "y tambien quiero cambiar
# la de mi hijo", "now the one for my wife", "his too" (test set 14: the type was asked).
_PERSON = (r"(hij[oa]s?|niñ[oa]s?|nin[oa]s?|esposo|esposa|marido|mujer|mam[aá]|mama|pap[aá]|papa|madre|padre|herman[oa]s?|"
           r"abuel[oa]s?|niet[oa]s?|sobrin[oa]s?|prim[oa]s?|ti[oa]s?|suegr[oa]s?|cunad[oa]s?|son|sons|daughters?|kids?|child|"
           r"children|wife|husband|spouse|mom|mother|dad|father|brother|sister|grandma|grandpa|grandmother|grandfather|"
           r"nephew|niece|cousin|aunt|uncle|boy|girl|baby)")
_ONE_OF_ANOTHER = re.compile(
    rf"\b(la|el|las|los) de (mi|mis|su|sus|nuestro|nuestra|nuestros|la|el) {_PERSON}\b"
    rf"|\b(the one|one|the ones|same|the same|same thing) for (my|his|her|our|the) {_PERSON}\b"
    rf"|\b(my|his|her|our) {_PERSON}'?s (one|too|as well)\b|\b(his|hers|theirs) (too|as well)\b"
)


def refers_to_one_of_another(text: Optional[str]) -> bool:
    """True when the message names an appointment only as another person's ("la de mi hijo")."""
    return named_in(text) is None and bool(_ONE_OF_ANOTHER.search(fold(text or "").lower()))
