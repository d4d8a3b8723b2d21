"""The service's Spanish texts (texts_es.json, loaded once at import) and its date styles."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Dict

from services.case_status_local.settings import TEXTS_ES_PATH

SECTIONS = ("months", "snippets", "send_phrase", "forms", "offices", "titles", "templates")


def load_texts_es(path: Path = TEXTS_ES_PATH) -> Dict[str, Any]:
    """texts_es.json, with `{move}` and `{contact}` in the templates replaced by their snippets.

    The other placeholders (`{date}`, `{receipt_number}`, ...) are left for the builder
    and the server to fill.
    """
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)
    missing = [name for name in SECTIONS if name not in texts]
    if missing or len(texts["months"]) != 12:
        raise ValueError(f"{path}: missing {missing} or not 12 months")
    snippets = texts["snippets"]
    templates = {}
    for title, template in texts["templates"].items():
        for name, snippet in snippets.items():
            template = template.replace("{" + name + "}", snippet)
        templates[title] = template
    texts["templates"] = templates
    return texts


TEXTS_ES = load_texts_es()
MONTHS_ES = tuple(TEXTS_ES["months"])


def date_en(d: datetime) -> str:
    """`March 5, 2024`, as USCIS writes dates in status descriptions."""
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def date_es(d: datetime) -> str:
    """`5 de marzo de 2024`."""
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"
