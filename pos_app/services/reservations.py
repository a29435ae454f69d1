"""Holds on stock for online orders: reserve while the customer pays, then commit or release."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.orm import Session

from pos_app import config
from pos_app.db.engine import Database
from pos_app.db.locks import lock_stock_and_holds
from pos_app.db.models import Product, Reservation, ReservationLine, Sku
from pos_app.domain.stock import MovementKind, parse_quantity
from pos_app.domain.text import clean_text
from pos_app.errors import Conflict, InsufficientStock, NotFound, ReservationExpired, Shortfall, ValidationError
from pos_app.services.settings import read_reservation_minutes
from pos_app.services.stock_records import write_movement
from pos_app.services.unit_of_work import Clock, UnitOfWork

MAX_LINES = 100
MAX_TTL_MINUTES = config.MAX_RESERVATION_MINUTES
EXPIRED_REASON = "expired"
ONLINE_SALE_REASON = "Online order"


class HoldStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"  # still 'active' in the table, but past expires_at: it no longer counts
    RELEASED = "released"
    COMMITTED = "committed"


@dataclass(frozen=True)
class Hold:
    id: str
    status: HoldStatus
    reference: str | None
    created_at: datetime
    expires_at: datetime
    closed_at: datetime | None
    close_reason: str | None
    lines: tuple[tuple[str, int], ...]

    @property
    def units(self) -> int:
        return sum(quantity for _, quantity in self.lines)


@dataclass(frozen=True)
class HoldStats:
    """What a stock manager watches about online holds, read at `at`.

    `oldest_expiry` is the earliest `expires_at` among holds not yet closed: in the past, cleanup is behind
    by that much; in the future, it is when the next hold runs out.
    """

    at: datetime
    active_holds: int
    units_held: int
    oldest_expiry: datetime | None
    expired_not_cleaned: int
    committed_recently: int
    released_recently: int
    window: timedelta
    holds: tuple[Hold, ...]  # holds not yet closed (counting, or expired and not cleaned), soonest expiry first


@dataclass(frozen=True)
class Committed:
    """The hold turned into sale movements. `retaken` when its time had run out but the stock was there."""

    hold: Hold
    movement_ids: tuple[int, ...]
    retaken: bool
    already_committed: bool


class ReservationService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def reserve(
        self, lines: Sequence[tuple[str, int]], ttl_minutes: int | None = None, reference: str | None = None
    ) -> Hold:
        """Hold units of several SKUs for `ttl_minutes`, else POS_RESERVATION_MINUTES where set, else the shop's
        setting (15 minutes unless the admin changed it).

        All or nothing: raises InsufficientStock listing every short line, NotFound naming every unknown
        SKU, ValidationError for bad quantities; nothing is written then.
        """
        wanted = _merge_lines(lines)
        given = config.reservation_minutes_override() if ttl_minutes is None else ttl_minutes
        minutes = None if given is None else _parse_ttl(given)
        ref = clean_text(reference, "reference", max_length=100, required=False) or None
        with UnitOfWork(self._db, write=True) as uow:
            ids = _sellable_sku_ids(uow.session, list(wanted))
            now = self._clock()
            minutes = minutes or read_reservation_minutes(uow.session)
            levels = lock_stock_and_holds(uow.session, ids.values(), now)
            short = [
                Shortfall(sku, quantity, max(levels[ids[sku]][0] - levels[ids[sku]][1], 0))
                for sku, quantity in wanted.items()
                if levels[ids[sku]][0] - levels[ids[sku]][1] < quantity
            ]
            if short:
                raise InsufficientStock(short)
            hold = Hold(
                id=str(uuid.uuid4()),
                status=HoldStatus.ACTIVE,
                reference=ref,
                created_at=now,
                expires_at=now + timedelta(minutes=minutes),
                closed_at=None,
                close_reason=None,
                lines=tuple(wanted.items()),
            )
            uow.session.execute(
                insert(Reservation).values(
                    id=hold.id, status="active", reference=ref, created_at=now, expires_at=hold.expires_at
                )
            )
            uow.session.execute(
                insert(ReservationLine),
                [{"reservation_id": hold.id, "sku_id": ids[sku], "quantity": q} for sku, q in wanted.items()],
            )
            uow.commit()
            return hold

    def release(self, reservation_id: str, reason: str) -> Hold:
        """Free the held units. Releasing twice is harmless; a committed hold cannot be released (Conflict)."""
        why = clean_text(reason, "reason", max_length=200)
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            hold = release_hold(uow.session, reservation_id, why, now)
            uow.commit()
            return _hold(uow.session, hold, now)

    def commit(self, reservation_id: str, reference: str) -> Committed:
        """Turn the hold into `sale` movements referencing the order.

        A hold whose time ran out (or that was released) is re-taken when every line is still available;
        otherwise raises ReservationExpired and writes nothing. Committing twice returns the first result.
        """
        ref = clean_text(reference, "reference", max_length=100)
        with UnitOfWork(self._db, write=True) as uow:
            result = commit_hold(uow.session, reservation_id, ref, self._clock())
            uow.commit()
            return result

    def expire_due(self) -> int:
        """Mark holds whose time ran out as released. They stopped counting already; this only tidies up.

        Safe to run from several processes at once: each hold is marked by exactly one of them.
        """
        return len(self.expire_due_ids())

    def expire_due_ids(self) -> list[str]:
        """Like expire_due, returning the ids it marked (for cancelling their payments afterwards)."""
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            result = uow.session.execute(
                update(Reservation)
                .where(Reservation.status == "active", Reservation.expires_at <= now)
                .values(status="released", closed_at=now, close_reason=EXPIRED_REASON)
                .returning(Reservation.id)
            )
            ids = list(result.scalars())
            uow.commit()
            return ids

    def get(self, reservation_id: str) -> Hold:
        with UnitOfWork(self._db, write=False) as uow:
            hold = uow.session.get(Reservation, str(reservation_id))
            if hold is None:
                raise NotFound(f"No reservation with id '{reservation_id}'.")
            return _hold(uow.session, hold, self._clock())

    def holds(self, *, status: HoldStatus | None = None, limit: int = 500) -> list[Hold]:
        """Holds, newest first; status EXPIRED means 'active' in the table but past its time."""
        now = self._clock()
        query = select(Reservation).order_by(Reservation.created_at.desc(), Reservation.id).limit(limit)
        if status is HoldStatus.ACTIVE:
            query = query.where(Reservation.status == "active", Reservation.expires_at > now)
        elif status is HoldStatus.EXPIRED:
            query = query.where(Reservation.status == "active", Reservation.expires_at <= now)
        elif status is not None:
            query = query.where(Reservation.status == status.value)
        with UnitOfWork(self._db, write=False) as uow:
            return [_hold(uow.session, h, now) for h in uow.session.scalars(query)]

    def count_active_units(self) -> tuple[int, int]:
        """(active holds, units they hold) right now."""
        now = self._clock()
        with UnitOfWork(self._db, write=False) as uow:
            row = uow.session.execute(
                select(func.count(func.distinct(Reservation.id)), func.coalesce(func.sum(ReservationLine.quantity), 0))
                .join(ReservationLine, ReservationLine.reservation_id == Reservation.id)
                .where(Reservation.status == "active", Reservation.expires_at > now)
            ).one()
            return int(row[0]), int(row[1])

    def stats(self, *, window: timedelta = timedelta(hours=24), limit: int = 500) -> HoldStats:
        """Counts of active, expired-but-not-cleaned, and recently committed / released holds, with the holds
        not yet closed (at most `limit`, soonest expiry first)."""
        now = self._clock()
        since = now - window
        open_holds = Reservation.status == "active"
        counting = and_(open_holds, Reservation.expires_at > now)
        with UnitOfWork(self._db, write=False) as uow:
            session = uow.session
            active, units = session.execute(
                select(func.count(func.distinct(Reservation.id)), func.coalesce(func.sum(ReservationLine.quantity), 0))
                .join(ReservationLine, ReservationLine.reservation_id == Reservation.id)
                .where(counting)
            ).one()
            oldest, expired = session.execute(
                select(
                    func.min(Reservation.expires_at),
                    func.count().filter(Reservation.expires_at <= now),
                ).where(open_holds)
            ).one()
            closed = dict(
                session.execute(
                    select(Reservation.status, func.count())
                    .where(Reservation.status.in_(("committed", "released")), Reservation.closed_at >= since)
                    .group_by(Reservation.status)
                ).all()
            )
            rows = session.scalars(
                select(Reservation).where(open_holds).order_by(Reservation.expires_at, Reservation.id).limit(limit)
            )
            holds = tuple(_hold(session, hold, now) for hold in rows)
        return HoldStats(
            at=now,
            active_holds=int(active),
            units_held=int(units),
            oldest_expiry=oldest,
            expired_not_cleaned=int(expired),
            committed_recently=int(closed.get("committed", 0)),
            released_recently=int(closed.get("released", 0)),
            window=window,
            holds=holds,
        )


def _merge_lines(lines: Sequence[tuple[str, int]]) -> dict[str, int]:
    if not isinstance(lines, Sequence) or isinstance(lines, str) or not lines:
        raise ValidationError("A reservation needs at least one line (SKU and quantity).", field="lines")
    if len(lines) > MAX_LINES:
        raise ValidationError(f"A reservation has at most {MAX_LINES} lines.", field="lines")
    merged: dict[str, int] = {}
    for line in lines:
        try:
            sku, quantity = line
        except (TypeError, ValueError):
            raise ValidationError(f"Each line is a SKU and a quantity (got {line!r}).", field="lines") from None
        code = clean_text(sku, "sku", max_length=64)
        merged[code] = merged.get(code, 0) + parse_quantity(quantity)
        parse_quantity(merged[code])
    return merged


def _parse_ttl(minutes: object) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_TTL_MINUTES:
        raise ValidationError(
            f"A hold lasts from 1 to {MAX_TTL_MINUTES} minutes (got {minutes!r}).", field="ttl_minutes"
        )
    return minutes


def _sellable_sku_ids(session: Session, codes: list[str]) -> dict[str, int]:
    rows = session.execute(
        select(Sku.code, Sku.id, Sku.active, Product.active)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.code.in_(codes))
    ).all()
    found = {code: (sku_id, sku_active and product_active) for code, sku_id, sku_active, product_active in rows}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise NotFound(f"Unknown SKU(s): {', '.join(unknown)}. Check the codes.")
    inactive = [c for c in codes if not found[c][1]]
    if inactive:
        raise ValidationError(f"No longer for sale: {', '.join(inactive)}.", field="lines")
    return {code: found[code][0] for code in codes}


def _locked_hold(session: Session, reservation_id: str) -> Reservation:
    hold = session.scalar(select(Reservation).where(Reservation.id == str(reservation_id)).with_for_update())
    if hold is None:
        raise NotFound(f"No reservation with id '{reservation_id}'.")
    return hold


def _lines(session: Session, reservation_id: str) -> list[tuple[int, str, int]]:
    rows = session.execute(
        select(ReservationLine.sku_id, Sku.code, ReservationLine.quantity)
        .join(Sku, Sku.id == ReservationLine.sku_id)
        .where(ReservationLine.reservation_id == str(reservation_id))
        .order_by(ReservationLine.sku_id)
    ).all()
    if not rows:
        raise NotFound(f"No reservation with id '{reservation_id}'.")
    return [(sku_id, code, quantity) for sku_id, code, quantity in rows]


def _check_still_available(
    hold: Reservation, lines: list[tuple[int, str, int]], levels: dict[int, tuple[int, int]]
) -> None:
    short = [
        Shortfall(code, quantity, max(levels[sku_id][0] - levels[sku_id][1], 0))
        for sku_id, code, quantity in lines
        if levels[sku_id][0] - levels[sku_id][1] < quantity
    ]
    if short:
        raise ReservationExpired(
            f"Reservation {hold.id} ran out at {hold.expires_at:%H:%M} UTC and its stock is gone: "
            + "; ".join(f"{s.sku}: {s.requested} needed, {s.available} available" for s in short)
            + ".",
            short,
        )


def _hold(session: Session, hold: Reservation, now: datetime) -> Hold:
    lines = session.execute(
        select(Sku.code, ReservationLine.quantity)
        .join(Sku, Sku.id == ReservationLine.sku_id)
        .where(ReservationLine.reservation_id == hold.id)
        .order_by(ReservationLine.id)
    ).all()
    status = HoldStatus(hold.status)
    if status is HoldStatus.ACTIVE and hold.expires_at <= now:
        status = HoldStatus.EXPIRED
    return Hold(
        id=hold.id,
        status=status,
        reference=hold.reference,
        created_at=hold.created_at,
        expires_at=hold.expires_at,
        closed_at=hold.closed_at,
        close_reason=hold.close_reason,
        lines=tuple((code, quantity) for code, quantity in lines),
    )


def commit_hold(session: Session, reservation_id: str, reference: str, now: datetime) -> Committed:
    """commit() inside the caller's transaction, so that an order can be marked paid in the same one."""
    lines = _lines(session, reservation_id)
    levels = lock_stock_and_holds(session, (sku_id for sku_id, _, _ in lines), now)
    on_hand = {sku_id: level[0] for sku_id, level in levels.items()}
    hold = _locked_hold(session, reservation_id)
    if hold.status == "committed":
        return Committed(_hold(session, hold, now), (), retaken=False, already_committed=True)
    counting = hold.status == "active" and hold.expires_at > now
    if not counting:
        _check_still_available(hold, lines, levels)
    movement_ids = tuple(
        write_movement(
            session, sku_id, on_hand[sku_id], -quantity, MovementKind.SALE, "Online order", reference, None, now
        )
        for sku_id, _, quantity in lines
    )
    hold.status = "committed"
    hold.closed_at = now
    hold.close_reason = reference
    session.flush()
    return Committed(_hold(session, hold, now), movement_ids, retaken=not counting, already_committed=False)


def release_hold(session: Session, reservation_id: str, reason: str, now: datetime) -> Reservation:
    """release() inside the caller's transaction. Raises Conflict for a committed hold."""
    hold = _locked_hold(session, reservation_id)
    if hold.status == "committed":
        raise Conflict(f"Reservation {hold.id} is already paid and cannot be released; refund the order.")
    if hold.status == "active":
        hold.status = "released"
        hold.closed_at = now
        hold.close_reason = reason
        session.flush()
    return hold
