"""Single-unit stock adjustments per second, each one durable transaction, against raw SQL.

Goal: svc.inventory.adjust(actor, sku, +1 or -1, "adjustment", "bench") reaches at least half the
throughput (ratio >= 0.5) of the same work issued as raw SQL through the DB-API connection: one
transaction that locks and reads the stock row of the SKU, adds up its active holds, updates the row
and inserts the movement. On SQLite (a file, WAL, synchronous=FULL, BEGIN IMMEDIATE, as the app
configures it) and on a durable PostgreSQL (fsync on). Both paths run in the same process, in
alternating rounds, on the same SKUs; the CPU columns are this process's CPU time per transaction.

    .venv/bin/python bench/adjustments.py [--backend sqlite|postgresql|both] [--skus N]
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from benchkit import (
    CpuClock,
    chosen_backends,
    fresh_database,
    load_average,
    machine_summary,
    paramstyle,
    parse_args,
    print_table,
    raw_connection,
    sqlite_timestamp,
)
from catalogue_seed import seed_catalogue
from sqlalchemy import text

from pos_app.domain.roles import Actor
from pos_app.services import Services, open_services

RATIO_GOAL = 0.5
REASON = "bench"
USERS = {"admin": "admin-password", "stock": "stock-password"}

# The work InventoryService.adjust does (services/inventory.py, db/locks.py, db/stock_queries.py,
# services/stock_records.write_movement) as four statements: lock and read the stock row of the SKU
# (found by its code), add up its active holds, apply the change, record the movement.
LOCK_STOCK = """
SELECT stock_levels.sku_id, stock_levels.on_hand, skus.low_stock_threshold
FROM stock_levels JOIN skus ON skus.id = stock_levels.sku_id
WHERE skus.code = :code
"""
PG_ROW_LOCK = "FOR UPDATE OF stock_levels"
RESERVED = """
SELECT reservation_lines.sku_id, sum(reservation_lines.quantity)
FROM reservation_lines
WHERE reservation_lines.sku_id IN (:sku_id) AND EXISTS (
    SELECT * FROM reservations WHERE reservations.id = reservation_lines.reservation_id
    AND reservations.status = :status AND reservations.expires_at > :now)
GROUP BY reservation_lines.sku_id
"""
APPLY = "UPDATE stock_levels SET on_hand = on_hand + :delta WHERE sku_id = :sku_id AND on_hand + :delta >= 0"
RECORD = """
INSERT INTO stock_movements (sku_id, kind, quantity, stock_before, stock_after, reason, reference, user_id, at)
VALUES (:sku_id, 'adjustment', :delta, :before, :after, :reason, NULL, :user_id, :at) RETURNING id
"""


class RawAdjuster:
    """InventoryService.adjust's transaction, written out on a bare DB-API connection."""

    def __init__(self, url: str, backend: str, user_id: int | None) -> None:
        self.backend = backend
        self.user_id = user_id
        self.conn = raw_connection(url)
        lock = LOCK_STOCK + (PG_ROW_LOCK if backend == "postgresql" else "")
        statements = {"lock": lock, "reserved": RESERVED, "apply": APPLY, "record": RECORD}
        self.sql = {name: paramstyle(sql, backend) for name, sql in statements.items()}

    def _now(self) -> Any:
        now = datetime.now(UTC)
        return sqlite_timestamp(now) if self.backend == "sqlite" else now

    def adjust(self, code: str, delta: int) -> int:
        cur = self.conn.cursor()
        if self.backend == "sqlite":
            cur.execute("BEGIN IMMEDIATE")
        try:
            movement_id = self._adjust_in_transaction(cur, code, delta)
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        return movement_id

    def _adjust_in_transaction(self, cur: Any, code: str, delta: int) -> int:
        cur.execute(self.sql["lock"], {"code": code})
        sku_id, on_hand, _threshold = cur.fetchone()
        now = self._now()
        cur.execute(self.sql["reserved"], {"status": "active", "now": now, "sku_id": sku_id})
        reserved = sum(int(total) for _, total in cur.fetchall())
        if on_hand + delta < 0 or on_hand - reserved + delta < 0:
            raise RuntimeError(f"{code}: not enough stock for {delta}")
        cur.execute(self.sql["apply"], {"delta": delta, "sku_id": sku_id})
        if cur.rowcount != 1:
            raise RuntimeError(f"{code}: stock row not updated")
        values = {"sku_id": sku_id, "delta": delta, "before": on_hand, "after": on_hand + delta}
        cur.execute(self.sql["record"], {**values, "reason": REASON, "user_id": self.user_id, "at": now})
        return int(cur.fetchone()[0])

    def close(self) -> None:
        self.conn.close()


def stock_manager(svc: Services) -> Actor:
    admin = svc.auth.bootstrap_admin("admin", USERS["admin"])
    svc.auth.create_user(admin, "stock", USERS["stock"], "stock_manager")
    return svc.auth.login("stock", USERS["stock"])


@dataclass
class Rates:
    """Per round: transactions per second (wall clock) and CPU milliseconds of this process per one."""

    ops_per_second: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)

    def run(self, adjust: Callable[[str, int], object], skus: list[str], ops: int) -> None:
        """Run `ops` adjustments, +1 then -1 on each SKU in turn (stock ends where it started)."""
        with CpuClock() as clock:
            for index in range(ops):
                adjust(skus[(index // 2) % len(skus)], 1 if index % 2 == 0 else -1)
        self.ops_per_second.append(ops / clock.wall)
        self.cpu_ms.append(clock.cpu / ops * 1000)

    @property
    def median(self) -> float:
        return statistics.median(self.ops_per_second)


def check_ledger(svc: Services) -> None:
    """on_hand == sum(movements) for every SKU: the raw path did the same work as the service."""
    with svc.db.read_engine.connect() as conn:
        broken = conn.execute(
            text(
                "SELECT count(*) FROM stock_levels l LEFT JOIN (SELECT sku_id, sum(quantity) AS total "
                "FROM stock_movements GROUP BY sku_id) m ON m.sku_id = l.sku_id "
                "WHERE l.on_hand <> coalesce(m.total, 0)"
            )
        ).scalar_one()
    if broken:
        raise SystemExit(f"{broken} stock rows disagree with their movements")


def measure(backend: str, sku_count: int, rounds: int, ops: int) -> list[object]:
    with fresh_database(backend) as url:
        svc = open_services(url)
        raw: RawAdjuster | None = None
        try:
            catalogue = seed_catalogue(svc.db.write_engine, sku_count)
            print(f"{backend}: seeded {sku_count:,} SKUs in {catalogue.seconds:.1f} s")
            actor = stock_manager(svc)
            raw = RawAdjuster(url, backend, actor.user_id)
            skus = random.Random(3).sample(catalogue.in_stock, min(200, len(catalogue.in_stock)))

            def service(code: str, delta: int) -> object:
                return svc.inventory.adjust(actor, code, delta, "adjustment", REASON)

            Rates().run(service, skus, max(20, ops // 10))  # warm-up, not counted
            Rates().run(raw.adjust, skus, max(20, ops // 10))
            raw_rates, service_rates = _rounds(raw.adjust, service, skus, rounds, ops)
            check_ledger(svc)
        finally:
            if raw is not None:
                raw.close()
            svc.close()
    return _row(backend, raw_rates, service_rates)


def _rounds(
    raw: Callable[[str, int], object], service: Callable[[str, int], object], skus: list[str], rounds: int, ops: int
) -> tuple[Rates, Rates]:
    """Alternate which path goes first, so that a slow patch of the machine hits both alike."""
    raw_rates, service_rates = Rates(), Rates()
    for round_index in range(rounds):
        order = [(raw, raw_rates), (service, service_rates)]
        for adjust, rates in order if round_index % 2 == 0 else reversed(order):
            rates.run(adjust, skus, ops)
    return raw_rates, service_rates


def _row(backend: str, raw: Rates, service: Rates) -> list[object]:
    ratio = service.median / raw.median
    per_round = statistics.median(s / r for s, r in zip(service.ops_per_second, raw.ops_per_second, strict=True))
    return [
        backend,
        f"{service.median:,.0f}",
        f"{1000 / service.median:.2f}",
        f"{statistics.median(service.cpu_ms):.2f}",
        f"{raw.median:,.0f}",
        f"{1000 / raw.median:.2f}",
        f"{statistics.median(raw.cpu_ms):.2f}",
        f"{ratio:.2f}",
        f"{per_round:.2f}",
        f">= {RATIO_GOAL}",
        "yes" if ratio >= RATIO_GOAL else "NO",
    ]


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], _options)
    print(machine_summary())
    rows = [measure(backend, args.skus, args.rounds, args.ops) for backend in chosen_backends(args.backend)]
    headers = [
        "backend", "service ops/s", "ms/op", "CPU ms/op", "raw ops/s", "ms/op", "CPU ms/op",
        "ratio", "per-round", "goal", "met",
    ]  # fmt: skip
    print_table(
        f"Single-unit adjustments, {args.skus:,} SKUs (median of {args.rounds} rounds of {args.ops} transactions)",
        headers,
        rows,
    )
    print(f"\n{load_average()}")


def _options(parser: Any) -> None:
    parser.add_argument("--rounds", type=int, default=9, help="rounds per path (median taken)")
    parser.add_argument("--ops", type=int, default=200, help="adjustments per round")


if __name__ == "__main__":
    main()
