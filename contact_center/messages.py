"""What counts as a message with nothing in it, and the intents no classifier sets."""
from __future__ import annotations

import unicodedata
from typing import Optional

# Set by the crisis check (nlu_components/crisis_detector.py), never learned (G6).
CRISIS_INTENT = "crisis"
# Set by the applicant channels for a message over the length limit (applicant_channels/).
TOO_LONG_INTENT = "message_too_long"
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
