"""Build `cases.json`, the data of the local Case Status service.

Usage:  python -m services.case_status_local.build_cases [--source DIR] [--out FILE]

Sources (read from `shared/data/uscis_case_status/`, see shared/data/README.md):

- `case_status_titles_and_templates.json`: the real USCIS case status titles and
  their English message templates, scraped from the public Case Status Online
  site in 2020-21 and published in github.com/FrenchCommando/uscis-status
  (uscis_service/src/message_stuff.py), MIT licence, Copyright (c) 2020
  FrenchCommando (LICENSE_FrenchCommando_uscis-status.md). The English titles
  and descriptions in cases.json are those templates with the placeholders filled.
- `sandbox_receipts.json`: the 50 staging receipt numbers the USCIS sandbox
  answers for (25 with a status history, 25 without). The sandbox's own answers
  are not public, so their forms and statuses here are made up (except the one
  in the protocol document: EAC9999103403, an approved I-130).

Written for this project (not from USCIS, which publishes no Spanish titles
or descriptions): the Spanish titles and descriptions in texts_es.json (faithful
translations, neutral Latin American Spanish, "usted"), the demo cases, their
forms and dates, and the tracking numbers.

Dates are stored as days before "today" (`submitted_days_ago`,
`modified_days_ago`, history `days_ago`) and the descriptions keep `{date}` and
`{notice_deadline}`; the server fills them in when it answers, so the demo never
goes stale. Everything else is filled here. The output is deterministic:
running the script again gives the same file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import string
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from services.case_status_local.texts import TEXTS_ES

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "uscis_case_status"
DEFAULT_OUT = HERE / "cases.json"
TEMPLATES_FILE = "case_status_titles_and_templates.json"
SANDBOX_FILE = "sandbox_receipts.json"

# Placeholders the server fills when it answers (dates move with "today").
LATE_FIELDS = ("date", "notice_deadline")
CONTACT_CENTER_PHONE = "800-375-5283"

# ---------------------------------------------------------------- forms and offices
# The Spanish of each (and of every title and template) is in texts_es.json, loaded by texts.py.

FORMS_EN: Dict[str, str] = {
    "I-90": "Form I-90, Application to Replace Permanent Resident Card",
    "I-129": "Form I-129, Petition for a Nonimmigrant Worker",
    "I-130": "Form I-130, Petition for Alien Relative",
    "I-131": "Form I-131, Application for Travel Document",
    "I-140": "Form I-140, Immigrant Petition for Alien Worker",
    "I-485": "Form I-485, Application to Register Permanent Residence or Adjust Status",
    "I-539": "Form I-539, Application To Extend/Change Nonimmigrant Status",
    "I-751": "Form I-751, Petition to Remove Conditions on Residence",
    "I-765": "Form I-765, Application for Employment Authorization",
    "I-821D": "Form I-821D, Consideration of Deferred Action for Childhood Arrivals",
    "N-400": "Form N-400, Application for Naturalization",
    "N-600": "Form N-600, Application for Certificate of Citizenship",
}
# Form -> (English long name, Spanish long name).
FORMS: Dict[str, Tuple[str, str]] = {form: (en, TEXTS_ES["forms"][form]) for form, en in FORMS_EN.items()}

# Receipt prefix -> office. English fills "at our {location_name} location"; the Spanish
# (texts_es.json "offices") carries its own possessive so gender agrees ("nuestro Centro",
# "nuestra Oficina").
OFFICES_EN: Dict[str, str] = {
    "EAC": "Vermont Service Center",
    "VSC": "Vermont Service Center",
    "WAC": "California Service Center",
    "CSC": "California Service Center",
    "LIN": "Nebraska Service Center",
    "NSC": "Nebraska Service Center",
    "SRC": "Texas Service Center",
    "TSC": "Texas Service Center",
    "MSC": "National Benefits Center",
    "NBC": "National Benefits Center",
    "IOE": "National Benefits Center",
    "YSC": "Potomac Service Center",
}
OFFICES: Dict[str, Tuple[str, str]] = {p: (en, TEXTS_ES["offices"][en]) for p, en in OFFICES_EN.items()}
# "Case Is Pending at a Local Office" names a field office, not a service center.
FIELD_OFFICES: Sequence[Tuple[str, str]] = tuple(
    (en, TEXTS_ES["offices"][en])
    for en in ("Houston Field Office", "Miami Field Office", "Los Angeles Field Office", "Chicago Field Office")
)

# ---------------------------------------------------------------- Spanish

TITLES_ES: Dict[str, str] = TEXTS_ES["titles"]
TEMPLATES_ES: Dict[str, str] = TEXTS_ES["templates"]
SEND_PHRASE = ("send you a new card", TEXTS_ES["send_phrase"])

# ---------------------------------------------------------------- case histories

R = "Case Was Received"
FBS = "Fingerprint and Biometrics Appointment Was Scheduled"
BS = "Biometrics Appointment Was Scheduled"
FT = "Case Was Updated To Show Fingerprints Were Taken"
READY = "Case is Ready to Be Scheduled for An Interview"
IS = "Interview Was Scheduled"
IC = "Interview Was Completed And My Case Must Be Reviewed"
APPROVED = "Case Was Approved"
NEWCARD = "New Card Is Being Produced"
MAILED = "Card Was Mailed To Me"
PICKED = "Card Was Picked Up By The United States Postal Service"
DELIVERED = "Card Was Delivered To Me By The Post Office"
RFE = "Request for Additional Evidence Was Sent"
RESP = "Response To USCIS' Request For Evidence Was Received"
DOS = "Case Was Sent To The Department of State"

# The usual sequence of statuses per form; a case's history is the part before its current status.
PATHS: Dict[str, Sequence[str]] = {
    "I-485": (R, FBS, FT, READY, IS, IC, APPROVED, NEWCARD, MAILED, PICKED, DELIVERED),
    "N-400": (R, FBS, FT, READY, IS, IC, APPROVED),
    "I-130": (R, RFE, RESP, APPROVED, DOS),
    "I-765": (R, FBS, FT, APPROVED, NEWCARD, MAILED, PICKED, DELIVERED),
    "I-90": (R, FBS, FT, NEWCARD, MAILED, PICKED, DELIVERED),
    "I-751": (R, FBS, FT, APPROVED, NEWCARD, MAILED, PICKED, DELIVERED),
    "I-131": (R, BS, FT, APPROVED, "Advance Parole Document Was Produced", "Travel Document Was Mailed"),
    "I-140": (R, RFE, RESP, APPROVED),
    "I-129": (R, RFE, RESP, APPROVED),
    "I-539": (R, FBS, FT, APPROVED),
    "N-600": (R, IS, APPROVED, "Document Was Mailed To Me"),
    "I-821D": (R, FBS, FT, APPROVED),
}
# Statuses that come before (or instead of) a receipt: no history behind them.
NO_HISTORY = {
    "Case Was Received",
    "Case Accepted By The USCIS Lockbox",
    "Case Was Received and A Receipt Notice Was Emailed",
    "Case Was Rejected Because It Was Improperly Filed",
    "Case Rejected Because I Sent An Incorrect Fee",
    "Fees Were Waived",
    "CASE STATUS",
}

# ---------------------------------------------------------------- which cases

# Sandbox receipts (sandbox_receipts.json order): (form, current status). The first
# matches the protocol document's example (EAC9999103403, an approved I-130).
SANDBOX_WITH_HISTORY: Sequence[Tuple[str, str]] = (
    ("I-130", APPROVED),
    ("I-485", MAILED),
    ("I-765", DELIVERED),
    ("N-400", IS),
    ("I-485", RFE),
    ("I-751", FT),
    ("I-90", NEWCARD),
    ("I-131", "Advance Parole Document Was Produced"),
    ("I-140", APPROVED),
    ("I-129", RESP),
    ("N-400", APPROVED),
    ("I-539", FBS),
    ("I-485", IC),
    ("I-130", DOS),
    ("I-765", APPROVED),
    ("N-600", "Document Was Mailed To Me"),
    ("I-821D", APPROVED),
    ("I-485", READY),
    ("I-751", PICKED),
    ("I-131", "Travel Document Was Mailed"),
    ("N-400", "Case Was Denied"),
    ("I-129", APPROVED),
    ("I-90", MAILED),
    ("I-485", "Case Was Transferred And A New Office Has Jurisdiction"),
    ("I-140", RFE),
)
SANDBOX_WITHOUT_HISTORY: Sequence[Tuple[str, str]] = (
    ("I-130", R),
    ("I-765", R),
    ("I-485", FBS),
    ("N-400", R),
    ("I-90", "Case Was Received and A Receipt Notice Was Emailed"),
    ("I-131", R),
    ("I-751", R),
    ("I-140", "Request For Premium Processing Services Was Received"),
    ("I-129", "Request for Initial Evidence Was Sent"),
    ("I-539", R),
    ("N-600", "Case Accepted By The USCIS Lockbox"),
    ("I-821D", R),
    ("I-485", "Case Was Rejected Because It Was Improperly Filed"),
    ("I-765", "Case Rejected Because I Sent An Incorrect Fee"),
    ("N-400", "Fees Were Waived"),
    ("I-130", "Correspondence Was Received And USCIS Is Reviewing It"),
    ("I-485", "Expedite Request Received"),
    ("I-765", "Expedite Request Denied"),
    ("I-130", "Withdrawal Acknowledgement Notice Was Sent"),
    ("I-485", "Name Was Updated"),
    ("I-539", "Notice Explaining USCIS Actions Was Mailed"),
    ("I-751", "Duplicate Notice Was Mailed"),
    ("N-400", "Case Is Pending at a Local Office"),
    ("I-90", "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It"),
    ("I-129", "Case Was Sent To The Administrative Appeals Office for Review"),
)

# Easy-to-remember demo receipts (listed in README.md):
# (receipt, form, status, submitted days ago, modified days ago, with history, what it shows)
MEMORABLE: Sequence[Tuple[str, str, str, int, int, bool, str]] = (
    ("EAC1234567890", "I-130", APPROVED, 420, 20, True, "approved"),
    ("LIN1111111111", "I-485", MAILED, 500, 60, True, "card mailed 60 days ago (S4: card not received)"),
    ("SRC2222222222", "I-751", FT, 900, 820, True,
     "I-751 filed about 30 months ago, normal time 24 (S4: outside processing time)"),
    ("WAC3333333333", "I-129", RFE, 90, 10, True, "request for evidence sent 10 days ago"),
    ("IOE4444444444", "I-765", R, 20, 20, False, "IOE (online) receipt: no submitted or modified date"),
    ("MSC5555555555", "I-485", IS, 300, 12, True, "interview scheduled"),
    ("NBC6666666666", "N-400", FBS, 75, 45, True,
     "biometrics notice mailed 45 days ago (S4: notice not received)"),
    ("TSC7777777777", "I-90", "Case Was Denied", 400, 15, True, "denied"),
    ("YSC8888888888", "I-821D", "Case Is On Hold Because Of Pending Litigation", 700, 650, True,
     "on hold for litigation (no plain-words explanation: the API text is shown)"),
    ("CSC9999999999", "I-485", "CASE STATUS", 380, 30, False,
     "USCIS cannot show this case online (generic CASE STATUS)"),
)

# More demo cases across the common statuses: (form, status, submitted days ago, modified days ago).
# A receipt number is made up for each. Days ago span the last three years.
DEMO: Sequence[Tuple[str, str, int, int]] = (
    ("I-485", R, 40, 40),
    ("I-485", R, 520, 520),  # outside normal time (14 months)
    ("I-130", R, 600, 600),  # outside normal time (15 months)
    ("I-765", "Case Was Received and A Receipt Notice Was Emailed", 25, 25),
    ("N-400", "Case Accepted By The USCIS Lockbox", 10, 10),
    ("I-131", BS, 60, 35),
    ("I-90", FT, 200, 150),
    ("I-539", "Request To Reschedule My Appointment Was Received", 80, 20),
    ("N-400", READY, 210, 30),
    ("I-485", "Interview Was Rescheduled", 380, 25),
    ("N-400", IC, 330, 14),
    ("I-485", "Case Was Updated To Show That No One Appeared for In-Person Processing", 400, 50),
    ("I-130", RFE, 350, 40),
    ("I-765", "Request for Initial Evidence Was Sent", 30, 15),
    ("I-140", RESP, 290, 30),
    ("I-751", "Correspondence Was Received And USCIS Is Reviewing It", 800, 60),  # outside (24 months)
    ("N-400", "Case Was Transferred And A New Office Has Jurisdiction", 260, 45),
    ("I-485", "Case Is Pending at a Local Office", 450, 120),  # outside (14 months)
    ("I-130", APPROVED, 700, 200),
    ("N-600", APPROVED, 280, 8),
    ("I-485", "Case Was Denied", 600, 90),
    ("I-765", NEWCARD, 120, 3),
    ("I-751", NEWCARD, 900, 40),  # card produced 40 days ago
    ("I-90", PICKED, 330, 5),
    ("I-485", DELIVERED, 640, 100),
    ("I-765", "Card Is Being Returned to USCIS by Post Office", 150, 7),
    ("I-131", "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It", 170, 12),
    ("N-600", "Document Was Mailed To Me", 330, 50),
    ("I-131", "Advance Parole Document Was Produced", 250, 9),
    ("I-131", "Travel Document Was Mailed", 400, 70),
    ("I-130", DOS, 1000, 600),
    ("I-485", "Expedite Request Received", 200, 6),
    ("I-765", "Expedite Request Approved", 70, 4),
    ("N-400", "Expedite Request Denied", 160, 20),
    ("I-129", "Request For Premium Processing Services Was Received", 20, 20),
    ("I-140", APPROVED, 260, 2),
    ("I-90", "Fees Were Waived", 50, 50),
    ("N-400", "Name Was Updated", 400, 30),
    ("I-485", "Duplicate Notice Was Mailed", 380, 33),
    ("I-130", "Case Was Rejected Because It Was Improperly Filed", 60, 55),
    ("I-90", "Case Rejected Because I Sent An Incorrect Fee", 45, 40),
    ("I-539", "Withdrawal Acknowledgement Notice Was Sent", 150, 18),
    ("I-751", "Notice Explaining USCIS Actions Was Mailed", 950, 22),
    ("I-140", "Case Was Sent To The Administrative Appeals Office for Review", 1050, 400),
    ("I-821D", R, 230, 230),  # outside (6 months)
    ("I-129", APPROVED, 130, 110),
    ("I-539", R, 330, 330),  # outside (9 months)
    ("N-400", IS, 180, 16),  # IOE receipt
    ("I-130", R, 95, 95),  # IOE receipt
    ("I-765", MAILED, 150, 45),  # IOE receipt: no dates, so no S4 mail check
)
# Receipt prefixes per form, used in turn; the last three DEMO cases use IOE.
PREFIXES: Dict[str, Sequence[str]] = {
    "I-485": ("MSC", "NBC", "IOE"),
    "I-765": ("MSC", "NBC", "EAC"),
    "I-130": ("IOE", "NBC", "WAC", "EAC"),
    "I-131": ("MSC", "NBC"),
    "N-400": ("IOE", "NBC"),
    "I-90": ("IOE", "MSC"),
    "I-751": ("EAC", "WAC", "IOE"),
    "I-140": ("LIN", "SRC"),
    "I-129": ("WAC", "EAC"),
    "I-539": ("SRC", "EAC", "IOE"),
    "N-600": ("NBC", "MSC"),
    "I-821D": ("EAC", "LIN"),
}
IOE_DEMO_FROM = len(DEMO) - 3


# ---------------------------------------------------------------- building


def _digest(*parts: Any) -> int:
    # Stable across runs and Python versions (unlike hash()).
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16)


def _fill(template: str, values: Dict[str, str]) -> str:
    keep = {name: "{" + name + "}" for name in LATE_FIELDS}
    names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    missing = names - set(values) - set(keep)
    if missing:
        raise KeyError(f"no value for {sorted(missing)} in {template[:60]!r}")
    return template.format(**values, **keep)


def _history(form: str, title: str, submitted: int, modified: int) -> Optional[List[Dict[str, Any]]]:
    if title in NO_HISTORY:
        return None
    path = list(PATHS.get(form, (R,)))
    earlier = path[: path.index(title)] if title in path else [R]
    if not earlier or submitted <= modified:
        return None
    # Spread the earlier steps between the filing and the current status.
    span = submitted - modified
    steps = []
    for i, step in enumerate(earlier):
        days_ago = submitted - (span * i) // len(earlier)
        steps.append({"days_ago": days_ago, "text_en": step, "text_es": TITLES_ES[step]})
    return steps


def make_case(
    receipt: str,
    form: str,
    title: str,
    submitted: int,
    modified: int,
    with_history: bool,
    templates_en: Dict[str, str],
    kind: str,
) -> Dict[str, Any]:
    """One stored case: English from the USCIS template, Spanish from texts_es.json."""
    if title not in templates_en:
        raise KeyError(f"{title!r} is not a USCIS title in the source data")
    if modified > submitted or modified < 1:
        raise ValueError(f"{receipt}: modified must be 1..submitted days ago")
    prefix = receipt[:3]
    office_en, office_es = OFFICES[prefix]
    if title == "Case Is Pending at a Local Office":
        office_en, office_es = FIELD_OFFICES[_digest(receipt) % len(FIELD_OFFICES)]
    tracking = "9205590" + str(_digest("tracking", receipt))[:15]
    long_en, long_es = FORMS[form]
    common = {"receipt_number": receipt, "tracking_number": tracking, "phone_number": CONTACT_CENTER_PHONE}
    values_en = dict(common, form_long_name=long_en, location_name=office_en, send_phrase=SEND_PHRASE[0])
    values_es = dict(common, form_long_name=long_es, location_name=office_es, send_phrase=SEND_PHRASE[1])
    return {
        "kind": kind,
        "formType": form,
        "submitted_days_ago": submitted,
        "modified_days_ago": modified,
        "time_of_day_seconds": 8 * 3600 + _digest("time", receipt) % (8 * 3600),
        "title_en": title,
        "title_es": TITLES_ES[title],
        "desc_en": _fill(templates_en[title], values_en),
        "desc_es": _fill(TEMPLATES_ES[title], values_es),
        "history": _history(form, title, submitted, modified) if with_history else None,
    }


def _sandbox_days(receipt: str, title: str) -> Tuple[int, int]:
    submitted = 30 + _digest("submitted", receipt) % 1000
    if title in NO_HISTORY:
        return submitted, submitted
    return submitted, 1 + _digest("modified", receipt) % max(1, submitted - 20)


def build(source: Path) -> Dict[str, Any]:
    """Build the cases.json document from the shared data in `source`."""
    with open(source / TEMPLATES_FILE, encoding="utf-8") as fh:
        raw = json.load(fh)
    templates_en = {
        " ".join(title.split()): text for title, text in raw["templates"].items() if title and text
    }
    with open(source / SANDBOX_FILE, encoding="utf-8") as fh:
        sandbox = json.load(fh)

    cases: Dict[str, Dict[str, Any]] = {}
    for group, specs, with_history in (
        ("with_history", SANDBOX_WITH_HISTORY, True),
        ("without_history", SANDBOX_WITHOUT_HISTORY, False),
    ):
        receipts = sandbox[group]
        if len(receipts) != len(specs):
            raise ValueError(f"{group}: {len(receipts)} receipts but {len(specs)} specs")
        for receipt, (form, title) in zip(receipts, specs):
            submitted, modified = _sandbox_days(receipt, title)
            if with_history and submitted <= modified:
                modified = max(1, submitted // 3)
            kind = f"sandbox_{group}"
            cases[receipt] = make_case(receipt, form, title, submitted, modified, with_history, templates_en, kind)

    for receipt, form, title, submitted, modified, with_history, _ in MEMORABLE:
        cases[receipt] = make_case(receipt, form, title, submitted, modified, with_history, templates_en, "demo")

    used = {r for r in cases}
    for i, (form, title, submitted, modified) in enumerate(DEMO):
        choices = PREFIXES[form]
        prefix = "IOE" if i >= IOE_DEMO_FROM else choices[i % len(choices)]
        # "90" + 8 digits: cannot collide with the sandbox's 9999... numbers.
        receipt = f"{prefix}90{_digest('demo', i, form, title) % 10**8:08d}"
        if receipt in used:
            raise ValueError(f"duplicate receipt {receipt}")
        used.add(receipt)
        cases[receipt] = make_case(receipt, form, title, submitted, modified, i % 3 != 2, templates_en, "demo")

    return {
        "about": (
            "Cases of the local Case Status service (services/case_status_local). Generated by "
            "build_cases.py; do not edit by hand. English titles and descriptions: USCIS case status "
            "templates via github.com/FrenchCommando/uscis-status (MIT, Copyright (c) 2020 "
            "FrenchCommando). Spanish text, forms, dates and demo receipts: written for this project. "
            "Sandbox receipt numbers: USCIS developer portal, via shared/data/uscis_case_status."
        ),
        "dates": (
            "Dates are days before today; the server turns them into MM-DD-YYYY HH:MM:SS dates and "
            "fills {date} (modified date) and {notice_deadline} (30 days later) in the descriptions."
        ),
        "memorable_receipts": {r: note for r, *_, note in MEMORABLE},
        "cases": cases,
    }


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="shared/data/uscis_case_status")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON (default cases.json)")
    args = parser.parse_args(argv)
    document = build(args.source)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    args.out.write_text(text, encoding="utf-8")
    kinds: Dict[str, int] = {}
    for case in document["cases"].values():
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
    print(f"wrote {args.out}: {len(document['cases'])} cases {kinds}")


if __name__ == "__main__":
    main()
