"""Numbers and codes said in words, as a phone transcript or someone unsure of the keys writes
them: "m s c five five five five five five five five five five" (a receipt number), "i o e cuatro
cuatro ...", "an i one twenty nine" (the I-129), "seven one three, five five five, ..." (a phone
number, read in contact.py). Only what is unmistakable: three single letters or a known office
prefix, then ten digits; a form letter, then a number that makes a form the contact center knows.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from contact_center import number_words

DIGIT_WORDS = number_words.DIGITS
DIGIT_WORD = r"(?:" + "|".join(sorted(DIGIT_WORDS, key=len, reverse=True)) + r")"
_DIGIT = rf"(?:{DIGIT_WORD}|\d)"
_GAP = r"[\s,.-]+"

# A receipt: its three letters one by one ("e a c", "E.A.C.") or as a word, then its digits one by
# one, in words or figures, at least eight (a receipt short of digits is still an attempt, S2).
_LETTERS = r"(?:(?<![\w])[a-z](?:[\s.-]+[a-z]){2}(?![\w])|(?<![\w])[a-z]{3}(?![\w]))"
_RECEIPT_SAID = re.compile(rf"(?i)({_LETTERS})\.?{_GAP}({_DIGIT}(?:{_GAP}{_DIGIT}){{7,13}})(?![\w])")

_TEENS, _TENS, _UNITS = number_words.TEENS, number_words.TENS, number_words.UNITS
_ES_NUMBER_WORDS = [*number_words.ES_HUNDREDS, *number_words.ES_TENS, *number_words.ES_UNDER_THIRTY, "y"]
_NUMBER_WORD = "|".join(sorted({*_TEENS, *_TENS, *_UNITS, "hundred", "oh", *_ES_NUMBER_WORDS}, key=len, reverse=True))
_FORM_SAID = re.compile(rf"(?i)(?<![\w])([ign])(?:[\s-]+(?:{_NUMBER_WORD})(?![\w])){{1,6}}")


def receipts_said(text: str, known: Callable[[str], bool]) -> List[Tuple[int, int, str]]:
    """Each receipt number said in words in `text`: (start, end, the receipt as typed, e.g.
    "MSC5555555555"). Three letters as one word count only when `known` says they are an office's."""
    found = []
    for m in _RECEIPT_SAID.finditer(text):
        letters = re.sub(r"[^a-z]", "", m.group(1).lower())
        if " " not in m.group(1).strip() and "." not in m.group(1) and "-" not in m.group(1) and not known(letters):
            continue
        words = re.findall(rf"(?i){DIGIT_WORD}(?![\w])|\d", m.group(2))
        if not any(not w.isdigit() for w in words):
            continue  # typed figures: receipts.find reads those itself
        found.append((m.start(), m.end(), letters.upper() + "".join(w if w.isdigit() else DIGIT_WORDS[w.lower()] for w in words)))
    return found


def _number(words: List[str]) -> Optional[int]:
    """The number a few words say: "one twenty nine" 129, "four hundred" 400, "seven six five" 765,
    "ninety" 90, "seven fifty one" 751."""
    w = [x.lower() for x in words]
    if all(x in _UNITS or x == "oh" for x in w) and len(w) >= 2:
        return int("".join(str(_UNITS.get(x, 0)) for x in w))
    value, i = 0, 0
    if i < len(w) and w[i] in _UNITS and (len(w) > i + 1):
        value, i = _UNITS[w[i]] * 100, i + 1
        if w[i] == "hundred":
            i += 1
    if i < len(w) and w[i] in _TEENS:
        value, i = value + _TEENS[w[i]], i + 1
    elif i < len(w) and w[i] in _TENS:
        value, i = value + _TENS[w[i]], i + 1
        if i < len(w) and w[i] in _UNITS and w[i] != "zero":
            value, i = value + _UNITS[w[i]], i + 1
    elif i < len(w) and w[i] == "oh" and i + 1 < len(w) and w[i + 1] in _UNITS:
        value, i = value + _UNITS[w[i + 1]], i + 2
    return value if i == len(w) and value else None


def _spanish_number(words: List[str]) -> Optional[int]:
    """The number Spanish words say: "cuatrocientos ochenta y cinco" 485, "ciento treinta" 130,
    "setecientos cincuenta y uno" 751, "noventa" 90."""
    w = [x.lower() for x in words]
    value, i = 0, 0
    if i < len(w) and w[i] in number_words.ES_HUNDREDS:
        value, i = number_words.ES_HUNDREDS[w[i]], i + 1
    if i < len(w) and w[i] in number_words.ES_TENS:
        value, i = value + number_words.ES_TENS[w[i]], i + 1
        if i + 1 < len(w) and w[i] == "y" and w[i + 1] in number_words.ES_UNDER_THIRTY and 0 < number_words.ES_UNDER_THIRTY[w[i + 1]] < 10:
            value, i = value + number_words.ES_UNDER_THIRTY[w[i + 1]], i + 2
    elif i < len(w) and w[i] in number_words.ES_UNDER_THIRTY and number_words.ES_UNDER_THIRTY[w[i]]:
        value, i = value + number_words.ES_UNDER_THIRTY[w[i]], i + 1
    return value if i == len(w) and value else None


def forms_said(text: str, known: Callable[[str], bool]) -> List[Tuple[int, int, str]]:
    """Each form said in words ("an i one twenty nine", "my n four hundred"): (start, end,
    "I-129"), only when `known` says the contact center knows that form."""
    found = []
    for m in _FORM_SAID.finditer(text):
        words = re.findall(r"[a-z]+", m.group(0).lower())[1:]
        for n in range(len(words), 0, -1):  # "i seven sixty five for my work permit": the longest that is a form
            number = _number(words[:n]) or _spanish_number(words[:n])
            form = f"{m.group(1).upper()}-{number}" if number else None
            if form and known(form):
                end = m.start() + len(m.group(1))
                for word in words[:n]:
                    end = text.lower().index(word, end) + len(word)
                found.append((m.start(), end, form))
                break
    return found
