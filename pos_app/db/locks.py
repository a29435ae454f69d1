"""The one place where stock rows are locked before they are checked and changed.

PostgreSQL: SELECT ... FOR UPDATE on the stock rows, always in primary-key order, so that two
transactions locking overlapping SKUs cannot deadlock. SQLite: the write transaction already holds
the database's write lock (BEGIN IMMEDIATE, see engine.py), and FOR UPDATE is a no-op there.

The units held by online holds are always read by a second statement, after the lock: on PostgreSQL a
statement that waited for a row lock still reads with the snapshot it took before waiting, so holds
committed by the transaction it waited for would be missed if they were summed in the locking statement.
The second statement takes a fresh snapshot. Holds are only added or committed by transactions that lock
these rows first, so the figure cannot grow until this transaction ends; a release or an expiry meanwhile
only frees units.

The statements are built once, on the tables, with bind parameters: building a statement and computing
its cache key cost more CPU than running it (see docs/PERFORMANCE.md), and Core statements skip the ORM's
compile and result machinery.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.models import Sku, StockLevelRow
from pos_app.db.stock_queries import reserved_by_sku, reserved_of

_LEVELS = StockLevelRow.__table__
_SKUS = Sku.__table__
_LOCK_BY_ID = (
    select(_LEVELS.c.sku_id, _LEVELS.c.on_hand)
    .where(_LEVELS.c.sku_id.in_(bindparam("sku_ids", expanding=True)))
    .order_by(_LEVELS.c.sku_id)
    .with_for_update()
)
_LOCK_BY_CODE = (
    select(_LEVELS.c.sku_id, _LEVELS.c.on_hand, _SKUS.c.low_stock_threshold)
    .join(_SKUS, _SKUS.c.id == _LEVELS.c.sku_id)
    .where(_SKUS.c.code == bindparam("code"))
    .with_for_update(of=_LEVELS)
)


@dataclass(frozen=True)
class LockedStock:
    """One SKU's stock row, locked: on hand as of the lock, units held by holds counting now."""

    sku_id: int
    on_hand: int
    reserved: int
    low_stock_threshold: int


def lock_stock(session: Session, sku_ids: Iterable[int]) -> dict[int, int]:
    """Lock the stock rows of `sku_ids` in id order; return {sku_id: on_hand} as of the lock."""
    ordered = sorted(set(sku_ids))
    if not ordered:
        return {}
    return {sku_id: on_hand for sku_id, on_hand in core(session).execute(_LOCK_BY_ID, {"sku_ids": ordered})}


def lock_stock_and_holds(session: Session, sku_ids: Iterable[int], now: datetime) -> dict[int, tuple[int, int]]:
    """Lock the stock rows in id order, then read the units held for each SKU by active holds that have
    not expired at `now`: {sku_id: (on_hand, reserved)}. Two statements on purpose (see above)."""
    on_hand = lock_stock(session, sku_ids)
    reserved = reserved_by_sku(session, on_hand, now)
    return {sku_id: (units, reserved.get(sku_id, 0)) for sku_id, units in on_hand.items()}


def lock_stock_of(session: Session, code: str, now: datetime) -> LockedStock | None:
    """Find the SKU with this code and lock its stock row in one statement, then read its holds counting
    at `now` in a second one (see above). None when no SKU has the code."""
    found = core(session).execute(_LOCK_BY_CODE, {"code": code}).first()
    if found is None:
        return None
    sku_id, on_hand, threshold = found
    reserved = reserved_of(session, sku_id, now)
    return LockedStock(sku_id=sku_id, on_hand=on_hand, reserved=reserved, low_stock_threshold=threshold)
