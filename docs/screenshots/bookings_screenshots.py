"""Screenshots of the bookings page and of a seat sold at the counter, over the demo shop and its slots.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/bookings_screenshots.py
It writes bookings-day.png (a Saturday: fittings and a workshop with its bookings), bookings-week.png (its week)
and counter-book-slot.png (the cashier selling a workshop seat) next to this file, from a throwaway SQLite
database holding the demo shop (pos-app demo). Online customers pay through localstripe and are emailed through
an aiosmtpd server on loopback that refuses one address (both from the test extras); the shop's clock is moved
by hand so that one payment arrives after its hold ran out and its seat was taken.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import stripe
from aiosmtpd.controller import Controller
from capture import (
    WEBHOOK_SECRET,
    WINDOW_SIZE,
    HandClock,
    free_port,
    localstripe,
    save,
    throwaway_shop,
    until,
    window_of,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton

from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services
from pos_app.services.bookings import Slot
from pos_app.ui.bookings.book_slot_dialog import BookSlotDialog
from pos_app.ui.bookings.bookings_page import View
from pos_app.ui.counter.counter_page import CounterPage

CARD_THAT_PAYS = "pm_card_visa"
REFUSED_DOMAIN = "@refused.example"


class Mailbox:
    """Accepts every message, except for addresses at REFUSED_DOMAIN (a mailbox that does not exist)."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.endswith(REFUSED_DOMAIN):
            return "550 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 Message accepted for delivery"


def next_saturday(today: date) -> date:
    """A Saturday two days away at least, so that every slot of that day can still be booked."""
    ahead = (5 - today.weekday()) % 7
    return today + timedelta(days=ahead if ahead >= 2 else ahead + 7)


class Customers:
    """What the website's customers do, through the real services and localstripe."""

    def __init__(self, services: Services, shopper: stripe.StripeClient) -> None:
        self._services = services
        self._shopper = shopper
        self._since = datetime.now(UTC) - timedelta(minutes=1)

    def hold(self, slot: Slot, email: str, name: str) -> str:
        """Returns the payment intent's id."""
        return self._services.bookings.book(slot.id, email, name).payment_intent_id

    def pay(self, intent_id: str) -> None:
        """What Stripe.js does; the shop hears of it later (hear_from_stripe)."""
        self._shopper.v1.payment_intents.update(intent_id, params={"payment_method": CARD_THAT_PAYS})
        with suppress(stripe.CardError):
            self._shopper.v1.payment_intents.confirm(intent_id)

    def hear_from_stripe(self) -> None:
        self._services.payments.reconcile(self._since)

    def book(self, slot: Slot, email: str, name: str) -> str:
        """Book and pay, and the shop hears of it; returns the booking's id."""
        hold = self._services.bookings.book(slot.id, email, name)
        self.pay(hold.payment_intent_id)
        self.hear_from_stripe()
        return hold.booking_id


def story(services: Services, customers: Customers, clock: HandClock, saturday: date) -> None:
    """A week of bookings for the Saturday: online and at the counter, one cancelled, one email that bounced,
    one payment that came after its seat was gone, and a customer paying right now."""
    day = {slot.title + slot.starts_at.astimezone().strftime("%H:%M"): slot for slot in _slots_of(services, saturday)}
    workshop = day["Atelier couture débutants14:00"]
    morning, evening = day["Retouches sur mesure10:00"], day["Retouches sur mesure16:30"]
    stock = services.auth.login("stock", "stock-demo")
    cashier = services.auth.login("cashier", "cashier-demo")

    customers.book(workshop, "ines.benali@example.com", "Inès Benali")
    customers.book(workshop, "marc.dubois@example.com", "Marc Dubois")
    cancelled = customers.book(workshop, "sofia.rossi@example.com", "Sofia Rossi")
    customers.book(workshop, f"k.mensah{REFUSED_DOMAIN}", "Kofi Mensah")
    services.pos.open_session(cashier, "R1", Decimal("150.00"))
    services.bookings.sell_at_counter(cashier, workshop.id, name="Awa Diop", method="card", register="R1")
    services.bookings.cancel(stock, cancelled, "Sofia asked to move to next month's workshop")

    customers.pay(customers.hold(morning, "lucas.bernard@example.com", "Lucas Bernard"))
    clock.advance(minutes=16)  # Stripe's news of Lucas's payment is late: his hold ran out and Chloé took the seat
    customers.book(morning, "chloe.garnier@example.com", "Chloé Garnier")
    services.bookings.sell_at_counter(cashier, evening.id, name="Yann Le Goff", method="cash", register="R1")
    clock.advance(minutes=2)
    customers.hold(workshop, "lucie.martin@example.com", "Lucie Martin")


def _slots_of(services: Services, day: date) -> list[Slot]:
    start = datetime.combine(day, datetime.min.time()).astimezone()
    return services.bookings.slots(start, start + timedelta(days=1))


def shoot(services: Services, saturday: date, folder: Path) -> None:
    window = window_of(services, services.auth.login("stock", "stock-demo"))
    page = window.bookings_page
    assert page is not None
    window.pages.show_page(page)
    until(lambda: page.agenda.rowCount() > 0 or page.day != saturday)
    page.show_day(saturday)
    until(lambda: any(row.booking is not None for row in page.agenda.rows()))
    page.tree.setCurrentIndex(page.agenda.index(1, 0, page.agenda.index(1, 0)))
    save(window, "bookings-day.png")
    page.show_view(View.WEEK)
    until(lambda: sum(1 for row in page.agenda.rows() if row.day is not None and row.slot is None) == 7)
    save(window, "bookings-week.png")
    window.close()

    cashier = services.auth.login("cashier", "cashier-demo")
    machine = QSettings(str(folder / "machine.ini"), QSettings.Format.IniFormat)
    counter = CounterPage(services, cashier, settings=machine)
    counter.resize(*WINDOW_SIZE)
    counter.show()
    until(lambda: counter.findChild(QLineEdit, "scanField").isVisible())
    QTest.mouseClick(counter.findChild(QPushButton, "bookSlotButton"), Qt.MouseButton.LeftButton)
    until(lambda: any(d.isVisible() and d.slots.rowCount() for d in counter.findChildren(BookSlotDialog)))
    dialog = next(d for d in counter.findChildren(BookSlotDialog) if d.isVisible())
    for row in range(dialog.slots.rowCount()):
        if dialog.slots.row(row).title.startswith("Atelier"):
            dialog.table.setCurrentIndex(dialog.slots.index(row, 0))
            break
    QTest.keyClicks(dialog.findChild(QLineEdit, "bookSlotName"), "Fatou Sow")
    QTest.keyClicks(dialog.findChild(QLineEdit, "bookSlotEmail"), "fatou.sow@example.com")
    QTest.keyClick(dialog.findChild(QLineEdit, "bookSlotEmail"), Qt.Key.Key_F3)
    save(dialog, "counter-book-slot.png")
    dialog.reject()
    counter.close()


def main() -> int:
    clock = HandClock()
    mail = Controller(Mailbox(), hostname="127.0.0.1", port=free_port())
    mail.start()
    try:
        with localstripe().start() as stripe_server:
            gateway = StripeGateway(stripe_server.api_key, WEBHOOK_SECRET, api_base=stripe_server.api_base)
            shopper = stripe.StripeClient(stripe_server.api_key, base_addresses={"api": stripe_server.api_base})
            with throwaway_shop(clock=clock, payment_gateway=gateway) as (services, folder):
                services.mail.configure_smtp(
                    services.auth.login("admin", "admin-demo"),
                    host=mail.hostname,
                    port=mail.port,
                    security="none",
                    username="",
                    sender="bonjour@atelier-lumiere.example",
                )
                saturday = next_saturday(clock().astimezone().date())
                story(services, Customers(services, shopper), clock, saturday)
                shoot(services, saturday, folder)
    finally:
        mail.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
