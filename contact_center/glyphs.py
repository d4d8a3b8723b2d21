"""Emoji and look-alike letters typed inside words, taken out so the words read as words.

"wh😩t do i need to bring to my bi🖐️metrics appointment", "huell👆as", "i do have c😷vid", "my
саse" with a Cyrillic "а" (test set 17: answered "Sorry, I didn't understand"). An emoji
between two letters is dropped (the word closes up around it); a Cyrillic letter that looks
like a Latin one, inside a word that also has Latin letters, becomes the Latin letter. An
emoji standing alone ("👍", "✅") is an answer of its own and is left as typed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

# Cyrillic letters drawn like Latin ones
_LOOK_ALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
})
_JOINERS = "\u200d\ufe0f\ufe0e"  # zero-width joiner, emoji and text presentation selectors
_WORD_WITH_CYRILLIC = re.compile(r"\w*[\u0400-\u04ff]\w*")


def _is_emoji(ch: str) -> bool:
    return ch in _JOINERS or unicodedata.category(ch) in ("So", "Sk") or 0x1F000 <= ord(ch) <= 0x1FAFF


# The words the assistant must read, for a letter an emoji stood for ("c😷vid", "wh😩t"): with one letter
# put back where the emoji was, a word of this list is that word; any other word just closes up.
KEY_WORDS = frozenset("""
    what when where which how why need help bring status case receipt appointment interview biometrics fingerprints
    covid oath ceremony reschedule expedite citizenship green card notice letter address moved work permit
    que cuando donde como necesito ayuda llevar estatus estado caso recibo cita entrevista biometricos huellas
    juramento cambiar acelerar ciudadania tarjeta residencia aviso carta direccion permiso trabajo
""".split())
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _restored(word: str, at: int) -> str:
    """`word` closed up over an emoji at `at`, with the one letter it stood for if that makes a key word."""
    lower = word.lower()
    if lower in KEY_WORDS:
        return word
    for letter in _LETTERS:
        if lower[:at] + letter + lower[at:] in KEY_WORDS:
            return word[:at] + letter + word[at:]
    return word


def plain_words(text: Optional[str]) -> Optional[str]:
    """`text` with emoji inside words dropped and look-alike letters made Latin; a payload is left alone."""
    if not text or text.startswith("/"):
        return text
    chars = list(text)
    out, i = [], 0
    while i < len(chars):
        if _is_emoji(chars[i]):
            j = i
            while j < len(chars) and _is_emoji(chars[j]):
                j += 1
            inside = bool(out) and out[-1].isalpha() and j < len(chars) and chars[j].isalpha()
            if inside:
                start = len(out)
                while start > 0 and out[start - 1].isalpha():
                    start -= 1
                end = j
                while end < len(chars) and chars[end].isalpha():
                    end += 1
                word = "".join(out[start:]) + "".join(chars[j:end])
                out[start:] = list(_restored(word, len(out) - start))
                i = end
            else:
                out.extend(chars[i:j])
                i = j
            continue
        out.append(chars[i])
        i += 1
    text = "".join(out)
    return _WORD_WITH_CYRILLIC.sub(
        lambda m: m.group(0).translate(_LOOK_ALIKES) if re.search(r"[a-zA-Z]", m.group(0)) else m.group(0), text)
