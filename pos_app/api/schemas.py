"""Request and response bodies of the HTTP API. Amounts travel as decimal strings in the shop's currency
("19.90" EUR, "1500" XOF), never as JSON numbers: a float cannot hold a price exactly."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from pos_app.domain.money import currency
from pos_app.domain.stock import MAX_QUANTITY
from pos_app.errors import Shortfall
from pos_app.services.inventory import SkuRow
from pos_app.services.payments import CheckoutResult, EventOutcome, Order, OrderStatus
from pos_app.services.reservations import MAX_LINES, Hold, HoldStats, HoldStatus

# Printable text without spaces: what a SKU code is, and what no database column should receive (NUL...).
NO_SPACES_OR_CONTROLS = r"^[^\s\x00-\x1f\x7f-\x9f]+$"

SkuCode = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=NO_SPACES_OR_CONTROLS)]
Quantity = Annotated[int, Field(strict=True, ge=1, le=MAX_QUANTITY, description="Whole units, 1 to 1,000,000.")]
EmailAddress = Annotated[
    str,
    StringConstraints(min_length=3, max_length=254, pattern=NO_SPACES_OR_CONTROLS),
    Field(description="The customer's address, for Stripe's receipt.", examples=["client@example.com"]),
]
MoneyText = Annotated[str, Field(description="A decimal amount in the shop's currency.", examples=["19.90"])]


def money_text(amount: Decimal, currency_code: str) -> str:
    """'19.90' for EUR, '1500' for XOF: rounded to the currency's minor unit, never in exponent form."""
    return format(currency(currency_code).round(amount), "f")


# ----- errors ----------------------------------------------------------------------------------


class ErrorBody(BaseModel):
    error: str = Field(description="A stable code for programs, such as not_found or payment_unavailable.")
    message: str = Field(description="What went wrong and what to do, for a person.")


class FieldProblem(BaseModel):
    field: str = Field(description="Where in the request, such as lines[0].quantity.")
    problem: str


class InvalidRequestBody(ErrorBody):
    error: Literal["invalid_request"] = "invalid_request"
    details: list[FieldProblem] = Field(default_factory=list)


class ShortLine(BaseModel):
    sku: str
    requested: int
    available: int

    @classmethod
    def of(cls, shortfall: Shortfall) -> ShortLine:
        return cls(sku=shortfall.sku, requested=shortfall.requested, available=shortfall.available)


class InsufficientStockBody(ErrorBody):
    error: Literal["insufficient_stock"] = "insufficient_stock"
    details: list[ShortLine] = Field(description="Every line that cannot be served, with what is available now.")


# ----- health and catalogue --------------------------------------------------------------------


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    message: str | None = None


class ProductOut(BaseModel):
    sku: str
    name: str
    variant: str = Field(description="Size and properties, such as 'M / Red'; empty for a product without variants.")
    price: MoneyText
    currency: str
    on_hand: int
    reserved: int = Field(description="Units held by online checkouts that are still running.")
    available: int = Field(description="What can be ordered now: on hand minus reserved.")
    for_sale: bool = Field(description="False when the product or variant was withdrawn from sale.")

    @classmethod
    def of(cls, row: SkuRow, currency_code: str) -> ProductOut:
        return cls(
            sku=row.sku,
            name=row.name,
            variant=row.variant,
            price=money_text(row.unit_price, currency_code),
            currency=currency_code,
            on_hand=row.on_hand,
            reserved=row.reserved,
            available=row.available,
            for_sale=row.active,
        )


# ----- checkout and orders ---------------------------------------------------------------------


class CheckoutLine(BaseModel):
    sku: SkuCode
    quantity: Quantity


class CheckoutRequest(BaseModel):
    lines: list[CheckoutLine] = Field(min_length=1, max_length=MAX_LINES)
    email: EmailAddress


class CheckoutResponse(BaseModel):
    reservation_id: str = Field(description="Identifies the order on this API: cancel with it.")
    order_id: int
    payment_intent_id: str
    client_secret: str | None = Field(description="For Stripe.js in the customer's browser.")
    amount: MoneyText
    currency: str
    expires_at: datetime = Field(description="The stock is held until then (ISO 8601, UTC).")

    @classmethod
    def of(cls, result: CheckoutResult) -> CheckoutResponse:
        return cls(
            reservation_id=result.reservation_id,
            order_id=result.order_id,
            payment_intent_id=result.payment_intent_id,
            client_secret=result.client_secret,
            amount=money_text(result.amount, result.currency),
            currency=result.currency,
            expires_at=result.expires_at,
        )


class OrderLineOut(BaseModel):
    sku: str
    name: str
    quantity: int
    unit_price: MoneyText


class OrderOut(BaseModel):
    order_id: int
    number: str | None = Field(description="Given once paid, such as WEB-2026-000042.")
    status: OrderStatus
    reservation_id: str
    payment_intent_id: str | None
    total: MoneyText
    currency: str
    created_at: datetime
    paid_at: datetime | None
    note: str | None
    lines: list[OrderLineOut]

    @classmethod
    def of(cls, order: Order) -> OrderOut:
        return cls(
            order_id=order.id,
            number=order.number,
            status=order.status,
            reservation_id=order.reservation_id,
            payment_intent_id=order.payment_intent_id,
            total=money_text(order.total, order.currency),
            currency=order.currency,
            created_at=order.created_at,
            paid_at=order.paid_at,
            note=order.note,
            lines=[
                OrderLineOut(
                    sku=line.sku,
                    name=line.name,
                    quantity=line.quantity,
                    unit_price=money_text(line.unit_price, order.currency),
                )
                for line in order.lines
            ],
        )


class WebhookReceipt(BaseModel):
    received: Literal[True] = True
    event_id: str
    duplicate: bool = Field(description="True when this event had been applied before: nothing changed.")
    outcome: str

    @classmethod
    def of(cls, outcome: EventOutcome) -> WebhookReceipt:
        return cls(event_id=outcome.event_id, duplicate=outcome.duplicate, outcome=outcome.outcome)


# ----- admin -----------------------------------------------------------------------------------


class CleanupResult(BaseModel):
    released: int = Field(description="Holds whose time had run out, now released; their payments are cancelled.")


class HoldLine(BaseModel):
    sku: str
    quantity: int


class HoldOut(BaseModel):
    reservation_id: str
    status: HoldStatus = Field(description="active (counting) or expired (no longer counting, not yet cleaned up).")
    reference: str | None = Field(description="The customer's email for web-shop checkouts.")
    created_at: datetime
    expires_at: datetime
    units: int
    lines: list[HoldLine]

    @classmethod
    def of(cls, hold: Hold) -> HoldOut:
        return cls(
            reservation_id=hold.id,
            status=hold.status,
            reference=hold.reference,
            created_at=hold.created_at,
            expires_at=hold.expires_at,
            units=hold.units,
            lines=[HoldLine(sku=sku, quantity=quantity) for sku, quantity in hold.lines],
        )


class ReservationStatsOut(BaseModel):
    at: datetime
    active_holds: int = Field(description="Holds that still count against available stock.")
    units_held: int
    oldest_expiry: datetime | None = Field(
        description="Earliest expiry among holds not yet closed: in the past, cleanup is behind by that much."
    )
    expired_not_cleaned: int = Field(description="Holds that ran out (they no longer count) but were not cleaned up.")
    committed_last_24h: int = Field(description="Holds turned into sales (paid orders) over the last 24 hours.")
    released_last_24h: int = Field(description="Holds released (cancelled, failed or expired) over the last 24 hours.")
    holds: list[HoldOut] = Field(description="Holds not yet closed, soonest expiry first.")

    @classmethod
    def of(cls, stats: HoldStats) -> ReservationStatsOut:
        return cls(
            at=stats.at,
            active_holds=stats.active_holds,
            units_held=stats.units_held,
            oldest_expiry=stats.oldest_expiry,
            expired_not_cleaned=stats.expired_not_cleaned,
            committed_last_24h=stats.committed_recently,
            released_last_24h=stats.released_recently,
            holds=[HoldOut.of(hold) for hold in stats.holds],
        )
