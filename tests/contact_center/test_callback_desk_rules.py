"""The rules the desk acts on: when a callback may be made (C2, C4, C5), the applicant's
chosen window (C5, inside C1 and C2), and escalation (G2)."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from contact_center import callback_times, rules
from contact_center.timefmt import format_window

ET = ZoneInfo("America/New_York")
FRIDAY_10 = datetime(2026, 12, 4, 10, 0, tzinfo=ET)


def at(day, hour, minute=0):
    return datetime(2026, 12, day, hour, minute, tzinfo=ET)


@pytest.mark.parametrize("moment,blocked", [
    (at(4, 6, 59), "outside_callback_hours"),
    (at(4, 7, 0), None),
    (at(4, 18, 30), None),
    (at(4, 18, 31), "outside_callback_hours"),
    (at(5, 9, 0), None),  # C2: weekends are not excluded
])
def test_C2_attempts_only_inside_callback_hours(moment, blocked):
    assert rules.callback_attempt_blocked(moment, None) == blocked


def test_C4_the_second_attempt_not_before_its_planned_time():
    first_made = at(4, 10, 0)
    earliest = first_made + rules.SECOND_ATTEMPT_AFTER[0]
    assert rules.callback_attempt_blocked(first_made + timedelta(minutes=59), earliest) == "not_yet_due"
    assert rules.callback_attempt_blocked(first_made + timedelta(minutes=60), earliest) is None


def test_C5_not_before_the_chosen_window_but_still_after_it():
    window = (at(4, 14, 0), at(4, 18, 30))
    assert rules.callback_attempt_blocked(at(4, 13, 0), None, window) == "outside_preferred_window"
    assert rules.callback_attempt_blocked(at(4, 15, 0), None, window) is None
    # Missed window: the call is still made (C1's deadline still holds).
    assert rules.callback_attempt_blocked(at(5, 9, 0), None, window) is None


def test_C5_window_is_kept_inside_callback_hours_and_the_C1_deadline():
    window, why = rules.preferred_callback_window(FRIDAY_10, False, at(5, 6, 0), at(5, 20, 0))
    assert why is None and window == (at(5, 7, 0), at(5, 18, 30))
    window, why = rules.preferred_callback_window(FRIDAY_10, False, at(4, 9, 0), at(4, 11, 0))
    assert window == (FRIDAY_10, at(4, 11, 0))  # starts now, not in the past
    assert rules.preferred_callback_window(FRIDAY_10, False, at(4, 19, 0), at(4, 21, 0)) == (None, "outside_callback_hours")
    assert rules.preferred_callback_window(FRIDAY_10, False, at(4, 8, 0), at(4, 9, 0)) == (None, "past")
    # C1: urgent is 72 hours; a window a week away is too late.
    assert rules.preferred_callback_window(FRIDAY_10, True, at(11, 9, 0), at(11, 12, 0)) == (None, "after_deadline")
    assert rules.preferred_callback_window(FRIDAY_10, False, at(11, 9, 0), at(11, 12, 0))[1] is None


@pytest.mark.parametrize("text,expected", [
    ("tomorrow morning", (at(5, 7), at(5, 12))),
    ("monday after 2pm", (at(7, 14), at(7, 18, 30))),
    ("el lunes despues de las 2", (at(7, 14), at(7, 18, 30))),
    ("mañana en la mañana", (at(5, 7), at(5, 12))),
    ("manana por la tarde", (at(5, 12), at(5, 18, 30))),
    ("this afternoon", (at(4, 12), at(4, 18, 30))),
    ("hoy despues de las 5", (at(4, 17), at(4, 18, 30))),
    ("12/8 at 10am", (at(8, 10), at(8, 11))),
    ("between 9 and 11", (at(4, 9), at(4, 11))),
    ("mornings are best, she works afternoons", (at(4, 7), at(4, 12))),  # hand test: not understood twice
    ("por las tardes", (at(4, 12), at(4, 18, 30))),
    ("any time", callback_times.ANY),
    ("Any time is fine", callback_times.ANY),
    ("a cualquier hora", callback_times.ANY),
    ("cuando sea", callback_times.ANY),
    ("purple monkey dishwasher", None),
    ("", None),
])
def test_C5_the_time_as_typed(text, expected):
    assert callback_times.preferred_window(text, FRIDAY_10) == expected


@pytest.mark.parametrize("text, until", [
    ("before my interview on monday at 10", at(7, 10)),
    ("antes de mi cita del lunes a las 2 de la tarde", at(7, 14)),
    ("before my appointment tomorrow", at(5, 7)),
])
def test_C5_before_an_appointment_the_moment_named_is_when_the_call_must_be_done_by(text, until):
    """Hand test: "before my interview on friday at 10" was booked for the interview hour."""
    start, end = callback_times.preferred_window(text, FRIDAY_10)
    assert (start, end) == (FRIDAY_10, until)
    window, why = rules.preferred_callback_window(FRIDAY_10, False, start, end)
    assert why is None and window[0] == FRIDAY_10 and window[1] <= until


def test_C2_C5_a_window_over_several_days_keeps_only_callback_hours():
    evening = at(4, 21, 30)
    assert rules.preferred_callback_window(evening, False, evening, at(5, 7)) == (None, "outside_callback_hours")
    window, why = rules.preferred_callback_window(evening, False, evening, at(7, 10))
    assert why is None and window == (at(5, 7), at(7, 10))
    window, _ = rules.preferred_callback_window(evening, False, evening, at(6, 7))
    assert window == (at(5, 7), at(5, 18, 30))


def test_C5_a_window_over_several_days_is_said_back_by_its_end():
    assert format_window(at(4, 10), at(7, 10), "en") == ", before Monday, December 7 at 10:00 AM Eastern"
    assert format_window(at(4, 10), at(7, 10), "es").startswith(", antes del lunes 7 de diciembre a las 10:00")


def test_C5_tonight_at_9_is_9_pm_not_9_am():
    start, end = callback_times.preferred_window("tonight at 9", FRIDAY_10)
    assert start.hour == 21
    assert rules.preferred_callback_window(FRIDAY_10, False, start, end) == (None, "outside_callback_hours")


def test_C2_a_moment_asked_just_before_the_calls_start_is_outside_the_hours():
    # "tomorrow at 6:50am before i leave for work": a call at 7:00 would miss them (test set 8).
    start, end = callback_times.preferred_window("tomorrow at 6:50am before i leave for work", FRIDAY_10)
    assert rules.preferred_callback_window(FRIDAY_10, False, start, end) == (None, "outside_callback_hours")
    start, end = callback_times.preferred_window("tomorrow at 7:15", FRIDAY_10)
    assert rules.preferred_callback_window(FRIDAY_10, False, start, end)[0] is not None


def test_C5_the_window_said_back_in_the_applicants_language():
    assert format_window(at(5, 7), at(5, 12), "en") == ", on Saturday, December 5, between 7:00 AM and 12:00 PM Eastern"
    spanish = format_window(at(5, 7), at(5, 12), "es")
    assert spanish.startswith(", el sábado 5 de diciembre, entre las 7:00") and "hora del Este" in spanish


def test_G2_escalation_goes_to_tier2_review():
    decision = rules.escalation()
    assert decision.outcome is rules.Outcome.TIER2_REVIEW and decision.rule_ids == ("G2",)
    assert decision.tell == ("utter_handoff_escalated",)
