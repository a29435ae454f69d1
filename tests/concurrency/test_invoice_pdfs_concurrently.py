"""Two machines printing the same invoices at the same moment, none of them rendered yet: both render, both keep,
and both hand out the same bytes, the ones kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from typing import Any

from sqlalchemy import select

from pos_app.db.models import Invoice, InvoiceDocument
from pos_app.domain.roles import Actor
from pos_app.services import Services, open_services
from pos_app.services.invoices import CustomerDetails
from tests.concurrency.workers import WorkerReport, run_in_worker, run_workers
from tests.conftest import PASSWORDS
from tests.services.helpers import make_product

WORKERS = 2
INVOICES = 4


@dataclass(frozen=True)
class PrintJob:
    worker: int
    database_url: str
    reader: Actor
    numbers: tuple[str, ...]


def print_each_invoice(job: PrintJob, barrier: Barrier, reports: Any) -> None:
    """Ask for each invoice's PDF, in step with the other worker; report the digest of each PDF received."""
    report = WorkerReport(job.worker)

    def warm_up(svc: Services) -> None:  # fonts loaded before the start, like a warm app
        from pos_app.invoices.pdf import invoice_pdf

        invoice_pdf(svc.invoices.get(job.reader, job.numbers[0]))

    def act(svc: Services) -> None:
        for number in job.numbers:
            try:
                pdf = svc.invoices.pdf(number, job.reader)
                report.successes += 1
                report.received[f"{number} {hashlib.sha256(pdf).hexdigest()}"] += 1
            except Exception as error:  # every failure is a finding: record it, keep going
                report.errors.append(f"{type(error).__name__}: {error}")

    run_in_worker(job, barrier, reports, report, act, warm_up)


def test_two_processes_printing_the_same_new_invoices_get_the_same_kept_pdf(database_url, cashier, accountant):
    with open_services(database_url) as svc:
        stock = svc.auth.login("stock", PASSWORDS["stock"])
        admin = svc.auth.login("admin", PASSWORDS["admin"])
        svc.settings.update_identity(admin, shop_name="Boutique", shop_vat_number="FR12345678901")
        make_product(svc, stock, sku="TEE")
        svc.inventory.receive(stock, "TEE", INVOICES)
        svc.pos.open_session(cashier, "R1", Decimal("0"))
        numbers = tuple(
            svc.invoices.issue(
                cashier,
                svc.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("19.90"))]).number,
                CustomerDetails(f"Client {n}"),
            ).number
            for n in range(INVOICES)
        )
    reports = run_workers(print_each_invoice, [PrintJob(w, database_url, accountant, numbers) for w in range(WORKERS)])  # type: ignore[arg-type]
    assert [error for r in reports for error in r.errors] == []
    with open_services(database_url) as svc, svc.db.read_session() as session:
        kept = dict(
            session.execute(
                select(Invoice.number, InvoiceDocument.sha256).join(Invoice, Invoice.id == InvoiceDocument.invoice_id)
            ).all()
        )
    assert sorted(kept) == sorted(numbers)
    for report in reports:
        assert report.received == {f"{number} {kept[number]}": 1 for number in numbers}
