"""A conversation on the socket channel can be resumed only by the browser that started it.

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

A conversation idle for longer than the domain's `session_expiration_time` starts a new
Rasa session that carries nothing personal over (actions/session.py); the page forgets
its transcript after the same idle time (web/public/js/widget.js).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import uuid
from typing import Any, Dict, Optional

log = logging.getLogger(__name__)
KEY_ENV = "APPLICANT_SESSION_KEY"


class Tokens:
    def __init__(self, key: Optional[str] = None) -> None:
        key = key or os.environ.get(KEY_ENV)
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


def bind(sio: Any, namespace: Optional[str], tokens: Tokens, message_event: str = "user_uttered") -> None:
    """Wrap the socket server's `session_request`, message and `disconnect` handlers."""
    handlers = sio.handlers.get(namespace or "/", {})
    next_session_request = handlers.get("session_request")
    next_user_uttered = handlers.get(message_event)
    next_disconnect = handlers.get("disconnect")
    confirmed: Dict[str, str] = {}

    async def session_request(sid: str, data: Any = None) -> None:
        data = data if isinstance(data, dict) else {}
        session_id = data.get("session_id")
        if not tokens.valid(session_id, data.get("session_token")):
            session_id = uuid.uuid4().hex  # a new conversation, whatever id was offered
        confirmed[sid] = session_id
        await sio.emit("session_token", {"session_id": session_id, "session_token": tokens.issue(session_id)},
                       room=sid, namespace=namespace)
        if next_session_request is not None:
            await next_session_request(sid, {"session_id": session_id})

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
