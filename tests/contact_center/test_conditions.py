"""A request made on a condition about the answer before it (issue 13; contact_center/conditions.py)."""
import pytest

from contact_center import conditions, rules, several_requests


@pytest.mark.parametrize("text, kind", [
    ("and if it was approved i want to update where i live", "approved"),
    ("y si ya lo aprobaron quiero saber cuando llega la tarjeta", "approved"),
    ("but if they denied it how do i fight it", "denied"),
    ("y si me la rechazaron que puedo hacer", "denied"),
    ("and if they already sent out my card then it never came", "card_mailed"),
    ("si ya enviaron la mica entonces se me perdio", "card_mailed"),
    ("and if they set up my interview already i need a new date", "interview_scheduled"),
    ("y si ya me programaron la entrevista necesito cambiarla", "interview_scheduled"),
    ("and if my fingerprints are already scheduled i have to change them", "biometrics_scheduled"),
    ("if i cant do that online then have somebody call me", "not_online"),
    ("y si no la puedo cambiar en linea que me llamen", "not_online"),
])
def test_a_condition_is_read_in_the_applicants_words(text, kind):
    assert conditions.condition_of(text) == kind


@pytest.mark.parametrize("text", [
    "si, dale", "si porfa llamenme", "if you can help me", "and if i get an rfe how long do i have",
    "what if my case is lost", "y si no me contestan antes de la cita?",
])
def test_a_yes_or_a_question_is_no_condition(text):
    assert conditions.condition_of(text) is None


def test_a_condition_after_a_request_is_cut_from_it():
    parts = several_requests.split("look up WAC3333333333 please and if they approved it i must update my address, we moved")
    assert len(parts) == 2 and conditions.condition_of(parts[1]) == "approved"
    parts = several_requests.split("revisa mi caso NBC6666666666, y si ya me dieron la entrevista la necesito mover")
    assert len(parts) == 2 and conditions.condition_of(parts[1]) == "interview_scheduled"


def test_a_message_with_if_but_no_condition_on_a_status_is_not_cut():
    assert several_requests.split("i want to reschedule my interview if that is possible") == []


TAKE, NOT_MET, OFFERED = rules.ConditionalPart.TAKE, rules.ConditionalPart.NOT_MET, rules.ConditionalPart.OFFERED


@pytest.mark.parametrize("kind, status, expected", [
    ("approved", "utter_status_case_was_approved", TAKE),
    ("approved", "utter_status_card_was_mailed_to_me", TAKE),
    ("approved", "utter_status_case_was_received", NOT_MET),
    ("denied", "utter_status_case_was_approved", NOT_MET),
    ("denied", "utter_status_case_was_denied", TAKE),
    ("interview_scheduled", "utter_status_interview_was_scheduled", TAKE),
    ("biometrics_scheduled", "utter_status_interview_was_scheduled", NOT_MET),
    ("card_mailed", None, TAKE),  # S1: no status given yet, nothing to hold it against
])
def test_S1_a_condition_on_the_case_is_held_against_the_status_just_given(kind, status, expected):
    assert rules.conditional_part(kind, status, "SELF_SERVICE", False) is expected


def test_G1_if_it_cannot_be_done_online_is_met_only_when_self_help_did_not_serve():
    assert rules.conditional_part("not_online", None, "SELF_SERVICE", False) is NOT_MET
    assert rules.conditional_part("not_online", None, "LIVE_TIER1", False) is TAKE
    assert rules.conditional_part("not_online", None, None, True) is TAKE  # the form still asks
    # Nothing decided since the message: an earlier request's outcome says nothing about this one.
    assert rules.conditional_part("not_online", None, None, False) is TAKE


def test_S4_a_condition_met_by_the_offer_just_made_is_not_asked_twice():
    mailed = "utter_status_card_was_mailed_to_me"
    assert rules.conditional_part("card_mailed", mailed, "SELF_SERVICE", False, offered="card_not_received") is OFFERED
    assert rules.conditional_part("approved", mailed, "SELF_SERVICE", False, offered="card_not_received",
                                  topic="card_not_received") is OFFERED
    assert rules.conditional_part("approved", mailed, "SELF_SERVICE", False, offered="card_not_received",
                                  topic="change_address") is TAKE


def test_a_condition_on_a_decision_is_cut_out_and_one_on_an_appointment_keeps_its_name():
    assert conditions.asked_plainly("and if they denied it how do i appeal") == "how do i appeal"
    assert conditions.asked_plainly("y si ya me programaron la entrevista la necesito cambiar") \
        == "ya me programaron la entrevista la necesito cambiar"
    assert conditions.asked_plainly("i want to move my interview") == "i want to move my interview"
