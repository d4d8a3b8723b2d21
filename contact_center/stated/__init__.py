"""Facts an applicant states without being asked, read from a whole message in English or
Spanish: covid (R4), how many times an appointment was rescheduled (R2), the urgent reason
(U2), the expedite claim (X2), danger denied (G6), an appointment asked for (U5), what a
request for a person is about (G1), mail that never came (E1), an e-Request's details.

They look only for the words that state the fact, never for a bare "no" or "other" (that
answers whatever was asked), so silence is None and the form asks its question. One module
per topic; callers read them all as `stated.<reader>`.
"""
from contact_center.stated.clauses import MAX_STATED_CHARS, clauses, corrected_tail, whole_if
from contact_center.stated.health_and_counts import (
    covid_answer, covid_correction, covid_stated, not_sick_told, times_rescheduled_stated,
)
from contact_center.stated.reasons import (
    cannot_attend,
    danger_denied,
    appointment_asked,
    appointment_need_answered,
    appointment_needed,
    urgent_reason_stated,
    expedite_criterion_stated,
    documents_stated,
    move_asked, move_of_it_asked, expedite_asked,
)
from contact_center.stated.case_questions import (
    checks_on_a_case,
    wait_complained,
    status_first,
    processing_time_named,
    decision_told,
    introduces_writer,
    records_mixed_up,
    question_announced,
    check_asked,
    case_page_pasted,
)
from contact_center.stated.mail import (
    mailed_to_wrong_place,
    where_mail_should_have_gone,
    letter_came,
    someone_elses_mail,
    still_missing,
    mail_missing,
    mail_named,
    mail_came,
    case_sent_on,
)
from contact_center.stated.details import (
    typo_stated,
    accommodation_stated,
    missing_mail_stated,
    late_case_stated,
    typo_described,
)
from contact_center.stated.people import call_reported, live_topic_stated, own_person_first, person_insisted, petitioner_died

__all__ = [
    "MAX_STATED_CHARS",
    "clauses",
    "corrected_tail",
    "whole_if",
    "covid_stated",
    "covid_answer",
    "covid_correction",
    "times_rescheduled_stated",
    "not_sick_told",
    "cannot_attend",
    "danger_denied",
    "appointment_asked",
    "appointment_need_answered",
    "appointment_needed",
    "urgent_reason_stated",
    "expedite_criterion_stated",
    "documents_stated",
    "move_asked",
    "expedite_asked",
    "move_of_it_asked",
    "checks_on_a_case",
    "wait_complained",
    "status_first",
    "processing_time_named",
    "decision_told",
    "introduces_writer",
    "records_mixed_up",
    "question_announced",
    "check_asked",
    "case_page_pasted",
    "mailed_to_wrong_place",
    "where_mail_should_have_gone",
    "letter_came",
    "someone_elses_mail",
    "still_missing",
    "mail_missing",
    "mail_named",
    "mail_came",
    "case_sent_on",
    "typo_stated",
    "accommodation_stated",
    "missing_mail_stated",
    "late_case_stated",
    "typo_described",
    "live_topic_stated",
    "call_reported",
    "own_person_first",
    "person_insisted",
    "petitioner_died",
]
