"""No receipt number, e-mail address, phone number, name or free text in any log line.

`install()` wraps the logging module's record factory, so every record of every
logger (Rasa's, Sanic's, SQLAlchemy's, ours), whatever handler later writes it,
is built with its message already formatted and masked by `contact_center.privacy`
(`<RECEIPT>`, `<EMAIL>`, `<PHONE>`, `<NUMBER>`), and so is the text of an attached
exception. Installed by each of the project's processes at start
(scripts/rasa_server.py, actions/server.py, the local Case Status service).
"""
from __future__ import annotations

import logging
import re
import traceback

from contact_center import privacy

# What an applicant wrote, wherever a library logs an event whole (Rasa's broker logs a
# failed event as JSON; its structlog lines carry text=...): names and free text have no
# pattern to mask, so the field's value goes.
_TEXT_FIELDS = re.compile(
    r'("(?:text|user_message|latest_message_text)"\s*:\s*)"(?:[^"\\]|\\.)*"'
    r"|(\btext=)(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\S+)"
)


def _without_texts(message: str) -> str:
    return _TEXT_FIELDS.sub(lambda m: (m.group(1) + '"<TEXT>"') if m.group(1) else (m.group(2) + "<TEXT>"), message)

_installed = False


def _masked_record_factory(original):
    def factory(*args, **kwargs):  # type: ignore[no-untyped-def]
        record = original(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call: keep Rasa's own behaviour for it
            return record
        record.msg = privacy.mask(_without_texts(message))
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = privacy.mask(
                _without_texts("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            )
            record.exc_info = None
        return record

    return factory


def install() -> None:
    global _installed
    if _installed:
        return
    logging.setLogRecordFactory(_masked_record_factory(logging.getLogRecordFactory()))
    _installed = True
