"""Words a phone's dictation split, joined back (contact_center/dictation.py)."""
import pytest

from contact_center.dictation import joined


@pytest.mark.parametrize("text, expected", [
    ("i need to re schedule my bio metrics appointment", "i need to reschedule my biometrics appointment"),
    ("can u ex pedite my N four hundred", "can u expedite my N four hundred"),
    ("ya i have co vid, tested positive", "ya i have covid, tested positive"),
    ("tengo co-vid desde el sabado", "tengo covid desde el sabado"),
    ("case stat us for EAC1234567890", "case status for EAC1234567890"),
    ("the day after thanks giving", "the day after thanksgiving"),
    ("the d m v says my work permit isnt enough", "the DMV says my work permit isnt enough"),
    ("mi sita de huellas es mañana", "mi cita de huellas es mañana"),
])
def test_words_dictation_split_are_joined(text, expected):
    assert joined(text) == expected


@pytest.mark.parametrize("text", [
    "/inform{\"appointment_type\":\"biometrics\"}",
    "the status of my case",
    "re: my interview",          # a subject line's "re:" is no split word
    "co-sponsor letter",
])
def test_what_is_no_split_word_is_left(text):
    assert joined(text) == text


@pytest.mark.parametrize("text", [
    "you're scheduled for biometrics on friday",
    "they re scheduling it for january",
    "thanks giving me the info",
    "Sita called me about the case",
])
def test_real_words_are_not_joined(text):
    assert joined(text) == text
