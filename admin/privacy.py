"""What admins see of an applicant's message, and what may go into training data.

Receipt numbers (S2, `contact_center.receipts.find`, valid or not), phone numbers
(`phonenumbers`, US and Mexican formats, lenient), e-mail addresses and any other
long digit run (A-numbers, social security numbers) never reach the admin's screen
or the training data:

* `mask` replaces each with a placeholder (`<RECEIPT>`, `<PHONE>`, `<EMAIL>`,
  `<NUMBER>`) for display and for grouping, so "status EAC2190012345" and
  "status WAC2290154873" are one inbox item;
* `pseudonymise` replaces each with a made-up value of the same shape for training:
  a receipt number keeps its prefix, separators and length (so a valid one stays
  valid and a malformed one stays malformed) with other digits; a phone number
  becomes a fictional 555-01xx number; an e-mail address an example.com one.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from contact_center import receipts

RECEIPT = "<RECEIPT>"
PHONE = "<PHONE>"
EMAIL = "<EMAIL>"
NUMBER = "<NUMBER>"
PLACEHOLDERS = (RECEIPT, PHONE, EMAIL, NUMBER)

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
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
    spans: List[Span] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s.start or start >= s.end for s in spans)

    for mention in receipts.find(text):
        spans.append(Span(mention.start, mention.end, RECEIPT, mention.check.valid))
    for match in _EMAIL.finditer(text):
        if free(match.start(), match.end()):
            spans.append(Span(match.start(), match.end(), EMAIL))
    for start, end in _phone_spans(text):
        if free(start, end):
            spans.append(Span(start, end, PHONE))
    for match in _DIGIT_RUN.finditer(text):
        if free(match.start(), match.end()):
            kind = PHONE if match.group().startswith("+") else NUMBER
            spans.append(Span(match.start(), match.end(), kind))
    return sorted(spans, key=lambda s: s.start)


def mask(text: Optional[str]) -> str:
    """The message as admins see it: identifiers replaced by placeholders."""
    if not text:
        return ""
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
        elif span.kind == PHONE:
            value = "202-555-01" + _digits(f"{seed}:{i}", 2)
        else:
            value = _scramble_digits(original, f"{seed}:{i}")
        out.append(value)
        position += len(value)
        last = span.end
    out.append(text[last:])
    return Pseudonymised("".join(out), tuple(receipt_spans))
