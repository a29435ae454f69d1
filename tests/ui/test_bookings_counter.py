"""The counter sells a seat of a slot (F9) on a real database: the free slots of the coming days, the customer,
the payment method; the till's report counts it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.bookings import BookingStatus
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.bookings import Slot
from pos_app.ui.bookings.book_slot_dialog import BookSlotDialog
from pos_app.ui.counter.counter_page import CounterPage
from tests.conftest import fresh_database
from tests.ui.counter_screen import TIMEOUT, click, dialog_of, scan_field, text_of, type_into
from tests.ui.screen import column_texts

WEDNESDAY = date(2026, 11, 25)  # the test clock starts on Sunday 22 November 2026


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


def slot(services: Services, actor: Actor, title: str, day: date, hour: int, capacity: int, price: str) -> Slot:
    starts = datetime.combine(day, time(hour)).astimezone()
    return services.bookings.create_slot(
        actor,
        title=title,
        kind="workshop",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=capacity,
        price=Decimal(price),
        vat_rate=Decimal("20"),
    )


@pytest.fixture
def workshop(services: Services, stock_manager: Actor, cashier: Actor) -> Slot:
    """A sewing workshop on Wednesday (35.00, 8 seats), one already full, one too far away; the till of R1 open."""
    full = slot(services, stock_manager, "Full fitting", WEDNESDAY, 9, 1, "15.00")
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    services.bookings.sell_at_counter(cashier, full.id, name="Moussa", method="cash")
    slot(services, stock_manager, "Far away", WEDNESDAY + timedelta(days=30), 10, 4, "20.00")
    return slot(services, stock_manager, "Sewing workshop", WEDNESDAY, 14, 8, "35.00")


def counter(qtbot: QtBot, services: Services, actor: Actor, tmp_path: Path) -> CounterPage:
    page = CounterPage(services, actor, settings=QSettings(str(tmp_path / "machine.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.resize(1200, 750)
    with qtbot.waitSignal(page.state_loaded, timeout=TIMEOUT):
        page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def book_slot_dialog(qtbot: QtBot, page: CounterPage) -> BookSlotDialog:
    qtbot.keyClick(scan_field(page), Qt.Key.Key_F9)
    dialog = dialog_of(qtbot, page, BookSlotDialog)
    qtbot.waitUntil(lambda: dialog.slots.rowCount() > 0, timeout=TIMEOUT)
    return dialog


def test_the_counter_sells_a_seat_by_card_and_the_till_counts_it_under_card(
    qtbot: QtBot, services: Services, cashier: Actor, workshop: Slot, tmp_path: Path
):
    page = counter(qtbot, services, cashier, tmp_path)
    card_before = services.pos.x_report(cashier).by_method.get("card", Decimal(0))

    dialog = book_slot_dialog(qtbot, page)
    assert column_texts(dialog.table, "Slot") == ["Sewing workshop · Workshop"]
    assert column_texts(dialog.table, "Seats") == ["8 of 8 free"]
    name = type_into(qtbot, dialog, "bookSlotName", "Awa Diop")
    qtbot.keyClick(name, Qt.Key.Key_F2)
    assert text_of(dialog, "bookSlotToTake") == "To take: €35.00 by Card"
    with qtbot.waitSignal(dialog.booked, timeout=TIMEOUT):
        qtbot.keyClick(name, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert text_of(page, "counterNotice").startswith("Booking BK-2026-000002 recorded for Awa Diop: Sewing workshop")
    assert services.bookings.slot(workshop.id).free == 7
    report = services.pos.x_report(cashier)
    assert report.by_method["card"] == card_before + Decimal("35.00")
    assert report.expected_cash == Decimal("115.00")  # the float and Moussa's fitting paid in cash


def test_a_seat_for_a_customer_with_a_bad_address_is_refused_under_the_email_and_nothing_is_booked(
    qtbot: QtBot, services: Services, cashier: Actor, workshop: Slot, tmp_path: Path
):
    page = counter(qtbot, services, cashier, tmp_path)
    dialog = book_slot_dialog(qtbot, page)
    type_into(qtbot, dialog, "bookSlotName", "Awa Diop")
    type_into(qtbot, dialog, "bookSlotEmail", "awa-at-example")

    click(qtbot, dialog, "bookSlotConfirm")

    qtbot.waitUntil(lambda: bool(text_of(dialog, "bookSlotEmailError")), timeout=TIMEOUT)
    assert dialog.isVisible()
    assert services.bookings.slot(workshop.id).free == 8
    assert [b.status for entry in services.bookings.day(WEDNESDAY) for b in entry.bookings] == [BookingStatus.CONFIRMED]
