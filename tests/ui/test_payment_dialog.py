"""The payment dialog on a real database (both backends): cash with quick amounts and change, card and mobile
money with their references, split tender, refusals that write nothing, then the receipt and the invoice."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.money import currency
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.counter.invoice_customer_dialog import InvoiceCustomerDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog, SaleRequest
from tests.services.helpers import make_product, visible_state
from tests.ui.counter_screen import TIMEOUT, button, click, dialog_of, text_of, type_into

LINES = (("TEE", 1, Decimal(0)), ("BOOK", 1, Decimal(0)))  # 19.90 + 17.50 = 37.40


@pytest.fixture
def shop(services: Services, stock_manager: Actor, cashier: Actor) -> Services:
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("17.50"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 10)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


@pytest.fixture
def dialog(qtbot: QtBot, shop: Services, cashier: Actor) -> Iterator[PaymentDialog]:
    """The payment of one T-shirt and one guide, 37.40 EUR, as the counter opens it."""
    total = shop.pos.price(cashier, list(LINES)).total
    opened = PaymentDialog(shop, cashier, SaleRequest(LINES, total, register="R1"), currency("EUR"))
    qtbot.addWidget(opened)
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    yield opened
    opened.close()


def take(qtbot: QtBot, dialog: PaymentDialog, method: str, amount: str, reference: str = "") -> None:
    """Choose the method, type the amount (and reference), press Enter."""
    click(qtbot, dialog, f"method_{method}")
    field = type_into(qtbot, dialog, "paymentAmount", amount)
    if reference:
        field = type_into(qtbot, dialog, "paymentReference", reference)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def nothing_sold(shop: Services, cashier: Actor) -> bool:
    return shop.pos.x_report(cashier).sales_count == 0


def test_cash_offers_the_exact_amount_and_the_next_round_notes_and_gives_the_change(
    qtbot: QtBot, dialog: PaymentDialog, shop: Services, cashier: Actor
) -> None:
    assert text_of(dialog, "paymentTotal") == "Total due 37.40 EUR"
    assert dialog.quick_amount_texts() == ["Exact 37.40", "40", "50", "100"]

    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT) as sold:
        click(qtbot, dialog, "quick_50")

    assert (text_of(dialog, "changeTitle"), text_of(dialog, "changeDue")) == ("Change due", "12.60 EUR")
    assert sold.args[0].change_due == Decimal("12.60")
    assert shop.pos.x_report(cashier).by_method == {"cash": Decimal("37.40")}


def test_a_split_payment_takes_the_card_then_the_rest_in_cash(
    qtbot: QtBot, dialog: PaymentDialog, shop: Services, cashier: Actor
) -> None:
    take(qtbot, dialog, "card", "10", "T-881")

    assert text_of(dialog, "paymentRemaining") == "Still to pay 27.40 EUR"
    tenders = dialog.findChild(QListWidget, "paymentTenders")
    assert [tenders.item(row).text() for row in range(tenders.count())] == ["Card  10.00 EUR · T-881"]
    assert button(dialog, "method_cash").isChecked()
    assert nothing_sold(shop, cashier)

    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT) as sold:
        take(qtbot, dialog, "cash", "30")

    receipt = sold.args[0]
    assert [(p.method.value, p.amount, p.reference) for p in receipt.payments] == [
        ("card", Decimal("10.00"), "T-881"),
        ("cash", Decimal("30.00"), None),
    ]
    assert text_of(dialog, "changeDue") == "2.60 EUR"
    assert text_of(dialog, "saleSummary") == (
        "Sale R1-2026-000001 · total 37.40 EUR · paid Card 10.00 EUR, Cash 30.00 EUR"
    )
    assert shop.pos.x_report(cashier).by_method == {"card": Decimal("10.00"), "cash": Decimal("27.40")}


def test_orange_money_needs_its_reference_before_anything_is_written(
    qtbot: QtBot, dialog: PaymentDialog, shop: Services, cashier: Actor
) -> None:
    before = visible_state(shop)
    take(qtbot, dialog, "orange_money", "37.40")

    assert text_of(dialog, "paymentReferenceLabel").startswith("Transaction reference (required)")
    assert text_of(dialog, "paymentError") == (
        "Type the Orange Money transaction reference: the payment cannot be checked without it."
    )
    assert (visible_state(shop), nothing_sold(shop, cashier)) == (before, True)

    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT) as sold:
        take(qtbot, dialog, "orange_money", "37.40", "OM-5521")
    assert [(p.method.value, p.reference) for p in sold.args[0].payments] == [("orange_money", "OM-5521")]
    assert text_of(dialog, "changeTitle") == "Paid"


def test_a_card_cannot_pay_more_than_due_and_cancelling_writes_nothing(
    qtbot: QtBot, dialog: PaymentDialog, shop: Services, cashier: Actor
) -> None:
    before = visible_state(shop)
    take(qtbot, dialog, "card", "50")

    assert text_of(dialog, "paymentError") == (
        "Card cannot take more than the 37.40 EUR still due: only cash gives change."
    )
    with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert (visible_state(shop), nothing_sold(shop, cashier)) == (before, True)


def test_without_a_receipt_printer_the_receipt_is_saved_as_a_pdf(
    qtbot: QtBot, dialog: PaymentDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "receipt.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), "PDF (*.pdf)"))
    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT):
        click(qtbot, dialog, "quickExact")

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_P)

    qtbot.waitUntil(lambda: text_of(dialog, "documentStatus").startswith("Receipt saved"), timeout=TIMEOUT)
    assert text_of(dialog, "documentStatus") == f"Receipt saved to {chosen}."
    assert "R1-2026-000001" in PdfReader(BytesIO(chosen.read_bytes())).pages[0].extract_text()
    assert button(dialog, "openDocument").isVisible()


def test_the_receipt_prints_on_the_configured_printer(
    qtbot: QtBot, dialog: PaymentDialog, shop: Services, admin: Actor, tmp_path: Path
) -> None:
    device = tmp_path / "lp0"
    shop.receipts.configure_printer(admin, "file", str(device))
    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT):
        click(qtbot, dialog, "quick_40")

    click(qtbot, dialog, "printReceipt")

    qtbot.waitUntil(lambda: text_of(dialog, "documentStatus") == "Receipt printed.", timeout=TIMEOUT)
    assert b"R1-2026-000001" in device.read_bytes() and b"37,40" in device.read_bytes()


def test_an_invoice_for_a_walk_in_customer_asks_their_name_and_saves_the_pdf(
    qtbot: QtBot,
    dialog: PaymentDialog,
    shop: Services,
    admin: Actor,
    cashier: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shop.settings.update_identity(admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901")
    chosen = tmp_path / "invoice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), "PDF (*.pdf)"))
    with qtbot.waitSignal(dialog.sold, timeout=TIMEOUT) as sold:
        click(qtbot, dialog, "quickExact")

    click(qtbot, dialog, "issueInvoice")
    ask = dialog_of(qtbot, dialog, InvoiceCustomerDialog)
    click(qtbot, ask, "invoiceIssue")
    assert text_of(ask, "invoiceCustomerError") == "An invoice needs the customer's name."
    type_into(qtbot, ask, "invoiceName", "Awa Ndiaye")
    type_into(qtbot, ask, "invoiceAddress", "12 rue Carnot, Dakar")
    click(qtbot, ask, "invoiceIssue")

    qtbot.waitUntil(lambda: text_of(dialog, "documentStatus").startswith("Invoice"), timeout=30_000)
    invoice = shop.invoices.for_sale(cashier, sold.args[0].number)
    assert invoice is not None and invoice.customer.name == "Awa Ndiaye"
    assert text_of(dialog, "documentStatus") == f"Invoice {invoice.number} saved to {chosen}."
    text = PdfReader(BytesIO(chosen.read_bytes())).pages[0].extract_text()
    assert invoice.number in text and "Awa Ndiaye" in text
    assert [kind for _, kind in shop.invoices.events(cashier, invoice.number)] == ["saved"]
