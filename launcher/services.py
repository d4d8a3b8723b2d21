"""The assistant's processes: each one's command line, the environment they share, and
how long each may take to answer. Every one listens on 127.0.0.1 only (README,
"Production" for what goes public and how)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from launcher.processes import ROOT

PYTHON = sys.executable
BIN = Path(PYTHON).parent  # the venv's executables (rasa)
# Bounded input (README "Security"): request bodies over 64 KiB get 413 from Sanic; messages
# over APPLICANT_MESSAGE_MAX_CHARS are answered "too long" by the channels.
REQUEST_MAX_BYTES = os.environ.get("SANIC_REQUEST_MAX_SIZE", "65536")

# Seconds each may take to answer its health check.
CASE_STATUS_UP, ACTIONS_UP, RASA_UP, WEB_UP = 60, 180, 420, 60


def base_env(**settings: str) -> Dict[str, str]:
    """This process's environment, with what every one of the assistant's processes needs."""
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        TF_CPP_MIN_LOG_LEVEL="2",
        SANIC_REQUEST_MAX_SIZE=REQUEST_MAX_BYTES,
        **settings,
    )


def case_status(port: int, admin: bool = False, rate_limit: Optional[int] = None) -> List[str]:
    """The local Case Status service (services/case_status_local)."""
    args = [PYTHON, "-m", "services.case_status_local", "--port", str(port)]
    if admin:  # the /_admin endpoints the tests and benchmarks use
        args.append("--admin")
    if rate_limit is not None:  # its spike arrest, requests per second; 0: none
        args += ["--rate-limit", str(rate_limit)]
    return args


def mail(port: int, folder: Path) -> List[str]:
    """The local SMTP server for the desk's C4 e-mail (services/mail_local), one file per message."""
    return [PYTHON, "-m", "services.mail_local", "--host", "127.0.0.1", "--port", str(port), "--dir", str(folder)]


def actions(port: int) -> List[str]:
    """The action server (actions/server.py), behind its shared secret (ACTION_SERVER_TOKEN)."""
    return [PYTHON, "-m", "actions.server", "--host", "127.0.0.1", "--port", str(port)]


def rasa(model: Path, port: int, endpoints: Path, cors: Sequence[str] = ()) -> List[str]:
    """Rasa (REST and socket channels, HTTP API) through scripts/rasa_server.py, which applies
    rasa_extensions and takes the API token from RASA_API_TOKEN, so it never shows in a
    process list. CORS admits `cors` only (the chat page's origins)."""
    return [
        PYTHON, str(ROOT / "scripts" / "rasa_server.py"), "run", "--model", str(model), "--enable-api",
        "--interface", "127.0.0.1", "--port", str(port), "--credentials", str(ROOT / "credentials.yml"),
        "--endpoints", str(endpoints),
    ] + (["--cors", *cors] if cors else [])


def web(port: int, rasa_url: str, rasa_api_port: int) -> List[str]:
    """The applicants' chat page (web/), pointed at Rasa's socket channel, and the
    representatives' desk at /desk/, which drives the handoff through Rasa's HTTP API
    (RASA_API_TOKEN)."""
    return [
        PYTHON, str(ROOT / "web" / "serve.py"), "--port", str(port), "--rasa-url", rasa_url,
        "--rasa-api-url", f"http://127.0.0.1:{rasa_api_port}",
    ]


def desk_bootstrap(accounts_file: Path) -> List[str]:
    """The desk's accounts, one per role, on a local run's first start (never in production)."""
    return [PYTHON, "-m", "desk", "bootstrap-local", "--file", str(accounts_file)]
