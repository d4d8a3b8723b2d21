"""OAuth client credentials and Bearer tokens, as the Case Status API's gateway does them.

`POST /oauth/accesstoken` takes `client_id` and `client_secret` in the form body
(or, as OAuth allows, in a Basic header) and hands out a random token that
expires after the service's token lifetime.
"""
from __future__ import annotations

import base64
import secrets
import threading
import time
from typing import Dict, Mapping, Optional, Tuple


def form_credentials(form: Mapping[str, str], authorization: str) -> Tuple[Optional[str], Optional[str]]:
    """(client id, secret) from the form, else from a Basic `Authorization` header."""
    client_id, secret = form.get("client_id"), form.get("client_secret")
    if authorization.lower().startswith("basic ") and not client_id:
        try:
            client_id, _, secret = base64.b64decode(authorization[6:]).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            client_id = secret = None
    return client_id, secret


def client_is_known(clients: Mapping[str, str], client_id: Optional[str], secret: Optional[str]) -> bool:
    """True when the client exists and the secret is its own (compared in constant time)."""
    if not client_id or clients.get(client_id) is None:
        return False
    return secrets.compare_digest(clients[client_id], secret or "")


def bearer_token(authorization: str) -> str:
    """The token of a `Bearer <token>` header, or ""."""
    return authorization[7:].strip() if authorization.lower().startswith("bearer ") else ""


class Tokens:
    """Issued tokens and the client each belongs to, until they expire or are revoked.

    Thread-safe: tests revoke tokens from their own thread while the server runs.
    """

    def __init__(self, ttl_seconds: float) -> None:
        self.ttl_seconds = float(ttl_seconds)
        self._tokens: Dict[str, Tuple[str, float]] = {}  # token -> (client id, expiry on time.monotonic())
        self._lock = threading.Lock()

    def issue(self, client_id: str) -> Tuple[str, float]:
        """A new random token for `client_id` and its expiry (time.monotonic())."""
        token = secrets.token_urlsafe(24)
        expiry = time.monotonic() + self.ttl_seconds
        with self._lock:
            now = time.monotonic()
            # Forget expired tokens so a long-running demo does not grow.
            for old in [t for t, (_, exp) in self._tokens.items() if exp <= now]:
                del self._tokens[old]
            self._tokens[token] = (client_id, expiry)
        return token, expiry

    def client_for(self, token: str) -> Optional[str]:
        """The client a live token belongs to, or None (unknown or expired)."""
        with self._lock:
            entry = self._tokens.get(token)
            if entry is None:
                return None
            client_id, expiry = entry
            if time.monotonic() >= expiry:
                del self._tokens[token]
                return None
            return client_id

    def revoke_all(self) -> int:
        """Invalidate every issued token (as if they expired); returns how many."""
        with self._lock:
            count = len(self._tokens)
            self._tokens.clear()
            return count
