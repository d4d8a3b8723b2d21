"""The words that name each knowledge-base topic: a second key for a question (issue 13).

The intent classifier sometimes leaves a real question out of scope, or under a service
that shares its words, when the question comes wrapped in a story ("got an RFE in the
mail, how long do i have to send the stuff back", "my case has said actively reviewed for
8 months is that normal"), while the ResponseSelector is sure of the topic. The selector
alone is also sure of many questions nobody here answers ("how long does it take milk to
expire" looked like processing times), so a question is taken only when the message also
names its topic in the topic's own terms, in English or Spanish. Matched on folded text.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Pattern

from contact_center.question_words import QUESTION_WORDS, points_back
from contact_center.text import fold

# The ResponseSelector's confidence at which its topic is taken, with the topic named.
SELECTOR_CONFIDENCE = 0.9

# A USCIS matter named: what "how much" or "how long" must be about.
_IMMIGRATION = (r"(?:uscis|form|forms|formulario|i-? ?\d{2,3}\w?|n-? ?\d{3}|citizenship|ciudadania|naturali[sz]\w+|"
                r"green card|residencia|work permit|permiso de trabajo|application|solicitud|petition|peticion|tramite|"
                r"case|caso|biometrics?|biometricos|fingerprints?|huellas|"
                # forum words and a form by its number alone: "how long is the 765 taking", "the real fee for the 485"
                r"ead|aos|gc|(?:the|my|his|her|our|la|el|mi|su) \d{3})")

TOPIC_TERMS: Dict[str, Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "rfe": r"\b(rfe|rfes|request for (?:more |additional )?evidence|solicitud de (?:mas )?evidencia|peticion de evidencia|"
               r"additional evidence|evidencia adicional|mas evidencia|more evidence)\b",
        "noid": r"\b(noid|notice of intent to deny|intent to deny|aviso de intencion de negar|intencion de negar|intento de negar)\b",
        "premium_processing": r"\b(premium processing|premium|procesamiento premium|proceso premium|i-? ?907)\b",
        "find_receipt_number": r"\b(receipt (?:number|notice|#)|numero de recibo|recibo)\b.*\b(where|find|locate|look|"
                               r"donde|encuentro|encontrar|busco|viene|aparece|sale)\b|\b(where|donde)\b.*\b(receipt|recibo)\b",
        "processing_times": r"\b(processing times?|tiempos? de procesamiento|how long|cuanto (?:tiempo|tarda\w*)|"
                            r"how many (?:months|days|weeks)|cuantos (?:meses|dias))\b.*\b" + _IMMIGRATION + r"\b"
                            # "but when will it be approved???", "pero cuando me lo aprueban??" (test set 10)
                            r"|\bwhen (?:will|do|does|would|are|is|can)\b.{0,25}\b(?:approved?|decided?|decision|ready|done|finished)\b"
                            r"|\bcuando\b.{0,25}\b(?:aprueban|aprueba|van a aprobar|aprobaran|deciden|decidiran|resuelven|me (?:dan|van a dar) respuesta)\b",
        "contact_numbers": r"\b(tty|phone number|numero de telefono|telefono|call uscis|llamar a uscis|contact center|"
                           r"centro de contacto|what number do i call|number (?:to|do i) call|que numero (?:llamo|marco)|"
                           r"a que numero (?:llamo|les marco|les llamo)|"
                           # "is there a number i can call where they say it to me?" (test set 11)
                           r"number (?:i|we) (?:can|could|should) (?:call|dial)|"
                           r"numero (?:al que|a donde|adonde|donde) (?:puedo|pueda|podemos) (?:llamar|marcar))\b",
        "no_answer_before_appointment": r"\b(before|antes)\b.*\b(interview|appointment|entrevista|cita|fecha|date)\b"
                                        # "si no me contestan antes, tengo que ir de todos modos?"
                                        r"|\b(tengo que ir|hay que ir|debo ir|have to go|should i (still )?go|do i (still )?go)\b"
                                        r".*\b(de todos modos|de todas formas|igual|anyway|anyways|regardless)\b"
                                        # a move asked, no answer, and the day near: "got no answer, ceremony is next
                                        # thursday. do i just show up?" (test set 14: a reschedule was started)
                                        r"|\b(no answer|no response|no reply|not heard back|never heard back|haven'?t heard|"
                                        r"didn'?t hear back|nobody answered|no one answered|no me (?:han )?contest\w*|"
                                        r"no me (?:han )?respond\w*|sin respuesta|no (?:he )?recib\w* respuesta|no supe nada)\b"
                                        r".*\b(?:do|should|shall|can) i (?:just |still |simply )?(show up|go|attend|turn up)\b"
                                        r"|\b(no answer|no response|no reply|not heard back|haven'?t heard|no me (?:han )?contest\w*|"
                                        r"sin respuesta)\b.*\b(me presento|voy|asisto|tengo que ir|debo ir)\b.*\?",
        "case_approved": r"\b(case|caso|status|estatus|estado)\b.*\b(approved|aprobad[oa])\b"
                         # "what does approved mean exactly, do i get something in the mail" (test set 6)
                         r"|\b(approved|aprobad[oa])\b.*\b(mean|means|significa|quiere decir)\b"
                         r"|\b(mean|means|significa|quiere decir)\b.*\b(approved|aprobad[oa])\b",
        "actively_reviewed": r"\b(actively reviewed|actively being reviewed|revisado activamente|revision activa|"
                             r"siendo revisado|revisando activamente|revisandolo activamente|lo estan revisando)\b",
        "biometrics_what_to_bring": r"\b(biometrics?|bio|bios|biometricos|fingerprints?|huellas)\b.*\b(bring|take|need|llevar|"
                                    r"traer|necesito|passport|pasaporte|id|license|licencia|identificacion)\b",
        # "can i follow the card online, do i need some kind of account for that" (test set 15)
        "online_account": r"\b(online account|uscis account|my ?uscis|cuenta (?:en linea|de uscis)|password|contrasena|"
                          r"(?:follow|track|see|check) (?:it|the card|my card|my case|the case|la tarjeta|mi caso) online|"
                          r"need (?:some kind of |a |an )?account|(?:seguir|ver|rastrear) (?:mi caso|la tarjeta|el caso) en linea|"
                          r"necesito (?:una )?cuenta)\b",
        "legal_help": r"\b(lawyer|attorney|abogad[oa]|notario|legal help|ayuda legal|legal aid|free legal|"
                      # advice on what to apply for (test set 14: "me conviene mas pedir asilo o esperar lo de mi esposo")
                      r"me conviene|que me conviene|que me recomienda|que me aconseja|should i (?:apply|file) for|"
                      r"is it better (?:to|if)|which (?:is|one is|would be) better|que es mejor)\b",
        "scams": r"\b(scam|scams|fraud|estafa|fraude|gift cards?|google play|itunes|tarjetas de regalo|is (?:that|this|it) real|es real|"
                 r"(?:is (?:that|this|it) )?for real|legit|es de verdad|"
                 r"es verdad)\b(?=.*\b(uscis|immigration|inmigracion|deport\w*|officer|oficial|called|call|llam\w*|owe|"
                 r"debo|pay|pagar|real|verdad)\b)|\b(uscis|immigration|inmigracion|deport\w*|called|llam\w*)\b.*"
                 r"\b(scam|scams|fraud|estafa|fraude|gift cards?|google play|itunes|tarjetas de regalo|is (?:that|this|it) real|"
                 r"es real|es verdad|is that (?:you|uscis)(?: guys)?|son ustedes|eran ustedes|(?:is (?:that|this|it) )?for real|legit|"
                 r"es de verdad|real or fake|fake or real|real o falso|falso o real|is (?:this|that|it) fake|es falso\?)(?!\w)",
        "callback_caller_id": r"\b(caller ?id|private number|numero privado|blocked number|numero bloqueado|area code|"
                              r"codigo de area|unknown (?:number|caller)|(?:numero )?desconocido|sin identificador|"
                              # the number a call comes from, not the one to call: "a que numero llamo?" is contact_numbers
                              # (test set 15: two topics named, and the status explained again)
                              r"(?:what|which) number(?! (?:do|should|can|could|would) (?:i|we) (?:call|dial)| to (?:call|dial))(?= .{0,30}\b(?:call|calls|calling|show|shows|appear|appears|come|comes|from)\b)|"
                              r"(?:de )?que numero(?= .{0,30}\b(?:llaman|llamaran|llama|llamara|van a llamar|me llaman|aparec\w*|sale|salen|"
                              r"marcan)\b)|de que numero|202|shows? up as|aparece como|sale como)\b",
        "appeal_denial": r"\b(appeal\w*|apel\w*|i-? ?290b?|motion to (?:reopen|reconsider)|mocion|reconsider\w*|reabrir)\b",
        "replace_green_card": r"\b(lost|lose|stolen|stole|destroyed|damaged|replace\w*|new|another|otra|nueva|reponer|"
                              r"reemplaz\w*|perdi\w*|robaron|rob[oó]|quedo|quito|quitaron|rompio)\b.*\b(green card|"
                              r"tarjeta verde|residencia|mica|permanent resident card|tarjeta de residente)\b|"
                              r"\b(green card|tarjeta verde|mica|tarjeta de residen\w*)\b.*\b(lost|stolen|destroyed|damaged|"
                              r"replace\w*|perdi\w*|robaron|rob[oó]|se (?:la|lo) quedo|quito|quitaron)\b|\bi-? ?90\b",
        # "y cuanto sale presentar la I-130?" (test set 15: answered about replacing a green card)
        "fees": r"\b(fee|fees|cost|costs|price|cuesta|cuestan|costo|precio|tarifa|how much|cuanto (?:cuesta|es|pago|cobran|sale|vale))\b"
                r".*\b" + _IMMIGRATION + r"\b|\b" + _IMMIGRATION + r"\b.*\b(fee|fees|cost|cuesta|costo|tarifa|how much|cuanto sale)\b",
    }.items()
}


# Asked whether what came is genuine: the question is about scams, whatever the pasted text is about
# ("got this text: 'USCIS ALERT: your I-485 has an unpaid fee ...' is this for real??": test set 14, fees).
_ASKS_IF_GENUINE = re.compile(r"\b(is (?:this|that|it) (?:for )?real|for real\?|is (?:this|that|it) (?:a )?(?:scam|legit)|legit\?|"
                              r"real or (?:fake|not|a scam)|fake or real|is (?:this|that|it) fake|real o falso|"
                              r"verdadero o falso|"
                              r"es (?:de )?verdad|es real|es (?:una )?estafa|sera (?:verdad|real|estafa))")


def asks_if_genuine(text: Optional[str]) -> bool:
    """True when the message asks whether something it tells of is genuine or a scam."""
    return bool(_ASKS_IF_GENUINE.search(fold(text or "").lower()[:2000]))


def named_topics(text: Optional[str]) -> List[str]:
    """Every knowledge-base topic the message names in its own terms."""
    return [topic for topic in TOPIC_TERMS if names_topic(text, topic)]


def names_topic(text: Optional[str], topic: Optional[str]) -> bool:
    """True when the message names `topic` in its own terms."""
    pattern = TOPIC_TERMS.get(topic or "")
    return bool(pattern and pattern.search(fold(text or "").lower()[:2000]))


# "... what does that mean?", "que significa eso": asking what something means. A status
# told as the question's context ("my status says case was approved. what does that mean")
# reads like a status check to the classifier; the question is what was asked.
_ASKS_MEANING = re.compile(
    r"\bwhat (?:does|do|did) (?:that|this|it|\w+(?: \w+){0,4}) mean\b|\bwhat (?:is|s) (?:that|this) (?:mean|about)\b|"
    r"\bwhat(?:'s| is) the meaning\b|\bmeaning of\b|\bque (?:significa|quiere decir)\b|\bsignifica (?:que|eso|esto)\b|"
    # a letter pasted with "no entiendo nada" (test set 6: read as a notice that never came)
    r"\bno (?:le )?entiendo(?: nada)?\b|\bi (?:do ?n'?t|dont|do not) understand (?:it|this|that|what|anything)\b"
)


def asks_meaning(text: Optional[str]) -> bool:
    """True when the message asks what something means."""
    return bool(_ASKS_MEANING.search(fold(text or "").lower()[:2000]))


# A question put before the answer asked for ("antes de eso, cual es el numero de uscis?",
# "quick q, the dmv says ..., can uscis tell them?"): it ends with a question mark, or opens,
# after a lead-in, with a question word.
_LEAD_IN = r"(?:(?:quick (?:q|question)|one question|a question|question|before that|first|wait|oh|btw|by the way|also|and|" \
           r"antes de eso|antes|primero|pregunta|una pregunta|oiga|espere|y|ah)[\s,.:!-]+)*"
_OPENS_AS_QUESTION = re.compile(
    _LEAD_IN + r"(?:" + QUESTION_WORDS + r"|whats|me puede|me da|me dan|hay)\b"
)


def asks_a_question(text: Optional[str]) -> bool:
    """True when the message is put as a question (a question mark, or a question word first)."""
    folded = fold(text or "").lower().strip()
    return folded.rstrip(" .!").endswith("?") or bool(_OPENS_AS_QUESTION.match(folded.lstrip("¿ ")))


def asks_about_what_was_said(text: Optional[str]) -> bool:
    """True when the message asks about what was just said ("what does that mean?", "que
    significa eso") and names no knowledge-base topic of its own: "que es eso de RFE y cuanto
    tiempo tengo" is the RFE question, answered as such."""
    return points_back(text or "") and not any(names_topic(text, topic) for topic in TOPIC_TERMS)
