"""A local stand-in for the USCIS Case Status API, for running with no credentials.

It speaks the protocol in `shared/reference/case-status-api.md`:

- `POST /oauth/accesstoken` (form body, client credentials) -> a Bearer token
  that expires (`expires_in` "1800", a string, like the real one);
- `GET /case-status/{receipt}` -> 200 with the documented JSON, or
  401 (invalid or expired token), 422 (not 3 letters + 10 digits),
  404 (unknown receipt), 429 "Spike Arrest Violation" (more than 5 requests a
  second per client), 503 (simulated outage, nested `{"error": {...}}` body);
- `GET /health`.

Outages are simulated for tests with `CASE_STATUS_LOCAL_FAIL` (503, 429, 500,
slow) or, when admin is enabled, `POST /_admin/mode` with
`{"mode": "ok"|"down"|"slow"|"rate_limited"|"error"|"bad_json"|"unauthorized"}`
(optionally `"times": n` to fail only the next n lookups, `"slow_seconds": s`).

The cases come from `cases.json` (built by `build_cases.py`). Their dates are
stored as days before today and turned into dates when a request is answered,
so "card mailed 60 days ago" stays true whenever the demo runs.

Standard library only, so it runs anywhere the assistant's venv does.
"""
from __future__ import annotations

import base64
import collections
import json
import logging
import os
import re
import secrets
import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Mapping, Optional, Tuple
from urllib.parse import parse_qs, unquote

log = logging.getLogger(__name__)

CASES_PATH = Path(__file__).with_name("cases.json")
DEMO_CLIENT_ID = "local-demo-client"
DEMO_CLIENT_SECRET = "local-demo-secret"
DEFAULT_PORT = 5056
TOKEN_TTL_SECONDS = 1800
RATE_LIMIT_PER_SECOND = 5  # the sandbox's documented limit
SLOW_SECONDS = 15.0  # longer than the client's 10 s read timeout
MODES = ("ok", "down", "slow", "rate_limited", "error", "bad_json", "unauthorized")
# CASE_STATUS_LOCAL_FAIL values and the mode each turns on.
FAIL_ENV_MODES = {
    "503": "down", "down": "down", "429": "rate_limited", "rate_limited": "rate_limited",
    "500": "error", "error": "error", "slow": "slow", "timeout": "slow",
    "401": "unauthorized", "bad_json": "bad_json", "": "ok", "0": "ok", "ok": "ok",
}

RECEIPT_RE = re.compile(r"^[A-Za-z]{3}[0-9]{10}$")
API_DATE_FORMAT = "%m-%d-%Y %H:%M:%S"
_MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)


def date_en(d: datetime) -> str:
    """`March 5, 2024`, as USCIS writes dates in status descriptions."""
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def date_es(d: datetime) -> str:
    """`5 de marzo de 2024`."""
    return f"{d.day} de {_MONTHS_ES[d.month - 1]} de {d.year}"


def load_cases(path: Path = CASES_PATH) -> Dict[str, Dict[str, Any]]:
    """The cases in a cases.json file, keyed by receipt number."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["cases"]


def render_case(
    receipt: str, case: Mapping[str, Any], now: datetime
) -> Dict[str, Any]:
    """The 200 reply for one stored case, with its dates made relative to `now`.

    IOE receipts get no submittedDate or modifiedDate (as the real API);
    `hist_case_status` is null when the case has no history.
    """

    def at(days_ago: int, seconds: int) -> datetime:
        day = (now - timedelta(days=int(days_ago))).replace(hour=0, minute=0, second=0, microsecond=0)
        return day + timedelta(seconds=int(seconds))

    clock = int(case.get("time_of_day_seconds", 9 * 3600))
    submitted = at(case["submitted_days_ago"], clock)
    modified = at(case["modified_days_ago"], clock + 1800)
    deadline = modified + timedelta(days=int(case.get("notice_deadline_days", 30)))
    fill_en = {"date": date_en(modified), "notice_deadline": date_en(deadline)}
    fill_es = {"date": date_es(modified), "notice_deadline": date_es(deadline)}

    body: Dict[str, Any] = {"receiptNumber": receipt, "formType": case["formType"]}
    if not receipt.startswith("IOE"):
        body["submittedDate"] = submitted.strftime(API_DATE_FORMAT)
        body["modifiedDate"] = modified.strftime(API_DATE_FORMAT)
    body["current_case_status_text_en"] = case["title_en"]
    body["current_case_status_desc_en"] = case["desc_en"].format(**fill_en)
    body["current_case_status_text_es"] = case["title_es"]
    body["current_case_status_desc_es"] = case["desc_es"].format(**fill_es)
    history = case.get("history")
    if history:
        body["hist_case_status"] = [
            {
                "date": at(h["days_ago"], clock).strftime(API_DATE_FORMAT),
                "completed_text_en": h["text_en"],
                "completed_text_es": h["text_es"],
            }
            for h in history
        ]
    else:
        body["hist_case_status"] = None
    return {
        "case_status": body,
        "message": f"Query was successful for payload {{'receipt_number': '{receipt}'}}",
    }


def _assistant_clock() -> datetime:
    from contact_center import clock

    return clock.now().astimezone(clock.EASTERN).replace(tzinfo=None)


class LocalCaseStatusService:
    """The service: state (tokens, rate windows, mode) and an HTTP server around it.

    In tests: `with LocalCaseStatusService(port=0, admin=True) as svc: svc.url`.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        cases: Optional[Dict[str, Dict[str, Any]]] = None,
        cases_path: Path = CASES_PATH,
        clients: Optional[Mapping[str, str]] = None,
        token_ttl_seconds: float = TOKEN_TTL_SECONDS,
        rate_limit_per_second: int = RATE_LIMIT_PER_SECOND,
        slow_seconds: float = SLOW_SECONDS,
        retry_after_seconds: Optional[int] = 1,
        admin: bool = False,
        mode: Optional[str] = None,
        clock: Optional[Callable[[], datetime]] = None,
    ) -> None:
        self.host = host
        self.requested_port = port
        self.cases = cases if cases is not None else load_cases(cases_path)
        self.clients = dict(clients or {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET})
        self.token_ttl_seconds = float(token_ttl_seconds)
        self.rate_limit_per_second = int(rate_limit_per_second)
        self.slow_seconds = float(slow_seconds)
        self.retry_after_seconds = None if retry_after_seconds is None else int(retry_after_seconds)
        self.admin = admin
        # The assistant's clock (CONTACT_CENTER_CLOCK_FILE / CONTACT_CENTER_NOW, else the real
        # time), on Eastern wall time: "mailed 60 days ago" is 60 days before the moment the
        # rules are deciding at, so a test with the clock moved sees the same case.
        self.clock = clock or _assistant_clock
        if mode is None:
            fail = os.environ.get("CASE_STATUS_LOCAL_FAIL", "").strip().lower()
            if fail not in FAIL_ENV_MODES:
                raise ValueError(f"CASE_STATUS_LOCAL_FAIL={fail!r}: use one of {sorted(FAIL_ENV_MODES)}")
            mode = FAIL_ENV_MODES[fail]
        self._check_mode(mode)
        self.mode = mode
        self.mode_times: Optional[int] = None  # lookups left before the mode reverts to ok
        self.stats: Dict[str, int] = collections.Counter()
        self._tokens: Dict[str, Tuple[str, float]] = {}  # token -> (client id, expiry)
        self._windows: Dict[str, Deque[float]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -------------------------------------------------------- life cycle

    @staticmethod
    def _check_mode(mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {MODES}")

    def start(self) -> "LocalCaseStatusService":
        """Bind and serve in a background thread; returns self."""
        self._httpd = _Server((self.host, self.requested_port), _Handler)
        self._httpd.service = self
        # A short poll interval makes stop() quick, which keeps test runs short.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
            name="case-status-local", daemon=True,
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Bind and serve in this thread until interrupted."""
        self._httpd = _Server((self.host, self.requested_port), _Handler)
        self._httpd.service = self
        try:
            self._httpd.serve_forever()
        finally:
            self._stopping.set()
            self._httpd.server_close()

    def stop(self) -> None:
        """Stop serving and wake any request sleeping in slow mode."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "LocalCaseStatusService":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (useful with port=0)."""
        if self._httpd is None:
            return self.requested_port
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL to give the client, e.g. http://127.0.0.1:5056."""
        return f"http://{self.host}:{self.port}"

    # -------------------------------------------------------- state

    def set_mode(self, mode: str, times: Optional[int] = None, slow_seconds: Optional[float] = None) -> None:
        """Switch the simulated behaviour; with `times`, only for that many lookups."""
        self._check_mode(mode)
        with self._lock:
            self.mode = mode
            self.mode_times = times
            if slow_seconds is not None:
                self.slow_seconds = float(slow_seconds)

    def revoke_tokens(self) -> int:
        """Invalidate every issued token (as if they expired); returns how many."""
        with self._lock:
            count = len(self._tokens)
            self._tokens.clear()
            return count

    def _current_mode(self, consume: bool) -> str:
        with self._lock:
            mode = self.mode
            if consume and mode != "ok" and self.mode_times is not None:
                self.mode_times -= 1
                if self.mode_times <= 0:
                    self.mode, self.mode_times = "ok", None
            return mode

    def issue_token(self, client_id: str) -> Tuple[str, float]:
        """A new random token for `client_id` and its expiry (time.monotonic())."""
        token = secrets.token_urlsafe(24)
        expiry = time.monotonic() + self.token_ttl_seconds
        with self._lock:
            now = time.monotonic()
            # Forget expired tokens so a long-running demo does not grow.
            for old in [t for t, (_, exp) in self._tokens.items() if exp <= now]:
                del self._tokens[old]
            self._tokens[token] = (client_id, expiry)
        return token, expiry

    def client_for_token(self, token: str) -> Optional[str]:
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

    def allow_request(self, client_id: str) -> bool:
        """Spike arrest: at most `rate_limit_per_second` requests in any 1 s window per client."""
        if self.rate_limit_per_second <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            window = self._windows[client_id]
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= self.rate_limit_per_second:
                return False
            window.append(now)
            return True

    def sleep(self, seconds: float) -> None:
        """Sleep, but wake at once when the service stops."""
        self._stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a request sleeping in slow mode must not block shutdown
    allow_reuse_address = True
    service: LocalCaseStatusService

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out (slow mode) closes its socket before we write;
        # that is the point of the simulation, not an error worth a traceback.
        log.debug("case-status-local: request from %s failed", client_address, exc_info=True)


def _errors(code: str, message: str) -> Dict[str, Any]:
    """An RFC 9457-style error body, as the API sends."""
    return {"errors": [{"code": code, "message": message}]}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, keep-alive clients
    # wait ~40 ms per reply for a delayed ACK.
    disable_nagle_algorithm = True
    server_version = "CaseStatusLocal/1.0"

    # -------------------------------------------------------- plumbing

    @property
    def svc(self) -> LocalCaseStatusService:
        return self.server.service

    def log_message(self, fmt: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), fmt % args)

    def _send_json(
        self, status: int, body: Any, headers: Optional[Mapping[str, str]] = None, raw: Optional[bytes] = None
    ) -> None:
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _retry_after(self) -> Dict[str, str]:
        seconds = self.svc.retry_after_seconds
        return {} if seconds is None else {"Retry-After": str(seconds)}

    def _down(self) -> None:
        self._send_json(
            503,
            {
                "error": {
                    "code": "ServiceUnavailable",
                    "message": "The Case Status service is temporarily unavailable. "
                    "Please try again later.",
                }
            },
            headers=self._retry_after(),
        )

    def _spike_arrest(self) -> None:
        self._send_json(
            429,
            _errors("policies.ratelimit.SpikeArrestViolation", "Spike Arrest Violation"),
            headers=self._retry_after(),
        )

    # -------------------------------------------------------- routes

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._send_json(200, {"status": "ok", "mode": self.svc.mode, "cases": len(self.svc.cases)})
        elif path.startswith("/case-status/"):
            self._case_status(unquote(path[len("/case-status/"):]))
        elif path == "/_admin/stats" and self.svc.admin:
            self._send_json(200, {"mode": self.svc.mode, "stats": dict(self.svc.stats)})
        else:
            self._send_json(404, _errors("ResourceNotFound", f"No resource at {path}"))

    def do_POST(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0]
        if path == "/oauth/accesstoken":
            self._token()
        elif path == "/_admin/mode" and self.svc.admin:
            self._admin_mode()
        elif path == "/_admin/revoke-tokens" and self.svc.admin:
            self._read_body()
            self._send_json(200, {"revoked": self.svc.revoke_tokens()})
        else:
            self._read_body()
            self._send_json(404, _errors("ResourceNotFound", f"No resource at {path}"))

    def _token(self) -> None:
        svc = self.svc
        svc.stats["token_requests"] += 1
        form = {k: v[0] for k, v in parse_qs(self._read_body().decode("utf-8", "replace")).items()}
        mode = svc._current_mode(consume=False)
        if mode == "down":
            return self._down()
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = self.headers.get("Authorization", "")
        if auth.lower().startswith("basic ") and not client_id:
            # OAuth also allows the credentials in a Basic header.
            try:
                client_id, _, secret = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                client_id = secret = None
        if form.get("grant_type") != "client_credentials":
            return self._send_json(
                400, _errors("invalid_request", "grant_type must be client_credentials")
            )
        if not client_id or svc.clients.get(client_id) is None or not secrets.compare_digest(
            svc.clients[client_id], secret or ""
        ):
            return self._send_json(401, _errors("invalid_client", "Invalid client identifier or secret"))
        token, _ = svc.issue_token(client_id)
        svc.stats["tokens_issued"] += 1
        self._send_json(
            200,
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": str(int(svc.token_ttl_seconds)),
                "issued_at": str(int(time.time() * 1000)),
                "client_id": client_id,
                "application_name": "case-status-local",
                "scope": "",
                "refresh_count": "0",
                "status": "approved",
            },
        )

    def _case_status(self, receipt: str) -> None:
        svc = self.svc
        svc.stats["case_status_requests"] += 1
        mode = svc._current_mode(consume=True)
        if mode == "down":
            return self._down()
        if mode == "rate_limited":
            return self._spike_arrest()
        if mode == "slow":
            svc.sleep(svc.slow_seconds)
        auth = self.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        client_id = svc.client_for_token(token) if token else None
        if client_id is None or mode == "unauthorized":
            return self._send_json(
                401, _errors("invalid_token", "Invalid or expired access token"),
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        if not svc.allow_request(client_id):
            svc.stats["rate_limited"] += 1
            return self._spike_arrest()
        if mode == "error":
            return self._send_json(500, _errors("InternalServerError", "Internal server error"))
        if mode == "bad_json":
            return self._send_json(200, None, raw=b"<html>Gateway page</html>")
        if not RECEIPT_RE.match(receipt):
            return self._send_json(
                422,
                _errors(
                    "invalid_receipt_number",
                    "Receipt number must be 13 characters: a 3-letter prefix and 10 digits.",
                ),
            )
        number = receipt.upper()
        case = svc.cases.get(number)
        if case is None:
            return self._send_json(
                404, _errors("not_found", f"Receipt number {number} was not found.")
            )
        svc.stats["cases_served"] += 1
        self._send_json(200, render_case(number, case, svc.clock()))

    def _admin_mode(self) -> None:
        try:
            body = json.loads(self._read_body() or b"{}")
            mode = body.get("mode", "ok")
            times = body.get("times")
            slow = body.get("slow_seconds")
            self.svc.set_mode(mode, None if times is None else int(times), None if slow is None else float(slow))
            if body.get("revoke_tokens"):
                self.svc.revoke_tokens()
        except (ValueError, AttributeError, TypeError) as exc:
            return self._send_json(400, _errors("bad_request", str(exc)))
        self._send_json(200, {"mode": self.svc.mode, "times": self.svc.mode_times})


def run(host: str = "127.0.0.1", port: int = DEFAULT_PORT, **kwargs: Any) -> None:
    """Serve in the foreground (the `python -m services.case_status_local` entry point)."""
    service = LocalCaseStatusService(host=host, port=port, **kwargs)
    log.info(
        "Case Status local service on http://%s:%d (mode %s, %d cases, admin %s)",
        host, port, service.mode, len(service.cases), "on" if service.admin else "off",
    )
    try:
        service.serve_forever()
    except KeyboardInterrupt:
        pass
