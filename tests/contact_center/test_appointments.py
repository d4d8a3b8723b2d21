"""Appointment types named in either language (R1, R2)."""
import pytest

from contact_center import appointments
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


@pytest.mark.parametrize("text, kind", [
    ("gotta move my bios tmrw", "biometrics"),
    ("la cita de guellas", "biometrics"),
    ("my finger prints appt", "biometrics"),
    ("the interveiw for my wife", "interview"),
    ("la entrebista de ciudadania", "interview"),
])
def test_an_appointment_typed_in_a_hurry_is_named(text, kind):
    assert appointments.named_in(text) == kind


@pytest.mark.parametrize("text", ["my biography", "the interval between", "an intervention"])
def test_words_that_only_look_like_an_appointment_name_none(text):
    assert appointments.named_in(text) is None


def test_R2_an_application_support_center_notice_is_biometrics():
    assert appointments.named_in("ASC APPOINTMENT NOTICE, RECEIPT NUMBER ...") == "biometrics"


@pytest.mark.parametrize("text", [
    "y tambien quiero cambiar la de mi hijo Mateo",
    "now the one for my wife please",
    "my daughter's one too",
    "same thing for my husband",
])
def test_R1_another_persons_appointment_named_only_by_whose_it_is(text):
    assert appointments.refers_to_one_of_another(text)


@pytest.mark.parametrize("text", [
    "y tambien la entrevista de mi hijo",  # the kind is named: read as named
    "quiero cambiar la cita",
    "the one i have on friday",
])
def test_R1_no_reference_back_where_the_kind_is_named_or_no_one_else_is(text):
    assert not appointments.refers_to_one_of_another(text)


@pytest.mark.parametrize("text, expected", [
    # test set 16 in other words: a type named only to rule it out
    ("its my oath ceremony, not the interview", "oath"),
    ("no era la entrevista, era la cita de biometricos", "biometrics"),
    ("the fingerprints no, the interview", "interview"),
    ("not biometrics, my interview", "interview"),
    ("i never went to my interview", "interview"),  # a "not" far from the type rules nothing out
])
def test_R1_R2_a_type_ruled_out_is_not_the_one_named(text, expected):
    assert appointments.named_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    # test set 16 in other words: "it" is the appointment the exchange before was about
    ("actually could you move it instead", True),
    ("bueno, mejor quiero que me la cambien", True),
    ("la puedo cambiar para otro dia?", True),
    ("can you move my interview instead", False),  # names its own
    ("i moved it to my new address", False),  # no move of an appointment asked ("moved it" told)
])
def test_R1_an_appointment_asked_to_be_moved_by_a_pronoun(text, expected):
    assert appointments.moved_by_pronoun(text) is expected
