"""Four counters refunding the same sales at once: never more refunded than sold, stock and journal intact."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from typing import Any

from pos_app.domain.roles import Actor
from pos_app.errors import ValidationError
from pos_app.services import open_services
from tests.concurrency.workers import START_TIMEOUT_S, WorkerReport, run_workers
from tests.conftest import PASSWORDS
from tests.services.helpers import make_product
from testsupport.invariants import check_stock_invariants

WORKERS = 4
SALES = 10
UNITS_PER_SALE = 3


@dataclass(frozen=True)
class RefundJob:
    worker: int
    database_url: str
    cashier: Actor
    register: str
    sale_numbers: tuple[str, ...]


def refund_one_unit_of_each_sale_repeatedly(job: RefundJob, barrier: Barrier, reports: Any) -> None:
    """Try to refund one unit of every sale, twice over; every other try writes the unit off instead."""
    report = WorkerReport(job.worker)
    try:
        with open_services(job.database_url) as svc:
            barrier.wait(timeout=START_TIMEOUT_S)
            for attempt in range(2):
                for number in job.sale_numbers:
                    try:
                        svc.pos.refund(
                            job.cashier, number, [("TEE", 1)], "cash", restock=attempt == 0, register=job.register
                        )
                        report.successes += 1
                        report.received[number] += 1
                    except ValidationError:
                        report.insufficient += 1  # nothing left to refund on that sale
                    except Exception as error:  # every other failure is a finding
                        report.errors.append(f"{type(error).__name__}: {error}")
    except BaseException as error:  # a broken worker must still report, or the test would hang
        barrier.abort()
        report.errors.append(f"worker {job.worker} stopped: {type(error).__name__}: {error}")
    finally:
        reports.put(report)


def test_concurrent_refunds_never_exceed_what_was_sold(database_url, cashier):
    with open_services(database_url) as svc:
        admin = svc.auth.login("admin", PASSWORDS["admin"])
        make_product(svc, admin, sku="TEE")
        svc.inventory.receive(admin, "TEE", SALES * UNITS_PER_SALE)
        registers = [f"R{n}" for n in range(1, WORKERS + 1)]
        for code in registers[1:]:
            svc.pos.add_register(admin, code, f"Counter {code}")
        for code in registers:
            svc.pos.open_session(cashier, code, Decimal("100"))
        sales = tuple(
            svc.pos.checkout(cashier, [("TEE", UNITS_PER_SALE)], [("cash", Decimal("59.70"))], register="R1").number
            for _ in range(SALES)
        )
    jobs = [RefundJob(w, database_url, cashier, registers[w], sales) for w in range(WORKERS)]
    reports = run_workers(refund_one_unit_of_each_sale_repeatedly, jobs)  # type: ignore[arg-type]
    assert [error for r in reports for error in r.errors] == []
    refunded = sum(r.successes for r in reports)
    assert refunded == SALES * UNITS_PER_SALE  # every unit refunded once, never twice
    for number in sales:
        assert sum(r.received[number] for r in reports) == UNITS_PER_SALE
    with open_services(database_url) as svc:
        returned = sum(m.quantity for m in svc.inventory.history(kind="return", limit=1000))
        written_off = -sum(m.quantity for m in svc.inventory.history(kind="loss", limit=1000))
        assert returned == SALES * UNITS_PER_SALE
        assert svc.inventory.level("TEE").on_hand == returned - written_off
        refunds_total = sum(svc.pos.x_report(cashier, code).refunds_total for code in registers)
        assert refunds_total == Decimal("19.90") * SALES * UNITS_PER_SALE
        result = svc.journal.verify()
        assert result.ok, result
    check_stock_invariants(database_url)
