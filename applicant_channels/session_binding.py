"""A conversation can be resumed only by the browser (or client) that started it.

On the REST channel, the same token travels in a header: a message without a `sender`
starts a new conversation, whose id and token come back in the `X-Conversation-Id` and
`X-Conversation-Token` response headers; a message with a `sender` must carry that
conversation's `X-Conversation-Token`, or it is refused (403, in the message's
language) before it reaches the model. Tools on the assistant's own machine (tests,
benchmarks, the terminal chat) hold APPLICANT_SESSION_KEY and make their own tokens.

On the socket channel:

Rasa's socket channel (3.6, `session_persistence: true`) joins whatever `session_id`
the page sends, and takes `session_id` in each message as the conversation: anyone who
learns an id could read on and write into that conversation. Here the server, not the
page, gives out conversation ids, each with a token (an HMAC of the id under
APPLICANT_SESSION_KEY) that only the browser it was given to holds:

- `session_request` with an id and its valid token resumes that conversation; with
  anything else (no id, an id alone, a wrong token) it starts a new one, with a new id.
  The page receives `session_token` {session_id, session_token} before Rasa's
  `session_confirm`.
- a message is accepted only for the conversation its connection was confirmed for.

This handler replaces Rasa's `session_request` (rasa 3.6.21 SocketIOInput.blueprint)
rather than wrapping it: Rasa calls `sio.enter_room` without awaiting it, and since
python-socketio 5.10 that is a coroutine, so Rasa's own handler would never join the
room and every bot reply (sent to the room) would be lost.

A conversation idle for longer than the domain's `session_expiration_time` starts a new
Rasa session that carries nothing personal over (actions/session.py); the page forgets
its transcript after the same idle time (web/public/js/widget.js).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import logging
import secrets
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

from contact_center import settings

log = logging.getLogger(__name__)
KEY_ENV = "APPLICANT_SESSION_KEY"
ID_HEADER = "X-Conversation-Id"
TOKEN_HEADER = "X-Conversation-Token"
REFUSED_TEXT = {
    "en": "This conversation can only be continued from the window where it was started. "
          "Please start a new conversation.",
    "es": "Esta conversación solo se puede continuar desde la ventana donde se inició. "
          "Por favor, inicie una conversación nueva.",
}


class Tokens:
    def __init__(self, key: Optional[str] = None) -> None:
        key = key or settings.text(KEY_ENV)
        if not key:
            # Without a configured key, tokens survive only as long as this process
            # (make run and the production settings always set one).
            log.warning("%s is not set: conversations cannot be resumed after a restart", KEY_ENV)
            key = secrets.token_urlsafe(32)
        self._key = key.encode("utf-8")

    def issue(self, session_id: str) -> str:
        digest = hmac.new(self._key, session_id.encode("utf-8"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def valid(self, session_id: Any, token: Any) -> bool:
        if not isinstance(session_id, str) or not isinstance(token, str) or not session_id or len(session_id) > 64:
            return False
        return hmac.compare_digest(self.issue(session_id), token)


def new_conversation_id() -> str:
    return uuid.uuid4().hex


def headers_for(session_id: str, key: Optional[str] = None) -> Dict[str, str]:
    """The REST header a trusted local tool (holding the key) sends for its own conversation."""
    return {TOKEN_HEADER: Tokens(key).issue(session_id)}


def bind(sio: Any, namespace: Optional[str], tokens: Tokens, message_event: str = "user_uttered",
         persistence: bool = True, on_joined: Optional[Callable[[str, str], Awaitable[None]]] = None) -> None:
    """Own the socket server's `session_request`; wrap its message and `disconnect` handlers."""
    handlers = sio.handlers.get(namespace or "/", {})
    next_user_uttered = handlers.get(message_event)
    next_disconnect = handlers.get("disconnect")
    confirmed: Dict[str, str] = {}

    async def session_request(sid: str, data: Any = None) -> None:
        data = data if isinstance(data, dict) else {}
        session_id = data.get("session_id")
        if not tokens.valid(session_id, data.get("session_token")):
            session_id = new_conversation_id()  # a new conversation, whatever id was offered
        confirmed[sid] = session_id
        await sio.emit("session_token", {"session_id": session_id, "session_token": tokens.issue(session_id)},
                       room=sid, namespace=namespace)
        if persistence:
            joined = sio.enter_room(sid, session_id, namespace=namespace)
            if inspect.isawaitable(joined):  # a coroutine from python-socketio 5.10 on
                await joined
        await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)
        if on_joined is not None:
            await on_joined(sid, session_id)

    async def user_uttered(sid: str, data: Any = None) -> None:
        data = data if isinstance(data, dict) else {}
        if confirmed.get(sid) is None or data.get("session_id") != confirmed[sid]:
            log.warning("a message for a conversation this connection was not confirmed for was dropped")
            return
        if next_user_uttered is not None:
            await next_user_uttered(sid, data)

    async def disconnect(sid: str, *args: Any) -> None:
        confirmed.pop(sid, None)
        if next_disconnect is not None:
            await next_disconnect(sid)

    sio.on("session_request", session_request, namespace=namespace)
    sio.on(message_event, user_uttered, namespace=namespace)
    sio.on("disconnect", disconnect, namespace=namespace)
