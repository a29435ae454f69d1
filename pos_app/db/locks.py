"""The one place where stock rows are locked before they are checked and changed.

PostgreSQL: SELECT ... FOR UPDATE on the stock rows, always in primary-key order, so that two
transactions locking overlapping SKUs cannot deadlock. SQLite: the write transaction already holds
the database's write lock (BEGIN IMMEDIATE, see engine.py), and FOR UPDATE is a no-op there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.db.models import StockLevelRow
from pos_app.db.stock_queries import reserved_by_sku


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
    """Lock the stock rows in id order, then read the units held for each SKU by active holds that have
    not expired at `now`: {sku_id: (on_hand, reserved)}.

    Two statements on purpose: on PostgreSQL a statement that waited for a lock still reads with the
    snapshot it took before waiting, so holds committed by the transaction it waited for would be missed
    if they were summed in the locking statement. The second statement takes a fresh snapshot.
    Holds are only added or committed by transactions that lock these rows first, so the figure cannot
    grow until this transaction ends; a release or an expiry meanwhile only frees units.
    """
    on_hand = lock_stock(session, sku_ids)
    reserved = reserved_by_sku(session, on_hand, now)
    return {sku_id: (units, reserved.get(sku_id, 0)) for sku_id, units in on_hand.items()}
