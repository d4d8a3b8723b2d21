"""Each socket reply says its language (issue 13: the page follows a switch made in words).

The replies are rendered by Rasa's own response generator from the real domain, turned
into the message Rasa's processor hands the channel, and sent through the output channel
to a recording socket server."""
from __future__ import annotations

import asyncio
from typing import Any, List, Tuple

import pytest
from rasa.core.actions.action import create_bot_utterance
from rasa.core.channels.socketio import SocketIOOutput
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

from applicant_channels.reply_language import ReplyLanguageOutput, language_of
from contact_center.domain_files import load_domain

RESPONSES = load_domain()["responses"]


class RecordingSocketServer:
    def __init__(self) -> None:
        self.emitted: List[Tuple[str, Any, str]] = []

    async def emit(self, event: str, data: Any, room: str) -> None:
        self.emitted.append((event, data, room))


def rendered(response: str, language: str, **kwargs: Any) -> dict:
    """The message Rasa's processor gives the output channel for `response` (rasa 3.6:
    NLG output -> create_bot_utterance -> BotUttered.message())."""
    nlg = TemplatedNaturalLanguageGenerator(RESPONSES)
    message = nlg.generate_from_slots(response, {"language": language}, "socketio", **kwargs)
    message["utter_action"] = response
    return create_bot_utterance(message).message()


def sent(message: dict) -> List[dict]:
    sio = RecordingSocketServer()
    channel = ReplyLanguageOutput(SocketIOOutput(sio, "bot_uttered"))
    asyncio.run(channel.send_response("sid-1", message))
    return [data for _event, data, _room in sio.emitted]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_plain_reply_says_the_language_it_was_chosen_in(language):
    message = rendered("utter_default", language)
    assert language_of(message) == language
    (data,) = sent(message)
    assert data["lang"] == language
    assert ("entendí" in data["text"]) == (language == "es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_reply_with_buttons_says_its_language_on_every_part(language):
    parts = sent(rendered("utter_ask_switch_request", language))
    assert parts and all(p["lang"] == language for p in parts)
    assert parts[-1]["quick_replies"]


def test_a_message_that_is_not_a_domain_response_says_no_language():
    assert language_of({"text": "You are number 3 in line."}) is None
    (data,) = sent({"text": "You are number 3 in line."})
    assert "lang" not in data


def test_the_channel_is_used_once_per_message_and_forgets_the_language_between_them():
    sio = RecordingSocketServer()
    channel = ReplyLanguageOutput(SocketIOOutput(sio, "bot_uttered"))
    asyncio.run(channel.send_response("sid-1", rendered("utter_default", "es")))
    asyncio.run(channel.send_text_message("sid-1", "plain text"))
    assert sio.emitted[0][1]["lang"] == "es" and "lang" not in sio.emitted[1][1]
