"""The representatives' desk (desk/static, /desk/) in Chromium, beside the applicants' chat page.

Two browser contexts side by side: an applicant on the chat page (tests/browser/conftest.py
`Chat`) and a representative on the desk, both on the shared stack (the `assistant`
fixture: Rasa, the action server, the page and desk server, a local SMTP server). The
desk page runs under its own strict Content-Security-Policy (no `bypass_csp`, except
where a test needs the page's own DOM handling to be the only defence); a CSP violation
or a JavaScript error on a desk page fails the test.

The stack is shared with the other browser modules: every account made here has a
unique username, conversations are found by their own id (other tests leave theirs in
the Tier 1 line), and the clock is put back in live-chat hours after the callbacks test.
Axe reports and screenshots go to tests/output/browser/.
"""
from __future__ import annotations

import email
import re
import time
import uuid
from dataclasses import dataclass
from email import policy
from typing import List, Optional

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import AXE, DESKTOP, IN_HOURS, OUTPUT, Chat, save_json

PASSWORD = "desk browser tests password"
AFTER_HOURS = "2026-11-24T21:00:00-05:00"  # a Tuesday evening: live chat closed, a callback is offered
CALLBACK_HOURS = "2026-11-25T09:00:00-05:00"  # next morning: inside callback hours (C2)
SECOND_ATTEMPT_DUE = "2026-11-25T10:05:00-05:00"  # 65 minutes later: the second attempt is due (C4)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAST_MS = 2_000  # a message crosses between the desk and the widget within this
UI_MS = 15_000  # the desk's pollers (queue every 2 s, callbacks every 10 s) show a change within this


# ---------------------------------------------------------------- accounts


@dataclass
class Account:
    username: str
    name: str
    role: str


@pytest.fixture(scope="module")
def accounts(assistant):
    """Makes staff accounts with unique usernames in the stack's database."""
    from contact_center.storage import ContactCenterStore
    from desk.staff import Staff

    store = ContactCenterStore(assistant.db_url)
    staff = Staff(store)

    def create(role: str, name: str) -> Account:
        username = f"{role}-{uuid.uuid4().hex[:10]}"
        staff.create_account(username, name, role, PASSWORD)
        return Account(username, name, role)

    yield create
    store.dispose()


# ---------------------------------------------------------------- the desk page


class Desk:
    """The desk page, used the way a representative uses it (hooks: desk/static/desk.js)."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url

    def open(self) -> None:
        self.page.goto(self.url)
        expect(self.page.locator("#loading")).to_be_hidden(timeout=UI_MS)

    def set_language(self, lang: str) -> None:
        self.page.select_option("#lang-select", lang)
        expect(self.page.locator("html")).to_have_attribute("lang", lang)

    def sign_in(self, account: Account) -> None:
        expect(self.page.locator("#signin-section")).to_be_visible(timeout=UI_MS)
        self.page.fill("#username", account.username)
        self.page.fill("#password", PASSWORD)
        self.page.click("#signin-submit")
        self.expect_signed_in(account)

    def expect_signed_in(self, account: Account) -> None:
        expect(self.page.locator("#user-name")).to_have_text(account.name, timeout=UI_MS)
        expect(self.page.locator("#app")).to_be_visible()
        expect(self.page.locator("#signin-section")).to_be_hidden()

    def queue_item(self, tier: int, conversation_id: str):
        return self.page.locator(f"#queue-tier{tier} > li[data-conversation-id='{conversation_id}']")

    def take(self, tier: int, conversation_id: str) -> None:
        item = self.queue_item(tier, conversation_id)
        item.locator("button[data-action='take']").click()
        self.expect_open(conversation_id)

    def expect_open(self, conversation_id: str) -> None:
        panel = self.page.locator("#conversation")
        expect(panel).to_be_visible(timeout=UI_MS)
        expect(panel).to_have_attribute("data-conversation-id", conversation_id)
        expect(self.page.locator("#message-input")).to_be_enabled(timeout=UI_MS)

    def entry(self, who: str, text: str):
        return self.page.locator(f"#transcript > li[data-from='{who}'] .text", has_text=text)

    def send(self, text: str) -> float:
        """Types a message and sends it with Enter; returns when it was sent (monotonic)."""
        self.page.fill("#message-input", text)
        self.page.press("#message-input", "Enter")
        return time.monotonic()

    def announced(self, text: str):
        return self.page.locator("#status p", has_text=text)


@pytest.fixture
def desk_factory(browser, assistant):
    """Opens desk pages, each in its own browser context (its own cookies); closes them after.
    Fails the test on a JavaScript error or a Content-Security-Policy violation on any of them."""
    contexts = []
    problems: List[str] = []

    def watch(page: Page) -> None:
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on(
            "console",
            lambda msg: problems.append(f"console: {msg.text}")
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None,
        )

    def open_desk(bypass_csp: bool = False) -> Desk:
        context = browser.new_context(
            viewport=DESKTOP, locale="en-US", timezone_id="America/New_York", bypass_csp=bypass_csp
        )
        contexts.append(context)
        page = context.new_page()
        watch(page)
        desk = Desk(page, assistant.page_url + "desk/")
        desk.open()
        return desk

    yield open_desk
    for context in contexts:
        context.close()
    assert not problems, problems


# ---------------------------------------------------------------- applicants


def bot_message(chat: Chat, text: str, who: str = "bot"):
    return chat.page.locator(f"#assistant-messages > li.message--{who} .message__text", has_text=text)


def assistant_message(chat: Chat, text: str):
    """A message the widget shows as the assistant's: the handoff actions send the new state
    before the words, so the assistant's "passed your case to an officer" is never labelled
    with the representative's name."""
    return chat.page.locator("#assistant-messages > li.message--bot .message__text", has_text=text)


def ask_for_a_person(chat: Chat, ask: str, topic: str) -> None:
    """The applicant asks for a person in their own words; if the assistant asks what it is
    about (G1), they say it in words. They end up waiting in line."""
    chat.say(ask)
    if chat.page.locator("#assistant").get_attribute("data-handoff") != "waiting":
        chat.say(topic)
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "waiting", timeout=30_000)


def queue_over_rest(assistant, first: str = "I need to talk to a real person about my case please") -> str:
    """An applicant on the REST channel (no page) who waits in the Tier 1 line; their id."""
    sender = "desk-browser-" + uuid.uuid4().hex[:12]
    said = " ".join(r.get("text") or "" for r in assistant.say(sender, first))
    if "in line" not in said:
        said = " ".join(r.get("text") or "" for r in assistant.say(sender, "it's about a fee I paid twice, I need a person"))
    assert "in line" in said, said
    return sender


# ---------------------------------------------------------------- 1, 2: live chat, English and Spanish


@dataclass
class Script:
    lang: str
    ask: str
    topic: str
    waiting: str  # the widget's banner while in line
    joined: str  # the assistant's message when a representative takes it
    connected: str  # the widget's banner: "{name}" the representative
    connected_officer: str
    hello: str
    reply: str
    after_reload: str
    reply_after_reload: str
    note: str
    escalated: str
    officer_hello: str
    returned: str
    question: str
    receipt: str
    # the desk's own words
    ui_signin: str
    ui_live: str
    ui_take: str
    ui_took: str
    ui_role_tier1: str
    ui_language_value: str
    ui_topic: str
    ui_applicant: str
    ui_representative: str  # "{name}"
    ui_escalated: str
    ui_released: str
    ui_release: str


ENGLISH = Script(
    lang="en",
    ask="i need to talk to a real person, I was charged twice",
    topic="it's about the filing fee, they took it from my card twice and I need a person to fix it",
    waiting="Waiting for a representative.",
    joined="has joined the conversation",
    connected="You are connected with {name}, a Contact Center representative.",
    connected_officer="You are connected with {name}, a USCIS officer.",
    hello="Hi, this is Ana from the Contact Center. Which form was the double charge for?",
    reply="It was the I-130 fee, it shows twice on my card statement",
    after_reload="Thanks. I can see both payments on your case.",
    reply_after_reload="Good, so what happens now?",
    note="I-130 fee charged twice (both payments visible): needs an officer to decide the refund",
    escalated="passed your case to a USCIS officer",
    officer_hello="Hello, I am the officer handling the refund of the second I-130 payment.",
    returned="You are back with the virtual assistant.",
    question="what is the status of my case EAC2190000123",
    receipt="EAC2190000123",
    ui_signin="Sign in",
    ui_live="Live chat",
    ui_take="Take",
    ui_took="You took the conversation.",
    ui_role_tier1="Tier 1",
    ui_language_value="English",
    ui_topic="Other",
    ui_applicant="Applicant",
    ui_representative="Representative ({name})",
    ui_escalated="The conversation was escalated to Tier 2.",
    ui_released="The conversation was handed back to the assistant.",
    ui_release="Hand back to the assistant",
)

SPANISH = Script(
    lang="es",
    ask="necesito hablar con una persona de verdad, me cobraron dos veces",
    topic="es sobre un pago que hice dos veces, necesito que una persona lo arregle",
    waiting="Esperando a un representante.",
    joined="se unió a la conversación",
    connected="Está conectado con {name}, representante del Centro de Contacto.",
    connected_officer="Está conectado con {name}, oficial de USCIS.",
    hello="Hola, le habla Ana del Centro de Contacto. ¿De qué formulario fue el cobro doble?",
    reply="Fue la tarifa del I-130, aparece dos veces en mi tarjeta",
    after_reload="Gracias. Veo los dos pagos en su caso.",
    reply_after_reload="Bien, ¿y ahora qué pasa?",
    note="Tarifa del I-130 cobrada dos veces: un oficial debe decidir el reembolso",
    escalated="pasó su caso a un oficial de USCIS",
    officer_hello="Buenas tardes, soy el oficial que atiende el reembolso del segundo pago.",
    returned="Está de nuevo con el asistente virtual.",
    question="¿cuál es el estado de mi caso EAC2190000123?",
    receipt="EAC2190000123",
    ui_signin="Iniciar sesión",
    ui_live="Chat en vivo",
    ui_take="Tomar conversación",
    ui_took="Tomó la conversación.",
    ui_role_tier1="Nivel 1",
    ui_language_value="Español",
    ui_topic="Otro",
    ui_applicant="Solicitante",
    ui_representative="Representante ({name})",
    ui_escalated="La conversación se escaló a Nivel 2.",
    ui_released="La conversación se devolvió al asistente.",
    ui_release="Devolver al asistente",
)


def open_desk_in(desk_factory, script: Script) -> Desk:
    desk = desk_factory()
    if script.lang != "en":
        desk.set_language(script.lang)
    expect(desk.page.locator("#signin-heading")).to_have_text(script.ui_signin)
    return desk


def live_chat(script: Script, chat_factory, desk_factory, accounts) -> None:
    suffix = uuid.uuid4().hex[:4]
    tier1 = accounts("tier1", f"Ana Torres {suffix}")
    tier2 = accounts("tier2", f"Luis Ortega {suffix}")

    # The applicant asks for a person and waits in line.
    chat = chat_factory()
    if script.lang != "en":
        chat.switch_language(script.lang)
    conversation = chat.session_id()
    ask_for_a_person(chat, script.ask, script.topic)
    banner = chat.page.locator("#assistant-handoff")
    expect(banner).to_contain_text(script.waiting)

    # Tier 1 signs in and sees it in the Tier 1 line, with the assistant's summary.
    desk = open_desk_in(desk_factory, script)
    desk.sign_in(tier1)
    page = desk.page
    expect(page.locator("#live-heading")).to_have_text(script.ui_live)
    expect(page.locator("#user-role")).to_have_text(script.ui_role_tier1)
    expect(page.locator("#queue-tier2-section")).to_be_hidden()  # Tier 1 works only Tier 1's line
    item = desk.queue_item(1, conversation)
    expect(item).to_be_visible(timeout=UI_MS)
    expect(item).to_have_attribute("data-status", "waiting")
    expect(item.locator(".summary")).to_contain_text(f"- {script.ask}")
    expect(item.locator(".decisions > li").last).to_contain_text("G2")  # the decision that queued it, with its rules
    expect(item).to_contain_text(script.ui_language_value)
    # The topic in the desk's words, not the assistant's code ("other", "check_case_status").
    expect(item.locator(".item-title strong")).to_have_text(script.ui_topic)
    expect(item.locator(".summary")).not_to_contain_text("topic:")
    take = item.locator("button[data-action='take']")
    expect(take).to_have_text(script.ui_take)

    # It takes it: the whole conversation opens, and the applicant is told who joined.
    desk.take(1, conversation)
    expect(desk.announced(script.ui_took)).to_have_count(1)
    expect(page.locator("#summary")).to_contain_text(f"- {script.ask}")
    expect(desk.entry("applicant", script.ask)).to_have_count(1)
    expect(page.locator("#transcript > li[data-from='applicant'] .who").first).to_have_text(script.ui_applicant)
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "connected", timeout=UI_MS)
    expect(banner).to_contain_text(script.connected.format(name=tier1.name))
    expect(bot_message(chat, tier1.name).filter(has_text=script.joined)).to_have_count(1)

    # Messages both ways, quickly.
    sent = desk.send(script.hello)
    expect(bot_message(chat, script.hello, who="agent")).to_be_visible(timeout=FAST_MS)
    to_applicant = time.monotonic() - sent
    expect(chat.page.locator("#assistant-messages > li.message--agent .message__sender").last).to_contain_text(tier1.name)
    expect(page.locator("#message-input")).to_have_value("")
    expect(desk.entry("representative", script.hello)).to_be_visible(timeout=FAST_MS)
    rep_who = page.locator("#transcript > li[data-from='representative'] .who").last
    expect(rep_who).to_have_text(script.ui_representative.format(name=tier1.name))

    started = time.monotonic()
    assert chat.say(script.reply) == []  # for the representative, not the assistant
    expect(desk.entry("applicant", script.reply)).to_be_visible(timeout=FAST_MS)
    to_desk = time.monotonic() - started

    # A reload of the desk: still signed in, the conversation still open, the same transcript.
    page.reload()
    desk.expect_signed_in(tier1)
    desk.expect_open(conversation)
    expect(page.locator("#live-heading")).to_have_text(script.ui_live)
    expect(desk.entry("representative", script.hello)).to_have_count(1)
    expect(desk.entry("applicant", script.reply)).to_have_count(1)

    # A reload of the chat page: the conversation is still there, and still live.
    chat.page.reload()
    chat.wait_connected()
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "connected")
    expect(banner).to_contain_text(script.connected.format(name=tier1.name))
    expect(bot_message(chat, script.hello, who="agent")).to_have_count(1)
    expect(chat.page.locator("#assistant-messages > li.message--user .message__text", has_text=script.reply)).to_have_count(1)
    desk.send(script.after_reload)
    expect(bot_message(chat, script.after_reload, who="agent")).to_be_visible(timeout=FAST_MS)
    assert chat.say(script.reply_after_reload) == []
    expect(desk.entry("applicant", script.reply_after_reload)).to_be_visible(timeout=FAST_MS)
    expect(page.locator("#conversation-offline")).to_be_hidden()  # the reloaded page is online again

    # Tier 1 escalates with a note; the applicant is told and waits for an officer.
    page.click("#escalate")
    expect(page.locator("#escalate-form")).to_be_visible()
    expect(page.locator("#escalate")).to_have_attribute("aria-expanded", "true")
    page.fill("#escalate-note", script.note)
    page.click("#escalate-submit")
    expect(page.locator("#conversation")).to_be_hidden(timeout=UI_MS)
    expect(desk.announced(script.ui_escalated)).to_have_count(1)
    expect(desk.queue_item(1, conversation)).to_have_count(0, timeout=UI_MS)
    expect(assistant_message(chat, script.escalated)).to_be_visible(timeout=UI_MS)
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "waiting", timeout=UI_MS)

    # Tier 2, on another desk, sees it with the note, takes it, talks, and hands it back.
    officer_desk = open_desk_in(desk_factory, script)
    officer_desk.sign_in(tier2)
    officer = officer_desk.page
    expect(officer.locator("#queue-tier2-section")).to_be_visible()
    escalated = officer_desk.queue_item(2, conversation)
    expect(escalated).to_be_visible(timeout=UI_MS)
    expect(escalated).to_have_attribute("data-status", "waiting")
    expect(escalated.locator(".escalation-note")).to_have_text(script.note)
    officer_desk.take(2, conversation)
    expect(officer.locator("#conversation-facts .escalation-note")).to_have_text(script.note)
    expect(officer.locator("#escalate")).to_be_hidden()  # already with Tier 2
    expect(officer_desk.entry("representative", script.hello)).to_have_count(1)  # Tier 1's part is there
    expect(officer_desk.entry("applicant", script.reply_after_reload)).to_have_count(1)
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "connected", timeout=UI_MS)
    expect(banner).to_contain_text(script.connected_officer.format(name=tier2.name))
    officer_desk.send(script.officer_hello)
    expect(bot_message(chat, script.officer_hello, who="agent")).to_be_visible(timeout=FAST_MS)
    expect(chat.page.locator("#assistant-messages > li.message--agent .message__sender").last).to_contain_text(tier2.name)

    expect(officer.locator("#release")).to_have_text(script.ui_release)
    officer.click("#release")
    expect(officer.locator("#conversation")).to_be_hidden(timeout=UI_MS)
    expect(officer_desk.announced(script.ui_released)).to_have_count(1)
    expect(officer_desk.queue_item(2, conversation)).to_have_count(0, timeout=UI_MS)
    expect(chat.page.locator("#assistant")).to_have_attribute("data-handoff", "returned", timeout=UI_MS)
    expect(banner).to_contain_text(script.returned)

    # Back with the assistant, which answers again, in the applicant's language.
    replies = chat.say(script.question)
    assert any(script.receipt in r for r in replies), replies
    save_json(
        f"desk-live-chat-{script.lang}.json",
        {"desk_to_widget_seconds": round(to_applicant, 3), "widget_to_desk_seconds": round(to_desk, 3)},
    )


def test_live_chat_take_talk_escalate_and_hand_back_in_english(chat_factory, desk_factory, accounts):
    live_chat(ENGLISH, chat_factory, desk_factory, accounts)


def test_live_chat_take_talk_escalate_and_hand_back_in_spanish(chat_factory, desk_factory, accounts):
    live_chat(SPANISH, chat_factory, desk_factory, accounts)


# ---------------------------------------------------------------- 3: markup from an applicant is text

ATTACK = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> talk to a person'


def test_markup_typed_by_an_applicant_is_shown_as_text(chat_factory, desk_factory, accounts):
    tier1 = accounts("tier1", "Ana Torres")
    chat = chat_factory()
    conversation = chat.session_id()
    ask_for_a_person(chat, ATTACK, "it's about a fee I paid twice, I need a person")
    expect(chat.page.locator("#assistant-messages > li.message--user .message__text").first).to_have_text(ATTACK)

    # The page's own DOM handling is the only defence here: the CSP that would also
    # stop an inline handler is bypassed.
    desk = desk_factory(bypass_csp=True)
    desk.sign_in(tier1)
    page = desk.page
    item = desk.queue_item(1, conversation)
    expect(item).to_be_visible(timeout=UI_MS)
    summary = item.locator(".summary")
    expect(summary).to_contain_text(f"- {ATTACK}")
    assert summary.evaluate("e => e.children.length") == 0  # one text node, no elements
    assert item.locator("img, script").count() == 0

    desk.take(1, conversation)
    expect(page.locator("#summary")).to_contain_text(f"- {ATTACK}")
    entry = desk.entry("applicant", "talk to a person").first
    expect(entry).to_have_text(ATTACK)
    assert entry.evaluate("e => e.children.length") == 0
    assert page.locator("#conversation img, #conversation script").count() == 0
    # Give an injected handler every chance to run: the transcript is polled twice a second.
    desk.send("Hello, how can I help?")
    expect(desk.entry("representative", "how can I help")).to_be_visible(timeout=FAST_MS)
    page.wait_for_timeout(1_000)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert chat.page.evaluate("typeof window.__pwned") == "undefined"
    # The applicant closes their page: the desk says they are offline.
    expect(page.locator("#conversation-offline")).to_be_hidden()
    chat.page.close()
    expect(page.locator("#conversation-offline")).to_be_visible(timeout=UI_MS)
    expect(desk.announced("The applicant went offline.")).to_have_count(1)
    page.click("#close")
    expect(page.locator("#close-confirm")).to_be_visible()  # asked once more; "Keep it open" keeps it
    page.click("#close-no")
    expect(page.locator("#close-confirm")).to_be_hidden()
    expect(page.locator("#conversation")).to_be_visible()
    page.click("#close")
    page.click("#close-yes")
    expect(page.locator("#conversation")).to_be_hidden(timeout=UI_MS)


# ---------------------------------------------------------------- 4: axe and the keyboard


def run_axe(page: Page) -> dict:
    """axe-core on the page as served (its CSP stays on: the script is evaluated, not added)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )


def assert_no_violations(page: Page, name: str) -> None:
    results = run_axe(page)
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results["violations"]
    ]
    save_json(f"axe-{name}.json", {"page": name, "axe_version": results["testEngine"]["version"],
                                   "tags": WCAG_TAGS, "violations": violations})
    assert not violations, violations


def test_axe_on_the_desk_signed_out_and_with_a_conversation_open(desk_factory, accounts, assistant):
    desk = desk_factory()
    page = desk.page
    expect(page.locator("#signin-section")).to_be_visible()
    assert_no_violations(page, "desk-signed-out")
    page.fill("#username", "nobody-" + uuid.uuid4().hex[:8])
    page.fill("#password", "not the password")
    page.click("#signin-submit")
    expect(page.locator("#signin-error")).to_have_text("Wrong username or password.", timeout=UI_MS)
    assert_no_violations(page, "desk-signin-error")

    tier1 = accounts("tier1", "Ana Torres")
    conversation = queue_over_rest(assistant)
    desk.sign_in(tier1)
    expect(desk.queue_item(1, conversation)).to_be_visible(timeout=UI_MS)
    desk.take(1, conversation)
    desk.send("Hello, I am Ana. How can I help?")
    expect(desk.entry("representative", "How can I help?")).to_be_visible(timeout=FAST_MS)
    expect(page.locator("#callback-hours")).not_to_be_empty(timeout=UI_MS)
    page.screenshot(path=str(OUTPUT / "desk-conversation.png"), full_page=True)
    assert_no_violations(page, "desk-conversation-en")

    page.click("#escalate")
    expect(page.locator("#escalate-form")).to_be_visible()
    assert_no_violations(page, "desk-escalate-form-en")
    page.click("#escalate-cancel")
    expect(page.locator("#escalate-form")).to_be_hidden()

    desk.set_language("es")
    expect(page.locator("#live-heading")).to_have_text("Chat en vivo")
    page.screenshot(path=str(OUTPUT / "desk-conversation-es.png"), full_page=True)
    assert_no_violations(page, "desk-conversation-es")
    page.click("#close")
    expect(page.locator("#close-question")).to_have_text("¿Cerrar esta conversación? Se le dirá al solicitante que terminó.")
    page.click("#close-yes")
    expect(page.locator("#conversation")).to_be_hidden(timeout=UI_MS)


def tab_until(page: Page, found: str, limit: int, stops: Optional[list] = None) -> None:
    """Presses Tab until the focused element matches the CSS selector `found`;
    every stop on the way must show a visible focus outline."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = _focus_info(page, found)
        if stops is not None:
            stops.append(info["key"])
        assert info["tag"] != "BODY", f"focus left the page before reaching {found}: {stops}"
        assert info["outline"] != "none" and info["width"] >= 2, info
        if info["found"]:
            return
    raise AssertionError(f"{found} not reached in {limit} Tab presses: {stops}")


def _focus_info(page: Page, selector: str) -> dict:
    return page.evaluate(
        "sel => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return {found: !!(e && e.matches && e.matches(sel)), tag: e.tagName,"
        " key: e.id || e.getAttribute('href') || e.getAttribute('data-action') || e.className,"
        " outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }",
        selector,
    )


def test_keyboard_only_sign_in_take_and_reply(desk_factory, accounts, assistant):
    tier1 = accounts("tier1", "Ana Torres")
    conversation = queue_over_rest(assistant)
    desk = desk_factory()
    page = desk.page
    expect(page.locator("#signin-section")).to_be_visible()

    stops: list = []
    page.focus("body")
    tab_until(page, "a.skip-link", 1, stops)
    tab_until(page, "#username", 10, stops)
    assert "lang-select" in stops, stops  # the language picker is on the way
    page.keyboard.type(tier1.username)
    tab_until(page, "#password", 1, stops)
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    expect(page.locator("#signin-error")).to_have_text("Wrong username or password.", timeout=UI_MS)
    expect(page.locator("#password")).to_be_focused()
    expect(page.locator("#password")).to_have_attribute("aria-invalid", "true")
    page.keyboard.press("Control+A")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    desk.expect_signed_in(tier1)
    expect(page.locator("#live-heading")).to_be_focused()  # focus goes to the work area
    expect(desk.announced(f"Signed in as {tier1.name}.")).to_have_count(1)

    # Take the conversation from the line, then answer, all from the keyboard.
    expect(desk.queue_item(1, conversation)).to_be_visible(timeout=UI_MS)
    take = f"#queue-tier1 > li[data-conversation-id='{conversation}'] button[data-action='take']"
    tab_until(page, take, 400)
    page.keyboard.press("Enter")
    desk.expect_open(conversation)
    expect(page.locator("#conversation-heading")).to_be_focused()
    tab_until(page, "#message-input", 40)
    page.keyboard.type("Hello, I am Ana. How can I help?")
    page.keyboard.press("Enter")
    expect(desk.entry("representative", "How can I help?")).to_be_visible(timeout=FAST_MS)
    expect(page.locator("#message-input")).to_have_value("")
    # Escalate form by keyboard: it opens with focus on the note; Cancel brings focus back.
    tab_until(page, "#escalate", 10)
    page.keyboard.press("Enter")
    expect(page.locator("#escalate-note")).to_be_focused()
    tab_until(page, "#escalate-cancel", 5)
    page.keyboard.press("Enter")
    expect(page.locator("#escalate-form")).to_be_hidden()
    expect(page.locator("#escalate")).to_be_focused()
    tab_until(page, "#close", 5)
    page.keyboard.press("Enter")
    expect(page.locator("#close-yes")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#conversation")).to_be_hidden(timeout=UI_MS)


# ---------------------------------------------------------------- 5: the callbacks worklist (C1-C5)

CALLBACK_STEPS = [
    ("can someone call me back? i was charged the filing fee twice", "phone number"),  # asked with its topic
    ("202-555-0143 or my office 305 555 0199", "e-mail"),
    (None, "time"),  # the e-mail address, unique to this run
    ("any time", "is that right"),
    ("yes", "reference"),
]


def test_callbacks_two_missed_calls_then_the_email(chat_factory, desk_factory, accounts, assistant):
    from services.mail_local import message_files

    tier1 = accounts("tier1", "Ana Torres")
    address = f"maria.lopez.{uuid.uuid4().hex[:8]}@example.com"
    try:
        assistant.set_clock(AFTER_HOURS)
        chat = chat_factory()
        for text, expected in CALLBACK_STEPS:
            replies = chat.say(text or address)
            assert expected in " ".join(replies).lower(), (text, replies)
        reference_text = chat.wait_for_bot_text("CB-", who="system")
        reference = re.search(r"CB-[A-Z0-9]{4}-[A-Z0-9]{4}", reference_text).group(0)

        # Still 9 p.m.: the desk lists it, but it cannot be called yet.
        desk = desk_factory()
        desk.sign_in(tier1)
        page = desk.page
        item = page.locator(f"#callbacks > li[data-callback-id='{reference}']")
        expect(item).to_be_visible(timeout=UI_MS)
        expect(page.locator("#callback-hours")).to_contain_text("closed")
        expect(item.locator(".not-callable")).to_contain_text("outside callback hours")
        expect(item.locator("button[data-result]")).to_have_count(0)

        # Next morning, inside callback hours: both numbers, and the first attempt.
        assistant.set_clock(CALLBACK_HOURS)
        page.reload()
        desk.expect_signed_in(tier1)
        expect(item).to_be_visible(timeout=UI_MS)
        expect(page.locator("#callback-hours")).to_contain_text("open now")
        expect(item.locator(".phones > li")).to_have_text(["+12025550143", "+13055550199"])
        expect(item.locator(".next-attempt")).to_contain_text("Attempt 1")
        expect(item).to_have_attribute("data-status", "pending")
        item.locator("button[data-result='no_answer']").click()
        expect(desk.announced(f"Attempt recorded for {reference}.")).to_have_count(1, timeout=UI_MS)
        expect(item.locator(".attempts > li")).to_have_count(1)
        expect(item.locator(".attempts > li")).to_contain_text(["No answer (message left), by " + tier1.name])
        expect(item.locator(".next-attempt")).to_contain_text("Attempt 2, +13055550199")  # C3: the other number
        expect(item.locator(".not-callable")).to_contain_text("not due yet")
        expect(item.locator("button[data-result]")).to_have_count(0)
        expect(item.locator(".email-sent")).to_have_count(0)

        # 65 minutes later the second attempt is due: the list shows it by itself (it polls).
        assistant.set_clock(SECOND_ATTEMPT_DUE)
        no_answer = item.locator("button[data-result='no_answer']")
        expect(no_answer).to_be_visible(timeout=UI_MS)
        no_answer.click()
        expect(item.locator(".email-sent")).to_be_visible(timeout=UI_MS)
        expect(item).to_have_attribute("data-status", "failed_emailed")
        expect(item.locator(".attempts > li")).to_have_count(2)
        expect(item.locator("button[data-result]")).to_have_count(0)
        page.reload()
        expect(item.locator(".email-sent")).to_be_visible(timeout=UI_MS)  # kept by the server

        # The e-mail, as the local SMTP server received it.
        deadline = time.monotonic() + 15
        mine: list = []
        while time.monotonic() < deadline and not mine:
            sent = [email.message_from_bytes(f.read_bytes(), policy=policy.default)
                    for f in message_files(assistant.mail_folder)]
            mine = [m for m in sent if m["To"] == address]
            if not mine:
                time.sleep(0.25)
        assert len(mine) == 1, [m["To"] for m in sent]
        body = mine[0].get_body(("plain",)).get_content()
        assert reference in body and "0143" in body and "202-555-0143" not in body, body
    finally:
        assistant.set_clock(IN_HOURS)
