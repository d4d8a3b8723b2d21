"""When the server goes away: the widget says so, keeps what the applicant types,
reconnects by itself and sends it then."""
from __future__ import annotations

import pytest

from tests.browser.conftest import OUTPUT, Chat, start_page_server
from tests.browser.outage import OutageRelay
from tests.browser.test_accessibility import assert_no_serious_violations

RECEIPT = "EAC1234567890"


@pytest.fixture
def relay_page(assistant):
    """A second page server whose Rasa URL is a relay that a test can cut."""
    relay = OutageRelay(assistant.rasa_port)
    url, service = start_page_server(
        f"http://127.0.0.1:{relay.port}", assistant.logs, name="web-relay", port=assistant.relay_page_port
    )
    yield relay, url
    relay.close()
    service.proc.terminate()
    service.proc.wait(timeout=10)


def _connection_state(chat: Chat) -> str:
    return chat.page.locator("#assistant-connection").get_attribute("data-state")


def test_offline_messages_are_kept_and_sent_on_reconnect(chat_factory, relay_page):
    relay, url = relay_page
    chat = chat_factory(url=url)
    assert _connection_state(chat) == "online"
    chat.say("hello")

    relay.cut()
    chat.page.wait_for_function(
        "document.getElementById('assistant-connection').dataset.state === 'offline'", timeout=30_000
    )
    assert "Connection lost" in chat.page.inner_text("#assistant-connection")

    # Typed while offline: shown at once, clearly marked as not sent yet.
    text = "What is the status of my case " + RECEIPT
    chat.page.fill("#assistant-input", text)
    chat.page.press("#assistant-input", "Enter")
    mine = chat.page.locator("#assistant-messages > li.message--user").last
    assert mine.locator(".message__text").inner_text() == text
    assert mine.get_attribute("data-status") == "queued"
    assert "Not sent yet" in mine.locator(".message__status").inner_text()
    chat.page.screenshot(path=str(OUTPUT / "offline-desktop.png"), full_page=True)
    assert_no_serious_violations(chat, "offline")

    # Still there after a reload while offline.
    chat.page.reload()
    mine = chat.page.locator("#assistant-messages > li.message--user").last
    mine.wait_for()
    assert mine.get_attribute("data-status") == "queued"

    before = chat.messages.count() - 1
    relay.restore()
    chat.wait_connected(timeout=60_000)
    replies = chat.wait_for_replies(before, timeout=90_000)
    assert any(RECEIPT in r for r in replies), replies
    assert mine.get_attribute("data-status") == "delivered"
    assert mine.locator(".message__status").is_hidden()
    assert _connection_state(chat) in ("restored", "online")
