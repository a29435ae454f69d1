"""The one place where stock rows are locked before they are checked and changed.

PostgreSQL: SELECT ... FOR UPDATE on the stock rows, always in primary-key order, so that two
transactions locking overlapping SKUs cannot deadlock. SQLite: the write transaction already holds
the database's write lock (BEGIN IMMEDIATE, see engine.py), and FOR UPDATE is a no-op there.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.db.models import StockLevelRow


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
