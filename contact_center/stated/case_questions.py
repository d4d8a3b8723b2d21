"""What is asked about a case, stated: a status (S1), a wait complained of (S4), news of a decision,
mixed-up records, a question announced, who is writing."""
from __future__ import annotations

import re
from typing import Optional

from contact_center import receipts
from contact_center.answers import clean
from contact_center.stated.clauses import MAX_STATED_CHARS, says

STATUS_WORDS = re.compile(r"\b(status|estatus|estado|case|caso|como va|update|actualizacion)\b")


# "a representative about my case status", "sobre el estado de mi caso" (hand test: the topic was lost).
ABOUT_STATUS = re.compile(
    r"\b(about|regarding|for|on|sobre|acerca de|por|para saber)\s+(my|the|mi|el)?\s*(case )?(status|estatus)\b|"
    r"\b(sobre|acerca de|por|para saber)\s+(el )?(estado|estatus) de (mi|el) caso\b"
)


# S1 before S4: "QUE PASA CON MI CASO SRC..., 3 AÑOS ESPERANDO" or "ya lleva casi 3 años y
# nada, SRC..." complain of the wait; the lookup says whether the case is late, and only then
# is the e-Request offered. A complaint that names the processing time ("2 years and the site
# says 12 months") already says it is late, and one that asks to file asks for the e-Request.
_PROCESSING_TIME_NAMED = re.compile(
    r"\b(processing|procesamiento|posted|publicado|average|promedio|normal|website|site|pagina|web|online|en linea|"
    r"should (take|be|have)|supposed to|deberia|debia|tarda|estimated|estimado|window|time ?frame|outside|fuera|beyond|"
    r"past the|over the|pasad[oa] del|paso del|se paso|mas de lo que|longer than|service request|solicitud de servicio|inquiry|e-?request|file|submit|"
    r"presentar|hacer una solicitud|poner una queja)\b"
)


_WAIT_COMPLAINED = re.compile(
    r"\b(waiting|waited|been waiting|esperando|espere|llevo|lleva|llevamos|forever|eternidad|so long|tanto tiempo|"
    r"(almost |casi |over |mas de )?\d+ (years?|months?|anos|meses))\b"
)


# S1: checking on a case, one's own or a relative's, in words the classifier could not place:
# "hi im trying to check on my moms green card for her, she doesnt really do computers" (test set 6).
_CHECKS_ON_A_CASE = re.compile(
    r"\b(check|checking|look|looking|see|find out|follow up)( up)? (on|about|into|how)\b.{0,30}\b(case|green ?card|application|"
    r"petition|permit|citizenship|naturali[sz]ation|residency|i-?\d{3})\b|"
    r"\b(saber|ver|revisar|checar|consultar|averiguar) (como va|el estado de|sobre|que paso con|en que va)\b.{0,30}\b(caso|solicitud|tramite|"
    r"residencia|mica|permiso|ciudadania|peticion|green ?card|i-?\d{3})\b"
)


def checks_on_a_case(text: Optional[str]) -> bool:
    """True when the message says the applicant wants to check on a case (S1)."""
    return says(_CHECKS_ON_A_CASE, text)


def wait_complained(text: Optional[str]) -> bool:
    """True when the message complains of the wait ("ive been waiting almost 3 years", "llevo 2 años")."""
    return says(_WAIT_COMPLAINED, text)


_ASKS_ABOUT_CASE = re.compile(
    r"\b(que) (pasa|paso|ha pasado|esta pasando|hay|onda) (con|de) (mi|el|su) (caso|solicitud|aplicacion|tramite|proceso)\b|"
    r"\b(donde|como) (esta|va|anda) (mi|el) (caso|solicitud|aplicacion|tramite|proceso)\b|"
    r"\b(what'?s|whats|what is|check|know|saber|cual es|como va|ver) (the |el |my |mi )?(case )?(status|estatus|estado)\b|"
    r"\b(status|estatus|estado) (of|on|de|del) (my|mi|el|su|our|the) (case|caso|solicitud|aplicacion|tramite|application|petition)\b|"
    r"\b(what'?s|whats|what is|what'?s been) (going on|happening|up|the deal) with (my|the|our) (case|application|petition|file)\b|"
    r"\bwhere'?s? (is )?(my|the|our) (case|application|petition|file)\b|\bwhat happened (to|with) (my|the|our) (case|application|petition)\b"
)


def status_first(text: Optional[str]) -> bool:
    """S1 first: a complaint about the wait that names its case (a receipt number) or asks about
    it, names no processing time and asks to file nothing: the status is looked up, and S4 offers
    the e-Request only if it shows the case late. "y ustedes pueden hacer algo? ya pasaron dos
    meses", said to an offer, is no such question."""
    text = (text or "")[:MAX_STATED_CHARS]
    return not processing_time_named(text) and bool(receipts.find(text) or _ASKS_ABOUT_CASE.search(clean(text)))


def processing_time_named(text: Optional[str]) -> bool:
    """True when a complaint about the wait names the processing time or asks to file (S4, E1)."""
    return says(_PROCESSING_TIME_NAMED, text)


# News of the case told, not a question about it: "my naturalization got approved!! how do i get
# a us passport now" asks only about the passport (G7).
_DECISION_TOLD = re.compile(
    r"\b(got|was|been|is|just|finally|already|ya|fue|me|le|nos|les)\s+(approved|aprobad[oa]s?|aprobaron|aprobo)\b"
)


def decision_told(text: Optional[str]) -> bool:
    """True when the message tells that the case was approved (news, not a status request)."""
    return says(_DECISION_TOLD, text)


# Who is writing, told before the request ("hi im a medical interpreter helping a patient.",
# "le escribo de parte de don Ramiro, soy voluntaria en la parroquia."): no request of its own
# (test set 8: an accommodation and a typo e-Request were started from such openings).
_WRITER_ROLE = re.compile(
    r"\b(paralegal|interpreter|interprete|translator|traductor[a]?|volunteer|voluntari[oa]|attorney|lawyer|abogad[oa]|"
    r"social worker|trabajador[a]? social|case ?worker|advocate|navigator|promotor[a]?|nurse|enfermer[oa]|"
    r"assistant|asistente|secretary|secretari[oa]|law office|law firm|bufete|parroquia|parish|church|iglesia|clinic|clinica|"
    r"nonprofit|organization|organizacion|agencia)\b"
)


_WRITES_FOR = re.compile(
    r"\b(i'?m|i am|im|soy|we are|somos|i work|trabajo|le escribo|les escribo|escribo|writing|calling|llamo|"
    r"on behalf of|de parte de|en nombre de|helping|ayudando|ayudo)\b"
)


_ASKS_SOMETHING = re.compile(
    r"\b(need|needs|want|wants|would like|can you|could you|please|help (me|him|her|them) with|necesit\w*|quier\w*|"
    r"puede|pueden|podria|ayudeme|ayudenme|how|como|what|que|where|donde|when|cuando|why|por que|"
    r"never (came|arrived|got)|no (me |le |nos )?(llego|ha llegado)|lost|perdi\w*|wrong|mal|status|estatus|estado|"
    r"case|caso|appointment|cita|expedite|aceler\w*|reschedul\w*|cambiar|move|mover)\b|\?"
)


def introduces_writer(text: Optional[str]) -> bool:
    """True when the words only say who is writing and for whom, asking nothing."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_WRITER_ROLE.search(cleaned) and _WRITES_FOR.search(cleaned)) and not _ASKS_SOMETHING.search(cleaned) \
        and len(cleaned.split()) <= 20


# Two people given one A-number: records mixed up, which no typo request mends (test set 8: filed as a typo).
_ONE_NUMBER_FOR_TWO = re.compile(
    r"\b(the )?same (a|alien|a-) ?(number|#)\b|\b(el )?mismo (numero a|numero de extranjero|a number|numero de registro)\b"
)


def records_mixed_up(text: Optional[str]) -> bool:
    """True when the message tells of two people given the same A-number."""
    return says(_ONE_NUMBER_FOR_TWO, text)


# A question announced, not yet asked: "i have a question", "tengo una pregunta" (test set 8 in other
# words: "Sorry, I didn't understand" and "¿Hay algo más?"). What the assistant can help with is said.
_QUESTION_ANNOUNCED = re.compile(
    r"^((hi|hello|hey|hola|buenas|buenos dias|buenas tardes|ok|okay|um|so|pues|oiga|disculpe)\s+)*"
    r"(i (have|got) (a |one )?(quick |small )?(question|doubt)|(a )?quick question|(tengo|tenia) (una )?(pregunta|duda|consulta)( rapida)?|"
    r"una (pregunta|consulta|duda)|can i ask (you )?(a |something)( question)?|puedo (hacerle|hacer) una pregunta)"
    r"(\s+(please|por favor))?$"
)


def question_announced(text: Optional[str]) -> bool:
    """True when the whole message only says a question is coming."""
    return bool(_QUESTION_ANNOUNCED.match(clean((text or "")[:200])))


# Asking for a case to be looked up: "revise LIN...", "checa el ...", "look up ...".
_CHECK_ASKED = re.compile(r"\b(revise|revisa|revisen|reviseme|cheque|checa|chequea|chequee|checame|checar|chequear|checarme|"
                          r"checarlo|revisar|consultar|mire|mira|consulte|"
                          r"consulta|check|look up|lookup|look at|pull up)\b")


def check_asked(text: Optional[str]) -> bool:
    """True when the message asks for a case to be looked up."""
    return says(_CHECK_ASKED, text)


# A case-status page's address pasted, its receipt number inside: "then what does this say
# https://egov.uscis.gov/casestatus/mycasestatus.do?appReceiptNum=WAC..." (test set 14: answered where to
# find a receipt number, the word being in the address).
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def case_page_pasted(text: Optional[str]) -> bool:
    """True when a web address in the message holds a receipt number."""
    return any(receipts.find(found.group(0)) for found in _WEB_ADDRESS.finditer((text or "")[:MAX_STATED_CHARS]))
