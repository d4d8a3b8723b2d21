"""The store of cases (cases.json, built by build_cases.py) and the 200 reply for one case.

Dates are stored as days before today and turned into dates when a request is
answered, so "card mailed 60 days ago" stays true whenever the demo runs.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Dict, Mapping

from services.case_status_local.settings import CASES_PATH
from services.case_status_local.texts import date_en, date_es

RECEIPT_RE = re.compile(r"^[A-Za-z]{3}[0-9]{10}$")
API_DATE_FORMAT = "%m-%d-%Y %H:%M:%S"


def load_cases(path: Path = CASES_PATH) -> Dict[str, Dict[str, Any]]:
    """The cases in a cases.json file, keyed by receipt number."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["cases"]


def render_case(receipt: str, case: Mapping[str, Any], now: datetime) -> Dict[str, Any]:
    """The 200 reply for one stored case, with its dates made relative to `now`.

    IOE receipts get no submittedDate or modifiedDate (as the real API);
    `hist_case_status` is null when the case has no history.
    """

    def at(days_ago: int, seconds: int) -> datetime:
        day = (now - timedelta(days=int(days_ago))).replace(hour=0, minute=0, second=0, microsecond=0)
        return day + timedelta(seconds=int(seconds))

    clock = int(case.get("time_of_day_seconds", 9 * 3600))
    submitted = at(case["submitted_days_ago"], clock)
    modified = at(case["modified_days_ago"], clock + 1800)
    deadline = modified + timedelta(days=int(case.get("notice_deadline_days", 30)))
    fill_en = {"date": date_en(modified), "notice_deadline": date_en(deadline)}
    fill_es = {"date": date_es(modified), "notice_deadline": date_es(deadline)}

    body: Dict[str, Any] = {"receiptNumber": receipt, "formType": case["formType"]}
    if not receipt.startswith("IOE"):
        body["submittedDate"] = submitted.strftime(API_DATE_FORMAT)
        body["modifiedDate"] = modified.strftime(API_DATE_FORMAT)
    body["current_case_status_text_en"] = case["title_en"]
    body["current_case_status_desc_en"] = case["desc_en"].format(**fill_en)
    body["current_case_status_text_es"] = case["title_es"]
    body["current_case_status_desc_es"] = case["desc_es"].format(**fill_es)
    history = case.get("history")
    if history:
        body["hist_case_status"] = [
            {
                "date": at(h["days_ago"], clock).strftime(API_DATE_FORMAT),
                "completed_text_en": h["text_en"],
                "completed_text_es": h["text_es"],
            }
            for h in history
        ]
    else:
        body["hist_case_status"] = None
    return {
        "case_status": body,
        "message": f"Query was successful for payload {{'receipt_number': '{receipt}'}}",
    }
