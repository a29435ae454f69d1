"""Counters selling the same SKU at once, and a counter killed in the middle of its sales."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

import pytest

from pos_app.services import Services, open_services
from pos_app.services.pos import TillReport
from tests.concurrency.test_adjust_concurrently import _create_stocked_product, _errors_of, _stock_manager
from tests.concurrency.workers import Job, WorkerReport, run_workers, sell_one_unit_repeatedly
from tests.conftest import PASSWORDS
from testsupport.invariants import check_stock_invariants

pytestmark = pytest.mark.slow

WORKERS = 8
SALES_PER_WORKER = 500
UNITS = 1000
REGISTERS = ("R1", "R2", "R3", "R4")  # worker n sells at REGISTERS[n % 4], as sell_one_unit_repeatedly does
PRICE = Decimal("2.50")  # what _create_stocked_product charges
OPENING_FLOAT = Decimal("100")

KILLED_STOCK = 500
KILLED_SALES = 200
SALES_BEFORE_KILL = 50


def _open_four_tills(svc: Services) -> None:
    admin = svc.auth.login("admin", PASSWORDS["admin"])
    for code in REGISTERS[1:]:
        svc.pos.add_register(admin, code, f"Counter {code[1:]}")
    for code in REGISTERS:
        svc.pos.open_session(admin, code, OPENING_FLOAT)


def _sold_per_register(reports: Sequence[WorkerReport]) -> Counter[str]:
    sold: Counter[str] = Counter({code: 0 for code in REGISTERS})
    for report in reports:
        sold[REGISTERS[report.worker % len(REGISTERS)]] += report.successes
    return sold


def _sale_numbers(svc: Services, sku: str, register: str) -> list[int]:
    movements = svc.inventory.history(sku=sku, kind="sale")
    return sorted(int(m.reference.rsplit("-", 1)[1]) for m in movements if m.reference.startswith(f"{register}-"))


def _figures(report: TillReport) -> tuple[object, ...]:
    """What the cashier reads on an X or Z report of a till that only took cash for sales."""
    sold_gross = sum((split.gross for split in report.vat), Decimal(0))
    return report.sales_count, report.sales_total, report.by_method, sold_gross, report.expected_cash


def _figures_of_cash_sales(count: int) -> tuple[object, ...]:
    takings = count * PRICE
    return count, takings, {"cash": takings}, takings, OPENING_FLOAT + takings


def test_eight_counters_sell_exactly_what_is_there_and_their_z_reports_add_up(database_url: str) -> None:
    with open_services(database_url) as svc:
        _create_stocked_product(svc, _stock_manager(svc), "SELL-1", UNITS)
        _open_four_tills(svc)
        cashier = svc.auth.login("admin", PASSWORDS["admin"])
    jobs = [Job(n, database_url, cashier, ("SELL-1",), SALES_PER_WORKER) for n in range(WORKERS)]

    reports = run_workers(sell_one_unit_repeatedly, jobs)

    assert _errors_of(reports) == []
    assert sum(r.successes for r in reports) == UNITS
    assert sum(r.insufficient for r in reports) == WORKERS * SALES_PER_WORKER - UNITS
    sold_at = _sold_per_register(reports)
    with open_services(database_url) as svc:
        assert svc.inventory.level("SELL-1").on_hand == 0
        for code in REGISTERS:
            assert _sale_numbers(svc, "SELL-1", code) == list(range(1, sold_at[code] + 1)), code
        z_reports = {
            code: svc.pos.close_session(cashier, OPENING_FLOAT + sold_at[code] * PRICE, register=code)
            for code in REGISTERS
        }
        verdict = svc.journal.verify()
    for code, z_report in z_reports.items():
        assert _figures(z_report) == _figures_of_cash_sales(sold_at[code]), code
        assert z_report.variance == 0, code
    assert sum(z.sales_count for z in z_reports.values()) == UNITS
    assert sum(z.sales_total for z in z_reports.values()) == UNITS * PRICE
    assert sum(z.by_method["cash"] for z in z_reports.values()) == UNITS * PRICE
    assert verdict.ok, verdict.verdict
    assert verdict.entries == UNITS + 2 * len(REGISTERS)  # every sale, and each till's opening and closing
    check_stock_invariants(database_url)


def _selling_script(database_url: str) -> str:
    """A counter selling one unit KILLED_SALES times, printing each sale's number once it is committed."""
    return (
        "from decimal import Decimal\nfrom pos_app.services import open_services\n"
        f"svc = open_services({database_url!r})\n"
        f"actor = svc.auth.login('cashier', {PASSWORDS['cashier']!r})\n"
        f"for _ in range({KILLED_SALES}):\n"
        f"    receipt = svc.pos.checkout(actor, [('KILL-1', 1)], [('cash', Decimal('{PRICE}'))])\n"
        "    print(receipt.number, flush=True)\n"
    )


def test_a_counter_killed_mid_sale_leaves_every_sale_whole_or_absent(database_url: str) -> None:
    with open_services(database_url) as svc:
        _create_stocked_product(svc, _stock_manager(svc), "KILL-1", KILLED_STOCK)
        cashier = svc.auth.login("cashier", PASSWORDS["cashier"])
        svc.pos.open_session(cashier, "R1", OPENING_FLOAT)
    process = subprocess.Popen(
        [sys.executable, "-c", _selling_script(database_url)], stdout=subprocess.PIPE, env=dict(os.environ)
    )
    assert process.stdout is not None
    for _ in range(SALES_BEFORE_KILL):
        assert process.stdout.readline(), "the selling process stopped by itself"
    os.kill(process.pid, signal.SIGKILL)  # while it rings up the next sales
    process.wait()

    with open_services(database_url) as svc:
        sold = len(svc.inventory.history(sku="KILL-1", kind="sale"))
        assert SALES_BEFORE_KILL <= sold < KILLED_SALES, "the process should die in the middle of its sales"
        assert svc.inventory.level("KILL-1").on_hand == KILLED_STOCK - sold
        assert _sale_numbers(svc, "KILL-1", "R1") == list(range(1, sold + 1))
        assert _figures(svc.pos.x_report(cashier)) == _figures_of_cash_sales(sold)
        verdict = svc.journal.verify()
        assert verdict.ok, verdict.verdict
        assert verdict.entries == sold + 1  # the opening of the till, then one entry per sale
        z_report = svc.pos.close_session(cashier, OPENING_FLOAT + sold * PRICE)
        assert (z_report.sales_count, z_report.variance) == (sold, 0)
        assert svc.journal.verify().ok
    check_stock_invariants(database_url)
