"""A real SMTP server on loopback (aiosmtpd), keeping what it receives for the tests to read.

    with smtp_server_running() as (host, port, messages):
        ...send to host:port...
        assert messages[0]["Subject"] == "..."

`messages` are the received messages parsed with email.message_from_bytes (policy `default`, so
get_body() and iter_attachments() work; lines end in "\n"). Recipients at @refused.example are refused (550),
like an unknown mailbox. The server listens on a port the kernel picks, bound before it starts: no race for a free port.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Any, NamedTuple

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

REFUSED_DOMAIN = "refused.example"


class SmtpServer(NamedTuple):
    host: str
    port: int
    messages: list[EmailMessage]


class Inbox:
    """The aiosmtpd handler: refuses @refused.example, keeps every message accepted."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address.lower().endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        assert isinstance(raw, bytes)
        # Lines end in "\n" once parsed, as Python writes them: SMTP's "\r\n" is the wire's business.
        message = email.message_from_bytes(raw.replace(b"\r\n", b"\n"), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class LoopbackController(Controller):
    """An aiosmtpd controller on a socket bound to 127.0.0.1 port 0 before the server starts."""

    def __init__(self, handler: Any, **smtp_parameters: Any) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        super().__init__(handler, hostname="127.0.0.1", port=self._socket.getsockname()[1], **smtp_parameters)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._socket, ssl=self.ssl_context)


def accept_login(username: str, password: str) -> Any:
    """An aiosmtpd authenticator that lets in `username` with `password` only."""

    def authenticate(server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
        given = isinstance(data, LoginPassword) and (data.login, data.password)
        return AuthResult(success=given == (username.encode(), password.encode()), handled=False)  # server replies

    return authenticate


@contextmanager
def smtp_server_running(
    *, tls_context: ssl.SSLContext | None = None, ssl_context: ssl.SSLContext | None = None, **smtp_parameters: Any
) -> Iterator[SmtpServer]:
    """A server for the block. `tls_context` offers STARTTLS; `ssl_context` speaks TLS from the first byte (SMTPS);
    other keywords go to aiosmtpd's SMTP (authenticator=accept_login(...), auth_require_tls=...)."""
    inbox = Inbox()
    controller = LoopbackController(inbox, tls_context=tls_context, ssl_context=ssl_context, **smtp_parameters)
    controller.start()
    try:
        yield SmtpServer(controller.hostname, controller.port, inbox.messages)
    finally:
        controller.stop()
