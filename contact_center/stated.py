"""Facts an applicant states without being asked, read from a whole message in English or
Spanish: covid (R4), how many times an appointment was rescheduled (R2), the urgent reason
(U2), the expedite claim (X2), danger denied (G6), an appointment asked for (U5), what a
request for a person is about (G1).

They look only for the words that state the fact, never for a bare "no" or "other" (that
answers whatever was asked), so silence is None and the form asks its question.
"""
from __future__ import annotations

import re
from typing import List, Optional

from contact_center import answers, person_requests, receipts
from contact_center.answers import CRITERIA_WORDS, URGENT_WORDS, clean, first_match, times_rescheduled
from contact_center.text import fold

MAX_STATED_CHARS = 2000
_COVID = re.compile(r"\b(covid|covid-?19|coronavirus|corona virus|sars-?cov-?2)\b")
_COVID_NO = re.compile(
    r"\b(no|not|don'?t|dont|do not|never|neither|negative|negativo|sin|without|ni|nada de|cero|zero|libre de)\b(\s+\w+){0,3}\s+"
    r"(covid|coronavirus)"
    r"|\b(covid|coronavirus)\b(\s+\w+){0,3}\s+(negative|negativo|negativa)"
    r"|\b(covid|coronavirus)(\s+19)?\s+free\b"
    # The no after the word, as people answer a question they have just read: "covid no
    # tengo", "covid? no", "covid nope", "covid tampoco" (read as "tengo covid" before).
    r"|\b(covid|coronavirus)(\s+19)?\s+(no|nope|nah|none|tampoco|nada|negative)\b"
    r"(\s+(tengo|tiene|tenemos|tengo yo|have|has|had|i dont|here|aqui|para nada|thank god|gracias a dios))*\s*$"
)
# Not knowing is not an answer either way: "i dont know if i have covid" is asked again.
_COVID_UNSURE = re.compile(r"\b(not sure|dont know|don'?t know|no se|no estoy segur[oa]|no sabemos)\b")
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
    return [c for c in (clean(part) for part in parts) if c]


def covid_stated(text: Optional[str]) -> Optional[bool]:
    """R4, read from a message that says it unasked: "just tested positive for covid" is True,
    "I don't have covid" is False; a message that only names covid ("covid rules?") or says
    it of someone else ("my son has covid") is None: the question is still asked."""
    for clause in clauses(text):
        if not _COVID.search(clause):
            continue
        if _SOMEONE_ELSE.search(clause) or _COVID_UNSURE.search(clause):
            return None
        if _COVID_NO.search(clause):
            return False
        return True if _COVID_YES.search(clause) else None
    return None


# The answer to "Do you have COVID-19 or any of its symptoms?" told without the word covid:
# "tested positive yesterday, fever and everything" had been asked for a yes or no three times.
_ILL_NOW = re.compile(
    r"\b(tested positive|test(ed)? (came (back|out) )?positive|came (back|out) positive|(di|dio|sali|salio) positiv[oa]|positiv[oa]|"
    r"fever|fiebre|calentura|cough(ing)?|tos|symptoms|sintomas|sick|enferm[oa]|lost my (taste|smell)|chills|escalofrios|"
    r"sore throat|dolor de garganta|body aches|me duele todo|throat hurts|throat is killing me|duele la garganta|"
    r"perdi el (gusto|olfato)|quarantin\w*|cuarentena|isolating|aislad[oa])\b"
)
_WELL_NOW = re.compile(
    r"\b(tested negative|negative|negativ[oa]|no symptoms|sin sintomas|ningun sintoma|not sick|no estoy enferm[oa]|"
    r"(i am|im|i feel|me siento|estoy) (fine|ok|okay|good|well|healthy|bien|san[oa]))\b"
)


# Symptoms denied with the covid: "I do not have COVID-19 nor any of its symptoms" (test set 10: a yes).
_SYMPTOMS_DENIED = re.compile(
    r"\b(nor|ni|no|not|without|sin|ningun\w*|or)\s+(any\s+)?(of\s+)?(its|the|sus|los|de|any|algun\w*)?\s*"
    r"(symptoms?|sintomas?)\b"
)


def covid_answer(text: Optional[str]) -> Optional[bool]:
    """R4: the applicant's answer to the covid question in their own words; None when it
    says neither (or speaks of someone else), and the question is asked again."""
    said = covid_stated(text)
    cleaned = _SYMPTOMS_DENIED.sub(" ", " ".join(clauses(text))) if said is False else " ".join(clauses(text))
    if said is False and _ILL_NOW.search(cleaned) and not _SOMEONE_ELSE.search(cleaned):
        return True  # R4 is covid or its symptoms: "i dont think i have covid but my throat hurts and ive had a fever"
    if said is not None:
        return said
    if _SOMEONE_ELSE.search(cleaned):
        return None
    if _COVID_UNSURE.search(cleaned):  # "no se si tengo covid, tengo tos": only symptoms answer it
        return True if _ILL_NOW.search(cleaned) else None
    if _WELL_NOW.search(cleaned) or _COVID_NO.search(cleaned):  # "covid? nope"
        return False
    return True if _ILL_NOW.search(cleaned) else None


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


_DANGER_DENIED = re.compile(
    r"\b(not|no one|noone|nobody|nadie|no hay nadie|no estoy|no estamos|ninguno)('s|s)?\b(\s+\w+){0,3}\s+(danger|peligro)\b"
    # "no es peligro ni nada", "no hay peligro", "no danger", "nothing dangerous", "not dangerous"
    r"|\b(no es|no hay|no|sin|nothing|not|nada)\s+(de\s+)?(danger|dangerous|peligro|peligroso|peligrosa)\b"
)
_APPOINTMENT_ASKED = re.compile(
    r"\b(need|want|request|get|necesito|quiero|pedir|solicitar)\b(\s+\w+){0,3}\s+"
    r"(urgent|emergency|expedited|urgente|emergencia)?\s*(appointment|appt|cita)\b"
    r"|\b(urgent|emergency) (appointment|appt)\b|\bcita (urgente|de emergencia)\b"
    # "i need to go to a field office urgently", "tengo que ir a la oficina de uscis"
    r"|\b(go|come|get|ir|acudir|presentarme)\b(\s+\w+){0,2}?\s+(to|a)\s+(the |a |an |una |la |el )?"
    r"(field |local |uscis |de uscis )?(office|oficina)\b"
)


# An appointment the applicant cannot keep, told without the word reschedule: "i literally
# wont be able to walk", "no voy a poder llegar", "my surgery got moved to the same week".
_CANT_ATTEND = re.compile(
    r"\b(can'?t|cannot|can not|wont be able to|won'?t be able to|will not be able to|not able to|unable to|no way i can|"
    r"no voy a poder|no podre|no puedo|no podemos|no vamos a poder)\b(\s+\w+){0,2}\s+"
    r"(make it|go|attend|be there|show up|walk|travel|drive|get there|ir|asistir|llegar|presentarme|estar|caminar|viajar)\b"
    r"|\b(same (day|week|time) as|at the same time as|conflicts? with|clashes with|el mismo dia (de|que)|"
    r"la misma semana (de|que)|coincide con|choca con|me cae el mismo dia)\b"
)


def cannot_attend(text: Optional[str]) -> bool:
    """True when the message says the applicant cannot keep an appointment (R1's request)."""
    return bool(_CANT_ATTEND.search(clean(text)))


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
    cleaned = re.sub(r"\b(ayuda|aid|help)\b", " ", clean(text))
    found = first_match(cleaned, URGENT_WORDS, ())
    if found == "family_emergency_travel" and (not _FAMILY_OR_EMERGENCY.search(cleaned) or answers.leisure_told(cleaned)):
        # "i have to go in person to get my passport stamped so i can travel": travel, but no
        # family emergency told; the reason is asked (test set 7). A sister's wedding is no emergency.
        return None
    return found


_FAMILY_OR_EMERGENCY = re.compile(
    r"\b(family|familia|famil\w*|mom|mother|mama|madre|dad|father|papa|padre|parents?|padres|son|daughter|hijo|hija|hijos|"
    r"brother|sister|hermano|hermana|grand\w*|abuel\w*|abuel[oa]|wife|husband|esposa|esposo|tio|tia|uncle|aunt|cousin|primo|prima|"
    r"funeral|dying|murien\w*|muri\w*|falleci\w*|passed|died|sick|enferm\w*|hospital\w*|emergenc\w*|accident\w*|grave|critical)\b"
)


def expedite_criterion_stated(text: Optional[str]) -> Optional[str]:
    """X2's claim in a message that tells its story ("my mother has terminal cancer", "i lose
    my job on the 30th"). The names of forms go first: "permiso de trabajo" is a work permit,
    not a job at stake."""
    from contact_center.form_types import without_common_names

    cleaned = clean(without_common_names(fold(text or "").lower()))
    found = answers.criterion_named(cleaned)
    if found is None and answers.wait_as_reason(cleaned):
        return answers.NONE  # "ya me canse de esperar, llevo 14 meses": the wait is no X2 reason
    return found


_STATUS_WORDS = re.compile(r"\b(status|estatus|estado|case|caso|como va|update|actualizacion)\b")
# "a representative about my case status", "sobre el estado de mi caso" (hand test: the topic was lost).
_ABOUT_STATUS = re.compile(
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
    return bool(_CHECKS_ON_A_CASE.search(clean((text or "")[:MAX_STATED_CHARS])))


def wait_complained(text: Optional[str]) -> bool:
    """True when the message complains of the wait ("ive been waiting almost 3 years", "llevo 2 años")."""
    return bool(_WAIT_COMPLAINED.search(clean((text or "")[:MAX_STATED_CHARS])))


_ASKS_ABOUT_CASE = re.compile(
    r"\b(que|q) (pasa|paso|ha pasado|esta pasando|hay|onda) (con|de) (mi|el|su) (caso|solicitud|aplicacion|tramite|proceso)\b|"
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
    return bool(_PROCESSING_TIME_NAMED.search(clean((text or "")[:MAX_STATED_CHARS])))


_REASON_GIVEN = re.compile(
    r"\b(about|because|regarding|i got|i was|they|saying|says|told me|sobre|porque|acerca|me cobraron|me negaron|me dijeron|"
    r"me dijo|me llego|dice que|es de|es por)\b"
)
# "... pero no me dijo a que direccion": where to send something, not a change of address.
_WHERE_TO_SEND = re.compile(r"\b(a que direccion|a cual direccion|what address|which address|where to send|donde (?:lo |la )?mando)\b")
# Mail that did not come, or was lost or stolen (E1): a notice or card is then a self-help topic.
_MISSING = (r"never (came|come|arrived|got|received|showed)|(did not|didnt|has not|hasnt|have not|havent|not) "
            r"(come|came|arrive|arrived|get|got|receive|received)|lost|missing|stolen|"
            r"no (me )?(llego|ha llegado|han llegado|he recibido|recibi)|nunca (me )?(llego|recibi)|perd\w*|extravi\w*|robaron")

# Words of topics the assistant serves itself (G1): with them, the topic is asked, not guessed.
# A card or a letter is one only when it is missing or wrong (E1): "a letter saying my
# application was abandoned and i dont get why" came, and is a matter for a person.
_SELF_HELP_WORDS = re.compile(
    r"\b(address|direccion|moved|mude|typo|error|mistake|wrong|mal escrit[oa]|equivocad[oa]|reschedul\w*|"
    r"appointment|appt|cita|expedit\w*|faster|acelerar|status|estatus|processing|tramite|accommodation|"
    # "never"/"nunca" only with what did not come (_MISSING): "i never signed it" is a matter for a person
    r"wheelchair|silla de ruedas|" + _MISSING + r"|never (?:got|get|received|showed up)|nunca (?:me )?(?:dieron|mandaron|enviaron))\b"
)


# A filing mailed to the wrong place is not a move (O1): "i mailed my i-90 renewal to the
# wrong address and want to know if i need to send it again" is a matter for a person.
# Only the applicant's own sending: "uscis sent my card to my old address" is a card not received (E1).
_MAILED_TO_WRONG_PLACE = re.compile(
    r"(\b(i|we)\b(\s+\S+){0,2}?\s+(mailed|sent|shipped|filed|mistakenly sent)|\b(envie|enviamos|mande|mandamos))\b"
    r"(\s+\S+){0,6}?\s+(to|at|a|en)\s+(the\s+|la\s+|una\s+|an\s+|a\s+)?"
    r"((wrong|incorrect|old|another)\s+(address|lockbox|office|location|place)"
    r"|(direccion|oficina|lugar)\s+(equivocad[ao]|incorrect[ao]|vieja|anterior))\b"
)


def mailed_to_wrong_place(text: Optional[str]) -> bool:
    """True when the applicant sent a filing to the wrong address (not a change of address)."""
    return bool(_MAILED_TO_WRONG_PLACE.search(clean(text)))


# A letter that came, with what it says: not a notice that did not arrive (E1).
_LETTER_CAME = re.compile(
    r"\b(got|received|recibi|me llego|llego|came|arrived|have|tengo)\b(\s+\S+){0,3}?\s+(a |an |the |una |un |el |la )?(letter|notice|carta|aviso)\b"
    r"|\b(letter|notice|carta|aviso)\b(\s+\S+){0,3}?\s+(saying|says|that says|dice|que dice|diciendo|pidiendo|pidiendome|asking)\b"
)
_MAIL_MISSING = re.compile(r"\b(" + _MISSING + r")\b")


def letter_came(text: Optional[str]) -> bool:
    """True when the applicant tells of a letter or notice that came ("i got a letter saying i
    missed my biometrics"), not of one that is missing."""
    cleaned = clean(text)
    return bool(_LETTER_CAME.search(cleaned)) and not _MAIL_MISSING.search(cleaned)


# Mail about another person's case sent to the applicant (test set 6: filed as a typo).
_SOMEONE_ELSES = re.compile(
    r"\b((somebody|someone|some one) elses?|another persons?|other persons?|a different (person|name)|not (mine|my case|my name)|"
    r"otra persona|alguien mas|de otro|de otra|no es (mio|mia|mi caso|mi nombre)|otro nombre)\b"
)


_MAIL_OPENED = re.compile(r"\b(letter|notice|card|carta|aviso|tarjeta|envelope|sobre)\b.*\b(inside|adentro|dentro)\b")


def someone_elses_mail(text: Optional[str]) -> bool:
    """True when a letter or card that came (or was opened) is about another person's case."""
    cleaned = clean(text)
    return bool(_SOMEONE_ELSES.search(cleaned)) and (letter_came(text) or bool(_MAIL_OPENED.search(cleaned)))


def live_topic_stated(text: Optional[str], receipt_given: bool) -> Optional[str]:
    """What a request for a person is about, when the request says it (G1).

    "a live agent about my case EAC..." is a status check, served first by the assistant;
    "call me back at ..., i got charged twice for my fee" is a matter only a person handles
    ("other"); anything that could be a self-help topic is None, and the topic is asked.
    """
    cleaned = clean(text)
    if (receipt_given and _STATUS_WORDS.search(cleaned)) or _ABOUT_STATUS.search(cleaned):
        return "check_case_status"
    if mailed_to_wrong_place(text):
        return "other"
    if _SELF_HELP_WORDS.search(_WHERE_TO_SEND.sub(" ", cleaned)):
        return None
    if len(cleaned.split()) >= 7 and _REASON_GIVEN.search(cleaned):
        return "other"
    # What follows "i need a person" is what it is about, though no "about"/"because" says so:
    # "hola?? necesito hablar con una persona de verdad, mande mi solicitud sin firmar".
    said = [w for w in clean(person_requests.after_the_request(text)).split() if w not in _NO_TOPIC_WORDS]
    if len(said) >= _TOPIC_WORDS:
        return "other"
    return None


_TOPIC_WORDS = 4
# Said after "i need a person" without saying what about: "ahora mismo por favor", "right now please".
_NO_TOPIC_WORDS = frozenset("""
    now right away asap immediately today please pls plz thanks thank you real actual live human person agent
    ahora mismo ya hoy por favor porfa gracias de verdad real urgente urgent rapido quickly fast i need want a the
    to talk speak with someone somebody alguien hablar con un una persona agente representante necesito quiero
    ok okay hi hello hola buenas or o whoever whomever in charge is supervisor manager boss jefe encargado
    quien sea el que mas someone else alguien mas
""".split())


# What applicants need named in their own words (E1, accommodation): "I will need an ASL
# interpreter", "voy en silla de ruedas". Said when asking, it answers "What accommodation do
# you need?" (hand test: it was asked again).
_ACCOMMODATION = re.compile(
    r"\b(interpreter|interprete|asl|sign language|lengua(je)? de senas|wheel ?chair|silla de ruedas|braille|deaf|sordo|"
    r"sorda|blind|ciego|ciega|hard of hearing|hearing (aid|impair\w*)|oxygen|oxigeno|service (animal|dog)|"
    r"animal de servicio|perro de servicio|large print|letra grande|walker|andadera|crutches|muletas|ramp|rampa|"
    r"home visit|visita (a|en) (casa|domicilio)|bedridden|en cama|can'?t walk|cannot walk|no puedo caminar)\b"
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
)

# A missing card or notice told with where it should have gone (E1): "it should of come to 1420
# elm st apt 3 houston tx 77036", "la tenian que mandar a 300 s main st, san antonio tx 78204".
_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[nsew]\.?\s+)?(?:[a-z0-9]+\s+){0,3}(st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|"
    r"ct|court|way|pl|place|pkwy|parkway|hwy|highway|cir|circle|ter|terrace|trl|trail)\b"
    r"|\b(calle|avenida|av|blvd|camino|carretera)\s+[a-z0-9]+(\s+[a-z0-9]+){0,3}\s+\d{1,6}\b"
    r"|\b(apt|apartment|apartamento|unit|suite|depto)\s*#?\s*\d+\w?\b"
)


def _whole_if(pattern: "re.Pattern[str]", text: Optional[str]) -> Optional[str]:
    """The message as typed (bounded) when `pattern` finds what it states, else None."""
    return (text or "").strip()[:MAX_STATED_CHARS] if pattern.search(clean(text)) else None


def typo_stated(text: Optional[str]) -> Optional[str]:
    """The message as the typo's details when it says what is wrong and what is right, else None."""
    return _whole_if(_TYPO_TOLD, text)


def accommodation_stated(text: Optional[str]) -> Optional[str]:
    """The message as the accommodation's details when it names the accommodation, else None."""
    return _whole_if(_ACCOMMODATION, text)


def missing_mail_stated(text: Optional[str]) -> Optional[str]:
    """The message as a missing card's or notice's details when it says where it should have
    gone (an address), else None."""
    return _whole_if(_ADDRESS, text)


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


# The reply to "If it hasn't arrived, I can file ... Shall I?" that says it has not: "nope never
# got it", "never", "todavia no", "nunca me llego". A yes to the offer, though it opens with "no".
_STILL_MISSING = re.compile(r"\b(" + _MISSING + r"|never|nunca|not yet|todavia no|aun no|no todavia|still no|still nothing|nothing yet|nada todavia|nada aun)\b")


def still_missing(text: Optional[str]) -> bool:
    """True when the reply says the card or notice has still not arrived (S4's offer: file it)."""
    return bool(_STILL_MISSING.search(clean(text)))


_CARD_NAMED = re.compile(r"\b(card|cards|tarjeta|tarjetas|mica|micas|ead|green ?card|permiso de trabajo|work permit)\b")
_NOTICE_NAMED = re.compile(r"\b(notice|notices|letter|letters|aviso|avisos|carta|cartas|i-?797\w*)\b")


# Mail that did not come (not lost or stolen once it came: that is a replacement, I-90).
_NEVER_CAME = re.compile(
    r"\bnever (came|come|arrived|got (it|here)|showed up|shown up|received)\b|"
    r"\b(did not|didnt|has not|hasnt|have not|havent|not) (come|arrive|arrived|received|gotten|shown up|showed up)\b|"
    r"\bno (me )?(ha |han )?(llego|llegado|llega)\b|\bnunca (me )?(llego|llega|recibi)\b|\bno (la |lo )?(he )?recibi(do)?\b|"
    r"\btodavia no (me )?(llega|llego|recibo)\b"
)


def mail_missing(text: Optional[str]) -> Optional[str]:
    """E1: "card" or "notice" when the message says that mail never came ("nunca me llego la
    mica, ya me la habian aprobado"), else None."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    named = mail_named(cleaned)
    return named if named in ("card", "notice") and _NEVER_CAME.search(cleaned) else None


def mail_named(text: Optional[str]) -> Optional[str]:
    """The kind of mail the message names: "card", "notice", "both", or None (neither)."""
    cleaned = clean(text)
    card, notice = bool(_CARD_NAMED.search(cleaned)), bool(_NOTICE_NAMED.search(cleaned))
    return "both" if card and notice else "card" if card else "notice" if notice else None


# News of the case told, not a question about it: "my naturalization got approved!! how do i get
# a us passport now" asks only about the passport (G7).
_DECISION_TOLD = re.compile(
    r"\b(got|was|been|is|just|finally|already|ya|fue|me|le|nos|les)\s+(approved|aprobad[oa]s?|aprobaron|aprobo)\b"
)


def decision_told(text: Optional[str]) -> bool:
    """True when the message tells that the case was approved (news, not a status request)."""
    return bool(_DECISION_TOLD.search(clean(text)))


# X3's documents told with the request: "HR gave me a letter saying that", "tengo la carta del
# doctor", "i have the layoff notice and my bank statements". The sentence that names them is the answer.
_DOCUMENTS_TOLD = re.compile(
    r"\b(letter|carta|note|nota|notice|aviso|records?|expediente|statements?|estados? de cuenta|report|reporte|informe|"
    r"certificate|certificado|constancia|orders|ordenes|proof|prueba|pruebas|documents?|documentos?|papers|papeles)\b"
)
_DOCUMENTS_HELD = re.compile(
    r"\b(i have|i got|ive got|i can send|i can provide|gave me|sent me|wrote me|tengo|traigo|me dio|me mandaron|"
    r"me dieron|puedo mandar|puedo enviar|le puedo mandar|attached|adjunto)\b"
)


def documents_stated(text: Optional[str]) -> Optional[str]:
    """The sentence that says which documents the applicant has (X3), else None."""
    for sentence in re.split(r"(?<=[.!?;])\s+", (text or "").strip()):
        cleaned = clean(sentence)
        if _DOCUMENTS_TOLD.search(cleaned) and _DOCUMENTS_HELD.search(cleaned):
            return sentence.strip()[:MAX_STATED_CHARS]
    return None


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
    r"case|caso|appointment|appt|cita|expedite|aceler\w*|reschedul\w*|cambiar|move|mover)\b|\?"
)


def introduces_writer(text: Optional[str]) -> bool:
    """True when the words only say who is writing and for whom, asking nothing."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_WRITER_ROLE.search(cleaned) and _WRITES_FOR.search(cleaned)) and not _ASKS_SOMETHING.search(cleaned) \
        and len(cleaned.split()) <= 20


# Mail that came after all, told with another case's number: "ese no, la tarjeta ya llego. el otro
# es TSC..." at the card offer (test set 8: a card-not-received request was started).
_MAIL_CAME = re.compile(
    r"\b(ya (me |nos |le )?(llego|llegaron|la recibi|lo recibi|la tengo|lo tengo)|already (came|arrived|got it|have it)|"
    r"i got (it|the card|my card)|(card|tarjeta|mica|notice|carta) (already )?(came|arrived|llego)|it came)\b"
)


def mail_came(text: Optional[str]) -> bool:
    """True when the message says the card or notice came, and nothing says one is missing."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_MAIL_CAME.search(cleaned)) and not _NEVER_CAME.search(cleaned)


# A case file sent on to another office or agency, not mail to the applicant: "the NVC says uscis
# never sent them the case" (test set 8: filed as a notice not received; no e-Request serves it).
_CASE_SENT_ON = re.compile(
    r"\b(sent|send|sending|transferr?\w*|forward\w*|mand\w*|envi\w*|transfiri\w*|pas\w*)\b(\s+\S+){0,4}?\s+(the |my |el |mi |su )?"
    r"(case|file|caso|expediente)\b|\b(nvc|national visa center|centro nacional de visas|consulate|consulado|embassy|embajada)\b"
)


def case_sent_on(text: Optional[str]) -> bool:
    """True when the message is about a case file sent on to another office, with no mail named."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_CASE_SENT_ON.search(cleaned)) and mail_named(cleaned) is None


# Two people given one A-number: records mixed up, which no typo request mends (test set 8: filed as a typo).
_ONE_NUMBER_FOR_TWO = re.compile(
    r"\b(the )?same (a|alien|a-) ?(number|#)\b|\b(el )?mismo (numero a|numero de extranjero|a number|numero de registro)\b"
)


def records_mixed_up(text: Optional[str]) -> bool:
    """True when the message tells of two people given the same A-number."""
    return bool(_ONE_NUMBER_FOR_TWO.search(clean((text or "")[:MAX_STATED_CHARS])))


# Asking to move an appointment, in so many words: "quiero cambiar la entrevista de la residencia,
# es el 17/12 a las 10" (test set 8: the date made the classifier unsure between a request and an answer).
_MOVE_ASKED = re.compile(
    r"\b(cambiar|cambiarla|cambiarlo|mover|moverla|reprogramar|reprogramarla|posponer|aplazar|reagendar|"
    r"reschedul\w*|move|change|postpone|push back)\b"
)


def move_asked(text: Optional[str]) -> bool:
    """True when the message asks to move an appointment it names."""
    from contact_center import appointments

    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_MOVE_ASKED.search(cleaned)) and appointments.named_in(cleaned) is not None


# A question announced, not yet asked: "i have a question", "tengo una pregunta" (test set 8 in other
# words: "Sorry, I didn't understand" and "¿Hay algo más?"). What the assistant can help with is said.
_QUESTION_ANNOUNCED = re.compile(
    r"^((hi|hello|hey|hola|buenas|buenos dias|buenas tardes|ok|okay|um|so|pues|oiga|disculpe)\s+)*"
    r"(i (have|got) (a |one )?(quick |small )?(question|doubt)|(a )?quick question|(tengo|tenia) (una )?(pregunta|duda|consulta)( rapida)?|"
    r"una (pregunta|consulta|duda)|can i ask (you )?(a |something)( question)?|puedo (hacerle|hacer) una pregunta)"
    r"(\s+(please|pls|por favor|porfa))?$"
)


def question_announced(text: Optional[str]) -> bool:
    """True when the whole message only says a question is coming."""
    return bool(_QUESTION_ANNOUNCED.match(clean((text or "")[:200])))


# Told up front, without the word covid: "shes not sick", "no estoy enferma ni nada" (test set 9: asked).
_NOT_SICK_TOLD = re.compile(
    r"\b(not sick|isnt sick|is not sick|arent sick|no symptoms|sin sintomas|ningun sintoma|healthy|"
    r"no (estoy|esta|estamos|esta nadie) enferm[oa]s?|ni enferm[oa]|nadie esta enferm[oa])\b"
)


def not_sick_told(text: Optional[str]) -> bool:
    """True when the message says, unasked, that the one with the appointment is not ill (R4)."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_NOT_SICK_TOLD.search(cleaned)) and not _ILL_NOW.search(_NOT_SICK_TOLD.sub(" ", cleaned))



# A move or a person refused in so many words: "no quiero cambiar la cita de la entrevista, solo saber
# si sigue en pie", "i dont need a person anymore" (test set 10: a reschedule started, a queue joined).
_MOVE_DECLINED = re.compile(
    r"\b(dont|don't|do not|no|not|ni) (want|need|trying|looking|quiero|necesito|busco|pienso|voy a)( to)? "
    r"(re-?schedul\w*|move|change|cambiar\w*|mover\w*|reprogramar\w*|reagendar\w*)\b"
)
_PERSON_DECLINED = re.compile(
    r"\b(dont|don't|do not|no|ya no) (want|need|quiero|necesito|ocupo)( to (talk|speak) (to|with))?( hablar con)? "
    r"(a |an |the |un |una |ningun |ninguna )?(real |live )?(person|human|agent|representative|rep|persona|agente|representante|humano)"
    r"( anymore| ya| mas)?\b"
)


def move_declined(text: Optional[str]) -> bool:
    """True when the message says the applicant does not want the appointment moved, and asks
    for no move elsewhere ("i dont want to change my address, i need to move my interview")."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_MOVE_DECLINED.search(cleaned)) and not _MOVE_ASKED.search(_MOVE_DECLINED.sub(" ", cleaned))


def without_person_declined(text: Optional[str]) -> str:
    """The message (cleaned) with the refusal of a person taken out."""
    return _PERSON_DECLINED.sub(" ", clean((text or "")[:MAX_STATED_CHARS]))


def person_declined(text: Optional[str]) -> bool:
    """True when the message says the applicant does not want a person."""
    return bool(_PERSON_DECLINED.search(clean((text or "")[:MAX_STATED_CHARS])))


# What a typo is about, named: a name, a date, a spelling (E1).
_TYPO_WORDS = re.compile(
    r"\b(name|last name|first name|surname|spell\w*|typo|misspel\w*|date of birth|birth ?date|born|letter [a-z]|"
    r"nombre|apellido|escrit[oa]|letra|fecha de nacimiento|naci|nacimiento|con (z|s|c|y|ll|h|v|b)|with (a|an|one|two) \w+)\b"
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


# Asking for a case to be looked up: "revise LIN...", "checa el ...", "look up ...".
_CHECK_ASKED = re.compile(r"\b(revise|revisa|revisen|reviseme|cheque|checa|chequea|chequee|checame|mire|mira|consulte|"
                          r"consulta|check|look up|lookup|look at|pull up)\b")


def check_asked(text: Optional[str]) -> bool:
    """True when the message asks for a case to be looked up."""
    return bool(_CHECK_ASKED.search(clean((text or "")[:MAX_STATED_CHARS])))
