"""Receipt numbers (rule S2): find them in free text, normalise them, say what is wrong.

A USCIS receipt number is 13 characters: a 3-letter prefix from a known list and
10 digits. Applicants type it with dashes, spaces, asterisks, lower case or
full-width digits, so everything is normalised before it is checked, and an
attempt that fails gets a reason the applicant can act on (never a lookup).
"""
from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from typing import List, Optional

from contact_center import spoken

# S2: the prefixes of the offices that issue receipt numbers.
KNOWN_PREFIXES = frozenset(
    {"EAC", "VSC", "WAC", "CSC", "LIN", "NSC", "SRC", "TSC", "MSC", "NBC", "IOE", "YSC"}
)
RECEIPT_LENGTH = 13
DIGITS_LENGTH = 10

# Separators applicants put inside a receipt number.
_SEPARATORS = frozenset(" -*._/#\u2010\u2011\u2012\u2013\u2014\u00a0")
# A lone digit run after words like these is an attempt at a receipt number
# typed without its prefix (phone numbers elsewhere in a message are not).
_RECEIPT_WORDS = re.compile(
    r"(receipt|recibo|case\s*(number|no\.?|#)|n[uú]mero\s+de\s+caso|numero\s+de\s+caso|"
    # "quiero ver mi caso, el numero es 2190012345", "my case, the number is ..."
    r"(caso|case)[\s,.:;-]+(el\s+|the\s+|its\s+|su\s+)?(n[uú]mero|number|no\.?|#)(\s+(es|is))?)",
    re.IGNORECASE,
)
# A run of digits typed as one number, with spaces or dashes inside.
_DIGIT_RUN = re.compile(r"(?<![\w])(\d[\d \-]{6,20}\d)(?![\w])")
_MAX_INPUT = 5000  # longer messages are scanned only this far: receipt numbers come early


class Problem(str, enum.Enum):
    """What is wrong with a receipt number attempt (S2)."""

    EMPTY = "empty"
    BAD_PREFIX = "bad_prefix"  # three letters, but not a known office
    MISSING_PREFIX = "missing_prefix"  # digits only
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"  # letters or symbols among the 10 digits


@dataclass(frozen=True)
class ReceiptCheck:
    """The outcome of checking one receipt number attempt."""

    raw: str
    normalised: str
    problem: Optional[Problem] = None

    @property
    def valid(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class ReceiptMention:
    """A receipt number attempt found in a message, with its character span."""

    start: int
    end: int
    check: ReceiptCheck


def _ascii_char(ch: str) -> str:
    """Map unicode digits (full-width, Arabic-Indic, ...) and letters to ASCII."""
    if ch.isdigit() and not ("0" <= ch <= "9"):
        try:
            return str(unicodedata.decimal(ch))
        except (TypeError, ValueError):
            return ch
    folded = unicodedata.normalize("NFKD", ch)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded or ch


def normalise(raw: Optional[str]) -> str:
    """Upper-case, drop separators and map unicode digits to ASCII.

    `EAC-21-900-12345`, `eac 2190012345` and `IOE*0912345678` all become 13
    characters with no separators. Nothing is checked here.
    """
    if not raw:
        return ""
    out = []
    for ch in raw[:_MAX_INPUT]:
        if ch in _SEPARATORS or ch.isspace():
            continue
        out.append(_ascii_char(ch).upper())
    return "".join(out)


def check(raw: Optional[str]) -> ReceiptCheck:
    """Normalise `raw` and say what, if anything, is wrong with it (S2)."""
    value = normalise(raw)
    if not value:
        return ReceiptCheck(raw or "", value, Problem.EMPTY)
    if value.isdigit():
        return ReceiptCheck(raw or "", value, Problem.MISSING_PREFIX)
    prefix, rest = value[:3], value[3:]
    if not prefix.isalpha() or not prefix.isascii():
        return ReceiptCheck(raw or "", value, Problem.BAD_PREFIX)
    if prefix not in KNOWN_PREFIXES:
        return ReceiptCheck(raw or "", value, Problem.BAD_PREFIX)
    if not (rest.isdigit() and rest.isascii()):
        return ReceiptCheck(raw or "", value, Problem.BAD_CHARACTERS)
    if len(value) < RECEIPT_LENGTH:
        return ReceiptCheck(raw or "", value, Problem.TOO_SHORT)
    if len(value) > RECEIPT_LENGTH:
        return ReceiptCheck(raw or "", value, Problem.TOO_LONG)
    return ReceiptCheck(raw or "", value)


def is_valid(raw: Optional[str]) -> bool:
    return check(raw).valid


def _is_sep(ch: str) -> bool:
    return ch in _SEPARATORS or ch in "\t"


def _scan_tail(text: str, pos: int) -> int:
    """Return where the digit part of a receipt number attempt starting at `pos` ends.

    Digits are always taken; a separator only when a digit follows it and fewer
    than 10 digits have been taken (so a second number after a complete one is
    left alone); a letter only between two digits (an O typed for a 0).
    """
    n = len(text)
    i = pos
    digits = 0
    end = pos
    while i < n and i - pos < 40:
        ch = text[i]
        if ch.isdigit():
            digits += 1
            i += 1
            end = i
            continue
        if _is_sep(ch) and digits < DIGITS_LENGTH:
            j = i
            while j < n and _is_sep(text[j]) and j - i < 2:
                j += 1
            if j < n and text[j].isdigit():
                i = j
                continue
            break
        if ch.isalpha() and digits and i + 1 < n and text[i + 1].isdigit():
            i += 1
            end = i
            continue
        break
    return end


_PREFIX = re.compile(r"(?<![^\W\d_])([^\W\d_]{3})(?![^\W\d_])")
_LOOK_ALIKES = "OoIl"  # letters typed for 0 and 1


def find(text: Optional[str]) -> List[ReceiptMention]:
    """Find every receipt number attempt in a message, valid or not, in order.

    An attempt is three letters standing alone as a word followed by digits
    (`EAC2190012345`, `lin 21 901 23456`, `ABC1234567890`), or, after words like
    "receipt"/"recibo", a run of 8 to 14 digits typed without a prefix.
    A lower-case unknown word before a space and a number (`tel 2025551234`)
    is not an attempt.
    """
    if not text:
        return []
    text = text[:_MAX_INPUT]
    mentions: List[ReceiptMention] = []
    taken_until = 0
    for m in _PREFIX.finditer(text):
        if m.start() < taken_until:
            continue
        prefix = m.group(1)
        known = normalise(prefix) in KNOWN_PREFIXES
        j = m.end()
        gap = 0
        while j < len(text) and _is_sep(text[j]) and gap < 2:
            j += 1
            gap += 1
        if j >= len(text) or not text[j].isdigit():
            continue
        spaced = gap > 0 and text[m.end()] in " \t\u00a0"
        if not known and spaced and not prefix.isupper():
            continue
        end = _scan_tail(text, j)
        if end < len(text) and text[end] in _LOOK_ALIKES and (end + 1 == len(text) or not text[end + 1].isalnum()):
            end += 1  # "EAC123456789O": a letter O typed for the last zero is a bad character, not a short number
        digits = sum(ch.isdigit() for ch in text[j:end])
        if digits < (5 if known else 8):
            continue
        mentions.append(ReceiptMention(m.start(), end, check(text[m.start():end])))
        taken_until = end
    for m in _RECEIPT_WORDS.finditer(text):
        window_start = m.end()
        window = text[window_start : window_start + 40]
        d = _DIGIT_RUN.search(window)
        if not d:
            continue
        start, end = window_start + d.start(1), window_start + d.end(1)
        if any(x.start <= start < x.end for x in mentions):
            continue
        digits = sum(ch.isdigit() for ch in text[start:end])
        if 8 <= digits <= 14:
            mentions.append(ReceiptMention(start, end, check(text[start:end])))
    for start, end, value in spoken.receipts_said(text, lambda letters: letters.upper() in KNOWN_PREFIXES):
        if not any(x.start < end and start < x.end for x in mentions):
            mentions.append(ReceiptMention(start, end, check(value)))  # "m s c five five ...", on the phone
    mentions.sort(key=lambda x: x.start)
    return mentions



def digits_answer(text: Optional[str]) -> Optional[str]:
    """The run of 8 to 14 digits in an answer to "what is your receipt number?", when the
    message has no letters-and-digits attempt ("the paper just says 7777777777 near the top"):
    the number without its three letters (S2 says so), not a message with no number in it."""
    if not text or find(text):
        return None
    for match in _DIGIT_RUN.finditer(text[:_MAX_INPUT]):
        if 8 <= sum(ch.isdigit() for ch in match.group(1)) <= 14:
            return match.group(1)
    return None
