"""Email on both databases, through a real SMTP server on loopback: setting the server up, the password kept
off the shared database, an invoice emailed with its PDF, and every refusal (nothing sent, nothing recorded)."""

import socket
import stat
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.db.models import Base
from pos_app.errors import MailFailed, MailNotConfigured, NotFound, PermissionDenied, ValidationError
from pos_app.invoices.model import CustomerDetails
from pos_app.mail import OutgoingMail, SmtpMailer
from pos_app.services import open_services
from tests.mail.smtp_server import REFUSED_DOMAIN, accept_login, smtp_server_running
from tests.services.helpers import make_product

PASSWORD = "Tr0ub4dor&3-horse-battery"
ACME = CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", "compta@acme.example", "FR99123456789")


def point_at(services, admin, server, **changes):
    settings = {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "username": "",
        "sender": "caisse@boutique.example",
    }
    return services.mail.configure_smtp(admin, **{**settings, **changes})


@pytest.fixture
def invoice(services, admin, stock_manager, cashier):
    """Invoice F-… of one T-shirt sold at the counter, for ACME."""
    services.settings.update_identity(
        admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901", shop_email="contact@boutique.example"
    )
    make_product(services, stock_manager, sku="TEE")
    services.inventory.receive(stock_manager, "TEE", 5)
    services.pos.open_session(cashier, "R1", Decimal("100"))
    sale = services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
    return services.invoices.issue(cashier, sale.number, ACME)


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def emailed(services, actor, number):
    return [kind for _at, kind in services.invoices.events(actor, number) if kind == "emailed"]


def test_an_emailed_invoice_arrives_with_its_pdf_and_is_recorded(services, admin, cashier, invoice, smtp_server):
    messages = smtp_server.messages
    point_at(services, admin, smtp_server)

    services.mail.email_invoice(cashier, invoice.number, "compta@acme.example")

    [message] = messages
    assert message["To"] == "compta@acme.example"
    assert message["From"].addresses[0].addr_spec == "caisse@boutique.example"
    assert message["From"].addresses[0].display_name == "Boutique Lumière"
    assert message["Reply-To"] == "contact@boutique.example"
    assert message["Subject"] == f"Facture {invoice.number} – Boutique Lumière"
    body = message.get_body(("plain",)).get_content()
    assert "Bonjour ACME SARL," in body and invoice.number in body and "Elle est acquittée." in body
    [attachment] = message.iter_attachments()
    assert (attachment.get_content_type(), attachment.get_filename()) == ("application/pdf", f"{invoice.number}.pdf")
    assert invoice.number in pdf_text(attachment.get_content())
    assert emailed(services, cashier, invoice.number) == ["emailed"]


def test_an_invoice_is_emailed_in_the_language_asked(services, admin, cashier, invoice, smtp_server):
    point_at(services, admin, smtp_server)

    services.mail.email_invoice(cashier, invoice.number, "buyer@acme.example", language="en")

    [message] = smtp_server.messages
    assert message["Subject"] == f"Invoice {invoice.number} from Boutique Lumière"
    assert "Please find attached your invoice" in message.get_body(("plain",)).get_content()


def test_a_refused_address_fails_plainly_and_records_nothing(services, admin, cashier, invoice, smtp_server):
    point_at(services, admin, smtp_server)

    with pytest.raises(MailFailed, match=f"refused the address nobody@{REFUSED_DOMAIN}.*Check the address"):
        services.mail.email_invoice(cashier, invoice.number, f"nobody@{REFUSED_DOMAIN}")

    assert smtp_server.messages == []
    assert emailed(services, cashier, invoice.number) == []


def test_an_unreachable_server_fails_plainly_and_records_nothing(services, admin, cashier, invoice):
    with socket.create_server(("127.0.0.1", 0)) as bound:
        closed_port = bound.getsockname()[1]  # nothing listens there once the socket is closed
    services.mail.configure_smtp(
        admin, host="127.0.0.1", port=closed_port, security="none", username="", sender="caisse@boutique.example"
    )

    with pytest.raises(MailFailed, match=f"Could not connect to the mail server 127.0.0.1:{closed_port}"):
        services.mail.email_invoice(cashier, invoice.number, "compta@acme.example")

    assert emailed(services, cashier, invoice.number) == []


def test_without_a_mail_server_email_is_not_set_up(services, cashier, invoice, smtp_server):
    assert services.mail.smtp().configured is False

    with pytest.raises(MailNotConfigured, match="Email is not set up: an admin sets it in Settings"):
        services.mail.email_invoice(cashier, invoice.number, "compta@acme.example")
    with pytest.raises(MailNotConfigured):
        services.mail.send(OutgoingMail("compta@acme.example", "Hello", "Hello"))

    assert emailed(services, cashier, invoice.number) == []


@pytest.mark.parametrize(
    ("number", "to", "error", "field"),
    [
        (None, "compta@acme", ValidationError, "to"),
        (None, "", ValidationError, "to"),
        ("F-1999-000001", "compta@acme.example", NotFound, None),
    ],
)
def test_a_bad_address_or_number_sends_nothing(
    services, admin, cashier, invoice, smtp_server, number, to, error, field
):
    point_at(services, admin, smtp_server)

    with pytest.raises(error) as refused:
        services.mail.email_invoice(cashier, number or invoice.number, to)

    assert getattr(refused.value, "field", None) == field
    assert smtp_server.messages == []
    assert emailed(services, cashier, invoice.number) == []


def test_a_stock_manager_cannot_email_an_invoice(services, admin, stock_manager, invoice, smtp_server):
    point_at(services, admin, smtp_server)

    with pytest.raises(PermissionDenied):
        services.mail.email_invoice(stock_manager, invoice.number, "compta@acme.example")

    assert smtp_server.messages == []


def test_only_an_admin_sets_up_email_or_sends_a_test(services, cashier, accountant, smtp_server):
    for actor in (cashier, accountant):
        with pytest.raises(PermissionDenied):
            point_at(services, actor, smtp_server)
        with pytest.raises(PermissionDenied):
            services.mail.send_test(actor, "me@boutique.example")

    assert services.mail.smtp().host == ""
    assert smtp_server.messages == []


def test_an_admin_s_test_message_arrives(services, admin, smtp_server):
    services.settings.update_identity(admin, shop_name="Boutique Lumière")
    point_at(services, admin, smtp_server)

    services.mail.send_test(admin, "me@boutique.example")

    [message] = smtp_server.messages
    assert (message["To"], message["Subject"]) == ("me@boutique.example", "Message de test de Boutique Lumière")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"host": "smtp example.com"}, "host"),
        ({"host": "smtp://mail.example.com"}, "host"),
        ({"host": ""}, "host"),
        ({"port": 0}, "port"),
        ({"port": 70000}, "port"),
        ({"port": "abc"}, "port"),
        ({"port": True}, "port"),
        ({"security": "tls"}, "security"),
        ({"sender": "caisse"}, "sender"),
        ({"sender": ""}, "sender"),
        ({"username": "two words"}, "username"),
        ({"password": "line\nbreak"}, "password"),
    ],
)
def test_bad_mail_settings_are_refused_and_change_nothing(services, admin, smtp_server, change, field):
    before = point_at(services, admin, smtp_server, username="shop", password=PASSWORD)

    with pytest.raises(ValidationError) as refused:
        point_at(services, admin, smtp_server, **{"host": "mail.example.com", "port": 465, **change})

    assert refused.value.field == field
    assert services.mail.smtp() == before


def test_the_settings_read_back_as_saved_and_an_ip_address_is_a_host(services, admin):
    saved = services.mail.configure_smtp(
        admin,
        host=" 192.0.2.10 ",
        port="465",
        security="ssl",
        username="caisse@boutique.example",
        sender="caisse@boutique.example",
    )

    assert services.mail.smtp() == saved
    assert (saved.host, saved.port, saved.security, saved.username, saved.configured) == (
        "192.0.2.10",
        465,
        "ssl",
        "caisse@boutique.example",
        True,
    )
    assert (saved.password_set, saved.password_masked) == (False, "")


def test_the_password_stays_on_this_machine_and_never_in_the_shared_database(
    services, admin, smtp_server, machine_secrets_file
):
    view = point_at(services, admin, smtp_server, username="shop", password=PASSWORD)

    assert view.password_set and PASSWORD not in view.password_masked and view.password_masked
    assert PASSWORD in machine_secrets_file.read_text()
    assert stat.S_IMODE(machine_secrets_file.stat().st_mode) == 0o600
    with services.db.read_session() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                assert not any(PASSWORD in str(value) for value in row), table.name


def test_no_password_keeps_the_one_kept_and_an_empty_one_removes_it(services, admin, smtp_server):
    point_at(services, admin, smtp_server, username="shop", password=PASSWORD)

    assert point_at(services, admin, smtp_server, username="shop", password=None).password_set is True
    assert point_at(services, admin, smtp_server, username="shop", password="").password_set is False


def test_the_password_kept_on_this_machine_logs_in_to_the_server(services, admin):
    with smtp_server_running(authenticator=accept_login("shop", PASSWORD), auth_require_tls=False) as server:
        point_at(services, admin, server, username="shop", password=PASSWORD)
        services.mail.send_test(admin, "me@boutique.example")
        assert len(server.messages) == 1

        point_at(services, admin, server, username="shop", password="not-the-password")
        with pytest.raises(MailFailed, match="did not accept the user name and password"):
            services.mail.send_test(admin, "me@boutique.example")
        assert len(server.messages) == 1


def test_a_mailer_given_to_the_services_sends_without_any_setting(database_url, clock, smtp_server):
    mailer = SmtpMailer(smtp_server.host, smtp_server.port, sender="bookings@boutique.example", security="none")
    with open_services(database_url, clock=clock, mailer=mailer) as services:
        services.mail.send(OutgoingMail("guest@example.com", "Your booking", "See you on Monday."))

    [message] = smtp_server.messages
    assert message["From"] == "bookings@boutique.example"
    assert message.get_body(("plain",)).get_content() == "See you on Monday.\n"
