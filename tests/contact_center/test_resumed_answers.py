"""contact_center/resumed_answers.py: a short answer given before a crisis keeps its question (G6, R2, R4)."""
import pytest

from contact_center.resumed_answers import restated


@pytest.mark.parametrize("text, asked, language, expected", [
    ("nope", "has_covid", "en", "i do not have covid"),
    ("si", "has_covid", "es", "tengo covid"),
    ("no", "in_danger", "es", "no hay nadie en peligro"),
    ("never", "times_rescheduled", "en", "never rescheduled it before"),
    ("dos veces", "times_rescheduled", "es", "ya la cambie 2 veces"),
])
def test_a_short_answer_is_said_with_its_question(text, asked, language, expected):
    assert restated(text, asked, language) == expected


@pytest.mark.parametrize("text, asked", [
    ("dec 14 at 9am", "appointment_time"),  # an answer that says itself
    ("no, but my son has a fever and a cough since monday", "has_covid"),  # long: its own words count
    ("maybe", "has_covid"),  # not a yes or a no
    ("no", None),  # no question asked
])
def test_other_answers_are_kept_as_typed(text, asked):
    assert restated(text, asked, "en") == text
