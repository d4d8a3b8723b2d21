"""The running assistant, started once for every conversation test module (tests/stack.py).

`rasa test` does not run actions, so the modules here drive the real thing (the local Case
Status service, the action server, Rasa with the trained model) through its REST channel, and
check what happened: the reply and its language, the `outcome` and `rule_ids` slots read
through Rasa's tracker API, and the rows the actions wrote in the contact center's store. The
action server's clock is a file the tests move (in or out of live-chat hours), one module per
part of the rulebook (test_case_status.py, test_reschedule.py, ...).
"""
from __future__ import annotations

import pytest
import requests

from tests.conversations.talk import IN_HOURS, Conversation
from tests.stack import ROOT, start_assistant, stop_all


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    logs = ROOT / "tests" / "output" / "conversations"
    try:
        running = start_assistant(tmp_path_factory.mktemp("conversations"), logs, clock=IN_HOURS, case_status_admin=True)
    except Exception as exc:
        pytest.fail(f"the assistant did not start: {exc}")
    yield running
    stop_all(running.services)


@pytest.fixture(scope="session")
def store(assistant):
    from contact_center.storage import ContactCenterStore

    s = ContactCenterStore(assistant.db_url)
    s.migrate()  # the action server migrates on first use: a test that files nothing may come first
    yield s
    s.dispose()


@pytest.fixture
def clock(assistant):
    """Moves the action server's clock for one test; back in live-chat hours after."""
    yield assistant.set_clock
    assistant.set_clock(IN_HOURS)


@pytest.fixture
def case_status_mode(assistant):
    def set_mode(mode: str) -> None:
        requests.post(f"{assistant.case_status_url}/_admin/mode", json={"mode": mode}, timeout=5).raise_for_status()

    yield set_mode
    set_mode("ok")


@pytest.fixture
def chat(assistant):
    return lambda: Conversation(assistant)
