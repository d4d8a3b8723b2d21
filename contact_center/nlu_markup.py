"""Rasa's inline entity markup in training examples: `[EAC...](receipt_number)` back to plain text."""
from __future__ import annotations

import json
import re
from typing import List, Tuple

_ENTITY = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")


def plain_text(annotated: str) -> Tuple[str, List[Tuple[str, str]]]:
    """Strip Rasa's inline entity markup; return the text and (entity, span text) pairs."""
    entities = []

    def repl(match: "re.Match[str]") -> str:
        span, spec = match.group(1), match.group(2)
        if spec.startswith("("):
            name = spec[1:-1]
        else:
            name = json.loads(spec).get("entity", "")
        entities.append((name, span))
        return span

    return _ENTITY.sub(repl, annotated), entities
