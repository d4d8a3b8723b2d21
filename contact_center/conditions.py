"""A request made on a condition about the one before it (issue 13, test set 9).

"check my status EAC... and if its approved i need to change my address", "si me lo
negaron quiero saber como apelo", "si no se puede por internet entonces que me llame
alguien": the second request is wanted only when the first one's answer meets the
condition. Taken whole, one of the two was lost; taken both, a callback was set up for an
appointment the applicant could move online (G1). Here a part's condition is only read
(plain Python, on folded text); whether what the assistant just answered meets it is the
rulebook's decision (rules.conditional_part, S1/S4/G1), asked by the channel
(applicant_channels/several_requests.py) at the moment the part would be taken.
"""
from __future__ import annotations

import re
from typing import Optional

from contact_center.text import fold

# "if" / "si" and what may come before the fact: "if its", "si ya me lo", "if my case was".
# A bare "si," is a yes, never a condition.
_IF = r"(?:if|si)\b(?!\s*[,.!])"
_SUBJECT = (r"(?:\s+(?:it|its|it's|it is|it was|it got|they|they've|theyve|they have|my case|the case|my case is|"
            r"my case was|my case got|the card|my card|my interview|the interview|is|was|got|has been|"
            r"ya|me|lo|la|le|se|mi caso|el caso|mi caso ya|ya me|me lo|me la|ya me lo|ya me la|esta|fue|salio|"
            r"already|is already|was already|has|have|is it|it's been|its been|my|the|mi|el|our|nuestro|nuestra))*")
_CONDITIONS = (
    ("denied", re.compile(rf"^{_IF}{_SUBJECT}\s+(?:denied|rejected|negad[oa]s?|negaron|nego|rechazad[oa]s?|rechazaron|rechazo)\b")),
    ("approved", re.compile(rf"^{_IF}{_SUBJECT}\s+(?:approved|aprobad[oa]s?|aprobaron|aprobo|aprueban)\b")),
    ("card_mailed", re.compile(
        rf"^{_IF}{_SUBJECT}\s+(?:mailed|sent|shipped|mandaron|enviaron|envio|mando|mandado|enviado)\b"
        r"(?:\s+(?:out|the|my|it|la|el|mi|me|ya))*\s*(?:card|green card|tarjeta|mica|residencia|permiso|it|la|lo)?")),
    ("interview_scheduled", re.compile(
        rf"^{_IF}{_SUBJECT}\s+(?:(?:interview|entrevista)\s+(?:is\s+|was\s+|has been\s+|esta\s+|ya\s+)*(?:already\s+)?"
        r"(?:scheduled|set|booked|programad[oa]|agendad[oa])|(?:scheduled|set up|programaron|agendaron|dieron)\s+"
        r"(?:my\s+|the\s+|la\s+|mi\s+)?(?:interview|entrevista))\b")),
    ("biometrics_scheduled", re.compile(
        rf"^{_IF}{_SUBJECT}\s+(?:(?:biometrics?|fingerprints?|huellas|biometricos)\s+(?:is\s+|are\s+|was\s+|esta\s+|estan\s+)?"
        r"(?:already\s+)?(?:scheduled|set|programad[oa]s?)|(?:scheduled|programaron|dieron)\s+(?:my\s+|the\s+|la cita de\s+|las\s+)?"
        r"(?:biometrics?|fingerprints?|huellas))\b")),
    ("not_online", re.compile(
        rf"^{_IF}\s+(?:(?:i|it|that|this|you|eso|esto|lo|la|no)\s+)?(?:can'?t|cannot|can not|couldn'?t|won'?t|doesn'?t work|"
        r"isn'?t possible|not possible|not|no se puede|no puedo|no (?:lo|la) puedo|no funciona|no se pudo|no sirve)\b"
        r"(?:\s+\w+){0,4}?\s+(?:online|on line|on the website|in my account|por internet|en linea|en la pagina|en mi cuenta)\b")),
)
# The words between a cut and its condition: "and if", ", y si", "but if".
_LEAD = re.compile(r"^(?:and|but|y|pero|o|or|so|entonces)\s+")


def condition_of(text: str) -> Optional[str]:
    """The kind of condition a part opens with, or None ("if its approved i need ..." -> approved)."""
    folded = fold(text or "").lower().strip(" ,.¿¡")
    folded = _LEAD.sub("", folded)
    for kind, pattern in _CONDITIONS:
        if pattern.search(folded):
            return kind
    return None


_OPENING = re.compile(r"^\s*(?:(?:and|but|y|pero|o|or|so|entonces)\s+)?(?:if|si)\s+", re.IGNORECASE)


# Conditions on a decision are cut out whole: their words ("si me lo negaron") read as a status
# request. Conditions on an appointment keep its name ("if my interview is scheduled i need to
# move it"): only their "if" goes.
_CUT_WHOLE = frozenset({"approved", "denied", "card_mailed"})
_THEN = re.compile(r"^[\s,]*(?:(?:it|them|that|the case|my case)\b[\s,]*)?(?:then|entonces|pues|so)?[\s,]*", re.IGNORECASE)


def asked_plainly(text: str) -> str:
    """A conditional part as the request it makes ("si me lo negaron quiero saber como apelo" ->
    "quiero saber como apelo"; "and if my interview is scheduled i need to move it" -> "my
    interview is scheduled i need to move it"). Unchanged when no condition opens it."""
    kind = condition_of(text)
    if kind is None:
        return text
    if kind in _CUT_WHOLE:
        stripped = text.strip(" ,.¿¡")
        folded = _LEAD.sub("", fold(stripped).lower())
        lead = len(fold(stripped).lower()) - len(folded)
        match = dict(_CONDITIONS)[kind].search(folded)
        if match and len(folded) == len(stripped) - lead:
            rest = _THEN.sub("", stripped[lead + match.end():], count=1)
            if len(rest.split()) >= 2:
                return rest
    return _OPENING.sub("", text, count=1)


def opens_with_condition(text: str) -> bool:
    return condition_of(text) is not None
