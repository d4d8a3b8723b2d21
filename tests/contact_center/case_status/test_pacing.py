"""Requests spaced under the Case Status API's spike arrest, across threads."""
import threading
import time

import pytest

from contact_center.case_status import CaseStatusClient
from contact_center.case_status.pacing import MARGIN, RatePacer
from services.case_status_local import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, LocalCaseStatusService


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_send_times_are_spaced_in_call_order():
    clock = FakeClock()
    pacer = RatePacer(5, clock=clock)
    delays = [pacer.reserve() for _ in range(4)]
    assert delays == pytest.approx([0.0, 0.2 * MARGIN, 0.4 * MARGIN, 0.6 * MARGIN])
    clock.now += 10
    assert pacer.reserve() == 0.0  # a quiet spell: no wait


def test_no_limit_means_no_wait():
    pacer = RatePacer(None)
    assert [pacer.reserve() for _ in range(10)] == [0.0] * 10


def test_a_burst_of_lookups_from_many_threads_gets_no_429():
    """The local service enforces the sandbox's 5 per second, like the real one."""
    with LocalCaseStatusService(port=0) as svc:
        client = CaseStatusClient(svc.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, max_attempts=1, requests_per_second=5)
        client.lookup("EAC1234567890")  # token and first lookup
        errors = []

        def look_up():
            try:
                client.lookup("EAC1234567890")
            except Exception as exc:  # a 429 would surface here: max_attempts=1
                errors.append(exc)

        threads = [threading.Thread(target=look_up) for _ in range(8)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert errors == []
        assert time.monotonic() - started >= 1.0  # 8 lookups at 5 per second take over a second
