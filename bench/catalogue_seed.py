"""A realistic clothing catalogue, written fast with bulk INSERTs through SQLAlchemy Core.

Products such as "Chemise lin Oxford" with sizes and colours, valid EAN-13 barcodes in the in-store
range (prefix 200), the search_text the app itself would compute, a stock level per SKU with the
'restock' movement that explains it (on_hand == sum(movements) holds), and a history of online
reservations of which a few are still active. The database must already be migrated
(`open_services(url)` does that).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, text

from pos_app.db.models import (
    Brand,
    Category,
    Product,
    Reservation,
    ReservationLine,
    Sku,
    StockLevelRow,
    StockMovement,
)
from pos_app.domain.catalogue import expected_check_digit
from pos_app.domain.text import search_key
from pos_app.services.stock_records import search_text_of

# (name, SKU prefix, category, sizes)
CLOTHES = ("XS", "S", "M", "L", "XL", "XXL")
WAISTS = ("36", "38", "40", "42", "44", "46")
GARMENTS = (
    ("Chemise", "CHE", "Chemises", CLOTHES),
    ("Pantalon", "PAN", "Pantalons", WAISTS),
    ("Robe", "ROB", "Robes", CLOTHES),
    ("Veste", "VES", "Vestes", CLOTHES),
    ("Jupe", "JUP", "Jupes", WAISTS),
    ("T-shirt", "TSH", "T-shirts", CLOTHES),
    ("Pull", "PUL", "Pulls", CLOTHES),
    ("Manteau", "MAN", "Manteaux", CLOTHES),
    ("Short", "SHO", "Shorts", WAISTS),
    ("Polo", "POL", "Polos", CLOTHES),
    ("Blouse", "BLO", "Blouses", CLOTHES),
    ("Gilet", "GIL", "Gilets", CLOTHES),
    ("Sweat", "SWE", "Sweats", CLOTHES),
    ("Jean", "JEA", "Jeans", WAISTS),
    ("Cardigan", "CAR", "Cardigans", CLOTHES),
    ("Débardeur", "DEB", "Débardeurs", CLOTHES),
    ("Parka", "PAR", "Parkas", CLOTHES),
    ("Écharpe", "ECH", "Accessoires", ("TU",)),
    ("Bermuda", "BER", "Bermudas", WAISTS),
    ("Tunique", "TUN", "Tuniques", CLOTHES),
)
MATERIALS = ("lin", "coton", "soie", "laine", "cachemire", "denim", "velours", "coton bio", "lin lavé", "satin")
MODELS = (
    "Oxford", "Riviera", "Saint-Malo", "Montmartre", "Camargue", "Biarritz", "Deauville", "Étretat",
    "Marrakech", "Dakar", "Casablanca", "Essaouira", "Saint-Louis", "Gorée", "Tanger", "Rabat", "Fès",
    "Agadir", "Ziguinchor", "Thiès", "Lyon", "Nantes", "Annecy", "Colmar", "Arles", "Nice", "Menton",
    "Cassis", "Gordes", "Honfleur", "Dinard", "Cabourg", "Carnac", "Quiberon", "Oléron", "Porquerolles",
    "Bastia", "Calvi", "Ajaccio", "Sète",
)  # fmt: skip
COLOURS = (
    ("Blanc", "BLA"), ("Noir", "NOI"), ("Bleu marine", "BLE"), ("Écru", "ECR"), ("Rouge", "ROU"),
    ("Vert olive", "VER"), ("Gris chiné", "GRI"), ("Beige", "BEI"), ("Bordeaux", "BOR"), ("Kaki", "KAK"),
    ("Rose poudré", "ROS"), ("Jaune moutarde", "JAU"),
)  # fmt: skip
BRANDS = ("Maison Sable", "Atelier Nord", "Baobab", "Rivage", "Kora")
PRICES = tuple(Decimal(p) for p in ("9.90", "14.90", "19.90", "24.90", "29.90", "39.90", "49.90", "79.90", "129.00"))
RARE_PRODUCT = "Parka laine Kilimandjaro"  # exactly one product: the 'rare word' of the search benchmark
ACTIVE_HOLDS = 50
BATCH = 20_000


@dataclass
class Catalogue:
    """What the benchmarks need to know about the seeded catalogue."""

    codes: list[str] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)
    in_stock: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Rows:
    products: list[dict[str, Any]] = field(default_factory=list)
    skus: list[dict[str, Any]] = field(default_factory=list)
    levels: list[dict[str, Any]] = field(default_factory=list)
    movements: list[dict[str, Any]] = field(default_factory=list)


def ean13(serial: int) -> str:
    """A valid EAN-13 in the GS1 in-store range: 200, a 9-digit serial, the check digit."""
    body = f"200{serial:09d}"
    return body + str(expected_check_digit(body))


def product_names(count: int, rng: random.Random) -> Iterator[tuple[int, str]]:
    """(garment index, name) for `count` products: every garment x material x model, shuffled;
    a collection year is added once the combinations run out."""
    combos = [
        (g, f"{garment[0]} {material} {model}")
        for g, garment in enumerate(GARMENTS)
        for material in MATERIALS
        for model in MODELS
    ]
    rng.shuffle(combos)
    for index in range(count):
        garment, name = combos[index % len(combos)]
        rounds = index // len(combos)
        yield garment, name if rounds == 0 else f"{name} {2024 + rounds}"


def build_rows(sku_count: int, now: datetime, seed: int = 42) -> tuple[_Rows, Catalogue]:
    rng = random.Random(seed)
    rows, catalogue = _Rows(), Catalogue()
    names = product_names(sku_count, rng)
    product_id = 0
    while len(rows.skus) < sku_count:
        product_id += 1
        garment, name = next(names)
        if product_id == 2:
            garment, name = 16, RARE_PRODUCT
        rows.products.append(_product_row(product_id, garment, name, rng, now))
        if name == RARE_PRODUCT:
            rows.products[-1]["active"] = True
        for size, (colour, colour_code) in _variants(garment, rng):
            if len(rows.skus) == sku_count:
                break
            code = f"{GARMENTS[garment][1]}-{product_id:05d}-{size}-{colour_code}"
            _add_sku(rows, catalogue, product_id, name, code, size, colour, rng, now)
    return rows, catalogue


def _product_row(product_id: int, garment: int, name: str, rng: random.Random, now: datetime) -> dict[str, Any]:
    price = rng.choice(PRICES)
    promo = (price * Decimal("0.8")).quantize(Decimal("0.01")) if rng.random() < 0.1 else None
    return {
        "id": product_id,
        "name": name,
        "description": "",
        "category_id": garment + 1,
        "brand_id": rng.randrange(len(BRANDS)) + 1,
        "price": price,
        "promo_price": promo,
        "vat_rate": Decimal("20"),
        "active": rng.random() > 0.02,
        "created_at": now,
        "updated_at": now,
    }


def _variants(garment: int, rng: random.Random) -> list[tuple[str, tuple[str, str]]]:
    colours = rng.sample(COLOURS, rng.choice((2, 2, 3)))
    return [(size, colour) for colour in colours for size in GARMENTS[garment][3]]


def _add_sku(
    rows: _Rows,
    catalogue: Catalogue,
    product_id: int,
    name: str,
    code: str,
    size: str,
    colour: str,
    rng: random.Random,
    now: datetime,
) -> None:
    sku_id = len(rows.skus) + 1
    barcode = ean13(sku_id)
    properties = {"colour": colour}
    text = _search_text(name, code, barcode, size, colour)
    if sku_id % 97 == 1 and text != search_text_of(name, code, barcode, size, properties):
        raise AssertionError(f"search_text of {code} differs from the app's: {text!r}")
    rows.skus.append(
        {
            "id": sku_id,
            "product_id": product_id,
            "code": code,
            "barcode": barcode,
            "size": size,
            "properties": properties,
            "price_override": None,
            "low_stock_threshold": 2,
            "active": True,
            "search_text": text,
        }
    )
    on_hand = rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 40))
    rows.levels.append({"sku_id": sku_id, "on_hand": on_hand})
    if on_hand:
        rows.movements.append(
            {
                "id": len(rows.movements) + 1,
                "sku_id": sku_id,
                "kind": "restock",
                "quantity": on_hand,
                "stock_before": 0,
                "stock_after": on_hand,
                "reason": "Initial count",
                "reference": None,
                "user_id": None,
                "at": now,
            }
        )
        catalogue.in_stock.append(code)
    catalogue.codes.append(code)
    catalogue.barcodes.append(barcode)


@cache
def _key(part: str) -> str:
    return search_key(part)


def _search_text(name: str, code: str, barcode: str, size: str, colour: str) -> str:
    """stock_records.search_text_of, with the normal form of the repeated parts computed once
    (it is three quarters of the seeding time otherwise); checked against the app's on a sample."""
    return " ".join((_key(name), code.lower(), barcode, _key(size), _key(colour)))


def _reservation_rows(count: int, levels: Sequence[dict[str, Any]], now: datetime) -> tuple[list[Any], list[Any]]:
    """`count` online reservations: the newest ACTIVE_HOLDS still hold one unit each of SKUs that have
    stock to spare (available stays >= 0), the others were released when they expired."""
    rng = random.Random(7)
    spare = [level["sku_id"] for level in levels if level["on_hand"] >= 3]
    reservations: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for index in range(count):
        active = index >= count - ACTIVE_HOLDS
        created = now - timedelta(minutes=5) if active else now - timedelta(hours=count - index)
        reservations.append(
            {
                "id": f"00000000-0000-4000-8000-{index:012d}",
                "status": "active" if active else "released",
                "reference": f"web-{index}",
                "created_at": created,
                "expires_at": created + timedelta(minutes=60 if active else 15),
                "closed_at": None if active else created + timedelta(minutes=15),
                "close_reason": None if active else "expired",
            }
        )
        for sku_id in rng.sample(spare, rng.choice((1, 1, 2))):
            lines.append({"reservation_id": reservations[-1]["id"], "sku_id": sku_id, "quantity": 1})
    return reservations, lines


def seed_catalogue(engine: Engine, sku_count: int, reservations: int = 5_000) -> Catalogue:
    """Bulk-insert the catalogue into a migrated, empty database; returns codes and barcodes to look up."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    rows, catalogue = build_rows(sku_count, now)
    holds, hold_lines = _reservation_rows(reservations, rows.levels, now)
    with engine.begin() as conn:
        _insert(conn, Category.__table__, [{"id": i + 1, "name": g[2]} for i, g in enumerate(GARMENTS)])
        _insert(conn, Brand.__table__, [{"id": i + 1, "name": b} for i, b in enumerate(BRANDS)])
        _insert(conn, Product.__table__, rows.products)
        _insert(conn, Sku.__table__, rows.skus)
        _insert(conn, StockLevelRow.__table__, rows.levels)
        _insert(conn, StockMovement.__table__, rows.movements)
        _insert(conn, Reservation.__table__, holds)
        _insert(conn, ReservationLine.__table__, hold_lines)
    _after_bulk_load(engine)
    catalogue.seconds = time.perf_counter() - started
    return catalogue


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """SQLite: executemany of a Core INSERT. PostgreSQL: one INSERT ... SELECT per BATCH rows, which
    reads the rows from a JSON array (json_populate_recordset): about five times faster than the
    one statement per row of psycopg's executemany, or than multi-row VALUES."""
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        if conn.dialect.name == "postgresql":
            columns = ", ".join(batch[0])
            conn.execute(
                text(
                    f"INSERT INTO {table.name} ({columns}) "
                    f"SELECT {columns} FROM json_populate_recordset(NULL::{table.name}, :rows)"
                ),
                {"rows": json.dumps(batch, default=_json_value)},
            )
        else:
            conn.execute(insert(table), batch)


def _json_value(value: object) -> str:
    """Decimals keep their digits as text; datetimes go as ISO 8601 with their offset."""
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _after_bulk_load(engine: Engine) -> None:
    """PostgreSQL: move the id sequences past the ids given explicitly, then VACUUM ANALYZE, as
    autovacuum would soon after a load this size (it also empties the pending list of any GIN index,
    which every search would otherwise read through). SQLite: nothing, the app never runs ANALYZE."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("categories", "brands", "products", "skus", "stock_movements", "reservation_lines"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
