"""Seed a tracker store with conversations, written as Rasa writes them: real tracker
events saved through rasa's SQLTrackerStore, each user message carrying the parse data
the live model gave it (POST /model/parse on the running test server)."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional


@dataclass
class Turn:
    text: str
    metadata: Dict[str, object] = field(default_factory=dict)
    pause_after: bool = False  # the conversation is handed to a live agent after this turn


@dataclass
class Conversation:
    sender_id: str
    turns: List[Turn]


def events_for(conversation: Conversation, parse: Callable[[str], dict], start: float) -> list:
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        ConversationPaused,
        SessionStarted,
        SlotSet,
        UserUttered,
    )

    ts = start
    events = [
        ActionExecuted("action_session_start", timestamp=ts),
        SessionStarted(timestamp=ts),
        ActionExecuted("action_listen", timestamp=ts),
    ]
    for turn in conversation.turns:
        ts += 10
        parsed = parse(turn.text)
        events.append(
            UserUttered(
                turn.text,
                intent=parsed.get("intent"),
                entities=parsed.get("entities", []),
                parse_data=parsed,
                timestamp=ts,
                input_channel="rest",
                metadata=turn.metadata or None,
            )
        )
        language = next((e["value"] for e in parsed.get("entities", []) if e.get("entity") == "language"), None)
        if language:
            events.append(SlotSet("language", language, timestamp=ts + 1))
        events.append(ActionExecuted("utter_something", timestamp=ts + 2))
        events.append(BotUttered("(answer)", timestamp=ts + 2))
        if turn.pause_after:
            events.append(ConversationPaused(timestamp=ts + 3))
        events.append(ActionExecuted("action_listen", timestamp=ts + 3))
    return events


def seed(db_url: str, domain_path: Path, conversations: List[Conversation], parse: Callable[[str], dict],
         start: Optional[float] = None) -> int:
    """Save the conversations into the SQL tracker store at `db_url`; returns the number of user messages."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(str(domain_path))
    store = SQLTrackerStore(domain=domain, host=db_url)
    start = start or time.time() - 3600 * 24
    count = 0

    async def save_all() -> None:
        nonlocal count
        for i, conversation in enumerate(conversations):
            events = events_for(conversation, parse, start + i * 600)
            tracker = DialogueStateTracker.from_events(conversation.sender_id, events, slots=domain.slots)
            await store.save(tracker)
            count += len(conversation.turns)

    asyncio.run(save_all())
    store.engine.dispose()
    return count


def fake_parse(intent: str, confidence: float, language: Optional[str] = None, runner_up: str = "help"):
    """Parse data as the live model writes it, for tests that need no model."""

    def parse(text: str) -> dict:
        ranking = [{"name": intent, "confidence": confidence},
                   {"name": runner_up, "confidence": round((1 - confidence) / 2, 3)}]
        if intent == "nlu_fallback":
            ranking = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": runner_up, "confidence": confidence}]
        entities = []
        if language:
            entities.append({"entity": "language", "value": language, "start": 0, "end": len(text),
                             "extractor": "LanguageDetector"})
        return {"text": text, "intent": {"name": intent, "confidence": confidence if intent != "nlu_fallback" else 0.3},
                "intent_ranking": ranking, "entities": entities}

    return parse


def table_parser(table: Dict[str, Callable[[str], dict]]) -> Callable[[str], dict]:
    """A parser answering from a text -> fake_parse(...) table."""
    return lambda text: table[text](text)
