"""Two users creating the same thing at the same moment: the loser gets a Conflict, never a database error.

The race is made deterministic: a second connection creates the product and keeps its transaction open;
the service call starts meanwhile in a thread, and the blocker commits only once the service call is
waiting for it (on PostgreSQL, once it waits on a lock; on SQLite, once it queues for the write lock).
The service's own uniqueness check then runs before the winner's rows are visible (PostgreSQL), and the
unique index is what catches the clash.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from pos_app.db.engine import Database, connect
from pos_app.db.models import Category, Product
from pos_app.domain.roles import Actor
from pos_app.errors import Conflict
from pos_app.services import Services, open_services
from pos_app.services.stock_records import add_sku
from tests.conftest import PASSWORDS
from testsupport.invariants import check_stock_invariants

BLOCKED_TIMEOUT_S = 10
SQLITE_QUEUE_DELAY_S = 0.5


@contextmanager
def _services_and_actor(database_url: str) -> Iterator[tuple[Services, Actor]]:
    with open_services(database_url) as svc:
        yield svc, svc.auth.login("stock", PASSWORDS["stock"])


def _create_uncommitted(session: Session, sku: str, category: str | None = None) -> None:
    """What create_product writes, flushed but not committed: the other user's transaction in flight."""
    now = datetime.now(UTC)
    product = Product(
        name=f"Product {sku}",
        description="",
        price=Decimal("5.00"),
        vat_rate=Decimal("20"),
        created_at=now,
        updated_at=now,
        category=Category(name=category) if category else None,
    )
    session.add(product)
    variant = {"code": sku, "barcode": None, "size": None, "properties": {}, "low_stock_threshold": 0}
    add_sku(session, product, variant, None)
    session.flush()


def _wait_until_blocked(db: Database) -> None:
    """Return once another connection waits for the blocker's transaction."""
    if db.dialect != "postgresql":
        time.sleep(SQLITE_QUEUE_DELAY_S)
        return
    deadline = time.monotonic() + BLOCKED_TIMEOUT_S
    waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    while time.monotonic() < deadline:
        with db.read_engine.connect() as conn:
            if conn.execute(text(waiting)).scalar_one():
                return
        time.sleep(0.02)
    raise AssertionError("the service call never waited for the concurrent transaction")


def _race(database_url: str, blocker: Callable[[Session], None], contender: Callable[[], object]) -> Future[object]:
    """Run `contender` while `blocker`'s writes are in flight; commit them once it waits. Its outcome."""
    db = connect(database_url)
    try:
        with db.write_session() as session, ThreadPoolExecutor(max_workers=1) as pool:
            blocker(session)
            outcome = pool.submit(contender)
            _wait_until_blocked(db)
            session.commit()
            outcome.exception(timeout=BLOCKED_TIMEOUT_S * 3)
        return outcome
    finally:
        db.dispose()


def _sku_count(svc: Services, sku: str) -> int:
    return sum(1 for row in svc.inventory.stock_list(include_inactive=True) if row.sku == sku)


def test_creating_a_sku_another_user_is_saving_raises_conflict(database_url: str) -> None:
    with _services_and_actor(database_url) as (svc, actor):
        outcome = _race(
            database_url,
            lambda session: _create_uncommitted(session, "RACE-1"),
            lambda: svc.inventory.create_product(
                actor, sku="RACE-1", name="Same code", price=Decimal("5.00"), vat_rate=Decimal("20")
            ),
        )

        with pytest.raises(Conflict):
            outcome.result()
        assert _sku_count(svc, "RACE-1") == 1
    check_stock_invariants(database_url)


def test_new_category_another_user_is_creating_is_shared_or_refused_with_conflict(database_url: str) -> None:
    with _services_and_actor(database_url) as (svc, actor):
        outcome = _race(
            database_url,
            lambda session: _create_uncommitted(session, "RACE-A", category="Brand-new shelf"),
            lambda: svc.inventory.create_product(
                actor,
                sku="RACE-B",
                name="Other product",
                price=Decimal("5.00"),
                vat_rate=Decimal("20"),
                category="Brand-new shelf",
            ),
        )

        error = outcome.exception()
        assert error is None or isinstance(error, Conflict), f"{type(error).__name__}: {error}"
        assert svc.inventory.categories().count("Brand-new shelf") == 1
    check_stock_invariants(database_url)
