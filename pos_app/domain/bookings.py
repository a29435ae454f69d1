"""Bookable time: slots with a number of seats, the states of a booking, and the weekly template."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from pos_app.errors import ValidationError

MAX_CAPACITY = 1000
MAX_DURATION = timedelta(days=7)
MAX_TEMPLATE_DAYS = 366
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class SlotKind(StrEnum):
    APPOINTMENT = "appointment"
    FITTING = "fitting"
    REPAIR = "repair"
    WORKSHOP = "workshop"
    PICKUP = "pickup"


class BookingStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"  # holds a seat until the hold runs out
    CONFIRMED = "confirmed"
    PAYMENT_FAILED = "payment_failed"
    CANCELLED = "cancelled"  # by the customer, or their payment was cancelled
    EXPIRED = "expired"
    REFUND_PENDING = "refund_pending"  # paid after the seat was gone: the refund is on its way
    REFUNDED_SEAT_GONE = "refunded_seat_gone"
    CANCELLED_BY_SHOP = "cancelled_by_shop"

    @property
    def holds_seat(self) -> bool:
        return self in SEAT_HOLDING

    @property
    def was_paid(self) -> bool:
        return self in (BookingStatus.CONFIRMED, BookingStatus.REFUND_PENDING, BookingStatus.REFUNDED_SEAT_GONE)


SEAT_HOLDING = frozenset({BookingStatus.AWAITING_PAYMENT, BookingStatus.CONFIRMED})


class Channel(StrEnum):
    ONLINE = "online"
    COUNTER = "counter"


def parse_kind(value: object) -> SlotKind:
    try:
        return SlotKind(str(value))
    except ValueError:
        kinds = ", ".join(kind.value for kind in SlotKind)
        raise ValidationError(f"Unknown kind of slot '{value}': use one of {kinds}.", field="kind") from None


def parse_capacity(value: object) -> int:
    """Seats of a slot: 1 for an appointment, more for a workshop."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CAPACITY:
        raise ValidationError(
            f"A slot has 1 to {MAX_CAPACITY} seats (got {value!r}): 1 for an appointment, more for a workshop.",
            field="capacity",
        )
    return value


def check_period(starts_at: object, ends_at: object) -> tuple[datetime, datetime]:
    """An aware start before an aware end, at most MAX_DURATION apart."""
    for value, field in ((starts_at, "starts_at"), (ends_at, "ends_at")):
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise ValidationError(f"{field} must be a date and time with its time zone (got {value!r}).", field=field)
    assert isinstance(starts_at, datetime) and isinstance(ends_at, datetime)
    if ends_at <= starts_at:
        raise ValidationError(
            f"The slot ends ({ends_at:%Y-%m-%d %H:%M}) before it starts ({starts_at:%Y-%m-%d %H:%M}): "
            "the end must come after the start.",
            field="ends_at",
        )
    if ends_at - starts_at > MAX_DURATION:
        raise ValidationError(f"A slot lasts at most {MAX_DURATION.days} days.", field="ends_at")
    return starts_at, ends_at


@dataclass(frozen=True)
class WeeklyTemplate:
    """Slots that come back every week: on `weekday` (0 Monday .. 6 Sunday) at `at`, local time of `zone`
    (None: this machine's time zone)."""

    weekday: int
    at: time
    duration: timedelta
    capacity: int
    zone: tzinfo | None = None

    def __post_init__(self) -> None:
        if isinstance(self.weekday, bool) or not isinstance(self.weekday, int) or not 0 <= self.weekday <= 6:
            raise ValidationError(f"The weekday is 0 (Monday) to 6 (Sunday) (got {self.weekday!r}).", field="weekday")
        if not isinstance(self.at, time) or self.at.tzinfo is not None:
            raise ValidationError(f"The start time is a local time of day such as 09:30 (got {self.at!r}).", field="at")
        if not isinstance(self.duration, timedelta) or not timedelta(0) < self.duration <= MAX_DURATION:
            raise ValidationError(
                f"A slot lasts more than nothing and at most {MAX_DURATION.days} days (got {self.duration!r}).",
                field="duration",
            )
        parse_capacity(self.capacity)

    def starts(self, first_day: date, last_day: date) -> list[datetime]:
        """The start of every slot from `first_day` to `last_day` included, as aware datetimes.

        A start that does not exist locally (skipped by a change to summer time) moves forward by the gap,
        as a wall clock does."""
        if not isinstance(first_day, date) or not isinstance(last_day, date):
            raise ValidationError("The template runs between two dates.", field="first_day")
        if last_day < first_day:
            raise ValidationError(f"The last day ({last_day}) comes before the first ({first_day}).", field="last_day")
        if (last_day - first_day).days >= MAX_TEMPLATE_DAYS:
            raise ValidationError(f"A template covers at most {MAX_TEMPLATE_DAYS} days at once.", field="last_day")
        day = first_day + timedelta(days=(self.weekday - first_day.weekday()) % 7)
        starts = []
        while day <= last_day:
            starts.append(_wall_clock(datetime.combine(day, self.at), self.zone))
            day += timedelta(weeks=1)
        return starts


def _wall_clock(local: datetime, zone: tzinfo | None) -> datetime:
    if zone is None:
        return local.astimezone()  # a naive datetime is read as this machine's local time, summer time included
    aware = local.replace(tzinfo=zone)
    # Through UTC: astimezone() to the same zone would return the datetime unchanged.
    normalized = aware.astimezone(UTC).astimezone(zone)
    return normalized if normalized.replace(tzinfo=None) != local else aware


def first_free_seat(taken: Iterable[int], capacity: int) -> int | None:
    """The lowest seat number from 1 to `capacity` that is not taken, or None when the slot is full."""
    used = set(taken)
    return next((seat for seat in range(1, capacity + 1) if seat not in used), None)
