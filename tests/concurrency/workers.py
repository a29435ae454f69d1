"""Worker processes for the concurrency tests, and the harness that runs them.

Each worker is a real OS process with its own services and database connections, exactly like a second
counter or a second machine would be. Workers are forked from a server process that imported the app once
(multiprocessing's "forkserver", started fresh, never from the test process itself): importing the app in
every worker cost about a second of CPU each, many minutes over the suite on two cores. Workers wait on a shared
barrier so that they really hit the database at the same time, count what happened, and send back a
report instead of raising, so that the test sees every process's outcome.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.synchronize import Barrier
from typing import Any

from pos_app.domain.roles import Actor
from pos_app.errors import InsufficientStock
from pos_app.services import Services, open_services

START_TIMEOUT_S = 60
RUN_TIMEOUT_S = 120
REMOVAL_KINDS = ("adjustment", "loss", "transfer")


@dataclass
class WorkerReport:
    """What one worker did: successes, refusals for lack of stock, and any other error (type: message)."""

    worker: int
    successes: int = 0
    insufficient: int = 0
    errors: list[str] = field(default_factory=list)
    received: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    movements: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Job:
    """Everything a worker needs, picklable: where the database is, who acts, what to do."""

    worker: int
    database_url: str
    actor: Actor
    skus: tuple[str, ...]
    operations: int
    seed: int = 0


def run_workers(target: Callable[[Job, Barrier, Any], None], jobs: Sequence[Job]) -> list[WorkerReport]:
    """Run one process per job, released together by a barrier; return their reports."""
    context = worker_context()
    barrier = context.Barrier(len(jobs) + 1)
    reports: Any = context.Queue()
    environment = dict(os.environ)
    processes = [
        context.Process(target=in_environment, args=(environment, target, job, barrier, reports), daemon=True)
        for job in jobs
    ]
    for process in processes:
        process.start()
    try:
        barrier.wait(timeout=START_TIMEOUT_S)
        return [reports.get(timeout=RUN_TIMEOUT_S) for _ in jobs]
    except queue.Empty:
        raise AssertionError(f"a worker sent no report within {RUN_TIMEOUT_S} s") from None
    finally:
        _stop(processes)


def worker_context() -> multiprocessing.context.BaseContext:
    """Where worker processes come from: a server process that has imported the app, forked for each worker."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pos_app.services", "tests.concurrency.workers"])
    return context


def in_environment(environment: dict[str, str], target: Callable[..., None], *args: Any) -> None:
    """Run `target` with the test's environment as it is now: the server the worker was forked from started
    with the environment of an earlier test (each test points the app at its own files)."""
    os.environ.clear()
    os.environ.update(environment)
    target(*args)


def _stop(processes: Sequence[multiprocessing.process.BaseProcess]) -> None:
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()


def remove_one_unit_repeatedly(job: Job, barrier: Barrier, reports: Any) -> None:
    """Try `job.operations` times to take one unit of the job's only SKU away."""
    report = WorkerReport(job.worker)
    (sku,) = job.skus

    def act(svc: Services) -> None:
        for _ in range(job.operations):
            _attempt(
                report, sku, -1, lambda: svc.inventory.adjust(job.actor, sku, -1, "adjustment", "concurrency test")
            )

    run_in_worker(job, barrier, reports, report, act)


def receive_and_remove_at_random(job: Job, barrier: Barrier, reports: Any) -> None:
    """Receive and remove small quantities on the job's SKUs; some operations move stock between two SKUs."""
    report = WorkerReport(job.worker)
    rng = random.Random(job.seed)

    def receive(svc: Services, sku: str, quantity: int) -> bool:
        return _attempt(report, sku, quantity, lambda: svc.inventory.receive(job.actor, sku, quantity, "mixed test"))

    def remove(svc: Services, sku: str, quantity: int) -> bool:
        kind = rng.choice(REMOVAL_KINDS)
        return _attempt(
            report, sku, -quantity, lambda: svc.inventory.adjust(job.actor, sku, -quantity, kind, "mixed test")
        )

    def act(svc: Services) -> None:
        for _ in range(job.operations):
            roll = rng.random()
            sku, other = rng.sample(job.skus, 2)
            quantity = rng.randint(1, 6)
            if roll < 0.35:
                receive(svc, sku, quantity)
            elif roll < 0.7:
                remove(svc, sku, quantity)
            elif remove(svc, sku, quantity):
                # A move between two SKUs, as a stock manager does it: out of one, then into the other.
                receive(svc, other, quantity)

    run_in_worker(job, barrier, reports, report, act)


def _attempt(report: WorkerReport, sku: str, delta: int, operation: Callable[[], object]) -> bool:
    """Run one stock change and count its outcome. True if it was written."""
    try:
        operation()
    except InsufficientStock:
        report.insufficient += 1
        return False
    except Exception as error:  # every other failure is a finding: record it, keep going
        report.errors.append(f"{type(error).__name__}: {error}")
        return False
    report.successes += 1
    report.movements[sku] += 1
    if delta > 0:
        report.received[sku] += delta
    else:
        report.removed[sku] -= delta
    return True


def run_in_worker(
    job: Any,
    barrier: Barrier,
    reports: Any,
    report: WorkerReport,
    act: Callable[[Services], None],
    warm_up: Callable[[Services], None] | None = None,
) -> None:
    """Open services (on `job.database_url`), `warm_up` if given, wait for every worker, act, and always send
    the report back."""
    try:
        with open_services(job.database_url) as svc:
            if warm_up is not None:
                warm_up(svc)
            barrier.wait(timeout=START_TIMEOUT_S)
            act(svc)
    except BaseException as error:  # a broken worker must still report, or the test would hang
        barrier.abort()
        report.errors.append(f"worker {job.worker} stopped: {type(error).__name__}: {error}")
    finally:
        reports.put(report)


def hold_then_pay_or_give_up(job: Job, barrier: Barrier, reports: Any) -> None:
    """The web shop: hold one unit `job.operations` times; pay for every other hold, release the rest.

    `received` counts units still held at the end, `removed` units sold through a paid hold.
    """
    report = WorkerReport(job.worker)
    rng = random.Random(job.seed)
    (sku,) = job.skus

    def act(svc: Services) -> None:
        for n in range(job.operations):
            try:
                hold = svc.reservations.reserve([(sku, 1)], reference=f"w{job.worker}-{n}")
            except InsufficientStock:
                report.insufficient += 1
                continue
            except Exception as error:
                report.errors.append(f"{type(error).__name__}: {error}")
                continue
            report.successes += 1
            roll = rng.random()
            try:
                if roll < 0.5:
                    svc.reservations.commit(hold.id, f"WEB-{job.worker}-{n}")
                    report.removed[sku] += 1
                elif roll < 0.8:
                    svc.reservations.release(hold.id, "customer gave up")
                else:
                    report.received[sku] += 1  # left held until it expires
            except Exception as error:
                report.errors.append(f"{type(error).__name__}: {error}")

    run_in_worker(job, barrier, reports, report, act)


def sample_levels(job: Job, barrier: Barrier, reports: Any) -> None:
    """Read the level of the job's SKU `job.operations` times; any negative figure is recorded as an error."""
    report = WorkerReport(job.worker)
    (sku,) = job.skus

    def act(svc: Services) -> None:
        for _ in range(job.operations):
            level = svc.inventory.level(sku)
            report.successes += 1
            if level.on_hand < 0 or level.available < 0 or level.reserved < 0:
                report.errors.append(f"sampled {level}")

    run_in_worker(job, barrier, reports, report, act)


def sell_one_unit_repeatedly(job: Job, barrier: Barrier, reports: Any) -> None:
    """A counter: sell one unit of the job's SKU `job.operations` times at register R<1 + worker % 4>, cash."""
    report = WorkerReport(job.worker)
    (sku,) = job.skus
    register = f"R{1 + job.worker % 4}"

    def act(svc: Services) -> None:
        price = svc.inventory.find_by_barcode(sku).unit_price
        for _ in range(job.operations):
            _attempt(
                report,
                sku,
                -1,
                lambda: svc.pos.checkout(job.actor, [(sku, 1)], [("cash", price)], register=register),
            )

    run_in_worker(job, barrier, reports, report, act)
