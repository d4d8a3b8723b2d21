"""Stopping, resuming and correcting, in the applicant's words: a stop anywhere in a message
("never mind", "olvidalo") or opening it ("nah forget it, ill call tomorrow"), a request to go
back to what was under way ("can we finish the card thing"), and a field corrected at a
confirmation with its new value ("change the documents to ..."), and a move or a person
refused ("no quiero cambiar la cita", "i dont need a person anymore").
"""
from __future__ import annotations

import re
from typing import Optional

from contact_center.answers import clean, yes_no
from contact_center.stated.clauses import MAX_STATED_CHARS, says
from contact_center.stated.reasons import MOVE_ASKED
from contact_center.text import fold

_STOP = re.compile(
    r"\b(cancel\w*|stop|quit|abort|never ?mind|nvm|forget (it|about it|that|the)|scratch that|"
    r"(do ?n'?t|dont|do not) want to (do|continue|go on)|changed my mind|"
    r"cancel\w*|olvid\w*|deja(lo|lo asi| eso)?|para(le)?|pare|detente|alto|basta|salir|"
    r"ya no quiero|no quiero (seguir|continuar)|me arrepenti|cambie de opinion|"
    # starting over is leaving this request: nothing is filed, and the request is told again (test set 8)
    r"start (over|again)|start from (the beginning|scratch)|empezar de nuevo|comenzar de nuevo|volver a empezar|"
    r"empecemos de nuevo|empezar otra vez|(mejor )?lo dejo|dejemoslo|mejor no lo hago|"
    # the request not to be filed after all: "mejor no lo meta", "better not file it" (test set 14)
    r"mejor no (lo|la) (meta|mande|presente|envie|haga|pida|ponga)|no (lo|la) (meta|mande|presente|envie) (todavia|mejor|ya)|"
    r"(better|rather) not (file|send|submit)( it| that| this)?|(do ?n'?t|dont|do not) (file|send|submit) (it|that|this)( yet| after all)?)\b"
)


# A new matter put aside the question asked: "espera, mejor primero necesito cambiar mi cita",
# "oh and i also need to move my biometrics", "wait, actually ...". At a question that takes
# a description, such an opening (with a confident new request) is not the description.
_ASIDE = re.compile(
    r"^(wait|hold on|hang on|actually|oh wait|oh and|oh also|and also|also|one more thing|before that|"
    r"espera|espere|un momento|mejor|en realidad|pensandolo bien|ah y|ah tambien|y tambien|tambien|ademas|"
    r"otra cosa|antes de eso|primero)\b"
)


def opens_aside(text: Optional[str]) -> bool:
    """True when the message opens by putting the question asked aside."""
    return bool(_ASIDE.match(clean(text)))


# Leaving the line for a representative in the applicant's words (test set 7: "ugh forget it,
# ill call tomorrow. bye", "mejor ya no, me tengo que ir a trabajar, otro dia"). Not "i cant
# wait any more": that is the wait complained of, and the place in line is kept.
_LEAVES = re.compile(
    r"\b(bye|goodbye|adios|chao|chau)\b\W*$|\b(i )?(have to|gotta|got to|need to|must) (go|leave)( now| sorry| bye)?\W*$|\bim leaving\b|"
    r"\b(some )?other time\b|\banother (time|day)\b|\bi'?ll (call|try|come back|check back|do it)( \w+)? (tomorrow|later|another)|"
    r"\b(me tengo que ir|tengo que irme|ya me voy|me voy a ir|mejor ya no|ya no quiero esperar|no puedo esperar mas|"
    r"otro dia|en otro momento|mejor (llamo|vuelvo|regreso)|(llamo|vuelvo|regreso) (manana|despues|luego|otro dia))\b"
)


def leaves_the_line(text: Optional[str]) -> bool:
    """True when a message sent while waiting for a representative says the applicant is leaving."""
    cleaned = clean(text)
    return says_stop(cleaned) or bool(_LEAVES.search(cleaned))


def says_stop(text: Optional[str]) -> bool:
    """True when the words ask to stop ("never mind", "olvidalo"); "never moved it before" does not."""
    return says(_STOP, text)


def starts_with_stop(text: Optional[str]) -> bool:
    """True when the message opens by asking to stop ("nah forget it, i'll call tomorrow",
    "mejor no, dejalo asi"): a stop, however long what follows."""
    words = clean(text).split()
    # "you know what forget it, dont send anything" opens with a stop after its lead-in words.
    return says_stop(" ".join(words[:4])) or opening_stop(text) is not None


# A field named with its new value at the confirmation: "change the documents to ...",
# "cambia los documentos: ...". The value is kept as typed.
_FIELD_NAMES = {
    "expedite_documents": r"documents?|documentos?|docs|papers|papeles|evidence|evidencia|pruebas",
    "problem_details": r"details?|description|descripci[oó]n|detalles?|problem|problema",
}
_NEW_VALUE = (r"\s*(?:[:=]|\b(?:to|should be|should say|is|are|will be|a|por|son|es|ser[aá]n?|debe ser|deber[ií]an? ser|"
              r"que diga|say|says)\b)\s*(?P<value>\S.*)$")


# The new value said with "instead" ("actually i wont have the employer letter, put medical
# records from dr patel instead", "mejor ponga la carta del hospital en su lugar"): the
# form's free-text field, since that is what such words replace.
_INSTEAD = re.compile(
    r"\b(?:put|use|send|list|write|say|make it|pon|ponga|ponle|pongale|mande|mandare|envie|enviare|use|usare)\s+"
    r"(?P<value>\S.*?)[\s,.]*\b(?:instead|en su lugar|en lugar de eso|mejor)\b",
    re.IGNORECASE,
)


def named_correction(text: Optional[str], field: str) -> Optional[str]:
    """The new value of `field` when the message names the field and gives it, or gives a
    new value "instead", else None."""
    found = re.search(rf"\b(?:{_FIELD_NAMES[field]})\b{_NEW_VALUE}", (text or "").strip(), re.IGNORECASE) \
        or _INSTEAD.search((text or "").strip())
    if not found:
        return None
    value = found.group("value").strip()
    if yes_no(value) is not None or _APPROVAL.match(clean(value)):
        return None  # "the documents are fine" approves them
    if _CONTACT_WORDS.search(clean(value)):
        return None  # "use my email instead" changes the contact, read by its own reader
    return value


_CONTACT_WORDS = re.compile(r"\b(e-?mail|correo|phone|telefono|cell|celular|cel|number|numero)\b")
_APPROVAL = re.compile(r"^(fine|good|ok|okay|right|correct|all right|bien|correct[oa]s?|buen[oa]s?|perfect[oa]?s?)\b")
# A summary approved in words ("all good, send", "looks right", "todo bien, mandelo"): a yes at
# a confirmation only, where nothing else could be meant ("all good" to the covid question is
# about the applicant's health).
_SUMMARY_APPROVED = re.compile(
    r"^(all good|looks good|looks right|looks correct|sounds good|thats (right|correct|it)|that is (right|correct)|"
    r"everything is (right|correct|good|fine)|perfect|perfecto|todo (bien|correcto|esta bien)|esta bien|"
    r"todo en orden|asi esta bien)\b(?!.*\b(but|except|pero|excepto|menos|wrong|mal|change|cambi\w*)\b)"
)


def approves_summary(text: Optional[str]) -> bool:
    """True when the reply to "Please check before I file it" approves it in words."""
    return bool(_SUMMARY_APPROVED.match(clean(text)))


# A message that opens by calling off what is under way, whatever follows ("never mind,
# i think my roommate grabbed it", "olvidalo, ya la encontre", "nah forget it, ill call
# tomorrow"). "cancel" only on its own or with "it/that": "cancel my appointment" is a request;
# "no importa" answers "when should we call?", so it is not here.
_OPENING_STOP = re.compile(
    r"^(?:(?:ok|okay|oh|ah|nah|no|wait|hmm|um|ugh|uf|ay|fine|well|pues|bueno|mejor|actually|sabes que|sabe que|espera|ay|you know what|so|entonces|asi que|"
    r"on second thought|on 2nd thought|second thought|pensandolo bien|sorry|perdon|honestly|la verdad|"
    # "actually hold on, dont send it" (test set 4: it asked what to change).
    r"hold on|hang on|wait a (?:sec|second|minute|moment)|one sec|un momento|momento|espere|aguarde|oops|uy)[\s,.!]+)*"
    r"(?:never\s?mind(?:\s+(?:that|this|it))?|nvm|forget\s+(?:it|about it|that|this)|scratch that|"
    # The request under way named as it is called off: "actually forget the reschedule, what i really
    # need is ...", "mejor olvidese del cambio de cita, lo que de verdad necesito es ..." (test set 11).
    r"(?:forget|never\s?mind|scratch)\s+(?:about\s+)?(?:the|my|that|this)\s+[a-z-]+(?:\s+[a-z-]+){0,3}?"
    r"(?=\s*(?:[,.;!]|$)|\s+(?:what i|i (?:really |actually |just )?(?:need|want))\b)|"
    r"olvid(?:ese|ate|emonos|emos|en)\s+(?:de\s+|del\s+|de\s+la\s+|de\s+lo\s+de\s+|lo\s+de\s+)(?:[a-z-]+\s+){0,3}?[a-z-]+"
    r"(?=\s*(?:[,.;!]|$)|\s+(?:lo que|necesito|quiero)\b)|"
    r"cancel\w*(?:\s+(?:it|that|this|eso|esto|todo))?(?=\s*(?:[,.!;]|$))|"
    r"olvid(?:alo|elo|ate de eso|a eso|emos eso)|dejalo(?:\s+asi)?|dejelo(?:\s+asi)?|mejor no|"
    # "ay no, empezar de nuevo, me confundi de carta", "ok start over": nothing filed, the request told again
    r"(?:lets |let me |quiero |puedo |podemos )?(?:start (?:over|again)|restart|empezar de nuevo|empecemos de nuevo|"
    r"comenzar de nuevo|volver a empezar|empezar otra vez)|(?:mejor )?lo dejo(?: asi)?|"
    r"ya no (?:quiero|hace falta|importa)|"
    # "wait stop, let me check my mailbox first" (hand test: it was filed as the problem's details).
    r"stop(?:\s+(?:it|that|this|please|now|there))?(?=\s*(?:[,.!;]|$))|"
    r"(?:i )?(?:dont|don't|do not) want to (?:file|send|submit) (?:anything|it|this|that)|"
    # At a confirmation: "dont send it, i can go after all", "no lo mande!!", "no me llamen".
    r"(?:dont|don't|do not|no) (?:send|file|submit|call)(?: (?:it|that|this|anything|me))?(?=\s*(?:[,.!;]|$))|"
    r"no (?:lo |la |me )?(?:mande|mandes|manden|envie|envien|presente|presenten|llamen|llames)(?=\s*(?:[,.!;]|$)))\b"
)


def opening_stop(text: Optional[str]) -> Optional[int]:
    """Where the stop that opens the message ends (in `text`), or None when it opens with none."""
    folded = fold(text or "").lower()
    found = _OPENING_STOP.match(folded.lstrip())
    if not found:
        return None
    return found.end() + (len(folded) - len(folded.lstrip()))


# A stop that closes the message after its reason: "ay espere!! acaba de pasar el cartero y ahi
# venia. cancele eso por favor" (test set 5: the contact question was asked again). Only the
# imperative, as the whole last sentence: "and then my interview got cancelled" is no stop.
_CLOSING_STOP = re.compile(
    r"^(?:(?:so|then|just|please|pls|ok|okay|entonces|mejor|asi que|porfa|por favor|nada|pues|ya)\s+)*"
    r"(?:cancel(?: (?:it|that|this|the request|everything|all of it|all))?|never ?mind|nvm|forget (?:it|about it|that)|"
    r"(?:do ?n'?t|dont|do not) (?:send|file) (?:it|anything|that)|scratch that|"
    r"cancel[ea](?:lo|la|los)?(?: (?:eso|esto|todo|la solicitud|el pedido))?|cancela todo|olvid[ea]lo|olvidelo|"
    r"dej[ea]lo(?: asi)?|no (?:lo|la) (?:mande|manden|envie|envien|presente)|ya no (?:lo|la) (?:mande|envie|necesito))"
    r"(?:\s+(?:please|pls|then|thanks|thank you|por favor|porfa|gracias|entonces|mejor))*$"
)


def closing_stop(text: Optional[str]) -> bool:
    """True when the message's last sentence asks, alone, to call it off."""
    sentences = [s for s in re.split(r"[.!?;,\n]+", fold(text or "").lower()) if s.strip()]
    return len(sentences) > 1 and bool(_CLOSING_STOP.match(" ".join(sentences[-1].split())))


MID_STOP_REST_WORDS = 16  # "mejor no lo meta, mi hermano dice que el ya lo pidio ayer por telefono" (test set 14)


def stop_in_a_later_sentence(text: Optional[str]) -> bool:
    """True when a sentence after the first opens by calling it off, and what follows is only
    why: "i dont even know what documents. forget it, i cant deal with this right now, im too
    upset" (test set 9: asked for a contact next). Not when a question or a request follows."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!;\n])\s+", text or "") if s.strip()]
    for i, sentence in enumerate(sentences[1:], 1):
        end = opening_stop(sentence)
        if end is None:
            continue
        rest = " ".join([sentence[end:]] + sentences[i + 1:])
        return "?" not in rest and len(clean(rest).split()) <= MID_STOP_REST_WORDS
    return False


# "can we finish the card thing", "sigamos con lo de acelerar mi caso": back to what was under
# way before a crisis reply (G6, actions/crisis.py keeps it).
_RESUME = re.compile(
    r"\b(continue|finish|go back to|back to|resume|where were we|pick up|carry on|get back to|seguir|sigamos|sigo|"
    r"continuar|continuemos|terminar|terminemos|retomar|volver a|volvamos|donde estabamos|lo de antes)\b"
)


def asks_to_resume(text: Optional[str]) -> bool:
    """True when the message asks to go back to the request that was under way."""
    return bool(_RESUME.search(fold(text or "").lower()))


# An earlier answer taken back in the next message, before any confirmation: "wait no sorry its
# the interview not the biometrics", "perdon me equivoque, no es la N-400, es la I-129" (test set 8).
_MIND_CHANGED = re.compile(
    r"\b(wait|sorry|actually|oops|my bad|i mean|i meant|mixed up|mixed them up|wrong one|not the|no wait|"
    r"perdon|disculpe|disculpa|me equivoque|me confundi|quise decir|digo|mas bien|corrijo|no es (la|el)|no era (la|el)|"
    r"en realidad|mejor dicho|me trabe)\b"
)


def changes_mind(text: Optional[str]) -> bool:
    """True when the message takes back an earlier answer in words ("wait no its the interview")."""
    return says(_MIND_CHANGED, text)


# A no or a stop taken back: "no, espere, mejor si, mandela", "ugh cancel it. no wait actually dont cancel, go
# ahead and send it", "actually yes, call me" (test set 15: filed nothing, or stopped the request).
_TAKE_BACK = (r"(?:no wait|wait|espere|espera|pensandolo bien|on second thought|actually|mejor|changed my mind|"
              r"cambie de opinion|de hecho)")
# A yes that ends its clause ("mejor si, mandela"; not "si no la presento", "if"), never after a no ("dont send it").
_YES_AFTER = (r"(?<!dont )(?<!don't )(?<!do not )(?<!not )(?<!no )"
              r"(?:(?:yes|yeah|yep|sure|ok|okay|dale|si)(?=\s*(?:$|[,.!]|please|porfa|por favor|go ahead|send|file|do it|"
              r"mandel|mandal|hazlo|que me llamen|call me))"
              r"|mandela|mandelo|mandala|mandalo|hazlo|go ahead|send it|file it|do it|que me llamen|call me|please do|"
              r"presentela|presentelo|don'?t cancel|do not cancel|no (?:lo |la )?cancele)")
_NO_TAKEN_BACK = re.compile(rf"\b{_TAKE_BACK}\b[\s,.]*(?:\w+\s+){{0,3}}?{_YES_AFTER}\b")
_NO_FIRST = re.compile(r"^(?:\w+\s+){0,2}?(?:no|nope|nah|nel|cancel\w*|stop|forget it|olvidelo|olvidalo|mejor no)\b")


def takes_back_no(text: Optional[str]) -> bool:
    """True when the message turns a no just said into a yes ("no, espere, mejor si", "actually yes")."""
    return bool(_NO_TAKEN_BACK.search(_with_commas(text)))


def no_taken_back(text: Optional[str]) -> bool:
    """True when the message says no (or stop), then takes it back with a yes, in the same message."""
    said = _with_commas(text)
    found = _NO_TAKEN_BACK.search(said)
    return bool(found) and (found.group(0).startswith("no wait") or bool(_NO_FIRST.search(said[:found.start()].strip(" ,."))))


def _with_commas(text: Optional[str]) -> str:
    """Folded and lower case, with the commas and stops that end clauses kept (clean() drops them)."""
    return " ".join(re.sub(r"[^\w\s',.!]", " ", fold(text or "").lower()).split())


# ------------------------------------------------------------------ refusals
# A move or a person refused in so many words: "no quiero cambiar la cita de la entrevista, solo saber
# si sigue en pie", "i dont need a person anymore" (test set 10: a reschedule started, a queue joined).
# The crisis check reads the same refusal of a person as no danger (crisis.py, with PERSON_WORDS).
PERSON_WORDS = r"(?:person|human|agent|representative|rep|operator|persona|agente|representante|humano)"
_MOVE_DECLINED = re.compile(
    r"\b(dont|don't|do not|no|not|ni) (want|need|trying|looking|quiero|necesito|busco|pienso|voy a)( to)? "
    r"(re-?schedul\w*|move|change|cambiar\w*|mover\w*|reprogramar\w*|reagendar\w*)\b"
    # "im not asking to move my USCIS interview", "no le estoy pidiendo que me cambie la entrevista" (test set 14)
    r"|\b(not|wasnt|was not|no|never) (asking|asked|trying|wanting|looking)( you| u)?( for you)? to "
    r"(re-?schedul\w*|move|change|cancel)\b"
    r"|\bno (le |te |les )?(estoy|estaba|estamos) (pidiendo|diciendo|solicitando)( que)?( me| la| lo)? "
    r"(cambie\w*|mueva\w*|reprogram\w*|reagend\w*|cambiar\w*|mover\w*|cancel\w*)\b"
)
_PERSON_DECLINED = re.compile(
    r"\b(dont|don't|do not|no|ya no) (want|need|quiero|necesito)( to (talk|speak) (to|with))?( hablar con)? "
    rf"(a |an |the |un |una |ningun |ninguna )?(real |live )?{PERSON_WORDS}( anymore| ya| mas)?\b"
)


def move_declined(text: Optional[str]) -> bool:
    """True when the message says the applicant does not want the appointment moved, and asks
    for no move elsewhere ("i dont want to change my address, i need to move my interview")."""
    cleaned = clean((text or "")[:MAX_STATED_CHARS])
    return bool(_MOVE_DECLINED.search(cleaned)) and not MOVE_ASKED.search(_MOVE_DECLINED.sub(" ", cleaned))


def without_person_declined(text: Optional[str]) -> str:
    """The message (cleaned) with the refusal of a person taken out."""
    return _PERSON_DECLINED.sub(" ", clean((text or "")[:MAX_STATED_CHARS]))


def person_declined(text: Optional[str]) -> bool:
    """True when the message says the applicant does not want a person."""
    return says(_PERSON_DECLINED, text)
