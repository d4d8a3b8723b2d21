"""No receipt number, e-mail address, phone number or other identifier in any log line.

`install()` wraps the logging module's record factory, so every record of every
logger (Rasa's, Sanic's, SQLAlchemy's, ours), whatever handler later writes it,
is built with its message already formatted and masked by `contact_center.privacy`
(`<RECEIPT>`, `<EMAIL>`, `<PHONE>`, `<NUMBER>`), and so is the text of an attached
exception. Installed by each of the project's processes at start
(scripts/rasa_server.py, actions/server.py, the local Case Status service).
"""
from __future__ import annotations

import logging
import traceback

from contact_center import privacy

_installed = False


def _masked_record_factory(original):
    def factory(*args, **kwargs):  # type: ignore[no-untyped-def]
        record = original(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call: keep Rasa's own behaviour for it
            return record
        record.msg = privacy.mask(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = privacy.mask("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            record.exc_info = None
        return record

    return factory


def install() -> None:
    global _installed
    if _installed:
        return
    logging.setLogRecordFactory(_masked_record_factory(logging.getLogRecordFactory()))
    _installed = True
