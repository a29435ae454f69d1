"""The emails a customer gets about a booking: the confirmation (with an .ics for their calendar), the refund
of a payment that came after the seat was gone, and the shop's cancellation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from icalendar import Calendar, Event

from pos_app.domain.bookings import BookingStatus
from pos_app.domain.money import currency
from pos_app.mail import Attachment, OutgoingMail

ICS_FILENAME = "booking.ics"
ICS_TYPE = "text/calendar"
PRODUCT_ID = "-//pos-app//bookings//EN"


@dataclass(frozen=True)
class BookingLetter:
    """What the emails say about a booking, read from the database just before sending."""

    booking_id: str
    number: str | None
    status: BookingStatus
    name: str
    email: str
    title: str
    starts_at: datetime
    ends_at: datetime
    seat_no: int | None
    price: Decimal
    currency: str
    shop_name: str
    shop_address: str
    shop_email: str


def letter_for(letter: BookingLetter, now: datetime) -> OutgoingMail | None:
    """The email that the booking's state calls for, or None when there is nothing to tell the customer."""
    if not letter.email:
        return None
    if letter.status is BookingStatus.CONFIRMED:
        return confirmation(letter, now)
    if letter.status is BookingStatus.REFUNDED_SEAT_GONE:
        return seat_gone_refund(letter)
    if letter.status is BookingStatus.CANCELLED_BY_SHOP:
        return shop_cancellation(letter)
    return None


def confirmation(letter: BookingLetter, now: datetime) -> OutgoingMail:
    text = (
        f"Hello {letter.name},\n\n"
        f"your booking {letter.number} is confirmed:\n\n"
        f"  {letter.title}\n"
        f"  {_when(letter)}\n"
        f"  Paid: {_amount(letter)}\n\n"
        "The attached calendar file adds it to your calendar.\n"
        f"{_signature(letter)}"
    )
    return OutgoingMail(
        to=letter.email,
        subject=f"Booking {letter.number} confirmed: {letter.title}, {_local(letter.starts_at):%d %b %Y %H:%M}",
        text=text,
        attachments=(Attachment(ICS_FILENAME, calendar_file(letter, now), ICS_TYPE),),
        reply_to=letter.shop_email or None,
    )


def seat_gone_refund(letter: BookingLetter) -> OutgoingMail:
    text = (
        f"Hello {letter.name},\n\n"
        f"your payment of {_amount(letter)} for {letter.title} ({_when(letter)}) reached us after your hold on "
        "the seat had run out, and the last seat had been booked meanwhile.\n\n"
        "We have refunded the full amount to your card; depending on your bank it shows within 5 to 10 days.\n"
        "We are sorry. You are welcome to book another time.\n"
        f"{_signature(letter)}"
    )
    return OutgoingMail(
        to=letter.email,
        subject=f"Refund: {letter.title} was fully booked",
        text=text,
        reply_to=letter.shop_email or None,
    )


def shop_cancellation(letter: BookingLetter) -> OutgoingMail:
    text = (
        f"Hello {letter.name},\n\n"
        f"we had to cancel your booking {letter.number or ''} for {letter.title} ({_when(letter)}).\n\n"
        f"The {_amount(letter)} you paid is refunded in full.\n"
        "We are sorry for the trouble. You are welcome to book another time.\n"
        f"{_signature(letter)}"
    )
    return OutgoingMail(
        to=letter.email,
        subject=f"Booking {letter.number or ''} cancelled: {letter.title}",
        text=text,
        reply_to=letter.shop_email or None,
    )


def calendar_file(letter: BookingLetter, now: datetime) -> bytes:
    """An iCalendar (RFC 5545) file with the booked slot as one event."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{letter.booking_id}@pos-app")
    event.add("dtstamp", now)
    event.add("dtstart", letter.starts_at)
    event.add("dtend", letter.ends_at)
    event.add("summary", f"{letter.title} ({letter.shop_name})" if letter.shop_name else letter.title)
    event.add("description", f"Booking {letter.number}" + (f", seat {letter.seat_no}" if letter.seat_no else ""))
    if letter.shop_address:
        event.add("location", letter.shop_address)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def _when(letter: BookingLetter) -> str:
    start, end = _local(letter.starts_at), _local(letter.ends_at)
    until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%A %d %B %Y %H:%M}"
    return f"{start:%A %d %B %Y, %H:%M} to {until}"


def _local(moment: datetime) -> datetime:
    """The time on this machine's clock: the shop's local time, summer time included."""
    return moment.astimezone()


def _amount(letter: BookingLetter) -> str:
    return f"{currency(letter.currency).round(letter.price)} {letter.currency}"


def _signature(letter: BookingLetter) -> str:
    lines = [line for line in (letter.shop_name, letter.shop_address, letter.shop_email) if line]
    return "\n" + "\n".join(lines) + "\n" if lines else ""
