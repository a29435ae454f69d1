"""The one place where stock rows are locked before they are checked and changed.

PostgreSQL: SELECT ... FOR UPDATE on the stock rows, always in primary-key order, so that two
transactions locking overlapping SKUs cannot deadlock. SQLite: the write transaction already holds
the database's write lock (BEGIN IMMEDIATE, see engine.py), and FOR UPDATE is a no-op there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.db.models import ReservationLine, StockLevelRow
from pos_app.db.stock_queries import holds_counting_at


def lock_stock(session: Session, sku_ids: Iterable[int]) -> dict[int, int]:
    """Lock the stock rows of `sku_ids` in id order; return {sku_id: on_hand} as of the lock."""
    ordered = sorted(set(sku_ids))
    if not ordered:
        return {}
    rows = session.execute(
        select(StockLevelRow.sku_id, StockLevelRow.on_hand)
        .where(StockLevelRow.sku_id.in_(ordered))
        .order_by(StockLevelRow.sku_id)
        .with_for_update()
    ).all()
    return {sku_id: on_hand for sku_id, on_hand in rows}


def lock_stock_and_holds(session: Session, sku_ids: Iterable[int], now: datetime) -> dict[int, tuple[int, int]]:
    """Lock the stock rows in id order and read, in the same statement, the units held for each SKU by
    active holds that have not expired at `now`: {sku_id: (on_hand, reserved)}.

    Holds are only ever added or committed by transactions that lock these rows first, so the figure
    cannot grow until this transaction ends; a release or an expiry meanwhile only frees units.
    """
    ordered = sorted(set(sku_ids))
    if not ordered:
        return {}
    held = (
        select(func.coalesce(func.sum(ReservationLine.quantity), 0))
        .where(ReservationLine.sku_id == StockLevelRow.sku_id, holds_counting_at(now))
        .scalar_subquery()
    )
    rows = session.execute(
        select(StockLevelRow.sku_id, StockLevelRow.on_hand, held)
        .where(StockLevelRow.sku_id.in_(ordered))
        .order_by(StockLevelRow.sku_id)
        .with_for_update(of=StockLevelRow)
    ).all()
    return {sku_id: (on_hand, int(reserved)) for sku_id, on_hand, reserved in rows}
