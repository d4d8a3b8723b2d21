"""Client for the USCIS Case Status API (rule S1: case status is self-service).

Speaks the protocol in `shared/reference/case-status-api.md`: OAuth 2.0 client
credentials at `POST {base}/oauth/accesstoken`, then
`GET {base}/case-status/{receipt}` with a Bearer token. The same code talks to
the USCIS sandbox, production, or the local service in
`services/case_status_local/`, depending on the base URL.

Every failure becomes one of three exceptions, each matching what the
applicant is told:

- `ReceiptNotFound` (404): the number is not recognised; say so.
- `ReceiptMalformed` (422): the number is badly formed; say what it must look like.
- `CaseStatusUnavailable` (everything else): the service is down, slow or
  broken; give the Case Status Online link and myUSCIS (rule S3), never a live
  representative for that alone (G1).
"""
from __future__ import annotations

import email.utils
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse
from typing import Any, Dict, FrozenSet, Iterable, NamedTuple, Optional, Tuple
from urllib.parse import quote

import requests
import yaml
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
)

from contact_center import settings as env_settings
from contact_center.case_status.pacing import RatePacer

log = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("config.yml")
DEFAULT_BASE_URL: str = env_settings.default("CASE_STATUS_BASE_URL")
# The local service's demo credentials (services/case_status_local/settings.py);
# duplicated rather than imported so the assistant never depends on the test service.
LOCAL_DEMO_CLIENT_ID = "local-demo-client"
LOCAL_DEMO_CLIENT_SECRET = "local-demo-secret"

# Formats seen for API dates; the first is the documented one (MM-DD-YYYY).
_DATE_FORMATS = (
    "%m-%d-%Y %H:%M:%S",
    "%m-%d-%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
)


# ---------------------------------------------------------------- results


class HistoryEntry(NamedTuple):
    """One earlier step of a case: (date, text_en, text_es)."""

    date: Optional[datetime]
    text_en: str
    text_es: str


@dataclass(frozen=True)
class CaseStatus:
    """A case status as the API reports it, with both languages.

    Dates are naive, as the API sends them (USCIS uses Eastern time). They are
    None when the API leaves them out, as it does for IOE (online) receipts.
    `history` is oldest first and empty when the API has none.
    """

    receipt_number: str
    form_type: str
    submitted_date: Optional[datetime]
    modified_date: Optional[datetime]
    title_en: str
    title_es: str
    description_en: str
    description_es: str
    history: Tuple[HistoryEntry, ...] = field(default_factory=tuple)

    def title(self, language: str = "en") -> str:
        """The status title in `language` ("en" or "es"), English when no Spanish."""
        if language == "es" and self.title_es:
            return self.title_es
        return self.title_en

    def description(self, language: str = "en") -> str:
        """The status description in `language`, English when no Spanish."""
        if language == "es" and self.description_es:
            return self.description_es
        return self.description_en


# ---------------------------------------------------------------- errors


class CaseStatusError(Exception):
    """Base of the lookup errors (what the applicant is told is `rules.case_status`'s to decide)."""

    def __init__(
        self,
        message: str,
        *,
        receipt: Optional[str] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
        api_message: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.receipt = receipt
        self.status = status
        self.code = code
        self.api_message = api_message


class ReceiptNotFound(CaseStatusError):
    """404: USCIS does not recognise the receipt number (also for protected cases)."""


class ReceiptMalformed(CaseStatusError):
    """422: the receipt number is not 3 letters and 10 digits (rule S2)."""


class CaseStatusUnavailable(CaseStatusError):
    """The service could not answer: down, slow, rate limited, broken or misconfigured (S3)."""


class _Retryable(Exception):
    """Internal: an attempt failed in a way that may clear if we wait."""

    def __init__(
        self,
        reason: str,
        *,
        status: Optional[int] = None,
        code: Optional[str] = None,
        api_message: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.api_message = api_message
        self.retry_after = retry_after


# ---------------------------------------------------------------- client


class CaseStatusClient:
    """Looks up case statuses; thread-safe, one instance per process is enough."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        timeout: Tuple[float, float] = (3.05, 10.0),
        max_attempts: int = 3,
        backoff_seconds: float = 0.5,
        session: Optional[requests.Session] = None,
        *,
        max_backoff_seconds: float = 4.0,
        max_retry_after_seconds: float = 5.0,
        total_deadline_seconds: float = 20.0,
        token_renew_margin_seconds: float = 60.0,
        retry_statuses: Iterable[int] = (429, 503),
        requests_per_second: Optional[float] = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self._client_secret = client_secret
        self.connect_timeout, self.read_timeout = (float(t) for t in timeout)
        self.max_attempts = int(max_attempts)
        self.backoff_seconds = float(backoff_seconds)
        self.max_backoff_seconds = float(max_backoff_seconds)
        self.max_retry_after_seconds = float(max_retry_after_seconds)
        self.total_deadline_seconds = float(total_deadline_seconds)
        self.token_renew_margin_seconds = float(token_renew_margin_seconds)
        self.retry_statuses: FrozenSet[int] = frozenset(int(s) for s in retry_statuses)
        self._own_session = session is None
        self._session = session or requests.Session()
        self._token: Optional[str] = None
        self._token_renew_at = 0.0  # time.monotonic() after which the token is renewed
        self._token_lock = threading.Lock()
        self._pacer = RatePacer(requests_per_second)
        # Tests swap this for a recorder; production sleeps for real.
        self._sleep = time.sleep

    def __repr__(self) -> str:  # never show the secret
        return f"CaseStatusClient(base_url={self.base_url!r}, client_id={self.client_id!r})"

    # -------------------------------------------------------- construction

    @classmethod
    def from_config(
        cls,
        config_path: Optional[os.PathLike] = None,
        env: Optional[Dict[str, str]] = None,
        session: Optional[requests.Session] = None,
    ) -> "CaseStatusClient":
        """Build a client from the environment and `config.yml`.

        The environment gives `CASE_STATUS_BASE_URL` (default the local service,
        http://127.0.0.1:5056), `CASE_STATUS_CLIENT_ID` and
        `CASE_STATUS_CLIENT_SECRET` (the local service's demo credentials when
        unset, for a local URL only: an unset id with a real URL is an error). The YAML file beside this module (or `config_path`) gives
        timeouts, attempts, backoff and the request rate; `CASE_STATUS_REQUESTS_PER_SECOND`
        overrides the rate, since it differs by deployment (sandbox 5, production 10);
        0 there means a service with no spike arrest, and no pacing.
        """
        path = Path(config_path) if config_path else CONFIG_PATH
        settings: Dict[str, Any] = {}
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                settings = yaml.safe_load(fh) or {}
        base_url = env_settings.text("CASE_STATUS_BASE_URL", env)
        client_id = env_settings.text("CASE_STATUS_CLIENT_ID", env)
        client_secret = env_settings.text("CASE_STATUS_CLIENT_SECRET", env)
        if not (client_id and client_secret):
            # The demo credentials are the local service's only: never sent to a real API.
            if urlparse(base_url).hostname not in ("127.0.0.1", "localhost", "::1"):
                raise ValueError(f"CASE_STATUS_CLIENT_ID and CASE_STATUS_CLIENT_SECRET must be set for {base_url}")
            client_id, client_secret = client_id or LOCAL_DEMO_CLIENT_ID, client_secret or LOCAL_DEMO_CLIENT_SECRET
        return cls(
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            timeout=(
                float(settings.get("connect_timeout_seconds", 3.05)),
                float(settings.get("read_timeout_seconds", 10.0)),
            ),
            max_attempts=int(settings.get("max_attempts", 3)),
            backoff_seconds=float(settings.get("backoff_seconds", 0.5)),
            session=session,
            max_backoff_seconds=float(settings.get("max_backoff_seconds", 4.0)),
            max_retry_after_seconds=float(settings.get("max_retry_after_seconds", 5.0)),
            total_deadline_seconds=float(settings.get("total_deadline_seconds", 20.0)),
            token_renew_margin_seconds=float(settings.get("token_renew_margin_seconds", 60)),
            retry_statuses=settings.get("retry_statuses", (429, 503)),
            requests_per_second=_rate(env_settings.raw("CASE_STATUS_REQUESTS_PER_SECOND", env), settings.get("requests_per_second")),
        )

    def close(self) -> None:
        """Close the HTTP session if this client created it."""
        if self._own_session:
            self._session.close()

    def __enter__(self) -> "CaseStatusClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -------------------------------------------------------- public API

    def lookup(self, receipt: str) -> CaseStatus:
        """Return the status of the case with receipt number `receipt` (rule S1).

        Raises `ReceiptNotFound` (404), `ReceiptMalformed` (422) or
        `CaseStatusUnavailable` (anything else, after bounded retries). The
        whole call, token included, stays within `total_deadline_seconds`.
        """
        number = (receipt or "").strip().upper()
        if not number:
            raise ReceiptMalformed("No receipt number given.", receipt=receipt)
        deadline = time.monotonic() + self.total_deadline_seconds
        url = f"{self.base_url}/case-status/{quote(number, safe='')}"

        token = self._get_token(deadline)
        response = self._get_case(url, token, deadline)
        if response.status_code == 401:
            # The token may have been revoked or expired early on the server's
            # side: renew it once. A second 401 means our credentials are bad,
            # and retrying further would only hammer the service.
            log.info("case status: 401 for a cached token, renewing it once")
            token = self._get_token(deadline, stale=token)
            response = self._get_case(url, token, deadline)
            if response.status_code == 401:
                code, message = _api_error(response)
                raise CaseStatusUnavailable(
                    f"Case Status API rejected a freshly issued token (HTTP 401): {message}",
                    receipt=number,
                    status=401,
                    code=code,
                    api_message=message,
                )
        return self._interpret(number, response)

    # -------------------------------------------------------- token

    def _get_token(self, deadline: float, stale: Optional[str] = None) -> str:
        """Return a valid access token, asking for a new one when needed.

        `stale` is a token the API just refused; it is replaced unless another
        thread already replaced it.
        """
        with self._token_lock:
            if (
                self._token
                and self._token != stale
                and time.monotonic() < self._token_renew_at
            ):
                return self._token
            self._token = None
            response = self._send(
                "POST",
                f"{self.base_url}/oauth/accesstoken",
                deadline,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.client_id,
                    "client_secret": self._client_secret,
                },
                headers={"Accept": "application/json"},
            )
            if response.status_code != 200:
                code, message = _api_error(response)
                raise CaseStatusUnavailable(
                    f"Case Status API token request failed (HTTP {response.status_code}): {message}",
                    status=response.status_code,
                    code=code,
                    api_message=message,
                )
            body = _json(response)
            token = body.get("access_token") if isinstance(body, dict) else None
            if not token or not isinstance(token, str):
                raise CaseStatusUnavailable(
                    "Case Status API token reply has no access_token.", status=200
                )
            lifetime = _seconds(body.get("expires_in"), default=60.0)
            margin = min(self.token_renew_margin_seconds, lifetime / 2)
            self._token = token
            self._token_renew_at = time.monotonic() + lifetime - margin
            log.debug("case status: new token, renewing in %.0f s", lifetime - margin)
            return token

    # -------------------------------------------------------- HTTP

    def _get_case(self, url: str, token: str, deadline: float) -> requests.Response:
        return self._send(
            "GET",
            url,
            deadline,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        )

    def _send(self, method: str, url: str, deadline: float, **kwargs: Any) -> requests.Response:
        """One HTTP call with bounded retries; returns any non-retryable response.

        Raises CaseStatusUnavailable when retries or the deadline run out.
        """
        remaining = max(0.0, deadline - time.monotonic())
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts) | stop_after_delay(remaining),
            wait=self._wait(deadline),
            retry=retry_if_exception_type(_Retryable),
            sleep=self._sleep,
            before_sleep=_log_retry,
            reraise=True,
        )
        try:
            return retrying(self._send_once, method, url, deadline, **kwargs)
        except _Retryable as exc:
            message = exc.api_message or str(exc)
            raise CaseStatusUnavailable(
                f"Case Status API unavailable: {message}",
                status=exc.status,
                code=exc.code,
                api_message=exc.api_message,
            ) from exc

    def _send_once(self, method: str, url: str, deadline: float, **kwargs: Any) -> requests.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CaseStatusUnavailable("Case Status API: time budget for this lookup spent.")
        delay = self._pacer.reserve()
        if delay > 0:
            if delay >= remaining:
                raise CaseStatusUnavailable("Case Status API: too busy to answer within this lookup's time budget.")
            self._sleep(delay)
            remaining = deadline - time.monotonic()
        # Never wait on one attempt longer than the lookup as a whole may take.
        timeout = (min(self.connect_timeout, remaining), min(self.read_timeout, remaining))
        try:
            response = self._session.request(method, url, timeout=timeout, **kwargs)
        except requests.Timeout as exc:
            raise _Retryable(f"timed out after {timeout[1]:.2f} s ({type(exc).__name__})") from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__})") from exc
        except requests.RequestException as exc:
            # Invalid URL and the like: a configuration error, retrying cannot help.
            raise CaseStatusUnavailable(f"Case Status API request failed: {exc}") from exc
        if response.status_code in self.retry_statuses:
            code, message = _api_error(response)
            raise _Retryable(
                f"HTTP {response.status_code}",
                status=response.status_code,
                code=code,
                api_message=f"HTTP {response.status_code}: {message}",
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
        return response

    def _wait(self, deadline: float):
        exponential = wait_exponential(
            multiplier=self.backoff_seconds, min=0, max=self.max_backoff_seconds
        )

        def wait(retry_state: RetryCallState) -> float:
            exc = retry_state.outcome.exception() if retry_state.outcome else None
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                delay = min(exc.retry_after, self.max_retry_after_seconds)
            else:
                delay = exponential(retry_state)
            # Sleeping past the deadline would only delay the S3 answer.
            return max(0.0, min(delay, deadline - time.monotonic()))

        return wait

    # -------------------------------------------------------- replies

    def _interpret(self, receipt: str, response: requests.Response) -> CaseStatus:
        status = response.status_code
        if status == 200:
            return _parse_case(receipt, _json(response))
        code, message = _api_error(response)
        kwargs = dict(receipt=receipt, status=status, code=code, api_message=message)
        if status == 404:
            raise ReceiptNotFound(f"Receipt number {receipt} not found: {message}", **kwargs)
        if status == 422:
            raise ReceiptMalformed(f"Receipt number {receipt} is malformed: {message}", **kwargs)
        raise CaseStatusUnavailable(f"Case Status API error (HTTP {status}): {message}", **kwargs)


# ---------------------------------------------------------------- helpers


def _log_retry(retry_state: RetryCallState) -> None:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    log.warning(
        "case status: attempt %d failed (%s); retrying in %.2f s",
        retry_state.attempt_number,
        exc,
        retry_state.next_action.sleep if retry_state.next_action else 0.0,
    )


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise CaseStatusUnavailable(
            f"Case Status API sent a reply that is not JSON (HTTP {response.status_code}).",
            status=response.status_code,
        ) from exc


def _api_error(response: requests.Response) -> Tuple[Optional[str], str]:
    """(code, message) from an error body: RFC 9457 `errors`, nested `error`, or Apigee `fault`."""
    try:
        body = response.json()
    except ValueError:
        text = (response.text or "").strip()
        return None, (text[:200] or response.reason or f"HTTP {response.status_code}")
    return _error_from(body) or (None, response.reason or f"HTTP {response.status_code}")


def _error_from(body: Any, depth: int = 0) -> Optional[Tuple[Optional[str], str]]:
    if depth > 3 or body is None:
        return None
    if isinstance(body, str):
        return None, body
    if isinstance(body, list):
        found = [e for e in (_error_from(item, depth + 1) for item in body) if e]
        if not found:
            return None
        codes = [c for c, _ in found if c]
        return (codes[0] if codes else None), "; ".join(m for _, m in found)
    if not isinstance(body, dict):
        return None
    for key in ("errors", "error", "fault"):
        if key in body:
            found = _error_from(body[key], depth + 1)
            if found:
                return found
    message = body.get("message") or body.get("faultstring") or body.get("detail")
    code = body.get("code") or body.get("errorcode")
    if message:
        return (str(code) if code is not None else None), str(message)
    return None


def _rate(from_env: Optional[str], from_settings: Any) -> Optional[float]:
    """Requests per second: the deployment's (0: no pacing) over the YAML file's."""
    if from_env is not None and from_env.strip():
        return float(from_env)
    return float(from_settings) if from_settings else None


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _seconds(value: Any, default: float) -> float:
    # expires_in arrives as a string ("1800"); accept numbers too.
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return default
    return seconds if seconds >= 0 else default


def parse_api_date(value: Any) -> Optional[datetime]:
    """Parse an API date ("09-05-2023 14:28:46", MM-DD-YYYY); None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    log.warning("case status: unreadable date %r", text)
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _parse_case(receipt: str, body: Any) -> CaseStatus:
    case = body.get("case_status") if isinstance(body, dict) else None
    if not isinstance(case, dict):
        raise CaseStatusUnavailable(
            "Case Status API reply has no case_status object.", receipt=receipt, status=200
        )
    history = []
    for item in case.get("hist_case_status") or ():
        if not isinstance(item, dict):
            continue
        history.append(
            HistoryEntry(
                parse_api_date(item.get("date")),
                _text(item.get("completed_text_en")),
                _text(item.get("completed_text_es")),
            )
        )
    # The API does not promise an order; oldest first reads naturally.
    history.sort(key=lambda h: h.date or datetime.min)
    return CaseStatus(
        receipt_number=_text(case.get("receiptNumber")) or receipt,
        form_type=_text(case.get("formType")),
        submitted_date=parse_api_date(case.get("submittedDate")),
        modified_date=parse_api_date(case.get("modifiedDate")),
        title_en=_text(case.get("current_case_status_text_en")),
        title_es=_text(case.get("current_case_status_text_es")),
        description_en=_text(case.get("current_case_status_desc_en")),
        description_es=_text(case.get("current_case_status_desc_es")),
        history=tuple(history),
    )
