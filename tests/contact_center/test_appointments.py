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


def test_R1_the_appointment_type_named_instead():
    from contact_center import appointments

    assert appointments.changed_to("wait no its the interview not the biometrics", "biometrics") == "interview"
    assert appointments.changed_to("no es la entrevista, es la de huellas", "interview") == "biometrics"
    assert appointments.changed_to("the biometrics", "biometrics") is None
