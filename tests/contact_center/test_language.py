"""Rule G4: answer in the applicant's language; neutral messages keep it; switches on request."""
import pytest

from contact_center import language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("where is my green card", "en"),
        ("donde esta mi tarjeta verde", "es"),
        ("mi green card no llega", "es"),  # Spanglish: function words decide
        ("el biometrics es mañana y no puedo ir", "es"),
        ("my case is pending since march", "en"),
        ("necesito ayuda con mi caso", "es"),
        ("gracias", "es"),
        ("thanks", "en"),
        ("hola", "es"),
        ("no recibi mi tarjeta", "es"),
        ("Necesito cambiar mi cita de huellas", "es"),
        ("quiero saber el estado de mi caso EAC2190012345", "es"),
        ("what is the status of EAC2190012345", "en"),
    ],
)
def test_G4_language_of_a_message(text, expected):
    assert language.detect(text, previous=None).language == expected


@pytest.mark.parametrize("text", ["ok", "1234", "EAC2190012345", "", "   ", "\U0001F600", "??", "I-485", "no"])
@pytest.mark.parametrize("previous", ["en", "es"])
def test_G4_neutral_messages_keep_the_conversation_language(text, previous):
    decision = language.detect(text, previous=previous)
    assert decision.language == previous
    assert not decision.changed_by_message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("español por favor", "es"),
        ("espanol", "es"),
        ("English please", "en"),
        ("quiero hablar en ingles", "en"),
        ("can you speak spanish?", "es"),
        ("en español", "es"),
        ("in english", "en"),
    ],
)
@pytest.mark.parametrize("previous", ["en", "es"])
def test_G4_explicit_switch_requests(text, expected, previous):
    decision = language.detect(text, previous=previous)
    assert decision.language == expected
    assert decision.reason == "switch_request"


def test_G4_a_long_story_mentioning_a_language_is_not_a_switch():
    text = "my spanish birth certificate has a typo in the name and I need it fixed before my interview"
    assert language.requested_language(text) is None
    assert language.detect(text).language == "en"


def test_G4_unknown_previous_falls_back_to_english():
    assert language.detect("ok", previous="fr").language == "en"


def test_G4_very_long_input_is_handled():
    decision = language.detect("necesito ayuda con mi caso " * 2000)
    assert decision.language == "es"


@pytest.mark.parametrize("text", ["no its ok", "no, never", "no thats ok", "no thanks", "no its fine"])
def test_G4_english_no_answers_stay_english(text):
    """'no' is both languages' word: it must not outvote the English around it."""
    assert language.detect(text, "en").language == "en"
    assert language.detect(text, "es").language == "en"


@pytest.mark.parametrize("text", ["no gracias", "no tengo", "no se", "no me llego", "mi email es maria@example.com"])
def test_G4_spanish_no_answers_stay_spanish(text):
    assert language.detect(text, "en").language == "es"


@pytest.mark.parametrize("text", ["maria@example.com", "https://my.uscis.gov/", "no"])
def test_G4_addresses_and_a_bare_no_keep_the_conversation_language(text):
    assert language.detect(text, "es").language == "es"
    assert language.detect(text, "en").language == "en"


@pytest.mark.parametrize("text, previous", [("yes", "es"), ("si", "en"), ("sure", "es")])
def test_G4_a_bare_yes_keeps_the_conversation_language(text, previous):
    assert language.detect(text, previous).language == previous


def test_G4_yes_with_other_words_is_decided_by_them():
    assert language.detect("si mandela", "en").language == "es"


@pytest.mark.parametrize("text", [
    "necesito hacer reschedule de mi biometrics appointment",
    "quiero hacer check de mi status porfa",
    "tengo que mover mi interview para la otra semana",
])
def test_G4_spanglish_spanish_grammar_around_english_words_is_answered_in_spanish(text):
    assert language.detect(text).language == "es"


@pytest.mark.parametrize("text", [
    "my name is Maria de la Cruz and I need to reschedule my interview",
    "hola i need help with my case",
])
def test_G4_english_with_a_few_spanish_words_stays_english(text):
    assert language.detect(text).language == "en"


@pytest.mark.parametrize("text", ["si, llamenme", "llamenme", "marquenme al cel", "call me"])
def test_G4_a_few_words_the_detector_alone_reads_otherwise_keep_a_spanish_conversation(text):
    """Test set 5: "si, llamenme" at the callback offer turned a Spanish conversation to English."""
    assert language.detect(text, "es").language == "es"


@pytest.mark.parametrize("text, previous", [
    ("thank you, that is all", "es"),  # the function words say English: it changes
    ("that is all for today", "es"),
    ("gracias, eso es todo", "en"),
])
def test_G4_a_few_words_with_the_function_words_of_the_other_language_change_it(text, previous):
    assert language.detect(text, previous).language != previous


def test_G4_a_bare_bye_keeps_the_conversation_language():
    assert language.detect("bye", "es").language == "es"
    assert language.detect("bye", "en").language == "en"


def test_G4_a_letter_pasted_after_the_applicants_own_words_is_not_their_language():
    """Test set 6: a Spanish speaker pasting an English notice was answered in English."""
    pasted = ("recibi este papel y no se que hacer: REQUEST FOR EVIDENCE. The evidence submitted is insufficient to "
              "establish eligibility. You must submit the requested evidence within 87 days of the date of this notice.")
    assert language.detect(pasted).language == "es"


@pytest.mark.parametrize("text, lang", [
    ("en español por favor, es para mi hijo pero yo soy la que esta haciendo esto", "es"),  # test set 6: long after it
    ("in english please, my mom cant read this so i am helping her with her case today", "en"),
])
def test_G4_a_message_that_opens_by_naming_its_language_asks_for_it(text, lang):
    assert language.requested_language(text) == lang


@pytest.mark.parametrize("text, previous", [("ok gracias", "en"), ("gracias, one sec", "en"), ("thanks bye", "es"), ("ok thank you", "es")])
def test_G4_courtesy_keeps_the_conversations_language(text, previous):
    """"ok gracias" in an English conversation had turned the next question into Spanish."""
    assert language.detect(text, previous).language == previous


def test_G4_plain_words_asked_for_are_no_language_switch():
    """"what does that mean, in plain english" had been answered "Sure, we'll continue in English"."""
    assert language.requested_language("huh? what does that mean, in plain english") is None
    assert language.requested_language("me lo explica en español sencillo?") is None


@pytest.mark.parametrize("text", ["y", "Y", "yup", "nah"])
def test_G4_a_one_letter_yes_keeps_the_conversations_language(text):
    """"y" (a yes) had turned an English conversation to Spanish ("y" is Spanish "and")."""
    assert language.detect(text, "en").language == "en"


def test_G4_the_agencys_english_names_quoted_in_spanish_keep_spanish():
    assert language.detect("me mandaron un request for evidence, que hago?", "es").language == "es"
    assert language.detect("request for evidence", "es").language == "es"
    assert language.detect("i got a request for evidence, what do i do", "es").language == "en"


@pytest.mark.parametrize("text", ["EAC1234567890 es de ella", "es el de ella", "la de el"])
def test_G4_a_few_words_of_grammar_keep_the_conversation_language(text):
    assert language.detect(text, "en").language == "en"


@pytest.mark.parametrize("text, expected", [
    ("si, pero en español por favor", True), ("yes, but in english please", True),
    ("en español por favor", False), ("no, in english", False), ("si porfa", False),
])
def test_G4_a_yes_said_with_a_switch_of_language(text, expected):
    assert language.yes_with_switch(text) is expected


@pytest.mark.parametrize("text, rest", [
    ("puedo seguir en espanol? nunca la he cambiado", "nunca la he cambiado"),
    ("spanish please, its tomorrow at 9", "its tomorrow at 9"),
    ("can we switch to english", ""),
    ("my spanish birth certificate has a typo", ""),  # no language asked for: nothing besides
])
def test_G4_what_a_switch_of_language_says_besides(text, rest):
    from contact_center.language import said_besides_switch
    assert said_besides_switch(text) == rest


@pytest.mark.parametrize("text", ["estatus", "huellas", "simon"])
def test_G4_a_one_word_opening_in_spanish_is_spanish(text):
    assert language.detect(text, None).language == "es"
