"""Time of the invoices page's reads over a shop with tens of thousands of invoices: the first page of each
search the accountant makes (no filter, a customer, a status, a series, a period), its count and totals, and a
page far down the list.

    .venv/bin/python bench/invoice_list.py [--backend sqlite|postgresql|both] [--invoices 30000]

The invoices are written straight into the database (issuing them through the services would take an hour):
one payment each, every 25th credited by a credit note, one in eight not paid yet (half of those overdue).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from benchkit import (
    chosen_backends,
    fresh_database,
    machine_summary,
    median_ms,
    p95_ms,
    paramstyle,
    parse_args,
    print_table,
    raw_connection,
    sqlite_timestamp,
)

from pos_app.domain.invoice import InvoiceStatus
from pos_app.services import open_services

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CUSTOMERS = ["Atelier Lumière SARL", "Awa Diop", "Bistro du Port", "Karim Benali", "Maison Teranga SAS"]
PAGE = 200
INSERT_INVOICE = """
INSERT INTO invoices (id, number, kind, series, year, sequence, issued_at, due_on, language, currency,
    credited_invoice_id, customer_name, customer_address, customer_email, customer_vat_number,
    customer_company_number, seller, net, vat, gross, reason)
VALUES (:id, :number, :kind, :series, 2026, :sequence, :issued_at, :due_on, 'fr', 'EUR', :credited, :customer,
    '1 rue Haute', '', '', '', :seller, :net, :vat, :gross, :reason)
"""
INSERT_PAYMENT = "INSERT INTO invoice_payments (invoice_id, method, amount) VALUES (:invoice_id, 'card', :amount)"


def seed(url: str, backend: str, count: int) -> None:
    invoices: list[dict[str, object]] = []
    payments: list[dict[str, object]] = []
    credit_sequence = 0
    seller = json.dumps({"name": "Maison Awa"})
    for n in range(1, count + 1):
        issued = NOW - timedelta(minutes=10 * (count - n))
        gross = Decimal(20 + n % 180) + Decimal("0.90")
        net = (gross / Decimal("1.2")).quantize(Decimal("0.01"))
        stamp = sqlite_timestamp(issued) if backend == "sqlite" else issued
        invoices.append(
            {
                "id": n,
                "number": f"F-2026-{n:06d}",
                "kind": "invoice",
                "series": "F",
                "sequence": n,
                "issued_at": stamp,
                "due_on": (issued.date() + timedelta(days=30 if n % 16 else -5)).isoformat(),
                "credited": None,
                "customer": f"{CUSTOMERS[n % len(CUSTOMERS)]} {n % 997}",
                "seller": seller,
                "net": net,
                "vat": gross - net,
                "gross": gross,
                "reason": "",
            }
        )
        if n % 8:
            payments.append({"invoice_id": n, "amount": gross})
        if n % 25 == 0:
            credit_sequence += 1
            invoices.append(
                {
                    **invoices[-1],
                    "id": count + credit_sequence,
                    "number": f"AV-2026-{credit_sequence:06d}",
                    "kind": "credit_note",
                    "series": "AV",
                    "sequence": credit_sequence,
                    "credited": n,
                    "net": -net,
                    "vat": -(gross - net),
                    "gross": -gross,
                    "reason": "Returned",
                }
            )
    conn = raw_connection(url)
    try:
        cursor = conn.cursor()
        if backend == "sqlite":
            cursor.execute("BEGIN")
        cursor.executemany(
            paramstyle(INSERT_INVOICE, backend),
            [{**row, "net": str(row["net"]), "vat": str(row["vat"]), "gross": str(row["gross"])} for row in invoices]
            if backend == "sqlite"
            else invoices,
        )
        cursor.executemany(
            paramstyle(INSERT_PAYMENT, backend),
            [{**row, "amount": str(row["amount"])} for row in payments] if backend == "sqlite" else payments,
        )
        conn.commit() if backend != "sqlite" else cursor.execute("COMMIT")
        cursor.execute("ANALYZE")
        if backend != "sqlite":
            conn.commit()
    finally:
        conn.close()


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def measure(backend: str, count: int, repeat: int) -> list[list[object]]:
    with fresh_database(backend) as url:
        with open_services(url, clock=lambda: NOW) as services:
            admin = services.auth.bootstrap_admin("admin", "admin-password")
            services.auth.create_user(admin, "claire", "bench-password", "accountant")
            accountant = services.auth.login("claire", "bench-password")
        started = time.perf_counter()
        seed(url, backend, count)
        print(f"{backend}: {count:,} invoices seeded in {time.perf_counter() - started:.1f} s")
        with open_services(url, clock=lambda: NOW) as services:
            invoices = services.invoices
            last_month = (
                datetime.combine(date(2026, 10, 1), datetime.min.time(), UTC),
                datetime.combine(date(2026, 11, 1), datetime.min.time(), UTC),
            )
            searches: list[tuple[str, dict[str, object]]] = [
                ("no filter", {}),
                ("customer 'diop'", {"customer": "diop"}),
                ("status paid", {"status": InvoiceStatus.PAID}),
                ("status overdue", {"status": InvoiceStatus.OVERDUE}),
                ("series AV", {"series": "AV"}),
                ("last month", {"since": last_month[0], "until": last_month[1]}),
            ]
            rows: list[list[object]] = []
            for name, filters in searches:
                page = timed(lambda f=filters: invoices.find(accountant, limit=PAGE, **f), repeat)  # type: ignore[misc]
                tally = timed(lambda f=filters: invoices.tally(accountant, **f), repeat)  # type: ignore[misc]
                found = invoices.tally(accountant, **filters).documents  # type: ignore[arg-type]
                rows.append(
                    [
                        f"{backend}: {name}",
                        f"{found:,}",
                        f"{median_ms(page):.1f}",
                        f"{p95_ms(page):.1f}",
                        f"{median_ms(tally):.1f}",
                        f"{p95_ms(tally):.1f}",
                    ]
                )
            deep = timed(lambda: invoices.find(accountant, limit=PAGE, offset=count * 2 // 3), repeat)
            rows.append(
                [
                    f"{backend}: a page at offset {count * 2 // 3:,}",
                    "",
                    f"{median_ms(deep):.1f}",
                    f"{p95_ms(deep):.1f}",
                    "",
                    "",
                ]
            )
            return rows


def main() -> None:
    args = parse_args(
        __doc__ or "",
        lambda parser: (
            parser.add_argument("--invoices", type=int, default=30_000, help="invoices to seed (default 30000)"),
            parser.add_argument("--repeat", type=int, default=15, help="timed calls of each read (default 15)"),
        ),
    )
    print(machine_summary())
    rows: list[list[object]] = []
    for backend in chosen_backends(args.backend):
        rows += measure(backend, args.invoices, args.repeat)
    print_table(
        f"Invoices page reads, {args.invoices:,} invoices, first page of {PAGE} (ms)",
        ["search", "found", "page median", "page p95", "count+totals median", "count+totals p95"],
        rows,
    )


if __name__ == "__main__":
    main()
