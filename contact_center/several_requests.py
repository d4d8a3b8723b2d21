"""Several requests in one message, taken one after another (issue 13).

"I moved last month and also I want to know the status of LIN2190012345" holds two
requests; read as one message, one of them was lost. Here a message is cut where
people join requests (a sentence end, "and also", "también", "además", "otra cosa"...),
each part is classified on its own (by the caller, with the assistant's own model),
and `plan` says which parts to take, in order. A part that is not a request of its own
(a detail, "my receipt is ...") stays with the request before it, so nothing is cut
away from what it belongs to.

Plain Python: the channel (applicant_channels/several_requests.py) does the parsing and
the taking, one part at a time, each through the whole assistant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from contact_center import appointments, conditions, person_requests, question_topics, receipts, referrals, stated, stops_and_corrections
from contact_center.question_words import QUESTION_WORDS, points_back
from contact_center.stated.case_questions import STATUS_WORDS
from contact_center.text import fold

# Intents that are a request of their own (a service, a question, another agency's matter).
# An emergency is not among them: "... also I have covid" is a fact for the request before
# it (R4), and a crisis is caught on every part anyway (G6).
REQUEST_INTENTS = frozenset({
    "check_case_status", "reschedule_appointment", "request_expedite",
    "request_live_agent", "notice_not_received", "card_not_received", "typo_correction",
    "case_outside_processing_time", "request_accommodation", "change_address", "request_callback",
    "faq", "out_of_scope",
})
# Requests that are served without a receipt number: a receipt number said after one of them
# belongs to the request before it that needs one ("my card never came and I moved. the
# receipt is EAC..." : the card's).
NO_RECEIPT_INTENTS = frozenset({"change_address", "faq", "out_of_scope", "request_live_agent", "request_callback"})
# Politeness that hid the request after it ("thanks! also i moved last week").
SOCIAL_INTENTS = frozenset({"thank", "greet"})
MIN_CONFIDENCE = 0.5
SHORT_MAIL_WORDS = 4
# A request read with less confidence than this may be a detail of the reschedule before it.
DETAIL_AT_MOST = 0.7  # "y la tarjeta?", "and my card?": mail named in a few words, no more
# A part read as what the whole message surely is needs less on its own (_backed_by_whole).
BACKED_CONFIDENCE = 0.3
MAX_PARTS = 3
# A request told after a story that is another request (plan): sure of itself, after a story of some words.
SURE_CONFIDENCE = 0.9
STORY_WORDS = 5
# Between the requests waiting in slot `pending_request` (each is one line: whitespace is folded).
PENDING_SEPARATOR = "\n"

# Where people join requests: a sentence end, or a joining word (matched on folded text).
_JOIN_WORDS = (r"(?:and also|and another thing|another thing is|another question|one more thing|also|plus|"
               # chat spelling of "tambien" ("y tb necesito cambiar mi direccion"; test set 16); a bare "tb"
               # is no join: in English it is tuberculosis ("my tb test")
               r"y tambien|tambien|y tb|y tmb|tmb|ademas|y otra cosa|otra cosa|otra pregunta|y aparte|aparte|"
               # "se me perdio la green card en la mudanza y encima ahora vivo en otra direccion"
               r"y encima|y para colmo|and on top of that|on top of that)")
# "... at 10am, and how do i renew my passport", "... huellas y que tengo que llevar?": a
# question joined to a request by a bare "and" / "y"; and any clause after a comma and "and"
# ("move my interview on dec 11, and my us passport is expiring, how do i renew it"). Not after
# a question: "what is an RFE and how long do i have" is one. A part that is no request of its
# own still goes back to the one before it (plan), so ", and i have covid" stays a detail.
_VERB_AFTER_PRONOUN = (r"(?:tengo|tiene|tienen|tenemos|tenia|necesito|necesita|necesitan|quiero|quiere|puedo|puede|pueden|"
                       r"voy|va|van|vamos|hice|hizo|mande|mando|mandaron|envie|envio|enviaron|perdi|perdio|perdieron|"
                       r"recibi|recibio|recibieron|vi|vio|llevo|llevaron|traje|trajo|recojo|recoger|cambie|cambiaron|"
                       r"pusieron|dieron|dejaron|tienes|debo|debe|hay)")
_JOINS = re.compile(
    rf"(?<=[.!?;])\s+(?:{_JOIN_WORDS}\b[,:]?\s*)?"
    rf"|\s*,?\s+\b{_JOIN_WORDS}\b[,:]?\s*"
    # ("y que lo pasen rapido", "y que me llamen": a wish, not a question; test set 15)
    rf"|(?P<bare>\s*,\s*\b(?:and|y)\s+(?!que\s+(?:lo|la|le|me|nos|se|los|las|te)\s)"
    rf"|\s*,?\s+\b(?:and|y)\s+(?={QUESTION_WORDS}\b)(?!que\s+(?:lo|la|le|me|nos|se|los|las|te)\s)"
    # "check my moms case MSC... and i want my I-130 expedited" (test set 12: the status was lost)
    rf"|\s+\b(?:and|y)\s+(?=(?:i|yo)\s+(?:want|need|would like|quiero|necesito)\b)"
    # "my green card never came AND the receipt notice has my name as Jhon": a clause with its
    # own subject; plan() keeps a cut part that is no request of its own with the one before.
    # Not "y la tengo que recoger": "la", "lo" before a verb are pronouns, not a new subject (test set 6).
    rf"|\s+\b(?:and|y)\s+(?=(?:the|my|our|mi|mis|el|la|los|las|nuestro|nuestra)\s(?!{_VERB_AFTER_PRONOUN}\b))"
    # "need to reschedule my biometrics on july 1 at 10am and check IOE4444444444" (test set 15: the status was lost)
    rf"|\s+\b(?:and|y)\s+(?=(?:also\s+|tambien\s+)?(?:check|look up|checar|chequear|revisar|consultar|revise|cheque)\b)"
    # "need to reschedule my interview and update my address" (test set 16: the reschedule was lost):
    # a request verb on its own object after a bare "and"
    rf"|\s+\b(?:and|y)\s+(?=(?:also\s+|tambien\s+)?(?:update|change|reschedule|move|expedite|replace|fix|correct|renew|"
    rf"actualizar|cambiar|reprogramar|acelerar|corregir|reponer|renovar|actualicen|cambien|corrijan)\s+"
    rf"(?:my|our|the|mi|mis|la|el|los|las|su|sus)\s)"
    # "I moved last month and I think my green card got lost in the boxes" (test set 6).
    rf"|\s+\b(?:and|y)\s+(?=(?:i think|i believe|i guess|creo que|pienso que|me parece que)\s))"
)
_QUESTION = re.compile(rf"^[\s¿]*{QUESTION_WORDS}\b")
_OPENS_JOINED = re.compile(rf"^\s*(?:{_JOIN_WORDS}|and|y|but|pero)\b")


def opens_another_request(text: str) -> bool:
    """True when the words open as another request joined on ("y tambien quiero ...", "also ...")."""
    return bool(_OPENS_JOINED.match(fold(text or "").lower()))
# A question asked about something ("what is an RFE and how long do i have"), not a request put as
# one ("can u expidite my N-400 plz, and whats the status, NBC...": test set 10 lost the expedite).
_REQUEST_PUT_AS_QUESTION = re.compile(r"^[\s¿]*(?:can|could|would|will|puede|pueden|podria|podrian|me puede|me pueden)\s+"
                                      r"(?:you|u|ya|y'all|usted|ustedes)\b(?!\s+(?:tell|explain|say|decir|explicar|decirme|explicarme))")

# "my card never arrived and I | also need ...": the joining words left at a part's end.
_TRAILING = re.compile(r"(?:\s+(?:and|y|e|&)(?:\s+(?:i|yo))?|\s+i)$", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    text: str
    intent: Optional[str]
    confidence: float = 0.0
    topic: Optional[str] = None  # a question's topic, or the agency named off topic: two are two requests

    @property
    def request(self) -> bool:
        if self.intent == "out_of_scope" and not self.topic:
            # Off topic with no agency named is the story around a request, not one: "is there a
            # way to rush my application? i have a job offer starting in january" (G7 has
            # nothing to say about the job offer).
            return False
        if self.intent == "case_outside_processing_time" and not stated.processing_time_named(self.text) \
                and not stated.status_first(self.text):
            # "can you approve my n-400 faster? ive waited 14 months": the wait is why, not a
            # request of its own (S4 needs the status first, and no case is named).
            return False
        if self.intent == "check_case_status" and self.confidence < DETAIL_AT_MOST and not receipts.find(self.text) \
                and not STATUS_WORDS.search(fold(self.text).lower()) and not stated.check_asked(self.text):
            # "my AOS interview is the same morning." beside a court hearing: a fact of the story, read unsure as a
            # status check with no case, no status word and no check asked (test set 14 after session 23: asked a receipt)
            return False
        if self.intent == "reschedule_appointment" and self.confidence < DETAIL_AT_MOST and not stated.move_asked(self.text) \
                and not _MOVE_WORDS.search(fold(self.text).lower()) and not stated.cannot_attend(self.text) \
                and stated.covid_stated(self.text) is None:
            # "my uscis interview is the same day, jan 12 at 10am." beside a court hearing to move: when it is, read
            # unsure as a move with no word of moving (a hand check of test set 16's class: a reschedule started)
            return False
        return self.intent in REQUEST_INTENTS and self.confidence >= MIN_CONFIDENCE

    @property
    def stop(self) -> bool:
        return self.intent == "stop"

    @property
    def social(self) -> bool:
        return self.intent in SOCIAL_INTENTS

    @property
    def points_back(self) -> bool:
        return points_back(self.text)


# Mail named and nothing said of it: "y la tarjeta?", "and my card?" ("where is my card??" asks for it).
_MAIL_NAMED_ONLY = re.compile(r"^(?:(?:and|y|what about|how about|and what about|y que hay de|que tal)\s+)?(?:the|my|la|el|mi)?\s*"
                              r"(?:card|green card|notice|letter|tarjeta|mica|aviso|carta)$")
_DECISION_WORDS = re.compile(r"\b(approved|aprobad[oa]s?|aprobaron|aprobo|denied|rejected|negad[oa]s?|negaron|nego|"
                             r"rechazad[oa]s?|rechazaron|rechazo)\b")


def part_of(text: str, intent: Optional[str], confidence: float, faq_topic: Optional[str] = None) -> Part:
    """A cut part as the classifier read it (`faq_topic`: the selector's faq/<topic>), made a
    request or a detail. A question neither put as a question nor naming its topic is a
    detail of the request before it ("me mude la semana pasada, como actualizo mi direccion?
    tengo un caso pendiente" had been answered with the legal-help disclaimer). An off-topic
    part's topic is the agency it names: two agencies' matters are two referrals (G7). An
    approval told is news, not a status request."""
    if intent == "check_case_status" and faq_topic and _DECISION_WORDS.search(fold(text).lower()) and not receipts.find(text) \
            and question_topics.names_topic(text, faq_topic.partition("/")[2]):
        # "me lo negaron quiero saber como apelo": the decision told, and a question on it named (test set 9)
        intent = "faq"
    topic = faq_topic if intent == "faq" else None
    if intent == "faq" and not question_topics.asks_a_question(text) \
            and not question_topics.names_topic(text, str(topic or "").partition("/")[2]):
        intent, topic = "inform", None
    if intent == "out_of_scope":
        topic = referrals.agency_for(text)
    if intent in ("card_not_received", "notice_not_received") and len(text.split()) <= SHORT_MAIL_WORDS \
            and _MAIL_NAMED_ONLY.match(fold(text).lower().strip(" ?!.¿¡")):
        intent = "inform"  # "y la tarjeta? revise LIN...": the card named, not said to be missing (test set 9)
    if intent == "notice_not_received" and stated.letter_came(text):
        intent = "inform"  # "got a letter that says that": the letter came; it is what the question is about
    if intent == "check_case_status" and stated.decision_told(text) and not receipts.find(text) \
            and not question_topics.asks_a_question(text):
        intent = "inform"  # news told before the question ("my naturalization got approved!!"), not a status request
    return Part(text, intent, confidence, topic)


def _owner(merged: List[List[str]], kinds: List[str], owners: List[Optional[str]], detail: Part) -> List[str]:
    """The group a detail joins: the one before it, or, for a receipt number after a request
    that takes none, the latest request before that which does."""
    if receipts.find(detail.text) and owners[-1] in NO_RECEIPT_INTENTS:
        for i in range(len(merged) - 1, -1, -1):
            if kinds[i] == "request" and owners[i] not in NO_RECEIPT_INTENTS:
                return merged[i]
    return merged[-1]


# A notice pasted into the chat (test set 11: "this is what the letter says: I-797C, NOTICE OF ACTION
# ... DATE AND TIME OF APPOINTMENT: ..."): its lines are the request's facts, never requests of their own.
_NOTICE_LABELS = re.compile(r"\b(notice of action|receipt number|notice date|case type|i-?797c?|date and time of appointment|"
                            r"application support center|hereby notified|priority date|received date|beneficiary|applicant a#)\b")
NOTICE_LABELS_PASTED = 2


def notice_pasted(text: str) -> bool:
    """True when the message holds a notice's text, copied in (two of its labels or more)."""
    return len({m.group(1) for m in _NOTICE_LABELS.finditer(fold(text or "")[:4000])}) >= NOTICE_LABELS_PASTED


def split(text: str) -> List[str]:
    """The message cut where requests are joined, or [] when it has no such place.

    Cuts are found on folded text (accents and case do not matter) and applied to the
    original, so each part keeps what the applicant typed.
    """
    if notice_pasted(text):
        return []
    text = " ".join((text or "").split())
    folded = fold(text)
    if len(folded) != len(text):  # a character that folds to several: cut nothing
        return []
    parts, start = [], 0
    for match in _JOINS.finditer(folded):
        if match.group("bare") and _QUESTION.match(folded[start:match.start()]) \
                and not _REQUEST_PUT_AS_QUESTION.match(folded[start:match.start()]) \
                and not receipts.find(folded[start:match.start()]):
            # "what is an RFE and how long do i have" is one question; "what's the status on my
            # I-129 WAC..., and can you expedite it?" names its case: a status, then another request.
            continue
        parts.append(text[start:match.start()])
        start = match.end()
    parts.append(text[start:])
    parts = [piece for p in parts for piece in _cut_conditions(p)]
    parts = [_TRAILING.sub("", p.strip(" ,")) for p in parts]
    parts = [p for p in parts if p]
    stop_end = stops_and_corrections.opening_stop(parts[0]) if parts else None
    if stop_end is not None and len(parts[0][stop_end:].strip(" ,.!;").split()) >= 3:
        # "never mind that, i just need to change my address": the stop, then what follows
        parts[:1] = [parts[0][:stop_end].strip(" ,"), parts[0][stop_end:].strip(" ,.!;")]
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return []
    return parts


# Where a condition on the request before it may start: "... EAC123 and if its approved ...",
# "..., y si me lo negaron ...". Cut only when what follows reads as a condition (conditions.py).
_CONDITION_CUT = re.compile(r"(?:\s*,?\s+(?:and|but|y|pero)\s+|\s*[,;]\s+)(?=(?:if|si)\b)")


def _cut_conditions(text: str) -> List[str]:
    """`text` cut before each condition it holds after its first words."""
    folded = fold(text)
    if len(folded) != len(text):
        return [text]
    pieces, start = [], 0
    for match in _CONDITION_CUT.finditer(folded):
        if match.start() > start and conditions.opens_with_condition(folded[match.end():]):
            pieces.append(text[start:match.start()])
            start = match.start()  # the condition keeps its "and if": the channel reads it
    pieces.append(text[start:])
    return pieces


def _backed_by_whole(part: Part, whole: Part) -> bool:
    """A part that is unsure alone, but is what the whole message was surely read as: "que
    tengo que llevar?" cut from "necesito cambiar mi cita de huellas y que tengo que llevar?"
    lost the word that made it a question about biometrics (0.40 alone, 0.97 whole)."""
    return (whole.request and part.intent == whole.intent and part.intent in REQUEST_INTENTS
            and part.confidence >= BACKED_CONFIDENCE)


def _in_context(text: str, whole: Part, parts: Sequence[Part]) -> str:
    """A question taken up later is asked with the words around it when the whole message is
    that question ("necesito reprogramar mis huellas y que documentos tengo que llevar?": taken
    up alone, "que documentos tengo que llevar cuando vaya?" lost "huellas" and got the RFE
    answer). The whole message, read as that question, gets its answer again."""
    part = next((p for p in parts if p.text == text), None)
    if conditions.condition_of(text):
        return text  # its condition is read when it is taken: the whole message holds none first
    if part is not None and part.intent == "faq" and whole.intent == "faq" and whole.topic == part.topic \
            and whole.confidence >= MIN_CONFIDENCE:
        return whole.text
    return text


# A person asked for, and a call back asked for, are one request for a person (G1, C3):
# "necesito hablar con alguien, ... llamenme al 956 555 0106" is one.
_ONE_REQUEST = {"request_callback": "request_live_agent"}


def _same_request(part: Part) -> tuple:
    if part.intent == "case_outside_processing_time" and not stated.processing_time_named(part.text):
        # S1 then S4: "QUE PASA CON MI CASO??? llevo 2 años esperando" is one status request,
        # whose lookup offers the e-Request only if the case is late.
        return ("check_case_status", part.topic)
    return (_ONE_REQUEST.get(part.intent or "", part.intent), part.topic)


def _conditions_follow_a_status(parts: Sequence[Part]) -> List[Part]:
    """A case named just before a condition on its status is a status request, however unsure
    the classifier was of "mira el LIN..." alone: the condition ("y si ya enviaron la tarjeta ...")
    is about what the lookup says (S1)."""
    out = list(parts)
    for i in range(len(out) - 1):
        kind = conditions.condition_of(out[i + 1].text)
        asked = (kind and kind != "not_online") or (stated.check_asked(out[i].text) and out[i + 1].request)
        if asked and receipts.find(out[i].text) and not out[i].request:
            # "checa el IOE... y tambien me mude": the case asked to be looked up, before another request
            out[i] = Part(out[i].text, "check_case_status", 1.0)
    return out


# "ok y lo de mi esposo? el quiere acelerar su ciudadania": whose request comes next, said before it
# (test set 1 lost the expedite to a status question once it was cut).
_WHOSE_NEXT = re.compile(r"^(?:(?:ok|okay|and|y|pero|but|so|entonces|ah)\s+)*(?:what about|how about|and about|lo de|el de|la de|"
                         r"los de|que hay de|y que de|que tal lo de)\s+(?:my|mi|mis|our|nuestro|nuestra|su)\s+\w+(?:\s+\w+)?$")


def _read_in_their_words(parts: Sequence[Part]) -> List[Part]:
    """Parts whose words say what they are, whatever the classifier read (test set 11): an expedite
    asked for after another request ("and also expedite it, its the I-765 (c)(9) one" read as an
    answer) is a request; a call someone said they would make ("me dijeron que me iban a llamar")
    asks for none, nor does one to the applicant's own lawyer or family."""
    out: List[Part] = []
    for part in parts:
        if part.intent == "check_case_status" and not receipts.find(part.text) \
                and _WHOSE_NEXT.match(fold(part.text).lower().strip(" ?!.,¿¡")):
            out.append(Part(part.text, "inform", 0.0))  # a detail of the request after it
            continue
        if out and out[0].stop and not part.stop and (stops_and_corrections.leaves_the_line(part.text)
                                                      or stops_and_corrections.says_stop(part.text)):
            # "sabe que, mejor ya no, luego llamo. cancelar": leaving, said again; no new request (test set 12)
            out.append(Part(part.text, "stop", 1.0))
            continue
        looked_up = bool(out) and out[-1].intent == "check_case_status" and bool(receipts.find(out[-1].text))
        if looked_up and not part.request and part.intent != "faq" and stated.expedite_asked(part.text):
            part = Part(part.text, "request_expedite", 1.0)  # "expedite it": the case just looked up
        elif part.intent in ("request_callback", "request_live_agent") and (
                stated.call_reported(part.text)
                or (stated.own_person_first(part.text) and not person_requests.asks_for_a_person(part.text))):
            # "actually cancel, i need to talk to my lawyer first": the applicant's own lawyer, no representative
            part = Part(part.text, "inform", 0.0)
        out.append(part)
    return out


def _one_sure_question(whole: Part, parts: Sequence[Part]) -> bool:
    """The whole message is one question, surely, and nothing in it is surely another request: "im
    deaf and i cant use a regular phone. if i ever need to call uscis is there a TTY number?" is the
    contact numbers' question, not an accommodation (test set 11)."""
    if whole.intent != "faq" or whole.confidence < SURE_CONFIDENCE \
            or not question_topics.names_topic(whole.text, str(whole.topic or "").partition("/")[2]):
        return False
    # "check TSC... for me and also what does a NOID mean": a case named is a request of its own
    return not any(p.request and (p.intent != "faq" or p.topic != whole.topic)
                   and (p.confidence >= SURE_CONFIDENCE or receipts.find(p.text) or stated.check_asked(p.text)
                        # "quiero acelerar mi ciudadania, la N-400, y tambien no se donde viene el numero de recibo"
                        # (test set 15: only the question was answered)
                        or (p.intent == "request_expedite" and stated.expedite_asked(p.text)))
                   for p in parts)


# One of the times it was moved, told: "the second time i did it online", "la primera vez llame" (test set 13).
_TIME_COUNTED = re.compile(r"\b(first|second|third|1st|2nd|3rd|last|other|primera|segunda|tercera|ultima|otra) (time|vez)\b")

_THAT_APPOINTMENT = re.compile(r"\b(that|this|the same|esa|esta|la misma) (appointment|appt|cita)\b|\b(move|change|reschedule) it\b|\b(cambiarla|moverla)\b")


_MAIL_MISSING_INTENTS = ("card_not_received", "notice_not_received")
_MOVE_WORDS = re.compile(r"\b(re-?schedul\w*|reprogram\w*|mov(e|er|erla|ing)|chang\w*|cambi\w*|postpon\w*|pospon\w*|"
                         r"another (date|day|time)|otra (fecha|cita|dia)|new (date|appointment)|nueva (fecha|cita)|can'?t (go|make)|"
                         r"cannot (go|make)|no (puedo|podre|voy a poder) ir)\b")

# A receipt number given and nothing else: "el recibo es MSC5555555555", "receipt # EAC...", "its LIN...".
_RECEIPT_GIVEN = re.compile(
    r"^(?:(?:and|y|also|tambien|ah|oh|ok)\s+)*(?:(?:el|mi|my|the|su|her|his|its|it'?s|es)\s+)*"
    r"(?:(?:numero de )?recibo|receipt(?: number| no\.?| #|#)?|case(?: number)?|caso)?\s*(?:es|is|:|#|=)?\s*"
    r"[a-z]{3}[\s-]?\d{10}\s*[.!]?$"
)


def plan(whole: Part, parts: Sequence[Part]) -> List[str]:
    """The texts to take one after another, or [] to take the message whole, as before.

    Two requests or more: each with the details after it. One request after a greeting
    or a thank-you that hid it (the whole message was read as politeness): both, in order.
    """
    if len(parts) < 2:
        return []
    parts = _read_in_their_words(_conditions_follow_a_status(parts))
    if _one_sure_question(whole, parts):
        return []
    merged: List[List[str]] = []
    kinds: List[str] = []
    owners: List[Optional[str]] = []  # each merged group's request intent
    seen: List[tuple] = []  # each request group's (kind of request, topic)
    introduced = False
    for part in parts:
        if not merged and stated.introduces_writer(part.text) and not receipts.find(part.text):
            # "hi im a medical interpreter helping a patient.": who writes, no request of its own;
            # read with it, the request had become an accommodation (test set 8).
            introduced = True
            continue
        request = part.request or _backed_by_whole(part, whole)
        kind = "stop" if part.stop else "request" if request else "social" if part.social else "detail"
        if merged and kinds[-1] == "request" and part.points_back:
            kind = "detail"
        if kind == "request" and "reschedule_appointment" in owners and part.intent != "reschedule_appointment" \
                and part.confidence < DETAIL_AT_MOST \
                and (stated.times_rescheduled_stated(part.text) is not None or stated.covid_stated(part.text) is not None
                     or _TIME_COUNTED.search(fold(part.text).lower())):
            # "never moved it before and i dont have covid" after a biometrics appointment: its count and
            # covid (R2, R4), though "moved" reads as a change of address (test set 9)
            kind = "detail"
        if kind == "request" and merged and owners[-1] == "out_of_scope" and part.intent == "reschedule_appointment" \
                and _THAT_APPOINTMENT.search(fold(part.text).lower()) and appointments.named_in(part.text) is None:
            # "my dmv appointment ... can you help me move that appointment?": the other agency's appointment,
            # told about in the referral, not a USCIS reschedule (test set 9).
            introduced = True  # the referral taken alone: with these words the whole message reads as a reschedule
            continue
        if kind == "request" and merged and owners[-1] and owners[-1] not in NO_RECEIPT_INTENTS \
                and _RECEIPT_GIVEN.match(fold(part.text).lower().strip()) and not receipts.find(" ".join(merged[-1])):
            # "... necesita una silla. el recibo es MSC5555555555": the request's receipt, no status asked
            # (test set 15: the receipt was asked for again)
            kind = "detail"
        if kind == "request" and merged and owners[-1] in _MAIL_MISSING_INTENTS \
                and stated.where_mail_should_have_gone(part.text) and not stated.mailed_to_wrong_place(part.text):
            # "my work permit card never came. receipt IOE..., it was supposed to go to 22 birch rd": where
            # the card should have gone, with its receipt: the request's details (test set 16)
            kind = "detail"
        if kind == "request" and _same_request(part) in seen:
            # The same request told again ("como cambio mi direccion? me mude en agosto. y ...
            # nunca me llego la carta"): a detail of the first, and the requests after it still count.
            merged[seen.index(_same_request(part))].append(part.text)
            continue
        if kind == "detail" and merged:
            _owner(merged, kinds, owners, part).append(part.text)
            continue
        merged.append([part.text])
        kinds.append(kind)
        owners.append(part.intent if kind == "request" else None)
        seen.append(_same_request(part) if kind == "request" else ("", len(merged)))
    if kinds[:2] == ["detail", "request"] and len(merged) == 2 and not introduced and whole.request \
            and _same_request(whole) != seen[1] and parts[-1].confidence >= SURE_CONFIDENCE \
            and len(" ".join(merged[0]).split()) >= STORY_WORDS:
        # "me llego la mica con el apellido mal, dice Rodriges y es Rodriguez, y tambien quiero cambiar
        # mi direccion": the story before is what the whole message was read as (a typo), and the
        # part after it another request; taken as one, the change of address was lost (test set 8).
        return [whole.text, " ".join(merged[1])]
    if kinds and kinds[0] == "detail" and len(merged) > 1:  # a detail before any request joins the next one
        merged[1] = merged[0] + merged[1]
        del merged[0], kinds[0], owners[0]
    if kinds[:1] == ["stop"] and len(kinds) == 2 and kinds[1] == "request":
        # Stop what is under way, then the new request. The stop keeps its comma before its reason:
        # "wait forget the expedite i just got my oath letter" no longer opened with a stop, and the
        # reschedule after it was lost (test set 2).
        return [", ".join(merged[0]), " ".join(merged[1])]
    requests = [" ".join(texts) for texts, kind in zip(merged, kinds) if kind == "request"]
    first = next((owner for owner, kind in zip(owners, kinds) if kind == "request"), None)
    if len(requests) >= 2 and _ONE_REQUEST.get(first or "", first) == "request_live_agent":
        # G1: what follows a request for a person is what the person is wanted for ("can i talk to
        # a real person? the status site keeps erroring. receipt is NBC..."): the live-help form
        # reads it from the whole message, and self-help serves it first (test set 4).
        return []
    if len(requests) >= 2:
        return requests[:1] + [_in_context(text, whole, parts) for text in requests[1:]]
    if len(requests) == 1 and whole.social and kinds and kinds[0] == "social":
        return [" ".join(merged[0]), requests[0]]
    if len(requests) == 1 and whole.intent == "nlu_fallback" and kinds and kinds[0] == "social":
        # "gracias! otra cosa, que tengo que llevar a la cita": the whole message was not placed; the
        # question is what is asked
        return [requests[0]]
    if len(requests) == 1 and introduced:
        return [" ".join(texts) for texts in merged]  # the request without the introduction
    return []


def stops_first(parts: Sequence[str]) -> bool:
    """True when the first part of a plan is a stop of what is under way ("never mind")."""
    return bool(parts) and stops_and_corrections.opening_stop(parts[0]) is not None
