"""Email from the shop: the SMTP server an admin sets up, and messages any service sends after its commit.

Where the server is and who sends lives in the shared settings table (smtp_* keys), so every counter sends the
same way; the password stays on each machine, in its MachineSecrets, never in the database.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from email.utils import formataddr

from sqlalchemy import select

from pos_app.db.engine import Database
from pos_app.db.models import Setting
from pos_app.domain.contact import EMAIL_PATTERN
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.text import clean_code
from pos_app.errors import MailNotConfigured, ValidationError
from pos_app.machine_secrets import SMTP_PASSWORD, MachineSecrets, masked
from pos_app.mail import SECURITIES, Mailer, OutgoingMail, SmtpMailer
from pos_app.mail.invoice_mail import invoice_mail
from pos_app.services.invoices import InvoiceService
from pos_app.services.settings import INVOICE_LANGUAGES, SettingsService
from pos_app.services.unit_of_work import UnitOfWork

HOST, PORT, SECURITY, USERNAME, SENDER = "smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_sender"
DEFAULT_PORT = 587
DEFAULT_SECURITY = "starttls"
HOST_NAME = re.compile(
    r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)
LONGEST_PASSWORD = 1000
NOT_CONFIGURED = "Email is not set up: an admin sets it in Settings."
TEST_MESSAGE = {
    "fr": (
        "Message de test de {shop}",
        "Ce message montre que {shop} sait envoyer des e-mails. Il n'y a rien d'autre à faire.\n",
    ),
    "en": (
        "Test message from {shop}",
        "This message shows that {shop} can send email. There is nothing else to do.\n",
    ),
}


@dataclass(frozen=True)
class SmtpView:
    """The mail server as the settings screen shows it: the password only as set or not, and masked."""

    host: str
    port: int
    security: str
    username: str
    sender: str
    password_set: bool
    password_masked: str

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


class MailService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        invoices: InvoiceService,
        secrets: MachineSecrets,
        mailer: Mailer | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._invoices = invoices
        self._secrets = secrets
        self._mailer = mailer

    # ----- the server --------------------------------------------------------------------------

    def smtp(self) -> SmtpView:
        """The mail server as set up (port 587 and STARTTLS until an admin chooses otherwise)."""
        with UnitOfWork(self._db, write=False) as uow:
            values = dict(
                uow.session.execute(
                    select(Setting.key, Setting.value).where(Setting.key.like("smtp\\_%", escape="\\"))
                ).all()
            )
        password = self._secrets.get(SMTP_PASSWORD)
        return SmtpView(
            host=values.get(HOST, ""),
            port=int(values.get(PORT) or DEFAULT_PORT),
            security=values.get(SECURITY) or DEFAULT_SECURITY,
            username=values.get(USERNAME, ""),
            sender=values.get(SENDER, ""),
            password_set=password is not None,
            password_masked=masked(password),
        )

    def configure_smtp(
        self,
        actor: Actor,
        *,
        host: str,
        port: int,
        security: str,
        username: str,
        sender: str,
        password: str | None = None,
    ) -> SmtpView:
        """Set up the mail server every counter sends through. `password` None keeps the one kept on this
        machine, "" removes it. Raises PermissionDenied, ValidationError (field host, port, security, username,
        sender or password; nothing is changed then), MachineSecretsError."""
        actor.require(Permission.MANAGE_SETTINGS)
        changes = {
            HOST: _host(host),
            PORT: str(_port(port)),
            SECURITY: _security(security),
            USERNAME: clean_code(username, "username", max_length=254, required=False),
            SENDER: email_address(sender, "sender"),
        }
        if password is not None:
            self._secrets.set(SMTP_PASSWORD, _password(password))
        with UnitOfWork(self._db, write=True) as uow:
            for key, value in changes.items():
                uow.session.merge(Setting(key=key, value=value))
            uow.commit()
        return self.smtp()

    def ready(self) -> bool:
        """Whether email can be sent: a mail server is set up (or the services were given a mailer)."""
        return self._mailer is not None or self.smtp().configured

    # ----- sending -----------------------------------------------------------------------------

    def send(self, mail: OutgoingMail) -> None:
        """Send `mail` now: call it after the commit of what it tells about. Raises ValidationError (field
        "to"), MailNotConfigured, MailFailed (nothing was sent)."""
        email_address(mail.to, "to")
        self._mailer_or_refuse().send(mail)

    def send_test(self, actor: Actor, to: str) -> None:
        """A short message to `to`, so an admin sees the settings work. Raises what `send` raises."""
        actor.require(Permission.MANAGE_SETTINGS)
        address = email_address(to, "to")
        mailer = self._mailer_or_refuse()
        shop = self._settings.current()
        subject, text = TEST_MESSAGE[shop.invoicing.language]
        name = shop.shop_name or "pos-app"
        mailer.send(OutgoingMail(address, subject.format(shop=name), text.format(shop=name)))

    def email_invoice(self, actor: Actor, invoice_number: str, to: str, language: str | None = None) -> None:
        """Send the invoice (or credit note) `invoice_number` as a PDF to `to`, with a few words in `language`
        (fr or en; the invoice's own language by default), then record that it was emailed. Raises
        PermissionDenied, NotFound, ValidationError (field to or language), MailNotConfigured, MailFailed
        (then nothing is recorded)."""
        view = self._invoices.get(actor, invoice_number)
        address = email_address(to, "to")
        words = language or view.language
        if words not in INVOICE_LANGUAGES:
            raise ValidationError(f"Invoices are emailed in {' or '.join(INVOICE_LANGUAGES)}.", field="language")
        mailer = self._mailer_or_refuse()
        pdf = self._invoices.pdf(view.number, actor)
        mailer.send(invoice_mail(view, pdf, address, words))
        self._invoices.record_event(actor, view.number, "emailed")

    def _mailer_or_refuse(self) -> Mailer:
        if self._mailer is not None:
            return self._mailer
        server = self.smtp()
        if not server.configured:
            raise MailNotConfigured(NOT_CONFIGURED)
        shop_name = self._settings.cached().shop_name
        return SmtpMailer(
            server.host,
            server.port,
            sender=formataddr((shop_name, server.sender)) if shop_name else server.sender,
            security=server.security,  # type: ignore[arg-type]  # one of SECURITIES, checked when it was set
            username=server.username,
            password=self._secrets.get(SMTP_PASSWORD) or "",
        )


def email_address(value: object, field: str) -> str:
    """`value` as an email address, or ValidationError(field=field)."""
    address = str(value or "").strip()
    if not address:
        raise ValidationError("Type an email address, such as name@example.com.", field=field)
    if len(address) > 254 or not EMAIL_PATTERN.match(address):
        raise ValidationError(f"'{address}' is not an email address such as name@example.com.", field=field)
    return address


def _host(value: object) -> str:
    host = str(value or "").strip()
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if not HOST_NAME.fullmatch(host):
            raise ValidationError(
                f"'{host}' is not a mail server name such as smtp.example.com: no spaces, no 'smtp://'.", field="host"
            ) from None
    return host.strip("[]")


def _port(value: object) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValidationError(
            f"The port is a number from 1 to 65535, usually 587 (STARTTLS) or 465 (SSL); not '{value}'.", field="port"
        )
    return int(text)


def _security(value: object) -> str:
    if value not in SECURITIES:
        raise ValidationError(f"The security is one of {', '.join(SECURITIES)}; not '{value}'.", field="security")
    return str(value)


def _password(value: str) -> str:
    if any(c in value for c in "\r\n\x00") or len(value) > LONGEST_PASSWORD:
        raise ValidationError(
            f"A mail password has no line breaks and at most {LONGEST_PASSWORD} characters.", field="password"
        )
    return value
