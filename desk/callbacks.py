"""Callbacks at the desk (C1-C5): the worklist, recording attempts, the C4 e-mail.

The attempt plan (60 to 90 minutes between the two attempts, then the e-mail) is the
store's `plan_attempts`; when a representative may call is `rules.callback_attempt_blocked`.
An e-mail that could not be sent stays due and is retried (`send_due_emails`), so a
mail server that is down loses nothing.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, Optional

from contact_center import callback_email, clock, rules
from contact_center.mailer import Mailer, MailError
from contact_center.storage import AttemptConflict, ContactCenterStore
from desk.live import DeskError
from desk.staff import Person, Staff

log = logging.getLogger(__name__)

FINISHED_SHOWN_FOR = timedelta(days=7)
# The desk's two buttons; C4: when nobody answers, a message is left.
RESULTS = {"answered": "answered", "no_answer": "no_answer_message_left"}
NOTES_MAX_CHARS = 1000


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return moment.isoformat() if moment else None


@dataclass
class CallbackDesk:
    store: ContactCenterStore
    staff: Staff
    mailer: Mailer

    def _view(self, callback, now: datetime, names: Dict[str, str]) -> Dict[str, Any]:
        attempt = callback.open_attempt if callback.status in ("pending", "in_progress") else None
        preferred = (callback.preferred_start, callback.preferred_end) if callback.preferred_start else None
        blocked = rules.callback_attempt_blocked(now, attempt.scheduled_for, preferred) if attempt else None
        late = attempt.due_before if attempt and attempt.due_before else callback.due_by
        return {
            "id": callback.reference,
            "urgent": callback.urgent,
            "due_by": _iso(callback.due_by),
            "overdue": attempt is not None and now > late,
            "status": callback.status,
            "language": callback.language,
            "topic": callback.topic,
            "receipt_number": callback.receipt_number,
            "summary": callback.summary,
            "phone_numbers": list(callback.phone_numbers or []),
            "preferred_window": {"start": _iso(preferred[0]), "end": _iso(preferred[1])} if preferred else None,
            "next_attempt": None if attempt is None else {
                "attempt_no": attempt.attempt_no, "phone_number": attempt.phone_number,
                "earliest": _iso(attempt.scheduled_for), "latest": _iso(attempt.due_before),
            },
            "callable_now": attempt is not None and blocked is None,
            "not_callable_reason": blocked if attempt is not None else None,
            "attempts": [
                {"attempt_no": a.attempt_no, "at": _iso(a.made_at), "result": a.result,
                 "phone_number": a.phone_number, "by": names.get(a.representative_id, a.representative_id)}
                for a in callback.attempts if a.made_at is not None
            ],
            "email_due": callback.email_due,
            "email_sent_at": _iso(callback.email_sent_at),
        }

    def worklist(self, person: Person) -> Dict[str, Any]:
        now = clock.now()
        names = self.staff.display_names()
        open_ones = self.store.open_callbacks()
        finished = self.store.finished_callbacks_since(now - FINISHED_SHOWN_FOR)
        return {
            "now": now.isoformat(),
            "callback_hours": {"open": rules.in_callback_hours(now),
                               "start": rules.CALLBACK_START.isoformat("minutes"),
                               "end": rules.CALLBACK_END.isoformat("minutes"), "time_zone": rules.EASTERN.key},
            "callbacks": [self._view(c, now, names) for c in open_ones + finished],
        }

    async def record_attempt(self, person: Person, reference: str, body: Dict[str, Any]) -> Dict[str, Any]:
        result = RESULTS.get(body.get("result"))
        if result is None:
            raise DeskError(400, "bad_result", 'result is "answered" or "no_answer".')
        notes = body.get("notes")
        if notes is not None and (not isinstance(notes, str) or len(notes) > NOTES_MAX_CHARS):
            raise DeskError(400, "bad_notes", f"Notes are text, at most {NOTES_MAX_CHARS} characters.")
        callback = self.store.get_callback(reference)
        if callback is None:
            raise DeskError(404, "not_found", "No such callback.")
        now = clock.now()
        attempt = callback.open_attempt if callback.status in ("pending", "in_progress") else None
        if attempt is None:
            raise DeskError(409, "already_recorded", "This callback has no attempt left to make.")
        preferred = (callback.preferred_start, callback.preferred_end) if callback.preferred_start else None
        blocked = rules.callback_attempt_blocked(now, attempt.scheduled_for, preferred)
        if blocked is not None:
            raise DeskError(409, "not_callable", "This callback cannot be made now.", reason=blocked)
        try:
            callback = self.store.record_attempt(
                callback.reference, result=result, representative_id=person.username, attempt_no=attempt.attempt_no,
                phone_number=body.get("phone_number") or None, notes=notes, made_at=now,
            )
        except AttemptConflict:
            raise DeskError(409, "already_recorded", "Another representative recorded this attempt first.")
        except ValueError as exc:
            raise DeskError(400, "bad_attempt", str(exc).split(":")[0])
        self.staff.record(person.username, "callback_attempt", callback_reference=callback.reference,
                          attempt_no=attempt.attempt_no, result=result)
        if callback.email_due:
            await self.send_due_emails()
            callback = self.store.get_callback(callback.reference)
        return {"callback": self._view(callback, clock.now(), self.staff.display_names())}

    async def send_due_emails(self) -> int:
        """C4: the e-mail after two unanswered attempts, for every callback that still needs it."""
        sent = 0
        for callback in self.store.callbacks_needing_email():
            if not callback.email:
                continue  # no address given: the desk shows the e-mail as due, never as sent
            tried = [a.phone_number for a in callback.attempts if a.made_at and a.phone_number]
            subject, text = callback_email.compose(callback.language, callback.reference, tried)
            try:
                await asyncio.to_thread(self.mailer.send, callback.email, subject, text)
            except MailError as exc:
                log.warning("the C4 e-mail could not be sent yet (%s); it stays due", exc.reason)
                continue
            self.store.mark_email_sent(callback.reference, clock.now())
            self.staff.record("desk", "callback_email", callback_reference=callback.reference)
            sent += 1
        return sent
