"""The contact center's routing rules, one function per kind of request.

Each function takes the facts gathered so far and returns a `Decision`: the
outcome, the ids of the rules that decided it (as in
`shared/reference/contact-center-rules.md`), and what the applicant must be
told, as domain response keys (so both languages come from one place). Nothing
here knows Rasa; time rules take the current time as an argument.

Read it beside the rules document: each rule id appears where it is applied.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Dict, FrozenSet, Iterable, Optional, Sequence, Tuple

from contact_center import receipts
from contact_center.clock import EASTERN



class Outcome(str, enum.Enum):
    SELF_SERVICE = "SELF_SERVICE"
    E_REQUEST = "E_REQUEST"
    LIVE_TIER1 = "LIVE_TIER1"
    TIER2_REVIEW = "TIER2_REVIEW"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    REFER_ELSEWHERE = "REFER_ELSEWHERE"


class RequestType(str, enum.Enum):
    """E1: the kinds of service request (e-Request) the assistant files."""

    OUTSIDE_PROCESSING_TIME = "outside_processing_time"
    NOTICE_NOT_RECEIVED = "notice_not_received"
    CARD_NOT_RECEIVED = "card_not_received"
    TYPO = "typographic_error"
    ACCOMMODATION = "accommodation"
    RESCHEDULE = "reschedule"
    EXPEDITE = "expedite"  # X5: filed like an e-Request, with its own reference


@dataclass(frozen=True)
class Decision:
    """What the rules decided for one request."""

    outcome: Outcome
    rule_ids: Tuple[str, ...]
    tell: Tuple[str, ...] = ()  # domain response keys, in order
    request_type: Optional[RequestType] = None  # set when outcome is E_REQUEST
    decided_by: Optional[str] = None  # G5: who decides ("field_office", "service_center", ...)
    due_by: Optional[datetime] = None  # C1: by when a representative calls back
    details: Dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- hours (G3; C2 is with the callbacks)

LIVE_CHAT_OPEN = time(8, 0)  # G3
LIVE_CHAT_CLOSE = time(20, 0)
CALLBACK_START = time(7, 0)  # C2
CALLBACK_END = time(18, 30)
CALLBACK_URGENT = timedelta(hours=72)  # C1
CALLBACK_NON_URGENT = timedelta(days=14)
SECOND_ATTEMPT_AFTER = (timedelta(minutes=60), timedelta(minutes=90))  # C4


def _eastern(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("the clock must give time-zone-aware datetimes")
    return now.astimezone(EASTERN)


def is_federal_holiday(day: date) -> bool:
    """G3: federal holidays count as closed (the `holidays` package's US calendar)."""
    import holidays

    return day in holidays.country_holidays("US", years=day.year)


def live_chat_open(now: datetime) -> bool:
    """G3: Monday to Friday, 8 a.m. to 8 p.m. Eastern, federal holidays closed."""
    local = _eastern(now)
    if local.weekday() >= 5 or is_federal_holiday(local.date()):
        return False
    return LIVE_CHAT_OPEN <= local.time() < LIVE_CHAT_CLOSE


def next_live_chat_opening(now: datetime) -> datetime:
    """When live chat next opens (G3), in Eastern time."""
    local = _eastern(now)
    if live_chat_open(local):
        return local
    day = local.date()
    if local.time() >= LIVE_CHAT_OPEN:
        day += timedelta(days=1)
    while day.weekday() >= 5 or is_federal_holiday(day):
        day += timedelta(days=1)
    return datetime.combine(day, LIVE_CHAT_OPEN, tzinfo=EASTERN)


# ---------------------------------------------------------------- general (G1-G7)


def tier_for(outcome: "Outcome | str") -> int:
    """G2, U3: the live queue a decision's outcome goes to (Tier 1, or Tier 2 for review)."""
    outcome = Outcome(outcome)
    if outcome is Outcome.TIER2_REVIEW:
        return 2
    if outcome is Outcome.LIVE_TIER1:
        return 1
    raise ValueError(f"{outcome.value} does not go to a live queue")



def live_help(now: datetime, self_service_available: bool, urgent: bool = False) -> Decision:
    """G1-G3, C1-C3: a request for a live representative.

    G1: where a self-help tool serves the request, no representative is offered.
    G2: live help starts at Tier 1. G3: outside live-chat hours, a callback or
    an e-Request instead.
    """
    if self_service_available:
        return Decision(Outcome.SELF_SERVICE, ("G1",), ("utter_self_service_first",))
    return live_route(now, Outcome.LIVE_TIER1, urgent)


# G1: the topics a self-help tool serves, and the flow that serves each (not a representative).
SELF_HELP_FLOWS = {
    "check_case_status": "case_status",
    "reschedule_appointment": "reschedule",
    "request_expedite": "expedite",
    "report_emergency": "emergency",
    "change_address": "change_address",
    # E1: the e-Request topics (actions/e_requests.py E_REQUEST_INTENTS are these).
    "case_outside_processing_time": "e_request",
    "notice_not_received": "e_request",
    "card_not_received": "e_request",
    "typo_correction": "e_request",
    "request_accommodation": "e_request",
}


# E1: the request each e-Request type serves (the slot `request_type`'s values, as topics).
REQUEST_TYPE_TOPICS = {
    RequestType.OUTSIDE_PROCESSING_TIME.value: "case_outside_processing_time",
    RequestType.NOTICE_NOT_RECEIVED.value: "notice_not_received",
    RequestType.CARD_NOT_RECEIVED.value: "card_not_received",
    RequestType.TYPO.value: "typo_correction",
    RequestType.ACCOMMODATION.value: "request_accommodation",
}


def self_help_flow(topic: Optional[str]) -> Optional[str]:
    """G1: the flow that serves `topic` without a representative, if one does."""
    return SELF_HELP_FLOWS.get(topic or "")


# A request asked for on a condition about the answer before it ("check my status ... and if
# its approved i need to change my address"; the reader is contact_center/conditions.py).
# S1: a condition on the case is met by the status just looked up; G1: "if it can't be done
# online" is met only when self-help did not serve the request just decided.
_APPROVED_LIKE = frozenset({
    "utter_status_case_was_approved", "utter_status_card_was_mailed_to_me",
    "utter_status_card_was_delivered_to_me_by_the_post_office",
    "utter_status_card_was_picked_up_by_the_united_states_postal_service",
    "utter_status_new_card_is_being_produced", "utter_status_document_was_mailed_to_me",
    "utter_status_advance_parole_document_was_produced", "utter_status_travel_document_was_mailed",
})
_MAILED = frozenset({
    "utter_status_card_was_mailed_to_me", "utter_status_card_was_delivered_to_me_by_the_post_office",
    "utter_status_card_was_picked_up_by_the_united_states_postal_service",
    "utter_status_card_is_being_returned_to_uscis_by_post_office", "utter_status_document_was_mailed_to_me",
    "utter_status_travel_document_was_mailed",
})
CONDITION_STATUSES = {  # S1: the status explanations (case_status/explanations.py) that meet each condition
    "approved": _APPROVED_LIKE,
    "denied": frozenset({"utter_status_case_was_denied"}),
    "card_mailed": _MAILED,
    "interview_scheduled": frozenset({"utter_status_interview_was_scheduled", "utter_status_interview_was_rescheduled"}),
    "biometrics_scheduled": frozenset({"utter_status_biometrics_appointment_was_scheduled",
                                       "utter_status_fingerprint_and_biometrics_appointment_was_scheduled"}),
}
# S4: the offer a status makes that is itself the conditional request (a card mailed, and not come).
CONDITION_OFFERS = {"card_mailed": RequestType.CARD_NOT_RECEIVED.value}


class ConditionalPart(str, enum.Enum):
    TAKE = "take"  # the condition is met, or not known yet: taken as any request
    NOT_MET = "not_met"  # left, and the applicant told so
    OFFERED = "offered"  # the offer just made is that very request: not asked twice


def conditional_part(
    kind: str,
    status_given: Optional[str],
    decided_now: Optional[str],
    deciding: bool,
    offered: Optional[str] = None,
    topic: Optional[str] = None,
) -> ConditionalPart:
    """S1, S4, G1: whether a request asked for on a condition of kind `kind` is taken.

    `status_given` is the status explanation given since the applicant's message (None if no
    status was given); `decided_now` the outcome decided since then (None if nothing was
    decided: a leftover from an earlier request says nothing about this one); `deciding`
    whether a form still asks what decides it; `offered` the e-Request type an S4 offer now
    waits on, and `topic` what the conditional part asks for.
    """
    if kind == "not_online":  # G1
        if deciding or decided_now is None:
            return ConditionalPart.TAKE
        met = decided_now != Outcome.SELF_SERVICE.value
    elif status_given is None:  # S1: nothing looked up yet, so nothing to hold it against
        return ConditionalPart.TAKE
    else:
        met = status_given in CONDITION_STATUSES.get(kind, frozenset())
    if not met:
        return ConditionalPart.NOT_MET
    if offered is not None and (CONDITION_OFFERS.get(kind) == offered or topic == REQUEST_TYPE_TOPICS.get(offered)):
        return ConditionalPart.OFFERED  # S4: the offer waiting for its yes is what was asked for
    return ConditionalPart.TAKE


def part_beside_offer(is_question: bool, is_request: bool, asks_for_person: bool, offered_unasked_now: bool) -> bool:
    """S4, G1: whether a later part of the applicant's message is taken now, while an offer waits
    for its yes or no. A question is answered at once, and the offer made again. A request is taken
    at once when the offer was made unasked, by the status given on this very message: the
    applicant's own requests do not wait behind the assistant's offer. A person asked for waits
    for the offer's answer, which may serve them without one (G1)."""
    if is_question:
        return True
    return is_request and not asks_for_person and offered_unasked_now


def live_route(now: datetime, outcome: "Outcome | str", urgent: bool = False) -> Decision:
    """G2, G3, U3: where a conversation for a representative goes.

    In live-chat hours, the queue of the outcome's tier (Tier 1; Tier 2 for a review,
    U3); otherwise a callback is offered, due within C1's time, inside callback hours.
    """
    outcome = Outcome(outcome)
    if live_chat_open(now):
        tier = tier_for(outcome)
        return Decision(
            outcome,
            ("G2", "G3") + (("U3",) if tier == 2 else ()),
            (f"utter_handoff_tier{tier}",),
            details={"channel": "live_chat", "tier": tier},
        )
    first, deadline = callback_window(now, urgent)
    return Decision(
        outcome,
        ("G3", "C1", "C2", "C3", "C4"),
        ("utter_live_chat_closed", "utter_offer_callback"),
        due_by=deadline,
        details={"channel": "callback", "urgent": urgent, "window_start": first},
    )


def callback_asked(now: datetime) -> Tuple[str, ...]:
    """G3: a callback asked for while live chat is closed ("necesito hablar con alguien,
    llamenme al ..."): the applicant is told that live chat is closed and when it opens, so
    they can choose it instead; the callback itself is decided when its numbers are given
    (callback_request, C1-C5)."""
    return () if live_chat_open(now) else ("utter_live_chat_closed",)


def escalation() -> Decision:
    """G2: a Tier 1 representative passes a live conversation to Tier 2, with a note."""
    return Decision(Outcome.TIER2_REVIEW, ("G2",), ("utter_handoff_escalated",))


CRISIS_TELL = {"danger": "utter_call_911", "self_harm": "utter_call_988"}  # G6, in this order
HOTLINE_TELL = {
    "domestic_violence": "utter_hotline_domestic_violence",
    "trafficking": "utter_hotline_trafficking",
}


def crisis(kinds: Iterable[str], support: Iterable[str] = ()) -> Decision:
    """G6: danger to life (911) or thoughts of self-harm (988), before anything else.

    911 comes first when there is danger; 988 for thoughts of suicide or self-harm;
    then, where it applies, the national hotline for domestic violence or human
    trafficking. Then the assistant stays with the applicant: no menu of services.
    """
    kinds = set(kinds)
    unknown = kinds - set(CRISIS_TELL) or set(support) - set(HOTLINE_TELL)
    if unknown or not kinds:
        raise ValueError(f"not a crisis: {sorted(kinds)} {sorted(support)}")
    tell = tuple(CRISIS_TELL[k] for k in CRISIS_TELL if k in kinds)
    tell += tuple(HOTLINE_TELL[s] for s in HOTLINE_TELL if s in set(support))
    return Decision(
        Outcome.REFER_ELSEWHERE,
        ("G6",),
        tell + ("utter_crisis_stay",),
        details={"kinds": sorted(kinds), "support": sorted(set(support))},
    )


def danger_to_life() -> Decision:
    """G6: danger to life or safety: call 911 before anything else."""
    return crisis({"danger"})


LONG_UNCLEAR_CHARS = 300  # a long message not understood is asked for its main point


def not_a_uscis_matter(agency: Optional[str], maybe_uscis: bool = False, chars: int = 0,
                       other_agencies: Sequence[str] = (), offer: Optional[str] = None,
                       just_referred: Optional[str] = None) -> Decision:
    """G7: say who handles it; each agency named, when the message names several ("a social
    security card and ... my drivers license": the SSA and the DMV). `offer` is the offer
    (S4, G3) still waiting for a yes or no, if one is.

    A message the assistant did not understand, or one about a USCIS matter it could not
    place ("my case", a form, a receipt notice), is not said to be outside USCIS: G7 is
    for what another agency handles, and telling a worried applicant "that isn't something
    USCIS handles" about their own case is wrong. They are asked to say it another way,
    with what the assistant can do (G1: self-help first).

    `just_referred` is the agency the previous reply referred to: a message it cannot place,
    right after ("pero ustedes son inmigracion!! DIGANME DONDE ESTA MI HIJO"), still asks about
    that matter, and the referral is said again.
    """
    agency = agency or just_referred
    if agency:
        named = (agency,) + tuple(a for a in dict.fromkeys(other_agencies) if a != agency)
        return Decision(Outcome.REFER_ELSEWHERE, ("G7",), tuple(f"utter_refer_{a}" for a in named),
                        details={"agency": agency, "agencies": list(named)})
    if offer:
        # S4/G3: an offer is waiting for its yes or no ("can you guys do anything about it?"):
        # it is made again, not lost behind "say it another way".
        return Decision(Outcome.SELF_SERVICE, ("S4",) if offer.startswith("utter_offer_e_request") else ("G3",),
                        ("utter_yes_or_no", offer), details={"agency": None})
    if chars > LONG_UNCLEAR_CHARS:
        # Hand test: a stressed applicant's 1,100-character story got "Sorry, I didn't understand that".
        return Decision(Outcome.SELF_SERVICE, ("G1",), ("utter_default_long",), details={"agency": None})
    if maybe_uscis:
        return Decision(Outcome.SELF_SERVICE, ("G1",), ("utter_default",), details={"agency": None})
    return Decision(Outcome.REFER_ELSEWHERE, ("G7",), ("utter_out_of_scope",), details={"agency": None})


# ---------------------------------------------------------------- case status (S1-S4)


def receipt_problem_tell(problem: "receipts.Problem") -> str:
    """S2: the response that tells the applicant what is wrong with the number they typed."""
    return f"utter_receipt_{receipts.Problem(problem).value}"



def receipt_rejected(receipt: Optional[str]) -> Optional[Decision]:
    """S2: a number that is not a valid receipt number is never looked up or filed; the
    applicant is told what is wrong with it. None when the number is valid."""
    check = receipts.check(receipt)
    if check.valid:
        return None
    return Decision(
        Outcome.NOT_ELIGIBLE,
        ("S2",),
        (receipt_problem_tell(check.problem),),
        details={"problem": check.problem.value},
    )


def status_meaning(explained: Optional[str], asks_back: bool, status_just_given: bool) -> Optional[Decision]:
    """S1: "what does that mean?" right after a status is the status explained again, not a
    question about some other topic (hand test: "que significa eso? me la negaron??" got
    the answer about a notice of intent to deny). `asks_back`: the message asks about what
    was just said and names no topic of its own (question_topics.asks_about_what_was_said).
    None when the message is not that question."""
    if not explained or not asks_back or not status_just_given:
        return None
    return Decision(Outcome.SELF_SERVICE, ("S1",), ("utter_case_status_meaning", explained))


def receipt_not_at_hand(told_before: bool = False) -> Decision:
    """S1, S2: an applicant without their receipt number is told where it is printed and
    where else to find it; nothing is looked up or filed without it, and the form waits
    for it (or a stop). Said again, they are given the number to call (O2), not the same
    text twice."""
    if told_before:
        return Decision(Outcome.SELF_SERVICE, ("S1", "S2", "O2"), ("utter_receipt_not_at_hand_again",),
                        details={"problem": "not_at_hand"})
    return Decision(Outcome.SELF_SERVICE, ("S1", "S2"), ("utter_receipt_not_at_hand",), details={"problem": "not_at_hand"})


# S4: the e-Requests a case status answer can offer (the responses that offer them).
OFFERED_E_REQUESTS = frozenset({
    "utter_offer_e_request_outside_processing_time",
    "utter_offer_e_request_notice_not_received",
    "utter_offer_e_request_card_not_received",
})


def switch_language(to: str) -> Decision:
    """G4: the applicant asked for the other language; the assistant goes on in it. Logged
    for audit: the switch is not the conversation's outcome."""
    return Decision(Outcome.SELF_SERVICE, ("G4",), details={"language": to})


def open_offer(next_step: Optional[str], request_type: Optional[str]) -> Optional[str]:
    """S4, G3: the offer still waiting for the applicant's yes or no, to be made again after
    a language switch (G4) in the new language; None when no offer is open."""
    if next_step == "offer_callback":
        return "utter_offer_callback"
    if next_step == "offer_e_request" and request_type in {t.value for t in RequestType}:
        key = f"utter_offer_e_request_{request_type}"
        return key if key in OFFERED_E_REQUESTS else None
    return None


class LookupResult(str, enum.Enum):
    FOUND = "found"
    NOT_FOUND = "not_found"  # 404
    MALFORMED = "malformed"  # 422: the service refuses a number S2's check let through
    UNAVAILABLE = "unavailable"  # service down or slow


def case_status(
    receipt: Optional[str],
    lookup: Optional[LookupResult] = None,
    outside_processing_time: bool = False,
    mail_overdue: Optional[RequestType] = None,
) -> Decision:
    """S1-S4 for a case status request.

    S2: an invalid receipt number gets what is wrong, never a lookup.
    S3: when the service is down, the online tools, never a live agent (G1).
    S4: outside processing time, or a notice or card that should have arrived,
    offers the matching e-Request (E1).
    """
    rejected = receipt_rejected(receipt)
    if rejected is not None:
        return rejected
    # From here the number passed S2's check (normalised, 3 letters and 10 digits).
    if lookup is None:
        return Decision(Outcome.SELF_SERVICE, ("S1", "S2"), (), details={"lookup": True})
    if lookup is LookupResult.UNAVAILABLE:
        return Decision(Outcome.SELF_SERVICE, ("S2", "S3", "G1"), ("utter_case_status_unavailable",))
    if lookup is LookupResult.NOT_FOUND:
        return Decision(Outcome.SELF_SERVICE, ("S1", "S2"), ("utter_case_status_not_found",))
    if lookup is LookupResult.MALFORMED:
        return Decision(Outcome.NOT_ELIGIBLE, ("S2",), ("utter_case_status_malformed",))
    if outside_processing_time:
        return Decision(
            Outcome.SELF_SERVICE,
            ("S1", "S2", "S4", "E1"),
            ("utter_offer_e_request_outside_processing_time",),
            details={"offer": RequestType.OUTSIDE_PROCESSING_TIME},
        )
    if mail_overdue in (RequestType.NOTICE_NOT_RECEIVED, RequestType.CARD_NOT_RECEIVED):
        return Decision(
            Outcome.SELF_SERVICE,
            ("S1", "S2", "S4", "E1"),
            (f"utter_offer_e_request_{RequestType(mail_overdue).value}",),
            details={"offer": mail_overdue},
        )
    return Decision(Outcome.SELF_SERVICE, ("S1", "S2"), ())


# ---------------------------------------------------------------- rescheduling (R1-R5)

BIOMETRICS = "biometrics"
INTERVIEW = "interview"
OATH = "oath"
LATE_NOTICE = timedelta(hours=12)  # R2


def reschedule(
    appointment_type: str,
    appointment_at: Optional[datetime],
    now: datetime,
    times_rescheduled: int = 0,
    has_covid: bool = False,
) -> Decision:
    """R1-R5 for a request to reschedule an appointment.

    R2: biometrics online unless rescheduled twice already, less than 12 hours
    away, or past (live help). R1: interview or oath: filed to the field office,
    which decides (G5). R3: attend if no answer comes. R4: never attend with
    COVID-19 or its symptoms.
    """
    attend_advice = "utter_do_not_attend_covid" if has_covid else "utter_attend_if_no_answer"
    attend_rule = "R4" if has_covid else "R3"
    if appointment_type == BIOMETRICS:
        past = appointment_at is not None and appointment_at <= now
        soon = appointment_at is not None and not past and appointment_at - now < LATE_NOTICE
        if times_rescheduled >= 2 or soon or past:
            reason = "past" if past else "too_soon" if soon else "rescheduled_twice"
            tell = (f"utter_reschedule_needs_live_help_{reason}",)
            rules = ("R2", "G2")
            if has_covid:
                tell += ("utter_do_not_attend_covid",)
                rules += ("R4",)
            return Decision(Outcome.LIVE_TIER1, rules, tell, details={"reason": reason})
        tell = ("utter_reschedule_biometrics_online",)
        rules: Tuple[str, ...] = ("R2", "G1")
        if has_covid:
            tell += ("utter_do_not_attend_covid",)
            rules += ("R4",)
        return Decision(Outcome.SELF_SERVICE, rules, tell)
    if appointment_type in (INTERVIEW, OATH):
        return Decision(
            Outcome.E_REQUEST,
            ("R1", "E1", "G5", attend_rule),
            ("utter_reschedule_filed_field_office", attend_advice),
            request_type=RequestType.RESCHEDULE,
            decided_by="field_office",
        )
    raise ValueError(f"unknown appointment type: {appointment_type!r}")


# ---------------------------------------------------------------- expedite (X1-X5)

EXPEDITE_CRITERIA: FrozenSet[str] = frozenset(
    {"severe_financial_loss", "urgent_humanitarian", "government_interest", "uscis_error"}
)  # X2

# X4: premium processing (Form I-907) is available "for the form and classification".
# What public sources reported (../shared/reference/premium-processing.md; USCIS's "How Do I
# Request Premium Processing?" page is the authority for later changes), checked 2026-12:
# - I-129, I-140: most classifications (long-standing; I-140 EB-1C and EB-2 NIW added 2022-2023);
# - I-765: F-1 students only, (c)(3)(A), (c)(3)(B), (c)(3)(C) OPT (USCIS announcement, March-April 2023);
# - I-539: a change of status to F-1, F-2, M-1, M-2, J-1, J-2 only (Fragomen, 2023-06-12);
# - every other form (I-485, I-130, I-131, I-751, N-400, I-90, ...): not available.
PREMIUM_PROCESSING_FORMS: FrozenSet[str] = frozenset({"I-129", "I-140"})  # whatever the classification
# The forms where it depends on the classification, and the classifications that have it.
PREMIUM_PROCESSING_BY_CLASSIFICATION: Dict[str, FrozenSet[str]] = {
    "I-765": frozenset({"student_opt"}),  # (c)(3)(A), (c)(3)(B), (c)(3)(C)
    "I-539": frozenset({"change_to_student_or_exchange"}),  # to F, M or J
}
UNKNOWN_CLASSIFICATION = "unknown"


def premium_processing(form_type: Optional[str], classification: Optional[str] = None) -> Optional[bool]:
    """X4: is premium processing available for this form and classification?

    None when it depends on a classification the applicant does not know (or was not
    asked): the assistant then says so honestly instead of guessing.
    """
    if form_type in PREMIUM_PROCESSING_FORMS:
        return True
    available = PREMIUM_PROCESSING_BY_CLASSIFICATION.get(form_type or "")
    if available is None:
        return False
    if not classification or classification == UNKNOWN_CLASSIFICATION:
        return None
    return classification in available


def expedite(
    criteria: Iterable[str],
    form_type: Optional[str] = None,
    premium_processing_available: Optional[bool] = None,
    documents: Optional[str] = None,
    classification: Optional[str] = None,
) -> Decision:
    """X1-X5 for an expedite request.

    X4: where premium processing is available for the form and classification, point
    to it (NOT_ELIGIBLE). Where that is unknown (the applicant does not know their
    category), the request goes on and the applicant hears that premium processing may
    be available for their category.
    X2: at least one criterion must be claimed, or NOT_ELIGIBLE with the criteria.
    X3: documentation is required: say so and record what will be provided.
    X1, X5: filed and relayed to the office holding the case, which decides.
    """
    claimed = set(criteria) & EXPEDITE_CRITERIA
    unknown = set(criteria) - EXPEDITE_CRITERIA
    if unknown:
        raise ValueError(f"unknown expedite criteria: {sorted(unknown)}")
    premium = (
        premium_processing_available
        if premium_processing_available is not None
        else premium_processing(form_type, classification)
    )
    if premium:
        return Decision(Outcome.NOT_ELIGIBLE, ("X4",), ("utter_expedite_premium_processing",))
    if not claimed:
        return Decision(Outcome.NOT_ELIGIBLE, ("X2",), ("utter_expedite_criteria",))
    maybe_premium = ("utter_premium_processing_maybe",) if premium is None else ()
    return Decision(
        Outcome.E_REQUEST,
        ("X1", "X2", "X3", "X5", "G5", "E2") + (("X4",) if premium is None else ()),
        ("utter_expedite_filed", "utter_expedite_documents") + maybe_premium,
        request_type=RequestType.EXPEDITE,
        decided_by="office_holding_case",
        details={"criteria": sorted(claimed), "documents": documents or "",
                 "premium_processing": "unknown" if premium is None else "not_available"},
    )


# ---------------------------------------------------------------- emergencies (U1-U5, G6)

URGENT_REASONS: FrozenSet[str] = frozenset(
    {"family_emergency_travel", "medical_emergency", "financial_loss_of_employment_or_benefits"}
)  # U2


def emergency(
    danger: bool,
    reasons: Iterable[str],
    needs_appointment: Optional[bool],
) -> Decision:
    """G6, U1-U5 for an emergency or urgent appointment request.

    G6 first: danger to life or safety means 911. U5: ask what is needed before
    offering an appointment (needs_appointment None). U1: the assistant, acting
    as Tier 1, decides whether it is an emergency under U2. U3: an urgent
    appointment goes to Tier 2; the field office decides. U4/R5: otherwise it is
    a non-urgent appointment request, scheduled as slots are available.
    """
    if danger:
        return danger_to_life()
    if needs_appointment is None:
        return Decision(Outcome.SELF_SERVICE, ("U5", "U1"), ("utter_ask_needs_appointment",))
    if not needs_appointment:
        return Decision(Outcome.SELF_SERVICE, ("U5",), ("utter_help",))
    claimed = set(reasons) & URGENT_REASONS
    unknown = set(reasons) - URGENT_REASONS
    if unknown:
        raise ValueError(f"unknown urgency reasons: {sorted(unknown)}")
    if claimed:
        return Decision(
            Outcome.TIER2_REVIEW,
            ("U1", "U2", "U3", "G2", "G5"),
            ("utter_urgent_appointment_tier2",),
            decided_by="field_office",
            details={"reasons": sorted(claimed), "urgent": True},
        )
    return Decision(
        Outcome.LIVE_TIER1,
        ("U1", "U4", "R5"),
        ("utter_non_urgent_appointment",),
        details={"urgent": False},
    )


# ---------------------------------------------------------------- callbacks (C1-C5)


def callback_window(now: datetime, urgent: bool) -> Tuple[datetime, datetime]:
    """C1, C2: the first and last moment a callback may be made, in Eastern time.

    The call comes within 72 hours (urgent) or 14 days (non-urgent), inside
    callback hours, 7:00 a.m. to 6:30 p.m. Eastern; weekends are not excluded
    (C2: calls can come on weekends).
    """
    local = _eastern(now)
    first = local
    if local.time() < CALLBACK_START:
        first = local.replace(hour=7, minute=0, second=0, microsecond=0)
    elif local.time() >= CALLBACK_END:
        first = datetime.combine(local.date() + timedelta(days=1), CALLBACK_START, tzinfo=EASTERN)
    deadline = local + (CALLBACK_URGENT if urgent else CALLBACK_NON_URGENT)
    if deadline.time() > CALLBACK_END:
        deadline = deadline.replace(hour=18, minute=30, second=0, microsecond=0)
    elif deadline.time() < CALLBACK_START:
        previous = deadline.date() - timedelta(days=1)
        deadline = datetime.combine(previous, CALLBACK_END, tzinfo=EASTERN)
    return first, deadline


def in_callback_hours(moment: datetime) -> bool:
    """C2: 7:00 a.m. to 6:30 p.m. Eastern."""
    local = _eastern(moment)
    return CALLBACK_START <= local.time() <= CALLBACK_END


def preferred_callback_window(
    now: datetime, urgent: bool, start: datetime, end: datetime
) -> Tuple[Optional[Tuple[datetime, datetime]], Optional[str]]:
    """C5 inside C1 and C2: the applicant's chosen window, kept within callback hours.

    Returns (window, None), or (None, why): "past" (it has ended), "outside_callback_hours"
    (nothing of it is between 7:00 a.m. and 6:30 p.m. Eastern), "after_deadline"
    (it starts after the C1 deadline, 72 hours or 14 days).
    """
    start, end = _eastern(start), _eastern(end)
    start = max(start, _eastern(now), start.replace(hour=7, minute=0, second=0, microsecond=0))
    if start.time() >= CALLBACK_END:  # a window over several days starts with the next day's calls
        start = (start + timedelta(days=1)).replace(hour=7, minute=0, second=0, microsecond=0)
    if end.time() <= CALLBACK_START and end.date() > start.date():  # ... and ends with the day before's
        end = (end - timedelta(days=1)).replace(hour=18, minute=30, second=0, microsecond=0)
    end = min(end, end.replace(hour=18, minute=30, second=0, microsecond=0))
    if end <= _eastern(now):
        return None, "past"
    if end <= start:
        return None, "outside_callback_hours"
    _, deadline = callback_window(now, urgent)
    if start > deadline:
        return None, "after_deadline"
    return (start, min(end, deadline)), None


def callback_attempt_blocked(
    now: datetime,
    earliest: Optional[datetime],
    preferred: Optional[Tuple[datetime, datetime]] = None,
) -> Optional[str]:
    """C2, C4, C5: why a representative may not make a callback attempt now (None: they may).

    C2: only inside callback hours. C4: the second attempt not before 60 minutes
    after the first (`earliest`). C5: not before the window the applicant chose;
    once that window has passed, the call is still made (C1's deadline rules).
    """
    if not in_callback_hours(now):
        return "outside_callback_hours"
    if earliest is not None and now < earliest:
        return "not_yet_due"
    if preferred is not None and now < preferred[0]:
        return "outside_preferred_window"
    return None


MAX_CALLBACK_ATTEMPTS = 2  # C4
NO_ANSWER_RESULTS = ("no_answer_message_left", "no_answer")


@dataclass(frozen=True)
class CallbackStep:
    """C4: where a callback stands after the attempts made so far, and what comes next.

    `status`: pending (no attempt made), in_progress, completed (an attempt was
    answered), failed_emailed (two attempts unanswered: the e-mail is due at
    `email_due_at`). `plan_attempt` is the number of the attempt to plan now, if any,
    to be made between `earliest` and `latest` on the number after `after_number` (C3).
    """

    status: str
    plan_attempt: Optional[int] = None
    earliest: Optional[datetime] = None
    latest: Optional[datetime] = None
    after_number: Optional[str] = None
    completed_at: Optional[datetime] = None
    email_due_at: Optional[datetime] = None


def callback_next_step(
    attempts: Sequence[Tuple[int, Optional[datetime], Optional[str], Optional[str]]],
    window_start: datetime,
    due_by: datetime,
) -> CallbackStep:
    """C4: two attempts; a message is left when the first is not answered and the second
    is made 60 to 90 minutes later; if it is not answered either, an e-mail tells the
    applicant to call back or use the online tools.

    `attempts` are (attempt_no, made_at, result, phone_number), in order; an attempt
    not made yet has made_at None.
    """
    attempts = sorted(attempts, key=lambda a: a[0])
    answered = [a for a in attempts if a[1] is not None and a[2] == "answered"]
    if answered:
        return CallbackStep("completed", completed_at=answered[0][1])
    if not attempts:
        return CallbackStep("pending", plan_attempt=1, earliest=window_start, latest=due_by)
    number, made_at, result, phone = attempts[-1]
    if made_at is None:  # planned, still to be made
        return CallbackStep("pending" if number == 1 else "in_progress")
    if number < MAX_CALLBACK_ATTEMPTS:
        earliest, latest = SECOND_ATTEMPT_AFTER
        return CallbackStep("in_progress", plan_attempt=number + 1, earliest=made_at + earliest,
                            latest=made_at + latest, after_number=phone)
    return CallbackStep("failed_emailed", completed_at=made_at, email_due_at=made_at)


def next_phone_number(numbers: Sequence[str], previous: Optional[str]) -> Optional[str]:
    """C3: the representative tries each number the applicant gave, in turn."""
    if not numbers:
        return None
    if previous in numbers:
        return numbers[(list(numbers).index(previous) + 1) % len(numbers)]
    return numbers[0]


def callback_request(
    now: datetime, urgent: bool, preferred: Optional[Tuple[datetime, datetime]], email_given: bool = True
) -> Decision:
    """C1-C5: a callback the applicant asked for: due within 72 hours (urgent) or 14 days,
    inside callback hours, tried on each number, twice, then an e-mail; at the time
    they chose, if they chose one (C5). The applicant is told what the callback will
    really be: the time they chose, and, with no e-mail address to write to after two
    missed calls (C4), the number to call instead (O2), not an e-mail that cannot come.
    G3: asked for while live chat is closed, the callback is what stands in for it."""
    first, deadline = callback_window(now, urgent)
    tell = ("utter_callback_scheduled",) + (("utter_callback_chosen_time",) if preferred else ())
    tell += ("utter_callback_if_missed_email",) if email_given else ("utter_callback_if_missed_no_email",)
    return Decision(
        Outcome.LIVE_TIER1,
        ("C1", "C2", "C3", "C4", "G2") + (("C5",) if preferred else ()) + (() if email_given else ("O2",))
        + (() if live_chat_open(now) else ("G3",)),
        tell,
        due_by=deadline,
        details={"channel": "callback", "urgent": urgent, "window_start": first},
    )


# ---------------------------------------------------------------- e-Requests (E1-E3)

# E2: the office that issued a receipt number holds the case until it is transferred;
# used when the caller does not know better (a case status lookup can say where it is now).
RECEIPT_PREFIX_OFFICE = {
    "EAC": "vermont_service_center",
    "VSC": "vermont_service_center",
    "WAC": "california_service_center",
    "CSC": "california_service_center",
    "LIN": "nebraska_service_center",
    "NSC": "nebraska_service_center",
    "SRC": "texas_service_center",
    "TSC": "texas_service_center",
    "MSC": "national_benefits_center",
    "NBC": "national_benefits_center",
    "YSC": "potomac_service_center",
    "IOE": "uscis_elis",
}


def office_for_receipt(receipt_number: Optional[str]) -> Optional[str]:
    """E2: the office a filed request is routed to, from the receipt number's prefix."""
    if not receipt_number:
        return None
    return RECEIPT_PREFIX_OFFICE.get(receipt_number[:3])


_E_REQUEST_TELL = {
    RequestType.OUTSIDE_PROCESSING_TIME: "utter_e_request_filed",
    RequestType.NOTICE_NOT_RECEIVED: "utter_e_request_filed",
    RequestType.CARD_NOT_RECEIVED: "utter_e_request_filed",
    RequestType.TYPO: "utter_e_request_filed",
    RequestType.ACCOMMODATION: "utter_e_request_filed",
}


def e_request(request_type: RequestType, receipt: Optional[str]) -> Decision:
    """E1-E3: file a service request with the receipt number, contact details and problem.

    E2: routed to the office that holds the case. E3 (idempotent filing) is the
    storage layer's job: the same request filed twice gets the same reference.
    """
    check = receipts.check(receipt)
    if not check.valid:
        return Decision(Outcome.NOT_ELIGIBLE, ("S2", "E1"), (receipt_problem_tell(check.problem),))
    if request_type not in _E_REQUEST_TELL:
        raise ValueError(f"{request_type} is filed by its own flow")
    return Decision(
        Outcome.E_REQUEST,
        ("E1", "E2", "E3"),
        (_E_REQUEST_TELL[request_type],),
        request_type=request_type,
        decided_by="office_holding_case",
    )


# ---------------------------------------------------------------- other self-service (O1, O2)


def change_of_address() -> Decision:
    """O1: self-service online; no live help for it (G1)."""
    return Decision(Outcome.SELF_SERVICE, ("O1", "G1"), ("utter_change_address_info",))


def contact_numbers() -> Decision:
    """O2: the phone numbers (and TTY), when the applicant needs to call."""
    return answer_question("contact_numbers")


# ---------------------------------------------------------------- questions (G1, and the rule each answer speaks for)

# The knowledge base: questions applicants ask about their case and the contact center,
# answered by the assistant itself (self-help first, G1). Each topic is a retrieval intent
# `faq/<topic>` in data/nlu/*/questions.yml and a response `utter_faq/<topic>` in both
# languages, each naming its public source. A topic that restates a rule cites it.
QUESTION_RULES: Dict[str, Tuple[str, ...]] = {
    "rfe": (),
    "noid": (),
    "premium_processing": ("X4",),
    "find_receipt_number": ("S2",),
    "processing_times": ("S4", "E1"),
    "contact_numbers": ("O2",),
    "no_answer_before_appointment": ("R3", "R4"),
    "case_approved": ("S4", "E1"),
    "actively_reviewed": (),
    "biometrics_what_to_bring": (),
    "online_account": (),
    "legal_help": (),
    "scams": (),
    "fees": (),
    "replace_green_card": (),
    "callback_caller_id": ("C2", "C4"),
    "appeal_denial": (),
}
QUESTION_TOPICS: FrozenSet[str] = frozenset(QUESTION_RULES)


def answer_question(topic: Optional[str]) -> Decision:
    """G1: a question from the knowledge base is answered here (SELF_SERVICE); a question
    the knowledge base does not hold gets the list of what the assistant can do."""
    if topic not in QUESTION_RULES:
        return Decision(Outcome.SELF_SERVICE, ("G1",), ("utter_question_not_known",))
    return Decision(Outcome.SELF_SERVICE, ("G1",) + QUESTION_RULES[topic], (f"utter_faq/{topic}",),
                    details={"question": topic})
