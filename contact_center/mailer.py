"""Sending e-mail through SMTP (rule C4: the e-mail after two unanswered callbacks).

Standard library only (`smtplib`, `email.message.EmailMessage`), with `tenacity`
for a couple of retries when the connection fails. Configured from the
environment, so the same code sends to the local server in development
(`python -m services.mail_local`, the defaults below) and to a real relay in
production:

- `SMTP_HOST` (default `127.0.0.1`) and `SMTP_PORT` (default `5025`, the local server).
- `SMTP_STARTTLS` (`true`/`false`, default `false`): when true, upgrade with
  STARTTLS using a default SSL context, which verifies the relay's certificate and
  host name. A relay that does not offer STARTTLS is then an error, never a quiet
  fallback to plain text.
- `SMTP_USERNAME` / `SMTP_PASSWORD`: log in only when both are set. Credentials
  are refused for a non-loopback host without STARTTLS, so a password never
  crosses the network in the clear.
- `MAIL_FROM` (default `USCIS Contact Center <no-reply@contact-center.localhost>`).
- `SMTP_TIMEOUT_SECONDS` (default `10`): every connect, read and write is bounded.

Retries: a refused or dropped connection, a timeout or a 421 ("service not
available") is tried again, up to three attempts in all, with the same Message-ID
so a receiver can drop a duplicate (a connection lost right after the relay took
the message can otherwise send it twice). Anything else fails at once. Either way
the caller gets one exception, `MailError`, saying whether trying later can help.

Privacy: addresses and bodies are never logged, and never put in `MailError`'s
text (relays echo addresses in their replies, so only the SMTP code is kept).
"""
from __future__ import annotations

import ipaddress
import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Mapping, Optional

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from contact_center import settings

log = logging.getLogger(__name__)

# The defaults are the registry's (contact_center/settings.py).
DEFAULT_HOST: str = settings.default("SMTP_HOST")
DEFAULT_PORT: int = settings.default("SMTP_PORT")
DEFAULT_FROM: str = settings.default("MAIL_FROM")
DEFAULT_TIMEOUT_SECONDS: float = settings.default("SMTP_TIMEOUT_SECONDS")
ATTEMPTS = 3
RETRY_WAIT_SECONDS = 0.5  # then 1 s: a restarting relay, not a long outage

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class MailError(Exception):
    """The e-mail was not sent. `permanent` is True when trying again later will not help."""

    def __init__(self, reason: str, *, permanent: bool, smtp_code: Optional[int] = None):
        self.reason = reason
        self.permanent = permanent
        self.smtp_code = smtp_code
        code = f" (SMTP {smtp_code})" if smtp_code else ""
        super().__init__(f"e-mail not sent: {reason}{code}")


def is_loopback(host: str) -> bool:
    """True for 'localhost' and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _flag(name: str, value: str) -> bool:
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false")


def _address_of(value: str) -> Optional[str]:
    """The one address in `value` ("Name <a@b>" or "a@b"), or None when it is not exactly one."""
    if not value or any(ch in value for ch in "\r\n,;"):
        return None
    _, address = parseaddr(value)
    local, at, domain = address.rpartition("@")
    if not at or not local or ("." not in domain and domain != "localhost"):
        return None
    return address


def _retryable(exc: BaseException) -> bool:
    """Connection trouble, or a relay saying it is not available right now (421)."""
    if isinstance(exc, (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected)):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    return isinstance(exc, (ConnectionError, TimeoutError, socket.timeout))


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.warning("SMTP attempt %d failed (%s); trying again", state.attempt_number, type(exc).__name__)


@dataclass(frozen=True)
class Mailer:
    """Sends plain-text e-mail through one SMTP relay; see the module docstring."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    starttls: bool = False
    username: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)
    mail_from: str = DEFAULT_FROM
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    attempts: int = ATTEMPTS
    retry_wait_seconds: float = RETRY_WAIT_SECONDS

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError("SMTP_PORT must be between 1 and 65535")
        if not self.timeout_seconds > 0:
            raise ValueError("SMTP_TIMEOUT_SECONDS must be positive")
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if bool(self.username) != bool(self.password):
            raise ValueError("set both SMTP_USERNAME and SMTP_PASSWORD, or neither")
        if self.username and not self.starttls and not is_loopback(self.host):
            raise ValueError("SMTP credentials need SMTP_STARTTLS=true for a non-loopback SMTP_HOST")
        if _address_of(self.mail_from) is None:
            raise ValueError("MAIL_FROM must be one e-mail address, e.g. 'Name <no-reply@example.gov>'")

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Mailer":
        """A Mailer configured from `env` (default `os.environ`); empty values count as unset."""

        def get(name: str) -> Optional[str]:
            value = settings.raw(name, env)
            return value.strip() if value and value.strip() else None

        try:
            port = int(get("SMTP_PORT") or DEFAULT_PORT)
        except ValueError:
            raise ValueError("SMTP_PORT must be a whole number") from None
        try:
            timeout = float(get("SMTP_TIMEOUT_SECONDS") or DEFAULT_TIMEOUT_SECONDS)
        except ValueError:
            raise ValueError("SMTP_TIMEOUT_SECONDS must be a number") from None
        return cls(
            host=get("SMTP_HOST") or DEFAULT_HOST,
            port=port,
            starttls=_flag("SMTP_STARTTLS", get("SMTP_STARTTLS") or ""),
            username=get("SMTP_USERNAME"),
            password=settings.raw("SMTP_PASSWORD", env) or None,  # not stripped: spaces may be part of it
            mail_from=get("MAIL_FROM") or DEFAULT_FROM,
            timeout_seconds=timeout,
        )

    def send(self, to: str, subject: str, body_text: str) -> str:
        """Send one plain-text message to one address; returns its Message-ID.

        Raises MailError when it is not sent (a malformed `to` is a permanent one).
        """
        if _address_of(to) is None:
            raise MailError("the recipient is not one valid e-mail address", permanent=True)
        message = self._compose(to, subject, body_text)
        try:
            for attempt in Retrying(
                stop=stop_after_attempt(self.attempts),
                wait=wait_exponential(multiplier=self.retry_wait_seconds, max=4),
                retry=retry_if_exception(_retryable),
                before_sleep=_log_retry,
                reraise=True,
            ):
                with attempt:
                    self._deliver(message)
        except smtplib.SMTPResponseException as exc:
            # `from None`: the relay's reply text can echo the addresses.
            raise MailError(type(exc).__name__, permanent=exc.smtp_code >= 500, smtp_code=exc.smtp_code) from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            code = codes[0] if codes else None
            raise MailError("recipient refused", permanent=bool(code and code >= 500), smtp_code=code) from None
        except smtplib.SMTPException as exc:
            raise MailError(type(exc).__name__, permanent=not _retryable(exc)) from None
        except OSError as exc:  # refused, unreachable, timed out: no personal data in these
            raise MailError(f"could not reach the SMTP relay ({type(exc).__name__})", permanent=False) from exc
        log.info("e-mail sent, %s", message["Message-ID"])
        return message["Message-ID"]

    def _compose(self, to: str, subject: str, body_text: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.mail_from
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        # The sender's domain, not this host's name: no DNS lookup, nothing about the machine.
        message["Message-ID"] = make_msgid(domain=_address_of(self.mail_from).rpartition("@")[2])
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to no-reply
        message.set_content(body_text)
        return message

    def _deliver(self, message: EmailMessage) -> None:
        """One attempt: connect, optionally STARTTLS and log in, send, quit."""
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout_seconds)
        try:
            smtp.ehlo()
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.username:
                smtp.login(self.username, self.password or "")
            options = ()
            if message["Content-Transfer-Encoding"] == "8bit":
                if smtp.has_extn("8bitmime"):
                    options = ("BODY=8BITMIME",)
                else:  # a 7-bit relay: the same message, re-encoded
                    message = _seven_bit_copy(message)
            smtp.send_message(message, mail_options=options)
        except BaseException:
            smtp.close()  # no polite QUIT on a connection that just failed
            raise
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()  # the message is already accepted; a failed goodbye changes nothing

def _seven_bit_copy(message: EmailMessage) -> EmailMessage:
    copy = EmailMessage()
    for name, value in message.items():
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            copy[name] = value
    copy.set_content(message.get_content(), cte="quoted-printable")
    return copy
