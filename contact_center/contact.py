"""Contact details typed by applicants: e-mail addresses and phone numbers (E1, C3).

Validated with well-kept libraries (email-validator, phonenumbers) rather than
hand-written patterns. Several phone numbers can be given in one message (C3:
a personal and an office number, say); they come back in E.164 form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from contact_center import receipts, spoken
from contact_center.receipts import KNOWN_PREFIXES

DEFAULT_REGION = "US"
MAX_PHONE_NUMBERS = 3
_EMAIL_CANDIDATE = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")


@dataclass(frozen=True)
class ContactDetails:
    """What a message gave: an e-mail address and/or phone numbers, and what was wrong."""

    email: Optional[str] = None
    phone_numbers: Tuple[str, ...] = ()
    problem: Optional[str] = None  # "bad_email", "bad_phone", "none" when nothing usable

    @property
    def usable(self) -> bool:
        return bool(self.email or self.phone_numbers)


def find_phone_numbers(text: str, region: str = DEFAULT_REGION) -> List[str]:
    """Valid phone numbers in `text`, E.164, in the order given, without repeats."""
    found: List[str] = []
    for match in phonenumbers.PhoneNumberMatcher(_said_in_words(text or ""), region, leniency=phonenumbers.Leniency.VALID):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in found:
            found.append(e164)
    return found[:MAX_PHONE_NUMBERS]


def looks_like_phone_attempt(text: str) -> bool:
    """True when the text has enough digits to be meant as a phone number."""
    return sum(ch.isdigit() for ch in text or "") >= 7


def normalise_email(candidate: str) -> Optional[str]:
    """The address in normalised form, or None when it is not a valid address."""
    try:
        return validate_email(candidate, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


# Contact details said in words, as on the phone or by someone unsure of the symbols (test set 12):
# "r dot silva at example dot com", "ana punto lucia arroba example punto com", "seven one three,
# five five five, zero one two eight", "tres uno dos, cinco cinco cinco, cero uno cinco dos".
_DIGIT_WORDS = spoken.DIGIT_WORDS
_DIGIT_WORD = spoken.DIGIT_WORD
_DIGITS_SAID = re.compile(rf"(?i)\b{_DIGIT_WORD}(?:[\s,.-]+{_DIGIT_WORD}){{6,}}\b")
_DOT = r"\s+(?:dot|punto)\s+"
_EMAIL_SAID = re.compile(rf"(?i)\b([a-z0-9_-]+(?:{_DOT}[a-z0-9_-]+)*)\s+(?:at|arroba)\s+"
                         rf"([a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}(?:com|net|org|edu|gov|us|mx|co|es|info|io))\b")


def _said_in_words(text: str) -> str:
    """`text` with an e-mail or a phone number said in words written as one."""
    text = _EMAIL_SAID.sub(lambda m: re.sub(_DOT, ".", m.group(1)) + "@" + re.sub(_DOT, ".", m.group(2)), text)
    return _DIGITS_SAID.sub(lambda m: "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(rf"\b{_DIGIT_WORD}\b", m.group(0), re.I)),
                            text)


def parse_contact(text: Optional[str], region: str = DEFAULT_REGION) -> ContactDetails:
    """E-mail and phone numbers from one free-text answer."""
    text = _said_in_words((text or "")[:2000])
    email: Optional[str] = None
    bad_email = False
    for candidate in _EMAIL_CANDIDATE.findall(text):
        email = normalise_email(candidate.rstrip("."))
        if email:
            break
        bad_email = True
    rest = _EMAIL_CANDIDATE.sub(" ", text)
    phones = find_phone_numbers(rest, region)
    if email or phones:
        return ContactDetails(email, tuple(phones))
    if bad_email or "@" in text:
        return ContactDetails(problem="bad_email")
    if looks_like_phone_attempt(rest):
        return ContactDetails(problem="bad_phone")
    return ContactDetails(problem="none")


# A contact sent in two messages, as people do on a phone ("my cell is 602 555" / "0185", "mi correo es
# rosa.maria.vega" / "perdon se me fue, @example.com"; test set 13: each half was refused).
_LOCAL_PART_LAST = re.compile(r"([a-z0-9][a-z0-9._+-]*[a-z0-9])\s*[.]?\s*$", re.I)
_EMAIL_NAMED = re.compile(r"\b(e-?mail|correo|mail)\b", re.I)
_DOMAIN_FIRST = re.compile(r"(?:^|\s)(@[a-z0-9.-]+\.[a-z]{2,})\b", re.I)


def joined_contact(previous: Optional[str], latest: Optional[str], region: str = DEFAULT_REGION) -> Optional[ContactDetails]:
    """The contact two messages make together, when neither makes one alone: the start of an
    e-mail or a phone number in `previous`, its end in `latest`; None otherwise."""
    previous, latest = (previous or "")[:200], (latest or "")[:200]
    if parse_contact(previous, region).usable or parse_contact(latest, region).usable:
        return None
    local, domain = _LOCAL_PART_LAST.search(previous), _DOMAIN_FIRST.search(latest)
    if local and domain and (re.search(r"[._+\d]", local.group(1)) or _EMAIL_NAMED.search(previous)):
        email = normalise_email(local.group(1) + domain.group(1))
        if email:
            return ContactDetails(email, ())
    digits = re.sub(r"\D", "", previous) + re.sub(r"\D", "", latest)
    if 3 <= len(re.sub(r"\D", "", previous)) < 10 and len(digits) in (10, 11):
        phones = find_phone_numbers(digits, region)
        if phones:
            return ContactDetails(None, tuple(phones))
    return None


def display_phone(e164: str) -> str:
    """A phone number as applicants write it: national format at home, international abroad."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_NO_EMAIL = re.compile(
    r"^\s*(no|nope|none|n/?a|ninguno|ninguna|nada)\b|\b(don'?t|do not|dont|never) (really )?(have|use|check|do)\b|\bnot (big )?on (email|e-mail)\b|\bno (tengo|uso|reviso)\b|"
    r"\bcasi no (uso|reviso)\b|\bnunca (uso|reviso)\b|"
    r"\bsin (correo|email|e-mail)\b|\bno email\b|\bno e-mail\b|\bno correo\b"
)


def declines_email(text: Optional[str]) -> bool:
    """C4: the applicant says they have no e-mail address ("no", "I don't have one", "no tengo")."""
    from contact_center.text import fold

    return bool(_NO_EMAIL.search(fold(text or "").lower()))


# Numbers in a message that are not the applicant's own: receipt numbers (3 letters,
# 10 digits) and the Contact Center's numbers (O2) when an applicant says they called them.
# A receipt only with a known office's letters: "cel 305 555 0117" is a phone number.
_NOT_THEIRS = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(KNOWN_PREFIXES)) + r")[\s-]*(?:\d[\s-]*){10}\b"
    r"|\b1?[\s.-]*\(?800\)?[\s.-]*(?:375|767)[\s.-]*\d{4}\b"
)


def contact_said(text: Optional[str], region: str = DEFAULT_REGION) -> Optional[ContactDetails]:
    """E-mail and phone numbers said unasked ("never got my card, LIN..., my email is ..."):
    only what is clearly there, never a complaint about what is missing."""
    found = parse_contact(_NOT_THEIRS.sub(" ", (text or "")[:2000]), region)
    return found if found.usable else None


# What is left of an answer once its contact details are taken out, when it is nothing but them
# ("jl.romero@example.com", "cell is 312 555 0184", "mi correo es ...").
_CONTACT_WORDS = re.compile(
    r"(?i)\b(my|mi|mis|is|es|son|the|el|la|email|e-mail|mail|correo|electronico|cell|cel|celular|phone|telefono|"
    r"number|numero|home|casa|work|trabajo|call|text|me|or|o|y|and|at|al|a|to|it's|its|here|aqui|you|can|puede|pueden|"
    r"reach|contact|contactar|contactarme|llamar|llamarme|escribir|escribirme)\b|[^\w\s]"
)


def only_contact(text: Optional[str], region: str = DEFAULT_REGION) -> bool:
    """True when the message gives contact details and nothing else: said where a description
    was asked for, it answers a later question, not that one (an e-mail had been filed as a
    typo's details)."""
    if contact_said(text, region) is None:
        return False
    rest = _EMAIL_CANDIDATE.sub(" ", text or "")
    rest = re.sub(r"[+(]?\d[\d\s().-]{5,}\d", " ", rest)
    return not _CONTACT_WORDS.sub(" ", rest).split()


_RECEIPT_FILLER = re.compile(
    r"(?i)\b(receipt|recibo|case|caso|number|numero|n[uú]mero|no|num|de|del|este|esta|está|this|here.s|here|aqui|aquí|"
    r"ok|okay|sorry|perdon|perdón)\b"
)


def only_details(text: Optional[str], region: str = DEFAULT_REGION) -> bool:
    """True when the message gives a receipt number or contact details and nothing else
    ("IOE4444444444", "my number is 312 555 0148"): said at a question about something
    else (a work permit's category), it is kept for its own question, and the question
    asked is asked again without "I didn't catch that"."""
    if only_contact(text, region):
        return True
    found = receipts.find(text)
    if not found or not all(mention.check.valid for mention in found):
        return False  # a malformed number is explained by its own check (S2)
    rest = text or ""
    for mention in reversed(found):
        rest = rest[: mention.start] + " " + rest[mention.end:]
    rest = _RECEIPT_FILLER.sub(" ", rest)
    if contact_said(rest, region) is not None:
        return only_contact(rest, region)
    return not _CONTACT_WORDS.sub(" ", rest).split()
