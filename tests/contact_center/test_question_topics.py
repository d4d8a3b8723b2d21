"""A question put where an answer was asked for (free-text questions of a form)."""
import pytest

from contact_center.question_topics import asks_a_question, asks_about_what_was_said, named_topics


@pytest.mark.parametrize("text", [
    "antes de eso, cual es el numero de telefono de uscis?",
    "quick q - does the dmv get told when my card changes",
    "wait, how long does this take?",
    "oiga y donde mando los papeles",
    "¿Cuánto tarda?",
    "the dmv says my license expires with my green card, can uscis tell them?",
])
def test_a_question_is_seen_as_a_question(text):
    assert asks_a_question(text)


@pytest.mark.parametrize("text", [
    "dice que naci en 1985 y fue 1958",
    "my last name is spelled Gonzales, it should be Gonzalez",
    "a letter from my doctor and my hospital bills",
    "j.perez@example.com",
    "",
])
def test_an_answer_is_not_a_question(text):
    assert not asks_a_question(text)


@pytest.mark.parametrize("text, back", [
    ("what does that mean?", True),
    ("que significa eso? me la negaron??", True),
    ("que es eso de RFE y cuanto tiempo tengo", False),  # names its own topic: the RFE question
    ("what is that additional evidence thing, how long do i get to answer", False),  # the RFE by the status's words
    ("i need to reschedule", False),
])
def test_S1_a_message_that_asks_about_what_was_just_said(text, back):
    assert asks_about_what_was_said(text) is back


def test_S1_the_status_is_explained_again_only_right_after_it_was_given():
    from contact_center import rules

    assert rules.status_meaning("utter_status_case_was_denied", True, True).tell == (
        "utter_case_status_meaning", "utter_status_case_was_denied")
    assert rules.status_meaning("utter_status_case_was_denied", True, False) is None
    assert rules.status_meaning(None, True, True) is None
    assert rules.status_meaning("utter_status_case_was_denied", False, True) is None


@pytest.mark.parametrize("text,topic", [
    ("when they call me back will it show up as a 202 number?", "callback_caller_id"),  # C2; test set 4
    ("de que numero me van a llamar", "callback_caller_id"),
    ("got an RFE in the mail, how long do i have", "rfe"),
    # R3 asked after a move that got no answer (test set 14: a reschedule was started)
    ("i asked to move my interview and never heard back, its friday. should i just go?", "no_answer_before_appointment"),
    ("pedi cambiar mi juramento y no me han contestado, es el jueves, me presento o que?", "no_answer_before_appointment"),
])
def test_a_question_names_its_topic_in_its_own_words(text, topic):
    from contact_center.question_topics import names_topic

    assert names_topic(text, topic)


def test_S1_what_that_means_asked_after_a_surprise():
    """Test set 7: "wait what?? what does that mean exactly, in normal words" after a status."""
    from contact_center.question_topics import asks_about_what_was_said
    assert asks_about_what_was_said("wait what?? what does that mean exactly, in normal words")
    assert asks_about_what_was_said("que? que significa eso")


@pytest.mark.parametrize("text, topic", [
    ("got a text saying its uscis and i owe a fee, from a gmail. real or fake", "scams"),
    ("y cuanto sale presentar la I-130?", "fees"),
    ("can i track my card online or do i need an account for that", "online_account"),
    ("y si la tarjeta no llega, a que numero llamo?", "contact_numbers"),
])
def test_questions_in_the_words_of_test_set_15(text, topic):
    from contact_center.question_topics import names_topic

    assert names_topic(text, topic)


def test_is_that_really_you_is_no_scam_question_by_its_words():
    from contact_center.question_topics import names_topic

    text = "my son picked up a call from a 202 number, they said they were uscis calling me back. is that really you guys"
    assert not names_topic(text, "scams") and names_topic(text, "callback_caller_id")


def test_a_noid_named_by_its_words_in_a_story_is_the_noid_topic():
    # test set 15 after session 24's retrain: the selector chose another topic, and "intent to deny" named none
    text = "the interview went so bad. today i got a letter saying intent to deny, what does that mean?"
    assert named_topics(text) == ["noid"]
