"""Bounded REST and socket channels (see the package's docstring)."""
from __future__ import annotations

import json
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from applicant_channels import presence
from contact_center import language
from contact_center.messages import TOO_LONG_INTENT

LANGUAGE_SAMPLE_CHARS = 500


def max_message_chars() -> int:
    return int(os.environ.get("APPLICANT_MESSAGE_MAX_CHARS", "2000"))


def max_socket_bytes() -> int:
    return int(os.environ.get("APPLICANT_SOCKET_MAX_BYTES", "65536"))


def bounded_message(message: UserMessage, limit: int) -> UserMessage:
    """The message itself, or, when it is too long, the intent that says so in its language."""
    text = message.text or ""
    if len(text) <= limit:
        return message
    # The message's language when it shows one; otherwise none, so the conversation keeps its own.
    decision = language.detect(text[:LANGUAGE_SAMPLE_CHARS])
    entities = {"language": decision.language} if decision.changed_by_message else {}
    payload = f"/{TOO_LONG_INTENT}" + (json.dumps(entities, separators=(",", ":")) if entities else "")
    metadata = dict(message.metadata or {}, message_chars=len(text))
    return UserMessage(
        payload,
        message.output_channel,
        message.sender_id,
        input_channel=message.input_channel,
        message_id=message.message_id,
        metadata=metadata,
    )


def bounded(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
    async def handle(message: UserMessage) -> Any:
        return await on_new_message(bounded_message(message, max_message_chars()))

    return handle


class BoundedRestInput(RestInput):
    """`POST /webhooks/rest/webhook`, as Rasa's, with bounded messages."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return super().blueprint(bounded(on_new_message))


class BoundedSocketIOInput(SocketIOInput):
    """Rasa's socket channel, with bounded messages and a bounded socket buffer."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(bounded(on_new_message))
        # Rasa builds the socket server with python-socketio's 1 MB default buffer.
        self.sio.eio.max_http_buffer_size = max_socket_bytes()
        presence.watch(self.sio, self.namespace, presence.Presence())
        return webhook
