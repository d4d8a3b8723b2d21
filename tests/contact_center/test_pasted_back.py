"""contact_center/pasted_back.py: the assistant's words pasted back are not read as the applicant's (test set 17)."""
from contact_center.pasted_back import without_own_words

SAID = ["First, the most important question: is anyone in danger right now?",
        "Do you have COVID-19 or any of its symptoms?"]


def test_G6_a_question_pasted_back_with_its_answer_is_the_answer():
    assert without_own_words('"First, the most important question: is anyone in danger right now?" no', SAID) == "no"
    assert without_own_words("is anyone in danger right now? nobody, im fine", SAID) == "nobody, im fine"


def test_a_message_that_only_quotes_the_assistant_is_kept_as_typed():
    text = "Do you have COVID-19 or any of its symptoms?"
    assert without_own_words(text, SAID) == text


def test_words_that_are_the_applicants_own_are_kept():
    assert without_own_words("someone is in danger right now, my husband has a gun", SAID) == \
        "someone is in danger right now, my husband has a gun"
    assert without_own_words("yes", SAID) == "yes"


def test_text_with_nothing_quoted_is_kept_to_the_character():
    text = "'; DROP TABLE service_requests; --"
    assert without_own_words(text, SAID) == text
