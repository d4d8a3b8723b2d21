"""The service's constants: where its data is, its demo credentials, its defaults and modes."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES_PATH = HERE / "cases.json"
TEXTS_ES_PATH = HERE / "texts_es.json"

DEMO_CLIENT_ID = "local-demo-client"
DEMO_CLIENT_SECRET = "local-demo-secret"

DEFAULT_HOST = "127.0.0.1"  # loopback: the service has demo credentials and an admin switch
DEFAULT_PORT = 5056
TOKEN_TTL_SECONDS = 1800
RATE_LIMIT_PER_SECOND = 5  # the sandbox's documented limit
SLOW_SECONDS = 15.0  # longer than the client's 10 s read timeout
RETRY_AFTER_SECONDS = 1
MAX_BODY_BYTES = 64 * 1024  # a token form or an admin switch is a few dozen bytes
# The Server header the http.server version sent ("CaseStatusLocal/1.0 Python/3.x.y").
SERVER_HEADER = f"CaseStatusLocal/1.0 Python/{sys.version.split()[0]}"

MODES = ("ok", "down", "slow", "rate_limited", "error", "bad_json", "unauthorized")
# CASE_STATUS_LOCAL_FAIL values and the mode each turns on.
FAIL_ENV_MODES = {
    "503": "down", "down": "down", "429": "rate_limited", "rate_limited": "rate_limited",
    "500": "error", "error": "error", "slow": "slow", "timeout": "slow",
    "401": "unauthorized", "bad_json": "bad_json", "": "ok", "0": "ok", "ok": "ok",
}
