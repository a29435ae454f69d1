"""Emailing the invoice from the payment dialog, through a real SMTP server on loopback: the customer's address
offered, the invoice issued if needed and sent with its PDF, and the plain words when it cannot be sent."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from pos_app.domain.money import currency
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.counter.email_invoice_dialog import EmailInvoiceDialog
from pos_app.ui.counter.invoice_customer_dialog import InvoiceCustomerDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog, SaleRequest
from tests.conftest import fresh_database
from tests.mail.smtp_server import REFUSED_DOMAIN, SmtpServer
from tests.services.helpers import make_product
from tests.ui.counter_screen import TIMEOUT, click, dialog_of, text_of, type_into

LINES = (("TEE", 1, Decimal(0)),)  # 19.90


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screen runs the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def shop(services: Services, admin: Actor, stock_manager: Actor, cashier: Actor) -> Services:
    services.settings.update_identity(admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901")
    make_product(services, stock_manager, sku="TEE")
    services.inventory.receive(stock_manager, "TEE", 10)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


@pytest.fixture
def mail_set_up(shop: Services, admin: Actor, smtp_server: SmtpServer) -> SmtpServer:
    shop.mail.configure_smtp(
        admin,
        host=smtp_server.host,
        port=smtp_server.port,
        security="none",
        username="",
        sender="caisse@boutique.example",
    )
    return smtp_server


def paid_dialog(qtbot: QtBot, shop: Services, cashier: Actor, customer_id: int | None = None) -> PaymentDialog:
    """The payment dialog of one T-shirt, paid in exact cash: its documents page is showing."""
    total = shop.pos.price(cashier, list(LINES)).total
    dialog = PaymentDialog(shop, cashier, SaleRequest(LINES, total, customer_id, register="R1"), currency("EUR"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT):
        click(qtbot, dialog, "quickExact")
    return dialog


@pytest.fixture
def closing() -> Iterator[list[PaymentDialog]]:
    opened: list[PaymentDialog] = []
    yield opened
    for dialog in opened:
        dialog.close()


def wait_for_status(qtbot: QtBot, dialog: PaymentDialog, start: str) -> str:
    qtbot.waitUntil(lambda: text_of(dialog, "documentStatus").startswith(start), timeout=30_000)
    return text_of(dialog, "documentStatus")


def test_the_invoice_of_a_known_customer_is_emailed_to_the_address_offered_with_its_pdf(
    qtbot: QtBot, shop: Services, cashier: Actor, mail_set_up: SmtpServer, closing: list[PaymentDialog]
) -> None:
    awa = shop.customers.create_customer(cashier, name="Awa Ndiaye", email="awa@example.sn")
    dialog = paid_dialog(qtbot, shop, cashier, awa.id)
    closing.append(dialog)

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_E)
    ask = dialog_of(qtbot, dialog, EmailInvoiceDialog)
    address = ask.findChild(QLineEdit, "emailInvoiceAddress")
    assert address.text() == "awa@example.sn"
    qtbot.keyClick(address, Qt.Key.Key_Return)

    status = wait_for_status(qtbot, dialog, "Invoice")
    invoice = shop.invoices.for_sale(cashier, dialog.receipt.number)
    assert invoice is not None and invoice.customer.name == "Awa Ndiaye"
    assert status == f"Invoice {invoice.number} sent to awa@example.sn."
    [message] = mail_set_up.messages
    assert message["To"] == "awa@example.sn"
    [attachment] = message.iter_attachments()
    pdf = subprocess.run(["pdftotext", "-", "-"], input=attachment.get_content(), capture_output=True, check=True)
    assert invoice.number in pdf.stdout.decode()
    assert [kind for _at, kind in shop.invoices.events(cashier, invoice.number)] == ["emailed"]


def test_a_walk_in_customer_is_asked_who_then_a_refused_address_can_be_corrected(
    qtbot: QtBot, shop: Services, cashier: Actor, mail_set_up: SmtpServer, closing: list[PaymentDialog]
) -> None:
    dialog = paid_dialog(qtbot, shop, cashier)
    closing.append(dialog)

    click(qtbot, dialog, "emailInvoice")
    who = dialog_of(qtbot, dialog, InvoiceCustomerDialog)
    type_into(qtbot, who, "invoiceName", "Moussa Diop")
    type_into(qtbot, who, "invoiceEmail", f"moussa@{REFUSED_DOMAIN}")
    click(qtbot, who, "invoiceIssue")
    ask = dialog_of(qtbot, dialog, EmailInvoiceDialog)
    click(qtbot, ask, "emailInvoiceSend")

    qtbot.waitUntil(lambda: bool(text_of(dialog, "documentError")), timeout=30_000)
    invoice = shop.invoices.for_sale(cashier, dialog.receipt.number)
    assert invoice is not None and invoice.customer.name == "Moussa Diop"
    assert text_of(dialog, "documentError").startswith(
        f"Invoice {invoice.number} was not sent: The mail server refused the address moussa@{REFUSED_DOMAIN}"
    )
    assert mail_set_up.messages == []

    click(qtbot, dialog, "emailInvoice")  # invoiced now: only the address is asked again
    ask = dialog_of(qtbot, dialog, EmailInvoiceDialog)
    type_into(qtbot, ask, "emailInvoiceAddress", "moussa@example.sn")
    click(qtbot, ask, "emailInvoiceSend")

    assert wait_for_status(qtbot, dialog, "Invoice") == f"Invoice {invoice.number} sent to moussa@example.sn."
    assert [m["To"] for m in mail_set_up.messages] == ["moussa@example.sn"]


def test_without_email_set_up_the_cashier_is_told_who_sets_it_and_nothing_is_issued(
    qtbot: QtBot, shop: Services, cashier: Actor, closing: list[PaymentDialog]
) -> None:
    dialog = paid_dialog(qtbot, shop, cashier)
    closing.append(dialog)

    click(qtbot, dialog, "emailInvoice")

    qtbot.waitUntil(lambda: bool(text_of(dialog, "documentError")), timeout=TIMEOUT)
    assert text_of(dialog, "documentError") == "Email is not set up: an admin sets it in Settings."
    assert shop.invoices.for_sale(cashier, dialog.receipt.number) is None
