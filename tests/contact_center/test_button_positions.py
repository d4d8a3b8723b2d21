"""A button named by its place: "the second one", "option 3", "la primera" (issue 13)."""
import pytest

from contact_center.button_positions import place_and_rest, position_named


@pytest.mark.parametrize("text, choices, place", [
    ("the second one", 2, 1),
    ("option 3", 4, 2),
    ("la primera", 3, 0),
    ("the last one. honestly i just want it done", 5, 4),
    ("la quinta, la verdad nomas quiero que ya salga", 5, 4),
    ("la ultima opcion", 4, 3),
    ("um the 2nd one", 3, 1),
    ("ok, the second one", 3, 1),
    ("bueno, la primera", 3, 0),
    ("opcion dos", 3, 1),
    ("#1", 2, 0),
])
def test_a_button_named_by_its_place(text, choices, place):
    assert position_named(text, choices) == place


@pytest.mark.parametrize("text, choices", [
    ("2", 3),                      # a count, not a place
    ("la primera vez", 3),         # "the first time": a count of its own
    ("the second one is on friday at 9", 2),  # more than the place in its first clause
    ("the fourth one", 3),         # no fourth button
    ("the second one", 0),         # no buttons shown
    ("my first interview", 3),
    ("the 1st", 2), ("the first", 2), ("el primero", 2), ("the 2nd", 2),  # days of the month
])
def test_no_place_where_none_is_named_or_shown(text, choices):
    assert position_named(text, choices) is None


def test_what_follows_the_place_is_kept_apart():
    assert place_and_rest("La primera. Ya no quiero vivir", 3) == (0, "ya no quiero vivir")


def test_a_place_phrase_repeated_does_not_hang():
    import time
    started = time.monotonic()
    position_named("la opcion " * 30, 3)
    assert time.monotonic() - started < 2  # linear: no repeated group to backtrack through
