"""A local SMTP server that keeps every message as a `.eml` file, for one machine.

Why: the callbacks desk sends rule C4's e-mail through SMTP, and in development,
tests and demos it needs somewhere to send it that is not the applicant's real
inbox. This server accepts any message on loopback and writes it, byte for byte as
received (RFC 5322, no added headers), into a folder where a person can open it.
It never relays anything.

Built on aiosmtpd's threaded `Controller`, so tests can start and stop it inside
their own process (`start()` / `controller.stop()`), and `python -m
services.mail_local` runs the same thing from the command line.

Privacy: the messages hold applicants' addresses and words, so files are mode
0600 in a folder created 0700, and the log says only the file name and size.
aiosmtpd's own logger ("mail.log") writes senders, recipients and the raw
commands at INFO and DEBUG, so it is held at WARNING here.
"""
from __future__ import annotations

import asyncio
import logging
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Union

from aiosmtpd.controller import Controller


log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5025
DEFAULT_FOLDER = Path("var/mail")
# Bounds what one message can write to disk; a C4 e-mail is about 2 KB.
DATA_SIZE_LIMIT = 10 * 1024 * 1024
FILE_MODE = 0o600
FOLDER_MODE = 0o700

PathLike = Union[str, "os.PathLike[str]"]


def quiet_aiosmtpd_log() -> None:
    """Hold aiosmtpd's logger at WARNING: below that it logs addresses and commands."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)



def message_file_name(now: datetime | None = None) -> str:
    """E.g. `20261204T153000.123456Z-1a2b3c4d.eml`: sorts by arrival, never collides."""
    now = now or datetime.now(timezone.utc)
    return now.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + secrets.token_hex(4) + ".eml"


def write_message(folder: Path, content: bytes) -> Path:
    """Write one message as a 0600 `.eml` file; the name appears only once it is complete.

    The bytes go to a hidden temporary file first and are renamed into place, so a
    reader listing `*.eml` never sees half a message.
    """
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    name = message_file_name()
    final = folder / name
    temporary = folder / ("." + name + ".part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # whatever the umask
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
    except BaseException:
        if fd != -1:
            os.close(fd)
        temporary.unlink(missing_ok=True)
        raise
    return final


def message_files(folder: PathLike) -> List[Path]:
    """The stored messages, oldest first."""
    return sorted(Path(folder).glob("*.eml"))


class MaildirHandler:
    """aiosmtpd handler: accept every recipient, store each message as one file."""

    def __init__(self, folder: PathLike):
        self.folder = Path(folder)

    async def handle_DATA(self, server, session, envelope) -> str:
        content = envelope.original_content  # the bytes as received, after dot-unstuffing
        try:
            path = await asyncio.to_thread(write_message, self.folder, content)
        except OSError as exc:
            log.error("could not store a message (%s)", type(exc).__name__)
            return "451 Requested action aborted: local error in processing"
        log.info("stored %s (%d bytes)", path.name, len(content))
        return "250 Message accepted for delivery"


class _Controller(Controller):
    """aiosmtpd's Controller, plus port 0 (any free port) for tests.

    Controller 1.4.6 checks the server by connecting to `self.port`; with port 0 we
    read the port actually bound first. `self.server` is set before that check runs.
    """

    def _trigger_server(self):
        if not self.port and self.server is not None:
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def start(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, folder: PathLike = DEFAULT_FOLDER) -> Controller:
    """Start the server in a background thread; returns the running Controller.

    `port=0` picks a free port; read it back from `controller.port`. Stop it with
    `controller.stop()`. The folder is created (0700) if missing.
    """
    quiet_aiosmtpd_log()
    folder = Path(folder)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    controller = _Controller(
        MaildirHandler(folder),
        hostname=host,
        port=port,
        data_size_limit=DATA_SIZE_LIMIT,
        # The greeting names this host; skips a reverse lookup of our own name.
        server_hostname="mail-local.localhost",
    )
    controller.start()
    return controller
