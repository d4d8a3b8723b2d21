"""What the conversation tests say and check: the running assistant's replies matched to
domain responses in a language, and one applicant's conversation (tests/conversations/conftest.py
starts the assistant once for every module here)."""
from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from benchmarks import replies
from contact_center.domain_files import load_domain
from tests import ROOT

RESPONSES = load_domain(ROOT / "domain")["responses"]
EASTERN = ZoneInfo("America/New_York")
IN_HOURS = "2026-11-24T10:00:00-05:00"  # a Tuesday morning: live chat open (G3)
OUT_OF_HOURS = "2026-11-24T21:30:00-05:00"  # the same day after 8 p.m.: closed
APPROVED = "EAC1234567890"  # local service: Case Was Approved
CARD_MAILED = "LIN1111111111"  # local service: Card Was Mailed To Me


language_of = replies.language_of
matches = replies.matches
texts = replies.texts


def assert_reply(messages, response: str, lang: str) -> None:
    templates = [v["text"] for v in RESPONSES[response] if language_of(v) == lang]
    said = texts(messages)
    assert any(matches(t, r) for t in templates for r in said), (response, lang, said)


def assert_no_reply(messages, response: str, lang: str) -> None:
    templates = [v["text"] for v in RESPONSES[response] if language_of(v) == lang]
    said = texts(messages)
    assert not any(matches(t, r) for t in templates for r in said), (response, lang, said)


def first_reply_is(replies, response: str, lang: str) -> None:
    """G6: the crisis answer is the first thing the applicant reads."""
    first = texts(replies)[0]
    templates = [v["text"] for v in RESPONSES[response] if language_of(v) == lang]
    assert any(matches(t, first) for t in templates), (response, lang, texts(replies))


def answer_the_interview_reschedule(c: "Conversation") -> list:
    """The rest of an interview reschedule (R1) once the form asks when it is: the time,
    no COVID-19, the receipt number, an e-mail, and "yes" at the confirmation."""
    for text in ("December 15 at 10am", "no", APPROVED, "maria@example.com"):
        c.say(text)
    return c.say("yes")


def customs(messages) -> list:
    """The chat page's machine-readable messages (actions/common.custom wraps them in `data`)."""
    return [m["custom"]["data"] for m in messages if m.get("custom")]


class Conversation:
    def __init__(self, assistant):
        self.assistant = assistant
        self.sender = "test-" + uuid.uuid4().hex[:12]

    def say(self, text: str) -> list:
        return self.assistant.say(self.sender, text)

    def tracker(self) -> dict:
        return self.assistant.tracker(self.sender)

    def slot(self, name: str):
        return self.tracker()["slots"].get(name)

    def active_form(self):
        """The form under way (Rasa's active loop), or None."""
        return (self.tracker().get("active_loop") or {}).get("name")

    def decided(self):
        slots = self.tracker()["slots"]
        return slots.get("outcome"), set(slots.get("rule_ids") or [])
