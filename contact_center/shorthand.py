"""Text-speak and regional words, read as the words the readers know: one table for all of them.

"ocupo una cita urgente", "never moved it b4", "pierdo la chamba", "k onda", "xq no me
llega" (test set 10). The answer readers (answers.clean) and the crisis check
(crisis.normalise) both read through this table, whole words only, after folding.
"""
from __future__ import annotations

import re

TEXT_SPEAK = {
    # Spanish: regional words and chat spelling
    "ocupo": "necesito", "ocupa": "necesita", "ocupamos": "necesitamos", "ocupan": "necesitan",
    "q": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque", "tmb": "tambien", "tb": "tambien",
    "xfa": "por favor", "porfa": "por favor", "porfis": "por favor", "chamba": "trabajo", "cel": "celular",
    "kiero": "quiero", "qiero": "quiero", "kieren": "quieren", "aki": "aqui", "aqi": "aqui", "noxe": "noche",
    # English
    "pls": "please", "plz": "please", "pleas": "please", "b4": "before", "tmrw": "tomorrow", "tmr": "tomorrow",
    "tmw": "tomorrow", "2morrow": "tomorrow", "tomorow": "tomorrow", "rn": "right now", "appt": "appointment",
    "appts": "appointments", "thx": "thanks", "thnx": "thanks", "idk": "i dont know",
    "tonite": "tonight", "tonit": "tonight", "2nite": "tonight", "2night": "tonight",
}
# Not here: single letters ("u", "k", "x", "d", "r"). The answer readers would misread "u visa",
# "k-1 visa", "x-ray" with them; the crisis check, which looks for danger words only, spells them
# out itself (crisis._LETTERS).

_WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, TEXT_SPEAK), key=len, reverse=True)) + r")\b")


def spelled_out(folded: str) -> str:
    """`folded` (lower case, accents folded) with each text-speak word spelled out."""
    return _WORD.sub(lambda m: TEXT_SPEAK[m.group(1)], folded)
