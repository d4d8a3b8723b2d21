"""The decision log: every rules `Decision` with the facts it was taken on.

A mixin of `ContactCenterStore`, kept apart so each file reads as one subject.
Facts and details are stored as JSON so a later reader needs none of the Python
types (enums, dataclasses, datetimes) that the rules used.
"""
from __future__ import annotations

import enum
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, List, Mapping, Optional

from contact_center.rules import Decision, Outcome
from contact_center.storage.models import UTC, DecisionLogEntry, utcnow
from contact_center.storage.queries import StoreQueries, for_conversation
from contact_center.storage.values import aware


def jsonable(value: Any) -> Any:
    """Facts and details as JSON: enums by value, datetimes in ISO 8601 (UTC), sets sorted."""
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


class DecisionMethods(StoreQueries):
    def record_decision(
        self,
        conversation_id: str,
        decision: Decision,
        facts: Optional[Mapping[str, Any]] = None,
        when: Optional[datetime] = None,
        *,
        request_kind: Optional[str] = None,
    ) -> DecisionLogEntry:
        """Log a rules `Decision` with the facts it was taken on.

        `request_kind` names the rules function ("case_status", "expedite", ...);
        it defaults to `facts["request_kind"]`, then the decision's request type.
        """
        facts = dict(facts or {})
        kind = (
            request_kind
            or facts.get("request_kind")
            or (decision.request_type.value if decision.request_type else None)
            or "unspecified"
        )
        moment = aware(when, "when")
        entry = DecisionLogEntry(
            conversation_id=conversation_id,
            decided_at=moment,
            request_kind=str(kind),
            facts=jsonable(facts),
            outcome=Outcome(decision.outcome).value,
            rule_ids=list(decision.rule_ids),
            tell=list(decision.tell),
            request_type=decision.request_type.value if decision.request_type else None,
            decided_by=decision.decided_by,
            due_by=aware(decision.due_by, "due_by") if decision.due_by else None,
            details=jsonable(decision.details),
            created_at=utcnow(),
        )
        with self._sessions() as session:
            session.add(entry)
            session.commit()
            return entry

    def decisions_for(self, conversation_id: str) -> List[DecisionLogEntry]:
        return self._all(for_conversation(DecisionLogEntry, conversation_id, when=DecisionLogEntry.decided_at))


__all__ = ["DecisionMethods", "jsonable"]
