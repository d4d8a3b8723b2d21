"""Why the applicant writes, stated: the urgent reason (U2), the expedite claim and its documents (X2, X3),
danger denied (G6), an appointment asked for (U5), an appointment that cannot be kept or is to be moved (R1)."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from contact_center import answers
from contact_center.answers import URGENT_WORDS, clean, first_match
from contact_center.text import fold
from contact_center.stated.clauses import MAX_STATED_CHARS, clauses, says

_DANGER_DENIED = re.compile(
    r"\b(not|no one|noone|nobody|nadie|no hay nadie|no estoy|no estamos|ninguno)('s|s)?\b(\s+\w+){0,3}\s+(danger|peligro)\b"
    # "no es peligro ni nada", "no hay peligro", "no danger", "nothing dangerous", "not dangerous"
    r"|\b(no es|no hay|no|sin|nothing|not|nada)\s+(de\s+)?(danger|dangerous|peligro|peligroso|peligrosa)\b"
)


_APPOINTMENT_ASKED = re.compile(
    r"\b(need|want|request|get|necesito|quiero|pedir|solicitar)\b(\s+\w+){0,3}\s+"
    r"(urgent|emergency|expedited|urgente|emergencia)?\s*(appointment|cita)\b"
    r"|\b(urgent|emergency) appointment\b|\bcita (urgente|de emergencia)\b"
    # "i need to go to a field office urgently", "tengo que ir a la oficina de uscis"
    r"|\b(go|come|get|ir|acudir|presentarme)\b(\s+\w+){0,2}?\s+(to|a)\s+(the |a |an |una |la |el )?"
    r"(field |local |uscis |de uscis )?(office|oficina)\b"
    # "but yeah i need to go in person", "necesito ver a alguien en la oficina", "quiero el sello antes"
    # (the stamp in a passport is put at an office, in person) (test set 11)
    r"|\b(need|want|get|quiero|necesito)\b(\s+\w+){0,3}?\s+(stamp|sello)\b"
    r"|(?<!do i )(?<!should i )(?<!will i )\b(need|have|got|tengo que|necesito|debo)( to)? (go|come|be seen|appear|ir|presentarme|acudir)(\s+\w+){0,2}? (in person|en persona)\b"
    r"|\b(see|ver a) (somebody|someone|a person|an officer|alguien|una persona|un oficial) (at|in|en) (the |la )?(field |local )?(office|oficina)\b"
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
    return says(_CANT_ATTEND, text)


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
    if answers.urgency_denied(cleaned) and found != "medical_emergency":
        # "i said urgent but honestly its not ... no rush": U4, not asked (test set 14). Said in so many
        # words, it outweighs a word that only sounds like a reason: "el sello pal trabajo nuevo, no es
        # urgente" is no loss of a job (test set 16: sent to Tier 2).
        return answers.NONE
    if found in (None, "family_emergency_travel") and answers.leisure_told(cleaned):
        # A trip for pleasure told as the reason ("en mayo me voy de vacaciones a Guadalajara, quiero
        # el sello antes"): U4, not asked again (test set 11). A sister's wedding is no emergency.
        return answers.NONE
    if found == "family_emergency_travel" and not _FAMILY_OR_EMERGENCY.search(cleaned):
        # "i have to go in person to get my passport stamped so i can travel": travel, but no
        # family emergency told; the reason is asked (test set 7), unless the urgency is taken back.
        return answers.NONE if answers.urgency_denied(cleaned) else None
    return found


def appointment_need_answered(text: Optional[str]) -> Optional[bool]:
    """U5's answer to "Do you need an urgent appointment because of this?": a yes or no, an
    appointment asked for, or the urgent reason told in answer ("my daughter is in intensive care
    in Lagos, i need to fly there this week and my advance parole hasnt come"): why it is needed."""
    said = answers.yes_no(text)
    if said is not None:
        return said
    return appointment_asked(text) or (True if urgent_reason_stated(text) else None)


def appointment_needed(text: Optional[str], earlier: Sequence[str] = ()) -> Optional[bool]:
    """U5 answered unasked: an appointment asked for in this message, or, when this message tells
    the urgent reason, in an earlier message of the same request (`earlier`)."""
    if appointment_asked(text):
        return True
    if urgent_reason_stated(text) and any(appointment_asked(t) for t in earlier):
        return True
    return None


_FAMILY_OR_EMERGENCY = re.compile(
    r"\b(family|familia|famil\w*|mom|mother|mama|madre|dad|father|papa|padre|parents?|padres|son|daughter|hijo|hija|hijos|"
    r"brother|sister|hermano|hermana|grand\w*|abuel\w*|abuel[oa]|wife|husband|esposa|esposo|tio|tia|uncle|aunt|cousin|primo|prima|"
    r"funeral|dying|murien\w*|muri\w*|falleci\w*|passed|died|sick|enferm\w*|hospital\w*|emergenc\w*|accident\w*|grave|critical)\b"
)


# A phone number's label is no story: "cel 718 555 0138 y trabajo 718 555 0102" (test set 13: read as
# a job at stake, so the expedite asked after a callback skipped its reason).
_PHONE_LABELLED = re.compile(
    r"\b(?:my |mi |el |del |de )?(?:work|job|office|trabajo|oficina|chamba|jale)(?: (?:number|phone|cell|numero|telefono|cel))?"
    r"(?: (?:is|es|:))?(?= \+?\(?\d)"
)


def expedite_criterion_stated(text: Optional[str]) -> Optional[str]:
    """X2's claim in a message that tells its story ("my mother has terminal cancer", "i lose
    my job on the 30th"). The names of forms go first: "permiso de trabajo" is a work permit,
    not a job at stake."""
    from contact_center.form_types import without_common_names

    cleaned = _PHONE_LABELLED.sub(" ", clean(without_common_names(fold(text or "").lower())))
    found = answers.criterion_named(cleaned)
    if found is None and answers.wait_as_reason(cleaned):
        return answers.NONE  # "ya me canse de esperar, llevo 14 meses": the wait is no X2 reason
    return found


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


# A letter told as news, USCIS's own ("ustedes se equivocaron, me mandaron una carta diciendo que no fui
# a las huellas"): what went wrong, not a document the applicant will send (test set 13: filed as X3's).
_LETTER_AS_NEWS = re.compile(
    r"\b(me mandaron|me enviaron|me llego|recibi|they sent me|i got|i received|uscis sent me)\s+(una |un |a |the |la |el )?"
    r"(letter|carta|notice|aviso|email|correo)\s+(saying|that says|that said|telling me|diciendo|que dice|que decia|que me decia)\b"
    r"|\b(uscis|ustedes|you guys|you all)\b(\s+\w+){0,4}\s+(sent|mandaron|enviaron|me mandaron|me enviaron)\b"
)


# Notice given, the idiom, without an article: "el dueno ya me dio aviso de desalojo", "my landlord gave
# me notice": being told to leave is the reason, no document offered (test set 14: filed as X3's documents).
_NOTICE_GIVEN = re.compile(r"\b(me |nos |le )?(dio|dieron|da|dan|ha dado|han dado) aviso\b|\bgave (me|us) notice\b")


def documents_stated(text: Optional[str]) -> Optional[str]:
    """The sentence that says which documents the applicant has (X3), else None."""
    for sentence in re.split(r"(?<=[.!?;])\s+", (text or "").strip()):
        cleaned = _NOTICE_GIVEN.sub(" ", clean(sentence))
        if _LETTER_AS_NEWS.search(cleaned):
            continue
        if _DOCUMENTS_TOLD.search(cleaned) and _DOCUMENTS_HELD.search(cleaned):
            return sentence.strip()[:MAX_STATED_CHARS]
    return None


# Asking to move an appointment, in so many words: "quiero cambiar la entrevista de la residencia,
# es el 17/12 a las 10" (test set 8: the date made the classifier unsure between a request and an answer).
MOVE_ASKED = re.compile(
    r"\b(cambiar|cambiarla|cambiarlo|mover|moverla|reprogramar|reprogramarla|posponer|aplazar|reagendar|"
    r"reschedul\w*|move|change|postpone|push back)\b"
)


# A move asked for of "it", the appointment named before: "ok fine, actually yes move it", "bueno, pensandolo
# bien si, cambiemela" (test set 14: referred again, or read as nothing).
_MOVE_IT = re.compile(
    r"\b(move it|reschedule it|change it|push it( back)?|postpone it|cambiemela|cambiemelo|cambiela|cambielo|cambiarla|cambiarlo|"
    r"cambiarmela|cambiarmelo|muevala|muevalo|moverla|moverlo|movermela|reprogramela|reprogramelo|reprogramarla|reprogramarlo|"
    r"posponerla|posponerlo)\b"
)


def move_of_it_asked(text: Optional[str]) -> bool:
    """True when the words ask to move "it" (an appointment named before), with no appointment of their own."""
    return says(_MOVE_IT, text)


def move_asked(text: Optional[str]) -> bool:
    """True when the message asks to move an appointment it names."""
    from contact_center import appointments

    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(MOVE_ASKED.search(cleaned)) and appointments.named_in(cleaned) is not None


# An expedite asked for in so many words, after another request: "and also expedite it", "y se puede
# acelerar?" (test set 11: read as an answer, "inform", and the request was taken whole as an expedite).
_EXPEDITE_ASKED = re.compile(r"\b(expedite\w*|speed (?:it |this |that )?up|rush (?:it|this|my)|acelerar\w*|agilizar\w*|"
                             r"apurar\w*|adelantar(?:lo|la)?|aceleren|agilicen|apuren|"
                             # "i need my travel document processed faster" (issue 11)
                             r"process\w*(?: \w+){0,3} (?:faster|quicker|sooner)|"
                             r"(?:procesen|aprueben|resuelvan|saquen)(?: \w+){0,3} mas (?:rapido|pronto))\b")


def expedite_asked(text: Optional[str]) -> bool:
    """True when the words ask for a case to be expedited."""
    return says(_EXPEDITE_ASKED, text)
