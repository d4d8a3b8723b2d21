"""Requests to stop or to change language, read from their words whatever the classifier
thought: both must work anywhere, inside any form (G4, issue 13).

- A message that opens by calling things off is `stop`, whatever follows: "never mind, i
  think my roommate grabbed it" or "olvidalo, ya la encontre en el buzon" were read from
  what follows the stop (a card, a mailbox), and the form went on. At a confirmation,
  "dont send it, ..." / "no lo mande!!" is the same. The words are few
  (contact_center/stops_and_corrections.opening_stop); a request after the stop is taken next
  (contact_center/several_requests.py). So is one whose last sentence, alone, calls it off
  ("ay espere!! acaba de pasar el cartero y ahi venia. cancele eso por favor").
- A message that asks for the other language by name ("sorry can we switch to english",
  "me puede atender en espanol?") is `change_language` (contact_center/language.py
  requested_language): inside a form it was taken as the answer to the question asked.

- A message that opens by asking for a person ("agent please, its about ...") is
  `request_live_agent` (contact_center/person_requests.py); the form reads its topic from
  what follows (G1).
- A message the classifier could not place that holds a receipt number is a status check
  (S1): "mi caso SRC... lleva muchisimo" had been asked to say it another way; one that says
  the applicant has covid and names an appointment is a reschedule (R4): "my interview is
  tomorrow at 9am and i have covid, what do i do"; so is one, unsure of itself, that names an
  appointment the applicant cannot keep ("... my green card interview which is dec 16 at 9 am
  and i literally wont be able to walk ... MSC5555555555" had been a status check).
- A complaint about the wait that names no processing time and asks to file nothing ("QUE
  PASA CON MI CASO SRC..., 3 AÑOS ESPERANDO", "ya lleva casi 3 años y nada") is a status check (S1):
  the lookup says whether the case is late, and S4 offers the e-Request only then. It had
  filed an outside-processing-time request for a case that may be on time.
- One request told over two messages: "its about my fingerprint appt", then "i cant make it", is a
  reschedule (R1); the channel marks a message that follows one naming an appointment
  (applicant_channels/several_requests.py). So is an appointment asked to be moved that the
  classifier could not place because of its date ("quiero cambiar la entrevista ..., es el 17/12 a las 10").
- Mail that came after all, told with another case's number ("ese no, la tarjeta ya llego. el otro
  es TSC..."), is a status check (S1), not the missing mail the words also name.
- Mail that never came, told and not asked about, is that request (E1) when the classifier
  could not place it or took it for a question: "nunca me llego la mica, ya me la habian
  aprobado" had got the answer about an approved case.
- After a crisis reply cut a request short, a message asking to go back to it ("im safe now,
  can we finish the typo thing") is `resume_request` (G6): the channel marks the message
  when such a request waits (applicant_channels/several_requests.py); it had been read as a
  goodbye and answered "Take care".
- A message that only takes leave ("ok thanks bye", "gracias, que tenga buen dia") is
  `goodbye`, which leaves any form with nothing filed (data/form_control.yml); it had been
  taken as an e-Request's description, or asked again for a contact.
- A short message that opens with a yes or a no is `affirm` / `deny` when the classifier
  could not place it (nlu_fallback: "si x favor, nunca me llego nada" at an offer), and a
  yes with no word of stopping is `affirm` where the classifier said `stop` ("eso,
  mandela" at a confirmation cancelled the request it approved).

The crisis check comes after this component, so danger is never hidden behind any of these.
"""
from __future__ import annotations

import re

from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from contact_center import answers, appointments, contact, form_types, language, person_requests, question_topics, receipts, stated, stops_and_corrections
from nlu_components import override_intent
from contact_center.messages import APPOINTMENT_NAMED_KEY, OFFER_WAITING_KEY, RESUMABLE_KEY, RESUME_INTENT
from nlu_components.base import UnconfiguredComponent, typed_text

STOP_INTENT = "stop"
LANGUAGE_INTENT = "change_language"
PERSON_INTENT = "request_live_agent"
GOODBYE_INTENT = "goodbye"
INFORM_INTENT = "inform"
HELP_INTENT = "help"
# Intents that already ask for a person: left as they are.
PERSON_INTENTS = frozenset({PERSON_INTENT, "request_callback"})
FALLBACK_INTENT = "nlu_fallback"
STATUS_INTENT = "check_case_status"
RESCHEDULE_INTENT = "reschedule_appointment"
LATE_CASE_INTENT = "case_outside_processing_time"
TYPO_INTENT = "typo_correction"
MISSING_MAIL_INTENTS = {"card": "card_not_received", "notice": "notice_not_received"}
UNSURE = 0.5
_FIRST_CLAUSE = re.compile(r"[,.;:!]")
_PERSON_OR_CALL = re.compile(r"\b(person|human|agent|representative|rep|call|llam\w*|persona|humano|agente|representante)\b")
_CLAUSES = re.compile(r"[,.;!?]")
_WH_WORD = re.compile(r"\b(how|what|whats|where|when|why|who|which|como|donde|cuando|cual|cuanto|cuantos|cuantas|por que|porque)\b")
# Any word that may say mail did not come ("nunca le llego el aviso"): then a letter "came" is not read.
_NEGATED = re.compile(r"\b(never|nunca|no|not|didnt|didn't|hasnt|hasn't|havent|haven't|jamas|ni)\b(\s+\w+){0,2}\s+"
                      r"(llego|llegado|llega|came|come|arrived|got|get|received|receive|recibi|recibido|recibio|showed)\b")
# Intents a message that says an appointment cannot be kept was taken for, and below what
# confidence: a receipt number in it drew "check_case_status" (0.53, test set 5).
UNSURE_OF = {STATUS_INTENT: 0.7, "faq": 0.7, "out_of_scope": 0.7}


def control_request(text: str, classified: Optional[str] = None, resumable: bool = False,
                    confidence: float = 1.0, appointment_before: bool = False, offer_waiting: bool = False) -> Optional[str]:
    """The intent the words ask for whatever the classifier said (`classified`, with its
    `confidence`), or None. `resumable`: a request cut short by a crisis reply waits (G6).
    `appointment_before`: the message before named an appointment, and nothing came of it."""
    if stops_and_corrections.opening_stop(text) is not None or stops_and_corrections.closing_stop(text) \
            or (stops_and_corrections.stop_in_a_later_sentence(text) and not receipts.find(text[:2000])
                and contact.contact_said(text[:500]) is None):
        return STOP_INTENT
    if language.requested_language(text) is not None:
        return LANGUAGE_INTENT
    if classified == LANGUAGE_INTENT and language.plain_words_asked(text):
        return FALLBACK_INTENT  # "what does that mean, in plain english": answered as a question on what was said
    if resumable and stops_and_corrections.asks_to_resume(text):
        return RESUME_INTENT
    if classified == PERSON_INTENT and stops_and_corrections.person_declined(text) and not _PERSON_OR_CALL.search(stops_and_corrections.without_person_declined(text)):
        # "actually nvm, i dont need a person anymore": no person; a case named is looked up (test set 10)
        return STATUS_INTENT if receipts.find(text[:2000]) else STOP_INTENT
    if classified not in PERSON_INTENTS and person_requests.asks_for_a_person(text) and not stops_and_corrections.person_declined(text):
        return PERSON_INTENT
    if classified == FALLBACK_INTENT and any(person_requests.asks_for_a_person(clause) for clause in _CLAUSES.split(text[:500])[1:3]):
        # "can somebody call me, i need to talk to a real person about a letter": the person asked for
        # in the second clause, where the classifier could not choose between a person and a callback
        return PERSON_INTENT
    if classified == RESCHEDULE_INTENT and stops_and_corrections.move_declined(text):
        # R1 refused: "no quiero cambiar la cita de la entrevista, solo saber si sigue en pie, MSC..." (S1)
        return STATUS_INTENT
    if answers.says_goodbye(text):
        return GOODBYE_INTENT  # "ok thanks bye" inside a form leaves it, whatever the classifier said
    if appointment_before and classified != RESCHEDULE_INTENT and stated.cannot_attend(text[:2000]):
        return RESCHEDULE_INTENT  # R1: "its about my fingerprint appt", then "i cant make it" (test set 8)
    if classified in MISSING_MAIL_INTENTS.values() and receipts.find(text[:2000]) and stated.check_asked(text) \
            and not _NEGATED.search(answers.clean(text[:2000])) and not stated.still_missing(text[:2000]):
        return STATUS_INTENT  # S1: "y la tarjeta? revise LIN..." asks for the case looked up, not a missing card filed
    if offer_waiting and classified == "faq" and confidence < UNSURE and "?" not in text and not _WH_WORD.search(answers.clean(text[:2000])) \
            and answers.yes_no(_FIRST_CLAUSE.split(text, 1)[0]) is True:
        # "si, es la tarjeta de residente, tenia que llegar a ..." at an offer: a yes with the details (test set 9)
        return "affirm"
    if classified in MISSING_MAIL_INTENTS.values() and stated.mail_came(text) and receipts.find(text[:2000]):
        return STATUS_INTENT  # "ese no, la tarjeta ya llego. el otro es TSC...": the other case looked up (S1)
    if classified == LATE_CASE_INTENT and stated.status_first(text):
        return STATUS_INTENT  # S1 first: "QUE PASA CON MI CASO ..., 3 AÑOS ESPERANDO"; S4 offers if late
    missing = stated.mail_missing(text) if classified in (FALLBACK_INTENT, "faq") else None
    if missing and not question_topics.asks_a_question(text):
        # E1: mail that never came, told and not asked about: "nunca me llego la mica, ya me la
        # habian aprobado" had got the answer about an approved case.
        return MISSING_MAIL_INTENTS[missing]
    if classified != STATUS_INTENT and confidence < UNSURE and receipts.find(text[:2000]) and stated.wait_complained(text) \
            and stated.status_first(text):
        # S1: "ive been waiting almost 3 years for my I-751, ..., rcpt# SRC..., i want a supervisor" (an
        # expedite at 0.40): the case looked up; S4 offers the e-Request if it is late.
        return STATUS_INTENT
    if classified == FALLBACK_INTENT and stated.checks_on_a_case(text):
        return STATUS_INTENT  # S1: "im trying to check on my moms green card for her"
    if classified == FALLBACK_INTENT and receipts.find(text[:2000]):
        return STATUS_INTENT  # S1: a case named by its number, whatever else was unclear
    if classified == FALLBACK_INTENT and stated.covid_stated(text) and appointments.named_in(text[:2000]):
        return RESCHEDULE_INTENT  # R4: covid and an appointment, whatever question came with them
    if (classified == FALLBACK_INTENT or (classified in UNSURE_OF and confidence < UNSURE_OF[classified])) \
            and appointments.named_in(text[:2000]) and stated.cannot_attend(text[:2000]):
        return RESCHEDULE_INTENT  # R1: an appointment they cannot keep ("... i literally wont be able to walk")
    if classified == FALLBACK_INTENT and stated.move_asked(text[:2000]) and not question_topics.asks_a_question(text):
        return RESCHEDULE_INTENT  # R1: "quiero cambiar la entrevista de la residencia, es el 17/12 a las 10"
    if classified in (FALLBACK_INTENT, STOP_INTENT, "deny", INFORM_INTENT) and stated.question_announced(text):
        return HELP_INTENT  # "i have a question": what the assistant can help with, not "didn't understand"
    if classified in (FALLBACK_INTENT, INFORM_INTENT, "faq") and stated.typo_described(text) \
            and (stated.mail_named(text) or form_types.said(text) or receipts.find(text[:2000])):
        # E1: "mi permiso de trabajo dice Hernandes y es Hernandez con z, el recibo es IOE..." (test set 10)
        return TYPO_INTENT
    if classified in MISSING_MAIL_INTENTS.values() and stated.letter_came(text) and not stated.mail_missing(text) \
            and not _NEGATED.search(answers.clean(text[:2000])):
        return HELP_INTENT  # "me llego una carta y no entiendo": it came; what it says is asked about next
    if classified == FALLBACK_INTENT and contact.only_contact(text[:500]):
        return INFORM_INTENT  # "617-555-0108" at a callback offer gives the number (data/form_control.yml)
    answer = answers.short_answer(text)
    if classified == FALLBACK_INTENT and answer is not None:
        return "affirm" if answer else "deny"
    if classified == INFORM_INTENT and answer is not None and not receipts.find(text[:500]) \
            and contact.contact_said(text[:500]) is None:
        return "affirm" if answer else "deny"  # "fine, file the thing" at an offer; "ok its maria@..." informs
    if classified == STOP_INTENT and answer is True and not stops_and_corrections.says_stop(text):
        return "affirm"
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class ControlRequestClassifier(UnconfiguredComponent):
    """Overrides the intent with what the words plainly ask for (see the module's docstring)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = typed_text(message)
            classified = (message.get("intent") or {}).get("name")
            metadata = message.get("metadata") or {}
            resumable = bool(metadata.get(RESUMABLE_KEY))
            confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
            asked = None if text is None else control_request(
                text, classified, resumable, confidence, appointment_before=bool(metadata.get(APPOINTMENT_NAMED_KEY)),
                offer_waiting=bool(metadata.get(OFFER_WAITING_KEY)))
            if asked is None:
                continue
            # A status or a reschedule read from the facts alone is not sure enough to take a form away
            # from its question (actions/common.py SWITCH_CONFIDENCE): there it is an answer.
            override_intent(message, asked, UNSURE if asked in (STATUS_INTENT, RESCHEDULE_INTENT) else 1.0)
        return messages
