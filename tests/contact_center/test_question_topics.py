"""A question put where an answer was asked for (free-text questions of a form)."""
import pytest

from contact_center.question_topics import asks_a_question


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
