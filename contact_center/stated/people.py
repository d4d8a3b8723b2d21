"""What a request for a person is about (G1)."""
from __future__ import annotations

import re
from typing import Optional

from contact_center import person_requests
from contact_center.answers import clean
from contact_center.stated.case_questions import ABOUT_STATUS, STATUS_WORDS
from contact_center.stated.clauses import MAX_STATED_CHARS
from contact_center.stated.mail import MISSING, mailed_to_wrong_place

_REASON_GIVEN = re.compile(
    r"\b(about|because|regarding|i got|i was|they|saying|says|told me|sobre|porque|acerca|me cobraron|me negaron|me dijeron|"
    r"me dijo|me llego|dice que|es de|es por)\b"
)


# "... pero no me dijo a que direccion": where to send something, not a change of address.
_WHERE_TO_SEND = re.compile(r"\b(a que direccion|a cual direccion|what address|which address|where to send|donde (?:lo |la )?mando)\b")


# Words of topics the assistant serves itself (G1): with them, the topic is asked, not guessed.
# A card or a letter is one only when it is missing or wrong (E1): "a letter saying my
# application was abandoned and i dont get why" came, and is a matter for a person.
_SELF_HELP_WORDS = re.compile(
    r"\b(address|direccion|moved|mude|typo|error|mistake|wrong|mal escrit[oa]|equivocad[oa]|reschedul\w*|"
    r"appointment|cita|expedit\w*|faster|acelerar|status|estatus|processing|tramite|accommodation|"
    # "never"/"nunca" only with what did not come (MISSING): "i never signed it" is a matter for a person
    r"wheelchair|silla de ruedas|" + MISSING + r"|never (?:got|get|received|showed up)|nunca (?:me )?(?:dieron|mandaron|enviaron))\b"
)


def live_topic_stated(text: Optional[str], receipt_given: bool) -> Optional[str]:
    """What a request for a person is about, when the request says it (G1).

    "a live agent about my case EAC..." is a status check, served first by the assistant;
    "call me back at ..., i got charged twice for my fee" is a matter only a person handles
    ("other"); anything that could be a self-help topic is None, and the topic is asked.
    """
    cleaned = clean(text)
    if (receipt_given and STATUS_WORDS.search(cleaned)) or ABOUT_STATUS.search(cleaned):
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
    now right away asap immediately today please thanks thank you real actual live human person agent
    ahora mismo ya hoy por favor gracias de verdad real urgente urgent rapido quickly fast i need want a the
    to talk speak with someone somebody alguien hablar con un una persona agente representante necesito quiero
    ok okay hi hello hola buenas or o whoever whomever in charge is supervisor manager boss jefe encargado
    quien sea el que mas someone else alguien mas
""".split())
