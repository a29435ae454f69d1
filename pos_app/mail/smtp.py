"""Mailer on an SMTP server, through the standard library: one connection per message.

Every failure becomes a MailFailed whose message says, in plain words, what the server did and what to check.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import Literal

from pos_app.errors import MailFailed
from pos_app.mail.message import OutgoingMail, email_message

Security = Literal["none", "starttls", "ssl"]
SECURITIES: tuple[Security, ...] = ("none", "starttls", "ssl")
DEFAULT_TIMEOUT_SECONDS = 20.0


class SmtpMailer:
    """Sends through `host`:`port`: in clear ("none"), upgraded with STARTTLS ("starttls", usually port 587) or
    over TLS from the start ("ssl", usually port 465); logs in when `username` is given. `ssl_context` decides
    which certificates are trusted (the system's by default)."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        sender: str,
        security: Security = "starttls",
        username: str = "",
        password: str = "",
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if security not in SECURITIES:
            raise ValueError(f"security must be one of {', '.join(SECURITIES)}")
        self.host = host
        self.port = port
        self.sender = sender
        self.security = security
        self._username = username
        self._password = password
        self._timeout = timeout
        self._ssl_context = ssl_context

    def send(self, mail: OutgoingMail) -> None:
        """Deliver `mail`. Raises MailFailed when it could not be built, the server could not be reached or
        refused it: then nothing was sent."""
        try:
            message = email_message(mail, self.sender)
        except ValueError as error:
            raise MailFailed(f"The message could not be written: {error}.") from None
        try:
            with self._connect() as client:
                if self.security == "starttls":
                    client.starttls(context=self._context())
                if self._username:
                    client.login(self._username, self._password)
                client.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            raise MailFailed(self._explain(error, mail)) from error

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self._timeout, context=self._context())
        return smtplib.SMTP(self.host, self.port, timeout=self._timeout)

    def _context(self) -> ssl.SSLContext:
        return self._ssl_context or ssl.create_default_context()

    def _explain(self, error: BaseException, mail: OutgoingMail) -> str:
        server = f"{self.host}:{self.port}"
        check = "An admin checks the mail settings in Settings."
        match error:
            case smtplib.SMTPRecipientsRefused():
                code, reply = next(iter(error.recipients.values()), (0, b""))
                return (
                    f"The mail server refused the address {mail.to} ({code} {_text(reply)}). "
                    "Check the address and try again."
                )
            case smtplib.SMTPSenderRefused():
                reply = f"{error.smtp_code} {_text(error.smtp_error)}"
                return f"The mail server refused to send from {self.sender} ({reply}). {check}"
            case smtplib.SMTPAuthenticationError():
                return f"The mail server {server} did not accept the user name and password. {check}"
            case smtplib.SMTPNotSupportedError():
                what = "STARTTLS" if self.security == "starttls" else "logging in"
                return f"The mail server {server} does not offer {what}. {check}"
            case smtplib.SMTPConnectError():
                return (
                    f"The mail server {server} refused the connection ({error.smtp_code} {_text(error.smtp_error)}). "
                    "Try again later."
                )
            case smtplib.SMTPResponseException():
                return f"The mail server {server} refused the message ({error.smtp_code} {_text(error.smtp_error)})."
            case smtplib.SMTPServerDisconnected() if isinstance(error.__context__, TimeoutError):
                return f"The mail server {server} did not answer within {self._timeout:g} seconds. Try again later."
            case smtplib.SMTPServerDisconnected():
                return (
                    f"The mail server {server} closed the connection before the message was sent. "
                    f"Try again later; if it keeps happening, {check[0].lower()}{check[1:]}"
                )
            case smtplib.SMTPException():
                return f"The mail server {server} did not take the message: {error}."
            case ssl.SSLCertVerificationError():
                return (
                    f"The certificate of the mail server {self.host} could not be trusted ({error.verify_message}). "
                    f"{check}"
                )
            case ssl.SSLError():
                return (
                    f"No secure connection could be made with the mail server {server}: the security setting may "
                    f"not match the port (SSL is usually port 465, STARTTLS port 587). {check}"
                )
            case socket.gaierror():
                return f"There is no mail server named {self.host}, or this machine is offline. {check}"
            case TimeoutError():
                return f"The mail server {server} did not answer within {self._timeout:g} seconds. Try again later."
            case ConnectionRefusedError():
                return f"Could not connect to the mail server {server}: it refused the connection. {check}"
            case OSError():
                return f"Could not connect to the mail server {server}: {error.strerror or error}. {check}"
        return f"The message could not be sent: {error}."


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", errors="replace") if isinstance(reply, bytes) else str(reply)
