"""The web shop's bookings of time slots: list what is free, hold a seat while the customer pays, follow it.

The payment's outcome arrives through Stripe's webhook (app.py), which confirms the booking or frees the seat.
"""

# No `from __future__ import annotations`: FastAPI reads the handlers' annotations, which name local objects.
import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from pos_app.api.errors import error_response
from pos_app.api.schemas import EmailAddress, ErrorBody, InvalidRequestBody, MoneyText, money_text
from pos_app.domain.bookings import BookingStatus, SlotKind
from pos_app.errors import SlotFull
from pos_app.services import Services
from pos_app.services.bookings import Booking, BookingHold, Slot

LARGEST_ID = 2**31 - 1  # an INTEGER column on both databases

PersonName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f-\x9f]*$"),
    Field(description="Who comes, as the shop will greet them.", examples=["Ana Diallo"]),
]


class SlotOut(BaseModel):
    slot_id: int
    title: str
    kind: SlotKind
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int = Field(description="Seats nobody has booked or is paying for right now.")
    price: MoneyText
    currency: str

    @classmethod
    def of(cls, slot: Slot) -> "SlotOut":
        return cls(
            slot_id=slot.id,
            title=slot.title,
            kind=slot.kind,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            capacity=slot.capacity,
            free=slot.free,
            price=money_text(slot.price, slot.currency),
            currency=slot.currency,
        )


class BookingRequest(BaseModel):
    slot_id: Annotated[int, Field(strict=True, ge=1, le=LARGEST_ID)]
    email: EmailAddress
    name: PersonName


class BookingCreated(BaseModel):
    booking_id: str = Field(description="Identifies the booking on this API: follow or cancel it with it.")
    slot_id: int
    payment_intent_id: str
    client_secret: str | None = Field(description="For Stripe.js in the customer's browser.")
    amount: MoneyText
    currency: str
    expires_at: datetime = Field(description="The seat is held until then (ISO 8601, UTC): pay before.")

    @classmethod
    def of(cls, hold: BookingHold) -> "BookingCreated":
        return cls(
            booking_id=hold.booking_id,
            slot_id=hold.slot_id,
            payment_intent_id=hold.payment_intent_id,
            client_secret=hold.client_secret,
            amount=money_text(hold.amount, hold.currency),
            currency=hold.currency,
            expires_at=hold.expires_at,
        )


class BookingOut(BaseModel):
    booking_id: str
    number: str | None = Field(description="Given once paid, such as BK-2026-000042.")
    status: BookingStatus
    slot_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    amount: MoneyText
    currency: str
    expires_at: datetime | None = Field(description="While awaiting payment: when the seat is let go.")
    paid_at: datetime | None

    @classmethod
    def of(cls, booking: Booking) -> "BookingOut":
        return cls(
            booking_id=booking.id,
            number=booking.number,
            status=booking.status,
            slot_id=booking.slot_id,
            title=booking.title,
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
            amount=money_text(booking.price, booking.currency),
            currency=booking.currency,
            expires_at=booking.expires_at if booking.status is BookingStatus.AWAITING_PAYMENT else None,
            paid_at=booking.paid_at,
        )


class SlotFullBody(ErrorBody):
    error: Literal["slot_full"] = "slot_full"
    slot_id: int


INVALID = {422: {"model": InvalidRequestBody, "description": "The request is malformed; `details` names each field."}}
NOT_FOUND = {404: {"model": ErrorBody, "description": "Nothing has this identifier."}}


def include_bookings(app: FastAPI, services: Services) -> None:
    """Add the bookings endpoints to `app`, and the answer to a full slot."""
    app.add_exception_handler(SlotFull, _slot_full)
    router = APIRouter(prefix="/api", tags=["bookings"])

    @router.get("/slots", response_model=list[SlotOut], responses=INVALID)
    def slots(
        start: Annotated[AwareDatetime, Query(alias="from", description="ISO 8601 with its offset.")],
        end: Annotated[AwareDatetime, Query(alias="to", description="At most 92 days after `from`.")],
    ) -> list[SlotOut]:
        """The slots starting from `from` to before `to` that can be booked now (not started, at least one free
        seat), in time order."""
        return [SlotOut.of(slot) for slot in services.bookings.available_slots(start, end)]

    @router.post(
        "/bookings",
        status_code=201,
        response_model=BookingCreated,
        responses={
            **NOT_FOUND,
            409: {
                "model": SlotFullBody | ErrorBody,
                "description": "The slot is full (slot_full), or it has started or was withdrawn (conflict).",
            },
            **INVALID,
            503: {"model": ErrorBody, "description": "Stripe is unreachable or not configured."},
        },
    )
    def book(booking: BookingRequest) -> BookingCreated:
        """Hold one seat of the slot for the customer and open a Stripe payment for it.

        Pay with `client_secret` in Stripe.js before `expires_at`; the booking is confirmed (and emailed) when
        Stripe reports the payment. Nothing is held when the answer is not 201."""
        return BookingCreated.of(services.bookings.book(booking.slot_id, booking.email, booking.name))

    @router.get("/bookings/{booking_id}", response_model=BookingOut, responses={**NOT_FOUND, **INVALID})
    def booking(booking_id: uuid.UUID) -> BookingOut:
        """Where a booking stands: awaiting payment, confirmed (with its number), or why not."""
        return BookingOut.of(services.bookings.booking(str(booking_id)))

    @router.post(
        "/bookings/{booking_id}/cancel",
        response_model=BookingOut,
        responses={
            **NOT_FOUND,
            409: {"model": ErrorBody, "description": "The booking is paid: the shop cancels it, with a refund."},
            **INVALID,
        },
    )
    def cancel(booking_id: uuid.UUID) -> BookingOut:
        """The customer gave up before paying: let the seat go and cancel the payment. Twice is harmless."""
        return BookingOut.of(services.bookings.cancel_hold(str(booking_id)))

    app.include_router(router)


async def _slot_full(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, SlotFull)
    return error_response(409, SlotFullBody(message=str(error), slot_id=error.slot_id))
