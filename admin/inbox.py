"""The inbox: applicant messages the live model did not understand well.

A message is in it when the model answered with `nlu_fallback` (FallbackClassifier),
took it as `out_of_scope`, or chose an intent with confidence under `--below`.
Messages that read the same once identifiers are masked and case, spacing and
end punctuation are ignored form one item, with its count, the number of
conversations, its language, and what the model made of its newest occurrence.
Items are listed newest first; items an admin has already decided on are hidden.
"""
from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Sequence

from admin import state
from contact_center import privacy
from admin.project import AdminError, Project
from admin.trackers import FALLBACK_INTENT, UserMessage

OUT_OF_SCOPE = "out_of_scope"
DEFAULT_BELOW = 0.5

REASON_FALLBACK = "fallback"
REASON_OUT_OF_SCOPE = "out_of_scope"
REASON_LOW = "low_conf"


def group_key(text: str) -> str:
    """What makes two messages the same item: masked, folded, spacing and end punctuation ignored."""
    from contact_center.text import fold

    masked = privacy.mask(text)
    return " ".join(fold(masked).split()).strip(" .,;:!?¿¡…\"'")


def text_key(text: str) -> str:
    """Comparison key for plain training/held-out texts (as tests/data/test_nlu_data.py compares)."""
    return " ".join(text.lower().split()).strip(" .!?¿¡")


def item_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def reason(message: UserMessage, below: float) -> Optional[str]:
    if message.intent == FALLBACK_INTENT:
        return REASON_FALLBACK
    if message.intent == OUT_OF_SCOPE:
        return REASON_OUT_OF_SCOPE
    if message.confidence < below:
        return REASON_LOW
    return None


@dataclass
class Item:
    id: str
    key: str
    text: str  # masked: what admins see
    training_text: str  # pseudonymised: what a label writes into the training data
    language: str
    count: int
    conversations: int
    reason: str
    intent: str  # the classifier's best intent for the newest occurrence
    confidence: float
    last_seen: float
    first_seen: float
    decision: Optional[Dict[str, object]] = field(default=None)

    @classmethod
    def from_dict(cls, data: Dict[str, object]) -> "Item":
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


def build(messages: Sequence[UserMessage], below: float = DEFAULT_BELOW) -> List[Item]:
    """Group the misunderstood messages; newest item first."""
    groups: Dict[str, List[UserMessage]] = {}
    reasons: Dict[int, str] = {}
    for message in messages:
        why = reason(message, below)
        if why is None:
            continue
        reasons[id(message)] = why
        groups.setdefault(group_key(message.text), []).append(message)
    items = []
    for key, members in groups.items():
        members.sort(key=lambda m: m.timestamp)
        newest = members[-1]
        intent, confidence = newest.predicted
        languages = Counter(m.language for m in members if m.language)
        pseudo = privacy.pseudonymise(newest.text)
        items.append(
            Item(
                id=item_id(key),
                key=key,
                text=" ".join(privacy.mask(newest.text).split()),
                training_text=pseudo.text,
                language=newest.language or (languages.most_common(1)[0][0] if languages else "en"),
                count=len(members),
                conversations=len({m.conversation_id for m in members}),
                reason=reasons[id(newest)],
                intent=intent,
                confidence=round(float(confidence), 4),
                last_seen=newest.timestamp,
                first_seen=members[0].timestamp,
            )
        )
    items.sort(key=lambda i: (-i.last_seen, -i.count, i.key))
    return items


def decisions(project: Project) -> Dict[str, Dict[str, object]]:
    return state.read_json(state.Files(project).decisions, {})


def save_snapshot(project: Project, items: Sequence[Item], source: str) -> None:
    state.write_json(
        state.Files(project).inbox,
        {"generated_at": state.now(), "source": source, "items": [asdict(i) for i in items]},
    )


def load_snapshot(project: Project) -> List[Item]:
    data = state.read_json(state.Files(project).inbox, None)
    if data is None:
        raise AdminError("no inbox listing yet: run `python -m admin inbox` first")
    return [Item.from_dict(i) for i in data.get("items", [])]


def find_item(items: Sequence[Item], ref: str) -> Item:
    """An item by id (or an unambiguous id prefix of at least 4 characters)."""
    exact = [i for i in items if i.id == ref]
    if exact:
        return exact[0]
    matches = [i for i in items if len(ref) >= 4 and i.id.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AdminError(f"id {ref!r} is ambiguous: {', '.join(i.id for i in matches)}")
    raise AdminError(f"no inbox item {ref!r} in the last listing: run `python -m admin inbox` again")


def render(items: Sequence[Item], width: Optional[int] = None) -> str:
    """A fixed-width table, message text cut to the terminal width."""
    if not items:
        return "Inbox is empty: no misunderstood messages."
    import sys

    if width is None:  # cut long messages on a terminal only; pipes and files get them whole
        width = shutil.get_terminal_size((120, 20)).columns if sys.stdout.isatty() else 100000
    header = f"{'ID':8}  {'LAST SEEN':16}  {'LANG':4}  {'N':>4}  {'WHY':12}  {'PREDICTED':28}  {'CONF':>4}  MESSAGE"
    room = max(20, width - len(header) + len("MESSAGE"))
    lines = [header]
    for item in items:
        text = item.text if len(item.text) <= room else item.text[: room - 1] + "…"
        why = item.reason + ("*" if item.decision else "")
        lines.append(
            f"{item.id:8}  {state.iso(item.last_seen):16}  {item.language:4}  {item.count:>4}  "
            f"{why:12}  {item.intent[:28]:28}  {item.confidence:4.2f}  {text}"
        )
    return "\n".join(lines)

