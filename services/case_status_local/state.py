"""What the service knows between requests: its cases, clients and tokens, the
simulated mode (outages for tests, rule S3), the spike arrest and the counters.

Thread-safe: the server answers on its own thread while tests switch modes,
revoke tokens and read the counters from theirs.
"""
from __future__ import annotations

import collections
import os
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Mapping, Optional, Tuple

from services.case_status_local import auth
from services.case_status_local.cases import load_cases
from services.case_status_local.settings import (
    CASES_PATH, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FAIL_ENV_MODES, MODES, RATE_LIMIT_PER_SECOND,
    RETRY_AFTER_SECONDS, SLOW_SECONDS, TOKEN_TTL_SECONDS,
)


def assistant_clock() -> datetime:
    """The assistant's clock (CONTACT_CENTER_CLOCK_FILE / CONTACT_CENTER_NOW, else the real
    time), on Eastern wall time: "mailed 60 days ago" is 60 days before the moment the
    rules are deciding at, so a test with the clock moved sees the same case."""
    from contact_center import clock

    return clock.now().astimezone(clock.EASTERN).replace(tzinfo=None)


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; use one of {MODES}")


def mode_from_env() -> str:
    """The mode CASE_STATUS_LOCAL_FAIL asks for ("ok" when unset)."""
    fail = os.environ.get("CASE_STATUS_LOCAL_FAIL", "").strip().lower()
    if fail not in FAIL_ENV_MODES:
        raise ValueError(f"CASE_STATUS_LOCAL_FAIL={fail!r}: use one of {sorted(FAIL_ENV_MODES)}")
    return FAIL_ENV_MODES[fail]


class ServiceState:
    """The service's state and settings; the HTTP side is in routes.py and server.py."""

    def __init__(
        self,
        cases: Optional[Dict[str, Dict[str, Any]]] = None,
        cases_path: Path = CASES_PATH,
        clients: Optional[Mapping[str, str]] = None,
        token_ttl_seconds: float = TOKEN_TTL_SECONDS,
        rate_limit_per_second: int = RATE_LIMIT_PER_SECOND,
        slow_seconds: float = SLOW_SECONDS,
        retry_after_seconds: Optional[int] = RETRY_AFTER_SECONDS,
        admin: bool = False,
        mode: Optional[str] = None,
        clock: Optional[Callable[[], datetime]] = None,
    ) -> None:
        self.cases = cases if cases is not None else load_cases(cases_path)
        self.clients = dict(clients or {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET})
        self.tokens = auth.Tokens(token_ttl_seconds)
        self.rate_limit_per_second = int(rate_limit_per_second)
        self.slow_seconds = float(slow_seconds)
        self.retry_after_seconds = None if retry_after_seconds is None else int(retry_after_seconds)
        self.admin = admin
        self.clock = clock or assistant_clock
        mode = mode_from_env() if mode is None else mode
        check_mode(mode)
        self.mode = mode
        self.mode_times: Optional[int] = None  # lookups left before the mode reverts to ok
        self.stats: Dict[str, int] = collections.Counter()
        self._windows: Dict[str, Deque[float]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    @property
    def token_ttl_seconds(self) -> float:
        return self.tokens.ttl_seconds

    # -------------------------------------------------------- simulated modes

    def set_mode(self, mode: str, times: Optional[int] = None, slow_seconds: Optional[float] = None) -> None:
        """Switch the simulated behaviour; with `times`, only for that many lookups."""
        check_mode(mode)
        with self._lock:
            self.mode = mode
            self.mode_times = times
            if slow_seconds is not None:
                self.slow_seconds = float(slow_seconds)

    def current_mode(self, consume: bool) -> str:
        """The mode now; a lookup (`consume`) uses up one of a limited mode's `times`."""
        with self._lock:
            mode = self.mode
            if consume and mode != "ok" and self.mode_times is not None:
                self.mode_times -= 1
                if self.mode_times <= 0:
                    self.mode, self.mode_times = "ok", None
            return mode

    # -------------------------------------------------------- tokens

    def revoke_tokens(self) -> int:
        """Invalidate every issued token (as if they expired); returns how many."""
        return self.tokens.revoke_all()

    def issue_token(self, client_id: str) -> Tuple[str, float]:
        """A new random token for `client_id` and its expiry (time.monotonic())."""
        return self.tokens.issue(client_id)

    def client_for_token(self, token: str) -> Optional[str]:
        """The client a live token belongs to, or None (unknown or expired)."""
        return self.tokens.client_for(token)

    # -------------------------------------------------------- spike arrest

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
