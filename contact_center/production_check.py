"""Refuse to start in production with a setting that is missing, a demo value or a default.

With `CONTACT_CENTER_ENV=production` (deploy/production.env.example), the Rasa server
(scripts/rasa_server.py), the action server (actions/server.py) and the chat page and
desk server (web/serve.py) check their settings
before anything else and stop, naming every wrong setting and why, rather than run with
a guessable secret, a database superuser, RabbitMQ's guest account, or the local Case
Status service's demo client id against the real API.
"""
from __future__ import annotations

from typing import List, Mapping, Optional
from urllib.parse import urlparse

from contact_center import settings
from contact_center.case_status.client import LOCAL_DEMO_CLIENT_ID, LOCAL_DEMO_CLIENT_SECRET
from contact_center.mailer import is_loopback

ENVIRONMENT = "CONTACT_CENTER_ENV"
MIN_SECRET_CHARS = 24
KNOWN_DEFAULTS = frozenset({"", "changeme", "change-me", "secret", "password", "token", "guest", "admin", "test", "default"})
SUPERUSERS = frozenset({"postgres", "root", "admin", "rasa"})
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# libpq modes that check the server's certificate; the others may talk in clear.
VERIFYING_SSLMODES = frozenset({"verify-ca", "verify-full"})


def in_production(env: Mapping[str, str]) -> bool:
    return _set(env, ENVIRONMENT).strip().lower() == "production"


def _set(env: Mapping[str, str], name: str) -> str:
    """What `env` sets `name` to ("" when unset): the check looks at what is set, not at defaults."""
    return settings.raw(name, env) or ""


def _secret(env: Mapping[str, str], name: str, problems: List[str]) -> None:
    value = _set(env, name)
    if not value:
        problems.append(f"{name} is not set")
    elif value.strip().lower() in KNOWN_DEFAULTS or len(value) < MIN_SECRET_CHARS:
        problems.append(f"{name} is a default or shorter than {MIN_SECRET_CHARS} characters")


def problems(env: Mapping[str, str], role: str) -> List[str]:
    """Every production setting that is wrong for `role` ("rasa", "actions" or "desk")."""
    found: List[str] = []
    if role == "desk":
        return _desk_problems(env)
    _secret(env, "ACTION_SERVER_TOKEN", found)
    if role == "rasa":
        _secret(env, "RASA_API_TOKEN", found)
        _secret(env, "APPLICANT_SESSION_KEY", found)
        if _set(env, "DB_USER") in SUPERUSERS:
            found.append(f"DB_USER {settings.raw('DB_USER', env)!r} is a superuser: use a role with only the assistant's tables")
        if not _set(env, "DB_PASSWORD"):
            found.append("DB_PASSWORD is not set")
        if settings.text("RABBITMQ_USER", env) == "guest" or _set(env, "RABBITMQ_PASSWORD") in KNOWN_DEFAULTS:
            found.append("RABBITMQ_USER/RABBITMQ_PASSWORD are RabbitMQ's guest account or a default")
        _tls_off_machine(env, found)
    if role == "actions":
        url = urlparse(_set(env, "CONTACT_CENTER_DB_URL"))
        if not url.scheme or url.scheme.startswith("sqlite"):
            found.append("CONTACT_CENTER_DB_URL is not set to the production database")
        elif (url.username or "") in SUPERUSERS or not url.password:
            found.append("CONTACT_CENTER_DB_URL uses a superuser or no password")
        elif not is_loopback(url.hostname or "") and not any(
                f"sslmode={mode}" in url.query for mode in VERIFYING_SSLMODES):
            found.append("CONTACT_CENTER_DB_URL reaches another machine without ?sslmode=verify-full (or verify-ca)")
        base = _set(env, "CASE_STATUS_BASE_URL")
        if not base:
            found.append("CASE_STATUS_BASE_URL is not set (the local service is for development)")
        elif (urlparse(base).hostname or "") not in LOCAL_HOSTS:
            client_id, client_secret = _set(env, "CASE_STATUS_CLIENT_ID"), _set(env, "CASE_STATUS_CLIENT_SECRET")
            if not client_id or client_id == LOCAL_DEMO_CLIENT_ID:
                found.append("CASE_STATUS_CLIENT_ID is empty or the local demo id, with a real Case Status URL")
            if not client_secret or client_secret == LOCAL_DEMO_CLIENT_SECRET:
                found.append("CASE_STATUS_CLIENT_SECRET is empty or the local demo secret, with a real Case Status URL")
    return found


def _tls_off_machine(env: Mapping[str, str], found: List[str]) -> None:
    """The tracker store and the event broker on another machine are reached over TLS only."""
    if not is_loopback(settings.text("DB_HOST", env)) and _set(env, "DB_SSLMODE") not in VERIFYING_SSLMODES:
        found.append("DB_SSLMODE must be verify-full (or verify-ca) for a database on another machine")
    if not is_loopback(settings.text("RABBITMQ_HOST", env)) and not (
            _set(env, "RABBITMQ_SSL_CLIENT_CERTIFICATE") and _set(env, "RABBITMQ_SSL_CLIENT_KEY")):
        found.append("RABBITMQ_SSL_CLIENT_CERTIFICATE and RABBITMQ_SSL_CLIENT_KEY must be set "
                     "for RabbitMQ on another machine (TLS)")


def _desk_problems(env: Mapping[str, str]) -> List[str]:
    """The chat page and desk server (web/serve.py): staff sessions and the C4 e-mail."""
    found: List[str] = []
    _secret(env, "RASA_API_TOKEN", found)
    url = urlparse(_set(env, "CONTACT_CENTER_DB_URL"))
    if not url.scheme or url.scheme.startswith("sqlite"):
        found.append("CONTACT_CENTER_DB_URL is not set to the production database")
    if _set(env, "DESK_COOKIE_SECURE").strip().lower() not in settings.TRUE_WORDS:
        found.append("DESK_COOKIE_SECURE is not true: the desk's session cookie must only travel over HTTPS")
    host = _set(env, "SMTP_HOST")
    if not host:
        found.append("SMTP_HOST is not set (the C4 e-mail needs the contact center's mail server)")
    elif not is_loopback(host) and _set(env, "SMTP_STARTTLS").strip().lower() not in settings.TRUE_WORDS:
        found.append("SMTP_STARTTLS is not true for a mail server that is not on this machine")
    return found


def refuse_if_unsafe(role: str, env: Optional[Mapping[str, str]] = None) -> None:
    """Stop the process (exit status 2) in production when a setting is wrong."""
    env = settings.environment(env)
    if not in_production(env):
        return
    found = problems(env, role)
    if found:
        raise SystemExit("refusing to start in production:\n" + "\n".join(f"- {p}" for p in found))
