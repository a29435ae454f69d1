"""Bookings of time slots (fittings, repairs, workshops, pickups): paid online through Stripe, or at the counter.

A booking takes one seat of its slot. The database refuses a seat beyond the capacity (see migration 0008); the
service locks the slot's row before it looks for a free seat, so the refusal is a clean SlotFull, never a crash.
The provider is called outside every transaction; emails go out after the commit, and a failed email never
undoes a booking: it is recorded on the booking, listed by `unsent_emails`, and `resend_email` tries again.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row, bindparam, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app import config
from pos_app.db.engine import Database
from pos_app.db.models import Booking as BookingRow
from pos_app.db.models import CashSession, Register
from pos_app.db.models import Slot as SlotRow
from pos_app.db.sequences import next_number
from pos_app.domain.bookings import (
    BookingStatus,
    Channel,
    SlotKind,
    WeeklyTemplate,
    check_period,
    first_free_seat,
    parse_capacity,
    parse_kind,
)
from pos_app.domain.contact import check_email
from pos_app.domain.money import currency, parse_price
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.sale import PaymentMethod
from pos_app.domain.text import clean_text
from pos_app.domain.vat import normalize_rate, parse_vat_rate
from pos_app.errors import (
    Conflict,
    MailFailed,
    MailNotConfigured,
    NotFound,
    PaymentUnavailable,
    SlotFull,
    TillClosed,
    ValidationError,
)
from pos_app.mail import Mailer
from pos_app.payments.gateway import Intent, PaymentGateway, PaymentProviderError
from pos_app.services import journal
from pos_app.services.booking_mail import BookingLetter, letter_for
from pos_app.services.settings import read_reservation_minutes, read_settings
from pos_app.services.unit_of_work import Clock, UnitOfWork

logger = logging.getLogger("pos_app.bookings")

BOOKING_SERIES = "BK"
# The journal entries of a seat sold at the counter and of its money given back there. The till reports count
# both per payment method (services/pos.py): the refund's entry names the till session that paid it out.
COUNTER_SALE_ENTRY = "booking_sale"
COUNTER_REFUND_ENTRY = "booking_refund"
# The PaymentIntent's metadata key that tells a booking's payment from an order's.
BOOKING_METADATA_KEY = "booking_id"
MAX_RANGE = timedelta(days=92)
MAX_LIST = 2000
RETAKEN_NOTE = "Paid after the hold ran out; a seat was still free, so the booking went through."
EXPIRED_NOTE = "The hold ran out before the customer paid."

# Paid bookings that gave their seat up: the shop still wants to see them in the slot.
_PAID_WITHOUT_SEAT = (
    BookingStatus.CANCELLED_BY_SHOP.value,
    BookingStatus.REFUND_PENDING.value,
    BookingStatus.REFUNDED_SEAT_GONE.value,
)
_SLOTS = SlotRow.__table__
_BOOKINGS = BookingRow.__table__
_LOCK_SLOT = select(_SLOTS).where(_SLOTS.c.id == bindparam("slot_id")).with_for_update()
# A separate statement after the lock: on PostgreSQL a statement that waited for the slot's lock still reads
# with the snapshot it took before waiting, and would miss the seat taken by the transaction it waited for.
_TAKEN_SEATS = select(_BOOKINGS.c.seat_no).where(
    _BOOKINGS.c.slot_id == bindparam("slot_id"), _BOOKINGS.c.seat_no.is_not(None)
)
_LOCK_SLOTS = (
    select(_SLOTS.c.id)
    .where(_SLOTS.c.id.in_(bindparam("slot_ids", expanding=True)))
    .order_by(_SLOTS.c.id)
    .with_for_update()
)
_SLOTS_WITH_EXPIRED_HOLDS = select(_BOOKINGS.c.slot_id).where(
    _BOOKINGS.c.status == BookingStatus.AWAITING_PAYMENT.value, _BOOKINGS.c.expires_at <= bindparam("now")
)
_FREE_EXPIRED_HOLDS = (
    update(_BOOKINGS)
    .where(
        _BOOKINGS.c.slot_id == bindparam("of_slot"),
        _BOOKINGS.c.status == BookingStatus.AWAITING_PAYMENT.value,
        _BOOKINGS.c.expires_at <= bindparam("now"),
    )
    .values(status=BookingStatus.EXPIRED.value, seat_no=None, updated_at=bindparam("now"), note=EXPIRED_NOTE)
    .returning(_BOOKINGS.c.payment_intent_id)
)


@dataclass(frozen=True)
class Slot:
    """A slot as a list shows it. `booked` seats are paid, `held` ones are being paid for right now."""

    id: int
    title: str
    kind: SlotKind
    starts_at: datetime
    ends_at: datetime
    capacity: int
    price: Decimal
    vat_rate: Decimal
    currency: str
    booked: int
    held: int
    cancelled: bool

    @property
    def free(self) -> int:
        return 0 if self.cancelled else self.capacity - self.booked - self.held


@dataclass(frozen=True)
class Booking:
    id: str
    number: str | None  # given once paid, such as BK-2026-000042
    slot_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    status: BookingStatus
    channel: str
    name: str
    email: str
    seat_no: int | None
    price: Decimal
    currency: str
    created_at: datetime
    expires_at: datetime | None
    paid_at: datetime | None
    payment_intent_id: str | None
    refund_id: str | None
    payment_method: str | None
    note: str | None
    mailed_at: datetime | None
    mail_error: str | None  # the last email about it could not be sent


@dataclass(frozen=True)
class SlotSchedule:
    """A slot with the bookings that hold its seats (paid, and being paid for now), in seat order, then the paid
    ones that no longer hold a seat (cancelled by the shop, refunded because the seat was gone)."""

    slot: Slot
    bookings: tuple[Booking, ...]


@dataclass(frozen=True)
class BookingHold:
    """A seat held for an online customer while they pay with `client_secret` before `expires_at`."""

    booking_id: str
    slot_id: int
    expires_at: datetime
    payment_intent_id: str
    client_secret: str | None
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class WeeklySlots:
    created: tuple[Slot, ...]
    skipped: tuple[datetime, ...]  # starts where a slot of that title already was


class BookingService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        gateway: Callable[[], PaymentGateway],
        mail: Mailer | None = None,
    ) -> None:
        """`gateway()` returns the payment provider (raising PaymentUnavailable when it is not configured);
        `mail` sends the customers' emails (raising MailNotConfigured or MailFailed)."""
        self._db = db
        self._clock = clock
        self._gateway = gateway
        self._mail = mail

    # ----- slots -------------------------------------------------------------------------------

    def create_slot(
        self,
        actor: Actor,
        *,
        title: str,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
        price: Decimal,
        vat_rate: Decimal,
        kind: SlotKind | str = SlotKind.APPOINTMENT,
    ) -> Slot:
        """A slot of `capacity` seats (1 for an appointment). Raises PermissionDenied, ValidationError (naming the
        field: capacity, ends_at, price, vat_rate...), Conflict when a slot of that title starts then already."""
        actor.require(Permission.MANAGE_CATALOGUE)
        name = clean_text(title, "title", max_length=200)
        start, end = check_period(starts_at, ends_at)
        seats = parse_capacity(capacity)
        slot_kind = parse_kind(kind)
        with UnitOfWork(self._db, write=True) as uow:
            settings = read_settings(uow.session)
            row = SlotRow(
                title=name,
                kind=slot_kind.value,
                starts_at=start,
                ends_at=end,
                capacity=seats,
                price=parse_price(price, "price", settings.currency),
                vat_rate=parse_vat_rate(vat_rate, settings.vat_rates),
                created_by=actor.user_id,
                created_at=self._clock(),
            )
            uow.session.add(row)
            try:
                uow.session.flush()
            except IntegrityError:
                raise Conflict(
                    f"A slot '{name}' already starts at {start:%Y-%m-%d %H:%M %Z}.", field="starts_at"
                ) from None
            slot = _slot(row, settings.currency.code, 0, 0)
            uow.commit()
        return slot

    def create_weekly_slots(
        self,
        actor: Actor,
        *,
        title: str,
        weekday: int,
        at: time,
        duration: timedelta,
        capacity: int,
        first_day: date,
        last_day: date,
        price: Decimal,
        vat_rate: Decimal,
        kind: SlotKind | str = SlotKind.APPOINTMENT,
        zone: tzinfo | None = None,
    ) -> WeeklySlots:
        """A slot every `weekday` (0 Monday .. 6 Sunday) at `at` for `duration`, from `first_day` to `last_day`
        included, in the local time of `zone` (this machine's time zone by default). Slots of that title that
        already start at one of those times are skipped, so running a template twice creates nothing new.
        Raises PermissionDenied, ValidationError (nothing is created then)."""
        actor.require(Permission.MANAGE_CATALOGUE)
        name = clean_text(title, "title", max_length=200)
        template = WeeklyTemplate(weekday=weekday, at=at, duration=duration, capacity=capacity, zone=zone)
        starts = template.starts(first_day, last_day)
        slot_kind = parse_kind(kind)
        created: list[Slot] = []
        skipped: list[datetime] = []
        with UnitOfWork(self._db, write=True) as uow:
            settings = read_settings(uow.session)
            amount = parse_price(price, "price", settings.currency)
            rate = parse_vat_rate(vat_rate, settings.vat_rates)
            now = self._clock()
            for start in starts:
                row = SlotRow(
                    title=name,
                    kind=slot_kind.value,
                    starts_at=start,
                    ends_at=start + template.duration,
                    capacity=template.capacity,
                    price=amount,
                    vat_rate=rate,
                    created_by=actor.user_id,
                    created_at=now,
                )
                try:
                    with uow.session.begin_nested():
                        uow.session.add(row)
                except IntegrityError:  # the unique index on open slots' (start, title): it exists already
                    skipped.append(start)
                    continue
                created.append(_slot(row, settings.currency.code, 0, 0))
            uow.commit()
        return WeeklySlots(tuple(created), tuple(skipped))

    def cancel_slot(self, actor: Actor, slot_id: int) -> Slot:
        """Withdraw a slot nobody holds a seat of. Raises PermissionDenied, NotFound, Conflict while bookings
        hold seats (cancel them first: each is refunded)."""
        actor.require(Permission.MANAGE_CATALOGUE)
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            row = _locked_slot(uow.session, slot_id)
            to_cancel = _free_expired_holds(uow.session, row.id, now)
            taken = len(list(uow.session.execute(_TAKEN_SEATS, {"slot_id": row.id})))
            if taken:
                raise Conflict(
                    f"'{row.title}' still has {taken} booking(s): cancel them first (each is refunded), "
                    "then withdraw the slot."
                )
            if row.cancelled_at is None:
                row.cancelled_at = now
            slot = _slot(row, read_settings(uow.session).currency.code, 0, 0)
            uow.commit()
        self._cancel_intents_quietly(to_cancel)
        return slot

    def slot(self, slot_id: int) -> Slot:
        """One slot with its seats counted now. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(SlotRow, _slot_id(slot_id))
            if row is None:
                raise NotFound(f"No slot with id {slot_id}.")
            return self._slots(uow.session, [row])[0]

    def slots(self, start: datetime, end: datetime, *, include_cancelled: bool = False) -> list[Slot]:
        """Every slot starting from `start` to before `end`, in time order, with its seats counted now."""
        first, last = _range(start, end)
        with UnitOfWork(self._db, write=False) as uow:
            query = select(SlotRow).where(SlotRow.starts_at >= first, SlotRow.starts_at < last)
            if not include_cancelled:
                query = query.where(SlotRow.cancelled_at.is_(None))
            rows = list(uow.session.scalars(query.order_by(SlotRow.starts_at, SlotRow.id).limit(MAX_LIST)))
            return self._slots(uow.session, rows)

    def available_slots(self, start: datetime, end: datetime) -> list[Slot]:
        """The slots a customer can book now, starting from `start` to before `end`: not started, not
        withdrawn, with at least one free seat."""
        slots = self.slots(start, end)
        now = self._clock()
        return [slot for slot in slots if slot.free > 0 and slot.starts_at > now]

    def schedule(self, start: datetime, end: datetime) -> list[SlotSchedule]:
        """Slots starting from `start` to before `end` with their bookings (see SlotSchedule): the desktop's
        day and week views."""
        slots = self.slots(start, end)
        now = self._clock()
        by_slot: dict[int, list[Booking]] = defaultdict(list)
        with UnitOfWork(self._db, write=False) as uow:
            rows = uow.session.execute(
                _BOOKING_VIEW.where(
                    BookingRow.slot_id.in_([slot.id for slot in slots]),
                    (BookingRow.seat_no.is_not(None) & _counts(now)) | BookingRow.status.in_(_PAID_WITHOUT_SEAT),
                ).order_by(BookingRow.slot_id, BookingRow.seat_no.is_(None), BookingRow.seat_no, BookingRow.updated_at)
            ).all()
        for row in rows:
            by_slot[row.slot_id].append(_booking(row))
        return [SlotSchedule(slot, tuple(by_slot[slot.id])) for slot in slots]

    def day(self, day: date, zone: tzinfo | None = None) -> list[SlotSchedule]:
        """The schedule of one local day (this machine's time zone by default)."""
        start = _local_midnight(day, zone)
        return self.schedule(start, _local_midnight(day + timedelta(days=1), zone))

    def week(self, day: date, zone: tzinfo | None = None) -> list[SlotSchedule]:
        """The schedule of the week (Monday to Sunday) that holds `day`."""
        monday = day - timedelta(days=day.weekday())
        return self.schedule(_local_midnight(monday, zone), _local_midnight(monday + timedelta(weeks=1), zone))

    # ----- online booking ----------------------------------------------------------------------

    def book(self, slot_id: int, email: str, name: str) -> BookingHold:
        """Hold one seat of the slot for the customer while they pay, and open a payment for it.

        Raises NotFound (no such slot), SlotFull, Conflict (the slot has started or was withdrawn),
        ValidationError (email, name), PaymentUnavailable (nothing is held then)."""
        address = _email(email, required=True)
        who = clean_text(name, "name", max_length=200)
        gateway = self._gateway()
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            settings = read_settings(uow.session)
            minutes = config.reservation_minutes_override() or read_reservation_minutes(uow.session)
            row = _locked_slot(uow.session, slot_id)
            _require_bookable(row, now)
            to_cancel = _free_expired_holds(uow.session, row.id, now)
            booking = _take_seat(uow.session, row, Channel.ONLINE, who, address, settings.currency.code, now)
            booking.expires_at = now + timedelta(minutes=minutes)
            uow.commit()
            booking_id, expires_at, price, slot_id = booking.id, booking.expires_at, booking.price, row.id
        self._cancel_intents_quietly(to_cancel)
        try:
            intent = gateway.create_intent(
                amount=settings.currency.to_minor(price),
                currency=settings.currency.code.lower(),
                metadata={BOOKING_METADATA_KEY: booking_id, "slot_id": str(slot_id)},
                idempotency_key=f"booking-{booking_id}",
                receipt_email=address,
            )
        except PaymentProviderError as error:
            self._free(booking_id, BookingStatus.CANCELLED, f"payment provider unavailable: {error}")
            raise PaymentUnavailable(
                "The payment service cannot be reached right now; nothing was charged and the seat was let go. "
                "Try again in a moment."
            ) from error
        with UnitOfWork(self._db, write=True) as uow:
            uow.session.execute(
                update(BookingRow).where(BookingRow.id == booking_id).values(payment_intent_id=intent.id)
            )
            uow.commit()
        return BookingHold(
            booking_id=booking_id,
            slot_id=slot_id,
            expires_at=expires_at,
            payment_intent_id=intent.id,
            client_secret=intent.client_secret,
            amount=price,
            currency=settings.currency.code,
        )

    def cancel_hold(self, booking_id: str) -> Booking:
        """The customer gave up before paying: free the seat and cancel the payment. Cancelling twice is
        harmless. Raises NotFound, Conflict once paid (the shop cancels it then, with a refund)."""
        with UnitOfWork(self._db, write=True) as uow:
            row = _locked_booking(uow.session, booking_id)
            status = BookingStatus(row.status)
            if status.was_paid or status is BookingStatus.CANCELLED_BY_SHOP:
                raise Conflict(f"Booking {row.number or row.id} is paid: ask the shop to cancel it, with a refund.")
            if status is BookingStatus.AWAITING_PAYMENT:
                _set_status(row, BookingStatus.CANCELLED, self._clock(), "cancelled by the customer")
            intent_id = row.payment_intent_id
            uow.commit()
        self._cancel_intents_quietly([intent_id])
        return self.booking(booking_id)

    def expire_due(self) -> int:
        """Free the seats of holds whose time ran out and cancel their payments; returns how many. The holds
        stopped counting already: this tidies up and stops a late payment where it can."""
        now = self._clock()
        with UnitOfWork(self._db, write=True) as uow:
            slot_ids = sorted(set(uow.session.scalars(_SLOTS_WITH_EXPIRED_HOLDS, {"now": now})))
            intent_ids: list[str | None] = []
            if slot_ids:
                # Slots first, in id order, as booking does: a booking and a cleanup never wait for each other
                # in a circle.
                uow.session.execute(_LOCK_SLOTS, {"slot_ids": slot_ids})
                for slot_id in slot_ids:
                    intent_ids += _free_expired_holds(uow.session, slot_id, now)
            uow.commit()
        self._cancel_intents_quietly(intent_ids)
        return len(intent_ids)

    # ----- what the payment provider says (called by PaymentService's webhook path) ---------------

    def apply_intent(self, session: Session, intent: Intent, event_type: str, now: datetime) -> str:
        """Bring the booking paid by `intent` to what the intent says, inside the caller's transaction
        (which records the event). Returns the outcome; `after_payment` does what must follow the commit."""
        booking_id = intent.metadata.get(BOOKING_METADATA_KEY, "")
        row = session.scalar(select(BookingRow).where(BookingRow.id == booking_id).with_for_update())
        if row is None:
            return "no booking for this payment"
        if row.payment_intent_id is None:  # the intent was opened, but its id not saved yet
            row.payment_intent_id = intent.id
        if intent.status == "succeeded":
            return _apply_success(session, row, now)
        if intent.status == "canceled" or (
            intent.status == "requires_payment_method" and event_type == "payment_intent.payment_failed"
        ):
            return _apply_failure(row, intent, now)
        return f"payment {intent.status}: waiting"

    def after_payment(self, intent: Intent, outcome: str) -> str:
        """After the commit: refund a payment whose seat was gone, email the customer, close a failed payment."""
        booking_id = intent.metadata.get(BOOKING_METADATA_KEY, "")
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(BookingRow, booking_id)
            if row is None:
                return outcome
            status, mailed = BookingStatus(row.status), row.mailed_at is not None or row.mail_error is not None
        if status is BookingStatus.REFUND_PENDING:
            return self._refund_seat_gone(booking_id)
        if status is BookingStatus.PAYMENT_FAILED:
            self._cancel_intents_quietly([intent.id])
        elif status is BookingStatus.CONFIRMED and not mailed:
            self._send(booking_id)
        return outcome

    def retry_refunds(self) -> list[str]:
        """Refund again the payments whose seat was gone and whose refund failed (the provider was down)."""
        with UnitOfWork(self._db, write=False) as uow:
            pending = list(
                uow.session.scalars(
                    select(BookingRow.id).where(BookingRow.status == BookingStatus.REFUND_PENDING.value)
                )
            )
        return [self._refund_seat_gone(booking_id) for booking_id in pending]

    # ----- the shop's side ---------------------------------------------------------------------

    def cancel(self, actor: Actor, booking_id: str, reason: str) -> Booking:
        """Cancel a paid booking and give the money back: through Stripe for an online booking (stock manager
        or admin), by the same method at the actor's open till for one sold at the counter (cashier or admin).
        The customer is emailed. Raises PermissionDenied, NotFound, ValidationError (reason), Conflict (not
        paid, or already cancelled), PaymentUnavailable (Stripe: nothing changed then), TillClosed."""
        why = clean_text(reason, "reason", max_length=300)
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(BookingRow, str(booking_id))
            if row is None:
                raise NotFound(f"No booking with id {booking_id}.")
            channel, intent_id = Channel(row.channel), row.payment_intent_id
            _require_cancellable(row)
        if channel is Channel.COUNTER:
            actor.require(Permission.SELL)
            self._cancel_at_counter(actor, str(booking_id), why)
        else:
            actor.require(Permission.MANAGE_CATALOGUE)
            assert intent_id is not None
            try:
                refund_id = self._gateway().refund(intent_id, idempotency_key=f"refund-{intent_id}")
            except PaymentProviderError as error:
                raise PaymentUnavailable(
                    f"Stripe did not refund the payment ({error}); the booking is unchanged. Try again in a moment."
                ) from error
            with UnitOfWork(self._db, write=True) as uow:
                row = _locked_booking(uow.session, booking_id)
                if BookingStatus(row.status) is BookingStatus.CONFIRMED:
                    row.refund_id = refund_id
                    row.cancelled_by = actor.user_id
                    _set_status(row, BookingStatus.CANCELLED_BY_SHOP, self._clock(), why)
                uow.commit()
        self._send(str(booking_id))
        return self.booking(booking_id)

    def sell_at_counter(
        self,
        actor: Actor,
        slot_id: int,
        *,
        name: str,
        method: PaymentMethod | str,
        email: str = "",
        register: str | None = None,
    ) -> Booking:
        """Book one seat for a customer at the counter, paid there by `method`. The booking, its number and a
        'booking_sale' journal entry commit together; the till's X and Z reports count it under `method` (cash
        in the drawer's expected cash). The customer gets the confirmation email when an address is given.
        Raises PermissionDenied, NotFound, SlotFull, Conflict (started or withdrawn), ValidationError, TillClosed."""
        actor.require(Permission.SELL)
        who = clean_text(name, "name", max_length=200)
        address = _email(email, required=False)
        paid_by = _payment_method(method)
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            till = _open_till(uow.session, actor, register)
            shop_currency = read_settings(uow.session).currency
            row = _locked_slot(uow.session, slot_id)
            _require_bookable(row, now)
            to_cancel = _free_expired_holds(uow.session, row.id, now)
            booking = _take_seat(uow.session, row, Channel.COUNTER, who, address, shop_currency.code, now)
            booking.status = BookingStatus.CONFIRMED.value
            booking.number = _next_booking_number(uow.session, now)
            booking.paid_at = now
            booking.payment_method = paid_by.value
            booking.register_id, booking.cash_session_id, booking.sold_by = till.register_id, till.id, actor.user_id
            journal.append(
                uow.session, till.register_id, COUNTER_SALE_ENTRY, booking.price, _journal_payload(booking, row), now
            )
            uow.commit()
            booking_id = booking.id
        self._cancel_intents_quietly(to_cancel)
        self._send(booking_id)
        return self.booking(booking_id)

    def booking(self, booking_id: str) -> Booking:
        """Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.execute(_BOOKING_VIEW.where(BookingRow.id == str(booking_id))).first()
            if row is None:
                raise NotFound(f"No booking with id {booking_id}.")
            return _booking(row)

    def seat_gone_refunds(self, limit: int = 200) -> list[Booking]:
        """Payments that came after their seat was gone: refunded automatically (or being refunded), newest
        first. The shop may want to offer these customers another time."""
        statuses = (BookingStatus.REFUND_PENDING.value, BookingStatus.REFUNDED_SEAT_GONE.value)
        return self._bookings_where(BookingRow.status.in_(statuses), limit)

    def unsent_emails(self, limit: int = 200) -> list[Booking]:
        """Bookings whose last email could not be sent (`mail_error` says why), newest first."""
        return self._bookings_where(BookingRow.mail_error.is_not(None), limit)

    def resend_email(self, actor: Actor, booking_id: str) -> Booking:
        """Send again the email the booking's state calls for. Raises PermissionDenied, NotFound, Conflict when
        there is nothing to send; MailNotConfigured or MailFailed when it fails again (recorded on the booking)."""
        actor.require(Permission.VIEW_STOCK)
        booking = self.booking(booking_id)
        if letter_for(self._letter(booking_id), self._clock()) is None:
            raise Conflict(f"There is no email to send about booking {booking.number or booking.id}.")
        self._send(booking_id, raise_errors=True)
        return self.booking(booking_id)

    # ----- internals ---------------------------------------------------------------------------

    def _slots(self, session: Session, rows: Sequence[SlotRow]) -> list[Slot]:
        now = self._clock()
        counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        if rows:
            for slot_id, status, seats in session.execute(
                select(BookingRow.slot_id, BookingRow.status, func.count())
                .where(BookingRow.slot_id.in_([row.id for row in rows]), BookingRow.seat_no.is_not(None), _counts(now))
                .group_by(BookingRow.slot_id, BookingRow.status)
            ):
                counts[slot_id][status] += seats
        code = read_settings(session).currency.code
        return [
            _slot(
                row,
                code,
                counts[row.id][BookingStatus.CONFIRMED.value],
                counts[row.id][BookingStatus.AWAITING_PAYMENT.value],
            )
            for row in rows
        ]

    def _bookings_where(self, condition: ColumnElement[bool], limit: int) -> list[Booking]:
        with UnitOfWork(self._db, write=False) as uow:
            rows = uow.session.execute(
                _BOOKING_VIEW.where(condition).order_by(BookingRow.updated_at.desc(), BookingRow.id).limit(limit)
            ).all()
            return [_booking(row) for row in rows]

    def _free(self, booking_id: str, status: BookingStatus, note: str) -> None:
        with UnitOfWork(self._db, write=True) as uow:
            row = _locked_booking(uow.session, booking_id)
            if BookingStatus(row.status) is BookingStatus.AWAITING_PAYMENT:
                _set_status(row, status, self._clock(), note)
            uow.commit()

    def _cancel_at_counter(self, actor: Actor, booking_id: str, why: str) -> None:
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            till = _open_till(uow.session, actor, None)
            row = _locked_booking(uow.session, booking_id)
            _require_cancellable(row)
            row.cancelled_by = actor.user_id
            _set_status(row, BookingStatus.CANCELLED_BY_SHOP, now, why)
            payload = {
                "number": row.number,
                "method": row.payment_method,
                "amount": str(row.price),
                "reason": why,
                "session": till.id,
            }
            journal.append(uow.session, till.register_id, COUNTER_REFUND_ENTRY, -row.price, payload, now)
            uow.commit()

    def _refund_seat_gone(self, booking_id: str) -> str:
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(BookingRow, booking_id)
            assert row is not None
            if row.status != BookingStatus.REFUND_PENDING.value or row.payment_intent_id is None:
                return f"booking {booking_id} is {row.status}"
            intent_id = row.payment_intent_id
        try:
            refund_id = self._gateway().refund(intent_id, idempotency_key=f"refund-{intent_id}")
        except (PaymentProviderError, PaymentUnavailable) as error:
            return f"refund pending (will be retried): {error}"
        with UnitOfWork(self._db, write=True) as uow:
            row = _locked_booking(uow.session, booking_id)
            if row.status == BookingStatus.REFUND_PENDING.value:
                row.refund_id = refund_id
                _set_status(row, BookingStatus.REFUNDED_SEAT_GONE, self._clock(), row.note)
            uow.commit()
        self._send(booking_id)
        return "paid after the hold ran out and the seat was gone: refunded"

    def _send(self, booking_id: str, *, raise_errors: bool = False) -> None:
        """Email the customer what the booking's state calls for; record whether it went out."""
        now = self._clock()
        mail = letter_for(self._letter(booking_id), now)
        if mail is None:
            return
        error: str | None = None
        try:
            if self._mail is None:
                raise MailNotConfigured("No mail server is set up: the customer was not emailed.")
            self._mail.send(mail)
        except (MailNotConfigured, MailFailed, ValidationError) as failure:
            logger.warning("Booking %s: the email to %s was not sent: %s", booking_id, mail.to, failure)
            error = str(failure)[:500] or type(failure).__name__
            if raise_errors:
                self._record_mail(booking_id, None, error)
                raise
        self._record_mail(booking_id, None if error else now, error)

    def _record_mail(self, booking_id: str, sent_at: datetime | None, error: str | None) -> None:
        with UnitOfWork(self._db, write=True) as uow:
            values: dict[str, object] = {"mail_error": error}
            if sent_at is not None:
                values["mailed_at"] = sent_at
            uow.session.execute(update(BookingRow).where(BookingRow.id == booking_id).values(**values))
            uow.commit()

    def _letter(self, booking_id: str) -> BookingLetter:
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(BookingRow, booking_id)
            assert row is not None
            slot = uow.session.get(SlotRow, row.slot_id)
            assert slot is not None
            settings = read_settings(uow.session)
            return BookingLetter(
                booking_id=row.id,
                number=row.number,
                status=BookingStatus(row.status),
                name=row.name,
                email=row.email,
                title=slot.title,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                seat_no=row.seat_no,
                price=row.price,
                currency=row.currency,
                shop_name=settings.shop_name,
                shop_address=settings.shop_address,
                shop_email=settings.shop_email,
            )

    def _cancel_intents_quietly(self, intent_ids: Sequence[str | None]) -> None:
        """Best effort: a payment left open and paid later is refunded anyway if its seat is gone."""
        for intent_id in intent_ids:
            if intent_id is None:
                continue
            with contextlib.suppress(PaymentProviderError, PaymentUnavailable):
                self._gateway().cancel_intent(intent_id, idempotency_key=f"cancel-{intent_id}")


_BOOKING_VIEW = select(
    BookingRow.id,
    BookingRow.number,
    BookingRow.slot_id,
    SlotRow.title,
    SlotRow.starts_at,
    SlotRow.ends_at,
    BookingRow.status,
    BookingRow.channel,
    BookingRow.name,
    BookingRow.email,
    BookingRow.seat_no,
    BookingRow.price,
    BookingRow.currency,
    BookingRow.created_at,
    BookingRow.expires_at,
    BookingRow.paid_at,
    BookingRow.payment_intent_id,
    BookingRow.refund_id,
    BookingRow.payment_method,
    BookingRow.note,
    BookingRow.mailed_at,
    BookingRow.mail_error,
).join(SlotRow, SlotRow.id == BookingRow.slot_id)


def _booking(row: Row[Any]) -> Booking:
    values = row._asdict()
    values["status"] = BookingStatus(values["status"])
    values["price"] = currency(values["currency"]).round(values["price"])
    return Booking(**values)


def _slot(row: SlotRow, currency_code: str, booked: int, held: int) -> Slot:
    return Slot(
        id=row.id,
        title=row.title,
        kind=SlotKind(row.kind),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        capacity=row.capacity,
        price=currency(currency_code).round(row.price),
        vat_rate=normalize_rate(row.vat_rate),
        currency=currency_code,
        booked=booked,
        held=held,
        cancelled=row.cancelled_at is not None,
    )


def _counts(now: datetime) -> ColumnElement[bool]:
    """A booking's seat counts while it is confirmed, or held and its hold has not run out."""
    return or_(
        BookingRow.status == BookingStatus.CONFIRMED.value,
        (BookingRow.status == BookingStatus.AWAITING_PAYMENT.value) & (BookingRow.expires_at > now),
    )


def _slot_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"slot_id must be a slot's number (got {value!r}).", field="slot_id")
    return value


def _locked_slot(session: Session, slot_id: int) -> SlotRow:
    found = session.execute(_LOCK_SLOT, {"slot_id": _slot_id(slot_id)}).first()
    if found is None:
        raise NotFound(f"No slot with id {slot_id}.")
    row = session.get(SlotRow, found.id)
    assert row is not None
    return row


def _locked_booking(session: Session, booking_id: str) -> BookingRow:
    row = session.scalar(select(BookingRow).where(BookingRow.id == str(booking_id)).with_for_update())
    if row is None:
        raise NotFound(f"No booking with id {booking_id}.")
    return row


def _require_bookable(slot: SlotRow, now: datetime) -> None:
    if slot.cancelled_at is not None:
        raise Conflict(f"'{slot.title}' was withdrawn by the shop: choose another time.")
    if slot.starts_at <= now:
        raise Conflict(f"'{slot.title}' has already started: choose a later time.")


def _require_cancellable(row: BookingRow) -> None:
    status = BookingStatus(row.status)
    if status is BookingStatus.AWAITING_PAYMENT:
        raise Conflict(
            f"The customer is paying for this seat right now; unpaid, it is freed by itself at "
            f"{row.expires_at:%H:%M %Z}."
        )
    if status is not BookingStatus.CONFIRMED:
        raise Conflict(f"Booking {row.number or row.id} is {status.value.replace('_', ' ')}: nothing to cancel.")


def _free_expired_holds(session: Session, slot_id: int, now: datetime) -> list[str | None]:
    """Free the seats of the slot's holds that ran out; returns their payments, to cancel after the commit."""
    return list(session.execute(_FREE_EXPIRED_HOLDS, {"of_slot": slot_id, "now": now}).scalars())


def _take_seat(
    session: Session, slot: SlotRow, channel: Channel, name: str, email: str, currency_code: str, now: datetime
) -> BookingRow:
    """A new booking on the lowest free seat of the locked slot, awaiting payment. Raises SlotFull."""
    taken = session.execute(_TAKEN_SEATS, {"slot_id": slot.id}).scalars()
    seat = first_free_seat(taken, slot.capacity)
    if seat is None:
        raise SlotFull(slot.id, slot.title, slot.capacity)
    booking = BookingRow(
        id=str(uuid.uuid4()),
        slot_id=slot.id,
        slot_capacity=slot.capacity,
        seat_no=seat,
        status=BookingStatus.AWAITING_PAYMENT.value,
        channel=channel.value,
        name=name,
        email=email,
        price=slot.price,
        vat_rate=slot.vat_rate,
        currency=currency_code,
        created_at=now,
        updated_at=now,
    )
    session.add(booking)
    session.flush()
    return booking


def _apply_success(session: Session, row: BookingRow, now: datetime) -> str:
    status = BookingStatus(row.status)
    if status in (BookingStatus.CONFIRMED, BookingStatus.REFUNDED_SEAT_GONE, BookingStatus.CANCELLED_BY_SHOP):
        return f"booking already {status.value}"
    if status is BookingStatus.REFUND_PENDING:
        return "refund pending"
    note = None
    if status is not BookingStatus.AWAITING_PAYMENT:  # the seat was let go: take one again if there is one
        slot = _locked_slot(session, row.slot_id)
        _free_expired_holds(session, slot.id, now)
        seat = first_free_seat(session.execute(_TAKEN_SEATS, {"slot_id": slot.id}).scalars(), slot.capacity)
        if seat is None or slot.cancelled_at is not None or slot.starts_at <= now:
            _set_status(
                row,
                BookingStatus.REFUND_PENDING,
                now,
                "Paid after the hold ran out, and the seat was gone meanwhile (booked by another customer, or the "
                "slot started or was withdrawn). The payment is refunded automatically and the customer is emailed.",
            )
            return "seat gone: refund pending"
        note = RETAKEN_NOTE
    else:
        seat = row.seat_no
    number = _next_booking_number(session, now)  # before the row changes: the query flushes pending changes
    row.number, row.paid_at, row.seat_no = number, now, seat
    _set_status(row, BookingStatus.CONFIRMED, now, note)
    return f"paid: booking {row.number}"


def _apply_failure(row: BookingRow, intent: Intent, now: datetime) -> str:
    if row.status != BookingStatus.AWAITING_PAYMENT.value:
        return f"booking already {row.status}"
    reason = intent.last_error or ("payment cancelled" if intent.status == "canceled" else "payment failed")
    status = BookingStatus.CANCELLED if intent.status == "canceled" else BookingStatus.PAYMENT_FAILED
    _set_status(row, status, now, reason)
    return "payment failed: seat freed" if status is BookingStatus.PAYMENT_FAILED else "payment cancelled: seat freed"


def _set_status(row: BookingRow, status: BookingStatus, now: datetime, note: str | None) -> None:
    row.status = status.value
    if not status.holds_seat:
        row.seat_no = None
    row.updated_at = now
    row.note = note[:500] if note else None


def _next_booking_number(session: Session, now: datetime) -> str:
    return f"{BOOKING_SERIES}-{now.year}-{next_number(session, BOOKING_SERIES, now.year):06d}"


def _journal_payload(booking: BookingRow, slot: SlotRow) -> dict[str, object]:
    return {
        "number": booking.number,
        "slot": slot.title,
        "starts_at": slot.starts_at,
        "seat": booking.seat_no,
        "customer": booking.name,
        "method": booking.payment_method,
        "amount": str(booking.price),
        "vat_rate": str(booking.vat_rate),
    }


def _open_till(session: Session, actor: Actor, register: str | None) -> CashSession:
    """The open till a counter sale goes to: the named register's, else the one the actor opened, else the
    only open one."""
    query = select(CashSession).where(CashSession.open_register_id.is_not(None))
    if register is not None:
        code = str(register).strip().upper()
        query = query.join(Register, Register.id == CashSession.register_id).where(Register.code == code)
        till = session.scalar(query)
        if till is None:
            raise TillClosed(f"The till of {code} is closed (or there is no such register): open it first.")
        return till
    tills = list(session.scalars(query))
    mine = [till for till in tills if till.opened_by == actor.user_id]
    if len(mine) == 1:
        return mine[0]
    if len(tills) == 1:
        return tills[0]
    if not tills:
        raise TillClosed("No till is open: open one with a counted float first.")
    raise ValidationError("Several tills are open: say which register this is.", field="register")


def _payment_method(value: object) -> PaymentMethod:
    try:
        return PaymentMethod(str(value))
    except ValueError:
        methods = ", ".join(method.value for method in PaymentMethod)
        raise ValidationError(f"Unknown payment method '{value}': use one of {methods}.", field="method") from None


def _email(value: object, *, required: bool) -> str:
    address = clean_text(value, "email", max_length=254, required=required)
    return check_email(address, "email")


def _range(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    for value, field in ((start, "from"), (end, "to")):
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValidationError(f"'{field}' must be a date and time with its time zone (got {value!r}).", field=field)
        try:
            value.astimezone(UTC)
        except OverflowError:
            raise ValidationError(f"'{field}' is out of the calendar's range.", field=field) from None
    if end <= start:
        raise ValidationError("'to' must come after 'from'.", field="to")
    if end - start > MAX_RANGE:
        raise ValidationError(f"Ask for at most {MAX_RANGE.days} days at once.", field="to")
    return start, end


def _local_midnight(day: date, zone: tzinfo | None) -> datetime:
    midnight = datetime.combine(day, time())
    return midnight.replace(tzinfo=zone) if zone is not None else midnight.astimezone()
