from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import stripe
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QListWidget, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.invoices.model import CustomerDetails
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.services.payments import Order, OrderStatus
from pos_app.services.reservations import HoldStatus
from pos_app.ui.background import wait_for_background
from pos_app.ui.intervals import Intervals
from pos_app.ui.main_window import MainWindow
from pos_app.ui.orders.holds_model import countdown, expired_for, lines_summary
from pos_app.ui.orders.online_orders_page import OnlineOrdersPage, summary_text
from pos_app.ui.orders.orders_model import STATUS_WORDS, when_text
from tests.conftest import PASSWORDS, FakeClock
from tests.payments.helpers import CARD_THAT_PAYS, pay
from tests.ui.screen import AMBER, GREY_TEXT, RED, add_product, column_texts, row_background, row_foreground, row_texts

HOUR_MS = 3_600_000
FAST = Intervals(orders_refresh_ms=100, countdown_ms=30, stock_watch_ms=100, cleanup_ms=HOUR_MS)


# ----- reading the window as a person would ---------------------------------------------------------------------


def table(window: QApplication | MainWindow | OnlineOrdersPage, name: str) -> QTableView:
    return window.findChild(QTableView, name)


def label_text(window: MainWindow | OnlineOrdersPage, name: str) -> str:
    label = window.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def page_list(window: MainWindow) -> QListWidget:
    return window.findChild(QListWidget, "pageList")


def page_titles(window: MainWindow) -> list[str]:
    pages = page_list(window)
    return [pages.item(row).text() for row in range(pages.count())]


def click_page(qtbot: QtBot, window: MainWindow, title: str) -> None:
    pages = page_list(window)
    row = next(r for r in range(pages.count()) if pages.item(r).text().startswith(title))
    rect = pages.visualItemRect(pages.item(row))
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def show_online_orders(qtbot: QtBot, window: MainWindow) -> None:
    assert window.orders_page is not None
    with qtbot.waitSignal(window.orders_page.loaded, timeout=5000):
        click_page(qtbot, window, "Online orders")


def show_stock(qtbot: QtBot, window: MainWindow) -> None:
    click_page(qtbot, window, "Stock")
    assert window.stock_page is not None and window.stock_page.isVisible()


def stock_figures(window: MainWindow, sku: str) -> tuple[str, str, str]:
    view = table(window, "stockTable")
    row = column_texts(view, "SKU").index(sku)
    return tuple(column_texts(view, header)[row] for header in ("On hand", "Reserved", "Available"))  # type: ignore[return-value]


def holds(window: MainWindow | OnlineOrdersPage) -> list[tuple[str, ...]]:
    return row_texts(table(window, "holdsTable"))


# ----- fixtures ---------------------------------------------------------------------------------------------------


def stock_two_skus(services: Services, actor: Actor) -> None:
    add_product(services, actor, "TEE-M", "T-shirt", price="15.00", stock=5, size="M")
    add_product(services, actor, "CAP", "Cap", price="12.00", stock=3)


def open_window(qtbot: QtBot, services: Services, actor: Actor, intervals: Intervals = FAST) -> MainWindow:
    window = MainWindow(services, actor, intervals=intervals)
    qtbot.addWidget(window)
    assert window.stock_page is not None
    with qtbot.waitSignal(window.stock_page.loaded, timeout=5000):
        window.show()
        window.pages.show_page(window.stock_page)  # managers land on the dashboard
    return window


@pytest.fixture
def window(qtbot: QtBot, services: Services, stock_manager: Actor) -> Iterator[MainWindow]:
    stock_two_skus(services, stock_manager)
    opened = open_window(qtbot, services, stock_manager)
    yield opened
    opened.close()  # its timers stop before the database closes


@pytest.fixture
def paying_services(database_url: str, clock: FakeClock, gateway: StripeGateway) -> Iterator[Services]:
    """The services with online payments through localstripe instead of Stripe."""
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    try:
        yield svc
    finally:
        assert wait_for_background(10_000), "a background operation was still running when the database closed"
        svc.close()


def paid_order(services: Services, shopper: stripe.StripeClient, lines: list[tuple[str, int]], email: str) -> None:
    checkout = services.payments.checkout(lines, email, ttl_minutes=15)
    pay(shopper, checkout.payment_intent_id, CARD_THAT_PAYS)


def paid_too_late_for_stock_that_is_gone(
    services: Services, shopper: stripe.StripeClient, clock: FakeClock, sku: str, email: str
) -> None:
    """The customer pays, the payment news arrives after the hold ran out, and someone else took the stock."""
    checkout = services.payments.checkout([(sku, 3)], email, ttl_minutes=15)
    pay(shopper, checkout.payment_intent_id, CARD_THAT_PAYS)
    clock.advance(minutes=16)
    services.reservations.reserve([(sku, 3)], ttl_minutes=15, reference="someone-else@example.com")


def by_email(orders: list[Order]) -> dict[str, OrderStatus]:
    return {order.email: order.status for order in orders}


# ----- the pages a role sees --------------------------------------------------------------------------------------


def test_a_stock_manager_has_stock_and_online_orders_in_the_sidebar(
    qtbot: QtBot, window: MainWindow, stock_manager: Actor
) -> None:
    assert page_titles(window) == ["Dashboard", "Stock", "Catalogue", "History", "Bookings", "Online orders"]
    assert page_list(window).isVisible()
    assert window.windowTitle() == "Stock"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.orders_page.loaded, timeout=5000):
        qtbot.keyClick(page_list(window), Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)

    assert window.orders_page.isVisible()
    assert window.windowTitle() == "Online orders"
    assert label_text(window, "onlineSummary") == "No active holds"
    assert label_text(window, "holdsHint") == "Nobody is paying right now."
    assert label_text(window, "ordersHint") == "No online orders yet."

    qtbot.keyClick(page_list(window), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stock_page.isVisible()


def test_a_cashier_sees_the_counter_pages_and_stock_but_no_online_orders(
    qtbot: QtBot, services: Services, cashier: Actor
) -> None:
    window = MainWindow(services, cashier, intervals=FAST)
    qtbot.addWidget(window)
    window.show()

    assert window.orders_page is None
    assert window.findChild(OnlineOrdersPage) is None
    assert page_titles(window) == ["Counter", "Till", "Stock"]
    window.close()


def test_an_accountant_follows_online_orders_too(qtbot: QtBot, services: Services, accountant: Actor) -> None:
    window = open_window(qtbot, services, accountant)

    assert page_titles(window) == [
        "Dashboard",
        "Stock",
        "History",
        "Online orders",
        "Invoices",
        "Sales reports",
        "Z reports",
        "Journal",
    ]
    window.close()


# ----- holds -------------------------------------------------------------------------------------------------------


def test_a_new_hold_shows_its_customer_items_units_and_countdown(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    show_online_orders(qtbot, window)

    services.reservations.reserve([("TEE-M", 2), ("CAP", 1)], ttl_minutes=15, reference="ines@example.com")

    qtbot.waitUntil(lambda: holds(window) == [("ines@example.com", "2 × TEE-M, 1 × CAP", "3", "15:00")])
    qtbot.waitUntil(lambda: label_text(window, "onlineSummary") == "1 active hold · 3 units held")
    assert row_background(table(window, "holdsTable"), 0) is None

    clock.advance(minutes=12, seconds=30)

    qtbot.waitUntil(lambda: holds(window)[0][3] == "02:30")
    assert row_background(table(window, "holdsTable"), 0) == AMBER


def test_a_hold_past_its_time_shows_as_expired_and_its_units_are_available_again(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    services.reservations.reserve([("TEE-M", 2)], ttl_minutes=15, reference="ines@example.com")
    qtbot.waitUntil(lambda: stock_figures(window, "TEE-M") == ("5", "2", "3"))
    show_online_orders(qtbot, window)
    qtbot.waitUntil(lambda: holds(window) == [("ines@example.com", "2 × TEE-M", "2", "15:00")])

    clock.advance(minutes=16)

    qtbot.waitUntil(lambda: holds(window) == [("ines@example.com", "2 × TEE-M", "2", "Expired 1 min ago")])
    assert row_foreground(table(window, "holdsTable"), 0) == GREY_TEXT
    qtbot.waitUntil(lambda: label_text(window, "onlineSummary") == "No active holds")
    show_stock(qtbot, window)
    qtbot.waitUntil(lambda: stock_figures(window, "TEE-M") == ("5", "0", "5"))


class CountingReservations:
    """The real reservation service, counting how often it is called."""

    def __init__(self, real: object) -> None:
        self._real = real
        self.reads = 0

    def __getattr__(self, name: str) -> object:
        self.reads += 1
        return getattr(self._real, name)


def test_the_countdown_ticks_from_the_clock_without_reading_the_database(
    qtbot: QtBot, services: Services, stock_manager: Actor, clock: FakeClock
) -> None:
    stock_two_skus(services, stock_manager)
    services.reservations.reserve([("CAP", 1)], ttl_minutes=15, reference="ines@example.com")
    counting = CountingReservations(services.reservations)
    page = OnlineOrdersPage(dataclasses.replace(services, reservations=counting), refresh_ms=HOUR_MS, countdown_ms=20)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    reads_after_loading = counting.reads

    for seconds_left in ("14:30", "14:00", "13:30"):
        clock.advance(seconds=30)
        qtbot.waitUntil(lambda left=seconds_left: holds(page)[0][3] == left)

    assert counting.reads == reads_after_loading
    page.close()


def test_the_cleanup_timer_releases_holds_whose_time_ran_out(
    qtbot: QtBot, services: Services, stock_manager: Actor, clock: FakeClock
) -> None:
    stock_two_skus(services, stock_manager)
    hold = services.reservations.reserve([("CAP", 2)], ttl_minutes=1, reference="ines@example.com")
    window = open_window(qtbot, services, stock_manager, dataclasses.replace(FAST, cleanup_ms=50))
    show_online_orders(qtbot, window)
    assert holds(window) == [("ines@example.com", "2 × CAP", "2", "01:00")]

    clock.advance(minutes=2)

    qtbot.waitUntil(lambda: services.reservations.get(hold.id).status is HoldStatus.RELEASED, timeout=5000)
    assert services.reservations.get(hold.id).close_reason == "expired"
    qtbot.waitUntil(lambda: holds(window) == [])
    assert label_text(window, "holdsHint") == "Nobody is paying right now."
    window.close()


def test_no_timer_reads_the_database_once_the_window_is_closed(
    qtbot: QtBot, services: Services, stock_manager: Actor
) -> None:
    counting = CountingReservations(services.reservations)
    every_50_ms = dataclasses.replace(FAST, cleanup_ms=50)
    window = open_window(qtbot, dataclasses.replace(services, reservations=counting), stock_manager, every_50_ms)
    show_online_orders(qtbot, window)

    window.close()
    assert wait_for_background(5000)
    reads_at_close = counting.reads
    qtbot.wait(300)

    assert counting.reads == reads_at_close


# ----- orders ------------------------------------------------------------------------------------------------------


def test_an_order_refunded_because_the_stock_was_gone_is_shown_to_act_on(
    qtbot: QtBot, paying_services: Services, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    services = paying_services
    manager = services.auth.login("stock", PASSWORDS["stock"])
    stock_two_skus(services, manager)
    since = datetime.now(UTC) - timedelta(seconds=5)
    paid_order(services, shopper, [("TEE-M", 1)], "ines@example.com")
    services.payments.reconcile(since)
    paid_too_late_for_stock_that_is_gone(services, shopper, clock, "CAP", "marc@example.com")
    services.payments.reconcile(since)
    assert by_email(services.payments.orders()) == {
        "ines@example.com": OrderStatus.PAID,
        "marc@example.com": OrderStatus.REFUNDED_OUT_OF_STOCK,
    }
    window = open_window(qtbot, services, manager)

    show_online_orders(qtbot, window)

    orders = table(window, "ordersTable")
    created = f"{datetime(2026, 11, 22, 9, 0, tzinfo=UTC).astimezone():%H:%M}"  # today: the time is enough
    rows = row_texts(orders)
    assert [row[:6] for row in rows] == [
        ("—", created, "marc@example.com", "3 × CAP", "36.00 EUR", "Refunded — out of stock"),
        ("WEB-2026-000001", created, "ines@example.com", "1 × TEE-M", "15.00 EUR", "Paid"),
    ]
    assert rows[0][6].startswith("Paid after the hold ran out")
    assert rows[1][6] == ""
    assert label_text(window, "attentionBadge") == "1 to act on"
    assert "Online orders (1)" in page_titles(window)
    assert row_background(orders, 0) == RED
    assert row_background(orders, 1) is None
    assert "Contact the customer at marc@example.com" in orders.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)

    window.findChild(QCheckBox, "needsAttentionOnly").click()

    assert column_texts(orders, "Customer") == ["marc@example.com"]
    window.close()


def test_an_invoiced_order_shows_the_number_of_its_invoice(
    qtbot: QtBot, paying_services: Services, shopper: stripe.StripeClient, accountant: Actor
) -> None:
    services = paying_services
    services.settings.update_identity(
        services.auth.login("admin", PASSWORDS["admin"]), shop_name="Boutique", shop_vat_number="FR12345678901"
    )
    stock_two_skus(services, services.auth.login("stock", PASSWORDS["stock"]))
    since = datetime.now(UTC) - timedelta(seconds=5)
    paid_order(services, shopper, [("TEE-M", 1)], "ines@example.com")
    paid_order(services, shopper, [("CAP", 1)], "marc@example.com")
    services.payments.reconcile(since)
    ines = next(order for order in services.payments.orders() if order.email == "ines@example.com")
    invoice = services.invoices.issue_for_order(accountant, str(ines.number), CustomerDetails("Inès Benali"))
    window = open_window(qtbot, services, accountant)

    show_online_orders(qtbot, window)

    orders = table(window, "ordersTable")
    statuses = dict(zip(column_texts(orders, "Customer"), column_texts(orders, "Status"), strict=True))
    assert statuses == {"ines@example.com": f"Paid · invoice {invoice.number}", "marc@example.com": "Paid"}
    window.close()


def test_a_failed_load_says_so_in_plain_words(qtbot: QtBot, services: Services) -> None:
    class BrokenPayments:
        def orders(self, **_filters: object) -> list[Order]:
            raise RuntimeError("connection reset by peer")

    page = OnlineOrdersPage(dataclasses.replace(services, payments=BrokenPayments()), refresh_ms=HOUR_MS)
    qtbot.addWidget(page)
    page.show()

    qtbot.waitUntil(lambda: label_text(page, "ordersError") != "", timeout=5000)
    assert label_text(page, "ordersError").startswith("Could not load the online orders. Something went wrong")
    assert "connection reset" not in label_text(page, "ordersError")
    page.close()


# ----- words -------------------------------------------------------------------------------------------------------


def test_every_order_status_has_plain_words() -> None:
    assert {status: STATUS_WORDS[status] for status in OrderStatus} == {
        OrderStatus.AWAITING_PAYMENT: "Awaiting payment",
        OrderStatus.PAID: "Paid",
        OrderStatus.PAYMENT_FAILED: "Payment failed",
        OrderStatus.CANCELLED: "Cancelled",
        OrderStatus.EXPIRED: "Expired",
        OrderStatus.REFUND_PENDING: "Refund pending",
        OrderStatus.REFUNDED_OUT_OF_STOCK: "Refunded — out of stock",
    }


@pytest.mark.parametrize(
    ("left", "shown"),
    [
        (timedelta(minutes=15), "15:00"),
        (timedelta(minutes=2, seconds=59, milliseconds=200), "03:00"),
        (timedelta(milliseconds=10), "00:01"),
        (timedelta(hours=1, minutes=5), "1:05:00"),
    ],
)
def test_the_countdown_reads_minutes_and_seconds(left: timedelta, shown: str) -> None:
    assert countdown(left) == shown


@pytest.mark.parametrize(
    ("overdue", "shown"),
    [
        (timedelta(seconds=20), "Expired just now"),
        (timedelta(minutes=4, seconds=59), "Expired 4 min ago"),
        (timedelta(hours=2, minutes=1), "Expired 2 h ago"),
    ],
)
def test_an_expired_hold_says_how_long_ago(overdue: timedelta, shown: str) -> None:
    assert expired_for(overdue) == shown


def test_an_order_from_today_shows_its_time_and_an_older_one_its_day() -> None:
    now = datetime(2026, 11, 22, 12, 0).astimezone()

    assert when_text(now.replace(hour=9, minute=5), now) == "09:05"
    assert when_text(now.replace(day=3, hour=18, minute=40), now) == "3 Nov 18:40"
    assert when_text(now.replace(year=2025, month=12, day=31), now) == "31 Dec 2025"


def test_lines_and_the_summary_read_as_sentences() -> None:
    assert lines_summary([("TEE-M", 2), ("CAP", 1)]) == "2 × TEE-M, 1 × CAP"
    assert summary_text(0, 0) == "No active holds"
    assert summary_text(1, 1) == "1 active hold · 1 unit held"
    assert summary_text(3, 7) == "3 active holds · 7 units held"
