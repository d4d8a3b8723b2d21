"""An e-Request's details given before they are asked (E1): a typo, an accommodation, where missing
mail should have gone, what a late case's wait costs."""
from __future__ import annotations

import re
from typing import Optional

from contact_center.answers import clean
from contact_center.text import fold
from contact_center.stated.case_questions import processing_time_named, wait_complained
from contact_center.stated.clauses import MAX_STATED_CHARS, whole_if

# What applicants need named in their own words (E1, accommodation): "I will need an ASL
# interpreter", "voy en silla de ruedas". Said when asking, it answers "What accommodation do
# you need?" (hand test: it was asked again).
_ACCOMMODATION = re.compile(
    r"\b(interpreter|interprete|asl|sign language|lengua(je)? de senas|wheel ?chair|silla de ruedas|braille|deaf|sordo|"
    r"sorda|blind|ciego|ciega|hard of hearing|hearing (aid|impair\w*)|oxygen|oxigeno|service (animal|dog)|"
    r"animal de servicio|perro de servicio|large print|letra grande|walker|andadera|crutches|muletas|ramp|rampa|"
    r"home visit|visita (a|en) (casa|domicilio)|bedridden|en cama|can'?t walk|cannot walk|no puedo caminar|"
    # someone with them, or no stairs: "she needs me in the room with her", "que la atiendan en planta baja" (test set 14)
    r"dementia|demencia|alzheimer\w*|needs? (me|someone|a family member|her (son|daughter)|his (son|daughter)) (in the room |there )?with (her|him)|"
    r"necesita (que (yo )?(este|entre|la acompane|lo acompane)|a alguien|un familiar) (con (ella|el)|en el cuarto)?|"
    r"planta baja|ground floor|first floor|no stairs|sin escaleras|elevator|elevador|ascensor|"
    # a condition and what it needs: "panic attacks ... a quiet room", "hago dialisis ... que sea en la manana",
    # "usa oxigeno y no aguanta parado en la fila, necesita una silla" (test set 15)
    r"quiet (room|place|area|space)|(sala|cuarto|lugar|espacio) (tranquilo|aparte|separado)|panic attacks?|ataques? de (panico|ansiedad)|"
    r"ptsd|autism|autismo|autistic|autista|seizures?|convulsiones|epilep\w*|dialysis|dialisis|chemo\w*|quimio\w*|"
    r"(can'?t|cannot) (stand (up|for long|in line|very long|for (an|one|a) hour)|wait in line)|"
    r"no (aguanta|puede|puedo) (estar (parad[oa]|de pie)|parad[oa]|hacer (la )?fila)|"
    r"(a |una )?(chair|silla) (to sit|para sentarse)|necesita una silla|needs? a chair|baston|cane|mobility|movilidad)\b"
)


# A typo told with what it says and what it should say (E1): "salio con el apellido mal,
# dice Ramires y es Ramirez", "it says 1985 but i was born in 1986", "spelled Jon instead of John".
_TYPO_TOLD = re.compile(
    r"\b(says|shows|reads|printed|dice|aparece|sale|salio|pusieron)\b.{1,60}\b(but|and|instead|should|y es|pero|cuando|en vez|en lugar)\b"
    r"|\b(should (say|be|read)|debe decir|deberia decir|debe ser|deberia ser|instead of|en vez de|en lugar de)\b"
    # "has my date of birth as 04/12/1991 but i was born 04/12/1981", "tiene mi nombre como Jose pero es Josue"
    r"|\b(has|have|lists|listed|put|wrote|spelled|spelt|tiene|trae|puso|escribieron)\b.{1,40}\b(as|como)\b.{1,40}\b(but|pero)\b"
    # "my last name is printed ABDULAHI with one L, its ABDULLAHI" (test set 5)
    r"|\b(says|shows|reads|printed|dice|aparece|sale|salio|pusieron)\b.{1,60}\b(its|it is|it should be|the right one is|"
    r"the correct one is|lo correcto es|el correcto es)\s+[a-z0-9]"
    # "pusieron Guatemala como pais de nacimiento y yo naci en El Salvador" (test set 7)
    r"|\b(but|pero|and|y|cuando)\b.{0,20}\b(i was born|naci|my (real |correct )?name is|mi nombre (real |correcto )?es|it'?s really|en realidad es|really is)\b"
    # "it says sex F, im M" (test set 14)
    r"|\b(says|shows|dice|aparece|sale)\b.{1,40}[,;]?\s+(i'?m|i am|soy|but i'?m)\s+[a-z0-9]"
    # "has her name spelled Isabela, its Isabella with two Ls" (test set 12)
    r"|\b(spelled|spelt|escrito|escrita|written)\b.{1,40}\b(its|it's|it is|should be|debe ser|es)\s+[a-z0-9]"
)


# A missing card or notice told with where it should have gone (E1): "it should of come to 1420
# elm st apt 3 houston tx 77036", "la tenian que mandar a 300 s main st, san antonio tx 78204".
_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[nsew]\.?\s+)?(?:[a-z0-9]+\s+){0,3}(st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|"
    r"ct|court|way|pl|place|pkwy|parkway|hwy|highway|cir|circle|ter|terrace|trl|trail)\b"
    r"|\b(calle|avenida|av|blvd|camino|carretera)\s+[a-z0-9]+(\s+[a-z0-9]+){0,3}\s+\d{1,6}\b"
    r"|\b(apt|apartment|apartamento|unit|suite|depto)\s*#?\s*\d+\w?\b"
)


def typo_stated(text: Optional[str]) -> Optional[str]:
    """The message as the typo's details when it says what is wrong and what is right, else None."""
    return whole_if(_TYPO_TOLD, text)


def accommodation_stated(text: Optional[str]) -> Optional[str]:
    """The message as the accommodation's details when it names the accommodation, else None."""
    return whole_if(_ACCOMMODATION, text)


def missing_mail_stated(text: Optional[str]) -> Optional[str]:
    """The message as a missing card's or notice's details when it says where it should have
    gone (an address), else None."""
    return whole_if(_ADDRESS, text)


# A late case told with what the wait costs (E1, S4): "pending 26 months, way past the processing
# time. my extension letter runs out in february and i have to travel for work" is the office's
# answer to "Is there anything the office should know?", given before it was asked (test set 9).
_WHAT_THE_WAIT_COSTS = re.compile(
    r"\b(expir\w*|runs? out|running out|ran out|vence|vencio|vencid[oa]|se me vence|se vence|travel\w*|trip|viaj\w*|"
    r"job|work|employer|fired|lose|losing|lost|perder|pierdo|perdi|trabajo|empleo|deadline|fecha limite|"
    r"sick|enferm\w*|hospital|school|escuela|universidad|university|license|licencia)\b"
)


def late_case_stated(text: Optional[str]) -> Optional[str]:
    """The message as a late case's details when it complains of the wait and says what the wait
    costs (a document running out, a trip, a job), else None."""
    from contact_center.form_types import without_common_names

    if not (wait_complained(text) or processing_time_named(text)):
        return None
    # "my work permit has been pending 9 months": the form's name is not what the wait costs
    return (text or "").strip()[:MAX_STATED_CHARS] \
        if _WHAT_THE_WAIT_COSTS.search(clean(without_common_names(fold(text or "").lower()))) else None


# What a typo is about, named: a name, a date, a spelling (E1).
_TYPO_WORDS = re.compile(
    r"\b(name|last name|first name|surname|spell\w*|typo|misspel\w*|date of birth|birth ?date|born|letter [a-z]|"
    r"sex|gender|sexo|genero|country of birth|pais de nacimiento|"
    r"nombre|apellido|escrit[oa]|letra|fecha de nacimiento|naci|nacimiento|con (z|s|c|y|ll|h|v|b)|with (a|an|one|two) [a-z]{1,2}s?)\b"
)


def _two_spellings(text: str) -> bool:
    """Two names that differ by a letter or two ("dice Hernandes y es Hernandez", "Jonh ... John"):
    capitalised, with the same first letter."""
    from difflib import SequenceMatcher

    names = sorted({w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", text)})
    return any(a[0] == b[0] and SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.75
               for i, a in enumerate(names) for b in names[i + 1:])


def typo_described(text: Optional[str]) -> bool:
    """True when the message tells a typo with what it is about: a name, a date, a spelling, or
    the wrong and the right spelling side by side; "a letter that says my case was reopened and
    ..." is none (test set 2)."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(typo_stated(text)) and bool(_TYPO_WORDS.search(cleaned) or _two_spellings((text or "")[:MAX_STATED_CHARS]))
