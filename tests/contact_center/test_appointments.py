"""Appointment types named in either language (R1, R2)."""
import pytest

from contact_center.appointments import appointment_type


@pytest.mark.parametrize(
    "word, kind",
    [
        ("biometrics", "biometrics"), ("biométricos", "biometrics"), ("huellas", "biometrics"),
        ("fingerprinting", "biometrics"), ("interview", "interview"), ("entrevista", "interview"),
        ("oath", "oath"), ("juramentación", "oath"), ("ceremonia", "oath"),
        ("appointment", None), ("", None), (None, None),
    ],
)
def test_appointment_types(word, kind):
    assert appointment_type(word) == kind
