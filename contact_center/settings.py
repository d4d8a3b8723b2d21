"""Every setting read from the environment, with its default and meaning, in one place.

`REGISTRY` names each environment variable the project reads or sets: its default,
what it means (one line), which part reads it and whether production requires it.
It also lists, as documentation, the variables that only the shell scripts, the
Makefile, the endpoint files (Rasa expands `${VAR}` there), HAProxy, the libraries
(Rasa, Sanic, TensorFlow, SQLAlchemy, libpq) or the tests read.

Python code reads a setting through the accessors here, never `os.environ` itself:

    settings.text("TRACKER_DB_URL")           # the value, or the registry's default
    settings.integer("TRACKER_CACHE_SIZE")    # int(...) of it: the type is the registry's
    settings.number("RASA_ADMIN_GATE_MARGIN")
    settings.flag("DESK_COOKIE_SECURE")       # "1", "true" or "yes" (any case) is true
    settings.raw("SMTP_HOST", env)            # exactly what is set, None when unset
    settings.default("SMTP_PORT")             # the default alone, typed (5025)
    settings.set_default("TF_CPP_MIN_LOG_LEVEL")  # for a library: os.environ.setdefault(name, default)

Each call reads the environment (or the `env` mapping it is given) at that moment:
nothing is kept from import time, so a test can set a variable for one test. An
empty value is a value (for a number, a `ValueError`), except for the settings
marked `empty_is_unset`, where an empty value means the default.

`python -m contact_center.settings --markdown` prints the table README.md's
"Settings" section holds (tests/contact_center/test_settings.py keeps them equal);
`--update-readme` rewrites that section. Plain Python, no Rasa import.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

KINDS = ("text", "integer", "number", "flag")
TRUE_WORDS = ("1", "true", "yes")
README_HEADING = "## Settings"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Optional[str]  # as it would be written in the environment; None: no default
    meaning: str  # one line
    read_by: Tuple[str, ...]  # files (and libraries or tools) that read it
    group: str
    kind: str = "text"
    production: str = ""  # "" when production does not need it set; otherwise when and how
    empty_is_unset: bool = False  # an empty value means the default
    unset: str = ""  # what happens when it is unset and has no default (documentation)
    reads_itself: Tuple[str, ...] = ()  # files that still read os.environ for it themselves

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {KINDS}")


_SETTINGS: List[Setting] = []


def _group(title: str, *rows: Tuple[Any, ...]) -> None:
    for name, default, meaning, read_by, *options in rows:
        extra: Dict[str, Any] = options[0] if options else {}
        _SETTINGS.append(Setting(name, default, meaning, tuple(read_by), title, **extra))


LOCAL_RUN = "launcher/local.py"
PROD_ENDPOINTS = "deploy/endpoints.production.yml (Rasa)"
CHECK = "contact_center/production_check.py"
HAPROXY = "deploy/haproxy.cfg (HAProxy)"

_group(
    "Running it (make run)",
    ("ENDPOINTS", "endpoints.yml", "The endpoints file Rasa runs with; deploy/endpoints.production.yml in production.",
     ["Makefile", LOCAL_RUN], {"production": "`deploy/endpoints.production.yml`"}),
    ("RASA_PORT", "5005", "Port of the Rasa server (REST and socket channels, HTTP API).",
     ["Makefile", LOCAL_RUN, "admin/server.py"], {"kind": "integer"}),
    ("ACTIONS_PORT", "5055", "Port `make run` starts the action server on.", ["Makefile", LOCAL_RUN],
     {"kind": "integer"}),
    ("CASE_STATUS_PORT", "5056", "Port of the local Case Status service `make run` starts when CASE_STATUS_BASE_URL is unset.",
     [LOCAL_RUN], {"kind": "integer"}),
    ("WEB_PORT", "5080", "Port of the chat page and desk server (web/serve.py).", [LOCAL_RUN], {"kind": "integer"}),
    ("MAIL_PORT", "5025", "Port of the local SMTP server `make run` starts when SMTP_HOST is unset.", [LOCAL_RUN],
     {"kind": "integer"}),
    ("PYTHON", None, "The Python 3.10 interpreter to build .venv with.", ["scripts/find_python.sh"],
     {"unset": "python3.10 on PATH, then pyenv's"}),
    ("PYTHONPATH", None, "Set to the repository's root by the Makefile, so every module imports.", ["Makefile", "Python"],
     {"unset": "the repository's root (Makefile)"}),
    ("SHARED", "../shared", "Folder of the external data sets the NLU and crisis benchmarks read.", ["Makefile"]),
)

_group(
    "Applicants' channels and the Rasa server",
    ("APPLICANT_SESSION_KEY", None,
     "Key signing the token that binds a conversation to the browser or client that started it (24+ characters).",
     ["applicant_channels/session_binding.py", LOCAL_RUN, CHECK],
     {"production": "required", "unset": "`var/session-key` (make run); else random per process"}),
    ("APPLICANT_MESSAGE_MAX_CHARS", "2000", "A longer message is answered \"too long\" in its language, unread by the model.",
     ["applicant_channels/bounded.py", "web/serve.py"], {"kind": "integer"}),
    ("APPLICANT_SOCKET_MAX_BYTES", "65536", "Largest socket.io message (bytes) the socket channel accepts.",
     ["applicant_channels/bounded.py"], {"kind": "integer"}),
    ("APPLICANT_RATE_CONVERSATION", "10/30", "Messages per conversation: a burst of N, refilled at N per S seconds (N/S).",
     ["applicant_channels/rate_limit.py"]),
    ("APPLICANT_RATE_ADDRESS", "20/20", "Messages per client address, as N/S (an office may share one address).",
     ["applicant_channels/rate_limit.py"]),
    ("SANIC_REQUEST_MAX_SIZE", "65536", "Largest request body (bytes) Rasa's server takes, larger is answered 413 (Sanic alone: 100 MB).",
     ["Sanic (library)", LOCAL_RUN, "launcher/scratch.py"], {"kind": "integer"}),
    ("SANIC_PROXIES_COUNT", None, "Proxies whose X-Forwarded-For Rasa's server trusts (1 behind deploy/haproxy.cfg).",
     ["Sanic (library)"], {"kind": "integer", "production": "`1` behind the front door", "unset": "none trusted"}),
    ("RASA_API_TOKEN", None, "Token of Rasa's HTTP API (24+ characters); never on a command line.",
     ["scripts/rasa_server.py", "admin/server.py", "desk/rasa_api.py", LOCAL_RUN, CHECK],
     {"production": "required", "unset": "`var/api-token` (make run, admin, desk)"}),
    ("TRACKER_CACHE_SIZE", "200", "Conversations whose tracker each Rasa process keeps in memory (read at start).",
     ["rasa_extensions/sql_tracker_store.py"], {"kind": "integer"}),
    ("ACTION_SERVER_HISTORY_TURNS", "10",
     "A custom action is sent the events of the applicant's last N messages (0: every event; read at start).",
     ["rasa_extensions/action_server_payload.py"], {"kind": "integer"}),
)

_group(
    "Action server",
    ("ACTION_SERVER_TOKEN", None, "Shared secret Rasa sends (X-Action-Token) and the action server checks.",
     ["actions/server.py", "endpoints.yml (Rasa)", PROD_ENDPOINTS, LOCAL_RUN, CHECK],
     {"production": "required", "unset": "`var/action-token` (make run); the action server refuses to start"}),
    ("ACTION_SERVER_URL", None, "Where Rasa calls the action server (its /webhook).", [PROD_ENDPOINTS, "launcher/scratch.py"],
     {"production": "required", "unset": "`http://127.0.0.1:5055/webhook` in endpoints.yml"}),
    # Empty is the default: an empty host would make Sanic listen on every interface.
    ("ACTION_SERVER_HOST", "127.0.0.1", "Address the action server listens on.", ["actions/server.py"],
     {"empty_is_unset": True}),
    ("ACTION_SERVER_PORT", "5055", "Port the action server listens on.", ["actions/server.py"], {"kind": "integer"}),
    ("ACTION_SERVER_REQUEST_MAX_SIZE", "67108864",
     "Largest request (bytes) the action server takes: Rasa sends it the whole tracker (64 MiB).",
     ["actions/server.py"], {"kind": "integer"}),
    ("CONTACT_CENTER_NOW", None, "A fixed moment (ISO 8601 with its offset) the assistant takes as now, for tests and demos.",
     ["contact_center/clock.py"], {"unset": "the real time"}),
    ("CONTACT_CENTER_CLOCK_FILE", None, "A file holding such a moment, read on every call (moves a running server's clock).",
     ["contact_center/clock.py", "launcher/scratch.py"], {"unset": "the real time"}),
)

_group(
    "Case Status API",
    ("CASE_STATUS_BASE_URL", "http://127.0.0.1:5056", "The Case Status API; by default the local demo service.",
     ["contact_center/case_status/client.py", LOCAL_RUN, CHECK],
     {"production": "required (the real API)", "empty_is_unset": True}),
    ("CASE_STATUS_CLIENT_ID", None, "OAuth client id for the Case Status API.",
     ["contact_center/case_status/client.py", CHECK],
     {"production": "required with a real URL", "unset": "the local service's demo id (local URL only)"}),
    ("CASE_STATUS_CLIENT_SECRET", None, "OAuth client secret for the Case Status API.",
     ["contact_center/case_status/client.py", CHECK],
     {"production": "required with a real URL", "unset": "the local service's demo secret (local URL only)"}),
    ("CASE_STATUS_REQUESTS_PER_SECOND", None, "The API's spike arrest the client paces itself to (sandbox 5, production 10; 0: no pacing).",
     ["contact_center/case_status/client.py"],
     {"kind": "number", "unset": "`requests_per_second` of contact_center/case_status/config.yml (5)"}),
    ("CASE_STATUS_LOCAL_FAIL", "", "Makes the local Case Status service fail (503, 429, 500, slow, 401, bad_json) for tests.",
     ["services/case_status_local"],
     {"reads_itself": ("services/case_status_local/state.py",)}),
    ("CASE_STATUS_LOCAL_ADMIN", "", "`1`, `true` or `yes`: the local Case Status service's admin switch is on (tests).",
     ["services/case_status_local"], {"kind": "flag", "reads_itself": ("services/case_status_local/__main__.py",)}),
)

_group(
    "The contact center's store and retention",
    ("CONTACT_CENTER_DB_URL", "sqlite:///var/contact_center.db",
     "Database of the contact center's own records (requests, callbacks, queue, decisions, desk accounts).",
     ["migrations/env.py", "contact_center/storage", CHECK],
     {"production": "required (PostgreSQL, least-privilege role)", "empty_is_unset": True,
      "reads_itself": ("contact_center/storage/store.py",)}),
    ("RETENTION_DAYS", "365", "Age (days) past which `make retention` removes conversations and records.",
     ["contact_center/retention.py"], {"kind": "integer"}),
    ("TRACKER_DB_URL", "sqlite:///var/tracker.db", "Rasa's SQL tracker store, for `make retention`.",
     ["contact_center/retention.py"]),
)

_group(
    "Representatives' desk and e-mail",
    ("WEB_PROXIES_COUNT", "0", "Proxies whose X-Forwarded-For the page and desk server trusts (1 behind deploy/haproxy.cfg).",
     ["desk/app.py"], {"kind": "integer", "production": "`1` behind the front door", "empty_is_unset": True}),
    ("DESK_SESSION_IDLE_MINUTES", "30", "A representative's session ends after this many idle minutes.",
     ["desk/app.py"], {"kind": "integer"}),
    ("DESK_COOKIE_SECURE", "false", "`true`: the desk's session cookie travels over HTTPS only.",
     ["desk/app.py", CHECK], {"kind": "flag", "production": "required: `true`"}),
    ("SMTP_HOST", "127.0.0.1", "Mail server for the C4 e-mail; unset, `make run` starts a local one keeping mail in var/mail/.",
     ["contact_center/mailer.py", LOCAL_RUN, CHECK], {"production": "required", "empty_is_unset": True}),
    ("SMTP_PORT", "5025", "Its port (5025: the local server).", ["contact_center/mailer.py", LOCAL_RUN],
     {"kind": "integer", "empty_is_unset": True}),
    ("SMTP_STARTTLS", "false", "`true`: upgrade to TLS, verifying the server's certificate (never a plain fallback).",
     ["contact_center/mailer.py", CHECK],
     {"kind": "flag", "production": "required off this machine: `true`", "empty_is_unset": True}),
    ("SMTP_USERNAME", None, "Log in to the mail server (with SMTP_PASSWORD; both or neither).", ["contact_center/mailer.py"],
     {"unset": "no login", "empty_is_unset": True}),
    ("SMTP_PASSWORD", None, "Its password (not stripped of spaces).", ["contact_center/mailer.py"],
     {"unset": "no login", "empty_is_unset": True}),
    ("MAIL_FROM", "USCIS Contact Center <no-reply@contact-center.localhost>", "The From of the C4 e-mail: one address.",
     ["contact_center/mailer.py"], {"empty_is_unset": True}),
    ("SMTP_TIMEOUT_SECONDS", "10", "Bound on every SMTP connect, read and write.", ["contact_center/mailer.py"],
     {"kind": "number", "empty_is_unset": True}),
)

_group(
    "Production (deploy/production.env.example)",
    ("CONTACT_CENTER_ENV", None, "`production`: the servers refuse to start with a missing, default or demo setting.",
     [CHECK, "desk/__main__.py"], {"production": "required: `production`", "unset": "development"}),
    ("DB_HOST", "127.0.0.1", "PostgreSQL host of Rasa's tracker store (the check takes unset as this machine).",
     [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("DB_PORT", None, "Its port (5432).", [PROD_ENDPOINTS], {"kind": "integer", "production": "required"}),
    ("DB_USER", None, "Its role: least privilege, not a superuser.", [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("DB_PASSWORD", None, "That role's password.", [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("DB_NAME", None, "The tracker store's database (rasa_tracker).", [PROD_ENDPOINTS], {"production": "required"}),
    ("DB_SSLMODE", None, "libpq's TLS mode for the tracker store: verify-full (or verify-ca) off this machine.",
     [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("PGSSLROOTCERT", None, "The CA file libpq checks PostgreSQL's certificate against.", ["libpq (library)"],
     {"production": "with DB_SSLMODE verify-*", "unset": "libpq's `~/.postgresql/root.crt`"}),
    ("POSTGRESQL_SCHEMA", None, "Schema of Rasa's tracker store in PostgreSQL.", ["Rasa (library)", "admin/trackers.py"],
     {"unset": "the default schema"}),
    ("REDIS_HOST", None, "Redis host of Rasa's lock store (keep it on a private network: no TLS setting).",
     [PROD_ENDPOINTS], {"production": "required"}),
    ("REDIS_PORT", None, "Its port (6379).", [PROD_ENDPOINTS], {"kind": "integer", "production": "required"}),
    ("RABBITMQ_HOST", "127.0.0.1", "RabbitMQ host of Rasa's event broker (the check takes unset as this machine).",
     [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("RABBITMQ_USER", "guest", "Its user (the check takes unset as RabbitMQ's guest account).", [PROD_ENDPOINTS, CHECK],
     {"production": "required (not guest)"}),
    ("RABBITMQ_PASSWORD", None, "That user's password.", [PROD_ENDPOINTS, CHECK], {"production": "required"}),
    ("RABBITMQ_SSL_CLIENT_CERTIFICATE", None, "Client certificate for TLS to RabbitMQ (port 5671).", ["Rasa (library)", CHECK],
     {"production": "required off this machine"}),
    ("RABBITMQ_SSL_CLIENT_KEY", None, "Its private key.", ["Rasa (library)", CHECK], {"production": "required off this machine"}),
)

_group(
    "Front door (deploy/haproxy.cfg)",
    ("PROXY_TLS_CERT", None, "PEM file with the certificate chain and its key; without it HAProxy refuses to start.",
     [HAPROXY], {"production": "required"}),
    ("PROXY_HTTPS_BIND", ":443", "Where HAProxy listens for HTTPS.", [HAPROXY]),
    ("PROXY_HTTP_BIND", ":80", "Where HAProxy listens for HTTP (redirected to HTTPS).", [HAPROXY]),
    ("PROXY_RASA_ADDR", "127.0.0.1:5005", "Rasa's server behind the front door.", [HAPROXY]),
    ("PROXY_PAGE_ADDR", "127.0.0.1:5080", "The chat page and desk server behind the front door.", [HAPROXY]),
    ("PROXY_DESK_NETWORKS", "127.0.0.0/8 ::1 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16",
     "Source addresses allowed to reach /desk/ (empty: none).", [HAPROXY]),
    ("PROXY_TEST_MODE", None, "Tests only: no chroot, logs to stderr, plain HTTP without PROXY_TLS_CERT.",
     [HAPROXY, "tests/deploy/test_reverse_proxy.py"], {"unset": "off"}),
)

_group(
    "Admin retraining and tools",
    ("RASA_URL", None, "The running Rasa server the admin commands talk to.", ["admin/server.py"],
     {"unset": "`http://localhost:$RASA_PORT`", "empty_is_unset": True}),
    ("RASA_ADMIN_STATE_DIR", None, "Where the admin tool keeps its records.", ["admin/project.py"],
     {"unset": "`var/admin` in the project", "empty_is_unset": True}),
    ("RASA_ADMIN_GATE_MARGIN", "0.01", "Largest drop in a language's macro-F1 the gate lets a candidate model through with.",
     ["admin/gate.py"], {"kind": "number", "empty_is_unset": True}),
    ("RASA_CACHE_DIRECTORY", None, "Rasa's training cache; `admin train` points it at the project's for its run.",
     ["Rasa (library)", "admin/training.py"], {"unset": "`.rasa/cache` in the project", "empty_is_unset": True}),
    ("ADVISORY_DB", None, "Local OSV export folder(s), separated by `:`, that `make audit` reads instead of the OSV API.",
     ["scripts/audit_dependencies.py"], {"unset": "the OSV API"}),
)

_group(
    "Libraries' own",
    ("RASA_TELEMETRY_ENABLED", "false", "Rasa's telemetry; the Makefile, admin and benchmarks set it to false.",
     ["Rasa (library)", "Makefile", "admin/cli.py", "admin/training.py", "benchmarks"]),
    ("TF_CPP_MIN_LOG_LEVEL", "2", "TensorFlow's C++ log level (2: errors only).",
     ["TensorFlow (library)", "Makefile", "admin/cli.py", "benchmarks"]),
    ("SQLALCHEMY_SILENCE_UBER_WARNING", "1", "Silences SQLAlchemy 1.4's 2.0-migration warning.",
     ["SQLAlchemy (library)", "Makefile", "admin/cli.py", "benchmarks"]),
    ("LOG_LEVEL", None, "Rasa's log level; `python -m admin` sets it from -v/-q (WARNING also hides progress bars).",
     ["Rasa (library)", "admin/cli.py"], {"unset": "INFO (Rasa)"}),
    ("LOG_LEVEL_LIBRARIES", None, "Log level of the libraries under Rasa; `python -m admin` sets it.",
     ["Rasa (library)", "admin/cli.py"], {"unset": "ERROR (Rasa)"}),
)

_group(
    "Tests",
    ("ASSISTANT_MODEL", "models/current.tar.gz", "The trained model the stack tests run.", ["launcher/scratch.py"]),
    ("CONTACT_CENTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test",
     "PostgreSQL the storage and tracker store tests use (skipped when unreachable).",
     ["tests/contact_center/storage/test_storage.py", "tests/rasa_extensions/test_sql_tracker_store.py"]),
    ("ADMIN_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432", "PostgreSQL server the admin workflow tests use.",
     ["tests/admin/conftest.py"]),
    ("ADMIN_TEST_ECHO", None, "Set: the admin workflow tests print what an admin would see.", ["tests/admin/test_workflow.py"],
     {"unset": "quiet"}),
    ("CHROMIUM", None, "The Chromium the browser tests drive.", ["tests/browser/conftest.py"],
     {"unset": "`chromium` on PATH, then /usr/bin/chromium"}),
)

REGISTRY: Dict[str, Setting] = {}
for _setting in _SETTINGS:
    if _setting.name in REGISTRY:
        raise ValueError(f"{_setting.name} is registered twice")
    REGISTRY[_setting.name] = _setting
del _setting


# ----------------------------------------------------------------- reading


def get(name: str) -> Setting:
    """The registry's entry for `name`; a KeyError names an unregistered setting."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"{name} is not a registered setting: add it to contact_center/settings.py") from None


def environment(env: Optional[Mapping[str, str]] = None) -> Mapping[str, str]:
    """`env`, or the process environment as it is now."""
    return os.environ if env is None else env


def raw(name: str, env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """Exactly what is set (an empty value too), or None when unset; no default."""
    get(name)
    return environment(env).get(name)


def text(name: str, env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The value as set, or the default when unset (or empty, for `empty_is_unset` settings)."""
    setting = get(name)
    value = environment(env).get(name)
    if value is None or (value == "" and setting.empty_is_unset):
        return setting.default
    return value


def _typed(name: str, kind: str) -> Setting:
    setting = get(name)
    if setting.kind != kind:
        raise TypeError(f"{name} is registered as {setting.kind}, not {kind}")
    return setting


def _present(name: str, value: Optional[str]) -> str:
    if value is None:
        raise ValueError(f"{name} is not set and has no default")
    return value


def integer(name: str, env: Optional[Mapping[str, str]] = None) -> int:
    """int() of the value or the default; a ValueError as int() raises it."""
    _typed(name, "integer")
    return int(_present(name, text(name, env)))


def number(name: str, env: Optional[Mapping[str, str]] = None) -> float:
    """float() of the value or the default; a ValueError as float() raises it."""
    _typed(name, "number")
    return float(_present(name, text(name, env)))


def flag(name: str, env: Optional[Mapping[str, str]] = None) -> bool:
    """True for "1", "true" or "yes" in any case; anything else is false."""
    _typed(name, "flag")
    return (text(name, env) or "").lower() in TRUE_WORDS


def set_default(name: str) -> None:
    """Put the registry's default in this process's environment, unless the variable is set:
    for a library (Rasa, TensorFlow, SQLAlchemy) that reads it itself."""
    setting = get(name)
    if setting.default is None:
        raise ValueError(f"{name} has no default to set")
    os.environ.setdefault(name, setting.default)


_PARSERS = {"text": str, "integer": int, "number": float, "flag": lambda value: value.lower() in TRUE_WORDS}


def default(name: str) -> Any:
    """The registry's default, of the setting's type (None when it has none)."""
    setting = get(name)
    return None if setting.default is None else _PARSERS[setting.kind](setting.default)


# ----------------------------------------------------------------- documentation


def _code(value: str) -> str:
    return f"`{value}`" if value else "(empty)"


def _default_cell(setting: Setting) -> str:
    if setting.default is None:
        return setting.unset or "—"
    cell = _code(setting.default)
    if setting.empty_is_unset:
        cell += " (also when empty)"
    return cell


def _reader_cell(setting: Setting) -> str:
    def one(reader: str) -> str:
        head, _, note = reader.partition(" (")
        if "/" in head or "." in head or head == "Makefile":
            head = f"`{head}`"
        return f"{head} ({note}" if note else head

    cells = [one(reader) for reader in setting.read_by]
    cells += [f"`{path}` (reads it itself, to switch)" for path in setting.reads_itself]
    return ", ".join(cells)


def markdown() -> str:
    """README.md's "Settings" section, heading included."""
    lines = [
        README_HEADING,
        "",
        "Every environment variable the assistant, its tools and its deployment read, generated",
        "from `contact_center/settings.py` by `python -m contact_center.settings --markdown`",
        "(`--update-readme` rewrites this section; `tests/contact_center/test_settings.py` fails when they differ).",
        "Python code reads them only through that module, at the moment it needs them. An empty",
        "value is a value (for a number, an error) unless the default says \"also when empty\".",
        "\"Production\" says when deploy/production.env.example must set it; the production",
        "check (`CONTACT_CENTER_ENV=production`) refuses to start without the ones it checks.",
    ]
    groups: Dict[str, List[Setting]] = {}
    for setting in REGISTRY.values():
        groups.setdefault(setting.group, []).append(setting)
    for group, members in groups.items():
        lines += ["", f"### {group}", "", "| Setting | Default | Production | Read by | Meaning |",
                  "|---|---|---|---|---|"]
        for s in members:
            cells = [f"`{s.name}`", _default_cell(s), s.production, _reader_cell(s), s.meaning]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _section_span(readme_text: str) -> Optional[Tuple[int, int]]:
    heading = readme_text.find("\n" + README_HEADING + "\n")
    if heading < 0:
        return None
    start = heading + 1
    end = readme_text.find("\n## ", start + len(README_HEADING))
    return start, (len(readme_text) if end < 0 else end + 1)


def readme_section(readme_text: str) -> Optional[str]:
    """README's "Settings" section (from its heading to the next "## " heading), or None."""
    span = _section_span(readme_text)
    return None if span is None else readme_text[span[0]:span[1]]


def update_readme(path: Path) -> bool:
    """Rewrite README's "Settings" section (appended when missing); True when it changed."""
    before = path.read_text(encoding="utf-8")
    span = _section_span(before)
    if span is None:
        after = before.rstrip("\n") + "\n\n" + markdown()
    else:
        rest = before[span[1]:]
        after = before[:span[0]] + markdown() + ("\n" + rest if rest else "")
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contact_center.settings", description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--markdown", action="store_true", help="print README's Settings section")
    action.add_argument("--update-readme", metavar="README", nargs="?", const="README.md",
                        help="rewrite the Settings section of README (default README.md)")
    args = parser.parse_args(argv)
    if args.markdown:
        sys.stdout.write(markdown())
    else:
        changed = update_readme(Path(args.update_readme))
        print(f"{args.update_readme}: Settings section {'updated' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
