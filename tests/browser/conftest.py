"""The whole assistant, started once for the browser tests, and Chromium to drive it.

Like scripts/run_assistant.sh: the local Case Status service, the action server,
Rasa (models/current.tar.gz, socket and REST channels, HTTP API) and the chat
page server (web/serve.py), each on a free loopback port, with its log in
tests/output/browser/logs/. The action server's clock is fixed in live-chat hours
(a clock file, tests/stack.py) so that a live handoff can be reached at any time of day.

The browser is Debian's Chromium (`make chromium` installs it), driven by Python
Playwright through executable_path: no browser download.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

from tests.stack import (
    MODEL, ROOT, Assistant, free_port, start_assistant, start_process, start_web, stop_all, wait_until_up,
)

WEB = ROOT / "web"
VENDOR = WEB / "public" / "vendor" / "socket.io.min.js"
AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "tests" / "output" / "browser"

# A Tuesday, 10 a.m. Eastern: live chat is open (G3).
IN_HOURS = "2026-11-24T10:00:00-05:00"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Optional[str]:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def ensure_web_assets() -> None:
    """web/public/vendor comes from `npm ci` in web/ (`make web`); do it here if missing."""
    if VENDOR.exists() and AXE.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("web/public/vendor is missing and npm is not installed: run `make web`")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB, check=True)
    assert VENDOR.exists() and AXE.exists(), "npm ci in web/ did not vendor socket.io-client and axe-core"


def start_page_server(rasa_url: str, logs: Path, name: str = "web", port: Optional[int] = None) -> tuple:
    port = port or free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    service = start_process(
        name,
        [sys.executable, str(WEB / "serve.py"), "--port", str(port), "--rasa-url", rasa_url, "--no-desk"],
        env,
        logs,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/health", service, 30)
    return f"{url}/", service


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip(
            "Debian's chromium is not installed here and `make chromium` could not install it "
            "(apt-get install chromium): the browser tests need it"
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, chromium_executable):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make test`, which trains it first")
    ensure_web_assets()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    logs = OUTPUT / "logs"
    logs.mkdir(exist_ok=True)
    work = tmp_path_factory.mktemp("assistant")
    # The Rasa server admits only these pages' origins: the chat page, and the second
    # page that test_connection.py serves behind a relay it can cut.
    page_port, relay_page_port = free_port(), free_port()
    try:
        assistant = start_assistant(
            work, logs, clock=IN_HOURS, token="browser-tests-" + os.urandom(8).hex(),
            cors_origins=[f"http://127.0.0.1:{page_port}", f"http://127.0.0.1:{relay_page_port}"],
        )
        assistant.relay_page_port = relay_page_port
    except Exception as exc:
        pytest.fail(f"the assistant did not start: {exc}")
    from services import mail_local

    mail = mail_local.start("127.0.0.1", 0, work / "mail")  # the desk's C4 e-mail, read back by tests
    assistant.mail_folder = work / "mail"
    try:
        assistant.services.append(start_web(assistant, logs, port=page_port, smtp_port=mail.port))
    except Exception as exc:
        stop_all(assistant.services)
        mail.stop()
        pytest.fail(f"the chat page server did not start: {exc}")
    yield assistant
    stop_all(assistant.services)
    mail.stop()


# A message's text as read: without the screen-reader-only "(opens in a new tab)".
MESSAGE_TEXT_JS = (
    "e => { const c = e.cloneNode(true);"
    " c.querySelectorAll('.visually-hidden').forEach(n => n.remove()); return c.textContent; }"
)


class Chat:
    """The chat widget on a page, used the way an applicant uses it."""

    def __init__(self, page, assistant: Assistant):
        self.page = page
        self.assistant = assistant

    # -- reading
    @property
    def messages(self):
        return self.page.locator("#assistant-messages > li")

    def texts(self, who: str = "bot") -> List[str]:
        return self.page.eval_on_selector_all(
            f"#assistant-messages > li.message--{who} .message__text", f"els => els.map({MESSAGE_TEXT_JS})"
        )

    def all_texts(self) -> List[str]:
        return self.page.eval_on_selector_all("#assistant-messages .message__text", f"els => els.map({MESSAGE_TEXT_JS})")

    def session_id(self) -> str:
        return self.page.evaluate("window.contactCenterAssistant.sessionId()")

    def wait_connected(self, timeout: float = 30_000) -> None:
        self.page.wait_for_function("window.contactCenterAssistant && window.contactCenterAssistant.connected()", timeout=timeout)

    def wait_for_bot_text(self, fragment: str, timeout: float = 60_000, who: str = "bot") -> str:
        locator = self.page.locator(f"#assistant-messages > li.message--{who} .message__text", has_text=fragment)
        locator.last.wait_for(timeout=timeout)
        return locator.last.evaluate(MESSAGE_TEXT_JS)

    # -- acting
    def say(self, text: str, timeout: float = 90_000) -> List[str]:
        """Types a message, sends it with Enter, and returns the replies to it."""
        before = self.messages.count()
        self.page.fill("#assistant-input", text)
        self.page.press("#assistant-input", "Enter")
        return self.wait_for_replies(before, timeout)

    def wait_for_replies(self, before: int, timeout: float = 90_000) -> List[str]:
        """Waits until the newest applicant message is delivered (Rasa acknowledges it
        after the whole turn), then returns the assistant's messages that followed it."""
        user = self.page.locator("#assistant-messages > li.message--user").last
        self.page.wait_for_function(
            "n => document.querySelectorAll('#assistant-messages > li').length > n", arg=before, timeout=timeout
        )
        user.wait_for(timeout=timeout)
        self.page.wait_for_function(
            "() => { const u = [...document.querySelectorAll('#assistant-messages > li.message--user')].pop();"
            " return u && u.dataset.status === 'delivered'; }",
            timeout=timeout,
        )
        items = self.messages
        texts = []
        for i in range(before, items.count()):
            item = items.nth(i)
            cls = item.get_attribute("class") or ""
            if "message--bot" in cls or "message--agent" in cls:
                texts.append(item.locator(".message__text").evaluate(MESSAGE_TEXT_JS))
        return texts

    def switch_language(self, lang: str, timeout: float = 90_000) -> None:
        """Presses the language button; returns once the assistant has the switch. The page
        sends it for the applicant, not as a message they wrote (issue 13)."""
        button = self.page.locator(f".lang-button[data-lang='{lang}']")
        if button.get_attribute("aria-pressed") == "true":
            button.click()  # already the page's language: nothing is sent
            return
        controls = "#assistant-messages > li.message--control"
        before = self.page.locator(controls).count()
        button.click()
        self.page.wait_for_function(
            "([sel, n]) => { const c = [...document.querySelectorAll(sel)];"
            " return c.length > n && c[c.length - 1].dataset.status === 'delivered'; }",
            arg=[controls, before], timeout=timeout,
        )


def new_chat(browser, assistant: Assistant, viewport=DESKTOP, url: Optional[str] = None, errors: Optional[list] = None):
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url or assistant.page_url)
    chat = Chat(page, assistant)
    chat.wait_connected()
    return chat


@pytest.fixture
def chat(browser, assistant):
    """A fresh browser context (empty localStorage) on the chat page, connected."""
    errors: list = []
    c = new_chat(browser, assistant, errors=errors)
    yield c
    c.page.context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def chat_factory(browser, assistant):
    """Opens more chat pages (other viewports, other page servers); closes them after."""
    opened = []
    errors: list = []

    def open_chat(viewport=DESKTOP, url: Optional[str] = None) -> Chat:
        c = new_chat(browser, assistant, viewport=viewport, url=url, errors=errors)
        opened.append(c)
        return c

    yield open_chat
    for c in opened:
        c.page.context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def save_json(name: str, data) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
