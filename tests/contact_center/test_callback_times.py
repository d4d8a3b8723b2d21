"""The callback time as the applicant types it (C5), judged by C1's deadline and C2's hours.

Conversation test: asked "Is there a time that suits you best for the call?" on Tuesday
November 24, 2026, in the evening, an applicant typed "el 20 de diciembre en la tarde" and
was offered Wednesday November 25 in the afternoon: the date was dropped.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from contact_center import callback_times, rules

ET = ZoneInfo("America/New_York")
TUESDAY_EVENING = datetime(2026, 11, 24, 19, 5, tzinfo=ET)  # after callback hours (C2)
TUESDAY_MORNING = datetime(2026, 11, 24, 9, 0, tzinfo=ET)


def on(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=ET)


def judged(text, now=TUESDAY_EVENING, urgent=False):
    """What the callback form does: read the words, then keep them inside C1 and C2."""
    start, end = callback_times.preferred_window(text, now)
    return (start, end), rules.preferred_callback_window(now, urgent, start, end)


@pytest.mark.parametrize("text,start,end", [
    ("el 20 de diciembre en la tarde", on(12, 20, 12), on(12, 20, 18, 30)),  # the conversation test
    ("El 20 de Diciembre en la tarde", on(12, 20, 12), on(12, 20, 18, 30)),
    ("20 de diciembe por la tarde", on(12, 20, 12), on(12, 20, 18, 30)),
    ("december 20 in the afternoon", on(12, 20, 12), on(12, 20, 18, 30)),
    ("dec 20 after 2pm", on(12, 20, 14), on(12, 20, 18, 30)),
    ("Dec. 20th after 2 pm", on(12, 20, 14), on(12, 20, 18, 30)),
    ("the 20th in the morning", on(12, 20, 7), on(12, 20, 12)),
    ("dic 20 a las 3 de la tarde", on(12, 20, 15), on(12, 20, 16)),
    ("between 9 and 11 dec 20", on(12, 20, 9), on(12, 20, 11)),
])
def test_C1_a_date_typed_after_the_14_day_deadline_is_read_and_is_too_late(text, start, end):
    """C1: non-urgent is answered within 14 days (by December 8); December 20 is said to be
    too late (utter_callback_time_too_late), never swapped for tomorrow afternoon."""
    window, (kept, why) = judged(text)
    assert window == (start, end)
    assert (kept, why) == (None, "after_deadline")


@pytest.mark.parametrize("text,start,end", [
    ("el 27 de noviembre en la mañana", on(11, 27, 7), on(11, 27, 12)),
    ("el 27 de noviembre en la manana", on(11, 27, 7), on(11, 27, 12)),
    ("27 de nobiembre x la manana", on(11, 27, 7), on(11, 27, 12)),
    ("el dia 27 en la tarde", on(11, 27, 12), on(11, 27, 18, 30)),
    ("nov 27 at 10am", on(11, 27, 10), on(11, 27, 11)),
    ("the 27th after 2", on(11, 27, 14), on(11, 27, 18, 30)),
    ("el jueves 26 de noviembre a las 3", on(11, 26, 15), on(11, 26, 16)),  # the date and its weekday
])
def test_C1_C2_a_date_within_the_deadline_gives_that_days_window(text, start, end):
    """C1 and C2: a date before the deadline is kept, with its part of the day."""
    window, (kept, why) = judged(text)
    assert window == (start, end)
    assert why is None and kept == (start, end)


def test_C1_urgent_72_hours_a_date_three_days_away_is_fine_a_week_away_is_not():
    """C1: urgent inquiries within 72 hours (by Friday November 27, 7:05 p.m.)."""
    _, (kept, why) = judged("el 27 de noviembre en la mañana", urgent=True)
    assert why is None and kept == (on(11, 27, 7), on(11, 27, 12))
    _, (kept, why) = judged("dec 1 in the morning", urgent=True)
    assert (kept, why) == (None, "after_deadline")
    assert judged("dec 1 in the morning", urgent=False)[1][1] is None


def test_C1_a_month_and_day_without_a_year_is_the_nearest_such_day():
    """As for appointments: "nov 20" typed on November 24 is four days ago, not next year;
    "jan 5" is in five weeks, not eleven months ago."""
    window, (_, why) = judged("nov 20 in the morning")
    assert window == (on(11, 20, 7), on(11, 20, 12)) and why == "past"
    window, (_, why) = judged("jan 5 in the mornin")
    assert window == (on(1, 5, 7, year=2027), on(1, 5, 12, year=2027)) and why == "after_deadline"
    window, _ = judged("20 de diciembre de 2027 en la tarde")
    assert window == (on(12, 20, 12, year=2027), on(12, 20, 18, 30, year=2027))


def test_C1_a_day_of_the_month_alone_is_the_next_such_day():
    assert judged("el 27")[0] == (on(11, 27, 7), on(11, 27, 18, 30))
    assert judged("the 24th after 3", now=TUESDAY_MORNING)[0] == (on(11, 24, 15), on(11, 24, 18, 30))
    assert judged("the 31st")[0] == (on(12, 31, 7), on(12, 31, 18, 30))  # November has no 31st


@pytest.mark.parametrize("text", ["feb 30 in the morning", "el 31 de noviembre", "the 32nd"])
def test_C5_a_date_that_is_no_date_is_not_understood(text):
    """Not understood (the form asks again), rather than a day the applicant did not say."""
    assert callback_times.preferred_window(text, TUESDAY_EVENING) is None


@pytest.mark.parametrize("text,start,end", [
    ("wednesday after 3pm", on(11, 25, 15), on(11, 25, 18, 30)),
    ("el lunes en la mañana", on(11, 30, 7), on(11, 30, 12)),
    ("el lunes en la manana", on(11, 30, 7), on(11, 30, 12)),
    ("tomorrow morning", on(11, 25, 7), on(11, 25, 12)),
    ("mañana en la tarde", on(11, 25, 12), on(11, 25, 18, 30)),
    ("manana por la tarde", on(11, 25, 12), on(11, 25, 18, 30)),
    ("after 3 maybe", on(11, 25, 15), on(11, 25, 18, 30)),
    ("a las 3 en la tarde", on(11, 25, 15), on(11, 25, 16)),
])
def test_C2_weekdays_and_relative_words_still_name_the_day(text, start, end):
    window, (kept, why) = judged(text)
    assert window == (start, end) and why is None and kept == (start, end)


def test_C5_any_time_told_with_the_request():
    """Test set 7: "..., they can call anytime" in the first message, then asked when to call."""
    from contact_center.callback_times import any_time_told
    assert any_time_told("my cell is 786-555-0151, they can call anytime")
    assert any_time_told("llamenme a cualquier hora al 956 555 0101")
    assert not any_time_told("i need to talk to someone about my case")


def test_C5_a_time_told_with_the_request_is_taken():
    now = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    told = callback_times.window_told("need a person. cell 813 555 0119, any time after 2pm works", now)
    assert told == "2026-11-24T14:00:00-05:00|2026-11-24T18:30:00-05:00"
    assert callback_times.window_told("call me anytime", now) == callback_times.ANY
    # the appointment's time is not the call's
    assert callback_times.window_told("my interview is tomorrow at 9, please call me", now) is None


def test_C5_times_and_days_in_words():
    now = datetime(2026, 12, 18, 20, 5, tzinfo=ZoneInfo("America/New_York"))  # a Friday evening
    start, _ = callback_times.preferred_window("bueno el lunes a las diez y cuarto", now)
    assert (start.day, start.hour, start.minute) == (21, 10, 15)
    start, _ = callback_times.preferred_window("in two days around noon", now)
    assert (start.day, start.hour) == (20, 12)


def test_C2_a_time_said_as_hour_and_minutes_in_words_is_that_time():
    early = datetime(2026, 12, 1, 6, 40, tzinfo=ET)  # test set 13: "right now, like six fifty" was no time
    start, _ = callback_times.preferred_window("right now, like six fifty", early)
    assert (start.day, start.hour, start.minute) == (1, 6, 50)
    _, (kept, why) = judged("right now, like six fifty", early)
    assert (kept, why) == (None, "outside_callback_hours")  # before the 7:00 a.m. call hours
    start, _ = callback_times.preferred_window("manana a las siete y veinte", early)
    assert (start.day, start.hour, start.minute) == (2, 7, 20)


def test_C2_a_callback_time_told_in_another_zone_is_held_against_eastern_hours():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from contact_center.callback_times import preferred_window

    eastern = ZoneInfo("America/New_York")
    now = datetime(2027, 3, 10, 10, 0, tzinfo=eastern)
    start, _ = preferred_window("thursday at 4pm pacific", now)
    assert start == datetime(2027, 3, 11, 19, 0, tzinfo=eastern)  # after 6:30 p.m. Eastern: outside C2's hours


def test_C2_a_time_said_then_the_event_it_comes_before_is_the_calls_time():
    # "a las 7 y 20 antes de la cita": the minutes in figures, the appointment the reason (test set 15)
    now = datetime(2026, 11, 22, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    start, end = callback_times.preferred_window("manana a las 7 y 20 antes de mi cita porfa", now)
    assert (start.hour, start.minute, start.day) == (7, 20, 23)
    start, end = callback_times.preferred_window("entre las 9 y 11", now)
    assert (start.hour, end.hour) == (9, 11)
