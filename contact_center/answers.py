"""Reading applicants' short answers to the assistant's questions, in English or Spanish.

Buttons send exact values; these functions read the same answers typed in
words ("twice", "dos veces", "si", "nope", "medical"), accents and case folded.
Each returns None when the text is not an answer, so the form can say why
and ask again.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from contact_center.rules import EXPEDITE_CRITERIA, URGENT_REASONS
from contact_center.text import fold

NONE = "none"

_YES = re.compile(
    r"^(yes|yeah|yep|yup|ya|y|sure|ok|okay|correct|right|of course|please do|do it|si|sip|claro|"
    r"correcto|asi es|por supuesto|dale|hagalo|de acuerdo|afirmativo|exacto)\b"
)
_NO = re.compile(r"^(no|nope|nop|nah|n|not really|not anymore|no longer|negative|nunca|never|ninguno|ninguna|"
                 r"para nada|tampoco|ya no)\b")


def _clean(text: Optional[str]) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", fold(text or "").lower()).split())


def yes_no(text: Optional[str]) -> Optional[bool]:
    """True for yes, False for no, None when neither."""
    cleaned = _clean(text)
    if dont_know(cleaned):
        return None
    if _NO.match(cleaned):
        return False
    if _YES.match(cleaned):
        return True
    return None


_COUNT_WORDS = (
    (r"\b(never|none|zero|nunca|ninguna|cero|no)\b|\b0\b", 0),
    (r"\b(twice|two|2|three|3|four|4|many|several|more than once|dos|tres|cuatro|varias|muchas)\b", 2),
    (r"\b(once|one|1|a time|una vez|una|uno)\b", 1),
)


def times_rescheduled(text: Optional[str]) -> Optional[int]:
    """How many times an appointment was already rescheduled (R2 counts 2 or more as one)."""
    cleaned = _clean(text)
    if not cleaned or dont_know(cleaned):
        return None
    digits = re.findall(r"\d+", cleaned)
    if digits and len(cleaned) < 30:
        return min(int(digits[0]), 2)
    for pattern, value in _COUNT_WORDS:
        if re.search(pattern, cleaned):
            return value
    return None


# Word beginnings (folded) that name each claim, in English and Spanish.
# USCIS's own error first: "they lost my fingerprints" / "perdieron mis huellas" is not a loss of money.
_CRITERIA_WORDS: Tuple[Tuple[str, str], ...] = (
    (r"\b(error|mistake|equivoc|wrong|culpa|fault|uscis error|(uscis|they) lost|perdieron)", "uscis_error"),
    (r"\b(financ|money|dinero|economic|job|employ|trabajo|empleo|business|negocio|pay|pag|income|ingreso|loss|perd)", "severe_financial_loss"),
    (r"\b(humanitar|medic|sick|ill|enferm|death|dying|muert|murien|hospital|cancer|surgery|cirug|operar|operacion|"
     r"health|salud|famil)", "urgent_humanitarian"),
    (r"\b(government|gobierno|federal|military|militar|army|navy|air force|marine|soldier|soldad|ejercito|armada|"
     r"veteran|national|nacional|public safety|seguridad publica|agency|agencia)", "government_interest"),
)
# "none of these"; a bare "other" / "otra" only as the whole answer ("otra vez", "la otra semana" are not it).
_NONE_WORDS = re.compile(r"\b(none|ninguna|ninguno|nothing|nada|no reason|otra cosa|something else)\b|"
                         r"^(other|otro|otra|other reason|otra razon|otro motivo)$")

_URGENT_WORDS: Tuple[Tuple[str, str], ...] = (
    (r"\b(travel|trip|viaj|fly|vuelo|funeral|abroad|extranjero)", "family_emergency_travel"),
    (r"\b(medic|hospital|sick|ill|enferm|surgery|cirug|operar|operacion|doctor|salud|health|cancer|treatment|"
     r"tratamiento)", "medical_emergency"),
    (r"\b(job|employ|trabajo|empleo|benefit|beneficio|aid|ayuda|financ|money|dinero|income|ingreso|despid|fired|laid off|rent|renta)", "financial_loss_of_employment_or_benefits"),
)


def _first_match(cleaned: str, table, allowed) -> Optional[str]:
    if cleaned in allowed:
        return cleaned
    for pattern, value in table:
        if re.search(pattern, cleaned):
            return value
    return None


def expedite_criterion(text: Optional[str]) -> Optional[str]:
    """X2: which criterion the applicant claims, "none", or None when unclear."""
    cleaned = _clean(text).replace(" ", "_") if (text or "").strip() in EXPEDITE_CRITERIA | {NONE} else _clean(text)
    if cleaned in EXPEDITE_CRITERIA or cleaned == NONE:
        return cleaned
    found = _first_match(cleaned, _CRITERIA_WORDS, EXPEDITE_CRITERIA)
    if found:
        return found
    if _NONE_WORDS.search(cleaned) or yes_no(cleaned) is False:
        return NONE
    return None


def urgent_reason(text: Optional[str]) -> Optional[str]:
    """U2: which urgency reason the applicant gives, "none", or None when unclear."""
    raw = (text or "").strip()
    if raw in URGENT_REASONS or raw == NONE:
        return raw
    cleaned = _clean(text)
    found = _first_match(cleaned, _URGENT_WORDS, URGENT_REASONS)
    if found:
        return found
    if _NONE_WORDS.search(cleaned) or yes_no(cleaned) is False:
        return NONE
    return None


_DONT_KNOW = re.compile(
    r"\b(i )?(do ?n'?t|dont|do not) know\b|\bnot sure\b|\bno idea\b|\bidk\b|\bno (lo )?se\b|\bno estoy segur|\bni idea\b|\bno me acuerdo\b|\bno recuerdo\b"
)


_STOP = re.compile(
    r"\b(cancel\w*|stop|quit|abort|never ?mind|nvm|forget (it|about it|that|the)|scratch that|"
    r"(do ?n'?t|dont|do not) want to (do|continue|go on)|changed my mind|"
    r"cancel\w*|olvid\w*|deja(lo|lo asi| eso)?|para(le)?|pare|detente|alto|basta|salir|"
    r"ya no quiero|no quiero (seguir|continuar)|me arrepenti|cambie de opinion)\b"
)


def says_stop(text: Optional[str]) -> bool:
    """True when the words ask to stop ("never mind", "olvidalo"); "never moved it before" does not."""
    return bool(_STOP.search(_clean(text)))


def starts_with_stop(text: Optional[str]) -> bool:
    """True when the message opens by asking to stop ("nah forget it, i'll call tomorrow",
    "mejor no, dejalo asi"): a stop, however long what follows."""
    words = _clean(text).split()
    return says_stop(" ".join(words[:4]))


def dont_know(text: Optional[str]) -> bool:
    """True when the applicant says they don't know."""
    return bool(_DONT_KNOW.search(_clean(text)))


_DANGER = re.compile(
    r"\b(kill|hurt me|hit me|beat|weapon|gun|knife|suicid|overdose|can'?t breathe|bleeding|abus|threat|"
    r"matar|me pega|golpe|arma|pistola|cuchillo|suicid|sobredosis|no puedo respirar|sangr|amenaz|violen)"
)


def mentions_danger(text: Optional[str]) -> bool:
    """The keyword check the assistant used before the crisis check (contact_center/crisis.py).

    Kept only as the baseline that `make bench-crisis` measures the crisis check against.
    """
    return bool(_DANGER.search(_clean(text)))


_COVID = re.compile(r"\b(covid|covid-?19|coronavirus|corona virus|sars-?cov-?2)\b")
_COVID_NO = re.compile(
    r"\b(no|not|don'?t|dont|do not|never|negative|negativo|sin|without)\b(\s+\w+){0,3}\s+(covid|coronavirus)"
    r"|\b(covid|coronavirus)\b(\s+\w+){0,3}\s+(negative|negativo)"
)
_COVID_YES = re.compile(
    r"\b(positive|positivo|positiva|tested|test|dio|salio|have|has|got|tengo|tiene|tiene|contagi\w*|sick|enferm\w*|"
    r"symptoms?|sintomas?|fever|fiebre|quarantine|cuarentena|aislad\w*|isolat\w*)\b"
)


_SOMEONE_ELSE = re.compile(
    r"\b(kid|kids|child|children|son|daughter|baby|husband|wife|spouse|mom|mother|dad|father|family|"
    r"hijo|hija|hijos|nino|nina|bebe|esposo|esposa|mama|madre|papa|padre|familia)\b"
)


def covid_stated(text: Optional[str]) -> Optional[bool]:
    """R4, read from a message that says it unasked: "just tested positive for covid" is True,
    "I don't have covid" is False; a message that only names covid ("covid rules?") or says
    it of someone else ("my son has covid") is None: the question is still asked."""
    cleaned = _clean(text)
    if not _COVID.search(cleaned) or _SOMEONE_ELSE.search(cleaned):
        return None
    if _COVID_NO.search(cleaned):
        return False
    return True if _COVID_YES.search(cleaned) else None


_OPT = re.compile(r"\b(opt|stem|c ?3 ?[abc]?|c3[abc]?|students?|estudiantes?|practical training|practica|f ?1)\b")
_EAD_OTHER = re.compile(
    r"\b(c ?9|c ?8|c ?33|a ?12|a ?5|c ?\d{1,2}|adjust\w*|ajuste|green card|residencia|485|asylum|asilo|tps|daca|"
    r"spouse|esposo|esposa|h ?4|l ?2|pending|pendiente|refugee|refugiado|parole|vawa|u visa|visa u|marriage|matrimonio)\b"
)
_CHANGE = re.compile(r"\b(change|changing|switch|cambio|cambiar|cambiando)\b")
_TO_STUDENT = re.compile(r"\b([fmj] ?[12]|students?|estudiantes?|exchange|intercambio)\b")
_STAY_OTHER = re.compile(r"\b(extend\w*|extension|prorroga|h ?4|l ?2|b ?[12]|tourist|turista|visitor|visitante|stay longer)\b")


def form_classification(form_type: Optional[str], text: Optional[str]) -> Optional[str]:
    """X4: the category that decides premium processing, from the applicant's words.

    I-765: "student_opt" ((c)(3) OPT) or "other"; I-539: "change_to_student_or_exchange"
    (to F, M or J) or "other"; "unknown" when they don't know; None when neither is said.
    """
    from contact_center.rules import UNKNOWN_CLASSIFICATION

    cleaned = _clean(text).replace("(", " ").replace(")", " ")
    if dont_know(cleaned):
        return UNKNOWN_CLASSIFICATION
    if form_type == "I-765":
        if _OPT.search(cleaned):
            return "student_opt"
        if _EAD_OTHER.search(cleaned):
            return "other"
    if form_type == "I-539":
        if _CHANGE.search(cleaned) and _TO_STUDENT.search(cleaned):
            return "change_to_student_or_exchange"
        if _STAY_OTHER.search(cleaned) or _CHANGE.search(cleaned):
            return "other"
    return None
