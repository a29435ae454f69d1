"""Four back-office machines invoicing at the same moment: numbers stay contiguous and unique per series."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from typing import Any

from pos_app.domain.roles import Actor
from pos_app.services import Services, open_services
from pos_app.services.invoices import CustomerDetails
from tests.concurrency.workers import WorkerReport, run_in_worker, run_workers
from tests.conftest import PASSWORDS
from tests.services.helpers import make_product

WORKERS = 4
INVOICES_EACH = 100
CREDIT_EVERY = 10  # every tenth invoice also gets a credit note, from the other series


@dataclass(frozen=True)
class InvoiceJob:
    worker: int
    database_url: str
    invoicer: Actor
    crediter: Actor
    sale_numbers: tuple[str, ...]


def invoice_each_sale(job: InvoiceJob, barrier: Barrier, reports: Any) -> None:
    report = WorkerReport(job.worker)

    def act(svc: Services) -> None:
        for index, sale_number in enumerate(job.sale_numbers):
            try:
                invoice = svc.invoices.issue(job.invoicer, sale_number, CustomerDetails(f"Client {index}"))
                report.successes += 1
                report.received[invoice.number] += 1
                if index % CREDIT_EVERY == 0:
                    credit = svc.invoices.credit_note(job.crediter, invoice.number, "Concurrency test")
                    report.removed[credit.number] += 1
            except Exception as error:  # every failure is a finding: record it, keep going
                report.errors.append(f"{type(error).__name__}: {error}")

    run_in_worker(job, barrier, reports, report, act)


def test_four_processes_issuing_at_once_get_contiguous_unique_numbers(database_url, cashier, accountant):
    with open_services(database_url) as svc:
        stock = svc.auth.login("stock", PASSWORDS["stock"])
        admin = svc.auth.login("admin", PASSWORDS["admin"])
        svc.settings.update_identity(admin, shop_name="Boutique", shop_vat_number="FR12345678901")
        make_product(svc, stock, sku="TEE")
        svc.inventory.receive(stock, "TEE", WORKERS * INVOICES_EACH)
        svc.pos.open_session(cashier, "R1", Decimal("0"))
        sales = [
            svc.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("19.90"))]).number
            for _ in range(WORKERS * INVOICES_EACH)
        ]
    jobs = [
        InvoiceJob(w, database_url, cashier, accountant, tuple(sales[w * INVOICES_EACH : (w + 1) * INVOICES_EACH]))
        for w in range(WORKERS)
    ]
    reports = run_workers(invoice_each_sale, jobs)  # type: ignore[arg-type]
    assert [error for r in reports for error in r.errors] == []
    invoices = sorted(number for r in reports for number in r.received)
    credits = sorted(number for r in reports for number in r.removed)
    year = re.match(r"F-(\d{4})-", invoices[0]).group(1)  # type: ignore[union-attr]
    assert invoices == [f"F-{year}-{n:06d}" for n in range(1, WORKERS * INVOICES_EACH + 1)]
    assert credits == [f"AV-{year}-{n:06d}" for n in range(1, WORKERS * INVOICES_EACH // CREDIT_EVERY + 1)]
    with open_services(database_url) as svc:
        stored = svc.invoices.find(accountant, limit=1000)
        assert sorted(s.number for s in stored) == sorted(invoices + credits)
        assert sum(s.gross for s in stored) == Decimal("19.90") * (WORKERS * INVOICES_EACH - len(credits))
