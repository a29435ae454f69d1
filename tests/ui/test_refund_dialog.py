from __future__ import annotations

import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.receipts import qr
from pos_app.services import Services
from pos_app.ui.refunds.refund_dialog import RefundDialog
from pos_app.ui.refunds.refund_models import LineColumn
from pos_app.ui.till.amounts import money_text
from tests.ui.screen import add_product, row_texts

SALE = "R1-2026-000001"


def eur(amount: str) -> str:
    return money_text(Decimal(amount), "EUR")


@pytest.fixture
def shop(services: Services, stock_manager: Actor, cashier: Actor, clock) -> Services:
    """TEE (19.90, 10 units) and BOOK (18.00, 3 units); a sale of 2 TEE and 1 BOOK paid cash, then a card sale."""
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=10, size="M")
    add_product(services, stock_manager, "BOOK", "Guide", price="18.00", stock=3)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    services.pos.checkout(cashier, [("TEE", 2), ("BOOK", 1)], [("cash", Decimal("60.00"))])
    clock.advance(minutes=20)
    services.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("18.00"), "T-42")])
    clock.advance(hours=1)
    return services


@pytest.fixture
def dialog(qtbot: QtBot, shop: Services, cashier: Actor) -> RefundDialog:
    shown = RefundDialog(shop, cashier, "R1")
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def label(dialog: RefundDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    return found.text() if found.isVisibleTo(dialog) else ""


def lines(dialog: RefundDialog) -> list[tuple[str, ...]]:
    return row_texts(dialog.findChild(QTableView, "refundLines"))


def find(qtbot: QtBot, dialog: RefundDialog, typed: str) -> None:
    field = dialog.findChild(QLineEdit, "refundFind")
    field.setText(typed)  # a scanner types fast: the whole code, then Enter
    qtbot.keyClick(field, Qt.Key.Key_Return)


def wait_for_sale(qtbot: QtBot, dialog: RefundDialog, number: str = SALE) -> None:
    qtbot.waitUntil(lambda: dialog.sale is not None and dialog.sale.number == number, timeout=5000)


def test_a_sale_found_by_number_refunds_one_line_and_its_stock_comes_back(
    qtbot: QtBot, dialog: RefundDialog, shop: Services, tmp_path: Path
) -> None:
    find(qtbot, dialog, SALE)
    wait_for_sale(qtbot, dialog)

    assert label(dialog, "refundSaleInfo").startswith(f"Sale {SALE} · ")
    assert lines(dialog) == [
        ("T-shirt M", "TEE", "2", "0", "2", "0"),
        ("Guide", "BOOK", "1", "0", "1", "0"),
    ]
    assert not dialog.findChild(QPushButton, "refundSubmit").isEnabled()
    table = dialog.findChild(QTableView, "refundLines")
    assert table.currentIndex().column() == LineColumn.TO_REFUND
    qtbot.keyClick(table, Qt.Key.Key_1)  # starts editing the count of the first line
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: label(dialog, "refundTotal") == f"1 unit(s) · {eur('19.90')} to pay back")

    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: label(dialog, "refundDone") != "", timeout=5000)

    assert label(dialog, "refundDone") == f"Refund R1-R-2026-000001: {eur('19.90')} paid back (Cash)."
    assert lines(dialog)[0] == ("T-shirt M", "TEE", "2", "1", "1", "0")
    assert shop.inventory.level("TEE").on_hand == 9
    assert next(m.kind for m in shop.inventory.history(sku="TEE")) == "return"

    qtbot.mouseClick(dialog.findChild(QPushButton, "refundSavePdf"), Qt.MouseButton.LeftButton)
    chooser = dialog.findChild(QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    chooser.selectFile(str(tmp_path / "refund.pdf"))
    chooser.accept()
    qtbot.waitUntil(lambda: label(dialog, "refundDone").startswith("Saved to"), timeout=20_000)
    pdf_text = subprocess.run(
        ["pdftotext", str(tmp_path / "refund.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Remboursement R1-R-2026-000001" in pdf_text
    assert "19,90" in pdf_text


def test_a_sale_found_by_its_receipt_qr_code_can_be_written_off(
    qtbot: QtBot, dialog: RefundDialog, shop: Services
) -> None:
    code = qr.encode(qr.code_of(shop.receipts.receipt(SALE)))
    find(qtbot, dialog, code)
    wait_for_sale(qtbot, dialog)
    table = dialog.findChild(QTableView, "refundLines")
    table.setCurrentIndex(table.model().index(1, LineColumn.TO_REFUND))
    qtbot.keyClick(table, Qt.Key.Key_Plus)
    qtbot.keyClick(table, Qt.Key.Key_Plus)  # one BOOK was sold: the count stays at 1
    dialog.findChild(QCheckBox, "refundRestock").setChecked(False)

    qtbot.mouseClick(dialog.findChild(QPushButton, "refundSubmit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label(dialog, "refundDone") != "", timeout=5000)

    assert label(dialog, "refundDone") == f"Refund R1-R-2026-000001: {eur('18.00')} paid back (Cash)."
    assert lines(dialog)[1] == ("Guide", "BOOK", "1", "1", "0", "—")
    assert shop.inventory.level("BOOK").on_hand == 1  # 3 received, 2 sold, the returned one written off
    assert [m.kind for m in shop.inventory.history(sku="BOOK")][:2] == ["loss", "return"]


def test_an_altered_receipt_code_is_refused_in_plain_words(qtbot: QtBot, dialog: RefundDialog, shop: Services) -> None:
    genuine = qr.code_of(shop.receipts.receipt(SALE))
    find(qtbot, dialog, qr.encode(replace(genuine, total=Decimal("5.00"))))

    qtbot.waitUntil(lambda: label(dialog, "refundError") != "", timeout=5000)
    assert label(dialog, "refundError").startswith(f"This receipt's code does not match sale {SALE} (total)")
    assert dialog.sale is None


def test_an_unknown_sale_number_says_so(qtbot: QtBot, dialog: RefundDialog) -> None:
    find(qtbot, dialog, "R1-2026-999999")

    qtbot.waitUntil(lambda: label(dialog, "refundError") != "", timeout=5000)
    assert label(dialog, "refundError") == "No sale numbered 'R1-2026-999999'. Check the number on the receipt."


def test_the_sales_of_a_day_are_listed_to_choose_the_one_to_refund(qtbot: QtBot, dialog: RefundDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "refundDayButton"), Qt.MouseButton.LeftButton)
    day_table = dialog.findChild(QTableView, "refundDaySales")
    qtbot.waitUntil(day_table.isVisible, timeout=5000)

    assert [(row[0], row[2], row[3], row[4]) for row in row_texts(day_table)] == [
        ("R1-2026-000002", "cashier", "1", eur("18.00")),
        (SALE, "cashier", "3", eur("57.80")),
    ]
    day_table.setCurrentIndex(day_table.model().index(1, 0))
    qtbot.keyClick(day_table, Qt.Key.Key_Return)

    wait_for_sale(qtbot, dialog)
    assert [row[1] for row in lines(dialog)] == ["TEE", "BOOK"]
