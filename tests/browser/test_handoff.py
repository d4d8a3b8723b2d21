"""The states of a handoff, and references, as the applicant sees them.

The assistant tells the page with custom messages (the contract with actions/):
  {"handoff": {"state": "waiting", "tier": 1, "position": 3}}
  {"handoff": {"state": "connected"}}   action_handoff_connected (a representative took it)
  {"handoff": {"state": "returned"}}    action_handoff_returned (back with the assistant)
  {"reference": {"kind": "e_request" | "callback", "id": "..."}}
On the socket channel a custom message is the bot_uttered payload itself.
"connected" and "returned" come from the representatives' side; here they are run
through Rasa's HTTP API, as that tool will.
"""
from __future__ import annotations

import re

import pytest

from contact_center.domain_files import load_domain
from tests.browser.conftest import OUTPUT, ROOT, Chat

HANDOFF_ACTIONS = ("action_handoff_connected", "action_handoff_returned")


def _domain_actions() -> set:
    domain = load_domain(ROOT / "domain")
    return set(domain.get("actions") or [])


@pytest.fixture
def handoff_actions():
    missing = [a for a in HANDOFF_ACTIONS if a not in _domain_actions()]
    if missing:
        pytest.skip(f"the assistant has no {', '.join(missing)} yet (domain/)")


def _reach_live_chat(chat: Chat) -> None:
    """In live-chat hours (the tests' clock), a representative is asked for and the topic
    is one that needs a person: the conversation joins the queue."""
    replies = chat.say("I want to talk to a representative")
    assert any("what do you need help with" in r.lower() for r in replies), replies
    # Not a topic a self-help tool serves (G1), so it goes to a person.
    chat.say("It is about a complicated situation I need to explain to a person")
    chat.page.wait_for_selector("#assistant[data-handoff='waiting']", timeout=30_000)


def test_G2_G3_handoff_states_appear(chat: Chat, assistant, handoff_actions):
    _reach_live_chat(chat)
    banner = chat.page.locator("#assistant-handoff")
    assert banner.is_visible()
    text = banner.inner_text()
    assert "Waiting for a representative." in text and "Tier" not in text, text
    assert re.search(r"number \d+ in line", text), text
    chat.page.screenshot(path=str(OUTPUT / "handoff-waiting.png"), full_page=False)

    session = chat.session_id()
    assistant.execute(session, "action_handoff_connected")
    chat.page.wait_for_selector("#assistant[data-handoff='connected']", timeout=30_000)
    assert "You are connected with a representative" in banner.inner_text()
    assert chat.page.locator("li[data-kind='handoff-connected']").count() == 1

    assistant.execute(session, "action_handoff_returned")
    chat.page.wait_for_selector("#assistant[data-handoff='returned']", timeout=30_000)
    assert "You are back with the virtual assistant" in banner.inner_text()
    assert chat.page.locator("li[data-kind='handoff-returned']").count() == 1

    # The states survive a reload, and the assistant answers again.
    chat.page.reload()
    chat.wait_connected()
    assert chat.page.locator("#assistant").get_attribute("data-handoff") == "returned"
    replies = chat.say("What is the status of my case EAC1234567890")
    assert any("EAC1234567890" in r for r in replies), replies


def test_handoff_states_in_spanish(chat: Chat, assistant, handoff_actions):
    chat.switch_language("es")
    chat.say("Quiero hablar con un representante")
    chat.say("Es una situación complicada que necesito explicarle a una persona")
    chat.page.wait_for_selector("#assistant[data-handoff='waiting']", timeout=30_000)
    text = chat.page.inner_text("#assistant-handoff")
    assert re.search(r"Esperando a un representante\. Usted es el número \d+ en la fila", text), text
    assistant.execute(chat.session_id(), "action_handoff_connected")
    chat.page.wait_for_selector("#assistant[data-handoff='connected']", timeout=30_000)
    assert "Está conectado con un representante" in chat.page.inner_text("#assistant-handoff")
