"""The bookings page on a real database: slots made one by one and from a weekly template, a paid online booking
cancelled with its Stripe refund, a slot withdrawn, an email sent again, and who gets the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import stripe
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.ui.background import wait_for_background
from pos_app.ui.bookings.agenda_model import AgendaColumn, RowKind
from pos_app.ui.bookings.booking_texts import week_text
from pos_app.ui.bookings.bookings_page import BookingsPage, View
from pos_app.ui.bookings.cancel_dialog import CancelBookingDialog
from pos_app.ui.bookings.slot_dialogs import NewSlotDialog, WeeklySlotsDialog
from pos_app.ui.main_window import MainWindow
from pos_app.ui.till.amounts import money_text
from tests.conftest import FakeClock, fresh_database
from tests.payments.helpers import CARD_THAT_PAYS, pay
from tests.ui.counter_screen import TIMEOUT, button, click, dialog_of, text_of, type_into

WEDNESDAY = date(2026, 11, 25)  # the test clock starts on Sunday 22 November 2026


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def shop(database_url: str, clock: FakeClock, gateway: StripeGateway) -> Iterator[Services]:
    """The services with online payments through localstripe; no mail server is set up yet."""
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    try:
        yield svc
    finally:
        assert wait_for_background(10_000), "a background operation was still running when the database closed"
        svc.close()


def eur(amount: str) -> str:
    return money_text(Decimal(amount), "EUR")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def make_slot(shop: Services, actor: Actor, title: str, starts: datetime, capacity: int = 2, price: str = "35.00"):
    return shop.bookings.create_slot(
        actor,
        title=title,
        kind="workshop",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=capacity,
        price=Decimal(price),
        vat_rate=Decimal("20"),
    )


def paid_online(shop: Services, shopper: stripe.StripeClient, slot_id: int, email: str, name: str) -> str:
    """The customer books on the website and pays; the shop hears from Stripe. Returns the booking's id."""
    since = datetime.now(UTC) - timedelta(seconds=5)
    hold = shop.bookings.book(slot_id, email, name)
    pay(shopper, hold.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    return hold.booking_id


def open_page(qtbot: QtBot, shop: Services, actor: Actor, day: date | None = None) -> BookingsPage:
    page = BookingsPage(shop, actor, refresh_ms=600_000)
    qtbot.addWidget(page)
    page.resize(1200, 750)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    if day is not None:
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            page.show_day(day)
    page.activateWindow()
    return page


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """The window is active again once a dialog closed (a window manager's job; offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def agenda(page: BookingsPage) -> list[tuple[str, ...]]:
    """Every row of the agenda as shown, children after their parent: what it stands for, then its texts."""
    return [(row.kind.value, *row.texts) for row in page.agenda.rows()]


def choose(page: BookingsPage, key: tuple[str, object]) -> None:
    index = page.agenda.index_of(key)
    assert index.isValid(), f"{key} is not in the agenda"
    page.tree.setCurrentIndex(index)


def test_slots_made_from_a_weekly_template_show_in_the_week_view(qtbot: QtBot, shop: Services, stock_manager: Actor):
    make_slot(shop, stock_manager, "Fitting", at(WEDNESDAY, 10), capacity=1, price="15.00")
    page = open_page(qtbot, shop, stock_manager)

    click(qtbot, page, "weeklySlots")
    dialog = dialog_of(qtbot, page, WeeklySlotsDialog)
    type_into(qtbot, dialog, "slotTitle", "Fitting")
    dialog.findChild(QComboBox, "slotKind").setCurrentIndex(1)  # Fitting
    dialog.findChild(QComboBox, "slotWeekday").setCurrentIndex(WEDNESDAY.weekday())
    dialog.findChild(QTimeEdit, "slotStart").setTime(QTime(10, 0))
    dialog.findChild(QSpinBox, "slotDuration").setValue(30)
    dialog.findChild(QDateEdit, "slotFirstDay").setDate(QDate(2026, 11, 23))
    dialog.findChild(QDateEdit, "slotLastDay").setDate(QDate(2026, 12, 20))
    type_into(qtbot, dialog, "slotPrice", "15.00")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, dialog, "slotSubmit")

    assert text_of(page, "bookingsNotice") == "3 created, 1 already existed."
    assert page.view is View.WEEK and text_of(page, "bookingsPeriod") == week_text(date(2026, 11, 30))
    wednesday = next(row for row in page.agenda.rows() if row.kind is RowKind.DAY and row.day == date(2026, 12, 2))
    slots = [row for row in page.agenda.rows() if row.kind is RowKind.SLOT]
    assert [(row.texts[AgendaColumn.WHEN], row.texts[AgendaColumn.SEATS]) for row in slots] == [
        ("10:00–10:30", "1 of 1 free")
    ]
    assert slots[0].parent == page.agenda.rows().index(wednesday)
    assert sum(1 for row in page.agenda.rows() if row.kind is RowKind.DAY) == 7

    back_to(qtbot, page)
    page.tree.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert [row.day for row in page.agenda.rows() if row.kind is RowKind.SLOT] == [date(2026, 12, 9)]


def test_a_slot_with_a_price_that_is_not_one_is_refused_under_the_price_and_nothing_is_made(
    qtbot: QtBot, shop: Services, stock_manager: Actor
):
    page = open_page(qtbot, shop, stock_manager)
    click(qtbot, page, "newSlot")
    dialog = dialog_of(qtbot, page, NewSlotDialog)
    type_into(qtbot, dialog, "slotTitle", "Repair")
    type_into(qtbot, dialog, "slotPrice", "twelve")

    click(qtbot, dialog, "slotSubmit")

    assert "not an amount" in text_of(dialog, "slotPriceError")
    assert dialog.isVisible()
    assert shop.bookings.slots(at(WEDNESDAY, 0) - timedelta(days=7), at(WEDNESDAY, 0) + timedelta(days=30)) == []


def test_a_new_slot_shows_on_its_day_with_all_its_seats_free(qtbot: QtBot, shop: Services, stock_manager: Actor):
    page = open_page(qtbot, shop, stock_manager)
    click(qtbot, page, "newSlot")
    dialog = dialog_of(qtbot, page, NewSlotDialog)
    type_into(qtbot, dialog, "slotTitle", "Sewing workshop")
    dialog.findChild(QDateEdit, "slotDate").setDate(QDate(2026, 11, 25))
    dialog.findChild(QTimeEdit, "slotStart").setTime(QTime(14, 0))
    dialog.findChild(QSpinBox, "slotDuration").setValue(120)
    dialog.findChild(QSpinBox, "slotCapacity").setValue(8)
    type_into(qtbot, dialog, "slotPrice", "35")

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, dialog, "slotSubmit")

    assert page.view is View.DAY and page.day == WEDNESDAY
    assert agenda(page) == [("slot", "14:00–16:00", "Sewing workshop", "8 of 8 free", "", "", eur("35.00"))]
    assert text_of(page, "bookingsNotice").startswith("Slot created: Sewing workshop, ")


def test_a_paid_online_booking_cancelled_from_the_page_is_refunded_and_frees_its_seat(
    qtbot: QtBot, shop: Services, stock_manager: Actor, shopper: stripe.StripeClient
):
    slot = make_slot(shop, stock_manager, "Sewing workshop", at(WEDNESDAY, 14), capacity=2)
    booking_id = paid_online(shop, shopper, slot.id, "ana@example.com", "Ana Diop")
    page = open_page(qtbot, shop, stock_manager, WEDNESDAY)
    assert agenda(page)[1] == (
        "booking",
        "Seat 1",
        "Ana Diop",
        "ana@example.com",
        "BK-2026-000001",
        "Confirmed",
        "Online (Stripe)",
    )
    assert agenda(page)[0][3] == "1 of 2 free"

    choose(page, ("booking", booking_id))
    click(qtbot, page, "cancelBooking")
    dialog = dialog_of(qtbot, page, CancelBookingDialog)
    assert "refunds it through Stripe" in text_of(dialog, "cancelRefund")
    click(qtbot, dialog, "cancelConfirm")
    assert text_of(dialog, "cancelError") == "Say why in a few words: the customer is told."
    type_into(qtbot, dialog, "cancelReason", "The teacher is ill")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, dialog, "cancelConfirm")

    assert text_of(page, "bookingsNotice") == "Booking BK-2026-000001 (Ana Diop) cancelled and refunded."
    slot_row, booking_row = agenda(page)[:2]
    assert slot_row[3] == "2 of 2 free"
    assert (booking_row[1], booking_row[5]) == ("—", "Cancelled")
    refund = shop.bookings.booking(booking_id).refund_id
    assert refund is not None and shopper.v1.refunds.retrieve(refund).status == "succeeded"
    choose(page, ("booking", booking_id))
    assert not button(page, "cancelBooking").isEnabled()


def test_a_stock_manager_is_sent_to_the_till_to_cancel_a_booking_sold_at_the_counter(
    qtbot: QtBot, shop: Services, stock_manager: Actor, cashier: Actor
):
    slot = make_slot(shop, stock_manager, "Fitting", at(WEDNESDAY, 10), capacity=1)
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    booking = shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="card")
    page = open_page(qtbot, shop, stock_manager, WEDNESDAY)

    choose(page, ("booking", booking.id))

    cancel = button(page, "cancelBooking")
    assert not cancel.isEnabled() and "a cashier cancels it at the till" in cancel.toolTip()
    assert agenda(page)[1][6] == "Counter · Card"
    choose(page, ("slot", slot.id))
    assert not button(page, "withdrawSlot").isEnabled()


def test_a_slot_nobody_booked_is_withdrawn_after_a_confirmation(qtbot: QtBot, shop: Services, stock_manager: Actor):
    slot = make_slot(shop, stock_manager, "Repair", at(WEDNESDAY, 9))
    page = open_page(qtbot, shop, stock_manager, WEDNESDAY)
    choose(page, ("slot", slot.id))

    click(qtbot, page, "withdrawSlot")
    question = dialog_of(qtbot, page, QMessageBox)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    assert agenda(page) == []
    assert text_of(page, "agendaEmpty") == "No slot on this day. Create one with New slot (Ctrl+N)."
    assert shop.bookings.slot(slot.id).cancelled


def test_an_email_that_could_not_be_sent_is_listed_and_sent_again(
    qtbot: QtBot, shop: Services, stock_manager: Actor, admin: Actor, shopper: stripe.StripeClient, smtp_server
):
    slot = make_slot(shop, stock_manager, "Sewing workshop", at(WEDNESDAY, 14))
    paid_online(shop, shopper, slot.id, "ana@example.com", "Ana Diop")
    page = open_page(qtbot, shop, stock_manager, WEDNESDAY)
    assert text_of(page, "followUpBadge") == "1 to follow up"
    assert "Email not sent" in page.follow_up.row(0).texts[3]
    shop.mail.configure_smtp(
        admin, host=smtp_server.host, port=smtp_server.port, security="none", username="", sender="shop@example.com"
    )

    page.follow_table.setCurrentIndex(page.follow_up.index(0, 0))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, page, "resendEmail")

    assert text_of(page, "bookingsNotice") == "Email sent to ana@example.com."
    assert smtp_server.messages[0]["To"] == "ana@example.com"
    assert not page.findChild(QLabel, "followUpBadge").isVisible()


def test_stock_managers_and_admins_get_the_bookings_page_and_cashiers_do_not(
    qtbot: QtBot, services: Services, stock_manager: Actor, admin: Actor, cashier: Actor
):
    for actor, expected in ((stock_manager, True), (admin, True), (cashier, False)):
        window = MainWindow(services, actor)
        qtbot.addWidget(window)
        assert ("Bookings" in window.pages.titles()) is expected
        assert (window.bookings_page is not None) is expected
        window.close()
