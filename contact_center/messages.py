"""What counts as a message with nothing in it, and the intents no classifier sets."""
from __future__ import annotations

import unicodedata
from typing import Optional

# Set by the crisis check (nlu_components/crisis_detector.py), never learned (G6).
CRISIS_INTENT = "crisis"
# Set by the applicant channels for a message over the length limit (applicant_channels/).
TOO_LONG_INTENT = "message_too_long"
# G6: the request a crisis reply cut short (a slot, set by actions/crisis.py); while it waits,
# the channel marks each message (metadata key) and a message asking to go back to it is
# `resume_request` (nlu_components/control_requests.py).
INTERRUPTED_SLOT = "interrupted_request"
RESUMABLE_KEY = "interrupted_request_waits"
RESUME_INTENT = "resume_request"
# G4: the conversation's language, set by the channel on each message (never from the client),
# so that a few words the detector alone reads the other way ("si, llamenme") keep it.
CONVERSATION_LANGUAGE_KEY = "conversation_language"
# One request told over several short messages ("its about my fingerprint appt" / "i cant make it"):
# the channel marks a message that follows one naming an appointment, with no form running.
APPOINTMENT_NAMED_KEY = "appointment_named_before"
# Set by the channel when an offer (S4, G3) waits for its yes or no: "si, es la tarjeta ..." answers it.
OFFER_WAITING_KEY = "offer_waiting"
# Set by the channel when a form's question waits for its answer: "hello??" then asks whether anyone is there.
FORM_WAITING_KEY = "form_waiting"
# The intents above: set by components and channels, never by the classifier (no training examples).
NEVER_LEARNED = frozenset({CRISIS_INTENT, TOO_LONG_INTENT, RESUME_INTENT})
# Intents that name a service the contact center gives (a change of topic when they come mid-form).
SERVICE_INTENTS = frozenset({
    "check_case_status", "reschedule_appointment", "request_expedite", "report_emergency",
    "request_live_agent", "notice_not_received", "card_not_received", "typo_correction",
    "case_outside_processing_time", "request_accommodation", "change_address", "request_callback",
})


def is_blank(text: Optional[str]) -> bool:
    """True when a message has no letter, digit or symbol that carries meaning.

    Spaces, punctuation and invisible characters (zero-width spaces, direction
    marks) are blank; an emoji is not, since "👍" says something.
    """
    if not text:
        return True
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] in "LNS":  # letters, numbers, symbols (emoji are So)
            return False
    return True
