"""Online checkout and its payment: hold the stock, take the payment, turn the hold into an order.

The provider is called outside every transaction (no lock is held while it answers); what it says is
applied in one transaction afterwards, and applying the same news twice changes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import (
    Invoice,
    OnlineOrder,
    OnlineOrderLine,
    PaymentEvent,
    Product,
    Reservation,
    ReservationLine,
    Sku,
)
from pos_app.db.sequences import next_number
from pos_app.domain import catalogue as rules
from pos_app.domain.contact import EMAIL_PATTERN
from pos_app.domain.invoice import InvoiceKind
from pos_app.domain.money import currency
from pos_app.errors import Conflict, NotFound, PaymentUnavailable, ReservationExpired, ValidationError
from pos_app.payments.gateway import (
    Intent,
    PaymentGateway,
    PaymentNotConfigured,
    PaymentProviderError,
    WebhookEvent,
)
from pos_app.services.bookings import BOOKING_METADATA_KEY, BookingService
from pos_app.services.reservations import EXPIRED_REASON, Hold, ReservationService, commit_hold, release_hold
from pos_app.services.settings import SettingsService, read_settings
from pos_app.services.unit_of_work import Clock, UnitOfWork

ORDER_SERIES = "WEB"
RETAKEN_NOTE = "Paid after the hold ran out; the items were still in stock, so the order went through."
HANDLED_EVENTS = (
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
)


class OrderStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    PAYMENT_FAILED = "payment_failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REFUND_PENDING = "refund_pending"
    REFUNDED_OUT_OF_STOCK = "refunded_out_of_stock"


@dataclass(frozen=True)
class CheckoutResult:
    reservation_id: str
    order_id: int
    payment_intent_id: str
    client_secret: str | None
    amount: Decimal
    currency: str
    expires_at: datetime


@dataclass(frozen=True)
class OrderLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    vat_rate: Decimal


@dataclass(frozen=True)
class Order:
    id: int
    number: str | None
    status: OrderStatus
    email: str
    total: Decimal
    currency: str
    reservation_id: str
    payment_intent_id: str | None
    created_at: datetime
    paid_at: datetime | None
    refund_id: str | None
    note: str | None
    lines: tuple[OrderLine, ...]
    invoice_number: str | None = None  # set by orders(): the invoice issued for it, if any


@dataclass(frozen=True)
class EventOutcome:
    event_id: str
    duplicate: bool
    outcome: str


class PaymentService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        reservations: ReservationService,
        settings: SettingsService,
        gateway: Callable[[], PaymentGateway],
        bookings: BookingService | None = None,
    ) -> None:
        """Payments whose intent carries a booking id in its metadata go to `bookings`; the others are orders."""
        self._db = db
        self._clock = clock
        self._reservations = reservations
        self._settings = settings
        self._gateway_factory = gateway
        self._gateway: PaymentGateway | None = None
        self._bookings = bookings

    @property
    def gateway(self) -> PaymentGateway:
        if self._gateway is None:
            try:
                self._gateway = self._gateway_factory()
            except (PaymentNotConfigured, KeyError, ValueError) as error:
                raise PaymentUnavailable(f"Online payments are not configured: {error}") from error
        return self._gateway

    # ----- checkout ----------------------------------------------------------------------------

    def checkout(self, lines: Sequence[tuple[str, int]], email: str, ttl_minutes: int | None = None) -> CheckoutResult:
        """Hold the lines' stock and open a payment for them.

        Raises ValidationError (bad email or lines), NotFound (unknown SKUs), InsufficientStock (every short
        line), PaymentUnavailable when the provider cannot be reached — the hold is released then.
        """
        address = _parse_email(email)
        gateway = self.gateway
        hold = self._reservations.reserve(lines, ttl_minutes=ttl_minutes, reference=address)
        with UnitOfWork(self._db, write=True) as uow:
            # Read now, not from a cache: another process may have changed the shop's currency.
            currency = read_settings(uow.session).currency
            order = _new_order(uow.session, hold, address, currency.code, self._clock())
            uow.commit()
            order_id, total = order.id, order.total
        try:
            intent = gateway.create_intent(
                amount=currency.to_minor(total),
                currency=currency.code.lower(),
                metadata={"reservation_id": hold.id, "order_id": str(order_id)},
                idempotency_key=f"checkout-{hold.id}",
                receipt_email=address,
            )
        except PaymentProviderError as error:
            self._close_unpaid(order_id, OrderStatus.CANCELLED, f"payment provider unavailable: {error}")
            raise PaymentUnavailable(
                "The payment service cannot be reached right now; nothing was charged and the items were put "
                "back. Try again in a moment."
            ) from error
        with UnitOfWork(self._db, write=True) as uow:
            row = uow.session.get(OnlineOrder, order_id)
            assert row is not None
            row.payment_intent_id = intent.id
            uow.commit()
        return CheckoutResult(
            reservation_id=hold.id,
            order_id=order_id,
            payment_intent_id=intent.id,
            client_secret=intent.client_secret,
            amount=total,
            currency=currency.code,
            expires_at=hold.expires_at,
        )

    def cancel(self, reservation_id: str) -> Order:
        """The customer gave up: free the stock and cancel the payment. Raises Conflict once paid."""
        with UnitOfWork(self._db, write=True) as uow:
            order = _order_by_reservation(uow.session, reservation_id)
            if order.status in (OrderStatus.PAID, OrderStatus.REFUND_PENDING, OrderStatus.REFUNDED_OUT_OF_STOCK):
                raise Conflict(f"Order {order.number or order.id} is already paid; it can only be refunded.")
            now = self._clock()
            release_hold(uow.session, reservation_id, "cancelled by the customer", now)
            if order.status == OrderStatus.AWAITING_PAYMENT:
                _set_status(order, OrderStatus.CANCELLED, now, "cancelled by the customer")
            uow.commit()
            intent_id, order_id = order.payment_intent_id, order.id
        self._cancel_intent_quietly(intent_id)
        return self.order(order_id)

    # ----- what the provider says --------------------------------------------------------------

    def handle_webhook(self, payload: bytes, signature_header: str | None) -> EventOutcome:
        """Verify and apply a provider event. Raises SignatureError (nothing written) for a bad signature.

        The same event applied twice is a no-op; the payment is re-read from the provider, so events
        arriving out of order still end in the state the provider reports.
        """
        event = self.gateway.parse_webhook(payload, signature_header)
        return self.apply_event(event)

    def apply_event(self, event: WebhookEvent) -> EventOutcome:
        if self._event_seen(event.id):
            return EventOutcome(event.id, duplicate=True, outcome="already applied")
        if event.type not in HANDLED_EVENTS or not event.object_id:
            return self._record_only(event, "not handled")
        intent = self.gateway.retrieve_intent(event.object_id)
        if self._bookings is not None and BOOKING_METADATA_KEY in intent.metadata:
            return self._apply_booking_event(event, intent, self._bookings)
        try:
            outcome, refund_order = self._apply_intent(event, intent)
        except IntegrityError:  # another delivery of the same event won the race
            return EventOutcome(event.id, duplicate=True, outcome="already applied")
        if refund_order is not None:
            outcome = self._refund_out_of_stock(refund_order)
        return EventOutcome(event.id, duplicate=False, outcome=outcome)

    def reconcile(self, since: datetime) -> list[EventOutcome]:
        """Re-read the provider's recent events and apply those that were missed; retry pending refunds."""
        events = self.gateway.recent_events(since=int(since.timestamp()), types=HANDLED_EVENTS)
        outcomes = [self.apply_event(event) for event in events]
        for order_id in self._orders_with_status(OrderStatus.REFUND_PENDING):
            self._refund_out_of_stock(order_id)
        if self._bookings is not None:
            self._bookings.retry_refunds()
        return outcomes

    def expire_due(self) -> int:
        """Release holds whose time ran out, mark their orders expired, cancel their payments.

        Orders whose hold was released by an earlier run that stopped half-way are picked up too.
        """
        released = self._reservations.expire_due_ids()
        now = self._clock()
        to_cancel: list[str] = []
        with UnitOfWork(self._db, write=True) as uow:
            orders = uow.session.scalars(
                select(OnlineOrder)
                .join(Reservation, Reservation.id == OnlineOrder.reservation_id)
                .where(
                    OnlineOrder.status == OrderStatus.AWAITING_PAYMENT.value,
                    Reservation.status == "released",
                    Reservation.close_reason == EXPIRED_REASON,
                )
                .with_for_update(of=OnlineOrder)
            )
            for order in orders:
                _set_status(order, OrderStatus.EXPIRED, now, "The hold ran out before the customer paid.")
                if order.payment_intent_id:
                    to_cancel.append(order.payment_intent_id)
            uow.commit()
        for intent_id in to_cancel:
            self._cancel_intent_quietly(intent_id)
        return len(released) + (self._bookings.expire_due() if self._bookings is not None else 0)

    # ----- reading -----------------------------------------------------------------------------

    def order(self, order_id: int) -> Order:
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.get(OnlineOrder, order_id)
            if row is None:
                raise NotFound(f"No online order with id {order_id}.")
            return _order(uow.session, row)

    def order_for_reservation(self, reservation_id: str) -> Order:
        with UnitOfWork(self._db, write=False) as uow:
            return _order(uow.session, _order_by_reservation(uow.session, reservation_id))

    def orders(self, *, status: OrderStatus | None = None, limit: int = 200) -> list[Order]:
        query = select(OnlineOrder).order_by(OnlineOrder.created_at.desc(), OnlineOrder.id.desc()).limit(limit)
        if status is not None:
            query = query.where(OnlineOrder.status == status.value)
        with UnitOfWork(self._db, write=False) as uow:
            rows = list(uow.session.scalars(query))
            invoices = dict(
                uow.session.execute(
                    select(Invoice.online_order_id, Invoice.number).where(
                        Invoice.online_order_id.in_([row.id for row in rows]), Invoice.kind == InvoiceKind.INVOICE.value
                    )
                ).all()
            )
            return [replace(_order(uow.session, row), invoice_number=invoices.get(row.id)) for row in rows]

    # ----- internals ---------------------------------------------------------------------------

    def _apply_intent(self, event: WebhookEvent, intent: Intent) -> tuple[str, int | None]:
        """One transaction: record the event and bring the order to what the intent says."""
        now = self._clock()
        with UnitOfWork(self._db, write=True) as uow:
            record = PaymentEvent(id=event.id, type=event.type, object_id=intent.id, received_at=now, outcome="")
            uow.session.add(record)
            uow.session.flush()
            order = uow.session.scalar(
                select(OnlineOrder).where(OnlineOrder.payment_intent_id == intent.id).with_for_update()
            )
            refund_order = None
            if order is None:
                outcome = "no order for this payment"
            elif intent.status == "succeeded":
                outcome, refund_order = _apply_success(uow.session, order, now)
            elif intent.status == "canceled" or (
                intent.status == "requires_payment_method" and event.type == "payment_intent.payment_failed"
            ):
                outcome = _apply_failure(uow.session, order, intent, now)
            else:
                outcome = f"payment {intent.status}: waiting"
            record.outcome = outcome[:200]
            uow.commit()
        if outcome.startswith("payment failed") and order is not None:
            self._cancel_intent_quietly(intent.id)
        return outcome, refund_order

    def _apply_booking_event(self, event: WebhookEvent, intent: Intent, bookings: BookingService) -> EventOutcome:
        """One transaction records the event and brings the booking to what the intent says; the refund of a
        seat that was gone and the customer's email follow the commit."""
        now = self._clock()
        try:
            with UnitOfWork(self._db, write=True) as uow:
                record = PaymentEvent(id=event.id, type=event.type, object_id=intent.id, received_at=now, outcome="")
                uow.session.add(record)
                uow.session.flush()
                outcome = bookings.apply_intent(uow.session, intent, event.type, now)
                record.outcome = outcome[:200]
                uow.commit()
        except IntegrityError:
            if not self._event_seen(event.id):
                raise
            return EventOutcome(event.id, duplicate=True, outcome="already applied")  # another delivery won
        return EventOutcome(event.id, duplicate=False, outcome=bookings.after_payment(intent, outcome))

    def _refund_out_of_stock(self, order_id: int) -> str:
        """Refund a payment whose stock was gone (outside any transaction), then record it."""
        with UnitOfWork(self._db, write=False) as uow:
            order = uow.session.get(OnlineOrder, order_id)
            assert order is not None
            if order.status != OrderStatus.REFUND_PENDING or order.payment_intent_id is None:
                return f"order {order_id} is {order.status}"
            intent_id = order.payment_intent_id
        try:
            refund_id = self.gateway.refund(intent_id, idempotency_key=f"refund-{intent_id}")
        except (PaymentProviderError, PaymentUnavailable) as error:
            return f"refund pending (will be retried): {error}"
        with UnitOfWork(self._db, write=True) as uow:
            order = uow.session.scalar(select(OnlineOrder).where(OnlineOrder.id == order_id).with_for_update())
            assert order is not None
            if order.status == OrderStatus.REFUND_PENDING:
                order.refund_id = refund_id
                _set_status(order, OrderStatus.REFUNDED_OUT_OF_STOCK, self._clock(), order.note)
            uow.commit()
        return "paid after the hold ran out and the stock was gone: refunded"

    def _event_seen(self, event_id: str) -> bool:
        with UnitOfWork(self._db, write=False) as uow:
            return uow.session.get(PaymentEvent, event_id) is not None

    def _record_only(self, event: WebhookEvent, outcome: str) -> EventOutcome:
        try:
            with UnitOfWork(self._db, write=True) as uow:
                uow.session.add(
                    PaymentEvent(
                        id=event.id,
                        type=event.type,
                        object_id=event.object_id,
                        received_at=self._clock(),
                        outcome=outcome,
                    )
                )
                uow.commit()
        except IntegrityError:
            return EventOutcome(event.id, duplicate=True, outcome="already applied")
        return EventOutcome(event.id, duplicate=False, outcome=outcome)

    def _close_unpaid(self, order_id: int, status: OrderStatus, note: str) -> None:
        with UnitOfWork(self._db, write=True) as uow:
            order = uow.session.scalar(select(OnlineOrder).where(OnlineOrder.id == order_id).with_for_update())
            assert order is not None
            now = self._clock()
            release_hold(uow.session, order.reservation_id, note[:200], now)
            _set_status(order, status, now, note)
            uow.commit()

    def _cancel_intent_quietly(self, intent_id: str | None) -> None:
        """Best effort: an intent left open cannot take money for stock we no longer hold without us
        noticing, because a late success is re-checked against the stock and refunded if it is gone."""
        if intent_id is None:
            return
        with contextlib.suppress(PaymentProviderError, PaymentUnavailable):
            self.gateway.cancel_intent(intent_id, idempotency_key=f"cancel-{intent_id}")

    def _orders_with_status(self, status: OrderStatus) -> list[int]:
        with UnitOfWork(self._db, write=False) as uow:
            return list(uow.session.scalars(select(OnlineOrder.id).where(OnlineOrder.status == status.value)))


def _parse_email(email: object) -> str:
    address = str(email or "").strip()
    if len(address) > 254 or not EMAIL_PATTERN.match(address):
        raise ValidationError(f"'{address}' is not an email address such as name@example.com.", field="email")
    return address


def _new_order(session: Session, hold: Hold, email: str, currency: str, now: datetime) -> OnlineOrder:
    rows = session.execute(
        select(
            Sku.id,
            Sku.code,
            ReservationLine.quantity,
            Product.price,
            Product.promo_price,
            Sku.price_override,
            Product.vat_rate,
        )
        .join(ReservationLine, ReservationLine.sku_id == Sku.id)
        .join(Product, Product.id == Sku.product_id)
        .where(ReservationLine.reservation_id == hold.id)
        .order_by(ReservationLine.id)
    ).all()
    order = OnlineOrder(
        reservation_id=hold.id,
        email=email,
        status=OrderStatus.AWAITING_PAYMENT.value,
        currency=currency,
        total=Decimal(0),
        created_at=now,
        updated_at=now,
    )
    for sku_id, _code, quantity, price, promo, override, vat_rate in rows:
        unit = rules.unit_price(price, promo, override)
        order.lines.append(OnlineOrderLine(sku_id=sku_id, quantity=quantity, unit_price=unit, vat_rate=vat_rate))
        order.total += unit * quantity
    session.add(order)
    session.flush()
    return order


def _apply_success(session: Session, order: OnlineOrder, now: datetime) -> tuple[str, int | None]:
    if order.status in (OrderStatus.PAID, OrderStatus.REFUNDED_OUT_OF_STOCK):
        return f"order already {order.status}", None
    if order.status == OrderStatus.REFUND_PENDING:
        return "refund pending", order.id
    try:
        # The number is taken inside the savepoint: if the stock is gone, it is given back (no gap).
        with session.begin_nested():
            number = f"{ORDER_SERIES}-{now.year}-{next_number(session, ORDER_SERIES, now.year):06d}"
            committed = commit_hold(session, order.reservation_id, number, now)
    except ReservationExpired as gone:
        missing = "; ".join(f"{s.sku}: {s.requested} paid for, {s.available} left" for s in gone.shortfalls)
        _set_status(
            order,
            OrderStatus.REFUND_PENDING,
            now,
            f"Paid after the hold ran out, and the items had been sold meanwhile ({missing}). "
            "The payment is refunded automatically; let the customer know.",
        )
        return "stock gone: refund pending", order.id
    order.number = number
    order.paid_at = now
    note = (
        "Paid after the hold ran out; the items were still in stock, so the order went through."
        if committed.retaken
        else None
    )
    _set_status(order, OrderStatus.PAID, now, note)
    return f"paid: order {number}", None


def _apply_failure(session: Session, order: OnlineOrder, intent: Intent, now: datetime) -> str:
    if order.status != OrderStatus.AWAITING_PAYMENT:
        return f"order already {order.status}"
    reason = intent.last_error or ("payment cancelled" if intent.status == "canceled" else "payment failed")
    release_hold(session, order.reservation_id, reason[:200], now)
    status = OrderStatus.CANCELLED if intent.status == "canceled" else OrderStatus.PAYMENT_FAILED
    _set_status(order, status, now, reason)
    return "payment failed: stock released" if status is OrderStatus.PAYMENT_FAILED else "payment cancelled"


def _set_status(order: OnlineOrder, status: OrderStatus, now: datetime, note: str | None) -> None:
    order.status = status.value
    order.updated_at = now
    order.note = note[:500] if note else None


def _order_by_reservation(session: Session, reservation_id: str) -> OnlineOrder:
    order = session.scalar(
        select(OnlineOrder).where(OnlineOrder.reservation_id == str(reservation_id)).with_for_update()
    )
    if order is None:
        raise NotFound(f"No online order for reservation '{reservation_id}'.")
    return order


def _order(session: Session, row: OnlineOrder) -> Order:
    names = dict(
        session.execute(
            select(Sku.id, Product.name)
            .join(Product, Product.id == Sku.product_id)
            .where(Sku.id.in_([line.sku_id for line in row.lines]))
        ).all()
    )
    codes = dict(session.execute(select(Sku.id, Sku.code).where(Sku.id.in_([line.sku_id for line in row.lines]))).all())
    return Order(
        id=row.id,
        number=row.number,
        status=OrderStatus(row.status),
        email=row.email,
        total=currency(row.currency).round(row.total),
        currency=row.currency,
        reservation_id=row.reservation_id,
        payment_intent_id=row.payment_intent_id,
        created_at=row.created_at,
        paid_at=row.paid_at,
        refund_id=row.refund_id,
        note=row.note,
        lines=tuple(
            OrderLine(codes[line.sku_id], names[line.sku_id], line.quantity, line.unit_price, line.vat_rate)
            for line in row.lines
        ),
    )
