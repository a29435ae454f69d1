"""Several processes changing the same stock at once never oversell and never break the ledger."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

import pytest

from pos_app.domain.roles import Actor
from pos_app.services import Services, open_services
from tests.concurrency.workers import (
    Job,
    WorkerReport,
    receive_and_remove_at_random,
    remove_one_unit_repeatedly,
    run_workers,
)
from tests.conftest import PASSWORDS
from testsupport.invariants import check_stock_invariants

pytestmark = pytest.mark.slow

WORKERS = 8
REMOVALS_PER_WORKER = 100
STARTING_UNITS = 500

MIXED_WORKERS = 6
MIXED_OPERATIONS = 60
MIXED_SKUS = ("MIX-A", "MIX-B", "MIX-C")
MIXED_STARTING_UNITS = 15


def _stock_manager(svc: Services) -> Actor:
    return svc.auth.login("stock", PASSWORDS["stock"])


def _create_stocked_product(svc: Services, actor: Actor, sku: str, units: int) -> None:
    svc.inventory.create_product(actor, sku=sku, name=f"Product {sku}", price=Decimal("2.50"), vat_rate=Decimal("20"))
    svc.inventory.receive(actor, sku, units, "opening stock")


def _errors_of(reports: Sequence[WorkerReport]) -> list[str]:
    return [f"worker {r.worker}: {error}" for r in reports for error in r.errors]


def test_eight_processes_never_oversell_500_units(database_url: str) -> None:
    with open_services(database_url) as svc:
        actor = _stock_manager(svc)
        _create_stocked_product(svc, actor, "CONC-1", STARTING_UNITS)
    jobs = [Job(n, database_url, actor, ("CONC-1",), REMOVALS_PER_WORKER) for n in range(WORKERS)]

    reports = run_workers(remove_one_unit_repeatedly, jobs)

    assert _errors_of(reports) == []
    assert sum(r.successes for r in reports) == STARTING_UNITS
    assert sum(r.insufficient for r in reports) == WORKERS * REMOVALS_PER_WORKER - STARTING_UNITS
    with open_services(database_url) as svc:
        level = svc.inventory.level("CONC-1")
        assert (level.on_hand, level.available) == (0, 0)
        assert len(svc.inventory.history("CONC-1")) == 1 + STARTING_UNITS
    check_stock_invariants(database_url)


def test_concurrent_receipts_and_removals_on_three_skus_add_up(database_url: str) -> None:
    with open_services(database_url) as svc:
        actor = _stock_manager(svc)
        for sku in MIXED_SKUS:
            _create_stocked_product(svc, actor, sku, MIXED_STARTING_UNITS)
    jobs = [Job(n, database_url, actor, MIXED_SKUS, MIXED_OPERATIONS, seed=n) for n in range(MIXED_WORKERS)]

    reports = run_workers(receive_and_remove_at_random, jobs)

    assert _errors_of(reports) == []
    received = sum((r.received for r in reports), Counter[str]())
    removed = sum((r.removed for r in reports), Counter[str]())
    movements = sum((r.movements for r in reports), Counter[str]())
    with open_services(database_url) as svc:
        for sku in MIXED_SKUS:
            assert svc.inventory.level(sku).on_hand == MIXED_STARTING_UNITS + received[sku] - removed[sku], sku
            assert len(svc.inventory.history(sku)) == 1 + movements[sku], sku
    assert sum(r.insufficient for r in reports) > 0, "the test should also exercise refusals"
    check_stock_invariants(database_url)
