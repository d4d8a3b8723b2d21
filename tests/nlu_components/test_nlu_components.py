"""The custom NLU components inside the trained model: language, entities, blank messages,
a stop that opens a message, questions the knowledge base answers."""
import pytest


def _entities(parsed_raw, name):
    return [e["value"] for e in parsed_raw.get("entities", []) if e["entity"] == name]


@pytest.fixture(scope="module")
def parse(model_parser):
    def run(text):
        return model_parser.loop.run_until_complete(model_parser.agent.parse_message(text))

    return run


@pytest.mark.parametrize(
    "text, receipt",
    [
        ("EAC2190012345", "EAC2190012345"),
        ("EAC-21-900-12345", "EAC2190012345"),
        ("eac 2190012345", "EAC2190012345"),
        ("IOE*0912345678", "IOE0912345678"),
        ("mi numero es lin-21-901-23456", "LIN2190123456"),
    ],
)
def test_S2_receipt_number_alone_or_in_text_in_either_language(parse, text, receipt):
    result = parse(text)
    assert _entities(result, "receipt_number") == [receipt]
    assert result["intent"]["name"] in {"inform", "check_case_status"}


@pytest.mark.parametrize("text", ["EAC219001234", "ABC2190012345", "EAC21900I2345", "EAC21900123456"])
def test_S2_invalid_receipt_number_is_an_attempt_not_a_fallback(parse, text):
    result = parse(text)
    assert _entities(result, "receipt_number") == []
    assert _entities(result, "invalid_receipt_number"), result["entities"]
    assert result["intent"]["name"] in {"inform", "check_case_status"}


@pytest.mark.parametrize(
    "text, lang",
    [("where is my green card", "en"), ("donde esta mi tarjeta", "es"), ("español por favor", "es"),
     ("English please", "en")],
)
def test_G4_language_entity(parse, text, lang):
    assert _entities(parse(text), "language") == [lang]


@pytest.mark.parametrize("text", ["ok", "EAC2190012345", "1234"])
def test_G4_neutral_message_has_no_language_entity(parse, text):
    assert _entities(parse(text), "language") == []


@pytest.mark.parametrize("text", ["", "   ", "...", "\u200b"])
def test_blank_message_falls_back(parse, text):
    assert parse(text)["intent"]["name"] == "nlu_fallback"


def test_form_and_appointment_types(parse):
    result = parse("quiero cambiar la entrevista de mi i485")
    assert _entities(result, "form_type") == ["I-485"]
    assert _entities(result, "appointment_type") == ["interview"]


def test_very_long_message_is_understood(parse):
    result = parse("I need to reschedule my biometrics appointment. " * 200)
    assert result["intent"]["name"] == "reschedule_appointment"


@pytest.mark.parametrize("text", [
    "never mind, my neighbour had it the whole time",
    "olvidelo, ya aparecio en el buzon",
    "nah forget it i'll sort it out myself",
    "mejor no, dejelo asi",
    "dont file it, the letter just showed up",
    "no la manden, ya no la necesito",
])
def test_a_message_that_opens_with_a_stop_is_a_stop(parse, text):
    assert parse(text)["intent"]["name"] == "stop"


@pytest.mark.parametrize("text", ["cancel my interview please", "i never got my card", "no, it was in march"])
def test_words_that_only_look_like_a_stop_are_not_one(parse, text):
    assert parse(text)["intent"]["name"] != "stop"


@pytest.mark.parametrize("text, topic", [
    ("they mailed me an RFE last week, when is it due back and what happens if im late", "rfe"),
    ("a guy on the phone said he was uscis and wanted me to pay with gift cards, is that a scam", "scams"),
    ("me mandaron un RFE la semana pasada, cuanto tiempo tengo para contestar", "rfe"),
])
def test_a_question_wrapped_in_a_story_is_a_question(parse, text, topic):
    result = parse(text)
    assert result["intent"]["name"] == "faq"
    assert result["response_selector"]["faq"]["response"]["intent_response_key"] == f"faq/{topic}"


@pytest.mark.parametrize("text", [
    "has my credit card application been approved yet",
    "is my car loan application approved yet",
    "i think there was fraud on my bank card",
])
def test_other_matters_are_not_taken_as_questions(parse, text):
    assert parse(text)["intent"]["name"] != "faq"


@pytest.mark.parametrize("text", [
    "sorry could we do this in spanish please, my english is bad",
    "oiga, podemos seguir en ingles? mi hija me esta ayudando",
])
def test_G4_a_language_asked_for_by_name_is_a_switch_anywhere(parse, text):
    assert parse(text)["intent"]["name"] == "change_language"


@pytest.mark.parametrize("text", [
    "my social security card never came in the mail",
    "hi i applied for my ss card 3 months ago and nothing",
    "mi tarjeta del seguro social nunca me llego",
    "can you move my visa interview at the embassy to next week",
])
def test_G7_another_agencys_matter_in_a_uscis_services_words_is_out_of_scope(parse, text):
    assert parse(text)["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text", [
    "where do i get a social security number now that my work permit came",
    "donde saco el numero de seguro social ahora que tengo mi permiso de trabajo",
    "mi pasaporte guatemalteco ya se vencio y tengo la cita de huellas, donde lo renuevo?",
])
def test_G7_a_question_about_another_agencys_matter_beside_a_uscis_one_is_referred(parse, text):
    """A knowledge-base topic the message does not name is no answer to it."""
    assert parse(text)["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text", [
    "yay my citizenship was approved, how do i apply for a us passport",
    "ya me aprobaron la ciudadania!! como saco el pasaporte americano",
])
def test_G7_an_approval_told_as_news_before_another_agencys_question_is_referred(parse, text):
    assert parse(text)["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, intent", [
    ("my green card never came in the mail", "card_not_received"),
    ("mi permiso de trabajo nunca llego y tampoco la tarjeta del seguro social", "card_not_received"),
])
def test_G7_a_uscis_matter_named_with_another_agency_stays_a_uscis_service(parse, text, intent):
    assert parse(text)["intent"]["name"] == intent


@pytest.mark.parametrize("text, topic", [
    ("the website says my case was approved, what does that mean? do i get the card now", "case_approved"),
    ("mi estatus dice caso aprobado, que significa eso", "case_approved"),
])
def test_G1_a_status_told_as_the_context_of_a_question_is_the_question(parse, text, topic):
    result = parse(text)
    assert result["intent"]["name"] == "faq"
    assert result["response_selector"]["faq"]["response"]["intent_response_key"] == f"faq/{topic}"


def test_G4_a_few_words_keep_the_language_the_channel_says_the_conversation_is_in():
    """Test set 5: "si, llamenme" read as English turned a Spanish conversation around ("contestenme"
    is still read as English by the detector alone)."""
    from rasa.shared.nlu.training_data.message import Message

    from contact_center.messages import CONVERSATION_LANGUAGE_KEY
    from nlu_components.language_detector import LanguageDetector

    def entities(metadata):
        message = Message(data={"text": "contestenme", "metadata": metadata})
        [message] = LanguageDetector().process([message])
        return [e["value"] for e in message.get("entities", []) if e["entity"] == "language"]

    assert entities({CONVERSATION_LANGUAGE_KEY: "es"}) in ([], ["es"])  # the slot keeps Spanish
    assert entities({}) == ["en"]  # alone, as the detector reads it
