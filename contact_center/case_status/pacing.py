"""Keeping under the Case Status API's spike arrest (429 "Spike Arrest Violation").

The API allows a fixed number of requests per second per client (sandbox 5,
production 10). Going over costs a 429 and a backoff of a second or more while
the applicant waits; spacing requests out costs a fraction of that. One pacer is
shared by every thread of the action server that uses the client.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Optional

# Slack: the server's one-second window starts when a request arrives, not when it was
# sent, and arrivals jitter (a loaded machine delayed one by more than 5% of the window and
# the next got a 429 in a CI run, session 21; networks jitter the same way).
MARGIN = 1.2


class RatePacer:
    """Hands out send times at least 1/`per_second` apart, in call order."""

    def __init__(self, per_second: Optional[float], clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = MARGIN / float(per_second) if per_second else 0.0
        self._clock = clock
        self._next = 0.0
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Seconds to wait before sending (0 when the way is clear); the slot is taken."""
        if not self.interval:
            return 0.0
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
            return slot - now
