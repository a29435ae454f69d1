"""Read queries over stock that several services share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, Subquery, bindparam, exists, func, select
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.models import Reservation, ReservationLine

# The tables, not the mapped classes: statements built on them run as plain Core statements, without the
# ORM's compile and result machinery (see locks.py).
_LINES = ReservationLine.__table__
_RESERVATIONS = Reservation.__table__


def active_holds(now: datetime | ColumnElement[datetime]) -> Subquery:
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


def holds_counting_at(now: datetime | ColumnElement[datetime]) -> ColumnElement[bool]:
    """For a reservation line: its hold is active and not expired at `now` (a time, or a bind parameter
    in a statement built once).

    Written as EXISTS so that databases read the lines of one SKU through its index and look each hold
    up by key; a join lets SQLite walk every active hold of the shop for each SKU instead.
    """
    return exists().where(
        _RESERVATIONS.c.id == _LINES.c.reservation_id,
        _RESERVATIONS.c.status == "active",
        _RESERVATIONS.c.expires_at > now,
    )


def units_held_by_sku(sku_id: ColumnElement[int], now: datetime | ColumnElement[datetime]) -> ColumnElement[int]:
    """Units held on the SKU `sku_id` (a column of the enclosing query) by holds counting at `now`: a
    correlated subquery reading that SKU's own lines, for queries that return one or a few SKUs."""
    return (
        select(func.coalesce(func.sum(_LINES.c.quantity), 0))
        .where(_LINES.c.sku_id == sku_id, holds_counting_at(now))
        .scalar_subquery()
    )


# Built once: building a statement and computing its cache key cost more CPU than running it.
_RESERVED_BY_SKU = (
    select(_LINES.c.sku_id, func.sum(_LINES.c.quantity))
    .where(_LINES.c.sku_id.in_(bindparam("sku_ids", expanding=True)), holds_counting_at(bindparam("now")))
    .group_by(_LINES.c.sku_id)
)

_RESERVED_OF_ONE = select(func.coalesce(func.sum(_LINES.c.quantity), 0)).where(
    _LINES.c.sku_id == bindparam("sku_id"), holds_counting_at(bindparam("now"))
)


def reserved_of(session: Session, sku_id: int, now: datetime) -> int:
    """Units of one SKU held by holds counting at `now` (no list of ids to expand: the statement is final)."""
    return int(core(session).execute(_RESERVED_OF_ONE, {"sku_id": sku_id, "now": now}).scalar_one())


def reserved_by_sku(session: Session, sku_ids: Iterable[int], now: datetime) -> dict[int, int]:
    """{sku_id: units held by holds counting at `now`}; SKUs without such holds are left out."""
    ids = list(set(sku_ids))
    if not ids:
        return {}
    rows = core(session).execute(_RESERVED_BY_SKU, {"sku_ids": ids, "now": now})
    return {sku_id: int(total) for sku_id, total in rows}
