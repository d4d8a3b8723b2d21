"""Which domain responses a conversation's replies are, and in which language.

The assistant sends response keys and Rasa fills them in: a reply matches a response's
template when the text around each {slot} matches. Shared by the conversation tests and
the conversation evaluation.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

from contact_center.domain_files import load_domain

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def responses() -> Dict[str, list]:
    return load_domain(ROOT / "domain")["responses"]


def language_of(variation: dict) -> str:
    for condition in variation.get("condition") or []:
        if condition.get("name") == "language":
            return condition.get("value")
    return "en"


@lru_cache(maxsize=4096)
def _pattern(template: str) -> "re.Pattern[str]":
    return re.compile("^" + re.sub(r"\\{\w+\\}", ".*", re.escape(template)) + "$", re.S)


def matches(template: str, text: str) -> bool:
    return _pattern(template).match(text) is not None


@lru_cache(maxsize=1)
def _templates() -> Tuple[Tuple[str, str, str], ...]:
    """Every response's text by language, less those that are only a slot ("{case_description}",
    the Case Status service's own words): they match anything and tell nothing."""
    return tuple((key, language_of(v), v["text"]) for key, variations in responses().items()
                 for v in variations if v.get("text") and re.sub(r"\{\w+\}", "", v["text"]).strip())


def keys_of(text: str) -> Set[Tuple[str, str]]:
    """(response key, language) pairs whose template this reply is."""
    return {(key, lang) for key, lang, template in _templates() if matches(template, text)}


def texts(messages: Iterable[dict]) -> List[str]:
    return [m.get("text") for m in messages if m.get("text")]
