"""Each reply on the socket says its language, so the chat page follows a switch made in
words ("puedo hablar en español?"): its labels, buttons and `lang` attribute change with
the conversation, and a screen reader reads Spanish replies with Spanish pronunciation
(issue 13).

The language is the one Rasa chose the response by: a Spanish variation carries its
`condition` on the `language` slot (domain/), and Rasa passes the chosen variation's keys
on with the message, with `utter_action` naming the response. An English variation has
no condition. A message that is not a domain response says nothing (the page keeps its
language). Checked against rasa==3.6.21 (`SocketIOOutput._send_message`, and
`TemplatedNaturalLanguageGenerator`, which keeps the variation's `condition`).
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOOutput

LANGUAGES = ("en", "es")
DEFAULT = "en"


def language_of(message: Dict[str, Any]) -> Optional[str]:
    """The language of a rendered domain response, or None for any other message."""
    for condition in message.get("condition") or ():
        if isinstance(condition, dict) and condition.get("name") == "language" and condition.get("value") in LANGUAGES:
            return condition["value"]
    return DEFAULT if message.get("utter_action") else None


class ReplyLanguageOutput(SocketIOOutput):
    """Rasa's socket output, adding `lang` to each reply whose language is known."""

    def __init__(self, inner: SocketIOOutput) -> None:
        super().__init__(inner.sio, inner.bot_message_evt)
        self._language: Optional[str] = None

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self._language = language_of(message)
        try:
            await super().send_response(recipient_id, message)
        finally:
            self._language = None

    async def _send_message(self, socket_id: str, response: Any) -> None:
        if self._language and isinstance(response, dict):
            response = dict(response, lang=self._language)
        await super()._send_message(socket_id, response)


def with_reply_language(
    on_new_message: Callable[[UserMessage], Awaitable[Any]]
) -> Callable[[UserMessage], Awaitable[Any]]:
    async def handle(message: UserMessage) -> Any:
        channel = message.output_channel
        if isinstance(channel, SocketIOOutput) and not isinstance(channel, ReplyLanguageOutput):
            message.output_channel = ReplyLanguageOutput(channel)
        return await on_new_message(message)

    return handle
