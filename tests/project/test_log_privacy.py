"""No personal data in any log, whatever fails (issue 15).

The whole stack runs with three things broken: the contact center's database cannot
be opened (every filing fails), the Case Status service is down, and the event broker
(RabbitMQ, reached through a relay that is cut once Rasa is up) goes away. An applicant then types their receipt number, name,
e-mail, phone number and a free-text detail through the REST channel and the desk's
page server is used too; afterwards every log the processes wrote is searched for
what was typed.
"""
from __future__ import annotations

import uuid

import pytest
import requests

from tests.stack import ROOT, start_assistant, start_web, stop_all

RECEIPT = "EAC2190054321"
EMAIL = "rosa.quintanilla@example.org"
PHONE_TYPED = "(305) 555-0187"
PHONE_DIGITS = "5550187"
NAME = "Rosa Quintanilla"
DETAIL = "tarjeta verde nunca llego a la calle Magnolia"
IN_HOURS = "2026-11-24T10:00:00-05:00"


def _rabbitmq_running() -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 5672), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    from tests.browser.outage import OutageRelay

    if not _rabbitmq_running():
        pytest.skip("RabbitMQ is not running at 127.0.0.1:5672: the broker-down case needs one to cut")
    relay = OutageRelay(5672)  # Rasa reaches RabbitMQ through it; cut once Rasa is up
    work = tmp_path_factory.mktemp("log_privacy")
    logs = work / "logs"
    endpoints = work / "endpoints.yml"
    not_a_folder = work / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    try:
        assistant = start_assistant(
            work, logs, clock=IN_HOURS,
            extra_env={
                # A database under a file: it cannot be created, so every write fails.
                "CONTACT_CENTER_DB_URL": f"sqlite:///{not_a_folder}/contact_center.db",
                # Nothing listens there: the Case Status service is down.
                "CASE_STATUS_BASE_URL": "http://127.0.0.1:9",
            },
            endpoints=_endpoints_with_a_broker(endpoints, work, relay.port),
        )
    except Exception as exc:
        relay.close()
        pytest.fail(f"the assistant did not start: {exc}")
    relay.cut()  # the broker goes down while the assistant runs
    try:
        assistant.services.append(start_web(assistant, logs))
    except Exception as exc:
        stop_all(assistant.services)
        pytest.fail(f"the page server did not start: {exc}")
    yield assistant, logs
    stop_all(assistant.services)
    relay.close()


def _endpoints_with_a_broker(path, work, port):
    path.write_text(
        'action_endpoint:\n  url: "${ACTION_SERVER_URL}"\n  headers:\n    X-Action-Token: ${ACTION_SERVER_TOKEN}\n'
        f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{work / "tracker.db"}"\n'
        f'event_broker:\n  type: pika\n  url: 127.0.0.1\n  port: {port}\n  username: guest\n  password: guest\n'
        '  queues:\n    - privacy_test_events\n',
        encoding="utf-8",
    )
    return path


def test_nothing_the_applicant_typed_reaches_a_log_when_everything_fails(broken):
    assistant, logs = broken
    sender = "privacy-" + uuid.uuid4().hex[:8]
    typed = [
        f"what is the status of my case {RECEIPT}",
        "my green card never arrived",
        RECEIPT,
        f"{DETAIL}, soy {NAME}",
        f"{EMAIL} or {PHONE_TYPED}",
        "yes",
        f"my name is {NAME} and my phone is {PHONE_TYPED}",
    ]
    answered = []
    for text in typed:
        answer = requests.post(f"{assistant.rasa_url}/webhooks/rest/webhook",
                               json={"sender": sender, "message": text}, headers=assistant.rest_headers(sender),
                               timeout=120)
        answered.append(answer.status_code)
    assert all(code == 200 for code in answered), answered
    requests.get(assistant.page_url + "desk/api/queue", timeout=30)  # the desk answers 401, and logs nothing of it
    files = sorted(p for p in logs.iterdir() if p.suffix == ".log")
    assert {p.stem for p in files} >= {"rasa", "actions", "case_status", "web"}
    for path in files:
        text = path.read_text(errors="replace")
        for value in (RECEIPT, EMAIL, PHONE_DIGITS, NAME, "Quintanilla", "Magnolia"):
            assert value not in text, f"{value!r} found in {path.name}"
    # The failures did happen (so the search above means something).
    everything = "".join(p.read_text(errors="replace") for p in files)
    assert "Error" in everything or "error" in everything
