"""The production configuration, run for real: deploy/endpoints.production.yml.

The assistant is started with the production endpoints (PostgreSQL tracker
store, Redis lock store, RabbitMQ event broker) and the contact center's store
on PostgreSQL, and one case-status conversation is held over REST. The test
checks where everything went: the conversation's events in PostgreSQL, the
decision in the PostgreSQL decision log, the events on the RabbitMQ queue, and a
lock from the Redis lock store the file names. On these machines the three
services run at 127.0.0.1; elsewhere the test is skipped with the reason.
"""
from __future__ import annotations

import json
import socket
import uuid

import pytest

from tests.stack import ROOT, start_assistant, stop_all

PRODUCTION_ENDPOINTS = ROOT / "deploy" / "endpoints.production.yml"
SERVICES = {"PostgreSQL": 5432, "Redis": 6379, "RabbitMQ": 5672}
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
ENV = {
    "DB_HOST": "127.0.0.1",
    "DB_PORT": "5432",
    "DB_USER": "postgres",
    "DB_PASSWORD": "",
    "DB_NAME": "test",
    "DB_SSLMODE": "prefer",  # PostgreSQL on this machine: TLS if it offers it
    "REDIS_HOST": "127.0.0.1",
    "REDIS_PORT": "6379",
    "RABBITMQ_HOST": "127.0.0.1",
    "RABBITMQ_USER": "guest",
    "RABBITMQ_PASSWORD": "guest",
    "CONTACT_CENTER_DB_URL": PG_URL,
}


def _unreachable() -> list:
    missing = []
    for name, port in SERVICES.items():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except OSError:
            missing.append(f"{name} (127.0.0.1:{port})")
    return missing


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    missing = _unreachable()
    if missing:
        pytest.skip(f"not reachable here: {', '.join(missing)}; the production configuration needs them")
    logs = ROOT / "tests" / "output" / "production"
    try:
        running = start_assistant(
            tmp_path_factory.mktemp("production"), logs, clock="2026-11-24T10:00:00-05:00",
            endpoints=PRODUCTION_ENDPOINTS, extra_env=ENV,
        )
    except Exception as exc:
        pytest.fail(f"the assistant did not start with {PRODUCTION_ENDPOINTS.name}: {exc}")
    yield running
    stop_all(running.services)


AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


def _amqp(coroutine_function):
    import asyncio

    import aio_pika

    async def run():
        connection = await aio_pika.connect(AMQP_URL, timeout=10)
        try:
            return await coroutine_function(await connection.channel())
        finally:
            await connection.close()

    return asyncio.run(run())


def _tap_broker() -> str:
    """A queue of our own bound to Rasa's fanout exchange: a copy of every event from now on."""
    from rasa.core.brokers.pika import RABBITMQ_EXCHANGE

    name = "test-tap-" + uuid.uuid4().hex[:8]

    async def declare(channel):
        exchange = await channel.get_exchange(RABBITMQ_EXCHANGE)
        queue = await channel.declare_queue(name, durable=False, auto_delete=False)
        await queue.bind(exchange)

    _amqp(declare)
    return name


def _read_tap(name: str, sender: str) -> list:
    async def read(channel):
        queue = await channel.get_queue(name)
        found = []
        while True:
            message = await queue.get(no_ack=True, fail=False, timeout=5)
            if message is None:
                break
            event = json.loads(message.body)
            if event.get("sender_id") == sender:
                found.append(event)
        await queue.delete(if_unused=False, if_empty=False)
        return found

    return _amqp(read)


def test_S1_a_conversation_runs_on_postgresql_redis_and_rabbitmq(production):
    sender = "prod-" + uuid.uuid4().hex[:12]
    tap = _tap_broker()
    replies = production.say(sender, "what is the status of my case EAC1234567890")
    assert any("EAC1234567890" in (m.get("text") or "") for m in replies), replies

    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    engine.dispose()
    assert count and count > 3, "the conversation's events are in PostgreSQL"

    from contact_center.storage import ContactCenterStore

    store = ContactCenterStore(PG_URL)
    try:
        [decision] = store.decisions_for(sender)
        assert decision.outcome == "SELF_SERVICE" and decision.rule_ids == ["S1", "S2"]
    finally:
        store.dispose()

    events = _read_tap(tap, sender)
    assert any(e.get("event") == "user" for e in events), "the events reach RabbitMQ's rasa_events queue"


def test_the_lock_store_of_the_production_file_is_redis(production, monkeypatch):
    import asyncio

    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.utils.endpoints import read_endpoint_config

    for key, value in dict(ENV, ACTION_SERVER_URL="http://127.0.0.1:5055/webhook", ACTION_SERVER_TOKEN="t").items():
        monkeypatch.setenv(key, value)
    config = read_endpoint_config(str(PRODUCTION_ENDPOINTS), "lock_store")
    store = LockStore.create(config)
    assert isinstance(store, RedisLockStore)

    async def hold() -> bool:
        async with store.lock("prod-lock-" + uuid.uuid4().hex[:8]):
            return True

    assert asyncio.run(hold())
