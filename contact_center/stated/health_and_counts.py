"""Covid (R3, R4) and how many times an appointment was moved (R2), stated by the applicant."""
from __future__ import annotations

import re
from typing import Optional

from contact_center.answers import clean, times_rescheduled
from contact_center.stated.clauses import MAX_STATED_CHARS, clauses, corrected_tail

_COVID = re.compile(r"\b(covid|covid-?19|coronavirus|corona virus|sars-?cov-?2)\b")


_COVID_NO = re.compile(
    # "no, ninguno tiene covid", "nobody here has covid" (test set 14: read as a yes)
    r"\b(no|not|don'?t|dont|do not|never|neither|negative|negativo|sin|without|ni|nada de|cero|zero|libre de|"
    r"ninguno|ninguna|nadie|nobody|no one|noone|none)\b(\s+\w+){0,3}\s+"
    r"(covid|coronavirus)"
    r"|\b(covid|coronavirus)\b(\s+\w+){0,3}\s+(negative|negativo|negativa)"
    r"|\b(covid|coronavirus)(\s+19)?\s+free\b"
    # The no after the word, as people answer a question they have just read: "covid no
    # tengo", "covid? no", "covid nope", "covid tampoco" (read as "tengo covid" before).
    r"|\b(covid|coronavirus)(\s+19)?\s+(no|nope|nah|none|tampoco|nada|negative)\b"
    r"(\s+(tengo|tiene|tenemos|tengo yo|have|has|had|i dont|here|aqui|para nada|thank god|gracias a dios))*\s*$"
)


# Not knowing is not an answer either way: "i dont know if i have covid" is asked again.
_COVID_UNSURE = re.compile(r"\b(not sure|dont know|don'?t know|no se|no estoy segur[oa]|no sabemos)\b")


_COVID_YES = re.compile(
    r"\b(positive|positivo|positiva|tested|test|dio|salio|have|has|got|tengo|tiene|tiene|contagi\w*|sick|enferm\w*|"
    r"symptoms?|sintomas?|fever|fiebre|quarantine|cuarentena|aislad\w*|isolat\w*)\b"
)


_SOMEONE_ELSE = re.compile(
    r"\b(kid|kids|child|children|son|daughter|baby|husband|wife|spouse|mom|mother|dad|father|family|"
    r"hijo|hija|hijos|nino|nina|bebe|esposo|esposa|mama|madre|papa|padre|familia)\b"
)


def covid_stated(text: Optional[str]) -> Optional[bool]:
    """R4, read from a message that says it unasked: "just tested positive for covid" is True,
    "I don't have covid" is False; a message that only names covid ("covid rules?") or says
    it of someone else ("my son has covid") is None: the question is still asked."""
    for clause in clauses(text):
        if not _COVID.search(clause):
            continue
        if _SOMEONE_ELSE.search(clause) or _COVID_UNSURE.search(clause):
            return None
        if _COVID_NO.search(clause):
            return False
        return True if _COVID_YES.search(clause) else None
    return None


# The answer to "Do you have COVID-19 or any of its symptoms?" told without the word covid:
# "tested positive yesterday, fever and everything" had been asked for a yes or no three times.
_ILL_NOW = re.compile(
    r"\b(tested positive|test(ed)? (came (back|out) )?positive|came (back|out) positive|(di|dio|sali|salio) positiv[oa]|positiv[oa]|"
    r"fever|fiebre|calentura|cough(ing)?|tos|symptoms|sintomas|sick|enferm[oa]|lost my (taste|smell)|chills|escalofrios|"
    r"sore throat|dolor de garganta|body aches|me duele todo|throat hurts|throat is killing me|duele la garganta|"
    r"perdi el (gusto|olfato)|quarantin\w*|cuarentena|isolating|aislad[oa])\b"
)


_WELL_NOW = re.compile(
    r"\b(tested negative|negative|negativ[oa]|no symptoms|sin sintomas|ningun sintoma|not sick|no estoy enferm[oa]|"
    r"(i am|im|i feel|me siento|estoy) (fine|ok|okay|good|well|healthy|bien|san[oa])|nobody is ill)\b"
)


# Symptoms denied with the covid: "I do not have COVID-19 nor any of its symptoms" (test set 10: a yes).
_SYMPTOMS_DENIED = re.compile(
    r"\b(nor|ni|no|not|without|sin|ningun\w*|or)\s+(any\s+)?(of\s+)?(its|the|sus|los|de|any|algun\w*)?\s*"
    r"(symptoms?|sintomas?)\b"
)


# Nobody ill: "no covid, nobody sick", "nadie esta enfermo" (test set 14: "sick" read as a yes)
_NOBODY_ILL = re.compile(
    r"\b(nobody|no one|noone|nobodys|none of us|nadie|ninguno|ninguna)( (is|s|here|at home|en casa|esta|estamos|de nosotros)){0,2} "
    r"(sick|ill|enferm[oa]s?|has (any )?symptoms|tiene sintomas)\b"
    r"|\b(not|isnt|is not|arent|are not|no (estoy|esta|estamos|estan)) (sick|ill|enferm[oa]s?)\b"
)


def covid_correction(text: Optional[str]) -> Optional[bool]:
    """R4 changed at the confirmation ("wait, i said no covid but i just got a positive home test"):
    the new answer, only when the message speaks of covid or of being ill; None otherwise."""
    joined = " ".join(clauses(text))
    if not (_COVID.search(joined) or _ILL_NOW.search(_NOBODY_ILL.sub(" ", joined))):
        return None
    return covid_answer(text)


def covid_answer(text: Optional[str]) -> Optional[bool]:
    """R4: the applicant's answer to the covid question in their own words; None when it
    says neither (or speaks of someone else), and the question is asked again."""
    said = covid_stated(text)
    cleaned = _NOBODY_ILL.sub(" nobody is ill ", " ".join(clauses(text)))
    cleaned = _SYMPTOMS_DENIED.sub(" ", cleaned) if said is False else cleaned
    if said is False and _ILL_NOW.search(cleaned) and not _SOMEONE_ELSE.search(cleaned):
        return True  # R4 is covid or its symptoms: "i dont think i have covid but my throat hurts and ive had a fever"
    if said is not None:
        return said
    if _SOMEONE_ELSE.search(cleaned):
        return None
    if _COVID_UNSURE.search(cleaned):  # "no se si tengo covid, tengo tos": only symptoms answer it
        return True if _ILL_NOW.search(cleaned) else None
    if _WELL_NOW.search(cleaned) or _COVID_NO.search(cleaned):  # "covid? nope"
        return False
    return True if _ILL_NOW.search(cleaned) else None


_RESCHEDULED = r"(re-?schedul\w*|reprogram\w*|cambi\w*|movi\w*|moved?|changed?|postpon\w*|pospu?s\w*|pospon\w*)"


_NEVER_RESCHEDULED = re.compile(
    r"\b(never|haven'?t|havent|have not|hasn'?t|hasnt|has not|nunca|no (la |lo )?(he|ha|hemos))\b(\s+\w+){0,3}\s+"
    + _RESCHEDULED + r"\b|\b(first time|primera vez)\b"
)


_TIMES_SAID = re.compile(
    r"\b(\d+|one|two|three|four|una|dos|tres|cuatro)\s+(times|veces|x)\b|\b(once|twice|thrice|una vez)\b"
    # counted loosely: "ya la cambio un par de veces", "moved it a couple of times" (test set 16: asked again)
    r"|\b(a couple( of)?|un par de|varias|several|a few|unas cuantas)\s+(times|veces)\b"
)


def times_rescheduled_stated(text: Optional[str]) -> Optional[int]:
    """R2's count, read from a message that says it unasked: "never rescheduled it before",
    "es la primera vez que la cambio" are 0; "already rescheduled it 2 times", "ya la cambié
    dos veces" are 2. Only a clause that also says rescheduling counts, so "tomorrow at 9"
    or "I need to move it" is None: the question is still asked."""
    for clause in clauses(text):
        if not re.search(r"\b" + _RESCHEDULED + r"\b", clause):
            continue
        if _NEVER_RESCHEDULED.search(clause):
            count = 0
        else:
            said = _TIMES_SAID.search(clause)
            if not said:
                continue
            count = times_rescheduled(said.group(0))
        corrected = _TIMES_SAID.match(clean(corrected_tail(text) or ""))
        return times_rescheduled(corrected.group(0)) if corrected else count  # "once, no wait, twice"
    return None


# Told up front, without the word covid: "shes not sick", "no estoy enferma ni nada" (test set 9: asked).
_NOT_SICK_TOLD = re.compile(
    r"\b(not sick|isnt sick|is not sick|arent sick|no symptoms|sin sintomas|ningun sintoma|healthy|"
    r"no (estoy|esta|estamos|esta nadie) enferm[oa]s?|ni enferm[oa]|nadie esta enferm[oa])\b"
)


def not_sick_told(text: Optional[str]) -> bool:
    """True when the message says, unasked, that the one with the appointment is not ill (R4)."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_NOT_SICK_TOLD.search(cleaned)) and not _ILL_NOW.search(_NOT_SICK_TOLD.sub(" ", cleaned))
