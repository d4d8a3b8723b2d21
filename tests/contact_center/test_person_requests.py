"""G1: a person asked for in so many words at the start of a message, whatever follows."""
import pytest

from contact_center.person_requests import asks_for_a_person


@pytest.mark.parametrize("text", [
    "representative please, my travel document application got abandoned and i dont get why",
    "Agent!! i already tried everything on the website",
    "human pls",
    "hello?? i need an actual human. i mailed my N-400 and never signed it",  # test set 5: a "??" after the greeting
    "hi, can i speak with a real person about my fee? i got charged twice",
    "i need to talk to someone",
    "let me talk to an actual human",
    "connect me to a live agent",
    "Hola, quiero hablar con un representante. Me llego una carta que no entiendo",
    "necesito hablar con una persona por favor",
    "paseme con un agente",
    "¿puedo hablar con alguien?",
    "i need a live person, i got a letter saying they closed my case as abandoned",
    "I want a real human",
])
def test_G1_a_person_asked_for_first_is_a_request_for_a_person(text):
    assert asks_for_a_person(text)


@pytest.mark.parametrize("text", [
    "the officer at my interview told me to talk to someone",
    "i want to talk about my case",
    "representative payee question for my mom's benefits",
    "agents at the office said to wait",
    "i need to reschedule my interview",
    "mi abogado quiere hablar del caso",
    "i need a representative payee for my son",
    "i need an interpreter at my interview",
    "",
])
def test_G1_words_that_only_mention_a_person_are_not_a_request_for_one(text):
    assert not asks_for_a_person(text)


@pytest.mark.parametrize("text", ["REPRESENTATIVEEEE", "agenteeee por favorrr", "HUMANNNN"])
def test_G1_a_person_asked_for_with_stretched_letters(text):
    assert asks_for_a_person(text)


@pytest.mark.parametrize("text", [
    "buenos dias, necesito que alguien me ayude: en el sobre me regresaron papeles de otra persona",
    "ocupo que una persona me atienda por favor",
    "i need someone to help me, they sent me another persons card",
])
def test_G1_a_person_asked_to_help(text):
    assert asks_for_a_person(text)


@pytest.mark.parametrize("text", [
    "can you help me with my case status",
    "necesito ayuda con mi cita",
])
def test_G1_help_asked_of_the_assistant_is_no_person(text):
    assert not asks_for_a_person(text)
