"""Online holds racing counter removals on one hot SKU: never more sold and held than there is."""

from __future__ import annotations

import pytest

from pos_app.services import open_services
from tests.concurrency.test_adjust_concurrently import _create_stocked_product, _errors_of, _stock_manager
from tests.concurrency.workers import (
    Job,
    hold_then_pay_or_give_up,
    remove_one_unit_repeatedly,
    run_workers,
    sample_levels,
)
from testsupport.invariants import check_stock_invariants

pytestmark = pytest.mark.slow

UNITS = 100
HOLDERS = 4
HOLDS_PER_HOLDER = 50  # 200 online holds
COUNTERS = 4
REMOVALS_PER_COUNTER = 30
SAMPLES = 150


def test_online_holds_and_counters_never_oversell_a_hot_sku(database_url: str) -> None:
    with open_services(database_url) as svc:
        actor = _stock_manager(svc)
        _create_stocked_product(svc, actor, "HOT", UNITS)
    holders = [Job(n, database_url, actor, ("HOT",), HOLDS_PER_HOLDER, seed=n) for n in range(HOLDERS)]
    counters = [Job(HOLDERS + n, database_url, actor, ("HOT",), REMOVALS_PER_COUNTER) for n in range(COUNTERS)]
    sampler = Job(HOLDERS + COUNTERS, database_url, actor, ("HOT",), SAMPLES)

    reports = run_workers(_dispatch, [*holders, *counters, sampler])

    assert _errors_of(reports) == []
    by_worker = {r.worker: r for r in reports}
    sold_online = sum(by_worker[j.worker].removed["HOT"] for j in holders)
    still_held = sum(by_worker[j.worker].received["HOT"] for j in holders)
    sold_at_counters = sum(by_worker[j.worker].removed["HOT"] for j in counters)
    assert sum(by_worker[j.worker].insufficient for j in [*holders, *counters]) > 0, "the race never ran short"
    assert by_worker[sampler.worker].successes == SAMPLES
    with open_services(database_url) as svc:
        level = svc.inventory.level("HOT")
        assert level.on_hand == UNITS - sold_online - sold_at_counters
        assert level.reserved == still_held
        assert level.available >= 0
        assert sold_online + sold_at_counters + still_held <= UNITS
        assert len(svc.inventory.history(sku="HOT", kind="sale")) == sold_online
    check_stock_invariants(database_url)


def _dispatch(job: Job, barrier, reports) -> None:
    if job.worker < HOLDERS:
        hold_then_pay_or_give_up(job, barrier, reports)
    elif job.worker < HOLDERS + COUNTERS:
        remove_one_unit_repeatedly(job, barrier, reports)
    else:
        sample_levels(job, barrier, reports)
