"""Invoicing a paid online order from the accountant's invoices page, on a real database with payments made
through localstripe."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import stripe
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.invoices.model import CustomerDetails
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.ui.background import wait_for_background
from pos_app.ui.invoices.invoice_dialog import InvoiceDialog
from pos_app.ui.invoices.invoices_page import InvoicesPage
from pos_app.ui.invoices.order_invoice_dialog import OrderInvoiceDialog
from pos_app.ui.till.amounts import money_text
from tests.conftest import FakeClock, fresh_database
from tests.payments.helpers import CARD_THAT_PAYS, pay
from tests.ui.screen import add_product, column_texts, row_texts
from tests.ui.test_invoices_page import TIMEOUT, click, dialog_of, table, text_of


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the service tests cover both databases."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def shop(
    database_url: str, clock: FakeClock, gateway: StripeGateway, admin: Actor, stock_manager: Actor
) -> Iterator[Services]:
    """The services with online payments through localstripe, a shop identity and T-shirts at 19.90."""
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    svc.settings.update_identity(admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901")
    add_product(svc, stock_manager, "TEE", "T-shirt", price="19.90", stock=20)
    try:
        yield svc
    finally:
        assert wait_for_background(10_000), "a background operation was still running when the database closed"
        svc.close()


@pytest.fixture
def paid(shop: Services, shopper: stripe.StripeClient) -> list[str]:
    """Two paid orders (Ana's 1 T-shirt, then Bob's 2) and one still waiting for its payment: their numbers."""
    since = datetime.now(UTC) - timedelta(seconds=2)
    checkouts = [shop.payments.checkout([("TEE", n)], f"{who}@example.com") for n, who in ((1, "ana"), (2, "bob"))]
    for checkout in checkouts:
        pay(shopper, checkout.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.checkout([("TEE", 1)], "cy@example.com")
    shop.payments.reconcile(since)
    return [str(shop.payments.order(checkout.order_id).number) for checkout in checkouts]


def open_dialog(qtbot: QtBot, shop: Services, actor: Actor) -> tuple[InvoicesPage, OrderInvoiceDialog]:
    page = InvoicesPage(shop, actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    click(qtbot, page, "invoiceOrder")
    dialog = dialog_of(qtbot, page, OrderInvoiceDialog)
    qtbot.waitUntil(lambda: text_of(dialog, "ordersToInvoiceHint") != "Loading…", timeout=TIMEOUT)
    return page, dialog


def field(dialog: OrderInvoiceDialog, name: str) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def issue_button(dialog: OrderInvoiceDialog) -> QPushButton:
    return dialog.findChild(QPushButton, "orderInvoiceIssue")


def test_an_accountant_invoices_a_paid_online_order_and_the_invoice_opens(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    page, dialog = open_dialog(qtbot, shop, accountant)
    orders = table(dialog, "ordersToInvoice")
    assert sorted(column_texts(orders, "Order")) == sorted(paid)  # the unpaid order has nothing to invoice
    bob = column_texts(orders, "Order").index(paid[1])
    assert row_texts(orders)[bob][2:] == ("bob@example.com", money_text(Decimal("39.80"), "EUR"))

    orders.selectRow(bob)
    assert field(dialog, "orderInvoiceEmail").text() == "bob@example.com"  # the order's, until changed
    qtbot.keyClicks(field(dialog, "orderInvoiceName"), "Bob Martin")
    address = dialog.findChild(QPlainTextEdit, "orderInvoiceAddress")
    qtbot.keyClicks(address, "3 rue Neuve")
    qtbot.keyClick(address, Qt.Key.Key_Return)  # an address has several lines
    qtbot.keyClicks(address, "33000 Bordeaux")
    with qtbot.waitSignal(dialog.issued, timeout=TIMEOUT) as issued:
        qtbot.mouseClick(issue_button(dialog), Qt.MouseButton.LeftButton)

    invoice = issued.args[0]
    assert (invoice.order_number, invoice.customer.name, invoice.gross) == (paid[1], "Bob Martin", Decimal("39.80"))
    assert invoice.customer.address == "3 rue Neuve\n33000 Bordeaux"
    assert invoice.customer.email == "bob@example.com"
    shown = dialog_of(qtbot, page, InvoiceDialog)
    qtbot.waitUntil(lambda: shown.detail is not None, timeout=TIMEOUT)
    assert shown.detail.view.number == invoice.number
    qtbot.waitUntil(lambda: invoice.number in column_texts(table(page), "Number"), timeout=TIMEOUT)
    assert [o.number for o in shop.invoices.orders_to_invoice(accountant)] == [paid[0]]


def test_an_order_is_not_invoiced_without_the_customer_name(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    _page, dialog = open_dialog(qtbot, shop, accountant)
    click(qtbot, dialog, "orderInvoiceIssue")

    assert text_of(dialog, "orderInvoiceNameError") == "An invoice needs the customer's name."
    assert dialog.isVisible()
    qtbot.keyClicks(field(dialog, "orderInvoiceName"), "Ana Diallo")
    assert text_of(dialog, "orderInvoiceNameError") == ""  # gone as soon as a name is typed

    email = field(dialog, "orderInvoiceEmail")
    email.clear()
    qtbot.keyClicks(email, "ana at example")
    click(qtbot, dialog, "orderInvoiceIssue")
    qtbot.waitUntil(lambda: text_of(dialog, "orderInvoiceError") != "", timeout=TIMEOUT)
    assert "'ana at example' is not an email address" in text_of(dialog, "orderInvoiceError")
    assert sorted(o.number for o in shop.invoices.orders_to_invoice(accountant)) == sorted(paid)


def test_an_order_invoiced_meanwhile_at_another_desk_is_said_and_leaves_the_list(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    _page, dialog = open_dialog(qtbot, shop, accountant)
    chosen = dialog.chosen_order()
    assert chosen is not None
    other = shop.invoices.issue_for_order(accountant, chosen.number, CustomerDetails("Ana Diallo"))
    qtbot.keyClicks(field(dialog, "orderInvoiceName"), "Ana Diallo")
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        click(qtbot, dialog, "orderInvoiceIssue")

    error = text_of(dialog, "orderInvoiceError")
    assert "invoiced already" in error and other.number in error
    assert chosen.number not in column_texts(table(dialog, "ordersToInvoice"), "Order")
    assert dialog.isVisible()
    # nothing else is chosen in its place: the name typed was for that order
    assert dialog.chosen_order() is None and not issue_button(dialog).isEnabled()
    assert field(dialog, "orderInvoiceName").text() == "Ana Diallo"

    orders = table(dialog, "ordersToInvoice")
    orders.selectRow(0)  # the other order: what was typed for the first one is not carried over to it
    remaining = dialog.chosen_order()
    assert remaining is not None and remaining.number != chosen.number
    assert field(dialog, "orderInvoiceName").text() == ""
    assert field(dialog, "orderInvoiceEmail").text() == remaining.email


def test_enter_moves_to_the_next_field_and_never_issues_the_invoice(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    _page, dialog = open_dialog(qtbot, shop, accountant)
    name = field(dialog, "orderInvoiceName")
    qtbot.keyClicks(name, "Bob Martin")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.wait(200)

    assert dialog.isVisible()
    assert sorted(o.number for o in shop.invoices.orders_to_invoice(accountant)) == sorted(paid)


def test_the_chosen_order_stays_chosen_when_the_list_is_read_again(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    _page, dialog = open_dialog(qtbot, shop, accountant)
    orders = table(dialog, "ordersToInvoice")
    orders.selectRow(column_texts(orders, "Order").index(paid[0]))
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.reload()

    chosen = dialog.chosen_order()
    assert chosen is not None and chosen.number == paid[0]
    assert field(dialog, "orderInvoiceEmail").text() == "ana@example.com"


def test_an_older_order_is_found_by_its_email_when_the_list_is_cut(
    qtbot: QtBot, shop: Services, paid: list[str], accountant: Actor
) -> None:
    page = InvoicesPage(shop, accountant)
    qtbot.addWidget(page)
    dialog = OrderInvoiceDialog(shop, accountant, page, limit=1)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.show()
    assert len(row_texts(table(dialog, "ordersToInvoice"))) == 1
    assert text_of(dialog, "ordersToInvoiceHint").startswith("Only the last 1 paid orders are listed")

    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(field(dialog, "findOrderToInvoice"), "ANA@")
    chosen = dialog.chosen_order()
    assert chosen is not None and (chosen.number, chosen.email) == (paid[0], "ana@example.com")

    field(dialog, "findOrderToInvoice").clear()
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(field(dialog, "findOrderToInvoice"), "nobody")
    assert text_of(dialog, "ordersToInvoiceHint") == "No paid order without an invoice matches 'nobody'."
    assert dialog.chosen_order() is None and not issue_button(dialog).isEnabled()


def test_with_no_paid_order_waiting_nothing_can_be_issued(qtbot: QtBot, shop: Services, accountant: Actor) -> None:
    _page, dialog = open_dialog(qtbot, shop, accountant)

    assert text_of(dialog, "ordersToInvoiceHint") == "No paid online order is waiting for an invoice."
    assert not issue_button(dialog).isEnabled()
