"""Driving the counter page as a cashier would: the scan field, the ticket lines, the dialogs it opens."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.counter.payment_dialog import PaymentDialog
from pos_app.ui.counter.ticket_model import OFFER_ROLE
from tests.ui.screen import column_texts

W = TypeVar("W", bound=QWidget)
TIMEOUT = 5_000


def scan_field(page: CounterPage) -> QLineEdit:
    return page.findChild(QLineEdit, "scanField")


def text_of(widget: QWidget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def button(widget: QWidget, name: str) -> QPushButton:
    return widget.findChild(QPushButton, name)


def click(qtbot: QtBot, widget: QWidget, name: str) -> None:
    found = button(widget, name)
    assert found is not None and found.isVisible() and found.isEnabled(), f"{name} cannot be clicked"
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def scan(qtbot: QtBot, page: CounterPage, code: str) -> None:
    """Type the code as a scanner does, then Enter; returns once the priced line is on screen."""
    qtbot.keyClicks(scan_field(page), code)
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(scan_field(page), Qt.Key.Key_Return)


def scan_refused(qtbot: QtBot, page: CounterPage, code: str) -> str:
    """Scan a code the counter refuses; returns the stock warning shown."""
    qtbot.keyClicks(scan_field(page), code)
    qtbot.keyClick(scan_field(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(text_of(page, "stockWarning")), timeout=TIMEOUT)
    return text_of(page, "stockWarning")


def lines(page: CounterPage) -> QTableView:
    return page.findChild(QTableView, "ticketLines")


def ticket(page: CounterPage) -> list[tuple[str, str, str]]:
    """(product, quantity, total) of every line."""
    table = lines(page)
    return list(
        zip(column_texts(table, "Product"), column_texts(table, "Qty"), column_texts(table, "Total"), strict=True)
    )


def offers(page: CounterPage) -> list[str]:
    """The discounts written under each line's product."""
    model = lines(page).model()
    return [model.index(row, 0).data(OFFER_ROLE) for row in range(model.rowCount())]


def total(page: CounterPage) -> str:
    return text_of(page, "ticketTotal")


def dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog of `kind` that `parent` opened, once it is on screen and has the keyboard."""
    qtbot.waitUntil(
        lambda: any(d.isVisible() and d.isActiveWindow() for d in parent.findChildren(kind)), timeout=TIMEOUT
    )
    return next(d for d in parent.findChildren(kind) if d.isVisible())


def open_payment(qtbot: QtBot, page: CounterPage) -> PaymentDialog:
    click(qtbot, page, "payButton")
    return dialog_of(qtbot, page, PaymentDialog)


def type_into(qtbot: QtBot, widget: QWidget, name: str, text: str) -> QLineEdit:
    field = widget.findChild(QLineEdit, name)
    field.selectAll()
    qtbot.keyClicks(field, text)
    return field
