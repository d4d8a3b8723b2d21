"""Reading applicants' short answers to the assistant's questions, in English or Spanish.

Buttons send exact values; these functions read the same answers typed in
words ("twice", "dos veces", "si", "nope", "medical"), accents and case folded.
Each returns None when the text is not an answer, so the form can say why
and ask again.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from contact_center.rules import EXPEDITE_CRITERIA, URGENT_REASONS
from contact_center.text import fold

NONE = "none"

_YES = re.compile(
    r"^(yes|yeah|yep|yup|ya|y|sure|ok|okay|correct|right|of course|please do|do it|si|sip|claro|"
    r"correcto|asi es|por supuesto|dale|hagalo|de acuerdo|afirmativo|exacto|listo|eso(?=$| es\b| mand| envi| present| si\b)|go ahead|send it|file it|"
    r"submit it|mandal[oa]|mandel[oa]|envial[oa]|enviel[oa]|presental[oa]|presentel[oa])\b"
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
    (r"\b(never|none|zero|nunca|ninguna|cero|no|havent|haven't|have not|not yet|todavia no|aun no)\b|\b0\b", 0),
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
    if re.search(r"\b(first time|primera vez)\b", cleaned):
        return 0  # "first time asking"; after the counts: "twice, the first time was for surgery" is 2
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


def clauses(text: Optional[str]) -> List[str]:
    """The message cut where one statement ends and another begins (punctuation, "and",
    "but", "y", "pero"), each cleaned: a fact said unasked is read from its own clause, so
    "no covid, there's a funeral in the family" is not about the family's covid."""
    parts = re.split(r"[,.;:!?\n]+|\b(?:and|but|also|y|pero|tambien|ademas)\b", fold(text or "").lower())
    return [c for c in (_clean(part) for part in parts) if c]


def covid_stated(text: Optional[str]) -> Optional[bool]:
    """R4, read from a message that says it unasked: "just tested positive for covid" is True,
    "I don't have covid" is False; a message that only names covid ("covid rules?") or says
    it of someone else ("my son has covid") is None: the question is still asked."""
    for clause in clauses(text):
        if not _COVID.search(clause):
            continue
        if _SOMEONE_ELSE.search(clause):
            return None
        if _COVID_NO.search(clause):
            return False
        return True if _COVID_YES.search(clause) else None
    return None


_RESCHEDULED = r"(re-?schedul\w*|reprogram\w*|cambi\w*|movi\w*|moved?|changed?|postpon\w*|pospu?s\w*|pospon\w*)"
_NEVER_RESCHEDULED = re.compile(
    r"\b(never|haven'?t|havent|have not|hasn'?t|hasnt|has not|nunca|no (la |lo )?(he|ha|hemos))\b(\s+\w+){0,3}\s+"
    + _RESCHEDULED + r"\b|\b(first time|primera vez)\b"
)
_TIMES_SAID = re.compile(
    r"\b(\d+|one|two|three|four|una|dos|tres|cuatro)\s+(times|veces|x)\b|\b(once|twice|thrice|una vez)\b"
)


def times_rescheduled_stated(text: Optional[str]) -> Optional[int]:
    """R2's count, read from a message that says it unasked: "never rescheduled it before",
    "es la primera vez que la cambio" are 0; "already rescheduled it 2 times", "ya la cambié
    dos veces" are 2. Only a clause that also says rescheduling counts, so "tomorrow at 9"
    or "I need to move it" is None: the question is still asked."""
    for clause in clauses(text):
        if not re.search(r"\b" + _RESCHEDULED + r"\b", clause):
            continue
        if _NEVER_RESCHEDULED.search(clause):
            return 0
        said = _TIMES_SAID.search(clause)
        if said:
            return times_rescheduled(said.group(0))
    return None


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


# ------------------------------------------------------------ facts said unasked
# Read from a whole message, not an answer to a question: they look only for the words
# that state the fact, never for a bare "no" or "other", so silence is None.

_DANGER_DENIED = re.compile(
    r"\b(not|no one|noone|nobody|nadie|no hay nadie|no estoy|no estamos|ninguno)\b(\s+\w+){0,3}\s+(danger|peligro)\b"
)
_APPOINTMENT_ASKED = re.compile(
    r"\b(need|want|request|get|necesito|quiero|pedir|solicitar)\b(\s+\w+){0,3}\s+"
    r"(urgent|emergency|expedited|urgente|emergencia)?\s*(appointment|appt|cita)\b"
    r"|\b(urgent|emergency) (appointment|appt)\b|\bcita (urgente|de emergencia)\b"
)


def danger_denied(text: Optional[str]) -> Optional[bool]:
    """G6 answered unasked: "not in danger or anything", "no hay nadie en peligro" are False."""
    return False if any(_DANGER_DENIED.search(c) for c in clauses(text)) else None


def appointment_asked(text: Optional[str]) -> Optional[bool]:
    """U5 answered unasked: "I need an emergency appointment", "necesito una cita urgente"."""
    return True if any(_APPOINTMENT_ASKED.search(c) for c in clauses(text)) else None


def urgent_reason_stated(text: Optional[str]) -> Optional[str]:
    """U2's reason in a message that tells its story ("my dad is dying in guatemala and i
    have to travel"); never "none" from a "no" that answers something else. Asking for help
    ("necesito ayuda con una cita") is not the loss of aid."""
    return _first_match(re.sub(r"\b(ayuda|aid|help)\b", " ", _clean(text)), _URGENT_WORDS, ())


def expedite_criterion_stated(text: Optional[str]) -> Optional[str]:
    """X2's claim in a message that tells its story ("my mother has terminal cancer", "i lose
    my job on the 30th"). The names of forms go first: "permiso de trabajo" is a work permit,
    not a job at stake."""
    from contact_center.form_types import without_common_names

    return _first_match(_clean(without_common_names(fold(text or "").lower())), _CRITERIA_WORDS, ())


_STATUS_WORDS = re.compile(r"\b(status|estatus|estado|case|caso|como va|update|actualizacion)\b")
_REASON_GIVEN = re.compile(
    r"\b(about|because|regarding|i got|i was|they|sobre|porque|acerca|me cobraron|me negaron|me dijeron|es de|es por)\b"
)
# Words of topics the assistant serves itself (G1): with them, the topic is asked, not guessed.
_SELF_HELP_WORDS = re.compile(
    r"\b(card|tarjeta|notice|aviso|carta|letter|address|direccion|moved|mude|typo|error|mistake|reschedul\w*|"
    r"appointment|appt|cita|expedit\w*|faster|acelerar|status|estatus|processing|tramite|accommodation|"
    r"wheelchair|silla de ruedas)\b"
)


def live_topic_stated(text: Optional[str], receipt_given: bool) -> Optional[str]:
    """What a request for a person is about, when the request says it (G1).

    "a live agent about my case EAC..." is a status check, served first by the assistant;
    "call me back at ..., i got charged twice for my fee" is a matter only a person handles
    ("other"); anything that could be a self-help topic is None, and the topic is asked.
    """
    cleaned = _clean(text)
    if receipt_given and _STATUS_WORDS.search(cleaned):
        return "check_case_status"
    if len(cleaned.split()) >= 7 and _REASON_GIVEN.search(cleaned) and not _SELF_HELP_WORDS.search(cleaned):
        return "other"
    return None


# A field named with its new value at the confirmation: "change the documents to ...",
# "cambia los documentos: ...". The value is kept as typed.
_FIELD_NAMES = {
    "expedite_documents": r"documents?|documentos?|docs|papers|papeles|evidence|evidencia|pruebas",
    "problem_details": r"details?|description|descripci[oó]n|detalles?|problem|problema",
}
_NEW_VALUE = (r"\s*(?:[:=]|\b(?:to|should be|should say|is|are|will be|a|por|son|es|ser[aá]n?|debe ser|deber[ií]an? ser|"
              r"que diga|say|says)\b)\s*(?P<value>\S.*)$")


def named_correction(text: Optional[str], field: str) -> Optional[str]:
    """The new value of `field` when the message names the field and gives it, else None."""
    found = re.search(rf"\b(?:{_FIELD_NAMES[field]})\b{_NEW_VALUE}", (text or "").strip(), re.IGNORECASE)
    if not found:
        return None
    value = found.group("value").strip()
    if yes_no(value) is not None or _APPROVAL.match(_clean(value)):
        return None  # "the documents are fine" approves them
    return value


_APPROVAL = re.compile(r"^(fine|good|ok|okay|right|correct|all right|bien|correct[oa]s?|buen[oa]s?|perfect[oa]?s?)\b")


# A message that opens by calling off what is under way, whatever follows ("never mind,
# i think my roommate grabbed it", "olvidalo, ya la encontre", "nah forget it, ill call
# tomorrow"). "cancel" only on its own or with "it/that": "cancel my appointment" is a request;
# "no importa" answers "when should we call?", so it is not here.
_OPENING_STOP = re.compile(
    r"^(?:(?:ok|okay|oh|ah|nah|no|wait|hmm|um|pues|bueno|mejor|actually|sabes que|sabe que|espera|ay)[\s,.!]+)*"
    r"(?:never\s?mind(?:\s+(?:that|this|it))?|nvm|forget\s+(?:it|about it|that|this)|scratch that|"
    r"cancel\w*(?:\s+(?:it|that|this|eso|esto|todo))?(?=\s*(?:[,.!;]|$))|"
    r"olvid(?:alo|elo|ate de eso|a eso|emos eso)|dejalo(?:\s+asi)?|dejelo(?:\s+asi)?|mejor no|"
    r"ya no (?:quiero|hace falta|importa)|"
    # At a confirmation: "dont send it, i can go after all", "no lo mande!!", "no me llamen".
    r"(?:dont|don't|do not|no) (?:send|file|submit|call)(?: (?:it|that|this|anything|me))?(?=\s*(?:[,.!;]|$))|"
    r"no (?:lo |la |me )?(?:mande|mandes|manden|envie|envien|presente|presenten|llamen|llames)(?=\s*(?:[,.!;]|$)))\b"
)


def opening_stop(text: Optional[str]) -> Optional[int]:
    """Where the stop that opens the message ends (in `text`), or None when it opens with none."""
    folded = fold(text or "").lower()
    found = _OPENING_STOP.match(folded.lstrip())
    if not found:
        return None
    return found.end() + (len(folded) - len(folded.lstrip()))
