"""An email as services write it, before any server is involved, and what sends it."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Protocol


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str  # "application/pdf"


@dataclass(frozen=True)
class OutgoingMail:
    """One message to one address: plain text, optionally an HTML version of it, and attachments.
    `reply_to` is where answers go when the sender address is not read (the shop's own address)."""

    to: str
    subject: str
    text: str
    attachments: tuple[Attachment, ...] = ()
    html: str | None = None
    reply_to: str | None = None


class Mailer(Protocol):
    def send(self, mail: OutgoingMail) -> None:
        """Deliver `mail` to its server, or raise MailFailed (nothing sent) or MailNotConfigured."""
        ...


def email_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """The MIME message of `mail` from `sender` ("Shop <shop@example.com>" or a bare address).
    Raises ValueError for a header that would not be valid (a line break in the subject, say)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    if mail.reply_to:
        message["Reply-To"] = mail.reply_to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    message.set_content(mail.text)
    if mail.html is not None:
        message.add_alternative(mail.html, subtype="html")
    for attachment in mail.attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        message.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename
        )
    return message
