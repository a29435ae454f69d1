"""Sales reports over a year of counter sales: how long the accountant waits for each report.

Seeds --days days of sales at two registers (one till session per register and day, --sales sales in all, 1 to 3
lines at two VAT rates, cash with change, card or both, a refund in every 50 sales, a seat of a time slot sold at the
counter in every 100 sales and one seat in 10 paid back; a journal entry for each) with bulk INSERTs, analyzes the
tables on PostgreSQL (as its autovacuum does within a minute of such a load), then times SalesReportService.report
for a year per month, a year per day, a quarter per week, a month per day, a day alone (the dashboard's day_summary)
and the first page of till_sessions: median and 95th percentile of --runs calls each.
Goal: a year per month and a year per day in at most 1 s each, so the page never keeps the accountant waiting.

    .venv/bin/python bench/sales_reports.py [--backend sqlite|postgresql|both] [--sales 300000] [--days 365]
                                            [--runs 7]
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from benchkit import chosen_backends, fresh_database, machine_summary, median_ms, p95_ms, parse_args, print_table
from sqlalchemy import Engine, Table, func, insert, select, text

from pos_app.db.models import (
    Booking,
    CashSession,
    JournalEntry,
    Refund,
    RefundLine,
    Register,
    Sale,
    SaleLine,
    SalePayment,
    Sku,
    Slot,
    User,
)
from pos_app.domain.money import currency
from pos_app.domain.roles import Actor, Role
from pos_app.domain.vat import split_gross
from pos_app.services import open_services

GOAL_MS = 1000.0
FIRST_DAY = date(2025, 1, 1)
BATCH = 10_000
EUR = currency("EUR")
PRODUCTS = (("BEN-TEE", Decimal("19.90"), Decimal("20")), ("BEN-BOOK", Decimal("9.99"), Decimal("5.5")))
SALES_PER_SEAT = 100
SEATS_PER_REFUND = 10
SEAT_PRICE = Decimal("30.00")


def configure(parser: Any) -> None:
    parser.add_argument("--sales", type=int, default=300_000, help="sales in all (default 300000)")
    parser.add_argument("--days", type=int, default=365, help="days of sales, from 2025-01-01 (default 365)")
    parser.add_argument("--runs", type=int, default=7, help="timed calls of each report (default 7)")


def seed(url: str, sales: int, days: int) -> tuple[Actor, int, int]:
    """Returns the accountant, the number of sale lines and the number of seats sold at the counter."""
    with open_services(url) as svc:
        admin = svc.auth.bootstrap_admin("admin", "bench-password")
        svc.auth.create_user(admin, "accountant", "bench-password", Role.ACCOUNTANT.value)
        svc.pos.add_register(admin, "R2", "Counter 2")
        for code, price, rate in PRODUCTS:
            svc.inventory.create_product(admin, sku=code, name=code, price=price, vat_rate=rate)
        accountant = svc.auth.login("accountant", "bench-password")
        engine = svc.db.write_engine
        with engine.connect() as conn:
            skus = [conn.scalar(select(Sku.id).where(Sku.code == code)) for code, _, _ in PRODUCTS]
            registers = list(conn.scalars(select(Register.id).order_by(Register.code)))
            cashier = conn.scalar(select(User.id).where(User.username == "admin"))
        lines = _write_sales(engine, sales, days, skus, registers, cashier)
        with engine.connect() as conn:
            seats = conn.scalar(select(func.count()).select_from(Booking)) or 0
        if engine.dialect.name == "postgresql":
            # The planner's view of a shop in use: a year per day took minutes once the tables were analyzed.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))
    return accountant, lines, seats


def _write_sales(engine: Engine, sales: int, days: int, skus: list[int], registers: list[int], cashier: int) -> int:
    chance = random.Random(11)
    rows: dict[str, list[dict[str, Any]]] = {
        "sessions": [],
        "sales": [],
        "lines": [],
        "payments": [],
        "slots": [],
        "bookings": [],
        "journal": [],
    }
    sequences = dict.fromkeys(registers, 0)
    seats_sold = 0

    def journaled(register: int, kind: str, at: datetime, amount: Decimal, payload: dict[str, Any]) -> None:
        sequences[register] += 1
        rows["journal"].append(
            {
                "register_id": register,
                "sequence": sequences[register],
                "kind": kind,
                "at": at,
                "amount": amount,
                "grand_total": Decimal(0),
                "payload": json.dumps(payload, sort_keys=True, separators=(",", ":")),
                "previous_hash": "",
                "hash": "",
                "signature": "",
            }
        )

    refunds: list[dict[str, Any]] = []
    refund_lines: list[dict[str, Any]] = []
    per_session = max(1, sales // (days * len(registers)))
    sale_id = line_id = session_id = 0
    line_count = 0
    with engine.begin() as conn:
        for day in range(days):
            opened = datetime.combine(FIRST_DAY + timedelta(days=day), datetime.min.time(), UTC) + timedelta(hours=9)
            for register in registers:
                session_id += 1
                rows["sessions"].append(
                    {
                        "id": session_id,
                        "register_id": register,
                        "opened_by": cashier,
                        "opened_at": opened,
                        "opening_float": Decimal(100),
                        "closed_by": cashier,
                        "closed_at": opened + timedelta(hours=10),
                        "counted_cash": Decimal(100),
                        "expected_cash": Decimal(100),
                    }
                )
                for n in range(per_session):
                    sale_id += 1
                    at = opened + timedelta(seconds=36_000 * n / per_session)
                    total = Decimal(0)
                    for index in range(chance.randint(1, 3)):
                        line_id += 1
                        code = index % 2
                        quantity = chance.randint(1, 3)
                        price, rate = PRODUCTS[code][1], PRODUCTS[code][2]
                        amount = price * quantity
                        total += amount
                        rows["lines"].append(
                            {
                                "id": line_id,
                                "sale_id": sale_id,
                                "sku_id": skus[code],
                                "quantity": quantity,
                                "unit_price": price,
                                "vat_rate": rate,
                                "discount_percent": Decimal(0),
                                "line_discount": Decimal(0),
                                "ticket_discount": Decimal(0),
                                "total": amount,
                            }
                        )
                        line_count += 1
                    change = Decimal(0)
                    if n % 3 == 0:
                        paid = total.quantize(Decimal(1)) + 1
                        change = paid - total
                        tenders = [("cash", paid)]
                    elif n % 3 == 1:
                        tenders = [("card", total)]
                    else:
                        tenders = [("card", Decimal(10)), ("cash", total - 10)]
                    rows["sales"].append(
                        {
                            "id": sale_id,
                            "number": f"B-{sale_id:08d}",
                            "register_id": register,
                            "session_id": session_id,
                            "cashier_id": cashier,
                            "at": at,
                            "currency": "EUR",
                            "gross": total,
                            "discount": Decimal(0),
                            "total": total,
                            "change_due": change,
                            "ticket_discount_percent": Decimal(0),
                        }
                    )
                    rows["payments"] += [{"sale_id": sale_id, "method": m, "amount": a} for m, a in tenders]
                    journaled(register, "sale", at, total, {"number": f"B-{sale_id:08d}"})
                    if sale_id % 50 == 0:
                        refund = len(refunds) + 1
                        last = rows["lines"][-1]
                        refunds.append(
                            {
                                "id": refund,
                                "number": f"B-R-{refund:08d}",
                                "sale_id": sale_id,
                                "register_id": register,
                                "session_id": session_id,
                                "cashier_id": cashier,
                                "at": at + timedelta(minutes=5),
                                "method": "cash",
                                "total": last["unit_price"],
                                "reason": "Customer return",
                            }
                        )
                        refund_lines.append(
                            {
                                "refund_id": refund,
                                "sale_line_id": last["id"],
                                "quantity": 1,
                                "amount": last["unit_price"],
                            }
                        )
                seats_sold = _sell_seats(
                    rows, journaled, session_id, register, cashier, opened, per_session, seats_sold
                )
                if len(rows["lines"]) >= BATCH:
                    _flush(conn, rows)
        _flush(conn, rows)
        _insert(conn, Refund.__table__, refunds)
        _insert(conn, RefundLine.__table__, refund_lines)
    return line_count


def _sell_seats(
    rows: dict[str, list[dict[str, Any]]],
    journaled: Callable[..., None],
    session_id: int,
    register: int,
    cashier: int,
    opened: datetime,
    per_session: int,
    seats_sold: int,
) -> int:
    """A slot of the session's day with a seat sold at the till for every SALES_PER_SEAT sales (one at least), every
    SEATS_PER_REFUND-th paid back an hour later; returns the seats sold so far."""
    seats = max(1, per_session // SALES_PER_SEAT)
    starts = opened + timedelta(days=30, hours=session_id % 8)
    rows["slots"].append(
        {
            "id": session_id,
            "title": f"Workshop {session_id}",
            "kind": "workshop",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "capacity": seats,
            "price": SEAT_PRICE,
            "vat_rate": Decimal("20"),
            "created_by": cashier,
            "created_at": opened,
        }
    )
    for seat in range(1, seats + 1):
        seats_sold += 1
        at = opened + timedelta(seconds=36_000 * seat / (seats + 1))
        number, method = f"BK-{seats_sold:08d}", ("cash", "card")[seats_sold % 2]
        paid_back = seats_sold % SEATS_PER_REFUND == 0
        rows["bookings"].append(
            {
                "id": str(uuid.UUID(int=seats_sold)),
                "number": number,
                "slot_id": session_id,
                "slot_capacity": seats,
                "seat_no": None if paid_back else seat,
                "status": "cancelled_by_shop" if paid_back else "confirmed",
                "channel": "counter",
                "name": "Bench customer",
                "email": "",
                "price": SEAT_PRICE,
                "vat_rate": Decimal("20"),
                "currency": "EUR",
                "created_at": at,
                "updated_at": at,
                "paid_at": at,
                "payment_method": method,
                "register_id": register,
                "cash_session_id": session_id,
                "sold_by": cashier,
            }
        )
        journaled(register, "booking_sale", at, SEAT_PRICE, {"method": method, "number": number})
        if paid_back:
            payload = {"amount": str(SEAT_PRICE), "method": method, "number": number, "session": session_id}
            journaled(register, "booking_refund", at + timedelta(hours=1), -SEAT_PRICE, payload)
    return seats_sold


def _flush(conn: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
    for key, table in (
        ("sessions", CashSession.__table__),
        ("sales", Sale.__table__),
        ("lines", SaleLine.__table__),
        ("payments", SalePayment.__table__),
        ("slots", Slot.__table__),
        ("bookings", Booking.__table__),
        ("journal", JournalEntry.__table__),
    ):
        _insert(conn, table, rows[key])
        rows[key].clear()


def _insert(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        conn.execute(insert(table), rows[start : start + BATCH])


def timed(call: Callable[[], object], runs: int) -> list[float]:
    call()  # warm the caches, as a second look at the page would
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def measure(url: str, accountant: Actor, days: int, runs: int) -> list[tuple[str, str, str]]:
    """(report, median ms, p95 ms) of each report the pages ask for."""
    with open_services(url, clock=lambda: datetime(2026, 1, 1, tzinfo=UTC)) as svc:
        reports = svc.sales_reports
        last = FIRST_DAY + timedelta(days=days - 1)
        cases: list[tuple[str, Callable[[], object]]] = [
            ("a year per month", partial(reports.report, accountant, FIRST_DAY, last, "month", zone=UTC)),
            ("a year per day", partial(reports.report, accountant, FIRST_DAY, last, "day", zone=UTC)),
            (
                "a quarter per week",
                partial(reports.report, accountant, FIRST_DAY, FIRST_DAY + timedelta(days=90), "week", zone=UTC),
            ),
            (
                "a month per day",
                partial(reports.report, accountant, FIRST_DAY, FIRST_DAY + timedelta(days=30), "day", zone=UTC),
            ),
            ("a day (dashboard)", partial(reports.day_summary, accountant, last, zone=UTC)),
            ("till sessions, first 101", partial(reports.till_sessions, accountant, limit=101)),
        ]
        year = reports.report(accountant, FIRST_DAY, last, "month", zone=UTC).total
        net = sum((split_gross(s.gross, s.rate, EUR).net for s in year.vat), Decimal(0))
        print(f"  the year: {year.sales_count:,} sales, {year.total} incl. VAT, {year.refunds_count:,} refunds")
        print(f"  (its VAT split once per rate would give {net} excl. VAT; the report says {year.net})")
        table = []
        for name, call in cases:
            samples = timed(call, runs)
            table.append((name, f"{median_ms(samples):.0f}", f"{p95_ms(samples):.0f}"))
        return table


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], configure)
    print(machine_summary())
    for backend in chosen_backends(args.backend):
        with fresh_database(backend) as url:
            started = time.perf_counter()
            accountant, lines, seats = seed(url, args.sales, args.days)
            print(
                f"\n{backend}: seeded {args.sales:,} sales ({lines:,} lines) and {seats:,} seats sold at the counter "
                f"in {time.perf_counter() - started:.1f} s"
            )
            table = measure(url, accountant, args.days, args.runs)
            print_table(f"{backend}: time to make each report (ms)", ("report", "median", "p95"), table)
            worst = max(float(table[0][1]), float(table[1][1]))
            verdict = "met" if worst <= GOAL_MS else "missed"
            print(f"  goal: a year per month and per day in <= {GOAL_MS:.0f} ms each: {verdict} ({worst:.0f} ms)")


if __name__ == "__main__":
    main()
