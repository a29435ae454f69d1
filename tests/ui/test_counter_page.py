"""The counter page on a real database (both backends): scanning, the ticket, customers, park and resume,
void, the stock warnings, and a sale paid through the payment dialog."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.counter.customer_dialog import CustomerDialog
from pos_app.ui.counter.discount_dialog import DiscountDialog
from pos_app.ui.counter.parked_dialog import ParkedDialog
from pos_app.ui.counter.reason_dialog import ReasonDialog
from pos_app.ui.counter.variant_picker import VariantPicker
from pos_app.ui.main_window import MainWindow
from tests.services.helpers import visible_state
from tests.ui.counter_screen import (
    TIMEOUT,
    button,
    click,
    dialog_of,
    lines,
    offers,
    open_payment,
    scan,
    scan_field,
    scan_refused,
    text_of,
    ticket,
    total,
    type_into,
)
from tests.ui.screen import RED, add_product, row_background

MUG = "4006381333931"


@pytest.fixture
def shop(services: Services, stock_manager: Actor, cashier: Actor) -> Services:
    """Mugs (8.50, 5 in stock, barcode MUG), one last tea pot, caps out of stock, a hoodie in Clothes, and the
    till of R1 open."""
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", stock=5, barcode=MUG)
    add_product(services, stock_manager, "POT-01", "Tea pot", price="39.00", stock=1, threshold=2)
    add_product(services, stock_manager, "CAP-01", "Cap", price="12.00", stock=0, barcode="4006381333948")
    services.inventory.create_product(
        stock_manager,
        sku="HOOD-M",
        name="Hoodie",
        price=Decimal("40.00"),
        vat_rate=Decimal("20"),
        category="Clothes",
        size="M",
    )
    services.inventory.receive(stock_manager, "HOOD-M", 4)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


@pytest.fixture
def machine(tmp_path: Path) -> QSettings:
    """This machine's settings, in a throwaway file: no register remembered yet."""
    return QSettings(str(tmp_path / "machine.ini"), QSettings.Format.IniFormat)


def counter_page(qtbot: QtBot, services: Services, actor: Actor, machine: QSettings) -> CounterPage:
    page = CounterPage(services, actor, settings=machine)
    qtbot.addWidget(page)
    page.resize(1200, 750)
    with qtbot.waitSignal(page.state_loaded, timeout=TIMEOUT):
        page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot: QtBot, shop: Services, cashier: Actor, machine: QSettings) -> Iterator[CounterPage]:
    opened = counter_page(qtbot, shop, cashier, machine)
    yield opened
    opened.close()


def sales_count(services: Services, cashier: Actor) -> int:
    return services.pos.x_report(cashier).sales_count


# ----- a whole sale ----------------------------------------------------------------------------------------------


def test_a_typed_barcode_and_enter_then_cash_sells_shows_the_change_and_takes_the_stock(
    qtbot: QtBot, page: CounterPage, shop: Services, cashier: Actor
) -> None:
    assert scan_field(page).hasFocus()

    scan(qtbot, page, MUG)
    scan(qtbot, page, MUG)

    assert ticket(page) == [("Mug", "2", "17.00")]
    assert total(page) == "17.00 EUR"
    assert text_of(page, "ticketVat") == "incl. VAT 20 %: 2.83 EUR"
    assert scan_field(page).text() == ""
    assert scan_field(page).hasFocus()

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F12)
    payment = dialog_of(qtbot, page, type(page.payment_dialog))
    assert text_of(payment, "paymentTotal") == "Total due 17.00 EUR"
    amount = type_into(qtbot, payment, "paymentAmount", "20")
    assert text_of(payment, "paymentRemaining") == "To pay 17.00 EUR · change 3.00 EUR"
    with qtbot.waitSignal(page.sold, timeout=TIMEOUT) as sold:
        qtbot.keyClick(amount, Qt.Key.Key_Return)

    assert (text_of(payment, "changeTitle"), text_of(payment, "changeDue")) == ("Change due", "3.00 EUR")
    assert text_of(payment, "saleSummary") == "Sale R1-2026-000001 · total 17.00 EUR · paid Cash 20.00 EUR"
    assert sold.args[0].change_due == Decimal("3.00")
    assert shop.inventory.level("MUG-01").on_hand == 3
    assert ticket(page) == []
    assert total(page) == "0.00 EUR"

    qtbot.keyClick(payment.focusWidget(), Qt.Key.Key_Return)  # "New sale"
    qtbot.waitUntil(lambda: not payment.isVisible())
    qtbot.waitUntil(scan_field(page).hasFocus)
    assert text_of(page, "counterNotice") == "Sale R1-2026-000001 recorded: 17.00 EUR."


def test_a_sale_refused_for_stock_says_what_is_available_and_writes_nothing(
    qtbot: QtBot, page: CounterPage, shop: Services, cashier: Actor
) -> None:
    scan(qtbot, page, "POT-01")
    shop.pos.checkout(cashier, [("POT-01", 1)], [("cash", Decimal("39.00"))])  # the other counter was faster
    before = (visible_state(shop), sales_count(shop, cashier))

    payment = open_payment(qtbot, page)
    with qtbot.waitSignal(payment.refused, timeout=TIMEOUT):
        click(qtbot, payment, "quickExact")

    assert "Not enough stock: POT-01: 1 requested, 0 available." in text_of(payment, "paymentError")
    assert (visible_state(shop), sales_count(shop, cashier)) == before
    qtbot.keyClick(payment.findChild(QWidget, "paymentAmount"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not payment.isVisible())
    assert ticket(page) == [("Tea pot", "1", "39.00")]
    assert row_background(lines(page), 0) == RED
    assert text_of(page, "stockWarning") == "Not enough stock: POT-01: 1 requested, 0 available."
    qtbot.waitUntil(scan_field(page).hasFocus)


# ----- stock warnings ------------------------------------------------------------------------------------------


def test_a_product_out_of_stock_shows_at_once_with_the_add_button_disabled(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(scan_field(page), "cap")
    qtbot.waitUntil(lambda: button(page, "counterAddButton").isVisible(), timeout=TIMEOUT)

    assert not button(page, "counterAddButton").isEnabled()
    assert text_of(page, "stockWarning") == "Cap (CAP-01) is out of stock: 0 available."

    qtbot.keyClick(scan_field(page), Qt.Key.Key_Escape)
    assert scan_refused(qtbot, page, "4006381333948") == "Cap (CAP-01) is out of stock: 0 available."
    assert ticket(page) == []


def test_the_last_units_show_a_low_stock_warning_and_no_more_than_available_can_be_asked(
    qtbot: QtBot, page: CounterPage
) -> None:
    scan(qtbot, page, "POT-01")
    assert text_of(page, "stockWarning") == "Low stock: 1 of Tea pot available."

    qtbot.keyClick(scan_field(page), Qt.Key.Key_Plus)

    assert ticket(page) == [("Tea pot", "1", "39.00")]
    assert text_of(page, "stockWarning") == "Only 1 of Tea pot available: the ticket already has 1."


def test_results_show_as_you_type_and_the_keyboard_adds_one(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(scan_field(page), "mu")
    qtbot.waitUntil(lambda: text_of(page, "resultsStatus") == "↓ to choose, Enter to add.", timeout=TIMEOUT)
    assert button(page, "counterAddButton").isEnabled()

    qtbot.keyClick(scan_field(page), Qt.Key.Key_Down)
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(scan_field(page), Qt.Key.Key_Return)

    assert ticket(page) == [("Mug", "1", "8.50")]


# ----- the lines, by keyboard ----------------------------------------------------------------------------------


def test_plus_minus_and_delete_change_the_selected_line_while_the_scan_field_is_empty(
    qtbot: QtBot, page: CounterPage
) -> None:
    scan(qtbot, page, MUG)
    scan(qtbot, page, "HOOD-M")
    field = scan_field(page)

    qtbot.keyClick(field, Qt.Key.Key_Up)
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(field, Qt.Key.Key_Plus)
    assert ticket(page) == [("Mug", "2", "17.00"), ("Hoodie M", "1", "40.00")]

    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert ticket(page) == [("Hoodie M", "1", "40.00")]
    assert total(page) == "40.00 EUR"


def test_a_cashiers_line_discount_above_ten_percent_is_refused_and_ten_is_applied(
    qtbot: QtBot, page: CounterPage
) -> None:
    scan(qtbot, page, "HOOD-M")
    qtbot.keyClick(scan_field(page), Qt.Key.Key_F6)
    discount = dialog_of(qtbot, page, DiscountDialog)
    assert text_of(discount, "discountLimit") == "You may give up to 10 %. 0 removes the discount."
    field = type_into(qtbot, discount, "discountPercent", "15")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert discount.isVisible()
    assert text_of(discount, "discountError") == (
        "You may give at most 10 % discount (asked 15 %). Ask an admin to apply it."
    )
    assert ticket(page) == [("Hoodie M", "1", "40.00")]

    type_into(qtbot, discount, "discountPercent", "10")
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ticket(page) == [("Hoodie M", "1", "36.00")]
    assert offers(page) == ["Line discount -10 %"]
    qtbot.waitUntil(scan_field(page).hasFocus)


# ----- customers -------------------------------------------------------------------------------------------------


def test_a_partner_members_discount_is_applied_shown_and_sold_at(
    qtbot: QtBot, page: CounterPage, shop: Services, stock_manager: Actor, cashier: Actor
) -> None:
    university = shop.customers.create_partner(
        stock_manager, name="Université X", kind="university", discount_percent=Decimal("5")
    )
    shop.customers.create_customer(cashier, name="Aminata Diallo", segment="student", partner_id=university.id)
    scan(qtbot, page, "HOOD-M")

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F2)
    customers = dialog_of(qtbot, page, CustomerDialog)
    search = type_into(qtbot, customers, "customerSearch", "aminata")
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(search, Qt.Key.Key_Return)

    assert text_of(page, "customerLabel") == "Aminata Diallo · Student · Université X -5 %"
    assert page.findChild(QLabel, "customerLabel").toolTip() == (
        "Université X members get 5 % off, on top of any promotion."
    )
    assert ticket(page) == [("Hoodie M", "1", "38.00")]
    assert offers(page) == ["Université X -5 %"]
    assert text_of(page, "ticketDiscounts") == "Discounts -2.00 EUR (Université X -5 %)"
    assert total(page) == "38.00 EUR"

    payment = open_payment(qtbot, page)
    with qtbot.waitSignal(page.sold, timeout=TIMEOUT) as sold:
        click(qtbot, payment, "quickExact")
    assert (sold.args[0].total, sold.args[0].customer) == (Decimal("38.00"), "Aminata Diallo")


# ----- park, resume, void ----------------------------------------------------------------------------------------


def test_a_parked_ticket_comes_back_with_its_lines(
    qtbot: QtBot, page: CounterPage, shop: Services, cashier: Actor
) -> None:
    scan(qtbot, page, MUG)
    scan(qtbot, page, MUG)
    scan(qtbot, page, "HOOD-M")

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: ticket(page) == [], timeout=TIMEOUT)
    assert text_of(page, "counterNotice") == "Ticket 1 parked. Resume it with F5."
    assert button(page, "resumeButton").text() == "Resume (F5) · 1"
    assert [p.lines for p in shop.pos.parked(cashier)] == [(("MUG-01", 2, Decimal(0)), ("HOOD-M", 1, Decimal(0)))]

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F5)
    parked = dialog_of(qtbot, page, ParkedDialog)
    qtbot.waitUntil(lambda: button(parked, "parkedResume").isEnabled(), timeout=TIMEOUT)
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(parked.focusWidget(), Qt.Key.Key_Return)

    assert ticket(page) == [("Mug", "2", "17.00"), ("Hoodie M", "1", "40.00")]
    assert total(page) == "57.00 EUR"
    assert shop.pos.parked(cashier) == []
    assert button(page, "resumeButton").text() == "Resume (F5)"
    qtbot.waitUntil(scan_field(page).hasFocus)


def test_resuming_over_an_open_ticket_is_refused(qtbot: QtBot, page: CounterPage) -> None:
    scan(qtbot, page, MUG)

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F5)

    assert text_of(page, "counterNotice") == "Finish, park or void this ticket before resuming another."
    assert not page.findChildren(ParkedDialog)


def test_voiding_asks_why_and_the_till_counts_the_void(
    qtbot: QtBot, page: CounterPage, shop: Services, cashier: Actor
) -> None:
    scan(qtbot, page, "HOOD-M")

    qtbot.keyClick(scan_field(page), Qt.Key.Key_F8)
    reason = dialog_of(qtbot, page, ReasonDialog)
    click(qtbot, reason, "reasonConfirm")
    assert text_of(reason, "reasonError") == "Say why in a few words: the journal keeps it."
    click(qtbot, reason, "reasonQuick1")
    click(qtbot, reason, "reasonConfirm")

    qtbot.waitUntil(lambda: ticket(page) == [], timeout=TIMEOUT)
    assert text_of(page, "counterNotice") == "Ticket voided (it was worth 40.00 EUR)."
    report = shop.pos.x_report(cashier)
    assert (report.voided_count, report.voided_total, report.sales_count) == (1, Decimal("40.00"), 0)
    assert shop.inventory.level("HOOD-M").on_hand == 4


# ----- categories and variants ---------------------------------------------------------------------------------


def test_a_product_without_barcode_is_added_from_its_category_tile_and_variant(
    qtbot: QtBot, page: CounterPage, shop: Services, stock_manager: Actor
) -> None:
    hoodie = shop.inventory.product_of("HOOD-M")
    shop.inventory.add_variant(stock_manager, hoodie.id, sku="HOOD-L", size="L")
    shop.inventory.add_variant(stock_manager, hoodie.id, sku="HOOD-XL", size="XL")
    shop.inventory.receive(stock_manager, "HOOD-L", 2)
    with qtbot.waitSignal(page.state_loaded, timeout=TIMEOUT):
        page.check_till()  # the categories as they are now

    click(qtbot, page, "category_Clothes")
    tile = f"tile_{hoodie.id}"
    # Clicked once laid out and shown: a click on a tile still being placed lands nowhere.
    qtbot.waitUntil(lambda: (found := page.findChild(QWidget, tile)) is not None and found.isVisible(), timeout=TIMEOUT)
    assert text_of(page, f"{tile}_text") == "Hoodie\n40.00 · 6 available\n3 variants"
    qtbot.mouseClick(page.findChild(QWidget, tile), Qt.MouseButton.LeftButton)
    picker = dialog_of(qtbot, page, VariantPicker)
    assert [(b.text(), b.isEnabled()) for b in picker.buttons()] == [
        ("M\n40.00 · 4 available", True),
        ("L\n40.00 · 2 available", True),
        ("XL\nOut of stock", False),
    ]
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        click(qtbot, picker, "variant_HOOD-L")

    assert ticket(page) == [("Hoodie L", "1", "40.00")]
    qtbot.waitUntil(scan_field(page).hasFocus)


# ----- the till, and who sees the counter ------------------------------------------------------------------------


def test_with_the_till_closed_the_page_says_so_and_sells_nothing(
    qtbot: QtBot, services: Services, cashier: Actor, machine: QSettings
) -> None:
    page = counter_page(qtbot, services, cashier, machine)

    assert text_of(page, "tillClosedText").startswith("The till is closed, so nothing can be sold yet.")
    assert not scan_field(page).isVisible()

    services.pos.open_session(cashier, "R1", Decimal("50.00"))
    with qtbot.waitSignal(page.state_loaded, timeout=TIMEOUT):
        click(qtbot, page, "checkTillButton")
    assert scan_field(page).isVisible()
    assert text_of(page, "tillStatus") == "Till R1 open"
    page.close()


@pytest.fixture
def machine_settings_in(tmp_path: Path) -> Iterator[None]:
    """The window's pages keep this machine's register in the user's settings: here, in a throwaway folder."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    user_config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, user_config)


@pytest.mark.usefixtures("machine_settings_in")
def test_a_closed_till_is_opened_from_the_counter_which_then_sells(
    qtbot: QtBot, services: Services, cashier: Actor
) -> None:
    window = MainWindow(services, cashier)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.counter_page.state_loaded, timeout=TIMEOUT) as looked:
        window.show()
    assert looked.args == [False]

    click(qtbot, window.counter_page, "openTillButton")
    opening = dialog_of(qtbot, window.till_page, QDialog)
    assert window.till_page.isVisible()
    type_into(qtbot, opening, "openingFloat", "50")
    with qtbot.waitSignal(window.counter_page.state_loaded, timeout=TIMEOUT) as looked:
        click(qtbot, opening, "openTillSubmit")

    assert looked.args == [True]
    window.pages.show_page(window.counter_page)
    assert text_of(window.counter_page, "tillStatus") == "Till R1 open"
    assert scan_field(window.counter_page).isVisible()
    window.close()


@pytest.mark.usefixtures("machine_settings_in")
def test_a_cashier_starts_on_the_counter_and_sees_stock_without_adjusting_it(
    qtbot: QtBot, shop: Services, cashier: Actor
) -> None:
    window = MainWindow(shop, cashier)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.counter_page.state_loaded, timeout=TIMEOUT):
        window.show()

    pages = window.findChild(QListWidget, "pageList")
    titles = [pages.item(row).text() for row in range(pages.count())]
    assert titles[0] == "Counter" and "Stock" in titles
    assert window.counter_page.isVisible()
    adjusting = [a.objectName() for a in window.findChildren(QAction) if "adjust" in a.objectName().lower()]
    adjusting += [b.objectName() for b in window.findChildren(QWidget) if "adjust" in b.objectName().lower()]
    assert adjusting == []
    window.close()


def test_words_typed_then_enter_add_the_only_product_they_match_and_list_several(
    qtbot: QtBot, page: CounterPage
) -> None:
    qtbot.keyClicks(scan_field(page), "tea pot")
    with qtbot.waitSignal(page.priced, timeout=TIMEOUT):
        qtbot.keyClick(scan_field(page), Qt.Key.Key_Return)
    assert ticket(page) == [("Tea pot", "1", "39.00")]

    qtbot.keyClicks(scan_field(page), "NOPE-404")
    qtbot.keyClick(scan_field(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(text_of(page, "counterNotice")), timeout=TIMEOUT)
    assert (
        text_of(page, "counterNotice") == "No product has the barcode or SKU “NOPE-404”, nor its words: check the code."
    )
    assert ticket(page) == [("Tea pot", "1", "39.00")]
