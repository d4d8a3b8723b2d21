"""A conversation as the representative reads it: who said what, when, in order.

Built from the tracker's events (Rasa's HTTP API). A representative's messages are
bot utterances carrying `metadata.representative` (desk/rasa_api.py `say`); a button
the applicant pressed shows as its title when the event kept one, else its intent.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Optional


def _at(timestamp: Any) -> Optional[str]:
    try:
        return datetime.fromtimestamp(float(timestamp), timezone.utc).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _user_text(event: Dict[str, Any]) -> str:
    text = event.get("text") or ""
    if text.startswith("/"):
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        return f"[{intent or text[1:40]}]"
    return text


def entries(events: List[Dict[str, Any]], after: int = -1) -> List[Dict[str, Any]]:
    """Transcript entries with `seq` (the event's index), only those after `after`."""
    out: List[Dict[str, Any]] = []
    for seq, event in enumerate(events):
        if seq <= after:
            continue
        kind = event.get("event")
        if kind == "user":
            text = _user_text(event)
            if text.strip():
                out.append({"seq": seq, "from": "applicant", "text": text, "at": _at(event.get("timestamp"))})
        elif kind == "bot":
            text = event.get("text") or ""
            if not text.strip():
                continue
            who = (event.get("metadata") or {}).get("representative")
            entry = {"seq": seq, "from": "representative" if who else "assistant", "text": text,
                     "at": _at(event.get("timestamp"))}
            if isinstance(who, dict):
                entry["by"] = str(who.get("name") or who.get("username") or "")
            out.append(entry)
    return out


def last_seq(events: List[Dict[str, Any]]) -> int:
    return len(events) - 1
