"""The chat page in a real browser: conversations, reload, safety, keyboard, languages.

Each test opens the page served by web/serve.py in Debian's Chromium and talks to
the running assistant through Rasa's socket channel, as an applicant would.
"""
from __future__ import annotations

import json
import re

import pytest
import requests

from contact_center.domain_files import load_domain
from tests.browser.conftest import ROOT, Chat

RECEIPT = "EAC1234567890"  # an approved case in services/case_status_local


def test_S1_case_status_conversation_in_english(chat: Chat):
    replies = chat.say("I want to check the status of my case")
    assert any("receipt" in r.lower() for r in replies), replies
    replies = chat.say(RECEIPT)
    text = " ".join(replies)
    assert RECEIPT in text, replies
    assert re.search(r"\bapproved\b", text, re.I), replies
    # Timestamps on every message, machine-readable and shown.
    times = chat.page.locator("#assistant-messages > li time")
    assert times.count() == chat.messages.count()
    assert re.match(r"\d{4}-\d\d-\d\dT", times.first.get_attribute("datetime"))
    assert re.search(r"\d:\d\d", times.last.inner_text())


def test_G4_S1_case_status_conversation_in_spanish(chat: Chat, assistant):
    chat.switch_language("es")
    # The widget's own labels are Spanish at once...
    assert chat.page.locator("#assistant").get_attribute("lang") == "es"
    assert chat.page.inner_text("#assistant-send") == "Enviar"
    assert chat.page.inner_text("label[for='assistant-input']") == "Escriba su mensaje"
    assert chat.page.locator(".lang-button[data-lang='es']").get_attribute("aria-pressed") == "true"
    # ...and the assistant is told: /change_language{"language":"es"}, which is not shown as
    # something the applicant wrote (issue 13: the buttons do not post messages).
    events = assistant.tracker(chat.session_id())["events"]
    assert any(e.get("event") == "user" and e.get("text") == '/change_language{"language":"es"}' for e in events)
    assert chat.page.locator("#assistant-messages > li.message--user").count() == 0
    assert not any("Español" in t for t in chat.texts("user"))

    replies = chat.say("Quiero saber el estado de mi caso")
    assert any("recibo" in r.lower() for r in replies), replies
    replies = chat.say(RECEIPT)
    text = " ".join(replies)
    assert RECEIPT in text, replies
    assert re.search(r"aprob", text, re.I), replies
    assert assistant.tracker(chat.session_id())["slots"]["language"] == "es"


def test_G4_a_switch_to_spanish_in_words_changes_the_page_too(chat: Chat, assistant):
    """Issue 13: "puedo hablar en español?" typed mid-conversation, no button pressed: the
    replies are Spanish, and so are the page's labels and lang (screen readers)."""
    chat.say("hi, I need help with my case")
    replies = chat.say("sorry my english is not good, puedo hablar en español?")
    assert any(re.search(r"espa[ñn]ol", r, re.I) for r in replies), replies
    chat.page.wait_for_function("document.getElementById('assistant').getAttribute('lang') === 'es'", timeout=10_000)
    assert chat.page.inner_text("#assistant-send") == "Enviar"
    assert chat.page.locator(".lang-button[data-lang='es']").get_attribute("aria-pressed") == "true"
    spanish = chat.page.locator("#assistant-messages > li.message--bot").last
    assert spanish.get_attribute("lang") == "es"
    # The English replies before it keep their own language for a screen reader.
    assert chat.page.locator("#assistant-messages > li.message--bot[lang='en']").count() >= 1
    assert assistant.tracker(chat.session_id())["slots"]["language"] == "es"


def test_a_paste_longer_than_the_limit_is_kept_in_the_box_with_a_word_about_it(chat: Chat, assistant):
    """Bad input gets a clear answer and nothing is lost: a paste over the channel's limit
    is neither cut short nor sent; the page says so in its language."""
    limit = chat.page.evaluate("window.ASSISTANT_CONFIG.maxChars")
    assert limit == 2000
    text = ("My case has been pending for two years and I sent every document they asked for. " * 40)[: limit + 300]
    before = chat.messages.count()
    chat.page.fill("#assistant-input", text)
    assert chat.page.input_value("#assistant-input") == text  # not cut at any length
    hint = chat.page.locator("#assistant-input-length")
    assert hint.is_visible() and "2,300" in hint.inner_text() and "2,000" in hint.inner_text()
    chat.page.press("#assistant-input", "Enter")
    assert chat.page.input_value("#assistant-input") == text
    assert chat.messages.count() == before
    assert chat.page.get_attribute("#assistant-input", "aria-invalid") == "true"
    chat.switch_language("es")
    assert re.search(r"2[.,\u00a0]?300", hint.inner_text()), hint.inner_text()
    assert "caracteres" in hint.inner_text()
    # Shortened, it goes, and the word about it goes away.
    chat.page.fill("#assistant-input", "mi caso lleva dos años pendiente")
    assert not hint.is_visible()
    assert chat.say("mi caso lleva dos años pendiente")


def test_reload_keeps_the_conversation(chat: Chat, assistant):
    chat.say("I want to check the status of my case")
    session = chat.session_id()
    before = chat.all_texts()
    assert len(before) >= 3

    chat.page.reload()
    chat.wait_connected()
    assert chat.session_id() == session
    assert chat.all_texts() == before

    # The conversation goes on where it was: the assistant was asking for the receipt number.
    replies = chat.say(RECEIPT)
    assert any(RECEIPT in r for r in replies), replies
    users = [e["text"] for e in assistant.tracker(session)["events"] if e.get("event") == "user"]
    assert users[-2:] == ["I want to check the status of my case", RECEIPT]


MARKUP = """<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = 'img'"><b>bold</b>"""


def _no_markup_rendered(chat: Chat):
    log = chat.page.locator("#assistant-messages")
    assert log.locator("script").count() == 0
    assert log.locator("img").count() == 0
    assert log.locator("b").count() == 0
    assert chat.page.evaluate("typeof window.__pwned") == "undefined"


def test_markup_typed_by_the_applicant_is_shown_as_text(chat: Chat):
    chat.say(MARKUP)
    assert chat.texts("user")[-1] == MARKUP
    chat.page.wait_for_timeout(500)  # an onerror handler would have run by now
    _no_markup_rendered(chat)


def _response_with_slot(slot: str) -> str:
    domain = load_domain(ROOT / "domain")
    for name, variations in domain["responses"].items():
        texts = [v.get("text") or "" for v in variations]
        if any("{" + slot + "}" in t for t in texts) and not any(
            re.search(r"\{(?!" + slot + r"\})\w+\}", t) for t in texts
        ):
            return name
    pytest.skip(f"no response in domain/ shows the {slot} slot alone")


def test_markup_sent_by_the_assistant_is_shown_as_text_and_links_are_safe(chat: Chat, assistant):
    """A response that shows a slot value carries markup (and a link) to the page."""
    chat.say("hello")
    session = chat.session_id()
    response = _response_with_slot("receipt_number")
    value = MARKUP + " https://www.uscis.gov/e-request?x=1&y=<i>2</i>. javascript:alert(1)"
    assistant.append_events(session, [{"event": "slot", "name": "receipt_number", "value": value}])
    before = chat.messages.count()
    assistant.execute(session, response)
    chat.page.wait_for_function(
        "n => document.querySelectorAll('#assistant-messages > li').length > n", arg=before, timeout=30_000
    )
    shown = chat.wait_for_bot_text("<script>")
    assert MARKUP in shown
    chat.page.wait_for_timeout(500)
    _no_markup_rendered(chat)
    assert chat.page.locator("#assistant-messages i").count() == 0
    links = chat.page.locator("#assistant-messages > li").last.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "https://www.uscis.gov/e-request?x=1&y=" in hrefs, hrefs
    assert all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    for i in range(links.count()):
        assert links.nth(i).get_attribute("rel") == "noopener noreferrer"


def test_links_in_answers_are_clickable(chat: Chat):
    replies = chat.say("I need a passport to travel abroad")
    assert any("http" in r for r in replies), replies
    link = chat.page.locator("#assistant-messages li.message--bot a[href^='https://']").last
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert not link.get_attribute("href").endswith((".", ")", ","))


def _tab_to(chat: Chat, predicate_js: str, limit: int = 40) -> None:
    for _ in range(limit):
        chat.page.keyboard.press("Tab")
        if chat.page.evaluate(predicate_js):
            return
    raise AssertionError("could not reach the control with the Tab key")


def _focus_is_visible(chat: Chat) -> bool:
    style = chat.page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"
    )
    return style["style"] != "none" and style["width"] >= 2


def test_quick_reply_works_by_keyboard(chat: Chat):
    """The welcome's suggested answers are quick-reply buttons; Tab and Enter choose one."""
    chat.page.focus("body")
    _tab_to(
        chat,
        "document.activeElement.classList.contains('quick-reply')"
        " && document.activeElement.textContent === 'Check my case status'",
    )
    assert _focus_is_visible(chat)
    before = chat.messages.count()
    chat.page.keyboard.press("Enter")
    replies = chat.wait_for_replies(before)
    assert chat.texts("user")[-1] == "Check my case status"
    assert any("receipt" in r.lower() for r in replies), replies
    # The used suggestions are gone, and focus went back to the message box.
    assert chat.page.locator(".quick-reply").count() == 0
    assert chat.page.evaluate("document.activeElement.id") == "assistant-input"
    # Space works on a button too: the language switch.
    _tab_to(chat, "document.activeElement.dataset.lang === 'es'")
    chat.page.keyboard.press("Space")
    assert chat.page.locator("#assistant").get_attribute("lang") == "es"


def _responses_with_buttons() -> list:
    domain = load_domain(ROOT / "domain")
    found = []
    for name, variations in domain["responses"].items():
        for v in variations:
            if v.get("buttons") and not v.get("condition") and not re.search(r"\{\w+\}", v.get("text") or ""):
                found.append((name, v))
                break
    return found


def test_assistant_buttons_arrive_as_quick_replies_and_work_by_keyboard(chat: Chat, assistant):
    responses = _responses_with_buttons()
    if not responses:
        pytest.skip("domain/ has no response with buttons (nothing for the assistant to send as quick replies)")
    name, variation = responses[0]
    chat.say("hello")
    before = chat.messages.count()
    assistant.execute(chat.session_id(), name)
    chat.page.wait_for_function(
        "n => document.querySelectorAll('#assistant-messages .quick-reply').length > 0", arg=before, timeout=30_000
    )
    titles = chat.page.locator(".quick-reply").all_inner_texts()
    assert titles == [b["title"] for b in variation["buttons"]]
    chat.page.focus("#assistant-input")
    _tab_to(chat, "document.activeElement.classList.contains('quick-reply')")
    chosen = chat.page.evaluate("document.activeElement.textContent")
    before = chat.messages.count()
    chat.page.keyboard.press("Enter")
    chat.wait_for_replies(before)
    payload = next(b["payload"] for b in variation["buttons"] if b["title"] == chosen)
    users = [e for e in assistant.tracker(chat.session_id())["events"] if e.get("event") == "user"]
    assert users[-1]["text"] == payload


def test_every_widget_label_exists_in_english_and_spanish(chat: Chat):
    strings = chat.page.evaluate("window.ASSISTANT_STRINGS")
    assert set(strings["en"]) == set(strings["es"])
    for lang in ("en", "es"):
        assert all(isinstance(v, str) and v.strip() for v in strings[lang].values()), lang
    # Every label in the page is one of them, and all follow the switch.
    keys = chat.page.eval_on_selector_all("#assistant [data-i18n]", "els => els.map(e => e.dataset.i18n)")
    assert keys and set(keys) <= set(strings["en"])
    chat.switch_language("es")
    shown = chat.page.eval_on_selector_all("#assistant [data-i18n]", "els => els.map(e => e.textContent)")
    assert shown == [strings["es"][k] for k in keys]
    chat.switch_language("en")
    shown = chat.page.eval_on_selector_all("#assistant [data-i18n]", "els => els.map(e => e.textContent)")
    assert shown == [strings["en"][k] for k in keys]


def test_controls_have_labels_and_the_log_is_announced(chat: Chat):
    log = chat.page.locator("#assistant-log")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    assert chat.page.locator("#assistant-connection").get_attribute("role") == "status"
    for selector in ("#assistant-input", "#assistant-send", "#assistant-new", ".lang-button", ".quick-reply"):
        items = chat.page.locator(selector)
        for i in range(items.count()):
            name = items.nth(i).evaluate(
                "e => (e.labels && e.labels.length ? e.labels[0].textContent : '') || e.getAttribute('aria-label') || e.textContent"
            )
            assert name.strip(), selector


def test_typing_indicator_shows_while_the_assistant_answers(chat: Chat):
    chat.page.evaluate(
        "() => { window.__typingSeen = false; new MutationObserver(() => {"
        " if (!document.getElementById('assistant-typing').hidden) window.__typingSeen = true; })"
        ".observe(document.getElementById('assistant-typing'), {attributes: true}); }"
    )
    chat.say("What is the status of my case " + RECEIPT)
    assert chat.page.evaluate("window.__typingSeen") is True
    assert chat.page.locator("#assistant-typing").is_hidden()


def test_the_page_server_forbids_inline_scripts(assistant):
    r = requests.get(assistant.page_url, timeout=10)
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    config = requests.get(assistant.page_url + "config.js", timeout=10).text
    assert json.loads(config.split("freeze(", 1)[1].rsplit(");", 1)[0])["socketUrl"] == assistant.rasa_url
    assert "cdn" not in r.text.lower()
    for src in re.findall(r'<script src="([^"]+)"', r.text):
        assert src.startswith("/"), src


STORAGE_KEY = "contact-center-assistant.v1"


def test_another_browser_with_the_conversation_id_alone_cannot_join_it(chat: Chat, chat_factory, assistant):
    """Issue 15: a conversation is resumed only by the browser the server gave its token to."""
    chat.say("what is the status of my case " + RECEIPT)
    session = chat.session_id()
    stored = json.loads(chat.page.evaluate(f"window.localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["sessionId"] == session and stored["sessionToken"]

    other = chat_factory()
    # The intruder copies the id (not the token) into its own storage and reloads.
    forged = {"sessionId": session, "lang": "en", "messages": [], "nextId": 1}
    other.page.evaluate(f"window.localStorage.setItem('{STORAGE_KEY}', JSON.stringify({json.dumps(forged)}))")
    other.page.reload()
    other.wait_connected()
    assert other.session_id() != session
    other.say("my email is intruder@example.com")
    users = [e["text"] for e in assistant.tracker(session)["events"] if e.get("event") == "user"]
    assert users == ["what is the status of my case " + RECEIPT]


def test_an_idle_conversation_is_forgotten_by_the_page(chat: Chat):
    """After the session time (domain/common.yml) without messages, nothing of it stays on the page."""
    chat.say("my receipt number is " + RECEIPT)
    old = chat.session_id()
    chat.page.evaluate(
        f"(() => {{ const s = JSON.parse(window.localStorage.getItem('{STORAGE_KEY}'));"
        f" s.lastActivity = Date.now() - 61 * 60000; window.localStorage.setItem('{STORAGE_KEY}', JSON.stringify(s)); }})()"
    )
    chat.page.reload()
    chat.wait_connected()
    texts = " ".join(chat.all_texts())
    assert RECEIPT not in texts and "cleared from this page" in texts
    assert chat.session_id() != old
