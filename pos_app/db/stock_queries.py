"""Read queries over stock that several services share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, Select, Subquery, exists, func, select
from sqlalchemy.orm import Session

from pos_app.db.models import Reservation, ReservationLine


def active_holds(now: datetime) -> Subquery:
    """Units held per SKU by reservations that are active and not yet expired at `now`.

    Expiry is read from the clock, not from a cleanup job: a hold stops counting the moment it expires.
    """
    return (
        select(ReservationLine.sku_id, func.sum(ReservationLine.quantity).label("reserved"))
        .join(Reservation, Reservation.id == ReservationLine.reservation_id)
        .where(Reservation.status == "active", Reservation.expires_at > now)
        .group_by(ReservationLine.sku_id)
        .subquery("holds")
    )


def holds_counting_at(now: datetime) -> ColumnElement[bool]:
    """For a reservation line: its hold is active and not expired at `now`.

    Written as EXISTS so that databases read the lines of one SKU through its index and look each hold
    up by key; a join lets SQLite walk every active hold of the shop for each SKU instead.
    """
    return exists().where(
        Reservation.id == ReservationLine.reservation_id,
        Reservation.status == "active",
        Reservation.expires_at > now,
    )


def reserved_by_sku(session: Session, sku_ids: Iterable[int], now: datetime) -> dict[int, int]:
    ids = list(set(sku_ids))
    if not ids:
        return {}
    query: Select[tuple[int, int]] = (
        select(ReservationLine.sku_id, func.sum(ReservationLine.quantity))
        .where(ReservationLine.sku_id.in_(ids), holds_counting_at(now))
        .group_by(ReservationLine.sku_id)
    )
    return {sku_id: int(total) for sku_id, total in session.execute(query)}
