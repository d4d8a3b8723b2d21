"""Plain-words explanations of case status titles (rule S1: look it up and explain it).

The explanations themselves are Rasa responses in `domain/case_status.yml`
(English, and Spanish when the `language` slot is "es"), one per title, named
`utter_status_<slug of the English title>`. Titles without one get the API's
own description instead.
"""
from __future__ import annotations

import re
from typing import Dict, Optional

RESPONSE_PREFIX = "utter_status_"

# The titles explained in domain/case_status.yml: the statuses applicants see
# most, from filing to card (a test keeps this list and the YAML in step).
EXPLAINED_TITLES = (
    "Case Was Received",
    "Case Was Received and A Receipt Notice Was Emailed",
    "Case Accepted By The USCIS Lockbox",
    "Fingerprint and Biometrics Appointment Was Scheduled",
    "Biometrics Appointment Was Scheduled",
    "Case Was Updated To Show Fingerprints Were Taken",
    "Request To Reschedule My Appointment Was Received",
    "Case is Ready to Be Scheduled for An Interview",
    "Interview Was Scheduled",
    "Interview Was Rescheduled",
    "Interview Was Completed And My Case Must Be Reviewed",
    "Case Was Updated To Show That No One Appeared for In-Person Processing",
    "Request for Additional Evidence Was Sent",
    "Request for Initial Evidence Was Sent",
    "Response To USCIS' Request For Evidence Was Received",
    "Correspondence Was Received And USCIS Is Reviewing It",
    "Case Was Transferred And A New Office Has Jurisdiction",
    "Case Is Pending at a Local Office",
    "Case Was Approved",
    "Case Was Denied",
    "New Card Is Being Produced",
    "Card Was Mailed To Me",
    "Card Was Picked Up By The United States Postal Service",
    "Card Was Delivered To Me By The Post Office",
    "Card Is Being Returned to USCIS by Post Office",
    "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It",
    "Document Was Mailed To Me",
    "Advance Parole Document Was Produced",
    "Travel Document Was Mailed",
    "Case Was Sent To The Department of State",
    "Expedite Request Received",
    "Expedite Request Approved",
    "Expedite Request Denied",
    "Request For Premium Processing Services Was Received",
    "Fees Were Waived",
    "Name Was Updated",
    "Duplicate Notice Was Mailed",
    "Case Was Rejected Because It Was Improperly Filed",
    "Case Rejected Because I Sent An Incorrect Fee",
    "Withdrawal Acknowledgement Notice Was Sent",
    "Notice Explaining USCIS Actions Was Mailed",
    "CASE STATUS",
)


def _normalise(title: str) -> str:
    # Typographic apostrophes appear when titles are copied from web pages.
    text = title.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).casefold()


def slug(title: str) -> str:
    """`Response To USCIS' Request For Evidence Was Received` -> `response_to_uscis_request_for_evidence_was_received`."""
    text = _normalise(title).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


_RESPONSES: Dict[str, str] = {_normalise(t): RESPONSE_PREFIX + slug(t) for t in EXPLAINED_TITLES}


def explanation_response(title_en: Optional[str]) -> Optional[str]:
    """The response key that explains `title_en` (case- and space-insensitive), or None.

    None means there is no plain-words explanation: show the API's description.
    """
    if not title_en:
        return None
    return _RESPONSES.get(_normalise(title_en))
