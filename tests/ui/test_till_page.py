from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from pos_app.domain.roles import Actor
from pos_app.errors import TillClosed
from pos_app.services import Services
from pos_app.ui.till.amounts import money_text
from pos_app.ui.till.close_dialog import CloseTillDialog
from pos_app.ui.till.report_dialog import ReportDialog
from pos_app.ui.till.small_dialogs import CashMovementDialog, DrawerDialog, OpenTillDialog
from pos_app.ui.till.till_page import TillPage
from tests.ui.screen import add_product

W = TypeVar("W", bound=QWidget)


def eur(amount: str) -> str:
    return money_text(Decimal(amount), "EUR")


@pytest.fixture
def machine(tmp_path: Path) -> QSettings:
    """What this machine remembers, in a throwaway file."""
    return QSettings(str(tmp_path / "machine.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shop(services: Services, stock_manager: Actor) -> Services:
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=10, barcode="4006381333931")
    return services


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """The window is active again once a dialog closed (a window manager's job; offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_page(qtbot: QtBot, services: Services, actor: Actor, machine: QSettings) -> TillPage:
    page = TillPage(services, actor, settings=machine)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    back_to(qtbot, page)
    page.setFocus()
    return page


@pytest.fixture
def page(qtbot: QtBot, shop: Services, cashier: Actor, machine: QSettings) -> TillPage:
    return open_page(qtbot, shop, cashier, machine)


@pytest.fixture
def open_till(shop: Services, cashier: Actor) -> Services:
    """The till of R1 opened with 100.00, and a cash sale of 19.90 paid with 20.00."""
    shop.pos.open_session(cashier, "R1", Decimal("100.00"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))])
    return shop


@pytest.fixture
def page_of_open_till(qtbot: QtBot, open_till: Services, cashier: Actor, machine: QSettings) -> TillPage:
    return open_page(qtbot, open_till, cashier, machine)


def dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog of that kind the action opened."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[-1]


def text_of(widget: QWidget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(widget) else ""


def press(
    qtbot: QtBot, window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the window's focus is."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def type_into(qtbot: QtBot, widget: QWidget, name: str, text: str) -> None:
    field = widget.findChild(QLineEdit, name)
    field.setFocus()
    qtbot.keyClicks(field, text)


def type_count(qtbot: QtBot, dialog: QWidget, name: str, count: str) -> None:
    field = dialog.findChild(QSpinBox, name)
    field.setFocus()
    field.selectAll()  # as entering the field does
    qtbot.keyClicks(field, count)


def reloaded(qtbot: QtBot, page: TillPage) -> SignalBlocker:
    return qtbot.waitSignal(page.loaded, timeout=5000)


def test_a_closed_till_opens_with_the_counted_float_and_the_register_is_remembered(
    qtbot: QtBot, page: TillPage, shop: Services, cashier: Actor, machine: QSettings
) -> None:
    assert text_of(page, "tillState") == "Closed"
    assert "The till is closed" in text_of(page, "tillClosedHint")
    assert not page.findChild(QPushButton, "tillClose").isEnabled()

    press(qtbot, page, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, page, OpenTillDialog)
    with reloaded(qtbot, page):
        type_into(qtbot, dialog, "openingFloat", "150")
        press(qtbot, dialog, Qt.Key.Key_Return)

    assert text_of(page, "tillState") == "Open"
    assert text_of(page, "tillRegister") == "R1 · Counter 1"
    assert text_of(page, "tillSince").endswith("by cashier")
    assert text_of(page, "tillFloat") == eur("150.00")
    assert text_of(page, "tillSales") == f"0 · {eur('0.00')}"
    assert text_of(page, "tillNotice") == f"The till of R1 is open with {eur('150.00')}."
    assert machine.value("till/register") == "R1"
    assert shop.pos.x_report(cashier, "R1").opening_float == Decimal("150.00")


def test_a_float_that_is_not_an_amount_is_refused_in_plain_words(
    qtbot: QtBot, page: TillPage, shop: Services, cashier: Actor
) -> None:
    press(qtbot, page, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, page, OpenTillDialog)
    type_into(qtbot, dialog, "openingFloat", "abc")
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert text_of(dialog, "openTillError") == "'abc' is not an amount: type one such as 150.00."
    assert dialog.isVisible()
    with pytest.raises(TillClosed):
        shop.pos.x_report(cashier, "R1")


def test_closing_with_the_count_by_denomination_shows_the_z_report_and_saves_its_pdf(
    qtbot: QtBot, page_of_open_till: TillPage, tmp_path: Path
) -> None:
    page = page_of_open_till
    assert text_of(page, "tillSales") == f"1 · {eur('19.90')}"

    press(qtbot, page, Qt.Key.Key_F7)
    closing = dialog_of(qtbot, page, CloseTillDialog)
    for name, count in [
        ("count_note_100", "1"),
        ("count_note_10", "1"),
        ("count_note_5", "1"),
        ("count_coin_2", "2"),
        ("count_coin_0.50", "1"),
        ("count_coin_0.20", "2"),
    ]:
        type_count(qtbot, closing, name, count)
    assert text_of(closing, "countedTotal") == f"Counted: {eur('119.90')}"
    assert text_of(closing, "countDifference") == f"Expected {eur('119.90')}: the count matches"
    type_count(qtbot, closing, "count_coin_0.20", "21")
    assert text_of(closing, "countDifference") == f"Expected {eur('119.90')}: {eur('3.80')} over"
    type_count(qtbot, closing, "count_coin_0.20", "2")

    press(qtbot, closing, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    report = dialog_of(qtbot, page, ReportDialog)

    assert report.windowTitle() == "Z report · R1 #1"
    assert text_of(report, "reportSales") == f"1 · {eur('19.90')}"
    assert text_of(report, "reportExpectedCash") == eur("119.90")
    assert text_of(report, "reportCountedCash") == eur("119.90")
    assert text_of(report, "reportVariance") == eur("0.00")
    qtbot.waitUntil(lambda: text_of(page, "tillState") == "Closed", timeout=5000)

    qtbot.mouseClick(report.findChild(QPushButton, "saveReportPdf"), Qt.MouseButton.LeftButton)
    chooser = dialog_of(qtbot, report, QFileDialog)
    target = tmp_path / "z-report.pdf"
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: text_of(report, "reportSaved").startswith("Saved to"), timeout=20_000)

    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]  # the shop writes in French
    assert "Rapport Z" in lines
    for expected in [
        "Ventes 1 19,90 €",
        "Espèces attendues 119,90 €",
        "Espèces comptées 119,90 €",
        "Écart 0,00 €",
        "100,00 € billet 1 100,00 €",
        "0,20 € pièce 2 0,40 €",
    ]:
        assert expected in lines


def test_cash_out_beyond_what_the_drawer_holds_is_refused_and_nothing_is_written(
    qtbot: QtBot, page_of_open_till: TillPage, open_till: Services, cashier: Actor
) -> None:
    page = page_of_open_till
    press(qtbot, page, Qt.Key.Key_F4)
    dialog = dialog_of(qtbot, page, CashMovementDialog)
    type_into(qtbot, dialog, "cashAmount", "500")
    type_into(qtbot, dialog, "cashReason", "to the safe")
    press(qtbot, dialog, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: text_of(dialog, "cashMovementError") != "", timeout=5000)
    assert text_of(dialog, "cashMovementError") == "There is not that much cash in the drawer."
    assert dialog.isVisible()
    report = open_till.pos.x_report(cashier, "R1")
    assert (report.cash_out, report.expected_cash) == (Decimal(0), Decimal("119.90"))


def test_cash_in_and_out_show_in_the_x_report(qtbot: QtBot, page_of_open_till: TillPage) -> None:
    page = page_of_open_till
    for key, amount, reason in [(Qt.Key.Key_F3, "50", "change from the bank"), (Qt.Key.Key_F4, "20,5", "safe")]:
        back_to(qtbot, page)
        press(qtbot, page, key)
        dialog = dialog_of(qtbot, page, CashMovementDialog)
        with reloaded(qtbot, page):
            type_into(qtbot, dialog, "cashAmount", amount)
            type_into(qtbot, dialog, "cashReason", reason)
            press(qtbot, dialog, Qt.Key.Key_Return)
    assert text_of(page, "tillNotice") == f"{eur('20.50')} taken out of the drawer."

    back_to(qtbot, page)
    press(qtbot, page, Qt.Key.Key_F6)
    report = dialog_of(qtbot, page, ReportDialog)

    assert report.windowTitle() == "X report · R1 #1"
    assert text_of(report, "reportCashIn") == eur("50.00")
    assert text_of(report, "reportCashOut") == eur("-20.50")
    assert text_of(report, "reportExpectedCash") == eur("149.40")
    assert text_of(report, "reportMethod_cash") == eur("19.90")


@pytest.mark.parametrize(("typed", "message"), [("", "Type an amount, such as 150.00."), ("0", "greater than zero")])
def test_a_cash_movement_needs_an_amount_and_a_reason(
    qtbot: QtBot, page_of_open_till: TillPage, open_till: Services, cashier: Actor, typed: str, message: str
) -> None:
    press(qtbot, page_of_open_till, Qt.Key.Key_F3)
    dialog = dialog_of(qtbot, page_of_open_till, CashMovementDialog)
    type_into(qtbot, dialog, "cashAmount", typed)
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert message in text_of(dialog, "cashMovementError")

    dialog.findChild(QLineEdit, "cashAmount").setText("10")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert text_of(dialog, "cashMovementError") == "Say why, for the reports: for example 'to the safe'."
    assert open_till.pos.x_report(cashier, "R1").cash_in == Decimal(0)


def test_a_blind_close_keeps_the_expected_cash_from_the_cashier(
    qtbot: QtBot, open_till: Services, admin: Actor, cashier: Actor, machine: QSettings
) -> None:
    open_till.settings.set_blind_close(admin, True)
    page = open_page(qtbot, open_till, cashier, machine)
    assert text_of(page, "tillState") == "Open"
    assert text_of(page, "tillSales") == ""

    press(qtbot, page, Qt.Key.Key_F7)
    closing = dialog_of(qtbot, page, CloseTillDialog)
    type_count(qtbot, closing, "count_note_100", "1")
    assert text_of(closing, "countedTotal") == f"Counted: {eur('100.00')}"
    assert text_of(closing, "countDifference") == ""
    press(qtbot, closing, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    report = dialog_of(qtbot, page, ReportDialog)

    assert text_of(report, "reportCountedCash") == eur("100.00")
    assert report.findChild(QLabel, "reportExpectedCash") is None
    assert report.findChild(QLabel, "reportVariance") is None
    assert report.findChild(QLabel, "reportMethod_cash") is None
    assert text_of(report, "reportBlindNote").startswith("Blind close")
    assert open_till.pos.z_report(admin, report.report.session_id).variance == Decimal("-19.90")


def test_a_past_session_reopens_its_z_report(
    qtbot: QtBot, open_till: Services, cashier: Actor, machine: QSettings
) -> None:
    open_till.pos.close_session(cashier, Decimal("119.90"), "R1")
    page = open_page(qtbot, open_till, cashier, machine)
    table = page.findChild(QTableView, "sessionsTable")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "#1"

    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    press(qtbot, table, Qt.Key.Key_Return)
    report = dialog_of(qtbot, page, ReportDialog)

    assert report.windowTitle() == "Z report · R1 #1"
    assert text_of(report, "reportCountedCash") == eur("119.90")


def test_opening_the_drawer_without_a_printer_is_recorded_and_says_why_it_stayed_shut(
    qtbot: QtBot, page_of_open_till: TillPage, open_till: Services, cashier: Actor
) -> None:
    page = page_of_open_till
    press(qtbot, page, Qt.Key.Key_F8)
    dialog = dialog_of(qtbot, page, DrawerDialog)
    type_into(qtbot, dialog, "drawerReason", "change for a customer")
    press(qtbot, dialog, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: text_of(page, "tillError") != "", timeout=5000)
    assert text_of(page, "tillError").startswith("The opening is recorded, but the drawer did not open: No receipt")
    assert open_till.pos.x_report(cashier, "R1").drawer_openings == 1
