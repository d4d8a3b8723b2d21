"""Rule S4: outside normal processing time, and notices or cards that did not arrive."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from contact_center.case_status import CaseStatus, CaseStatusClient
from contact_center.case_status.processing_times import (
    CARD_NOT_RECEIVED,
    NOTICE_NOT_RECEIVED,
    add_months,
    default_table,
    load_table,
    mail_overdue,
    normal_processing_months,
    normalise_form,
    outside_processing_time,
)
from services.case_status_local import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, LocalCaseStatusService

NOW = datetime(2025, 6, 15, 12, 0, 0)
FORMS = ("I-485", "I-130", "I-765", "I-131", "N-400", "I-90", "I-751", "I-140", "I-129", "I-539", "N-600", "I-821D")


def case(title="Case Was Received", form="I-751", submitted=None, modified=None) -> CaseStatus:
    return CaseStatus(
        receipt_number="EAC2190012345",
        form_type=form,
        submitted_date=submitted,
        modified_date=modified,
        title_en=title,
        title_es="",
        description_en="",
        description_es="",
    )


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


# ---------------------------------------------------------------- the table


def test_table_has_every_common_form():
    for form in FORMS:
        months = normal_processing_months(form)
        assert isinstance(months, int) and 1 <= months <= 36, form


def test_form_names_are_normalised():
    assert normalise_form("i485") == "I-485"
    assert normalise_form("I 821d") == "I-821D"
    assert normalise_form("n-400") == "N-400"
    assert normal_processing_months("i-751") == normal_processing_months("I-751")
    assert normal_processing_months("I-999") is None


def test_add_months_clamps_the_day():
    assert add_months(datetime(2024, 1, 31), 1) == datetime(2024, 2, 29)
    assert add_months(datetime(2023, 11, 15, 9, 30), 14) == datetime(2025, 1, 15, 9, 30)


# ---------------------------------------------------------------- outside processing time


def test_S4_case_past_normal_time_is_outside_processing_time():
    months = normal_processing_months("I-751")
    submitted = add_months(NOW, -(months + 1))
    assert outside_processing_time(case(form="I-751", submitted=submitted), NOW)


def test_S4_case_within_normal_time_is_not_outside():
    months = normal_processing_months("I-751")
    submitted = add_months(NOW, -(months - 1))
    assert not outside_processing_time(case(form="I-751", submitted=submitted), NOW)


def test_S4_exactly_at_normal_time_is_not_yet_outside():
    submitted = add_months(NOW, -normal_processing_months("N-400"))
    assert not outside_processing_time(case(form="N-400", submitted=submitted), NOW)


def test_S4_no_submitted_date_is_never_outside():
    # IOE receipts come without dates.
    assert not outside_processing_time(case(form="I-765", submitted=None), NOW)


def test_S4_unknown_form_is_never_outside():
    assert not outside_processing_time(case(form="I-999", submitted=days_ago(3000)), NOW)


@pytest.mark.parametrize(
    "title",
    [
        "Case Was Approved",
        "Case Was Denied",
        "Card Was Mailed To Me",
        "New Card Is Being Produced",
        "Case Was Rejected Because It Was Improperly Filed",
        "Case Was Sent To The Department of State",
        "Withdrawal Acknowledgement Notice Was Sent",
        "Case Is On Hold Because Of Pending Litigation",
    ],
)
def test_S4_decided_cases_are_never_late(title):
    assert not outside_processing_time(case(title=title, form="I-485", submitted=days_ago(2000)), NOW)


@pytest.mark.parametrize(
    "title",
    ["Case Was Received", "Expedite Request Denied", "Interview Was Completed And My Case Must Be Reviewed"],
)
def test_S4_pending_statuses_can_be_late(title):
    assert outside_processing_time(case(title=title, form="I-485", submitted=days_ago(2000)), NOW)


def test_S4_aware_now_compares_with_naive_api_dates():
    aware = NOW.replace(tzinfo=timezone.utc)
    assert outside_processing_time(case(form="I-129", submitted=days_ago(400)), aware)
    assert mail_overdue(case("Card Was Mailed To Me", modified=days_ago(40)), aware) == CARD_NOT_RECEIVED


# ---------------------------------------------------------------- mail overdue


@pytest.mark.parametrize(
    "title",
    [
        "Card Was Mailed To Me",
        "Card Was Delivered To Me By The Post Office",
        "Card Was Picked Up By The United States Postal Service",
        "New Card Is Being Produced",
        "Document Was Mailed To Me",
        "Travel Document Was Mailed",
        "Advance Parole Document Was Produced",
    ],
)
def test_S4_card_mailed_over_30_days_ago_is_card_not_received(title):
    assert mail_overdue(case(title, modified=days_ago(31)), NOW) == CARD_NOT_RECEIVED


def test_S4_card_mailed_recently_is_not_overdue():
    assert mail_overdue(case("Card Was Mailed To Me", modified=days_ago(29)), NOW) is None
    assert mail_overdue(case("Card Was Mailed To Me", modified=days_ago(30)), NOW) is None


@pytest.mark.parametrize(
    "title",
    [
        "Case Was Received",
        "Fingerprint and Biometrics Appointment Was Scheduled",
        "Interview Was Scheduled",
        "Request for Additional Evidence Was Sent",
        "Case Was Approved",
        "Case Was Denied",
        "Duplicate Notice Was Mailed",
    ],
)
def test_S4_notice_mailed_over_30_days_ago_is_notice_not_received(title):
    assert mail_overdue(case(title, modified=days_ago(45)), NOW) == NOTICE_NOT_RECEIVED
    assert mail_overdue(case(title, modified=days_ago(10)), NOW) is None


def test_S4_returned_mail_can_be_requested_at_once():
    assert mail_overdue(case("Card Is Being Returned to USCIS by Post Office", modified=days_ago(2)), NOW) == CARD_NOT_RECEIVED
    title = "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It"
    assert mail_overdue(case(title, modified=days_ago(1)), NOW) == NOTICE_NOT_RECEIVED


def test_S4_titles_match_regardless_of_case_and_spaces():
    assert mail_overdue(case("  card was   MAILED to me ", modified=days_ago(60)), NOW) == CARD_NOT_RECEIVED


def test_S4_unlisted_titles_fall_back_to_patterns():
    assert mail_overdue(case("Reentry Permit Was Mailed", modified=days_ago(60)), NOW) == CARD_NOT_RECEIVED
    assert mail_overdue(case("Rescission Notice Was Sent", modified=days_ago(60)), NOW) == NOTICE_NOT_RECEIVED


def test_S4_no_mail_in_status_is_not_overdue():
    for title in ("Case Was Updated To Show Fingerprints Were Taken", "Expedite Request Received", "Name Was Updated"):
        assert mail_overdue(case(title, modified=days_ago(200)), NOW) is None


def test_S4_no_modified_date_is_not_overdue():
    assert mail_overdue(case("Card Was Mailed To Me", modified=None), NOW) is None


def test_S4_table_is_configurable(tmp_path: Path):
    table_file = tmp_path / "times.yml"
    table_file.write_text(
        "normal_processing_months:\n  i-751: 1\n"
        "mail:\n  wait_days: 5\n  card_titles: [Card Was Mailed To Me]\n"
    )
    table = load_table(table_file)
    assert outside_processing_time(case(form="I-751", submitted=days_ago(40)), NOW, table)
    assert not outside_processing_time(case(form="I-751", submitted=days_ago(40)), NOW)
    assert mail_overdue(case("Card Was Mailed To Me", modified=days_ago(6)), NOW, table) == CARD_NOT_RECEIVED
    assert default_table().wait_days == 30


# ---------------------------------------------------------------- end to end with the demo receipts


def test_S4_demo_receipts_through_the_local_service():
    """The README's demo receipts behave as it says, whatever today is."""
    expected = {
        "EAC1234567890": (False, None),  # approved 20 days ago
        "LIN1111111111": (False, CARD_NOT_RECEIVED),  # card mailed 60 days ago
        "SRC2222222222": (True, None),  # I-751 filed ~30 months ago
        "WAC3333333333": (False, None),  # RFE 10 days ago
        "IOE4444444444": (False, None),  # no dates
        "NBC6666666666": (False, NOTICE_NOT_RECEIVED),  # biometrics notice 45 days ago
        "YSC8888888888": (False, None),  # on hold for litigation
    }
    with LocalCaseStatusService(port=0, rate_limit_per_second=0) as svc:
        client = CaseStatusClient(svc.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, timeout=(1, 2))
        now = datetime.now()
        for receipt, (late, mail) in expected.items():
            status = client.lookup(receipt)
            assert outside_processing_time(status, now) is late, receipt
            assert mail_overdue(status, now) == mail, receipt
