"""Short answers restated with their question, for a request taken up again after a crisis (G6).

A crisis message leaves the form; when the applicant is safe and asks to go on, the request
is read again from their own words (actions/crisis.py). A bare "no" to "Do you have
COVID-19?" means nothing read on its own, so the question was asked again (test set 16).
Restated here in words the facts-up-front readers know ("no tengo covid"), the answer counts.
"""
from __future__ import annotations

from typing import Optional

from contact_center import answers

# slot -> language -> (said for yes, said for no)
_YES_NO = {
    "has_covid": {"en": ("i have covid", "i do not have covid"), "es": ("tengo covid", "no tengo covid")},
    "in_danger": {"en": ("someone is in danger", "nobody is in danger"), "es": ("alguien esta en peligro", "no hay nadie en peligro")},
}
_COUNT = {
    "en": ("never rescheduled it before", "already rescheduled it {n} times"),
    "es": ("nunca la he cambiado", "ya la cambie {n} veces"),
}
SHORT_ANSWER_WORDS = 4  # "no", "nope no covid", "si, dos veces": longer answers carry their own words


def restated(text: str, asked: Optional[str], language: str) -> str:
    """`text`, an answer to the question for `asked`, with the question's words if it is a short one."""
    if not asked or len(text.split()) > SHORT_ANSWER_WORDS:
        return text
    lang = "es" if language == "es" else "en"
    if asked in _YES_NO:
        said = answers.yes_no(text)
        return text if said is None else _YES_NO[asked][lang][0 if said else 1]
    if asked == "times_rescheduled":
        count = answers.times_rescheduled(text)
        if count is None:
            return text
        never, times = _COUNT[lang]
        return never if count == 0 else times.format(n=count)
    return text
