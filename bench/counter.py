"""Counter sales: latency of a 5-line cash sale against raw SQL, sales per second with 8 counters, Z report time.

(a) Latency. POSService.checkout of a 5-line cash sale, against the same transaction written out as raw SQL
    on a bare DB-API connection (RawCounter below): the same reads (the open till, the currency, the SKUs and
    their prices, the stock rows locked in id order and their active holds, the running promotions, the
    register's lock, its month closing, its last journal entry and its signed head, whose signature is
    checked) and the same rows (the sale number, the sale, its 5 lines and its payment, 5 stock updates with
    their movements, the journal entry and the register's new head). Prices, VAT, change, the entry's hash
    and both signatures come from the same domain functions and key as the service's. The two paths
    alternate call by call on the same till, so the raw entries chain into the same journal, which must
    verify afterwards. Goal: the service's median latency is at least half as good as raw SQL's
    (raw median / service median >= 0.5).
(b) Throughput. 8 processes, each at its own register, sell 5-line tickets picked at random among 40 SKUs for
    --seconds per round; the same processes then do the same through RawCounter. Reported: sales per second
    of all processes together, and the processes' own CPU time per sale.
(c) Z report. --z-runs tills each take --session-sales sales (1 to 5 lines, cash with change, card, or both),
    seeded through RawCounter in transactions of 500 sales; then POSService.z_report (read, median of 5
    calls) and POSService.close_session (the counted close that writes the Z report's journal entry) are
    timed on each till. Goal: closing takes at most 1 s.

The database gets the catalogue of bench/catalogue_seed.py, then 40 of its SKUs receive 1,000,000 units each.
The journal is signed with a throwaway key unless POS_JOURNAL_KEY_FILE names one.

    .venv/bin/python bench/counter.py [--backend sqlite|postgresql|both] [--skus 100000] [--sales 300]
                                      [--seconds 5] [--rounds 3] [--session-sales 5000] [--z-runs 3]
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from adjustments import check_ledger
from benchkit import (
    chosen_backends,
    fresh_database,
    load_average,
    machine_summary,
    median_ms,
    p95_ms,
    paramstyle,
    parse_args,
    print_table,
    raw_connection,
    sqlite_timestamp,
    time_pair,
)
from catalogue_seed import seed_catalogue
from sqlalchemy import text

from pos_app.domain.catalogue import unit_price
from pos_app.domain.journal import (
    ChainPosition,
    Head,
    build_on,
    entry_hash,
    entry_message,
    fixed_amount,
    next_entry,
)
from pos_app.domain.journal_closings import Period
from pos_app.domain.money import Currency, currency
from pos_app.domain.roles import Actor
from pos_app.domain.sale import PaymentMethod, PricedTicket, Tender, TicketLine, price_ticket, settle
from pos_app.journal_keys import KEY_FILE_ENV, current_signer
from pos_app.services import Services, open_services

LATENCY_GOAL = 0.5
CLOSE_GOAL_S = 1.0
USERS = {"admin": "admin-password", "cashier": "cashier-password"}
COUNTER_SKUS = 40
COUNTER_STOCK = 1_000_000
LINES_PER_SALE = 5
TENDERED = Decimal("1000")  # a large note: every 5-line ticket gets change back
WORKERS = 8
SALES_PER_TRANSACTION = 500  # when seeding a session
Z_CALLS = 5

Lines = Sequence[tuple[str, int]]
Payer = Callable[[Decimal], Sequence[Tender]]

# POSService.checkout's statements (services/pos.py, db/locks.py, db/stock_queries.py, db/sequences.py,
# services/stock_records.py, services/journal.py), written once with :name parameters.
OPEN_TILL = """
SELECT cash_sessions.id, registers.id, registers.code FROM cash_sessions
JOIN registers ON registers.id = cash_sessions.register_id
WHERE registers.code = :code AND cash_sessions.open_register_id IS NOT NULL
"""
CURRENCY = "SELECT value FROM settings WHERE key = 'currency'"
FIND_SKUS = """
SELECT skus.id, skus.code, products.id, products.category_id, products.price, products.promo_price,
       skus.price_override, products.vat_rate
FROM skus JOIN products ON products.id = skus.product_id
WHERE skus.code IN ({codes}) AND skus.active AND products.active
"""
RUNNING = "promotions.active AND promotions.starts_at <= :now AND promotions.ends_at > :now"
RUNNING_PROMOTIONS = f"""
SELECT promotions.id FROM promotions JOIN promotion_products ON promotion_products.promotion_id = promotions.id
WHERE {RUNNING} AND promotion_products.product_id IN ({{products}})
UNION ALL
SELECT promotions.id FROM promotions JOIN promotion_categories ON promotion_categories.promotion_id = promotions.id
WHERE {RUNNING} AND promotion_categories.category_id IN ({{categories}})
UNION ALL
SELECT promotions.id FROM promotions WHERE {RUNNING}
AND NOT EXISTS (SELECT 1 FROM promotion_products WHERE promotion_products.promotion_id = promotions.id)
AND NOT EXISTS (SELECT 1 FROM promotion_categories WHERE promotion_categories.promotion_id = promotions.id)
"""
LOCK_STOCK = "SELECT sku_id, on_hand FROM stock_levels WHERE sku_id IN ({ids}) ORDER BY sku_id"
PG_ROW_LOCK = " FOR UPDATE"
RESERVED = """
SELECT reservation_lines.sku_id, sum(reservation_lines.quantity) FROM reservation_lines
WHERE reservation_lines.sku_id IN ({ids}) AND EXISTS (
    SELECT * FROM reservations WHERE reservations.id = reservation_lines.reservation_id
    AND reservations.status = 'active' AND reservations.expires_at > :now)
GROUP BY reservation_lines.sku_id
"""
NEXT_NUMBER = """
INSERT INTO number_sequences (series, year, last) VALUES (:series, :year, 1)
ON CONFLICT (series, year) DO UPDATE SET last = number_sequences.last + 1 RETURNING last
"""
INSERT_SALE = """
INSERT INTO sales (number, register_id, session_id, cashier_id, customer_id, at, currency, gross, discount, total,
                   change_due, ticket_discount_percent)
VALUES (:number, :register_id, :session_id, :cashier_id, NULL, :at, :currency, :gross, :discount, :total,
        :change_due, 0) RETURNING id
"""
INSERT_LINE = """
INSERT INTO sale_lines (sale_id, sku_id, quantity, unit_price, vat_rate, discount_percent, automatic_discount,
                        discount_label, line_discount, ticket_discount, total)
VALUES (:sale_id, :sku_id, :quantity, :unit_price, :vat_rate, 0, 0, '', :line_discount, :ticket_discount, :total)
"""
INSERT_PAYMENT = """
INSERT INTO sale_payments (sale_id, method, amount, reference) VALUES (:sale_id, :method, :amount, :reference)
"""
APPLY = "UPDATE stock_levels SET on_hand = on_hand + :delta WHERE sku_id = :sku_id AND on_hand + :delta >= 0"
RECORD = """
INSERT INTO stock_movements (sku_id, kind, quantity, stock_before, stock_after, reason, reference, user_id, at)
VALUES (:sku_id, 'sale', :delta, :before, :after, 'Counter sale', :reference, :user_id, :at)
"""
LOCK_REGISTER = "SELECT code FROM registers WHERE id = :register_id"
PG_REGISTER_LOCK = " FOR NO KEY UPDATE"
LAST_ENTRY = """
SELECT sequence, hash, grand_total FROM journal_entries WHERE register_id = :register_id
ORDER BY sequence DESC LIMIT 1
"""
MONTH_CLOSED = (
    "SELECT id FROM journal_closings WHERE register_id = :register_id AND kind = 'month' AND period = :period"
)
READ_SETTING = "SELECT value FROM settings WHERE key = :key"
INSERT_ENTRY = """
INSERT INTO journal_entries (register_id, sequence, kind, at, amount, grand_total, payload, previous_hash, hash,
                             signature)
VALUES (:register_id, :sequence, 'sale', :at, :amount, :grand_total, :payload, :previous_hash, :hash, :signature)
"""
WRITE_SETTING = "INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = :value"
HEAD_SETTING_PREFIX = "journal_head."  # as services/journal.py keeps the signed heads
PUBLIC_KEY_SETTING = "journal_public_key"


def pay_cash(_total: Decimal) -> Sequence[Tender]:
    return (Tender(PaymentMethod.CASH, TENDERED),)


@dataclass
class _Found:
    id: int
    product_id: int
    category_id: int | None
    price: Decimal
    vat_rate: Decimal


class RawCounter:
    """POSService.checkout's transaction for sales at one register, written out on a bare DB-API connection."""

    def __init__(self, url: str, backend: str, register: str, cashier_id: int | None) -> None:
        self.backend = backend
        self.register = register
        self.cashier_id = cashier_id
        self.conn = raw_connection(url)
        self.signer = current_signer()
        self._statements: dict[tuple[Any, ...], str] = {}
        cur = self.conn.cursor()
        cur.execute(self._sql(READ_SETTING), {"key": PUBLIC_KEY_SETTING})
        stored = cur.fetchone()
        if stored is not None and stored[0] != self.signer.public_key.pem:
            raise SystemExit("the database's journal is signed with another key than POS_JOURNAL_KEY_FILE's")
        self.conn.commit()

    def sell(self, lines: Lines, pay: Payer = pay_cash) -> Decimal:
        """One sale in one transaction; returns its total."""
        return self.sell_batch([(lines, pay)])[0]

    def sell_batch(self, tickets: Sequence[tuple[Lines, Payer]]) -> list[Decimal]:
        """Several sales in one transaction (to seed a session fast); returns their totals."""
        cur = self.conn.cursor()
        if self.backend == "sqlite":
            cur.execute("BEGIN IMMEDIATE")
        try:
            totals = [self._sell_in_transaction(cur, lines, pay) for lines, pay in tickets]
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        return totals

    def close(self) -> None:
        self.conn.close()

    def _sql(self, sql: str, **lists: int) -> str:
        """The statement for this backend, with as many placeholders in each {list} as `lists` says (named
        :list0, :list1...); built once per shape."""
        key = (sql, *sorted(lists.items()))
        if key not in self._statements:
            written = sql.format(
                **{name: ", ".join(f":{name}{n}" for n in range(count)) for name, count in lists.items()}
            )
            if self.backend == "postgresql" and sql is LOCK_STOCK:
                written += PG_ROW_LOCK
            if self.backend == "postgresql" and sql is LOCK_REGISTER:
                written += PG_REGISTER_LOCK
            self._statements[key] = paramstyle(written, self.backend)
        return self._statements[key]

    @staticmethod
    def _list(name: str, values: Sequence[Any]) -> dict[str, Any]:
        return {f"{name}{n}": value for n, value in enumerate(values)}

    def _value(self, value: Any) -> Any:
        """A parameter as SQLAlchemy binds it: SQLite gets money as float and times as naive UTC text."""
        if self.backend != "sqlite":
            return value
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, datetime):
            return sqlite_timestamp(value)
        return value

    def _params(self, **values: Any) -> dict[str, Any]:
        return {name: self._value(value) for name, value in values.items()}

    @staticmethod
    def _decimal(value: Any) -> Decimal:
        """A Numeric column as SQLAlchemy reads it back (SQLite keeps floats: 4 decimals, like the columns)."""
        return value if isinstance(value, Decimal) else Decimal(f"{value:.4f}")

    def _price(self, price: Any, promo: Any, override: Any) -> Decimal:
        return unit_price(
            self._decimal(price),
            None if promo is None else self._decimal(promo),
            None if override is None else self._decimal(override),
        )

    def _sell_in_transaction(self, cur: Any, lines: Lines, pay: Payer) -> Decimal:
        now = datetime.now(UTC)
        cur.execute(self._sql(OPEN_TILL), {"code": self.register})
        session_id, register_id, code = cur.fetchone()
        cur.execute(self._sql(CURRENCY))
        setting = cur.fetchone()
        money = currency(setting[0] if setting else "EUR")
        found = self._find(cur, [sku for sku, _ in lines])
        units = {found[sku].id: quantity for sku, quantity in lines}
        on_hand = self._lock_stock(cur, units, now)
        self._check_no_promotion(cur, found, now)
        ticket = price_ticket(
            [TicketLine(sku, quantity, found[sku].price, found[sku].vat_rate) for sku, quantity in lines],
            Decimal(0),
            money,
        )
        settlement = settle(ticket.total, [Tender(t.method, money.round(t.amount)) for t in pay(ticket.total)], money)
        cur.execute(self._sql(NEXT_NUMBER), {"series": f"S-{code}", "year": now.year})
        number = f"{code}-{now.year}-{cur.fetchone()[0]:06d}"
        values = dict(register_id=register_id, session_id=session_id, cashier_id=self.cashier_id, at=now)
        cur.execute(
            self._sql(INSERT_SALE),
            self._params(
                number=number,
                currency=money.code,
                gross=ticket.gross,
                discount=ticket.discount,
                total=ticket.total,
                change_due=settlement.change_due,
                **values,
            ),
        )
        sale_id = cur.fetchone()[0]
        self._write_lines(cur, sale_id, ticket, found, settlement.tenders)
        self._write_movements(cur, units, on_hand, number, now)
        self._append_journal(cur, register_id, number, ticket, settlement.tenders, money, now)
        return ticket.total

    def _find(self, cur: Any, codes: list[str]) -> dict[str, _Found]:
        cur.execute(self._sql(FIND_SKUS, codes=len(codes)), self._list("codes", codes))
        found = {
            code: _Found(sku_id, product_id, category_id, self._price(*prices), self._decimal(rate))
            for sku_id, code, product_id, category_id, *prices, rate in cur.fetchall()
        }
        if len(found) != len(set(codes)):
            raise RuntimeError(f"unknown or inactive SKU among {codes}")
        return found

    def _check_no_promotion(self, cur: Any, found: dict[str, _Found], now: datetime) -> None:
        """The promotions running now on these products: the bench runs none, so prices stay as listed."""
        products = sorted({item.product_id for item in found.values()})
        categories = sorted({item.category_id for item in found.values() if item.category_id is not None}) or [0]
        cur.execute(
            self._sql(RUNNING_PROMOTIONS, products=len(products), categories=len(categories)),
            {**self._list("products", products), **self._list("categories", categories), "now": self._value(now)},
        )
        if cur.fetchall():
            raise RuntimeError("a promotion is running: RawCounter does not apply automatic discounts")

    def _lock_stock(self, cur: Any, units: dict[int, int], now: datetime) -> dict[int, int]:
        ids = self._list("ids", sorted(units))
        cur.execute(self._sql(LOCK_STOCK, ids=len(ids)), ids)
        on_hand = dict(cur.fetchall())
        cur.execute(self._sql(RESERVED, ids=len(ids)), {**ids, "now": self._value(now)})
        held = {sku_id: int(total) for sku_id, total in cur.fetchall()}
        short = [sku_id for sku_id, wanted in units.items() if on_hand[sku_id] - held.get(sku_id, 0) < wanted]
        if short:
            raise RuntimeError(f"not enough stock of SKU ids {short}")
        return on_hand

    def _write_lines(
        self, cur: Any, sale_id: int, ticket: PricedTicket, found: dict[str, _Found], tenders: Sequence[Tender]
    ) -> None:
        cur.executemany(
            self._sql(INSERT_LINE),
            [
                self._params(
                    sale_id=sale_id,
                    sku_id=found[line.sku].id,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    vat_rate=line.vat_rate,
                    line_discount=line.line_discount,
                    ticket_discount=line.ticket_discount,
                    total=line.total,
                )
                for line in ticket.lines
            ],
        )
        cur.executemany(
            self._sql(INSERT_PAYMENT),
            [
                self._params(sale_id=sale_id, method=t.method.value, amount=t.amount, reference=t.reference)
                for t in tenders
            ],
        )

    def _write_movements(
        self, cur: Any, units: dict[int, int], on_hand: dict[int, int], number: str, now: datetime
    ) -> None:
        cur.executemany(self._sql(APPLY), [{"sku_id": sku_id, "delta": -q} for sku_id, q in units.items()])
        cur.executemany(
            self._sql(RECORD),
            [
                self._params(
                    sku_id=sku_id,
                    delta=-quantity,
                    before=on_hand[sku_id],
                    after=on_hand[sku_id] - quantity,
                    reference=number,
                    user_id=self.cashier_id,
                    at=now,
                )
                for sku_id, quantity in units.items()
            ],
        )

    def _append_journal(
        self,
        cur: Any,
        register_id: int,
        number: str,
        ticket: PricedTicket,
        tenders: Sequence[Tender],
        money: Currency,
        now: datetime,
    ) -> None:
        cur.execute(self._sql(LOCK_REGISTER), {"register_id": register_id})
        code = cur.fetchone()[0]
        cur.execute(self._sql(MONTH_CLOSED), {"register_id": register_id, "period": Period.month_at(now).label})
        if cur.fetchone() is not None:
            raise RuntimeError(f"the month of {now} is closed on register {code}")
        cur.execute(self._sql(LAST_ENTRY), {"register_id": register_id})
        last = cur.fetchone()
        cur.execute(self._sql(READ_SETTING), {"key": f"{HEAD_SETTING_PREFIX}{register_id}"})
        head_row = cur.fetchone()
        head = self._checked_head(code, head_row[0]) if head_row else None
        last_position = ChainPosition(last[0], last[1], self._decimal(last[2])) if last else None
        content = next_entry(
            build_on(head, last_position), code, "sale", now, ticket.total, _payload(number, ticket, tenders)
        )
        digest = entry_hash(content)
        cur.execute(
            self._sql(INSERT_ENTRY),
            self._params(
                register_id=register_id,
                sequence=content.sequence,
                at=now,
                amount=ticket.total,
                grand_total=content.grand_total,
                payload=content.payload_text(),
                previous_hash=content.previous_hash,
                hash=digest,
                signature=self.signer.sign(entry_message(digest)),
            ),
        )
        new_head = Head(code, content.sequence, digest, content.grand_total)
        stored = {
            "register": code,
            "sequence": content.sequence,
            "hash": digest,
            "grand_total": fixed_amount(content.grand_total),
            "signature": self.signer.sign(new_head.message()),
        }
        value = json.dumps(stored, sort_keys=True)
        cur.execute(self._sql(WRITE_SETTING), {"key": f"{HEAD_SETTING_PREFIX}{register_id}", "value": value})

    def _checked_head(self, code: str, stored: str) -> ChainPosition:
        data = json.loads(stored)
        head = Head(str(data["register"]), int(data["sequence"]), str(data["hash"]), Decimal(data["grand_total"]))
        if head.register != code or not self.signer.public_key.is_valid(head.message(), str(data["signature"])):
            raise RuntimeError(f"the signed head of register {code} is not valid")
        return head.position


def _payload(number: str, ticket: PricedTicket, tenders: Sequence[Tender]) -> dict[str, Any]:
    """The sale's journal payload, as POSService.checkout writes it."""
    return {
        "number": number,
        "customer": None,
        "lines": [
            [p.sku, p.quantity, str(p.unit_price), str(p.total), str(p.vat_rate), str(p.automatic_discount), ""]
            for p in ticket.lines
        ],
        "discount": str(ticket.discount),
        "total": str(ticket.total),
        "vat": [[str(v.rate), str(v.net), str(v.vat)] for v in ticket.vat],
        "payments": [[t.method.value, str(t.amount)] for t in tenders],
    }


class CpuTimed:
    """A call that keeps, call by call, the CPU time this process spent in it."""

    def __init__(self, call: Callable[[], object]) -> None:
        self._call = call
        self.cpu: list[float] = []

    def __call__(self) -> None:
        started = time.process_time()
        self._call()
        self.cpu.append(time.process_time() - started)


@dataclass(frozen=True)
class Shop:
    url: str
    backend: str
    admin: Actor
    cashier: Actor
    skus: list[str]


def set_up_shop(svc: Services, url: str, backend: str, sku_count: int) -> Shop:
    catalogue = seed_catalogue(svc.db.write_engine, sku_count)
    print(f"{backend}: seeded {sku_count:,} SKUs in {catalogue.seconds:.1f} s")
    admin = svc.auth.bootstrap_admin("admin", USERS["admin"])
    svc.auth.create_user(admin, "cashier", USERS["cashier"], "cashier")
    cashier = svc.auth.login("cashier", USERS["cashier"])
    with svc.db.read_engine.connect() as conn:
        sellable = conn.execute(
            text(
                "SELECT skus.code FROM skus JOIN products ON products.id = skus.product_id "
                "WHERE skus.active AND products.active ORDER BY skus.id"
            )
        ).scalars()
        skus = random.Random(5).sample(list(sellable), COUNTER_SKUS)
    for code in skus:
        svc.inventory.receive(admin, code, COUNTER_STOCK, "bench stock")
    return Shop(url, backend, admin, cashier, skus)


def ticket_lines(skus: Sequence[str], index: int, count: int = LINES_PER_SALE) -> list[tuple[str, int]]:
    """The `index`-th ticket: `count` different SKUs of the pool, one unit each."""
    return [(skus[(index * LINES_PER_SALE + k) % len(skus)], 1) for k in range(count)]


def measure_latency(svc: Services, shop: Shop, sales: int) -> list[object]:
    svc.pos.open_session(shop.cashier, "R1", Decimal("200"))
    raw = RawCounter(shop.url, shop.backend, "R1", shop.cashier.user_id)
    tickets = {"service": 0, "raw": 0}

    def next_ticket(path: str) -> list[tuple[str, int]]:
        tickets[path] += 1
        return ticket_lines(shop.skus, tickets[path])

    service = CpuTimed(
        lambda: svc.pos.checkout(shop.cashier, next_ticket("service"), [("cash", TENDERED)], register="R1")
    )
    by_hand = CpuTimed(lambda: raw.sell(next_ticket("raw")))
    warmup = 5
    try:
        service_s, raw_s = time_pair(service, by_hand, sales, warmup)
    finally:
        raw.close()
    expected = sum(tickets.values())
    report = svc.pos.x_report(shop.cashier, register="R1")
    if report.sales_count != expected:
        raise SystemExit(f"R1 shows {report.sales_count} sales, {expected} were made")
    ratio = median_ms(raw_s) / median_ms(service_s)
    return [
        shop.backend,
        f"{median_ms(service_s):.2f}",
        f"{p95_ms(service_s):.2f}",
        f"{statistics.median(service.cpu[warmup:]) * 1000:.2f}",
        f"{median_ms(raw_s):.2f}",
        f"{p95_ms(raw_s):.2f}",
        f"{statistics.median(by_hand.cpu[warmup:]) * 1000:.2f}",
        f"{ratio:.2f}",
        f">= {LATENCY_GOAL}",
        "yes" if ratio >= LATENCY_GOAL else "NO",
    ]


def measure_throughput(svc: Services, shop: Shop, seconds: float, rounds: int) -> list[object]:
    registers = [f"C{n + 1}" for n in range(WORKERS)]
    for code in registers:
        svc.pos.add_register(shop.admin, code, f"Counter {code}")
        svc.pos.open_session(shop.cashier, code, Decimal("200"))
    service_rounds, raw_rounds = [], []
    for round_index in range(rounds):
        service_rounds.append(_run_counters(shop, registers, "service", seconds, round_index))
        raw_rounds.append(_run_counters(shop, registers, "raw", seconds, round_index))
    sold = sum(svc.pos.x_report(shop.cashier, register=code).sales_count for code in registers)
    counted = sum(done for rounds_of_path in (service_rounds, raw_rounds) for done, _, _ in rounds_of_path)
    if sold != counted + 2 * rounds * WORKERS:  # each process makes one warm-up sale per round
        raise SystemExit(f"the registers show {sold} sales, the processes counted {counted}")
    service = statistics.median(done / wall for done, wall, _ in service_rounds)
    raw = statistics.median(done / wall for done, wall, _ in raw_rounds)
    return [
        shop.backend,
        f"{service:,.0f}",
        f"{statistics.median(cpu / max(done, 1) for done, _, cpu in service_rounds) * 1000:.1f}",
        f"{raw:,.0f}",
        f"{statistics.median(cpu / max(done, 1) for done, _, cpu in raw_rounds) * 1000:.1f}",
        f"{service / raw:.2f}",
    ]


def _run_counters(
    shop: Shop, registers: list[str], path: str, seconds: float, round_index: int
) -> tuple[int, float, float]:
    """(sales of all processes, seconds, CPU seconds of all processes) for one round of one path."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS + 1)
    counts = context.Queue()
    workers = [
        context.Process(target=_counter_loop, args=(shop, register, path, seconds, round_index, barrier, counts))
        for register in registers
    ]
    for worker in workers:
        worker.start()
    barrier.wait()
    started = time.perf_counter()
    reports = [counts.get(timeout=seconds + 120) for _ in workers]
    wall = time.perf_counter() - started
    for worker in workers:
        worker.join()
    errors = [error for _, _, error in reports if error]
    if errors:
        raise SystemExit(f"a counter failed: {errors[0]}")
    return sum(done for done, _, _ in reports), wall, sum(cpu for _, cpu, _ in reports)


def _counter_loop(
    shop: Shop, register: str, path: str, seconds: float, round_index: int, barrier: Any, counts: Any
) -> None:
    """One counter: 5 different SKUs of the pool at random per ticket, paid cash, for `seconds`."""
    rng = random.Random(f"{register}-{round_index}")
    done, cpu, error = 0, 0.0, ""
    try:
        with open_services(shop.url) as svc:
            raw = RawCounter(shop.url, shop.backend, register, shop.cashier.user_id) if path == "raw" else None

            def sell() -> None:
                lines = [(code, 1) for code in rng.sample(shop.skus, LINES_PER_SALE)]
                if raw is not None:
                    raw.sell(lines)
                else:
                    svc.pos.checkout(shop.cashier, lines, [("cash", TENDERED)], register=register)

            sell()  # connects and warms the caches before the clock starts
            barrier.wait()
            deadline, cpu = time.perf_counter() + seconds, time.process_time()
            while time.perf_counter() < deadline:
                sell()
                done += 1
            cpu = time.process_time() - cpu
            if raw is not None:
                raw.close()
    except Exception as failure:  # report it: the parent would otherwise wait for a count that never comes
        barrier.abort()
        error = f"{type(failure).__name__}: {failure}"
    counts.put((done, cpu, error))


def _seed_payment(index: int) -> Payer:
    """Cash with change, card for the exact total, or a 20 note and the rest by card, in turn."""
    kind = index % 3
    if kind == 0:
        return pay_cash
    if kind == 1:
        return lambda total: (Tender(PaymentMethod.CARD, total),)
    return lambda total: (
        (Tender(PaymentMethod.CASH, Decimal(20)), Tender(PaymentMethod.CARD, total - 20))
        if total > 20
        else (Tender(PaymentMethod.CASH, TENDERED),)
    )


def measure_z_report(svc: Services, shop: Shop, session_sales: int, runs: int) -> list[object]:
    reads, closes, seeding = [], [], []
    for run in range(runs):
        code = f"Z{run + 1}"
        svc.pos.add_register(shop.admin, code, f"Counter {code}")
        till = svc.pos.open_session(shop.cashier, code, Decimal("200"))
        started = time.perf_counter()
        takings = _seed_session(shop, code, session_sales)
        seeding.append(time.perf_counter() - started)
        for _ in range(Z_CALLS):
            started = time.perf_counter()
            report = svc.pos.z_report(shop.admin, till.id)
            reads.append(time.perf_counter() - started)
        started = time.perf_counter()
        closed = svc.pos.close_session(shop.cashier, report.expected_cash, register=code)
        closes.append(time.perf_counter() - started)
        if (closed.sales_count, closed.sales_total) != (session_sales, takings):
            raise SystemExit(
                f"{code}: Z report of {closed.sales_count} sales for {closed.sales_total}, "
                f"{session_sales} were seeded for {takings}"
            )
    close = statistics.median(closes)
    return [
        shop.backend,
        f"{session_sales:,}",
        f"{statistics.median(seeding):.1f} s",
        f"{median_ms(reads):.0f}",
        f"{close * 1000:.0f}",
        f"{max(closes) * 1000:.0f}",
        f"<= {CLOSE_GOAL_S * 1000:.0f}",
        "yes" if close <= CLOSE_GOAL_S else "NO",
    ]


def _seed_session(shop: Shop, register: str, sales: int) -> Decimal:
    """`sales` sales of 1 to 5 lines at `register` through RawCounter; returns their takings."""
    raw = RawCounter(shop.url, shop.backend, register, shop.cashier.user_id)
    takings = Decimal(0)
    try:
        for start in range(0, sales, SALES_PER_TRANSACTION):
            indexes = range(start, min(sales, start + SALES_PER_TRANSACTION))
            tickets = [(ticket_lines(shop.skus, i, 1 + i % LINES_PER_SALE), _seed_payment(i)) for i in indexes]
            takings += sum(raw.sell_batch(tickets), Decimal(0))
    finally:
        raw.close()
    return takings


def check_journal(svc: Services) -> None:
    """Every entry, the service's and RawCounter's alike, chains and carries a valid signature."""
    verdict = svc.journal.verify()
    if not verdict.ok:
        raise SystemExit(verdict.verdict)
    print(f"{verdict.verdict}")


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], _options)
    if not os.environ.get(KEY_FILE_ENV):
        os.environ[KEY_FILE_ENV] = str(Path(tempfile.mkdtemp(prefix="pos-bench-key-")) / "journal.pem")
    print(machine_summary())
    latency, throughput, closing = [], [], []
    for backend in chosen_backends(args.backend):
        with fresh_database(backend) as url, open_services(url) as svc:
            shop = set_up_shop(svc, url, backend, args.skus)
            latency.append(measure_latency(svc, shop, args.sales))
            throughput.append(measure_throughput(svc, shop, args.seconds, args.rounds))
            closing.append(measure_z_report(svc, shop, args.session_sales, args.z_runs))
            check_ledger(svc)
            check_journal(svc)
    print_table(
        f"(a) a 5-line cash sale, {args.sales} per path, alternating (ms; CPU of this process)",
        [
            "backend", "service median", "p95", "CPU", "raw median", "p95", "CPU",
            "ratio raw/service", "goal", "met",
        ],
        latency,
    )  # fmt: skip
    print_table(
        f"(b) {WORKERS} processes, one register each, 5-line sales for {args.seconds:g} s "
        f"(median of {args.rounds} rounds; CPU ms of the processes per sale)",
        ["backend", "service sales/s", "CPU ms/sale", "raw sales/s", "CPU ms/sale", "ratio"],
        throughput,
    )
    print_table(
        f"(c) Z report of a session of {args.session_sales:,} sales ({args.z_runs} sessions)",
        ["backend", "sales", "seeding", "z_report median ms", "close_session median ms", "max", "goal", "met"],
        closing,
    )
    print(f"\n{load_average()}")


def _options(parser: Any) -> None:
    parser.add_argument("--sales", type=int, default=300, help="timed sales per path for (a)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of a round of (b)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per path for (b)")
    parser.add_argument("--session-sales", type=int, default=5000, help="sales in each session of (c)")
    parser.add_argument("--z-runs", type=int, default=3, help="sessions closed for (c)")


if __name__ == "__main__":
    main()
