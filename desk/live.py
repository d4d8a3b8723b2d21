"""Live chat at the desk (G2, G3, U3): the queues, taking a conversation, messages both
ways, escalating to Tier 2, handing back, closing.

The store decides who holds a conversation (one conditional UPDATE, so of two
representatives taking at once exactly one wins); Rasa's handoff actions
(actions/live_help.py) tell the applicant, in their language, what happened.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Optional

from contact_center import clock, rules
from contact_center.storage import ContactCenterStore
from desk import transcript
from desk.rasa_api import RasaAPI, RasaUnavailable
from desk.staff import Person, Staff

log = logging.getLogger(__name__)

MESSAGE_MAX_CHARS = 2000
NOTE_MAX_CHARS = 1000
SHOWN_STATUSES = ("waiting", "connected")
DECISIONS_SHOWN = 5


class DeskError(Exception):
    """An action the desk refuses, with the HTTP status and code the API answers."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra


def visible_tiers(person: Person) -> tuple:
    """G2: Tier 1 works the Tier 1 queue; Tier 2 and supervisors see both."""
    return (1,) if person.tier == 1 else (1, 2)


@dataclass
class LiveDesk:
    store: ContactCenterStore
    staff: Staff
    rasa: RasaAPI

    # ------------------------------------------------------------ reading

    def _view(self, entry, names: Dict[str, str], now: datetime, position: Optional[int] = None) -> Dict[str, Any]:
        decisions = self.store.decisions_for(entry.conversation_id)[-DECISIONS_SHOWN:]
        holder = None
        if entry.assigned_to:
            holder = {"username": entry.assigned_to, "name": names.get(entry.assigned_to, entry.assigned_to),
                      "tier": entry.tier}
        return {
            "id": entry.conversation_id,
            "tier": entry.tier,
            "status": entry.status,
            "language": entry.language,
            "topic": entry.topic,
            "receipt_number": entry.receipt_number,
            "summary": entry.summary,
            "decisions": [
                {"at": d.decided_at.isoformat(), "request_kind": d.request_kind, "outcome": d.outcome,
                 "rule_ids": list(d.rule_ids or [])}
                for d in decisions
            ],
            "waiting_since": entry.created_at.isoformat(),
            "waited_seconds": max(0, int((now - entry.created_at).total_seconds())),
            "position": position,
            "assigned_to": holder,
            "escalation_note": entry.escalation_note,
            "applicant_online": entry.applicant_left_at is None,
        }

    def queue(self, person: Person) -> Dict[str, Any]:
        now = clock.now()
        names = self.staff.display_names()
        views, places = [], {}
        for entry in self.store.live_entries(visible_tiers(person), SHOWN_STATUSES):
            if entry.status == "waiting":
                places[entry.tier] = places.get(entry.tier, 0) + 1
            views.append(self._view(entry, names, now, places.get(entry.tier) if entry.status == "waiting" else None))
        return {"now": now.isoformat(), "conversations": views}

    def _entry_for_person(self, person: Person, conversation_id: str):
        entry = self.store.latest_live_entry(conversation_id)
        if entry is None:
            raise DeskError(404, "not_found", "No such conversation at the desk.")
        if entry.tier not in visible_tiers(person) and entry.assigned_to != person.username:
            raise DeskError(403, "forbidden", "This conversation is for Tier 2.")
        return entry

    async def conversation(self, person: Person, conversation_id: str, after: int = -1) -> Dict[str, Any]:
        entry = self._entry_for_person(person, conversation_id)
        tracker = await self.rasa.tracker(conversation_id)
        events = tracker.get("events") or []
        position = self.store.queue_position(entry.id) if entry.status == "waiting" else None
        return {
            "conversation": self._view(entry, self.staff.display_names(), clock.now(), position),
            "transcript": transcript.entries(events, after),
            "last": transcript.last_seq(events),
        }

    # ------------------------------------------------------------ acting

    def _held(self, person: Person, conversation_id: str):
        entry = self._entry_for_person(person, conversation_id)
        if entry.status != "connected" or entry.assigned_to != person.username:
            raise DeskError(409, "not_yours", "You are not holding this conversation.")
        return entry

    async def take(self, person: Person, conversation_id: str) -> Dict[str, Any]:
        entry = self._entry_for_person(person, conversation_id)
        if entry.tier == 2 and person.tier < 2:
            raise DeskError(403, "forbidden", "Tier 2 conversations are taken by Tier 2 officers (G2, U3).")
        now = clock.now()
        if entry.status != "waiting" or not self.store.take_live(entry.id, person.username, now):
            current = self.store.get_live_entry(entry.id)
            holder = current.assigned_to if current else None
            names = self.staff.display_names()
            raise DeskError(409, "already_taken", "Another representative already took this conversation.",
                            taken_by=names.get(holder, holder))
        try:
            await self.rasa.set_slot(conversation_id, "representative", {"name": person.name, "tier": entry.tier})
            await self.rasa.execute(conversation_id, "action_handoff_connected")
        except RasaUnavailable:
            self.store.set_live_status(entry.id, "waiting", now=now)  # back in line, same place
            raise
        self.staff.record(person.username, "take", conversation_id=conversation_id, tier=entry.tier)
        self._tell_line_moved(entry.tier)
        return {"conversation": self._view(self.store.get_live_entry(entry.id), self.staff.display_names(), now)}

    async def message(self, person: Person, conversation_id: str, text: Any) -> Dict[str, Any]:
        entry = self._held(person, conversation_id)
        text = text.strip() if isinstance(text, str) else ""
        if not text or len(text) > MESSAGE_MAX_CHARS:
            raise DeskError(400, "bad_text", f"A message is 1 to {MESSAGE_MAX_CHARS} characters.")
        await self.rasa.say(conversation_id, text, {"username": person.username, "name": person.name,
                                                    "tier": entry.tier})
        self.staff.record(person.username, "message", conversation_id=conversation_id, chars=len(text))
        return {"entry": {"from": "representative", "text": text, "by": person.name, "at": clock.now().isoformat()}}

    async def escalate(self, person: Person, conversation_id: str, note: Any) -> Dict[str, Any]:
        entry = self._held(person, conversation_id)
        if entry.tier != 1:
            raise DeskError(409, "already_tier2", "This conversation is already with Tier 2.")
        note = note.strip() if isinstance(note, str) else ""
        if not note or len(note) > NOTE_MAX_CHARS:
            raise DeskError(400, "bad_note", f"Say why, for Tier 2 (1 to {NOTE_MAX_CHARS} characters).")
        now = clock.now()
        moved = self.store.escalate_live(entry.id, person.username, note, now)
        if moved is None:
            raise DeskError(409, "not_yours", "You are not holding this conversation.")
        self.store.record_decision(conversation_id, rules.escalation(), {"from_tier": 1}, now, request_kind="escalation")
        self.staff.record(person.username, "escalate", conversation_id=conversation_id, to_tier=2)
        await self.rasa.execute(conversation_id, "action_handoff_escalated")
        return {"conversation": self._view(moved, self.staff.display_names(), now, self.store.queue_position(moved.id))}

    async def finish(self, person: Person, conversation_id: str, how: str) -> Dict[str, Any]:
        """`release` (back to the assistant) or `close`."""
        entry = self._held(person, conversation_id)
        status, action = {"release": ("returned_to_bot", "action_handoff_returned"),
                          "close": ("closed", "action_handoff_closed")}[how]
        now = clock.now()
        if not self.store.finish_live(entry.id, person.username, status, now):
            raise DeskError(409, "not_yours", "You are not holding this conversation.")
        self.staff.record(person.username, how, conversation_id=conversation_id, tier=entry.tier)
        await self.rasa.execute(conversation_id, action)
        return {"conversation": self._view(self.store.get_live_entry(entry.id), self.staff.display_names(), now)}

    # ------------------------------------------------------------ the applicants still in line

    def _tell_line_moved(self, tier: int) -> None:
        """Everyone still waiting in that tier moved up one: their widgets show the new place."""
        waiting = [e.conversation_id for e in self.store.waiting_entries(tier)]
        if waiting:
            asyncio.get_running_loop().create_task(self._tell_each(waiting))

    async def _tell_each(self, conversation_ids: List[str]) -> None:
        for conversation_id in conversation_ids:
            try:
                await self.rasa.execute(conversation_id, "action_handoff_position")
            except RasaUnavailable as exc:  # the applicant still sees it on their next message
                log.warning("could not update a place in line: %s", exc)
