"""The routing rules, rule by rule (contact-center-rules.md).

Every rule id in the rules document must be named by a test here: the last
test fails when the document has an id that no test names.
"""
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from contact_center import rules
from contact_center.rules import EASTERN, LookupResult, Outcome, RequestType

from tests import ROOT

RULES_DOC = ROOT.parent / "shared" / "reference" / "contact-center-rules.md"


def et(*args):
    return datetime(*args, tzinfo=EASTERN)


TUE_10AM = et(2026, 11, 24, 10, 0)  # a Tuesday
SAT_10AM = et(2026, 11, 28, 10, 0)
THANKSGIVING_NOON = et(2026, 11, 26, 12, 0)
TUE_9PM = et(2026, 11, 24, 21, 0)

# (rule ids the row shows, decision, expected outcome, ids the decision must name)
TABLE = [
    (("G1",), lambda: rules.live_help(TUE_10AM, self_service_available=True), Outcome.SELF_SERVICE, {"G1"}),
    (("G2", "G3"), lambda: rules.live_help(TUE_10AM, self_service_available=False), Outcome.LIVE_TIER1, {"G2", "G3"}),
    (("G3", "C1", "C2"), lambda: rules.live_help(TUE_9PM, self_service_available=False), Outcome.LIVE_TIER1, {"G3", "C1", "C2"}),
    (("G3",), lambda: rules.live_help(SAT_10AM, self_service_available=False), Outcome.LIVE_TIER1, {"G3", "C1"}),
    (("G3",), lambda: rules.live_help(THANKSGIVING_NOON, self_service_available=False), Outcome.LIVE_TIER1, {"G3", "C1"}),
    (("G6",), lambda: rules.emergency(danger=True, reasons=[], needs_appointment=True), Outcome.REFER_ELSEWHERE, {"G6"}),
    (("G7",), lambda: rules.not_a_uscis_matter("irs"), Outcome.REFER_ELSEWHERE, {"G7"}),
    (("S1",), lambda: rules.case_status("EAC2190012345", LookupResult.FOUND), Outcome.SELF_SERVICE, {"S1"}),
    (("S2",), lambda: rules.case_status("EAC219001234"), Outcome.NOT_ELIGIBLE, {"S2"}),
    (("S3",), lambda: rules.case_status("EAC2190012345", LookupResult.UNAVAILABLE), Outcome.SELF_SERVICE, {"S3", "G1"}),
    (("S4",), lambda: rules.case_status("EAC2190012345", LookupResult.FOUND, outside_processing_time=True), Outcome.SELF_SERVICE, {"S4", "E1"}),
    (("S4",), lambda: rules.case_status("EAC2190012345", LookupResult.FOUND, mail_overdue=RequestType.CARD_NOT_RECEIVED), Outcome.SELF_SERVICE, {"S4"}),
    (("R1", "G5"), lambda: rules.reschedule("interview", TUE_10AM + timedelta(days=10), TUE_10AM), Outcome.E_REQUEST, {"R1", "G5", "R3"}),
    (("R1",), lambda: rules.reschedule("oath", TUE_10AM + timedelta(days=10), TUE_10AM), Outcome.E_REQUEST, {"R1"}),
    (("R2",), lambda: rules.reschedule("biometrics", TUE_10AM + timedelta(days=5), TUE_10AM), Outcome.SELF_SERVICE, {"R2"}),
    (("R2",), lambda: rules.reschedule("biometrics", TUE_10AM + timedelta(days=5), TUE_10AM, times_rescheduled=2), Outcome.LIVE_TIER1, {"R2"}),
    (("R2",), lambda: rules.reschedule("biometrics", TUE_10AM + timedelta(hours=11), TUE_10AM), Outcome.LIVE_TIER1, {"R2"}),
    (("R2",), lambda: rules.reschedule("biometrics", TUE_10AM - timedelta(hours=1), TUE_10AM), Outcome.LIVE_TIER1, {"R2"}),
    (("R3",), lambda: rules.reschedule("interview", None, TUE_10AM), Outcome.E_REQUEST, {"R3"}),
    (("R4",), lambda: rules.reschedule("interview", None, TUE_10AM, has_covid=True), Outcome.E_REQUEST, {"R4"}),
    (("R4",), lambda: rules.reschedule("biometrics", TUE_10AM + timedelta(days=5), TUE_10AM, has_covid=True), Outcome.SELF_SERVICE, {"R4"}),
    (("R5", "U4"), lambda: rules.emergency(False, [], needs_appointment=True), Outcome.LIVE_TIER1, {"U4", "R5"}),
    (("X1", "X2", "X3", "X5"), lambda: rules.expedite(["severe_financial_loss"], "I-485", documents="layoff letter"), Outcome.E_REQUEST, {"X1", "X2", "X3", "X5"}),
    (("X2",), lambda: rules.expedite([], "I-485"), Outcome.NOT_ELIGIBLE, {"X2"}),
    (("X4",), lambda: rules.expedite(["severe_financial_loss"], "I-140"), Outcome.NOT_ELIGIBLE, {"X4"}),
    (("U1", "U2", "U3"), lambda: rules.emergency(False, ["medical_emergency"], needs_appointment=True), Outcome.TIER2_REVIEW, {"U1", "U2", "U3"}),
    (("U2",), lambda: rules.emergency(False, ["financial_loss_of_employment_or_benefits"], needs_appointment=True), Outcome.TIER2_REVIEW, {"U2"}),
    (("U5",), lambda: rules.emergency(False, [], needs_appointment=None), Outcome.SELF_SERVICE, {"U5"}),
    (("E1", "E2", "E3"), lambda: rules.e_request(RequestType.NOTICE_NOT_RECEIVED, "eac-21-900-12345"), Outcome.E_REQUEST, {"E1", "E2", "E3"}),
    (("E1",), lambda: rules.e_request(RequestType.TYPO, "XYZ2190012345"), Outcome.NOT_ELIGIBLE, {"S2"}),
    (("O1",), rules.change_of_address, Outcome.SELF_SERVICE, {"O1", "G1"}),
    (("O2",), rules.contact_numbers, Outcome.SELF_SERVICE, {"O2"}),
]


@pytest.mark.parametrize("ids, decide, outcome, named", TABLE, ids=["-".join(r[0]) + f"#{i}" for i, r in enumerate(TABLE)])
def test_rule_table(ids, decide, outcome, named):
    decision = decide()
    assert decision.outcome == outcome
    assert named <= set(decision.rule_ids), decision.rule_ids


def test_G4_rules_answer_with_response_keys_not_text():
    for _, decide, _, _ in TABLE:
        for key in decide().tell:
            assert re.fullmatch(r"utter_\w+(/\w+)?", key), key  # a knowledge-base answer: utter_faq/<topic>


def test_G5_contact_center_never_decides():
    assert rules.reschedule("interview", None, TUE_10AM).decided_by == "field_office"
    assert rules.expedite(["uscis_error"], "N-400").decided_by == "office_holding_case"
    assert rules.emergency(False, ["medical_emergency"], True).decided_by == "field_office"


@pytest.mark.parametrize(
    "moment, open_",
    [
        (et(2026, 11, 24, 7, 59), False), (et(2026, 11, 24, 8, 0), True), (et(2026, 11, 24, 19, 59), True),
        (et(2026, 11, 24, 20, 0), False), (SAT_10AM, False), (THANKSGIVING_NOON, False),
        (et(2026, 7, 3, 12, 0), False),  # Independence Day observed
        (datetime(2026, 11, 24, 14, 0, tzinfo=timezone.utc), True),  # 9 a.m. Eastern
    ],
)
def test_G3_live_chat_hours(moment, open_):
    assert rules.live_chat_open(moment) is open_


def test_G3_next_opening_skips_weekend_and_holiday():
    assert rules.next_live_chat_opening(et(2026, 11, 25, 21, 0)) == et(2026, 11, 27, 8, 0)  # Thanksgiving
    assert rules.next_live_chat_opening(SAT_10AM) == et(2026, 11, 30, 8, 0)


def test_G3_clock_must_be_time_zone_aware():
    with pytest.raises(ValueError):
        rules.live_chat_open(datetime(2026, 11, 24, 10, 0))


@pytest.mark.parametrize("urgent, span", [(True, timedelta(hours=72)), (False, timedelta(days=14))])
@pytest.mark.parametrize("now", [TUE_10AM, TUE_9PM, SAT_10AM, et(2026, 11, 24, 5, 0)])
def test_C1_C2_callback_due_inside_callback_hours(urgent, span, now):
    first, deadline = rules.callback_window(now, urgent)
    assert rules.in_callback_hours(first)
    assert rules.in_callback_hours(deadline)
    assert first >= now
    assert deadline <= now + span


def test_C3_several_numbers_are_a_storage_matter_but_the_decision_says_callback():
    decision = rules.live_help(TUE_9PM, self_service_available=False)
    assert "C3" in decision.rule_ids
    assert decision.details["channel"] == "callback"


def test_C4_two_attempts_then_email():
    start, due = rules.callback_window(TUE_10AM, urgent=True)
    first = rules.callback_next_step([], start, due)
    assert (first.status, first.plan_attempt, first.earliest, first.latest) == ("pending", 1, start, due)
    assert rules.callback_next_step([(1, None, None, "+1")], start, due).plan_attempt is None  # still to make
    missed = rules.callback_next_step([(1, TUE_10AM, "no_answer_message_left", "+1")], start, due)
    assert (missed.status, missed.plan_attempt, missed.after_number) == ("in_progress", 2, "+1")
    assert missed.earliest - TUE_10AM == timedelta(minutes=60) and missed.latest - TUE_10AM == timedelta(minutes=90)
    later = TUE_10AM + timedelta(minutes=75)
    both = rules.callback_next_step(
        [(1, TUE_10AM, "no_answer_message_left", "+1"), (2, later, "no_answer_message_left", "+2")], start, due)
    assert (both.status, both.plan_attempt, both.email_due_at) == ("failed_emailed", None, later)
    answered = rules.callback_next_step([(1, TUE_10AM, "no_answer", "+1"), (2, later, "answered", "+2")], start, due)
    assert (answered.status, answered.completed_at, answered.email_due_at) == ("completed", later, None)


def test_C3_each_number_in_turn():
    numbers = ["+12025550143", "+13055550199"]
    assert rules.next_phone_number(numbers, None) == "+12025550143"
    assert rules.next_phone_number(numbers, "+12025550143") == "+13055550199"
    assert rules.next_phone_number(numbers, "+13055550199") == "+12025550143"
    assert rules.next_phone_number([], None) is None


def test_C5_no_text_ahead_of_the_call_yet():
    """C5 names two future options (FY22): scheduled callbacks are offered by the callback
    form (tests/contact_center/test_callback_desk_rules.py); a text ahead of the call is not."""
    decision = rules.live_help(TUE_9PM, self_service_available=False)
    assert "sms" not in decision.details


def test_X2_unknown_criterion_is_a_programming_error():
    with pytest.raises(ValueError):
        rules.expedite(["i_want_it_faster"])


def test_every_rule_id_in_the_document_is_tested():
    if not RULES_DOC.exists():
        pytest.fail(f"{RULES_DOC} is missing (shared/ must sit beside the repository)")
    doc_ids = set(re.findall(r"^- ([A-Z]\d+) ", RULES_DOC.read_text(encoding="utf-8"), re.M))
    assert len(doc_ids) > 30
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    named = set(re.findall(r"(?<![A-Za-z0-9])([GSRXUCEO]\d)(?!\d)", source))
    missing = sorted(doc_ids - named)
    assert not missing, f"rule ids with no test: {missing}"


# ---------------------------------------------------------------- routing to a person (G1, G2, G3, U3, C1-C5)


def test_G2_G3_in_hours_the_tier_of_the_outcome():
    tier1 = rules.live_route(TUE_10AM, Outcome.LIVE_TIER1)
    assert (tier1.details["channel"], tier1.details["tier"], tier1.tell) == ("live_chat", 1, ("utter_handoff_tier1",))
    assert tier1.rule_ids == ("G2", "G3")
    review = rules.live_route(TUE_10AM, Outcome.TIER2_REVIEW)
    assert review.details["tier"] == 2 and "U3" in review.rule_ids and review.tell == ("utter_handoff_tier2",)


def test_G3_C1_out_of_hours_a_callback_due_within_its_time():
    route = rules.live_route(TUE_9PM, Outcome.TIER2_REVIEW, urgent=True)
    assert route.details["channel"] == "callback" and route.outcome is Outcome.TIER2_REVIEW
    assert route.tell == ("utter_live_chat_closed", "utter_offer_callback")
    assert route.due_by - TUE_9PM <= timedelta(hours=72)
    with pytest.raises(ValueError):
        rules.live_route(TUE_10AM, Outcome.SELF_SERVICE)


@pytest.mark.parametrize("topic,flow", [
    ("check_case_status", "case_status"), ("card_not_received", "e_request"), ("typo_correction", "e_request"),
    ("report_emergency", "emergency"), ("change_address", "change_address"), ("other", None), (None, None),
])
def test_G1_topics_a_self_help_tool_serves(topic, flow):
    assert rules.self_help_flow(topic) == flow


def test_C1_to_C5_a_requested_callback():
    plain = rules.callback_request(TUE_9PM, urgent=False, preferred=None)
    assert plain.rule_ids == ("C1", "C2", "C3", "C4", "G2", "G3")
    assert plain.tell == ("utter_callback_scheduled", "utter_callback_if_missed_email")
    assert plain.due_by - TUE_9PM <= timedelta(days=14)
    chosen = rules.callback_request(TUE_9PM, urgent=True, preferred=(TUE_10AM + timedelta(days=1),) * 2)
    assert "C5" in chosen.rule_ids and chosen.due_by - TUE_9PM <= timedelta(hours=72)
    assert chosen.tell == ("utter_callback_scheduled", "utter_callback_chosen_time", "utter_callback_if_missed_email")


@pytest.mark.parametrize("now, closed", [(TUE_10AM, False), (TUE_9PM, True), (SAT_10AM, True), (THANKSGIVING_NOON, True)])
def test_G3_a_callback_asked_for_while_live_chat_is_closed_stands_in_for_it(now, closed):
    assert ("G3" in rules.callback_request(now, urgent=False, preferred=None).rule_ids) is closed
    # Told first that live chat is closed and when it opens, so the applicant can choose it instead.
    assert rules.callback_asked(now) == (("utter_live_chat_closed",) if closed else ())


def test_C4_O2_with_no_e_mail_address_the_applicant_is_given_the_number_to_call_not_promised_an_e_mail():
    decision = rules.callback_request(TUE_9PM, urgent=False, preferred=None, email_given=False)
    assert decision.tell == ("utter_callback_scheduled", "utter_callback_if_missed_no_email")
    assert "O2" in decision.rule_ids and "C4" in decision.rule_ids


def test_E2_requests_go_to_the_office_that_issued_the_receipt():
    assert rules.office_for_receipt("EAC2190012345") == "vermont_service_center"
    assert rules.office_for_receipt("IOE0912345678") == "uscis_elis"
    assert rules.office_for_receipt(None) is None and rules.office_for_receipt("ZZZ0000000000") is None


def test_S2_a_number_the_service_calls_malformed_is_explained_not_called_unavailable():
    decision = rules.case_status("EAC2190012345", LookupResult.MALFORMED)
    assert decision.rule_ids == ("S2",) and decision.tell == ("utter_case_status_malformed",)
    assert rules.case_status("EAC2190012345", LookupResult.UNAVAILABLE).rule_ids == ("S2", "S3", "G1")


def test_S2_a_number_that_passed_the_check_names_it_in_every_lookup_decision():
    """"msc-555-555-5555" was normalised and looked up, and the audit log named only S1."""
    for lookup in LookupResult:
        assert "S2" in rules.case_status("MSC5555555555", lookup).rule_ids
    assert "S2" in rules.case_status("MSC5555555555", LookupResult.FOUND, outside_processing_time=True).rule_ids


# ---------------------------------------------------------------- X4 by form and classification


@pytest.mark.parametrize("form,classification,available", [
    ("I-129", None, True), ("I-140", None, True),
    ("I-765", "student_opt", True), ("I-765", "other", False), ("I-765", "unknown", None), ("I-765", None, None),
    ("I-539", "change_to_student_or_exchange", True), ("I-539", "other", False), ("I-539", "unknown", None),
    ("I-485", None, False), ("I-130", None, False), ("N-400", None, False), ("I-90", None, False), (None, None, False),
])
def test_X4_premium_processing_by_form_and_classification(form, classification, available):
    assert rules.premium_processing(form, classification) is available


def test_X4_where_premium_processing_exists_the_expedite_is_not_the_way():
    for form, classification in (("I-129", None), ("I-765", "student_opt"), ("I-539", "change_to_student_or_exchange")):
        decision = rules.expedite(["severe_financial_loss"], form, classification=classification)
        assert decision.outcome is Outcome.NOT_ELIGIBLE and decision.rule_ids == ("X4",)


def test_X4_a_work_permit_that_is_not_opt_can_be_expedited():
    decision = rules.expedite(["severe_financial_loss"], "I-765", classification="other")
    assert decision.outcome is Outcome.E_REQUEST and "utter_premium_processing_maybe" not in decision.tell


def test_X4_an_unknown_category_is_said_honestly_and_the_request_goes_on():
    decision = rules.expedite(["urgent_humanitarian"], "I-765", classification="unknown")
    assert decision.outcome is Outcome.E_REQUEST and "X4" in decision.rule_ids
    assert decision.tell[-1] == "utter_premium_processing_maybe"
    assert decision.details["premium_processing"] == "unknown"
