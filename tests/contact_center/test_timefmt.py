"""Moments said back to applicants in their language, in Eastern time."""
from datetime import datetime, timezone

from contact_center import timefmt

MOMENT = datetime(2026, 11, 24, 13, 0, tzinfo=timezone.utc)  # 8:00 AM Eastern


def test_english():
    assert timefmt.format_moment(MOMENT, "en") == "Tuesday, November 24 at 8:00 AM Eastern"


def test_spanish():
    text = timefmt.format_moment(MOMENT, "es")
    assert text.startswith("martes 24 de noviembre a las 8:00")
    assert text.endswith("hora del Este")


def test_unknown_language_falls_back_to_english():
    assert timefmt.format_moment(MOMENT, "fr").startswith("Tuesday")


def test_relative_labels_in_both_languages():
    for kind in ("soon", "past"):
        assert timefmt.relative_label(kind, "en") != timefmt.relative_label(kind, "es")
