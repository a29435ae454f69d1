"""The managers' dashboard on a real database: the first page they see, today's figures on cards that open their
pages, read again each time it is shown; cashiers go straight to the counter."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.till.amounts import money_text
from tests.conftest import FakeClock, fresh_database
from tests.ui.screen import add_product

TIMEOUT = 10_000


def eur(amount: str) -> str:
    return money_text(Decimal(amount), "EUR")


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def busy_day(services: Services, stock_manager: Actor, cashier: Actor, admin: Actor, clock: FakeClock) -> Services:
    """Yesterday R1 sold a T-shirt and closed 0.10 short. Today: two sales and a refund, the cap down to its alert
    level, and an online customer paying for two mugs."""
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=20)
    add_product(services, stock_manager, "CAP", "Cap", price="12.00", stock=3, threshold=2)
    add_product(services, stock_manager, "MUG", "Mug", price="8.50", stock=10)
    services.pos.open_session(cashier, "R1", Decimal("50"))
    services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("19.90"))])
    clock.advance(hours=9)
    services.pos.close_session(admin, Decimal("69.80"))
    clock.advance(hours=14)
    services.pos.open_session(cashier, "R1", Decimal("50"))
    first = services.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    services.pos.checkout(cashier, [("CAP", 1)], [("cash", Decimal("12.00"))])
    services.pos.refund(cashier, first.number, [("TEE", 1)], "card")
    services.reservations.reserve(lines=[("MUG", 2)], ttl_minutes=15)
    return services


def open_window(qtbot: QtBot, services: Services, actor: Actor) -> MainWindow:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    if window.dashboard_page is None:
        window.show()
        return window
    with qtbot.waitSignal(window.dashboard_page.loaded, timeout=TIMEOUT):
        window.show()
    return window


def card_text(window: QWidget, card: str, part: str) -> str:
    label = window.findChild(QLabel, f"{card}{part}")
    assert label is not None, f"{card}{part}"
    return label.text() if label.isVisibleTo(window) else ""


def current_page_title(window: MainWindow) -> str:
    pages = window.findChild(QListWidget, "pageList")
    return pages.currentItem().text()


def test_a_manager_logs_in_to_the_dashboard_with_the_days_figures(
    qtbot: QtBot, busy_day: Services, accountant: Actor
) -> None:
    window = open_window(qtbot, busy_day, accountant)

    assert current_page_title(window) == "Dashboard"
    assert window.pages.titles()[0] == "Dashboard"
    assert card_text(window, "salesTodayCard", "Figure") == eur("31.90")
    assert card_text(window, "salesTodayCard", "Detail") == f"2 sales · {eur('19.90')} refunded"
    assert card_text(window, "lowStockCard", "Figure") == "1"
    assert card_text(window, "lowStockCard", "Detail") == "SKU at or below its alert level"
    assert card_text(window, "holdsCard", "Figure") == "1"
    assert card_text(window, "holdsCard", "Detail") == "active hold · 2 units held while customers pay"
    assert card_text(window, "closingsCard", "Figure") == "1 with a cash variance"
    [closing] = card_text(window, "closingsCard", "Detail").splitlines()
    assert closing.startswith("R1 · ") and closing.endswith(f"by admin · {eur('19.90')} · variance {eur('-0.10')}")


def test_each_card_opens_its_page(qtbot: QtBot, busy_day: Services, accountant: Actor) -> None:
    window = open_window(qtbot, busy_day, accountant)
    destinations = {
        "salesTodayCard": (window.reports_page, "Sales reports"),
        "closingsCard": (window.z_reports_page, "Z reports"),
        "lowStockCard": (window.stock_page, "Stock"),
        "holdsCard": (window.orders_page, "Online orders"),
    }

    for card, (page, title) in destinations.items():
        assert window.dashboard_page is not None
        window.pages.show_page(window.dashboard_page)
        button = window.findChild(QPushButton, card)
        assert card_text(window, card, "Link").startswith("Open the ")
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert page is not None and page.isVisible(), card
        assert current_page_title(window).startswith(title)


def test_the_dashboard_reads_its_figures_again_each_time_it_is_shown(
    qtbot: QtBot, busy_day: Services, accountant: Actor, cashier: Actor
) -> None:
    window = open_window(qtbot, busy_day, accountant)
    assert window.dashboard_page is not None and window.stock_page is not None
    window.pages.show_page(window.stock_page)

    busy_day.pos.checkout(cashier, [("CAP", 1)], [("cash", Decimal("12.00"))])
    with qtbot.waitSignal(window.dashboard_page.loaded, timeout=TIMEOUT):
        window.pages.show_page(window.dashboard_page)

    assert card_text(window, "salesTodayCard", "Figure") == eur("43.90")
    assert card_text(window, "salesTodayCard", "Detail") == f"3 sales · {eur('19.90')} refunded"


def test_a_stock_manager_sees_the_days_sales_stock_and_holds_but_not_the_till_closings(
    qtbot: QtBot, busy_day: Services, stock_manager: Actor
) -> None:
    window = open_window(qtbot, busy_day, stock_manager)

    assert current_page_title(window) == "Dashboard"
    assert card_text(window, "salesTodayCard", "Figure") == eur("31.90")
    assert window.findChild(QPushButton, "closingsCard") is None
    assert not window.findChild(QPushButton, "salesTodayCard").isEnabled()  # no reports page to open
    assert card_text(window, "salesTodayCard", "Link") == ""
    assert window.findChild(QPushButton, "lowStockCard").isEnabled()


def test_a_cashier_goes_straight_to_the_counter_without_a_dashboard(
    qtbot: QtBot, busy_day: Services, cashier: Actor
) -> None:
    window = open_window(qtbot, busy_day, cashier)

    assert window.dashboard_page is None
    assert "Dashboard" not in window.pages.titles()
    assert current_page_title(window) == "Counter"
