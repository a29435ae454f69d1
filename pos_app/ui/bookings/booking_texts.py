"""Slots and bookings in words: times, free seats, statuses and channels, in this computer's time zone."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.domain.bookings import BookingStatus, Channel, SlotKind
from pos_app.services.bookings import Booking, Slot
from pos_app.ui.till.amounts import ui_locale
from pos_app.ui.till.payment_methods import method_name

translate = QCoreApplication.translate
STATUS_WORDS = {
    BookingStatus.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("BookingTexts", "Paying now"),
    BookingStatus.CONFIRMED: QT_TRANSLATE_NOOP("BookingTexts", "Confirmed"),
    BookingStatus.PAYMENT_FAILED: QT_TRANSLATE_NOOP("BookingTexts", "Payment failed"),
    BookingStatus.CANCELLED: QT_TRANSLATE_NOOP("BookingTexts", "Given up by the customer"),
    BookingStatus.EXPIRED: QT_TRANSLATE_NOOP("BookingTexts", "Not paid in time"),
    BookingStatus.REFUND_PENDING: QT_TRANSLATE_NOOP("BookingTexts", "Seat gone: refund on its way"),
    BookingStatus.REFUNDED_SEAT_GONE: QT_TRANSLATE_NOOP("BookingTexts", "Seat gone: refunded"),
    BookingStatus.CANCELLED_BY_SHOP: QT_TRANSLATE_NOOP("BookingTexts", "Cancelled"),
}
KIND_WORDS = {
    SlotKind.APPOINTMENT: QT_TRANSLATE_NOOP("BookingTexts", "Appointment"),
    SlotKind.FITTING: QT_TRANSLATE_NOOP("BookingTexts", "Fitting"),
    SlotKind.REPAIR: QT_TRANSLATE_NOOP("BookingTexts", "Repair"),
    SlotKind.WORKSHOP: QT_TRANSLATE_NOOP("BookingTexts", "Workshop"),
    SlotKind.PICKUP: QT_TRANSLATE_NOOP("BookingTexts", "Pickup"),
}
# Paid, then given back: the money went back to the customer.
REFUNDED = frozenset({BookingStatus.CANCELLED_BY_SHOP, BookingStatus.REFUND_PENDING, BookingStatus.REFUNDED_SEAT_GONE})


def status_text(status: BookingStatus) -> str:
    return translate("BookingTexts", STATUS_WORDS[status])


def kind_text(kind: SlotKind) -> str:
    return translate("BookingTexts", KIND_WORDS[kind])


def day_text(day: date) -> str:
    """'Wednesday 25 November 2026', as this computer's language writes it."""
    return format_date(day, "full", locale=ui_locale())


def short_day_text(day: date) -> str:
    """'Wed 25 Nov'."""
    return format_date(day, "EEE d MMM", locale=ui_locale())


def week_text(monday: date) -> str:
    """'Week of Monday 23 November 2026'."""
    return translate("BookingTexts", "Week of {day}").format(day=day_text(monday))


def time_text(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def span_text(starts_at: datetime, ends_at: datetime) -> str:
    """'10:00–12:00', or with the end's day when the slot runs past midnight."""
    start, end = starts_at.astimezone(), ends_at.astimezone()
    if start.date() == end.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M}–{short_day_text(end.date())} {end:%H:%M}"


def when_text(starts_at: datetime, ends_at: datetime) -> str:
    """'Wed 25 Nov 10:00–12:00'."""
    return f"{short_day_text(starts_at.astimezone().date())} {span_text(starts_at, ends_at)}"


def free_text(slot: Slot) -> str:
    """'3 of 10 free', or 'Full'."""
    if slot.free <= 0:
        return translate("BookingTexts", "Full")
    return translate("BookingTexts", "{free} of {capacity} free").format(free=slot.free, capacity=slot.capacity)


def seats_text(slot: Slot) -> str:
    """The free seats, with the seats being paid for right now when there are."""
    free = free_text(slot)
    if slot.held:
        return translate("BookingTexts", "{free} · {held} being paid").format(free=free, held=slot.held)
    return free


def channel_text(booking: Booking) -> str:
    """'Online (Stripe)', or 'Counter · Card'."""
    if booking.channel == Channel.COUNTER.value:
        method = method_name(booking.payment_method) if booking.payment_method else ""
        return (
            translate("BookingTexts", "Counter · {method}").format(method=method)
            if method
            else translate("BookingTexts", "Counter")
        )
    return translate("BookingTexts", "Online (Stripe)")


def booking_status_text(booking: Booking) -> str:
    """The status, with until when a customer paying right now holds the seat."""
    if booking.status is BookingStatus.AWAITING_PAYMENT and booking.expires_at is not None:
        return translate("BookingTexts", "Paying now (until {time})").format(time=time_text(booking.expires_at))
    return status_text(booking.status)


def booking_label(booking: Booking) -> str:
    """'BK-2026-000042 (Awa Diop)', or the name alone before it is numbered."""
    return f"{booking.number} ({booking.name})" if booking.number else booking.name
