"""Catalogue look-ups at the counter: scan a barcode, search by words, on a large catalogue.

Goals: svc.inventory.find_by_barcode(code) median <= 1 ms; svc.inventory.search(words) median <= 20 ms,
on SQLite and on PostgreSQL, with 100,000 SKUs. Each service call is set against the same SQL issued
through the DB-API connection directly (the "raw" column), so the two costs can be told apart. On SQLite
that includes the search's capped count in skus_fts and, when it finds few SKUs, the FTS filter
(pos_app/db/search.py).

    .venv/bin/python bench/catalogue_lookup.py [--backend sqlite|postgresql|both] [--skus N]
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

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
from catalogue_seed import Catalogue, seed_catalogue

from pos_app.db.search import FEW_MATCHES, TRIGRAM
from pos_app.domain.text import search_key
from pos_app.services import Services, open_services
from pos_app.services.inventory import SEARCH_LIMIT

BARCODE_GOAL_MS = 1.0
SEARCH_GOAL_MS = 20.0

ONE_SKU_SQL = """
SELECT skus.code, skus.product_id, products.name, skus.size, skus.properties, skus.barcode, categories.name,
       products.price, products.promo_price, skus.price_override, products.vat_rate, stock_levels.on_hand,
       (SELECT coalesce(sum(reservation_lines.quantity), 0) FROM reservation_lines
        WHERE reservation_lines.sku_id = skus.id AND EXISTS (
            SELECT * FROM reservations WHERE reservations.id = reservation_lines.reservation_id
            AND reservations.status = :status AND reservations.expires_at > :now)),
       skus.low_stock_threshold, skus.active AND products.active
FROM skus
JOIN products ON products.id = skus.product_id
JOIN stock_levels ON stock_levels.sku_id = skus.id
LEFT OUTER JOIN categories ON categories.id = products.category_id
"""
SKU_ROWS_SQL = """
SELECT skus.code, skus.product_id, products.name, skus.size, skus.properties, skus.barcode, categories.name,
       products.price, products.promo_price, skus.price_override, products.vat_rate, stock_levels.on_hand,
       coalesce(holds.reserved, 0), skus.low_stock_threshold, skus.active AND products.active
FROM skus
JOIN products ON products.id = skus.product_id
JOIN stock_levels ON stock_levels.sku_id = skus.id
LEFT OUTER JOIN categories ON categories.id = products.category_id
LEFT OUTER JOIN (
    SELECT reservation_lines.sku_id AS sku_id, sum(reservation_lines.quantity) AS reserved
    FROM reservation_lines JOIN reservations ON reservations.id = reservation_lines.reservation_id
    WHERE reservations.status = :status AND reservations.expires_at > :now
    GROUP BY reservation_lines.sku_id
) AS holds ON holds.sku_id = skus.id
"""


@dataclass(frozen=True)
class Lookup:
    """One measured operation: the service call and the same SQL through the DB-API."""

    label: str
    goal_ms: float
    repeat: int
    service: Callable[[], object]
    raw: Callable[[], object]
    matches: int | None = None


class RawQueries:
    """The service's look-up queries, written out as SQL and run on a bare DB-API connection."""

    def __init__(self, url: str, backend: str) -> None:
        self.backend = backend
        self.conn = raw_connection(url)
        if backend == "postgresql":
            self.conn.autocommit = True

    def _now(self) -> Any:
        now = datetime.now(UTC)
        return sqlite_timestamp(now) if self.backend == "sqlite" else now

    def _fetch(self, sql: str, params: dict[str, Any], *, prepared: bool = True) -> list[Any]:
        """Run `sql`; on PostgreSQL, `prepared=False` sends it unprepared, as the service sends its searches
        (search.planned_for_its_words), so that each is planned for its own words."""
        cursor = self.conn.cursor()
        values = {"status": "active", "now": self._now(), **params}
        if self.backend == "postgresql" and not prepared:
            cursor.execute(paramstyle(sql, self.backend), values, prepare=False)
        else:
            cursor.execute(paramstyle(sql, self.backend), values)
        return cursor.fetchall()

    def by_barcode(self, code: str) -> list[Any]:
        return self._fetch(ONE_SKU_SQL + "WHERE skus.barcode = :code OR skus.code = :code", {"code": code})

    def search(self, text: str) -> list[Any]:
        where, params = _word_filters(text)
        if self.backend == "sqlite":
            where, params = self._narrow(text, where, params)
        sql = (
            SKU_ROWS_SQL
            + f"WHERE {where} AND skus.active AND products.active "
            + "ORDER BY products.name, skus.id LIMIT :limit"
        )
        return self._fetch(sql, {**params, "limit": SEARCH_LIMIT}, prepared=False)

    def _narrow(self, text: str, where: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
        """search.narrow_to_few_matches: the FTS filter when skus_fts finds fewer than FEW_MATCHES SKUs."""
        indexed = [word for word in search_key(text).split() if len(word) >= TRIGRAM]
        if not indexed:
            return where, params
        phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed)
        matches = "SELECT rowid FROM skus_fts WHERE skus_fts MATCH :phrase"
        cursor = self.conn.cursor()
        cursor.execute(f"SELECT count(*) FROM ({matches} LIMIT {FEW_MATCHES})", {"phrase": phrase})
        if cursor.fetchone()[0] >= FEW_MATCHES:
            return where, params
        return f"{where} AND skus.id IN ({matches})", {**params, "phrase": phrase}

    def count_matches(self, text: str) -> int:
        where, params = _word_filters(text)
        cursor = self.conn.cursor()
        cursor.execute(paramstyle(f"SELECT count(*) FROM skus WHERE {where}", self.backend), params)
        return int(cursor.fetchone()[0])

    def close(self) -> None:
        self.conn.close()


def _word_filters(text: str) -> tuple[str, dict[str, str]]:
    """The WHERE of InventoryService.search: every word contained in search_text (LIKE, '/' escapes)."""
    words = search_key(text).split()
    escaped = {f"w{i}": w.replace("/", "//").replace("%", "/%").replace("_", "/_") for i, w in enumerate(words)}
    where = " AND ".join(f"skus.search_text LIKE '%' || :{name} || '%' ESCAPE '/'" for name in escaped)
    return where, escaped


def search_terms(catalogue: Catalogue) -> dict[str, str]:
    """Typical words a stock manager types, from common to absent."""
    one_product = catalogue.codes[len(catalogue.codes) // 2].rsplit("-", 2)[0]
    return {
        "common word": "coton",
        "rare word": "kilimandjaro",
        "two words": "chemise lin",
        "SKU prefix": one_product,
        "no match": "introuvable",
    }


def lookups(svc: Services, raw: RawQueries, catalogue: Catalogue, repeat_scan: int, repeat_search: int) -> list[Lookup]:
    rng = random.Random(1)
    barcodes = iter(rng.choices(catalogue.barcodes, k=1_000_000))
    codes = iter(rng.choices(catalogue.codes, k=1_000_000))
    found: list[Lookup] = [
        Lookup(
            "find_by_barcode(EAN-13)",
            BARCODE_GOAL_MS,
            repeat_scan,
            lambda: svc.inventory.find_by_barcode(next(barcodes)),
            lambda: raw.by_barcode(next(barcodes)),
        ),
        Lookup(
            "find_by_barcode(SKU code)",
            BARCODE_GOAL_MS,
            repeat_scan,
            lambda: svc.inventory.find_by_barcode(next(codes)),
            lambda: raw.by_barcode(next(codes)),
        ),
    ]
    for label, term in search_terms(catalogue).items():
        found.append(
            Lookup(
                f"search {label} {term!r}",
                SEARCH_GOAL_MS,
                repeat_search,
                lambda term=term: svc.inventory.search(term),
                lambda term=term: raw.search(term),
                raw.count_matches(term),
            )
        )
    return found


def check_same_answers(svc: Services, raw: RawQueries, catalogue: Catalogue) -> None:
    """The raw SQL must be the service's query: same SKUs, same order."""
    for term in search_terms(catalogue).values():
        mine = [row[0] for row in raw.search(term)]
        theirs = [row.sku for row in svc.inventory.search(term)]
        if mine != theirs:
            raise SystemExit(f"raw SQL and the service disagree on search {term!r}: {mine[:3]} vs {theirs[:3]}")


def measure(backend: str, skus: int, repeat_scan: int, repeat_search: int) -> list[list[object]]:
    with fresh_database(backend) as url:
        svc = open_services(url)
        try:
            catalogue = seed_catalogue(svc.db.write_engine, skus)
            print(f"{backend}: seeded {skus:,} SKUs in {catalogue.seconds:.1f} s")
            raw = RawQueries(url, backend)
            try:
                check_same_answers(svc, raw, catalogue)
                return [_row(backend, lookup) for lookup in lookups(svc, raw, catalogue, repeat_scan, repeat_search)]
            finally:
                raw.close()
        finally:
            svc.close()


def _row(backend: str, lookup: Lookup) -> list[object]:
    service, raw = time_pair(lookup.service, lookup.raw, lookup.repeat, warmup=max(5, lookup.repeat // 20))
    met = median_ms(service) <= lookup.goal_ms
    return [
        backend,
        lookup.label,
        "" if lookup.matches is None else f"{lookup.matches:,}",
        f"{median_ms(service):.3f}",
        f"{p95_ms(service):.3f}",
        f"{median_ms(raw):.3f}",
        f"{median_ms(service) / median_ms(raw):.2f}x",
        f"<= {lookup.goal_ms:g}",
        "yes" if met else "NO",
    ]


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], _options)
    print(machine_summary())
    rows: list[list[object]] = []
    for backend in chosen_backends(args.backend):
        rows += measure(backend, args.skus, args.repeat_scan, args.repeat_search)
    headers = ["backend", "operation", "matches", "service ms", "p95 ms", "raw SQL ms", "svc/raw", "goal ms", "met"]
    print_table(
        f"Catalogue look-ups, {args.skus:,} SKUs (medians of {args.repeat_scan} scans / {args.repeat_search} searches)",
        headers,
        rows,
    )
    print(f"\n{load_average()}")


def _options(parser: Any) -> None:
    parser.add_argument("--repeat-scan", type=int, default=2000, help="barcode look-ups per measurement")
    parser.add_argument("--repeat-search", type=int, default=40, help="searches per term and measurement")


if __name__ == "__main__":
    main()
