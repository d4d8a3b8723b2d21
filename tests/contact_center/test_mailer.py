"""E-mail for the callbacks desk (rule C4): composer, Mailer over SMTP, the local mail server.

Messages really travel over SMTP: the local server (services/mail_local) runs in
this process on a free loopback port, and each test reads the `.eml` file back.
"""
from __future__ import annotations

import email
import email.policy
import logging
import re
import signal
import smtplib
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import phonenumbers
import pytest

from contact_center import callback_email
from contact_center.mailer import MailError, Mailer, is_loopback
from services import mail_local

from tests import ROOT

TRIED = ["+12025550142", "(202) 555-7731"]
FILE_NAME = re.compile(r"^\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{8}\.eml$")


@pytest.fixture
def smtp_server(tmp_path):
    folder = tmp_path / "mail"
    controller = mail_local.start("127.0.0.1", 0, folder)
    try:
        yield controller, folder
    finally:
        controller.stop()


def _mailer(port: int, **extra) -> Mailer:
    return Mailer.from_env({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), **extra})


def _read(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ["We tried to call you twice", "800-375-5283", "TTY 800-767-1833", "do not reply"]),
        ("es", ["Intentamos llamarle dos veces", "800-375-5283", "TTY 800-767-1833", "No responda"]),
    ],
)
def test_c4_email_travels_over_smtp_and_reads_back(smtp_server, language, expected, caplog):
    caplog.set_level(logging.DEBUG)
    controller, folder = smtp_server
    subject, body = callback_email.compose(language, "CB-7K3M-9QXD", TRIED)

    message_id = _mailer(controller.port).send("Ana Pérez <ana.applicant@example.com>", subject, body)

    files = mail_local.message_files(folder)
    assert len(files) == 1 and FILE_NAME.match(files[0].name)
    message = _read(files[0])
    assert message["To"].addresses[0].addr_spec == "ana.applicant@example.com"
    assert message["Subject"] == subject
    assert message["Message-ID"] == message_id
    assert message["From"] == "USCIS Contact Center <no-reply@contact-center.localhost>"
    text = message.get_content()
    assert text.replace("\r\n", "\n") == body
    for phrase in expected + ["CB-7K3M-9QXD", "0142", "7731", "https://egov.uscis.gov/", "https://my.uscis.gov/"]:
        assert phrase in " ".join(text.split())
    # Logs, client and server side: the file name, never who or what.
    assert files[0].name in caplog.text
    for private in ("ana.applicant", "Pérez", subject, "CB-7K3M-9QXD"):
        assert private not in caplog.text


def test_c4_spanish_is_usted_and_has_no_english_left():
    subject, body = callback_email.compose("es-US", "CB-7K3M-9QXD", ["+12025550142"])
    assert subject.startswith("No pudimos comunicarnos con usted")
    assert "al número que termina en 0142" in body
    assert "lunes a viernes, de 8 a.m. a 8 p.m., hora del Este" in " ".join(body.split())
    for english in ("callback", "Monday", "Please", "e-mail", " tú ", "llámanos"):
        assert english not in body


@pytest.mark.parametrize("language", ["en", "es"])
def test_c4_composer_never_includes_a_full_phone_number(language):
    tried = ["+12025550142", "202-555-7731", "+1 (202) 555-0199 ext. 12", "+44 20 7946 0958", "55501", "not a phone"]
    subject, body = callback_email.compose(language, "CB-9QXD-7K3M", tried)
    text = subject + "\n" + body
    found = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in phonenumbers.PhoneNumberMatcher(text, "US")
    }
    assert found <= {"+18003755283", "+18007671833"}  # only the contact center's own numbers
    for raw in tried:
        digits = re.sub(r"\D", "", raw)
        if len(digits) >= 7:
            assert digits[-7:] not in re.sub(r"\D", "", text)
    for ending in ("0142", "7731", "0199", "0958"):
        assert ending in text
    assert "5501" not in text  # too short to be a phone number; its last four would be most of it


def test_c4_composer_refuses_other_languages_and_multiline_references():
    with pytest.raises(ValueError):
        callback_email.compose("fr", "CB-7K3M-9QXD", [])
    with pytest.raises(ValueError):
        callback_email.compose("en", "CB-7K3M-9QXD\nBcc: someone@example.com", [])


def test_mailer_gives_up_with_mail_error_on_a_closed_port():
    mailer = _mailer(_free_port(), SMTP_TIMEOUT_SECONDS="2")
    started = time.monotonic()
    with pytest.raises(MailError) as caught:
        mailer.send("applicant@example.com", "subject", "body")
    assert time.monotonic() - started < 5
    assert caught.value.permanent is False
    assert "applicant" not in str(caught.value)


def test_mailer_refuses_a_malformed_recipient_without_connecting():
    mailer = _mailer(_free_port())
    for bad in ("", "not-an-address", "a@example.com, b@example.com", "a@example.com\r\nBcc: b@example.com"):
        with pytest.raises(MailError) as caught:
            mailer.send(bad, "subject", "body")
        assert caught.value.permanent is True


def test_mailer_configuration_from_env():
    default = Mailer.from_env({})
    assert (default.host, default.port, default.starttls, default.timeout_seconds) == ("127.0.0.1", 5025, False, 10.0)
    assert default.username is None
    relay = Mailer.from_env(
        {"SMTP_HOST": "smtp.example.gov", "SMTP_PORT": "587", "SMTP_STARTTLS": "true",
         "SMTP_USERNAME": "desk", "SMTP_PASSWORD": "s3cret", "MAIL_FROM": "Desk <desk@example.gov>"}
    )
    assert relay.starttls and relay.port == 587 and "s3cret" not in repr(relay)
    with pytest.raises(ValueError):  # a password in clear text over the network
        Mailer.from_env({"SMTP_HOST": "smtp.example.gov", "SMTP_USERNAME": "desk", "SMTP_PASSWORD": "s3cret"})
    with pytest.raises(ValueError):
        Mailer.from_env({"SMTP_STARTTLS": "maybe"})
    with pytest.raises(ValueError):
        Mailer.from_env({"SMTP_USERNAME": "desk"})


def test_server_files_are_0600_in_a_0700_folder_and_sort_by_arrival(smtp_server):
    controller, folder = smtp_server
    mailer = _mailer(controller.port)
    ids = [mailer.send("applicant@example.com", f"message {n}", f"body {n}\n") for n in range(3)]
    files = mail_local.message_files(folder)
    assert [_read(path)["Message-ID"] for path in files] == ids
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not [p for p in folder.iterdir() if not p.name.endswith(".eml")]  # no leftovers


def test_server_stores_the_message_exactly_as_received(smtp_server):
    controller, folder = smtp_server
    raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: raw\r\n\r\nline one\r\n.leading dot\r\n"
    with smtplib.SMTP("127.0.0.1", controller.port, timeout=5) as smtp:
        smtp.sendmail("a@example.com", ["b@example.com"], raw)
    (path,) = mail_local.message_files(folder)
    assert path.read_bytes() == raw


def test_mail_local_help():
    result = subprocess.run(
        [sys.executable, "-m", "services.mail_local", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0
    assert "--port" in result.stdout and "--dir" in result.stdout and "127.0.0.1" in result.stdout


def test_mail_local_command_prints_ready_and_stops_on_sigterm(tmp_path):
    folder = tmp_path / "var" / "mail"
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.mail_local", "--port", "0", "--dir", str(folder)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        ready = proc.stdout.readline()
        assert "ready" in ready and "127.0.0.1" in ready
        port = int(re.search(r":(\d+),", ready).group(1))
        _mailer(port).send("applicant@example.com", "Subject", "Body\n")
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    (path,) = mail_local.message_files(folder)
    assert path.name in stderr and "applicant" not in stderr and "Subject" not in stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert is_loopback("127.0.0.1") and not is_loopback("0.0.0.0")
