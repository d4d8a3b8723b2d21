"""axe-core (vendored from npm, web/node_modules) on the page with a conversation on
screen, at desktop and phone sizes, in English and Spanish; the screenshots go to
tests/output/browser/."""
from __future__ import annotations

from tests.browser.conftest import AXE, DESKTOP, OUTPUT, PHONE, Chat, save_json

RECEIPT = "EAC1234567890"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = ("serious", "critical")


def run_axe(chat: Chat) -> dict:
    if not chat.page.evaluate("typeof window.axe !== 'undefined'"):
        chat.page.add_script_tag(path=str(AXE))
    return chat.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )


def assert_no_serious_violations(chat: Chat, name: str) -> dict:
    results = run_axe(chat)
    summary = {
        "page": name,
        "axe_version": results["testEngine"]["version"],
        "tags": AXE_TAGS,
        "violations": [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]],
            }
            for v in results["violations"]
        ],
    }
    save_json(f"axe-{name}.json", summary)
    blocking = [v for v in summary["violations"] if v["impact"] in BLOCKING]
    assert not blocking, blocking
    return summary


def _converse(chat: Chat, lang: str) -> None:
    if lang == "es":
        chat.switch_language("es")
        chat.say("Quiero saber el estado de mi caso")
    else:
        chat.say("I want to check the status of my case")
    chat.say(RECEIPT)


def test_axe_desktop_english_with_a_conversation(chat_factory):
    chat = chat_factory(viewport=DESKTOP)
    _converse(chat, "en")
    chat.page.screenshot(path=str(OUTPUT / "chat-desktop.png"), full_page=False)
    summary = assert_no_serious_violations(chat, "desktop-en")
    assert summary["axe_version"]


def test_axe_phone_spanish_with_a_conversation(chat_factory):
    chat = chat_factory(viewport=PHONE)
    _converse(chat, "es")
    # On a phone the widget is the whole width and nothing scrolls sideways.
    width = chat.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    box = chat.page.locator("#assistant").bounding_box()
    assert box["width"] >= PHONE["width"] - 40
    # The chat is one tap from the top of the page (issue 13): a button in the first screen
    # takes the applicant to the message box.
    chat.page.evaluate("window.scrollTo(0, 0)")
    jump = chat.page.locator(".chat-jump a")
    jump_box = jump.bounding_box()
    assert jump.is_visible() and jump_box["y"] + jump_box["height"] <= PHONE["height"], jump_box
    assert jump_box["height"] >= 44
    jump.click()
    chat.page.wait_for_function("() => { const r = document.getElementById('assistant-input').getBoundingClientRect();"
                                " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=5_000)
    # Touch targets: quick replies, language and send buttons at least 44 px high.
    for selector in (".lang-button", "#assistant-send"):
        assert chat.page.locator(selector).first.bounding_box()["height"] >= 44
    chat.page.locator("#assistant").scroll_into_view_if_needed()
    chat.page.screenshot(path=str(OUTPUT / "chat-phone.png"), full_page=False)
    chat.page.screenshot(path=str(OUTPUT / "chat-phone-full.png"), full_page=True)
    assert_no_serious_violations(chat, "phone-es")


def test_keyboard_only_conversation_with_visible_focus(chat_factory):
    """Skip link to the message box, type, Enter; every focus stop has an outline."""
    chat = chat_factory()
    chat.page.focus("body")
    chat.page.keyboard.press("Tab")
    assert chat.page.evaluate("document.activeElement.getAttribute('href')") == "#assistant-input"
    chat.page.keyboard.press("Enter")
    assert chat.page.evaluate("document.activeElement.id") == "assistant-input"
    before = chat.messages.count()
    chat.page.keyboard.type("I want to check the status of my case")
    chat.page.keyboard.press("Enter")
    replies = chat.wait_for_replies(before)
    assert any("receipt" in r.lower() for r in replies), replies
    # Walk the whole tab order: every stop shows a focus outline.
    seen = set()
    chat.page.focus(".skip-link")  # the first stop; Tab goes on from there
    for step in range(60):
        if step:
            chat.page.keyboard.press("Tab")
        info = chat.page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {key: e.id || e.className || e.tagName, tag: e.tagName,"
            " outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"
        )
        if info["tag"] == "BODY":
            break
        assert info["outline"] != "none" and info["width"] >= 2, info
        seen.add(info["key"])
    assert {"assistant-input", "assistant-send", "assistant-new", "assistant-log"} <= seen, seen
