"""Reading applicants' short answers to the assistant's questions, in English or Spanish.

Buttons send exact values; these functions read the same answers typed in
words ("twice", "dos veces", "si", "nope", "medical"), accents and case folded.
Each returns None when the text is not an answer, so the form can say why
and ask again.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from contact_center.rules import EXPEDITE_CRITERIA, URGENT_REASONS
from contact_center import shorthand
from contact_center.text import fold, squeeze

NONE = "none"

_YES = re.compile(
    # "y" and "ya" only alone (or with a please): in Spanish they open "y hay abogados gratis?",
    # "ya me llego" (test set 4: a question was taken for a yes).
    # "pues creo que si, que tengo que ir a la oficina", "i think so": a yes, hedged (test set 6)
    r"^(?:(?:pues|bueno|well|hmm|um|yeah|si)\s+)?(?:(?:yo )?creo que si|supongo que si|i think so|i guess so|i believe so)\b|"
    r"^(?:pues|bueno|well) (?:si|yes|yeah)\b|"
    # "ok and the I-130 i filed, did that go through": "ok" opening something else is no yes (test set 11)
    # "simon", "como no" only as the whole answer or before a comma: "como no me ha llegado ...", "Simon Perez" (a review)
    r"^(yes|yeah|yep|yup|(?:simon|como no)(?=$|,| (?:please|porfa|por favor|mandela|mandelo|dale)\b)|(?:ya|y)(?=$| (?:please|thanks)\b)|sure|(?:ok|okay|okey|oki)(?! (?:and|y|but|pero)\b)|correct|right|of course|please do|do it|si|sip|claro|"
    # "pls do", "please", "ta bien, mandela", "andale si" (test set 7)
    r"please$|(?:ta|esta|sta) (?:bien|bueno)|andale|orale|"
    # "fine, file the thing" at an offer (test set 7)
    r"fine|file (?:the|that|this) (?:thing|one|request|inquiry)|go ahead and file|do that|hazlo|metal[oa]|"
    r"correcto|asi es|por supuesto|dale|hagalo|de acuerdo|afirmativo|exacto|listo|eso(?=$| es\b| mand| envi| present| si\b)|go ahead|send it|file it|"
    r"submit it|mandal[oa]|mandel[oa]|envial[oa]|enviel[oa]|presental[oa]|presentel[oa])\b"
)
_NO = re.compile(r"^(?:(?:pues|bueno|well|hmm|um)\s+)?(?:(?:yo )?creo que no|supongo que no|i don'?t think so|i dont think so)\b|"
                 # "claro que no", "of course not", "yeah no", Mexican "nel": a no, though they open like a yes
                 r"^(?:claro|por supuesto|obvio|pues|desde luego) que no\b|^of course not\b|^(?:yeah|yea) no\b(?! (?:problem|worries|prob))|"
                 r"^(no|nope|nop|nah|n|nel|not really|not anymore|no longer|negative|nunca|never|ninguno|ninguna|"
                 r"para nada|tampoco|ya no)\b")


# A yes or a no sent as an emoji: "👍" at a confirmation (test set 15: asked what to change).
_EMOJI_ANSWERS = (("\U0001F44D", " yes "), ("\U0001F44C", " ok "), ("\u2705", " yes "), ("\u2714", " yes "),
                  ("\U0001F44E", " no "), ("\u274C", " no "))


def clean(text: Optional[str]) -> str:
    """Folded, lower case, punctuation gone (apostrophes and hyphens kept), one space apart;
    text-speak read as the words it stands for (contact_center/shorthand.py)."""
    text = text or ""
    for emoji, word in _EMOJI_ANSWERS:
        text = text.replace(emoji, word)
    return shorthand.spelled_out(" ".join(re.sub(r"[^\w\s'-]", " ", squeeze(fold(text)).lower()).split()))


def yes_no(text: Optional[str]) -> Optional[bool]:
    """True for yes, False for no, None when neither."""
    cleaned = clean(text)
    if dont_know(cleaned):
        return None
    if _NO.match(cleaned):
        return False
    if _YES.match(cleaned):
        return True
    return None


SHORT_ANSWER_WORDS = 10


def short_answer(text: Optional[str]) -> Optional[bool]:
    """A yes or a no that opens a short message ("si x favor, nunca me llego nada", "yes pls,
    it never showed up"); None otherwise. A long message that opens with "no" is a story, not
    an answer."""
    # Contact details given with the answer are not words of a story: "yes call me, 210 555 0104,
    # email r.salinas@example.com" is a short yes (test set 6).
    cleaned = clean(re.sub(r"\S+@\S+|[+(]?\d[\d\s().-]{5,}\d", " ", text or ""))
    if len(cleaned.split()) > SHORT_ANSWER_WORDS:
        return None
    return yes_no(cleaned)


_COUNT_WORDS = (
    (r"\b(never|none|zero|nunca|ninguna|ninguno|cero|no|nope|nop|nah|nel|havent|haven't|have not|not yet|todavia no|aun no)\b|\b0\b", 0),
    (r"\b(twice|two|2|three|3|four|4|many|several|more than once|dos|tres|cuatro|varias|muchas|"
     r"(a )?couple( of)?( times)?|a few times|few times|un par de veces|unas cuantas veces|algunas veces)\b", 2),
    (r"\b(once|one|1|a time|una vez|una|uno)\b", 1),
)


# Told as which time this is ("this is the third time", "es la segunda vez"): the times before.
_NTH_TIME = (
    (r"\b(third|3rd|fourth|4th|fifth|5th|tercera|tercer|cuarta|quinta)\s+(time|vez)\b", 2),
    (r"\b(second|2nd|segunda|segundo)\s+(time|vez)\b", 1),
)
_TIMES_AND_DATES = re.compile(
    r"\b\d{1,2}(:\d\d)?\s*(am|pm|a\s?m|p\s?m)\b|\b\d{1,2}:\d\d\b|\b(a las|at)\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|"
    r"\b\d{1,2}\s+de\s+[a-z]+|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?\s+\d{1,2}\b"
)
_BARE_NO = frozenset({"no", "nope", "nop", "nah", "nel"})
_ONE_OR_TWO = re.compile(r"\b(once|one|1|una vez|una|uno) (or|o|u) (twice|two|2|dos)\b")
_ONE_TIME = re.compile(r"\b(once|una vez|otra vez|another time|one more time)\b")
_THEN_AGAIN = re.compile(r"\b(then|and|luego|despues|y) (then |luego |despues )?(again|otra vez|de nuevo|nuevamente|once more)\b")


def times_rescheduled(text: Optional[str]) -> Optional[int]:
    """How many times an appointment was already rescheduled (R2 counts 2 or more as one)."""
    cleaned = clean(text)
    if not cleaned or dont_know(cleaned) or _ONE_OR_TWO.search(cleaned):
        return None  # "una o dos veces": R2 turns on which, so it is asked again
    # A time or a date is no count: "mañana viernes a las 8:30 am" at this question had been 2.
    raw = shorthand.spelled_out(fold(text or "").lower())  # "b4" is no 4
    digits = re.findall(r"\d+", _TIMES_AND_DATES.sub(" ", raw))
    if digits and len(cleaned) < 30:
        return min(int(digits[0]), 2)
    if _TIMES_AND_DATES.search(raw) and not re.search(r"\b(times|veces|once|twice|vez)\b", cleaned):
        return None
    for pattern, value in _NTH_TIME:
        if re.search(pattern, cleaned):
            return value
    if len(_ONE_TIME.findall(cleaned)) >= 2 or (_ONE_TIME.search(cleaned) and _THEN_AGAIN.search(cleaned)):
        return 2  # "moved it once for work and once when my car died" (test set 5 read 1); "... then again in november"
    # The count said first wins, and a bare "no" only when nothing else is said: "a couple times
    # already, and no covid" and "fueron dos veces. y no, no tengo covid" are 2 (test set 8).
    found = sorted(
        (m.start(), m.group(0) in _BARE_NO, value)
        for pattern, value in _COUNT_WORDS for m in re.finditer(pattern, cleaned)
    )
    counted = [f for f in found if not f[1]] or found
    if counted:
        return counted[0][2]
    if re.search(r"\b(first time|primera vez)\b", cleaned):
        return 0  # "first time asking"; after the counts: "twice, the first time was for surgery" is 2
    return None


# Word beginnings (folded) that name each claim, in English and Spanish.
# USCIS's own error first: "they lost my fingerprints" / "perdieron mis huellas" is not a loss of money.
CRITERIA_WORDS: Tuple[Tuple[str, str], ...] = (
    (r"\b(error|mistake|equivoc|wrong|culpa|fault|uscis error|(uscis|they) lost|perdieron)", "uscis_error"),
    (r"\b(financ|money|dinero|economic|job|employ|trabajo|empleo|business|negocio|pay|pag|income|ingreso|loss|perd(?!on)|"
     r"evict|desalo|desahu|homeless|foreclos|mortgage|hipoteca|rent\b|renta\b|alquiler|"
     # the job at stake told as what the employer does: "my company is letting me go dec 18"
     r"compan|empresa|patron|letting me go|let me go|laid off|lay me off|laying off|fired|fire me|despid|me corren|hr\b|"
     # pay stopped: "en la fabrica me suspendieron sin sueldo", "they take me off the schedule"
     r"sueldo|salari|salary|wage|paycheck|suspendi|unpaid|sin goce|off the schedule|fabrica|factory)",
     "severe_financial_loss"),
    (r"\b(humanitar|medic|sick|ill|enferm|death|dying|muert|murien|hospital|cancer|leukemia|leucemia|tumor|chemo|quimio|surgery|cirug|operar|operacion|"
     r"health|salud|famil|"
     # a relative's illness told by its name: "le dio un infarto", "a stroke", "en terapia intensiva" (test set 8)
     r"infart|derrame|stroke|heart attack|terminal|critical|critic|intensive care|terapia intensiva|cuidados intensivos|"
     r"icu\b|dialysis|dialisis|chemo|quimio|"
     # the end of a life told as its care: "my dad is in hospice", "en cuidados paliativos" (test set 11)
     r"hospice|palliative|paliativ|weeks to live|days to live|semanas de vida|dias de vida|end of life)", "urgent_humanitarian"),
    (r"\b(government|gobierno|federal|military|militar|army|navy|air force|marine|soldier|soldad|ejercito|armada|"
     r"veteran|national|nacional|public safety|seguridad publica|agency|agencia)", "government_interest"),
)
# "none of these"; a bare "other" / "otra" only as the whole answer ("otra vez", "la otra semana" are not it).
_NONE_WORDS = re.compile(r"\b(none|ninguna|ninguno|nothing|nada|no reason|otra cosa|something else)\b|"
                         r"^(other|otro|otra|other reason|otra razon|otro motivo)$")

URGENT_WORDS: Tuple[Tuple[str, str], ...] = (
    (r"\b(travel|trip|viaj|fly|vuelo|funeral|abroad|extranjero)", "family_emergency_travel"),
    (r"\b(medic(?!aid|are)|hospital|sick|ill|enferm|surgery|cirug|operar|operacion|doctor|salud\b|health|cancer|leukemia|leucemia|tumor|chemo|quimio|treatment|"
     r"tratamiento|dying|murien|falleci|accident|pregnan|embaraz|parto|hospice|palliative|paliativ)", "medical_emergency"),
    (r"\b(job|employ|trabajo|empleo|benefit|beneficio|aid|ayuda|financ|money|dinero|income|ingreso|despid|fired|laid off|rent|renta)", "financial_loss_of_employment_or_benefits"),
)


def first_match(cleaned: str, table, allowed) -> Optional[str]:
    if cleaned in allowed:
        return cleaned
    for pattern, value in table:
        if re.search(pattern, cleaned):
            return value
    return None


# "none of those apply, ... im sick of waiting": the choices refused outright, whatever words follow;
# and frustration ("sick of", "harto de") is no claim of illness.
_NONE_OF_THEM = re.compile(
    r"\b(none of (those|these|them|the above|that)|none (apply|applies)|no (aplica|aplican) ninguna|"
    r"ninguna de (esas|estas|ellas|las anteriores)|ninguno de (esos|estos|ellos))\b"
)
_FED_UP = re.compile(r"\b(sick (of|and tired)|tired of|cansad[oa] de|hart[oa] de)\b")
# The wait itself given as the reason (X2 names none of it): "ya me canse de esperar", "i just want
# to be a citizen already" (test set 9: asked which reason applies, then again).
_WAIT_AS_REASON = re.compile(
    r"\b((sick|tired) of (the )?waiting|waiting (so|too|way too) long|(cansad[oa]|hart[oa]) de esperar|me canse de esperar|"
    r"ya me canse|just want (it|this|my \w+|to be \w+( \w+)?) (already|done|over)|ya quiero (que salga|que me lo den|mi \w+)|"
    r"taking (too|so|way too) long|se (esta )?tardando (mucho|demasiado))\b"
)


def wait_as_reason(text: Optional[str]) -> bool:
    """True when the reason given for speed is the wait itself, or a visit, and nothing X2 names."""
    cleaned = clean(text)
    return bool(_WAIT_AS_REASON.search(cleaned)) or leisure_told(cleaned)


def expedite_criterion(text: Optional[str]) -> Optional[str]:
    """X2: which criterion the applicant claims, "none", or None when unclear."""
    cleaned = clean(text).replace(" ", "_") if (text or "").strip() in EXPEDITE_CRITERIA | {NONE} else clean(text)
    if cleaned in EXPEDITE_CRITERIA or cleaned == NONE:
        return cleaned
    if _NONE_OF_THEM.search(cleaned):
        return NONE
    found = criterion_named(cleaned)
    if found:
        return found
    if _NONE_WORDS.search(cleaned) or yes_no(cleaned) is False or wait_as_reason(cleaned):
        return NONE
    return None


# X2's reasons named only to say they do not apply: "no special reason tbh, no emergency or money
# problem, we r just sick of waiting" (test set 16: read as severe financial loss). A bare "no money"
# or "sin trabajo" is kept: that is a loss told, not denied.
_CRITERIA_DENIED = re.compile(
    r"\bno (?:special |particular |real |specific |big )?(?:reason|razon|motivo)s?\b"
    r"|\b(?:no|not|ni|nor|sin) (?:an? |any |ninguna )?(?:emergency|emergencia)"
    r"(?:\s+(?:or|nor|ni|o)\s+(?:money|financial|dinero|economic[oa]?s?)\s+(?:problems?|issues?|problemas?|loss))?\b"
    r"|\b(?:no|not|ni|nor) (?:a |any )?(?:money|financial|economic|dinero|economic[oa]s?) (?:problems?|issues?|problemas?|reasons?|motivos?|loss)\b"
    r"|\bnot (?:about |for |because of )?(?:the )?money\b|\bno es (?:por|de) (?:el )?dinero\b"
    r"|\bnot (?:a |an )?(?:uscis )?(?:mistake|error)\b|\bno (?:fue|es) (?:un )?error\b"
)


def criterion_named(cleaned: str) -> Optional[str]:
    """The X2 claim named in folded text; frustration is no illness, and a family visit no
    humanitarian reason; a reason named only to deny it is none."""
    found = first_match(_CRITERIA_DENIED.sub(" ", _FED_UP.sub(" ", cleaned)), CRITERIA_WORDS, EXPEDITE_CRITERIA)
    if found == "urgent_humanitarian" and leisure_told(cleaned):
        return None
    return found


# U2: a trip for pleasure, or the urgency denied, is no urgent reason ("i just want an officer to
# check my documents before my vacation in april, its not like anything is on fire").
# A trip for a celebration is no family emergency (U2): "my nephews baptism in lima ... i need my passport stamped".
_LEISURE = re.compile(
    r"\b(vacation|vacations|vacaciones|holiday trip|paseo|turismo|tourism|cruise|crucero|honeymoon|luna de miel|"
    r"baptism|baptisms|christening|bautizo|bautismo|wedding|boda|birthday|cumpleanos|graduation|graduacion|"
    r"quince|quinceanera|quinceaneras|xv anos|party|fiesta|godfather|godmother|padrino|madrina|anniversary|aniversario|"
    r"christmas|navidad|new year|ano nuevo|reunion|concert|concierto|"
    # a visit to family, with nothing wrong told: "before my trip to see family in july"
    r"(?:see|visit|visiting|ver|visitar) (?:a )?(?:my |mi |mis |the |la |los )?(?:family|familia|familiares|relatives|parientes))\b"
)
# The urgency taken back: "i said urgent but honestly its not", "no es urgente la verdad", "no rush" (test set 14).
_NOT_URGENT = re.compile(
    r"\b(not (really |that |so |actually )?urgent|no (es )?(tan |muy |realmente )?urgente|nada urgente|"
    r"no (rush|hurry)|in no (rush|hurry)|not in a (rush|hurry)|no (hay|tengo) (prisa|apuro)|sin (prisa|apuro)|no corre prisa|"
    r"urgent(e)?,? but (honestly |really |actually |tbh |the truth is |la verdad )?(it'?s|it is|es) not|"
    r"urgente,? pero (la verdad |en realidad |honestamente )?no (lo )?es)\b")


def urgency_denied(cleaned: str) -> bool:
    """True when the applicant says the matter is not urgent after all (U4)."""
    return bool(_NOT_URGENT.search(cleaned))


def leisure_told(cleaned: str) -> bool:
    """True when a trip is for leisure or a celebration and no illness or death is told (U2)."""
    return bool(_LEISURE.search(cleaned)) and not re.search(
        r"\b(funeral|dying|murien|muri|sick|enferm|hospital|stroke|derrame|cancer|accident|accidente|surgery|cirug|operacion|"
        r"emergenc|grave|died|falleci|infart|heart attack|intensive|intensiva|icu|critical|critic)", cleaned)


def urgent_reason(text: Optional[str]) -> Optional[str]:
    """U2: which urgency reason the applicant gives, "none", or None when unclear."""
    raw = (text or "").strip()
    if raw in URGENT_REASONS or raw == NONE:
        return raw
    cleaned = clean(text)
    found = first_match(cleaned, URGENT_WORDS, URGENT_REASONS)
    leisure = leisure_told(cleaned)
    if found and not (found == "family_emergency_travel" and leisure):
        return found
    if _NONE_WORDS.search(cleaned) or yes_no(cleaned) is False or leisure or _NOT_URGENT.search(cleaned):
        return NONE
    if len(cleaned.split()) >= _TOLD_REASON_WORDS and not dont_know(cleaned):
        # A reason told in full that is none of the urgent ones is "something else" (U4): "quiero
        # que me cambien la foto de la green card porque sali horrible" was asked for again.
        return NONE
    return None


# Courtesy said at a question, which answers nothing: thanks ("ok gracias", "thank u") and
# asking for a moment ("one sec let me find it", "espere un momento la busco"). A lone "ok"
# is not one of them: at a yes-or-no question it is a yes.
_THANKS = r"(?:thanks?(?: (?:you|u))?(?: (?:so much|very much|a lot))?|ty|tysm|muchas gracias|mil gracias|gracias|grax|merci)"
_FILLER = r"(?:ok|okay|k|kk|oh|ah|alright|great|perfect|cool|got it|sure|perfecto|bueno|vale|sale|orale|listo|entendido|" \
          r"ah ok|oh ok|si|yes|yeah|pues|please|por favor|sir|maam|senor|senora|senorita|lol|jaja)"
_MOMENT = (
    r"(?:one|1|a|just a|un|1 un|)\s*(?:sec|secs|second|seconds|moment|min|minute|momento|momentito|segundo|segundito|minuto|minutito)|"
    r"hold on|hang on|wait|waiting|brb|give me (?:a )?(?:sec|second|moment|minute|min)|gimme (?:a )?(?:sec|second|min)|"
    r"let me (?:find|look for|look|check|get|grab|go get|see|search for|dig|pull) ?(?:it|that|them|the (?:letter|notice|number|receipt|paper|papers)|"
    r"my (?:letter|notice|papers|receipt|number))?(?: up)?|(?:i'?m|im|i am) (?:looking|checking|getting it|finding it)(?: for it)?|"
    r"espere?|esperame|espereme|aguarde|aguanta|permitame|permiteme|dame|deme|"
    r"(?:(?:dejeme|dejame|deja|deje|ahorita|ahora|ya|voy a) )?(?:lo |la |los |las |le )?(?:busco|buscar|buscarlo|buscarla|veo|ver|reviso|revisar|checo|checar|saco|encuentro|"
    r"encontrar)|la estoy buscando|lo estoy buscando|estoy buscando(?: la carta| el numero| el recibo)?|ya voy|ahi voy"
)
# Back after a silence, or asking whether the assistant is still there: "hello?? are you still there",
# "sorry i was away", "hola? sigue ahi?" (test set 12: read as an answer). Answered as a moment asked:
# take your time, the question again.
_BACK = (
    r"(?:(?:hello|hola|oiga|hey) )?(?:are you (?:still )?(?:there|here)|you still there|still there|anyone there|is anyone there)|"

    r"(?:(?:hola|oiga) )?(?:(?:sigue|sigues|esta|estas) ahi|hay alguien|me escucha)|i'?m back|im back|ya volvi|ya regrese|ya estoy aqui|"
    r"(?:(?:hola|hello|hey|oiga|perdon|sorry|ok|okay|bueno) )?(?:where (?:were|was) we|where did we (?:leave off|stop)|"
    r"what were we (?:doing|saying)|(?:en )?donde (?:nos quedamos|ibamos|estabamos)|en que (?:ibamos|estabamos|quedamos))|"
    r"sorry,? (?:i was away|i was gone|i had to step away|the page (?:was|is) (?:loading|slow|stuck)(?: forever)?|"
    r"my (?:phone|internet|wifi) (?:died|was slow|cut out))|perdon,? (?:me fui|estaba ocupad[oa]|se me fue el internet)"
)
_COURTESY_PART = rf"(?:{_THANKS}|{_FILLER}|{_MOMENT}|{_BACK})"
_COURTESY = re.compile(rf"^{_COURTESY_PART}(?: {_COURTESY_PART})*$")
_MOMENT_SAID = re.compile(rf"(?:^| )(?:{_MOMENT}|{_BACK})(?: |$)")
_THANKS_SAID = re.compile(rf"(?:^| ){_THANKS}(?: |$)")


# A greeting asked as a question while a question waits: "hello??", "bueno?", "alo?" (test set 15). A bare
# "hola" is a greeting, not a presence check.
_GREETING_ASKED = re.compile(r"^\s*(?:hello|helo|hellooo|hola|bueno|alo|hey|oiga|anybody|anyone|alguien)\s*\?+[\s?!.]*$")


def courtesy(text: Optional[str]) -> Optional[str]:
    """"wait" for a moment asked ("one sec let me find it", "un momentito, la estoy buscando"),
    "thanks" for thanks ("ok gracias"); None for anything else, a lone "ok" included."""
    if _GREETING_ASKED.match(squeeze(fold(text or "")).lower()):
        return "wait"
    cleaned = clean(text)
    if not cleaned or not _COURTESY.match(cleaned):
        return None
    if _MOMENT_SAID.search(cleaned):
        return "wait"
    return "thanks" if _THANKS_SAID.search(cleaned) else None


# An answer sent in pieces, as on a phone: "my birth date says" / "march 7 1990 but i was born july 3"
# (test set 13: the first piece was filed as the details). A short message that stops on a word that
# cannot end one is not finished.
_UNFINISHED = re.compile(
    r"(?:^|\s)(?:says|said|reads|shows|is|was|are|were|to|of|the|my|a|an|and|but|because|cuz|from|with|that|"
    r"dice|decia|dicen|es|era|son|sale|salio|aparece|pone|puso|que|de|del|la|el|los|las|mi|mis|y|pero|porque|con|por)$"
)
UNFINISHED_WORDS_AT_MOST = 8


def unfinished(text: Optional[str]) -> bool:
    """True for a short piece of an answer that stops mid-sentence ("my birth date says", "dice que es")."""
    raw = (text or "").strip()
    if not raw or raw.endswith("?") or len(raw.split()) > UNFINISHED_WORDS_AT_MOST:
        return False
    return raw.endswith(":") or raw.endswith("...") or bool(_UNFINISHED.search(clean(raw)))


# The question not understood, said at it: "what?", "huh", "no entiendo, q es eso de sintomas?",
# "what do you mean". No answer: the question is explained (where the form can) and asked again
# (test set 10: "q es eso de sintomas?" was read as a yes to the covid question, for its "sintomas").
_NOT_UNDERSTOOD = re.compile(
    r"^(?:(?:ok|okay|sorry|perdon|disculpe|eh|um+|hm+|uh|ah|and|y|pero|but)\s+)*(?:"
    r"(?:what|wat|wut|huh|que|como|mande|pardon|excuse me|come again|perdon que)$|"
    r"i dont (?:understand|get it|get that|follow)|i do not understand|dont understand|not sure what you mean|"
    r"what (?:do you mean|does that mean|is that|are those|are they|is this)|whats that|what s that|what do u mean|"
    r"no (?:le |te )?entiendo|no entendi|no comprendo|que (?:es|son) (?:eso|esto|esos|esas)|"
    r"que (?:quiere decir|significa)(?: eso)?|a que se refiere|como que|no se que es eso"
    r")(?:\s+(?:\w+\s*){0,6})?$"
)
_NOT_UNDERSTOOD_WORDS = 10


def not_understood(text: Optional[str]) -> bool:
    """True when the whole message says the question was not understood, and answers nothing."""
    cleaned = clean(text)
    if not cleaned or len(cleaned.split()) > _NOT_UNDERSTOOD_WORDS or re.search(r"\d", cleaned):
        return False
    if not _NOT_UNDERSTOOD.match(cleaned):
        return False
    # "what? no i never moved it": an answer after the surprise
    rest = re.sub(r"^(?:what|wat|huh|que|como|mande)\b", "", cleaned).strip()
    return yes_no(rest) is None or rest == cleaned


_BYE = (r"(?:bye(?: bye)?|byee+|bye now|good ?bye|cya|see (?:ya|you)(?: later| soon)?|later|ttyl|good night|"
        r"have a (?:good|nice|great) (?:day|night|one|evening|weekend)|take care|adios|adio|chao|chau|ciao|bye bye|"
        r"hasta (?:luego|pronto|manana|la proxima)|nos vemos|buenas noches|buen dia|que (?:tenga|tengas|este|estes) (?:buen|bien|buena)(?: \w+)?|"
        r"cuidese|cuidate)")
_GOODBYE = re.compile(rf"^(?:{_COURTESY_PART} )*{_BYE}(?: (?:{_COURTESY_PART}|{_BYE}))*$")


def says_goodbye(text: Optional[str]) -> bool:
    """True when the whole message takes leave ("ok bye", "gracias, adios", "thanks have a good
    day"); "bye" inside a story or a question is not one."""
    return bool(_GOODBYE.match(clean(text)))


_TOLD_REASON_WORDS = 6
_DONT_KNOW = re.compile(
    r"\b(i )?(do ?n'?t|dont|do not) know\b|\bnot sure\b|\bno idea\b|\bidk\b|\bno (lo )?se\b|\bno estoy segur|\bni idea\b|\bno me acuerdo\b|\bno recuerdo\b"
)


def dont_know(text: Optional[str]) -> bool:
    """True when the applicant says they don't know."""
    return bool(_DONT_KNOW.search(clean(text)))


_NOT_AT_HAND = re.compile(
    r"\b(do ?n'?t|dont|do not|don t|doesn'?t|dnt) (have|got|remember|know)\b|\b(lost|misplaced|threw away|can'?t find|cant find|"
    r"cannot find|could ?n'?t find|never got|never received|never came|no longer have)\b|\bno (receipt|number)\b|"
    r"\bno (lo |la )?tengo\b|\bno tengo (el|mi|ese|ningun|ninguno|numero|recibo)\b|\bperd[ií]|\bse me perdi|"
    r"\bno (lo |la )?encuentro\b|\bno encuentro\b|\bnunca (me )?(llego|recibi)|\bno me (llego|acuerdo)\b|\bno (lo )?se\b|"
    r"\bno recuerdo\b|\bbote\b|\btire\b"
)


def receipt_not_at_hand(text: Optional[str]) -> bool:
    """True when the applicant says they don't have their receipt number ("i dont have it, i
    lost all the letters", "no lo tengo, se me perdieron las cartas", "not sure what it is")."""
    cleaned = clean(text)
    return bool(cleaned) and (bool(_NOT_AT_HAND.search(cleaned)) or dont_know(cleaned))


_DANGER = re.compile(
    r"\b(kill|hurt me|hit me|beat|weapon|gun|knife|suicid|overdose|can'?t breathe|bleeding|abus|threat|"
    r"matar|me pega|golpe|arma|pistola|cuchillo|suicid|sobredosis|no puedo respirar|sangr|amenaz|violen)"
)


def mentions_danger(text: Optional[str]) -> bool:
    """The keyword check the assistant used before the crisis check (contact_center/crisis.py).

    Kept only as the baseline that `make bench-crisis` measures the crisis check against.
    """
    return bool(_DANGER.search(clean(text)))


_OPT = re.compile(r"\b(opt|stem|c ?3 ?[abc]?|c3[abc]?|students?|estudiantes?|practical training|practica|f[ -]?1)\b")
_EAD_OTHER = re.compile(
    r"\b(c ?9|c ?8|c ?33|a ?12|a ?5|c ?\d{1,2}|adjust\w*|ajuste|green card|residencia|485|asylum|asilo|tps|daca|"
    r"spouse|esposo|esposa|h ?4|l ?2|pending|pendiente|refugee|refugiado|parole|vawa|u visa|visa u|marriage|matrimonio)\b"
)
_CHANGE = re.compile(r"\b(chang\w*|switch\w*|cambi\w*|pasarme|pasar a|convert\w*|convertir\w*)\b")  # "cambiarme a estudiante"
_TO_STUDENT = re.compile(r"\b([fmj][ -]?[12]|students?|estudiantes?|exchange|intercambio)\b")
_STAY_OTHER = re.compile(r"\b(extend\w*|extension|prorroga|h ?4|l ?2|b ?[12]|tourist|turista|visitor|visitante|stay longer)\b")


def form_classification(form_type: Optional[str], text: Optional[str]) -> Optional[str]:
    """X4: the category that decides premium processing, from the applicant's words.

    I-765: "student_opt" ((c)(3) OPT) or "other"; I-539: "change_to_student_or_exchange"
    (to F, M or J) or "other"; "unknown" when they don't know; None when neither is said.
    """
    from contact_center.rules import UNKNOWN_CLASSIFICATION

    cleaned = clean(text).replace("(", " ").replace(")", " ")
    if dont_know(cleaned):
        return UNKNOWN_CLASSIFICATION
    if form_type == "I-765":
        if _OPT.search(cleaned):
            return "student_opt"
        if _EAD_OTHER.search(cleaned):
            return "other"
    if form_type == "I-539":
        if _TO_STUDENT.search(cleaned) and (_CHANGE.search(cleaned) or not _STAY_OTHER.search(cleaned)):
            return "change_to_student_or_exchange"  # "es para estudiante, visa f1": a stay is not extended to F-1
        if _STAY_OTHER.search(cleaned) or _CHANGE.search(cleaned):
            return "other"
    return None
