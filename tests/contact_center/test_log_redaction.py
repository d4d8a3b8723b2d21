"""contact_center/log_redaction.py: every record of every logger is masked before any handler."""
from __future__ import annotations

import logging

import pytest

from contact_center import log_redaction

SECRETS = ("EAC1234567890", "maria.lopez@example.com", "(202) 555-0143", "A-123-456-789")


@pytest.fixture
def captured():
    original = logging.getLogRecordFactory()
    log_redaction._installed = False
    log_redaction.install()
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    logger = logging.getLogger("redaction-test")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield logger, records
    logger.removeHandler(handler)
    logging.setLogRecordFactory(original)
    log_redaction._installed = False


def test_arguments_messages_and_exceptions_are_masked(captured):
    logger, records = captured
    logger.info("lookup for %s by %s", SECRETS[0], SECRETS[1])
    logger.warning(f"call {SECRETS[2]} about {SECRETS[3]}")
    try:
        raise ValueError(f"bad receipt {SECRETS[0]} for {SECRETS[1]}")
    except ValueError:
        logger.exception("failed")
    text = "\n".join(records)
    for secret in SECRETS:
        assert secret not in text
    assert "<RECEIPT>" in text and "<EMAIL>" in text and "<PHONE>" in text
    assert "ValueError" in text  # what failed is still told



def test_free_text_logged_inside_an_event_is_removed(captured):
    """Rasa's broker logs a failed event whole; a name has no pattern to mask, so the text goes."""
    logger, records = captured
    logger.error('{"rasa_event": {"event": "user", "text": "soy Rosa \\"la\\" Quintanilla, calle Magnolia"}}')
    logger.error("rest.message.received.failure text='my name is Rosa Quintanilla'")
    joined = "\n".join(records)
    assert "Quintanilla" not in joined and "Magnolia" not in joined
    assert '"text": "<TEXT>"' in joined and "text=<TEXT>" in joined
