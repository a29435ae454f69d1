"""The stock invariants of DESIGN.md, checked straight from the tables with plain SQL.

The check opens its own engine and reads everything in one snapshot, so it trusts none of the
application's code: a bug in a service or a query helper cannot hide itself from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

# Enough to find the culprit without flooding the report when a whole table is wrong.
MAX_REPORTED = 50


@dataclass(frozen=True)
class MovementRow:
    id: int
    quantity: int
    stock_before: int
    stock_after: int


@dataclass
class SkuLedger:
    """Everything the tables say about one SKU."""

    code: str
    on_hand: int | None = None
    movements: list[MovementRow] = field(default_factory=list)
    held: int = 0


def check_stock_invariants(database_url: str, now: datetime | None = None) -> None:
    """Assert every stock invariant for every SKU of the database at `database_url`.

    Per SKU: it has a stock_levels row; on_hand == sum(movement quantities); on_hand >= 0;
    available = on_hand - units held by reservations that are 'active' and expire after `now` is >= 0;
    each movement has stock_after == stock_before + quantity, and in id order the movements chain
    (the first starts from 0, each starts where the previous one ended).
    `now` defaults to the wall clock; pass the test clock's time when the services use a fake clock.
    Raises AssertionError listing every broken invariant, each naming its SKU.
    """
    at = _aware(now or datetime.now(UTC))
    ledgers = _read_ledgers(database_url, at)
    problems = [problem for ledger in ledgers for problem in _problems_of(ledger)]
    if problems:
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_REPORTED])
        more = f"\n  ... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
        raise AssertionError(f"{len(problems)} stock invariant(s) broken:\n{shown}{more}")


def _problems_of(ledger: SkuLedger) -> list[str]:
    name = f"SKU '{ledger.code}'"
    if ledger.on_hand is None:
        return [f"{name} has no stock_levels row", *_chain_problems(name, ledger.movements)]
    problems = []
    total = sum(m.quantity for m in ledger.movements)
    if ledger.on_hand != total:
        problems.append(
            f"{name}: on_hand is {ledger.on_hand} but its {len(ledger.movements)} movement(s) sum to {total}"
        )
    if ledger.on_hand < 0:
        problems.append(f"{name}: on_hand is negative ({ledger.on_hand})")
    available = ledger.on_hand - ledger.held
    if available < 0:
        problems.append(
            f"{name}: available is negative ({available}): on_hand {ledger.on_hand}, "
            f"{ledger.held} held by active unexpired reservations"
        )
    return problems + _chain_problems(name, ledger.movements)


def _chain_problems(name: str, movements: Iterable[MovementRow]) -> list[str]:
    problems = []
    previous_after = 0
    previous_id: int | None = None
    for m in movements:
        if m.stock_after != m.stock_before + m.quantity:
            problems.append(
                f"{name}: movement {m.id} has stock_after {m.stock_after} != "
                f"stock_before {m.stock_before} + quantity {m.quantity}"
            )
        if m.stock_before != previous_after:
            after_what = "the start (0)" if previous_id is None else f"movement {previous_id}'s stock_after"
            problems.append(
                f"{name}: movement {m.id} starts from stock_before {m.stock_before}, "
                f"but {after_what} is {previous_after}"
            )
        previous_after, previous_id = m.stock_after, m.id
    return problems


def _read_ledgers(database_url: str, now: datetime) -> list[SkuLedger]:
    engine = _snapshot_engine(database_url)
    try:
        with engine.begin() as conn:
            return _ledgers(conn, now)
    finally:
        engine.dispose()


def _ledgers(conn: Connection, now: datetime) -> list[SkuLedger]:
    by_id = {sku_id: SkuLedger(code) for sku_id, code in conn.execute(text("SELECT id, code FROM skus ORDER BY id"))}
    for sku_id, on_hand in conn.execute(text("SELECT sku_id, on_hand FROM stock_levels")):
        _ledger(by_id, sku_id).on_hand = on_hand
    movements = conn.execute(
        text("SELECT sku_id, id, quantity, stock_before, stock_after FROM stock_movements ORDER BY sku_id, id")
    )
    for sku_id, *values in movements:
        _ledger(by_id, sku_id).movements.append(MovementRow(*values))
    for sku_id, held in _held_by_sku(conn, now).items():
        _ledger(by_id, sku_id).held = held
    return list(by_id.values())


def _ledger(by_id: dict[int, SkuLedger], sku_id: int) -> SkuLedger:
    """The SKU's ledger; a row that points at no SKU still gets reported rather than skipped."""
    if sku_id not in by_id:
        by_id[sku_id] = SkuLedger(f"<missing sku id {sku_id}>")
    return by_id[sku_id]


def _held_by_sku(conn: Connection, now: datetime) -> dict[int, int]:
    """Units held per SKU by active reservations that expire after `now`.

    Expiry is compared in Python: SQLite stores the datetimes as text, PostgreSQL as timestamptz.
    """
    rows = conn.execute(
        text(
            "SELECT l.sku_id, l.quantity, r.expires_at FROM reservation_lines l "
            "JOIN reservations r ON r.id = l.reservation_id WHERE r.status = 'active'"
        )
    )
    held: dict[int, int] = defaultdict(int)
    for sku_id, quantity, expires_at in rows:
        if _aware(expires_at) > now:
            held[sku_id] += quantity
    return held


def _aware(value: Any) -> datetime:
    """A stored or given time as an aware UTC datetime (the app stores UTC, naive on SQLite)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        raise AssertionError(f"unreadable reservation time {value!r}")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _snapshot_engine(database_url: str) -> Engine:
    """An engine whose transactions see one consistent snapshot of the whole database."""
    if make_url(database_url).get_backend_name() != "sqlite":
        return create_engine(database_url, poolclass=NullPool, isolation_level="REPEATABLE READ")
    engine = create_engine(database_url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 module opens no transaction for SELECTs; take control so that BEGIN below does.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
