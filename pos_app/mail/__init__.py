"""Sending email: the message a service hands over, and the SMTP server that delivers it."""

from pos_app.mail.message import Attachment, Mailer, OutgoingMail
from pos_app.mail.smtp import SECURITIES, SmtpMailer

__all__ = ["SECURITIES", "Attachment", "Mailer", "OutgoingMail", "SmtpMailer"]
