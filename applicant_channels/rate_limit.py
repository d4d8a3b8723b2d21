"""One applicant sending messages in a loop is slowed down, without slowing anyone else.

A token bucket per conversation and one per client address (several applicants may
share an office's address, so its bucket is larger): a message spends a token from
both; an empty bucket refuses the message before it reaches the model, with an answer
in the applicant's language saying to wait. Buckets are in memory, per Rasa process
(behind a load balancer each replica limits what it receives), and at most
`MAX_KEYS` are kept, the least recently used dropped first, so a flood of new ids
cannot grow memory without bound.

    APPLICANT_RATE_CONVERSATION = "10/30"   # a burst of 10, then one every 3 s
    APPLICANT_RATE_ADDRESS      = "20/20"   # per client address: a burst of 20, then one a second

"N/S" is a bucket of N messages refilled at N per S seconds. The burst is kept small
because a burst is what hurts others: each message is a model turn.
"""
from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Optional, Tuple

from contact_center import language, settings

MAX_KEYS = 50_000
DEFAULT_CONVERSATION: str = settings.default("APPLICANT_RATE_CONVERSATION")
DEFAULT_ADDRESS: str = settings.default("APPLICANT_RATE_ADDRESS")
WAIT_TEXT = {
    "en": "You're sending messages faster than I can read them. Please wait {seconds} seconds, then send your message again.",
    "es": "Está enviando mensajes más rápido de lo que puedo leerlos. Espere {seconds} segundos y vuelva a enviar su mensaje.",
}


def _rate(name: str) -> Tuple[float, float]:
    """(capacity, tokens per second) from "N/SECONDS"."""
    text = settings.text(name)
    try:
        count, seconds = (float(part) for part in text.split("/", 1))
        if count < 1 or seconds <= 0:
            raise ValueError
    except ValueError:
        raise ValueError(f"{name} must look like 20/60 (messages per seconds), not {text!r}")
    return count, count / seconds


@dataclass
class _Bucket:
    tokens: float
    updated: float


class Buckets:
    def __init__(self, capacity: float, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.per_second, self.clock = capacity, per_second, clock
        self._buckets: "OrderedDict[str, _Bucket]" = OrderedDict()

    def _refilled(self, key: str) -> _Bucket:
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.per_second)
        bucket.updated = now
        self._buckets[key] = bucket
        while len(self._buckets) > MAX_KEYS:
            self._buckets.popitem(last=False)
        return bucket

    def wait(self, key: str) -> float:
        """Seconds until `key` may send again (0: now), without spending."""
        bucket = self._refilled(key)
        return 0.0 if bucket.tokens >= 1 else (1 - bucket.tokens) / self.per_second

    def spend(self, key: str) -> None:
        self._refilled(key).tokens -= 1


class RateLimiter:
    """Per conversation and per address; `check` spends from both only when both allow."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.conversations = Buckets(*_rate("APPLICANT_RATE_CONVERSATION"), clock=clock)
        self.addresses = Buckets(*_rate("APPLICANT_RATE_ADDRESS"), clock=clock)
        self._languages: "OrderedDict[str, str]" = OrderedDict()

    def refusal(self, conversation_id: Optional[str], address: Optional[str], text: Optional[str], wait: float) -> str:
        """The "please wait" answer, in the language first seen for this conversation or address.

        Telling a flood to wait must cost next to nothing: the language is detected once
        per conversation and address (about 2 ms each time), not for every refused message.
        """
        keys = ("c:" + str(conversation_id or "-"), "a:" + str(address or "-"))
        lang = next((self._languages[k] for k in keys if k in self._languages), None)
        if lang is None:
            lang = message_language(text)
        for key in keys:
            self._languages.pop(key, None)
            self._languages[key] = lang
        while len(self._languages) > MAX_KEYS:
            self._languages.popitem(last=False)
        return WAIT_TEXT[lang].format(seconds=max(1, math.ceil(wait)))

    def check(self, conversation_id: Optional[str], address: Optional[str]) -> float:
        """0 if the message may go on (and it is counted); else the seconds to wait."""
        conversation_key, address_key = str(conversation_id or "-"), str(address or "-")
        wait = max(self.conversations.wait(conversation_key), self.addresses.wait(address_key))
        if wait > 0:
            return wait
        self.conversations.spend(conversation_key)
        self.addresses.spend(address_key)
        return 0.0


def message_language(text: Optional[str]) -> str:
    """The message's language ("en" when it shows none)."""
    decision = language.detect((text or "")[:500])
    return decision.language if decision.changed_by_message and decision.language in WAIT_TEXT else "en"


def wait_message(text: Optional[str], seconds: float) -> str:
    """The "please wait" answer, in the message's language (English when it shows none)."""
    return WAIT_TEXT[message_language(text)].format(seconds=max(1, math.ceil(seconds)))
