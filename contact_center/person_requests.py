"""A person asked for in so many words, at the start of a message (G1).

"agent please, its about a letter saying my I-131 was abandoned ... my numbers are ..." is
a request for a representative with its topic and numbers after it; read whole, the
classifier could not place it and the applicant was asked to say it another way. The words
that ask for a person are few and plain, in English and Spanish; they count only near the
start, so "the officer at my interview told me to talk to someone" stays what it is.
"""
from __future__ import annotations

import re
from typing import Optional

from contact_center.text import fold, squeeze

_PERSON = (r"(?:a |an |the |some |un |una |algun |alguna )?(?:real |live |actual |human |uscis |persona |de )?"
           r"(?:human|person|people|agent|representative|rep|operator|officer|someone|somebody|"
           r"agente|representante|persona|humano|operador|oficial|alguien)")
_ASKS = re.compile(
    # greetings and blessings before it: "good morning god bless, i need to speak with a representative" (test set 17)
    r"^(?:(?:hi|hello|hey|ok|okay|please|pls|plz|hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|oiga|disculpe|"
    r"por favor|good (?:morning|afternoon|evening|day)|god bless(?: you(?: all)?)?|bless you|dios (?:le|los|te) bendiga|"
    r"bendiciones|saludos|greetings|dear sir|dear madam|estimados?)[\s,.!?]+)*(?:"
    # "agent please", "representative!!", "human pls", "agente por favor"
    rf"(?:agent|representative|rep|operator|human|live agent|real person|live person|agente|representante|operador|"
    rf"persona real|un humano)(?:\s+(?:please|pls|plz|now|por favor|ya))?\s*(?:[,.!?;:]|$)|"
    # "i want to talk to a real person", "can i speak with an agent", "let me talk to someone real"
    rf"(?:i |id |i d )?(?:want|need|wanna|would like|like|have|gotta)?\s*(?:to )?(?:talk|speak|chat)\s+(?:to|with)\s+{_PERSON}\b|"
    rf"(?:can|could|may) i (?:please )?(?:talk|speak|chat)\s+(?:to|with)\s+{_PERSON}\b|"
    # "i need a live person, ...", "i want a real human"
    rf"(?:i |id |i d )?(?:want|need|wanna|would like)\s+(?:a|an)\s+(?:real |live |actual )?"
    rf"(?:person|human|agent|representative|rep|operator)\b(?! payee)|"
    rf"let me (?:talk|speak|chat)\s+(?:to|with)\s+{_PERSON}\b|"
    rf"(?:get|give|put|transfer|connect|pass) me (?:to |with |through to )?{_PERSON}\b|"
    # "quiero hablar con un agente", "necesito hablar con una persona", "paseme con un representante"
    rf"(?:quiero|necesito|quisiera|puedo|me deja|me puede)?\s*(?:hablar|platicar|comunicarme|chatear)\s+con\s+{_PERSON}\b|"
    rf"(?:quiero|necesito|quisiera)\s+(?:un|una)\s+(?:agente|representante|persona|humano|operador)\b|"
    # "necesito que alguien me ayude: ...", "ocupo que una persona me atienda" (test set 14: answered about the RFE
    # its story named); "i need someone to help me with ..."
    rf"(?:quiero|necesito|ocupo|quisiera)\s+que\s+(?:alguien|una persona|un agente|un representante)\s+me\s+"
    rf"(?:ayude|atienda|explique|llame)\b|"
    rf"(?:i |id |i d )?(?:need|want|would like)\s+(?:someone|somebody|a person|a human|an agent)\s+to\s+(?:help|call|explain)\b|"
    rf"(?:paseme|pasame|pasenme|comuniqueme|comunicame|conecteme|conectame)\s+con\s+{_PERSON}\b)"
)


def _normal(text: Optional[str]) -> str:
    # Punctuation kept: "agent please, ..." and "representative!" end where "representative payee" does not.
    return " ".join(re.sub(r"[^\w\s'.,!?;:]", " ", squeeze(fold(text or "")).lower()).split())


def asks_for_a_person(text: Optional[str]) -> bool:
    """True when the message opens by asking for a representative, whatever follows."""
    return bool(_ASKS.match(_normal(text)))


def after_the_request(text: Optional[str]) -> str:
    """What follows the request for a person ("" when the message does not open with one):
    "hola?? necesito hablar con una persona de verdad, mande mi solicitud sin firmar" ->
    "mande mi solicitud sin firmar" (folded)."""
    normal = _normal(text)
    found = _ASKS.match(normal)
    return normal[found.end():].strip(" ,.!?;:") if found else ""
