"""CaseStatusClient against the real local Case Status service (rules S1, S3).

Each test starts the service in-process on a free loopback port: the client
speaks real HTTP to it, nothing in `requests` is mocked.
"""
from __future__ import annotations

import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from contact_center.case_status import (
    CaseStatus,
    CaseStatusClient,
    CaseStatusUnavailable,
    ReceiptMalformed,
    ReceiptNotFound,
)
from contact_center.case_status import client as client_module
from contact_center.case_status.pacing import MARGIN
from services.case_status_local import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, LocalCaseStatusService
from services.case_status_local.server import date_en, date_es

APPROVED = "EAC1234567890"  # demo: I-130 approved
IOE = "IOE4444444444"  # demo: IOE receipt, no dates
SANDBOX_WITH_HISTORY = "EAC9999103403"
SANDBOX_WITHOUT_HISTORY = "EAC9999103400"


@pytest.fixture
def service():
    svc = LocalCaseStatusService(port=0, admin=True, slow_seconds=3.0).start()
    try:
        yield svc
    finally:
        svc.stop()


class SleepRecorder:
    """Stands in for time.sleep so backoff is checked without waiting for it."""

    def __init__(self):
        self.calls = []

    def __call__(self, seconds):
        self.calls.append(seconds)


def make_client(url: str, **overrides) -> CaseStatusClient:
    settings = dict(
        timeout=(1.0, 2.0),
        max_attempts=3,
        backoff_seconds=0.01,
        max_backoff_seconds=0.05,
        max_retry_after_seconds=0.05,
        total_deadline_seconds=5.0,
    )
    settings.update(overrides)
    return CaseStatusClient(url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, **settings)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- S1: happy path


def test_S1_lookup_returns_english_and_spanish(service):
    with make_client(service.url) as client:
        case = client.lookup(APPROVED)
    assert isinstance(case, CaseStatus)
    assert case.receipt_number == APPROVED
    assert case.form_type == "I-130"
    assert case.title_en == "Case Was Approved"
    assert case.title_es == "Caso Fue Aprobado"
    assert "Form I-130, Petition for Alien Relative" in case.description_en
    assert f"Receipt Number {APPROVED}" in case.description_en
    assert "Formulario I-130" in case.description_es
    assert f"número de recibo {APPROVED}" in case.description_es
    # The description's date is the modified date, in each language's style.
    assert date_en(case.modified_date) in case.description_en
    assert date_es(case.modified_date) in case.description_es
    assert case.submitted_date < case.modified_date < datetime.now()
    assert case.title("es") == case.title_es and case.description("es") == case.description_es
    assert case.title("en") == case.title_en and case.description() == case.description_en


def test_S1_receipt_is_trimmed_and_upper_cased(service):
    with make_client(service.url) as client:
        assert client.lookup("  eac1234567890 ").receipt_number == APPROVED


def test_S1_ioe_receipt_has_no_dates(service):
    with make_client(service.url) as client:
        case = client.lookup(IOE)
    assert case.submitted_date is None and case.modified_date is None
    assert case.title_en == "Case Was Received"
    assert case.history == ()


def test_S1_sandbox_receipt_with_history(service):
    with make_client(service.url) as client:
        case = client.lookup(SANDBOX_WITH_HISTORY)
    assert case.form_type == "I-130" and case.title_en == "Case Was Approved"
    assert len(case.history) >= 1
    dates = [h.date for h in case.history]
    assert all(isinstance(d, datetime) for d in dates)
    assert dates == sorted(dates), "history is oldest first"
    assert case.history[0].text_en == "Case Was Received"
    assert case.history[0].text_es == "Caso Fue Recibido"
    date, text_en, text_es = case.history[0]  # entries are (date, text_en, text_es)
    assert dates[-1] <= case.modified_date


def test_S1_sandbox_receipt_without_history(service):
    with make_client(service.url) as client:
        case = client.lookup(SANDBOX_WITHOUT_HISTORY)
    assert case.history == ()
    assert case.submitted_date is not None


# ---------------------------------------------------------------- token handling


def test_token_is_cached_across_lookups(service):
    with make_client(service.url) as client:
        client.lookup(APPROVED)
        client.lookup(IOE)
        client.lookup(SANDBOX_WITH_HISTORY)
    assert service.stats["token_requests"] == 1
    assert service.stats["case_status_requests"] == 3


def test_token_is_shared_by_concurrent_lookups(service):
    client = make_client(service.url)
    errors = []

    def work():
        try:
            client.lookup(APPROVED)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert service.stats["token_requests"] == 1


def test_token_is_renewed_before_it_expires():
    with LocalCaseStatusService(port=0, token_ttl_seconds=1) as svc:
        with make_client(svc.url) as client:
            client.lookup(APPROVED)
            # expires_in "1": renewed after half its life, before the server refuses it.
            time.sleep(0.6)
            client.lookup(APPROVED)
        assert svc.stats["token_requests"] == 2
        assert svc.stats["case_status_requests"] == 2  # no 401 on the way


def test_401_renews_the_token_once_and_retries(service):
    with make_client(service.url) as client:
        client.lookup(APPROVED)
        service.revoke_tokens()
        case = client.lookup(APPROVED)
    assert case.title_en == "Case Was Approved"
    assert service.stats["token_requests"] == 2
    assert service.stats["case_status_requests"] == 3  # ok, 401, ok


def test_S3_repeated_401_is_unavailable(service):
    service.set_mode("unauthorized")
    with make_client(service.url) as client:
        with pytest.raises(CaseStatusUnavailable) as err:
            client.lookup(APPROVED)
    assert err.value.status == 401
    assert "Invalid or expired access token" in str(err.value)
    assert service.stats["token_requests"] == 2  # renewed once, not more
    assert service.stats["case_status_requests"] == 2


def test_S3_bad_credentials_are_unavailable(service):
    client = CaseStatusClient(service.url, DEMO_CLIENT_ID, "wrong-secret", timeout=(1, 2))
    with pytest.raises(CaseStatusUnavailable) as err:
        client.lookup(APPROVED)
    assert err.value.status == 401
    assert "Invalid client identifier or secret" in str(err.value)
    assert service.stats["case_status_requests"] == 0
    assert "wrong-secret" not in repr(client)


# ---------------------------------------------------------------- 404 / 422


def test_S1_unknown_receipt_is_not_found(service):
    with make_client(service.url) as client:
        with pytest.raises(ReceiptNotFound) as err:
            client.lookup("ABC1234567890")
    assert err.value.status == 404
    assert err.value.receipt == "ABC1234567890"
    assert "was not found" in str(err.value)  # the API's own message


def test_malformed_receipt_is_malformed(service):
    with make_client(service.url) as client:
        with pytest.raises(ReceiptMalformed) as err:
            client.lookup("EAC123")
    assert err.value.status == 422
    assert "3-letter prefix and 10 digits" in str(err.value)


def test_empty_receipt_is_malformed_without_a_call(service):
    with make_client(service.url) as client:
        with pytest.raises(ReceiptMalformed):
            client.lookup("   ")
    assert service.stats["token_requests"] == 0


# ---------------------------------------------------------------- S3: retries and outages


def test_S3_429_is_retried_then_unavailable(service):
    service.set_mode("rate_limited")
    client = make_client(service.url)
    client._sleep = sleeps = SleepRecorder()
    with pytest.raises(CaseStatusUnavailable) as err:
        client.lookup(APPROVED)
    assert err.value.status == 429
    assert "Spike Arrest Violation" in str(err.value)
    assert service.stats["case_status_requests"] == 3
    # Retry-After is "1"; the client honours it but caps it at max_retry_after_seconds.
    assert sleeps.calls == [pytest.approx(0.05, abs=0.01)] * 2


def test_429_then_recovery_succeeds(service):
    service.set_mode("rate_limited", times=1)
    with make_client(service.url) as client:
        assert client.lookup(APPROVED).title_en == "Case Was Approved"
    assert service.stats["case_status_requests"] == 2


def test_S3_503_is_retried_with_backoff_then_unavailable():
    # No Retry-After here, so the exponential backoff applies.
    with LocalCaseStatusService(port=0, mode="down", retry_after_seconds=None) as svc:
        client = make_client(svc.url, backoff_seconds=0.01, max_backoff_seconds=1.0, max_attempts=4)
        client._sleep = sleeps = SleepRecorder()
        with pytest.raises(CaseStatusUnavailable) as err:
            client.lookup(APPROVED)
    assert err.value.status == 503
    assert "temporarily unavailable" in str(err.value)  # nested {"error": {...}} body
    assert svc.stats["token_requests"] == 4  # the token endpoint is down too
    assert sleeps.calls == [pytest.approx(s, abs=0.005) for s in (0.01, 0.02, 0.04)]


def test_S3_503_on_lookup_is_retried_then_unavailable(service):
    with make_client(service.url) as client:
        client.lookup(APPROVED)  # token in hand
        service.set_mode("down")
        client._sleep = SleepRecorder()
        with pytest.raises(CaseStatusUnavailable):
            client.lookup(APPROVED)
    assert service.stats["case_status_requests"] == 1 + 3


def test_503_then_recovery_succeeds(service):
    with make_client(service.url) as client:
        client.lookup(APPROVED)
        service.set_mode("down", times=2)
        assert client.lookup(APPROVED).form_type == "I-130"
    assert service.stats["case_status_requests"] == 1 + 3


def test_S3_500_is_unavailable_without_retry(service):
    service.set_mode("error")
    with make_client(service.url) as client:
        with pytest.raises(CaseStatusUnavailable) as err:
            client.lookup(APPROVED)
    assert err.value.status == 500
    assert service.stats["case_status_requests"] == 1


def test_S3_bad_json_is_unavailable(service):
    service.set_mode("bad_json")
    with make_client(service.url) as client:
        with pytest.raises(CaseStatusUnavailable, match="not JSON"):
            client.lookup(APPROVED)


def test_S3_slow_service_times_out_quickly(service):
    service.set_mode("slow")  # sleeps 3 s per lookup
    client = make_client(service.url, timeout=(0.5, 0.2), max_attempts=2)
    started = time.monotonic()
    with pytest.raises(CaseStatusUnavailable, match="timed out"):
        client.lookup(APPROVED)
    assert time.monotonic() - started < 1.5
    assert service.stats["case_status_requests"] == 2


def test_S3_total_deadline_bounds_a_slow_lookup(service):
    service.set_mode("slow")
    client = make_client(service.url, timeout=(0.5, 10.0), max_attempts=5, total_deadline_seconds=0.5)
    started = time.monotonic()
    with pytest.raises(CaseStatusUnavailable):
        client.lookup(APPROVED)
    assert time.monotonic() - started < 1.5


def test_S3_connection_refused_is_unavailable():
    client = make_client(f"http://127.0.0.1:{free_port()}")
    client._sleep = sleeps = SleepRecorder()
    started = time.monotonic()
    with pytest.raises(CaseStatusUnavailable, match="connection failed"):
        client.lookup(APPROVED)
    assert len(sleeps.calls) == 2  # 3 attempts
    assert time.monotonic() - started < 2


class RecordingSession(requests.Session):
    """A real Session that notes the timeout of every request."""

    def __init__(self):
        super().__init__()
        self.timeouts = []

    def request(self, method, url, **kwargs):
        self.timeouts.append((method, url.rsplit("/", 1)[-1], kwargs.get("timeout")))
        return super().request(method, url, **kwargs)


def test_every_call_has_a_timeout(service):
    session = RecordingSession()
    client = make_client(service.url, session=session)
    client.lookup(APPROVED)
    service.revoke_tokens()
    client.lookup(IOE)
    assert len(session.timeouts) == 5  # token, lookup, 401, token, lookup
    for method, _, timeout in session.timeouts:
        connect, read = timeout
        assert 0 < connect <= 1.0 and 0 < read <= 2.0


# ---------------------------------------------------------------- configuration


def test_from_config_reads_environment_and_yaml(service, tmp_path: Path):
    config = tmp_path / "config.yml"
    config.write_text(
        "connect_timeout_seconds: 0.7\nread_timeout_seconds: 1.5\nmax_attempts: 2\n"
        "backoff_seconds: 0.01\nretry_statuses: [429, 503, 502]\n"
    )
    env = {
        "CASE_STATUS_BASE_URL": service.url + "/",
        "CASE_STATUS_CLIENT_ID": DEMO_CLIENT_ID,
        "CASE_STATUS_CLIENT_SECRET": DEMO_CLIENT_SECRET,
    }
    client = CaseStatusClient.from_config(config_path=config, env=env)
    assert client.base_url == service.url
    assert (client.connect_timeout, client.read_timeout) == (0.7, 1.5)
    assert client.max_attempts == 2 and client.backoff_seconds == 0.01
    assert client.retry_statuses == {429, 502, 503}
    assert client.lookup(APPROVED).form_type == "I-130"


def test_from_config_defaults_to_the_local_service():
    client = CaseStatusClient.from_config(env={})
    assert client.base_url == "http://127.0.0.1:5056"
    assert client.client_id == DEMO_CLIENT_ID
    assert (client.connect_timeout, client.read_timeout) == (3.05, 10.0)
    assert client.max_attempts == 3 and client.backoff_seconds == 0.5
    assert client._pacer.interval == pytest.approx(MARGIN / 5)  # the sandbox's spike arrest


def test_the_request_rate_comes_from_the_deployment():
    client = CaseStatusClient.from_config(env={"CASE_STATUS_REQUESTS_PER_SECOND": "10"})
    assert client._pacer.interval == pytest.approx(MARGIN / 10)  # production's spike arrest


def test_a_deployment_without_a_spike_arrest_is_not_paced():
    client = CaseStatusClient.from_config(env={"CASE_STATUS_REQUESTS_PER_SECOND": "0"})
    assert client._pacer.interval == 0 and client._pacer.reserve() == 0


def test_retry_after_accepts_seconds_and_http_dates():
    assert client_module._retry_after("2") == 2.0
    assert client_module._retry_after(None) is None
    assert client_module._retry_after("soon") is None
    later = datetime.now(timezone.utc) + timedelta(seconds=30)
    value = later.strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 25 <= client_module._retry_after(value) <= 31


def test_api_dates_parse_in_the_documented_format():
    assert client_module.parse_api_date("09-05-2023 14:28:46") == datetime(2023, 9, 5, 14, 28, 46)
    assert client_module.parse_api_date("2023-09-05") == datetime(2023, 9, 5)
    assert client_module.parse_api_date("") is None
    assert client_module.parse_api_date("not a date") is None
