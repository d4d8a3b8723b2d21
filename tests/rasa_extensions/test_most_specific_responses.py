"""rasa_extensions/most_specific_responses.py against Rasa 3.6.21's own response filter and
loader, on this project's domain."""
from __future__ import annotations

import pytest
from rasa.core.nlg.generator import NaturalLanguageGenerator, ResponseVariationFilter
from rasa.core.utils import read_endpoints_from_path
from rasa.shared.core.domain import Domain

from rasa_extensions.most_specific_responses import MostSpecificResponses
from tests import ROOT

DOMAIN = Domain.load(str(ROOT / "domain"))
TYPO_ES = {"language": "es", "request_type": "typographic_error"}


def _texts(slots, action="utter_ask_problem_details", times=40):
    generator = MostSpecificResponses(domain=DOMAIN)
    return {generator.generate_from_slots(action, slots, "rest")["text"] for _ in range(times)}


def test_rasa_alone_would_choose_at_random_between_the_generic_and_the_typo_variation():
    """The reason for the extension, shown with Rasa's own filter."""
    chosen = ResponseVariationFilter(DOMAIN.responses).responses_for_utter_action("utter_ask_problem_details", "rest", TYPO_ES)
    assert len(chosen) == 2


@pytest.mark.parametrize("action", ["utter_ask_problem_details", "utter_e_request_start"])
def test_E1_a_spanish_typo_request_is_always_told_in_its_own_words(action):
    [text] = _texts(TYPO_ES, action)
    assert "Describa el problema" not in text and "por usted." not in text


@pytest.mark.parametrize("slots, expected", [
    ({"language": "es", "request_type": None}, "Describa el problema en pocas palabras."),
    ({"language": "en", "request_type": None}, "Please describe the problem in a few words."),
    ({"language": "en", "request_type": "typographic_error"}, "What is wrong on the notice or card, and what should it say?"),
])
def test_the_generic_variation_still_answers_where_nothing_more_specific_holds(slots, expected):
    assert _texts(slots) == {expected}


@pytest.mark.parametrize("path", ["endpoints.yml", "deploy/endpoints.production.yml"])
def test_rasa_loads_it_from_the_endpoints(path, monkeypatch):
    for name in ("ACTION_SERVER_URL", "ACTION_SERVER_TOKEN", "DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME",
                 "DB_SSLMODE", "REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD", "RABBITMQ_HOST", "RABBITMQ_USER",
                 "RABBITMQ_PASSWORD", "RABBITMQ_PORT", "RABBITMQ_QUEUE"):
        monkeypatch.setenv(name, "x")
    endpoints = read_endpoints_from_path(str(ROOT / path))
    generator = NaturalLanguageGenerator.create(endpoints.nlg, DOMAIN)
    assert isinstance(generator, MostSpecificResponses)
    said = generator.generate_from_slots("utter_ask_problem_details", TYPO_ES, "rest")
    assert said["text"].startswith("¿Qué está mal")
