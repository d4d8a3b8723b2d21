"""The applicant channels against abuse (issue 15).

Rate limits: one applicant in a loop is slowed down, others are not. Unit tests of the
buckets with a moved clock, then the REST channel of a running Rasa with small limits:
the flooder gets 429 and a "please wait" in their language; another conversation (and,
for the per-address limit, another address) goes on.

Sessions: a socket conversation can be resumed only with the token the server gave the
browser that started it; its id alone starts a new conversation and cannot write into it.
"""
from __future__ import annotations

import uuid

import pytest
import requests

from applicant_channels.rate_limit import Buckets, RateLimiter, wait_message
from applicant_channels.session_binding import Tokens
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


def test_telling_a_flood_to_wait_detects_its_language_once(monkeypatch):
    from applicant_channels import rate_limit

    calls = []
    monkeypatch.setattr(rate_limit, "message_language", lambda text: calls.append(text) or "es")
    limiter = RateLimiter(clock=Clock())
    answers = [limiter.refusal("flood-1", "10.0.0.9", f"hola {i}", 2.0) for i in range(50)]
    answers += [limiter.refusal(f"new-{i}", "10.0.0.9", "hola", 2.0) for i in range(50)]  # new ids, same address
    assert len(calls) == 1 and all("Espere 2 segundos" in a for a in answers)


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
    return session.post(url, json={"sender": sender, "message": text}, headers=assistant.rest_headers(sender),
                        timeout=120)


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


# ---------------------------------------------------------------- sessions bound to their browser


def test_a_token_fits_only_its_conversation_and_key():
    tokens = Tokens("k" * 32)
    token = tokens.issue("abc123abc123")
    assert tokens.valid("abc123abc123", token)
    assert not tokens.valid("abc123abc124", token)
    assert not Tokens("other-key" * 4).valid("abc123abc123", token)
    assert not tokens.valid("abc123abc123", None) and not tokens.valid(None, token)


def test_a_conversation_id_alone_cannot_join_or_write_into_anothers_conversation(assistant):
    import asyncio

    import socketio

    async def connect(session_id=None, token=None):
        client = socketio.AsyncClient(reconnection=False)
        got = {"token": asyncio.Queue(), "bot": []}
        client.on("session_token", lambda data: got["token"].put_nowait(data))
        client.on("bot_uttered", lambda data: got["bot"].append(data))
        # engineio's websocket client needs aiohttp 3.10; polling is the same socket.io protocol.
        await client.connect(f"http://127.0.0.1:{assistant.rasa_port}", socketio_path="/socket.io",
                             transports=["polling"])
        await client.emit("session_request", {"session_id": session_id, "session_token": token})
        issued = await asyncio.wait_for(got["token"].get(), 30)
        return client, issued, got

    async def scenario():
        owner, issued, owner_got = await connect()
        victim_id, victim_token = issued["session_id"], issued["session_token"]
        await owner.emit("user_uttered", {"message": "what is the status of EAC2190012345", "session_id": victim_id})
        # The reply reaches the owner's socket: the channel joined the conversation's room
        # (python-socketio 5.10+ needs enter_room awaited, which rasa 3.6 does not do).
        for _ in range(60):
            if owner_got["bot"]:
                break
            await asyncio.sleep(0.5)
        assert owner_got["bot"], "no reply reached the socket that started the conversation"
        # An intruder who learned the id (not the token) gets a conversation of its own ...
        intruder, given, _ = await connect(victim_id, "not-the-token-" + "x" * 20)
        assert given["session_id"] != victim_id
        # ... and a message naming the victim's id is dropped.
        await intruder.emit("user_uttered", {"message": "my email is intruder@example.com", "session_id": victim_id})
        await asyncio.sleep(3)
        await intruder.disconnect()
        # The owner, with the token, resumes the same conversation.
        await owner.disconnect()
        again, resumed, _ = await connect(victim_id, victim_token)
        await again.disconnect()
        return victim_id, resumed["session_id"]

    victim_id, resumed_id = asyncio.run(scenario())
    assert resumed_id == victim_id
    said = [e.get("text") for e in assistant.tracker(victim_id)["events"] if e.get("event") == "user"]
    assert said == ["what is the status of EAC2190012345"]


def test_a_rest_conversation_goes_on_only_with_the_token_the_server_gave(assistant):
    url = f"{assistant.rasa_url}/webhooks/rest/webhook"
    first = requests.post(url, json={"message": "hi, what's the status of my case"}, timeout=120)
    assert first.status_code == 200 and first.json()
    conversation, token = first.headers["X-Conversation-Id"], first.headers["X-Conversation-Token"]
    second = requests.post(url, json={"sender": conversation, "message": "EAC2190012345"},
                           headers={"X-Conversation-Token": token}, timeout=120)
    assert second.status_code == 200 and "X-Conversation-Token" not in second.headers
    # Someone who learned the id (from a shared computer, a screenshot) cannot write into it
    # or read its answers: refused in their message's language, before the model.
    alone = requests.post(url, json={"sender": conversation, "message": "hola, mi correo es intruso@example.com"},
                          timeout=30)
    forged = requests.post(url, json={"sender": conversation, "message": "what is my receipt number again?"},
                           headers={"X-Conversation-Token": "x" * 43}, timeout=30)
    assert alone.status_code == forged.status_code == 403
    assert "conversación" in alone.json()[0]["text"] and "conversation" in forged.json()[0]["text"]
    said = [e.get("text") for e in assistant.tracker(conversation)["events"] if e.get("event") == "user"]
    assert said == ["hi, what's the status of my case", "EAC2190012345"]


# ---------------------------------------------------------------- behind the front door


class _SanicLike:
    def __init__(self, ip, remote_addr=""):
        self.ip, self.remote_addr = ip, remote_addr


def test_behind_the_proxy_the_rate_limit_counts_the_applicants_address_not_the_proxys():
    from applicant_channels.bounded import client_address

    # Sanic fills remote_addr from X-Forwarded-For only when SANIC_PROXIES_COUNT is set.
    assert client_address(_SanicLike("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    assert client_address(_SanicLike("198.51.100.2")) == "198.51.100.2"
    assert client_address(None) is None


def test_the_desk_trusts_x_forwarded_for_only_as_far_as_it_is_told(monkeypatch):
    from aiohttp.test_utils import make_mocked_request

    from desk.app import _address

    request = make_mocked_request("POST", "/desk/api/session",
                                  headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.7"})
    monkeypatch.delenv("WEB_PROXIES_COUNT", raising=False)
    assert _address(request) != "203.0.113.7"  # no proxy trusted: a forged header counts for nothing
    monkeypatch.setenv("WEB_PROXIES_COUNT", "1")
    assert _address(request) == "203.0.113.7"  # the address the one trusted proxy appended
