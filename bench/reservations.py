"""Online holds: holds per second with 8 worker processes on 10 hot SKUs, and the cleanup of 100,000 expired holds.

Holds per second are compared with a raw-SQL conditional update run by the same 8 processes on the same
SKUs in the same run (one transaction each: UPDATE stock_levels ... WHERE on_hand >= 1, the least work a
hold can be). The CPU columns are the workers' own CPU time per transaction (their Python and driver work,
the database server's not counted): with more workers than cores, that is what bounds the rate. The cleanup
is timed on holds seeded with bulk INSERTs, then released by the service.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from benchkit import (
    chosen_backends,
    fresh_database,
    load_average,
    machine_summary,
    parse_args,
    print_table,
    raw_connection,
)
from sqlalchemy import insert, select

from pos_app.db.models import Reservation, ReservationLine, Sku
from pos_app.services import open_services
from pos_app.services.auth import system_actor

WORKERS = 8
HOT_SKUS = 10
SECONDS = 5.0
EXPIRED_HOLDS = 100_000


def main() -> None:
    args = parse_args(__doc__, _options)
    print(machine_summary())
    rows = []
    for backend in chosen_backends(args.backend):
        with fresh_database(backend) as url:
            skus = _seed_hot_skus(url)
            service_rounds = [_run_workers(url, skus, _hold_loop) for _ in range(args.rounds)]
            raw_rounds = [_run_workers(url, skus, _raw_loop) for _ in range(args.rounds)]
            service, service_cpu = (statistics.median(figures) for figures in zip(*service_rounds, strict=True))
            raw, raw_cpu = (statistics.median(figures) for figures in zip(*raw_rounds, strict=True))
            cleanup = _time_cleanup(url, skus[0], args.expired)
            rows.append(
                [
                    backend,
                    f"{service:,.0f}",
                    f"{service_cpu:.2f}",
                    f"{raw:,.0f}",
                    f"{raw_cpu:.2f}",
                    f"{service / raw:.2f}",
                    f"{cleanup:.2f} s",
                ]
            )
    headers = ["backend", "service holds/s", "CPU ms/hold", "raw UPDATE/s", "CPU ms/op", "ratio"]
    print_table(
        f"holds/s with {WORKERS} processes on {HOT_SKUS} hot SKUs (median of rounds); cleanup of expired holds",
        [*headers, f"expire_due({args.expired:,})"],
        rows,
    )
    print(f"\n{load_average()}")


def _options(parser: Any) -> None:
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--expired", type=int, default=EXPIRED_HOLDS)


def _seed_hot_skus(url: str) -> list[str]:
    with open_services(url) as svc:
        actor = system_actor()
        codes = [f"HOT-{n}" for n in range(HOT_SKUS)]
        for code in codes:
            svc.inventory.create_product(
                actor, sku=code, name=f"Hot {code}", price=Decimal("9.90"), vat_rate=Decimal("20")
            )
            svc.inventory.receive(actor, code, 1_000_000, "bench stock")
        return codes


def _run_workers(url: str, skus: list[str], loop: Any) -> tuple[float, float]:
    """(transactions per second of all workers together, worker CPU milliseconds per transaction)."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS + 1)
    counts = context.Queue()
    workers = [context.Process(target=loop, args=(url, skus, n, barrier, counts)) for n in range(WORKERS)]
    for worker in workers:
        worker.start()
    barrier.wait()
    reports = [counts.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join()
    total = sum(done for done, _ in reports)
    return total / SECONDS, sum(cpu for _, cpu in reports) / max(total, 1) * 1000


def _hold_loop(url: str, skus: list[str], n: int, barrier: Any, counts: Any) -> None:
    with open_services(url) as svc:
        svc.reservations.reserve([(skus[n % HOT_SKUS], 1)])  # warm the connection before timing
        barrier.wait()
        done, deadline, i, cpu = 0, time.perf_counter() + SECONDS, n, time.process_time()
        while time.perf_counter() < deadline:
            svc.reservations.reserve([(skus[i % HOT_SKUS], 1)], ttl_minutes=1)
            done, i = done + 1, i + 1
        cpu = time.process_time() - cpu
    counts.put((done, cpu))


def _raw_loop(url: str, skus: list[str], n: int, barrier: Any, counts: Any) -> None:
    conn = raw_connection(url)
    postgres = not url.startswith("sqlite")
    marker = "%s" if postgres else "?"
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, code FROM skus WHERE code IN ({', '.join([marker] * len(skus))})", skus)
    ids = {code: sku_id for sku_id, code in cursor.fetchall()}
    statement = f"UPDATE stock_levels SET on_hand = on_hand - 1 WHERE sku_id = {marker} AND on_hand >= 1"
    barrier.wait()
    done, deadline, i, cpu = 0, time.perf_counter() + SECONDS, n, time.process_time()
    while time.perf_counter() < deadline:
        if not postgres:
            cursor.execute("BEGIN IMMEDIATE")
        cursor.execute(statement, (ids[skus[i % HOT_SKUS]],))
        conn.commit() if postgres else cursor.execute("COMMIT")
        done, i = done + 1, i + 1
    cpu = time.process_time() - cpu
    conn.close()
    counts.put((done, cpu))


def _time_cleanup(url: str, sku: str, count: int) -> float:
    with open_services(url) as svc:
        with svc.db.write_session() as session:
            sku_id = session.scalar(select(Sku.id).where(Sku.code == sku))
            past = datetime.now(UTC) - timedelta(hours=1)
            ids = [str(uuid.uuid4()) for _ in range(count)]
            for start in range(0, count, 10_000):
                chunk = ids[start : start + 10_000]
                session.execute(
                    insert(Reservation),
                    [{"id": i, "status": "active", "created_at": past, "expires_at": past} for i in chunk],
                )
                session.execute(
                    insert(ReservationLine), [{"reservation_id": i, "sku_id": sku_id, "quantity": 1} for i in chunk]
                )
            session.commit()
        started = time.perf_counter()
        released = svc.reservations.expire_due()
        elapsed = time.perf_counter() - started
        assert released >= count, released
        return elapsed


if __name__ == "__main__":
    main()
