"""Mail, stated: a card or notice that never came, came after all, came for someone else, or a
filing sent to the wrong place (E1, O1)."""
from __future__ import annotations

import re
from typing import Optional

from contact_center.answers import clean
from contact_center.stated.clauses import MAX_STATED_CHARS, says

# Mail that did not come, or was lost or stolen (E1): a notice or card is then a self-help topic.
MISSING = (r"never (came|come|arrived|got|received|showed)|(did not|didnt|has not|hasnt|have not|havent|not) "
            r"(come|came|arrive|arrived|get|got|receive|received)|lost|missing|stolen|"
            r"no (me )?(llego|ha llegado|han llegado|he recibido|recibi)|nunca (me )?(llego|recibi)|perd\w*|extravi\w*|robaron")


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
    return says(_MAILED_TO_WRONG_PLACE, text)


# Where the missing mail should have gone: "it was supposed to go to 22 birch rd", "tenia q llegar a
# 1450 w 18th st, ahi vivia antes". Told with a card or notice that never came, it is that
# request's detail, not a change of address (test set 16: the receipt beside it was lost).
_SHOULD_HAVE_GONE = re.compile(
    r"\b(supposed to (go|come|arrive|be (sent|mailed|delivered))|should (have )?(gone|come|arrived|been (sent|mailed))"
    r"|(was|were|got|it was) (sent|mailed|delivered|shipped) to"
    r"|(tenia|tenian|debia|debian|deberia|iba) (que |q )?(llegar|ir|mandarse|enviarse)"
    r"|(la|lo|las|los) (mandaron|enviaron) a|se (envio|mando) a)\b"
)


def where_mail_should_have_gone(text: Optional[str]) -> bool:
    """True when the applicant tells the address missing mail was meant for (a detail of E1)."""
    return says(_SHOULD_HAVE_GONE, text)


# A letter that came, with what it says: not a notice that did not arrive (E1).
_LETTER_CAME = re.compile(
    r"\b(got|received|recibi|me llego|llego|came|arrived|have|tengo)\b(\s+\S+){0,3}?\s+(a |an |the |una |un |el |la )?(letter|notice|carta|aviso)\b"
    r"|\b(letter|notice|carta|aviso)\b(\s+\S+){0,3}?\s+(saying|says|that says|dice|que dice|diciendo|pidiendo|pidiendome|asking)\b"
)


_MAIL_MISSING = re.compile(r"\b(" + MISSING + r")\b")


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


# Papers sent back or delivered to the applicant: "me regresaron los documentos originales de otra persona",
# "they returned someone elses passport with my RFE response" (test set 14: answered about the RFE).
_PAPERS_CAME = re.compile(
    r"\b(me regresaron|me devolvieron|me mandaron|me enviaron|me llegaron?|recibi|returned|sent back|sent me|gave back|"
    r"got back|i got|i received|came with|came back with|arrived)\b(\s+\S+){0,5}?\s+"
    r"(documents?|documentos?|papers|papeles|originals?|originales|passport|pasaporte|acta|birth certificate|"
    r"card|tarjeta|green card|mica|ead|permiso)\b"
)


def someone_elses_mail(text: Optional[str]) -> bool:
    """True when a letter, card or papers that came (or were opened) are about another person's case."""
    cleaned = clean(text)
    return bool(_SOMEONE_ELSES.search(cleaned)) and (
        letter_came(text) or bool(_MAIL_OPENED.search(cleaned)) or bool(_PAPERS_CAME.search(cleaned)))


# The reply to "If it hasn't arrived, I can file ... Shall I?" that says it has not: "nope never
# got it", "never", "todavia no", "nunca me llego". A yes to the offer, though it opens with "no".
_STILL_MISSING = re.compile(r"\b(" + MISSING + r"|never|nunca|not yet|todavia no|aun no|no todavia|still no|still nothing|nothing yet|nada todavia|nada aun)\b")


def still_missing(text: Optional[str]) -> bool:
    """True when the reply says the card or notice has still not arrived (S4's offer: file it)."""
    return says(_STILL_MISSING, text)


_CARD_WORDS = r"(card|cards|tarjeta|tarjetas|mica|micas|ead|green ?card|gc|la green|permiso de trabajo|work permit)"
_CARD_NAMED = re.compile(rf"\b{_CARD_WORDS}\b")


# "NOA" and "NOID" are the notices' names in applicants' forums (test set 14)
_NOTICE_WORDS = r"(notice|notices|letter|letters|aviso|avisos|carta|cartas|i-?797\w*|noa|noas|noid)"
_NOTICE_NAMED = re.compile(rf"\b{_NOTICE_WORDS}\b")
# The notice about a card is a notice: "no me ha llegado el NOA de la aprobacion de mi EAD"
_NOTICE_OF_CARD = re.compile(rf"\b{_NOTICE_WORDS}\b(\s+\S+){{0,4}}?\s+(de|del|of|for|para|about|sobre)\s+(\S+\s+){{0,3}}?{_CARD_WORDS}\b")


# Mail that did not come (not lost or stolen once it came: that is a replacement, I-90).
_NEVER_CAME = re.compile(
    r"\bnever (came|come|arrived|got (it|here)|showed up|shown up|received)\b|"
    r"\b(never|did not|didnt|have not|havent|has not|hasnt) (got|gotten|get|receive|received)\b|"
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
    if card and notice and _NOTICE_OF_CARD.search(cleaned) and not re.search(rf"\b{_CARD_WORDS}\b.*\b(and|y|ni|or|o)\b.*\b{_NOTICE_WORDS}\b|"
                                                                            rf"\b{_NOTICE_WORDS}\b\s+(and|y|ni|or|o)\b", cleaned):
        return "notice"
    return "both" if card and notice else "card" if card else "notice" if notice else None


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
