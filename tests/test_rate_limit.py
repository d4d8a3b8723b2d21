"""One applicant in a loop is slowed down, others are not (issue 15: bounded input).

Unit tests of the buckets with a moved clock, then the REST and socket channels of a
running Rasa with small limits: the flooder gets 429 and a "please wait" in their
language; another conversation (and, for the per-address limit, another address) goes on.
"""
from __future__ import annotations

import uuid

import pytest
import requests

from applicant_channels.rate_limit import Buckets, RateLimiter, wait_message
from tests.stack import ROOT, start_assistant, stop_all


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_one_per_interval():
    clock = Clock()
    buckets = Buckets(capacity=3, per_second=0.5, clock=clock)
    for _ in range(3):
        assert buckets.wait("a") == 0
        buckets.spend("a")
    assert buckets.wait("a") == pytest.approx(2.0)
    assert buckets.wait("b") == 0  # someone else is not slowed
    clock.now += 2.0
    assert buckets.wait("a") == 0


def test_the_limiter_counts_a_message_against_its_conversation_and_its_address(monkeypatch):
    monkeypatch.setenv("APPLICANT_RATE_CONVERSATION", "2/60")
    monkeypatch.setenv("APPLICANT_RATE_ADDRESS", "3/60")
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    assert limiter.check("one", "10.0.0.1") == 0 and limiter.check("one", "10.0.0.1") == 0
    assert limiter.check("one", "10.0.0.1") > 0  # the conversation's burst is spent
    assert limiter.check("two", "10.0.0.1") == 0  # same office, another applicant
    assert limiter.check("three", "10.0.0.1") > 0  # the address's burst is spent
    assert limiter.check("four", "10.0.0.2") == 0  # another address goes on
    clock.now += 30
    assert limiter.check("one", "10.0.0.1") == 0


def test_a_bad_setting_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("APPLICANT_RATE_CONVERSATION", "lots")
    with pytest.raises(ValueError, match="APPLICANT_RATE_CONVERSATION"):
        RateLimiter()


def test_the_wait_is_said_in_the_applicants_language():
    assert "Espere 3 segundos" in wait_message("hola necesito ayuda con mi caso por favor", 2.2)
    assert "Please wait 1 seconds" in wait_message("hello I need help with my case", 0.2)


# ---------------------------------------------------------------- the running channels


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    logs = ROOT / "tests" / "output" / "rate_limit"
    try:
        running = start_assistant(
            tmp_path_factory.mktemp("rate_limit"), logs,
            extra_env={"APPLICANT_RATE_CONVERSATION": "4/60", "APPLICANT_RATE_ADDRESS": "10/60"},
        )
    except Exception as exc:
        pytest.fail(f"the assistant did not start: {exc}")
    yield running
    stop_all(running.services)


def post(assistant, sender: str, text: str, source: str = "127.0.0.1"):
    """A REST message from `source` (any 127.x address reaches the loopback server)."""
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter()
    adapter.init_poolmanager(1, 1, source_address=(source, 0))
    session.mount("http://", adapter)
    url = f"http://127.0.0.1:{assistant.rasa_port}/webhooks/rest/webhook"
    return session.post(url, json={"sender": sender, "message": text}, timeout=120)


def test_a_flooding_conversation_gets_429_in_its_language_and_others_go_on(assistant):
    flooder = "flood-" + uuid.uuid4().hex[:8]
    answers = [post(assistant, flooder, "hola, ¿cuál es el estado de mi caso?", "127.0.0.2") for _ in range(5)]
    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert answers[4].status_code == 429 and int(answers[4].headers["Retry-After"]) >= 1
    assert "Espere" in answers[4].json()[0]["text"]
    calm = post(assistant, "calm-" + uuid.uuid4().hex[:8], "what is the status of my case", "127.0.0.2")
    assert calm.status_code == 200 and calm.json()


def test_one_address_in_a_loop_is_slowed_but_other_addresses_are_not(assistant):
    codes = [post(assistant, f"many-{i}-{uuid.uuid4().hex[:6]}", "hello", "127.0.0.3").status_code for i in range(12)]
    assert codes[:10] == [200] * 10 and 429 in codes[10:]
    assert post(assistant, "elsewhere-" + uuid.uuid4().hex[:6], "hello", "127.0.0.4").status_code == 200
