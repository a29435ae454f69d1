"""Stock locks: a change that had to wait for a stock row sees what the transaction it waited for did."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import insert, select, text

from pos_app.db.locks import lock_stock
from pos_app.db.models import Reservation, ReservationLine, Sku
from pos_app.errors import InsufficientStock
from pos_app.services import Services
from tests.services.helpers import make_product

WAIT_SECONDS = 20


def _wait_until_blocked(svc: Services, pending: Future[object]) -> None:
    """Return once `pending` waits for a lock. PostgreSQL shows it in pg_locks; SQLite shows nothing, so
    give the waiting writer a moment to reach its BEGIN IMMEDIATE."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert not pending.done(), "the change did not wait for the lock"
        if svc.db.dialect != "postgresql":
            time.sleep(0.3)
            return
        with svc.db.read_engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar_one():
                return
        time.sleep(0.02)
    raise AssertionError("the change never started waiting for the stock row")


def test_a_removal_that_waited_for_the_stock_row_counts_the_holds_committed_meanwhile(services, stock_manager, clock):
    make_product(services, stock_manager, sku="HOT", name="Hot item")
    services.inventory.receive(stock_manager, "HOT", 3)
    holder = services.db.write_session()
    sku_id = holder.scalar(select(Sku.id).where(Sku.code == "HOT"))
    lock_stock(holder, [sku_id])
    hold_id = str(uuid.uuid4())
    holder.execute(
        insert(Reservation).values(
            id=hold_id, status="active", created_at=clock.now, expires_at=clock.now + timedelta(minutes=15)
        )
    )
    holder.execute(insert(ReservationLine).values(reservation_id=hold_id, sku_id=sku_id, quantity=3))

    with ThreadPoolExecutor(max_workers=1) as pool:
        removal = pool.submit(services.inventory.adjust, stock_manager, "HOT", -1, "loss", "Dropped")
        _wait_until_blocked(services, removal)
        holder.commit()
        holder.close()
        with pytest.raises(InsufficientStock):
            removal.result(timeout=WAIT_SECONDS)

    level = services.inventory.level("HOT")
    assert (level.on_hand, level.reserved, level.available) == (3, 3, 0)
