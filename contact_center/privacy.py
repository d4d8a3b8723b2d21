"""What admins and logs see of an applicant's message, and what may go into training data.

Receipt numbers (S2, `contact_center.receipts.find`, valid or not), phone numbers
(`phonenumbers`, US and Mexican formats, lenient), e-mail addresses, names the applicant
gives ("my name is ...", "me llamo ..."), street addresses and P.O. boxes, dates of
birth ("born on ...", "DOB ...", "fecha de nacimiento ...") and any other long digit
run (A-numbers, social security numbers) never reach the admin's screen, a log, or
the training data:

* `mask` replaces each with a placeholder (`<RECEIPT>`, `<PHONE>`, `<EMAIL>`,
  `<NUMBER>`) for display and for grouping, so "status EAC2190012345" and
  "status WAC2290154873" are one inbox item;
* `pseudonymise` replaces each with a made-up value of the same shape for training:
  a receipt number keeps its prefix, separators and length (so a valid one stays
  valid and a malformed one stays malformed) with other digits; a phone number
  becomes a fictional 555-01xx number; an e-mail address an example.com one.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from contact_center import receipts

RECEIPT = "<RECEIPT>"
PHONE = "<PHONE>"
EMAIL = "<EMAIL>"
NUMBER = "<NUMBER>"
NAME = "<NAME>"
ADDRESS = "<ADDRESS>"
BIRTHDATE = "<BIRTHDATE>"
PLACEHOLDERS = (RECEIPT, PHONE, EMAIL, NUMBER, NAME, ADDRESS, BIRTHDATE)

# A name the applicant introduces: the trigger, then the next one to four words (stop
# words end it). Lower case is common in chat, so the words are not required to be capitalised.
_NAME_TRIGGER = re.compile(
    r"\b(?:my (?:full |legal )?name is|my name's|name:|me llamo|mi nombre (?:completo )?es|nombre:|"
    r"i am called)\s+", re.IGNORECASE
)
_NAME_STOP = frozenset(
    "and y i my mi from de del born and the a an el la un una my i'm im am is es was fue with con "
    "but pero please por favor thanks gracias to a at en in on for para case caso receipt recibo "
    "here aqui aquí calling llamando writing escribiendo".split()
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_STREET = (
    r"street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|place|pl|circle|cir|"
    r"parkway|pkwy|highway|hwy|terrace|ter|trail|trl|loop"
)
_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[^\W_][\w.'-]*\s+){0,4}(?:" + _STREET + r")\b\.?"
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*[\w-]+)?"
    r"|\b(?:calle|avenida|av\.|avda\.|camino|privada|colonia|col\.)\s+[^\d,\n]{2,40}?\s*(?:#|no\.?|num\.?|número|numero)?\s*\d{1,6}\b"
    r"|\bp\.?\s*o\.?\s*box\s+\d+|\bapartado postal\s+\d+",
    re.IGNORECASE,
)
_DATE = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,10}\s+(?:de\s+|del\s+)?\d{4}"
)
_BIRTHDATE = re.compile(
    r"\b(?:born(?: on| in)?|date of birth|birth ?date|birthday|d\.?o\.?b\.?|fecha de nacimiento|naci(?:miento)?|nací(?: el)?|naci el|cumpleaños)"
    r"\s*(?:is|es|:|el|on)?\s*(" + _DATE + r")",
    re.IGNORECASE,
)

# Starts only where a run of address characters starts: otherwise a long word with no
# "@" in it is rescanned from every position (quadratic: 1.8 s for 32,000 letters).
_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Control characters (terminal escapes among them) never reach the admin's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# Whatever else looks like an identifier: 7 or more digits, separators allowed.
# Slashes are not separators here: dates ("03/15/2024") say nothing about anyone.
_DIGIT_RUN = re.compile(r"(?<![\d+])\+?\d(?:[ \-.]?\d){6,}(?!\d)")
_PHONE_REGIONS = ("US", "MX")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of PLACEHOLDERS
    valid_receipt: bool = False


def _phone_spans(text: str) -> List[Tuple[int, int]]:
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    spans = []
    for region in _PHONE_REGIONS:
        try:
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
                spans.append((match.start, match.end))
        except phonenumbers.NumberParseException:  # pragma: no cover - defensive
            continue
    return spans


def find_sensitive(text: str) -> List[Span]:
    """Receipt numbers, e-mail addresses, phone numbers and digit runs, in order, not overlapping."""
    taken = _Spans()
    for mention in receipts.find(text):
        taken.add(Span(mention.start, mention.end, RECEIPT, mention.check.valid))
    for match in _EMAIL.finditer(text):
        taken.add_if_free(Span(match.start(), match.end(), EMAIL))
    for match in _BIRTHDATE.finditer(text):
        taken.add_if_free(Span(match.start(1), match.end(1), BIRTHDATE))
    for match in _ADDRESS.finditer(text):
        taken.add_if_free(Span(match.start(), match.end(), ADDRESS))
    for start, end in _name_spans(text):
        taken.add_if_free(Span(start, end, NAME))
    for start, end in _phone_spans(text):
        taken.add_if_free(Span(start, end, PHONE))
    for match in _DIGIT_RUN.finditer(text):
        kind = PHONE if match.group().startswith("+") else NUMBER
        taken.add_if_free(Span(match.start(), match.end(), kind))
    return taken.spans


def _name_spans(text: str) -> List[Tuple[int, int]]:
    spans = []
    for trigger in _NAME_TRIGGER.finditer(text):
        start = end = trigger.end()
        words = 0
        for word in _NAME_WORD.finditer(text, trigger.end()):
            gap = text[end:word.start()]
            if words and (gap.strip() or "\n" in gap) or word.group().lower() in _NAME_STOP or words == 4:
                break
            if not words and gap.strip():
                break
            end, words = word.end(), words + 1
        if words:
            spans.append((start, end))
    return spans


class _Spans:
    """Spans kept sorted by start, none overlapping: each check looks at two neighbours only."""

    def __init__(self) -> None:
        self.spans: List[Span] = []
        self._starts: List[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, start)
        before_ok = i == 0 or self.spans[i - 1].end <= start
        after_ok = i == len(self.spans) or end <= self.spans[i].start
        return before_ok and after_ok

    def add(self, span: Span) -> None:
        i = bisect.bisect_left(self._starts, span.start)
        self._starts.insert(i, span.start)
        self.spans.insert(i, span)

    def add_if_free(self, span: Span) -> None:
        if self.free(span.start, span.end):
            self.add(span)


def strip_control(text: str) -> str:
    """Control and bidirectional-override characters removed; tabs and newlines kept."""
    return _CONTROL.sub("", text)


def mask(text: Optional[str]) -> str:
    """The message as admins see it: identifiers replaced by placeholders, no control characters."""
    if not text:
        return ""
    text = strip_control(text)
    out, last = [], 0
    for span in find_sensitive(text):
        out.append(text[last : span.start])
        out.append(span.kind)
        last = span.end
    out.append(text[last:])
    return "".join(out)


def _digits(seed: str, n: int) -> str:
    stream = ""
    counter = 0
    while len(stream) < n:
        stream += "".join(str(b % 10) for b in hashlib.sha256(f"{seed}:{counter}".encode()).digest())
        counter += 1
    return stream[:n]


def _scramble_digits(value: str, seed: str) -> str:
    """Same characters, same shape; every ASCII or unicode digit replaced by another."""
    fresh = iter(_digits(seed, len(value)))
    return "".join(next(fresh) if ch.isdigit() else ch for ch in value)


@dataclass(frozen=True)
class Pseudonymised:
    """A message fit for training data, and the receipt numbers in it (spans into `text`)."""

    text: str
    receipt_spans: Tuple[Tuple[int, int], ...] = ()


def pseudonymise(text: Optional[str]) -> Pseudonymised:
    """Identifiers replaced by made-up values of the same shape (see module docstring)."""
    if not text:
        return Pseudonymised("")
    seed = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out, last, receipt_spans, position = [], 0, [], 0
    for i, span in enumerate(find_sensitive(text)):
        head = text[last : span.start]
        out.append(head)
        position += len(head)
        original = text[span.start : span.end]
        if span.kind == RECEIPT:
            value = _scramble_digits(original, f"{seed}:{i}")
            if span.valid_receipt:
                receipt_spans.append((position, position + len(value)))
        elif span.kind == EMAIL:
            value = "applicant@example.com"
        elif span.kind == NAME:
            value = "Ana Pérez"
        elif span.kind == ADDRESS:
            value = "123 Main Street"
        elif span.kind == BIRTHDATE:
            value = "01/01/1990"
        elif span.kind == PHONE:
            value = "202-555-01" + _digits(f"{seed}:{i}", 2)
        else:
            value = _scramble_digits(original, f"{seed}:{i}")
        out.append(value)
        position += len(value)
        last = span.end
    out.append(text[last:])
    return Pseudonymised("".join(out), tuple(receipt_spans))
