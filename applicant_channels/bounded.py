"""Bounded REST and socket channels (see the package's docstring)."""
from __future__ import annotations

import json
import math
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from applicant_channels import presence, rate_limit, session_binding
from applicant_channels.reply_language import with_reply_language
from applicant_channels.several_requests import SeveralRequests
from contact_center import dictation, glyphs, language, settings
from contact_center.messages import TOO_LONG_INTENT

LANGUAGE_SAMPLE_CHARS = 500


def max_message_chars() -> int:
    return settings.integer("APPLICANT_MESSAGE_MAX_CHARS")


def max_socket_bytes() -> int:
    return settings.integer("APPLICANT_SOCKET_MAX_BYTES")


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


def dictation_joined(message: UserMessage) -> UserMessage:
    """The message with the words a phone's dictation split joined back (contact_center/dictation.py), and
    emoji or look-alike letters inside words taken out (contact_center/glyphs.py)."""
    text = glyphs.plain_words(dictation.joined(message.text))
    if text == message.text:
        return message
    return UserMessage(text, message.output_channel, message.sender_id, input_channel=message.input_channel,
                       message_id=message.message_id, metadata=message.metadata)


def bounded(
    on_new_message: Callable[[UserMessage], Awaitable[Any]], requests: Optional[SeveralRequests] = None
) -> Callable[[UserMessage], Awaitable[Any]]:
    """A message over the limit becomes `message_too_long`; one holding several requests
    is taken a request at a time (applicant_channels/several_requests.py)."""
    async def handle(message: UserMessage) -> Any:
        message = bounded_message(message, max_message_chars())
        message = dictation_joined(message)
        if requests is None:
            return await on_new_message(message)
        return await requests.handle(message, on_new_message)

    return handle


def knows_the_server(webhook: Blueprint, requests: SeveralRequests) -> None:
    """`requests` parses with the server's agent, which Rasa loads as the server starts."""
    @webhook.listener("after_server_start")
    async def remember(app: Any, _loop: Any) -> None:
        requests.app = app


def client_address(request: Any) -> Optional[str]:
    """The applicant's address for the per-address rate limit. Behind the front door
    (deploy/haproxy.cfg) every request comes from the proxy; with SANIC_PROXIES_COUNT=1,
    Sanic takes the client from the X-Forwarded-For the proxy alone sets."""
    if request is None:
        return None
    return getattr(request, "remote_addr", "") or getattr(request, "ip", None)


def _json_body(request: Request) -> Optional[dict]:
    """The request's JSON object, or None for anything else (Rasa's handler answers those)."""
    try:
        body = request.json
    except Exception:
        return None
    return body if isinstance(body, dict) else None


class BoundedRestInput(RestInput):
    """`POST /webhooks/rest/webhook`, as Rasa's, with bounded messages, a rate limit, and each
    conversation bound to the client that started it (session_binding)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        requests = SeveralRequests()
        webhook = super().blueprint(bounded(on_new_message, requests))
        knows_the_server(webhook, requests)
        limiter = rate_limit.RateLimiter()
        tokens = session_binding.Tokens()

        # First the conversation's id (a new one, or a checked token), so that the rate
        # limit counts each new conversation under its own id.
        @webhook.middleware("request")
        async def bind_conversation(request: Request) -> Optional[HTTPResponse]:
            body = _json_body(request)
            if request.method != "POST" or body is None:
                return None  # Rasa's handler answers a malformed body as it always has
            sender = body.get("sender")
            if sender in (None, ""):
                sender = session_binding.new_conversation_id()
                body["sender"] = sender  # Rasa reads the sender from this same parsed body
                request.ctx.new_conversation = (sender, tokens.issue(sender))
                return None
            if tokens.valid(sender, request.headers.get(session_binding.TOKEN_HEADER)):
                return None
            message = body.get("message") if isinstance(body.get("message"), str) else ""
            lang = rate_limit.message_language(message[:LANGUAGE_SAMPLE_CHARS])
            return response.json([{"recipient_id": None, "text": session_binding.REFUSED_TEXT[lang]}], status=403)

        @webhook.middleware("request")
        async def slow_down(request: Request) -> Optional[HTTPResponse]:
            body = _json_body(request)
            if request.method != "POST" or body is None:
                return None
            sender = body.get("sender")
            address = client_address(request)
            wait = limiter.check(sender if isinstance(sender, str) else None, address)
            if wait <= 0:
                return None
            text = limiter.refusal(sender if isinstance(sender, str) else None, address,
                                   body.get("message") if isinstance(body.get("message"), str) else "", wait)
            return response.json(
                [{"recipient_id": sender if isinstance(sender, str) else None, "text": text}],
                status=429, headers={"Retry-After": str(math.ceil(wait))},
            )

        @webhook.middleware("response")
        async def give_conversation(request: Request, answer: HTTPResponse) -> None:
            issued = getattr(request.ctx, "new_conversation", None)
            if issued and answer is not None and answer.status == 200:
                answer.headers[session_binding.ID_HEADER], answer.headers[session_binding.TOKEN_HEADER] = issued

        return webhook


class BoundedSocketIOInput(SocketIOInput):
    """Rasa's socket channel, with bounded messages and a bounded socket buffer."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        requests = SeveralRequests()
        webhook = super().blueprint(with_reply_language(bounded(on_new_message, requests)))
        knows_the_server(webhook, requests)
        # Rasa builds the socket server with python-socketio's 1 MB default buffer.
        self.sio.eio.max_http_buffer_size = max_socket_bytes()
        pages = presence.Presence()
        presence.watch(self.sio, self.namespace, pages)
        session_binding.bind(self.sio, self.namespace, session_binding.Tokens(), self.user_message_evt,
                             persistence=self.session_persistence, on_joined=pages.joined)
        self._limit_rate()  # outermost: a flood is refused before anything else is done
        return webhook

    def _limit_rate(self) -> None:
        """Wraps Rasa's `user_uttered` handler (rasa 3.6 SocketIOInput.blueprint) with the rate limit."""
        sio, namespace = self.sio, self.namespace
        handlers = sio.handlers.get(namespace or "/", {})
        rasa_handler = handlers.get(self.user_message_evt)
        limiter = rate_limit.RateLimiter()
        bot_event = self.bot_message_evt

        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            request = (sio.get_environ(sid, namespace=namespace) or {}).get("sanic.request")
            session_id = data.get("session_id") if isinstance(data.get("session_id"), str) else sid
            address = client_address(request)
            wait = limiter.check(session_id, address)
            if wait > 0:
                text = data.get("message") if isinstance(data.get("message"), str) else ""
                await sio.emit(bot_event, {"text": limiter.refusal(session_id, address, text, wait)}, room=sid)
                return
            await rasa_handler(sid, data)

        if rasa_handler is not None:
            sio.on(self.user_message_evt, handle_message, namespace=namespace)
