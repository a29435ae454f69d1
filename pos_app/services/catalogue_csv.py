"""The catalogue as CSV: one row per SKU with its product's fields and its on-hand stock.

Rows that share a product name form one product with several variants. Import is all or nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pos_app.db.locks import lock_stock
from pos_app.db.models import Brand, Category, Product, Sku, StockLevelRow
from pos_app.db.stock_queries import reserved_by_sku
from pos_app.domain import catalogue as rules
from pos_app.domain.money import Currency, parse_price
from pos_app.domain.roles import Actor
from pos_app.domain.stock import MAX_QUANTITY, MovementKind
from pos_app.domain.vat import format_rate, normalize_rate, parse_vat_rate
from pos_app.errors import ImportRejected, RowError, ValidationError
from pos_app.services.settings import ShopSettings, read_settings
from pos_app.services.stock_records import (
    add_sku,
    flush_or_conflict,
    get_or_create,
    search_text_of,
    skus_by_barcode,
    skus_by_code,
    write_movement,
)

COLUMNS = (
    "sku",
    "barcode",
    "product",
    "size",
    "properties",
    "category",
    "brand",
    "description",
    "price",
    "promo_price",
    "price_override",
    "vat_rate",
    "low_stock_threshold",
    "on_hand",
    "active",
)
REQUIRED_COLUMNS = ("sku", "product", "price", "vat_rate")
TRUE_WORDS = {"", "1", "yes", "y", "true", "oui", "o", "vrai"}
FALSE_WORDS = {"0", "no", "n", "false", "non", "faux"}


@dataclass(frozen=True)
class ImportSummary:
    products_created: int
    variants_created: int
    variants_updated: int
    stock_movements: int


class ChangeAction(StrEnum):
    NEW_PRODUCT = "new product"
    NEW_VARIANT = "new variant"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class FieldChange:
    """One column of a row that differs from the catalogue: its name in the file, before and after."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    line: int
    sku: str
    product: str
    action: ChangeAction
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: the change of each good row, and every bad row (then nothing imports)."""

    changes: tuple[RowChange, ...]
    errors: tuple[RowError, ...]

    def count(self, action: ChangeAction) -> int:
        return sum(1 for change in self.changes if change.action is action)

    @property
    def can_import(self) -> bool:
        return not self.errors and any(change.action is not ChangeAction.UNCHANGED for change in self.changes)


@dataclass
class _Row:
    line: int
    code: str
    product_name: str
    product_fields: dict[str, Any]
    variant_fields: dict[str, Any]
    on_hand: int | None
    active: bool


@dataclass
class _Group:
    """The rows of one product in the file."""

    rows: list[_Row] = field(default_factory=list)


# ----- export --------------------------------------------------------------------------------------


def export_catalogue(session: Session, out: IO[str] | Path) -> int:
    settings = read_settings(session)
    cur = settings.currency
    query = (
        select(Sku)
        .join(Product, Product.id == Sku.product_id)
        .options(
            selectinload(Sku.product).selectinload(Product.category),
            selectinload(Sku.product).selectinload(Product.brand),
        )
        .order_by(Product.name, Product.id, Sku.id)
    )
    on_hand = dict(session.execute(select(StockLevelRow.sku_id, StockLevelRow.on_hand)).all())
    count = 0
    with _open_for_writing(out) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for sku in session.scalars(query):
            product = sku.product
            writer.writerow(
                [
                    sku.code,
                    sku.barcode or "",
                    product.name,
                    sku.size or "",
                    format_properties(sku.properties or {}),
                    product.category.name if product.category else "",
                    product.brand.name if product.brand else "",
                    product.description,
                    cur.round(product.price),
                    "" if product.promo_price is None else cur.round(product.promo_price),
                    "" if sku.price_override is None else cur.round(sku.price_override),
                    format_rate(Decimal(product.vat_rate)),
                    sku.low_stock_threshold,
                    on_hand.get(sku.id, 0),
                    "yes" if sku.active and product.active else "no",
                ]
            )
            count += 1
    return count


def format_properties(properties: dict[str, str]) -> str:
    return "; ".join(f"{key}={value}" for key, value in sorted(properties.items()))


def parse_properties_cell(text: str) -> dict[str, str]:
    """'colour=Red; material=Cotton' -> {'colour': 'Red', 'material': 'Cotton'}."""
    pairs: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValidationError(
                f"properties must read like 'colour=Red; material=Cotton' (got '{part.strip()}').",
                field="properties",
            )
        pairs[key.strip()] = value.strip()
    return rules.parse_properties(pairs)


# ----- import --------------------------------------------------------------------------------------


def import_catalogue(
    session: Session, source: IO[str] | Path, actor: Actor, now: datetime, *, source_name: str | None = None
) -> ImportSummary:
    name = source_name or (source.name if isinstance(source, Path) else "CSV file")
    checked = _checked(session, source, now, lock=True)
    if checked.errors:
        raise ImportRejected(checked.errors)
    return _apply(session, checked.rows, checked.existing, checked.targets, checked.stock_now, actor, now, name)


def preview_catalogue(session: Session, source: IO[str] | Path, now: datetime) -> ImportPreview:
    """What importing `source` would change, row by row, and every bad row; nothing is written or locked."""
    checked = _checked(session, source, now, lock=False)
    changes = []
    new_products: set[str] = set()
    for row in checked.rows:
        key = row.product_name.casefold()
        if key not in checked.targets:
            continue  # its product could not be matched: the errors say why
        target = checked.targets[key]
        sku = checked.existing.get(row.code)
        if sku is None:
            creates_product = target is None and key not in new_products
            new_products.add(key)
            action = ChangeAction.NEW_PRODUCT if creates_product else ChangeAction.NEW_VARIANT
            fields = () if row.on_hand is None else (FieldChange("on_hand", "0", str(row.on_hand)),)
        else:
            fields = _field_changes(sku, row, checked.stock_now.get(sku.id, 0), checked.settings.currency)
            action = ChangeAction.UPDATE if fields else ChangeAction.UNCHANGED
        changes.append(RowChange(row.line, row.code, row.product_name, action, fields))
    return ImportPreview(tuple(changes), checked.errors)


@dataclass(frozen=True)
class _Checked:
    rows: list[_Row]
    existing: dict[str, Sku]
    targets: dict[str, Product | None]
    stock_now: dict[int, int]
    errors: tuple[RowError, ...]
    settings: ShopSettings


def _checked(session: Session, source: IO[str] | Path, now: datetime, *, lock: bool) -> _Checked:
    """Parse and check every row against the database, collecting every error; `lock` locks the stock rows
    of the SKUs the file names (an import), else reads them (a preview)."""
    settings = read_settings(session)
    text = source.read_text(encoding="utf-8-sig") if isinstance(source, Path) else source.read()
    rows, errors = _parse_rows(text.removeprefix("\ufeff"), settings)
    existing = _existing_skus(session, [r.code for r in rows])
    errors += _check_barcodes(session, rows)
    targets, group_errors = _match_products(session, rows, existing)
    errors += group_errors
    ids = [s.id for s in existing.values()]
    stock_now = lock_stock(session, ids) if lock else _stock_of(session, ids)
    errors += _check_stock_counts(session, rows, existing, stock_now, now)
    return _Checked(rows, existing, targets, stock_now, tuple(sorted(errors, key=lambda e: e.line)), settings)


def _stock_of(session: Session, sku_ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for start in range(0, len(sku_ids), 500):
        chunk = sku_ids[start : start + 500]
        levels = select(StockLevelRow.sku_id, StockLevelRow.on_hand).where(StockLevelRow.sku_id.in_(chunk))
        found.update({sku_id: on_hand for sku_id, on_hand in session.execute(levels)})
    return found


def _field_changes(sku: Sku, row: _Row, on_hand: int, cur: Currency) -> tuple[FieldChange, ...]:
    """The fields of an existing SKU and its product that the row changes, as text before and after."""
    product = sku.product

    def money(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else cur.round(amount)

    fields = row.product_fields
    variant = row.variant_fields
    pairs: list[tuple[str, object, object]] = [
        ("product", product.name, fields["name"]),
        ("description", product.description, fields["description"]),
        ("category", product.category.name if product.category else None, fields["category"]),
        ("brand", product.brand.name if product.brand else None, fields["brand"]),
        ("price", money(product.price), fields["price"]),
        ("promo_price", money(product.promo_price), fields["promo_price"]),
        ("vat_rate", normalize_rate(product.vat_rate), fields["vat_rate"]),
        ("barcode", sku.barcode, variant["barcode"]),
        ("size", sku.size, variant["size"]),
        ("properties", format_properties(sku.properties or {}), format_properties(variant["properties"])),
        ("price_override", money(sku.price_override), variant["price_override"]),
        ("low_stock_threshold", sku.low_stock_threshold, variant["low_stock_threshold"]),
        ("active", sku.active and product.active, row.active),
    ]
    if row.on_hand is not None:
        pairs.append(("on_hand", on_hand, row.on_hand))
    return tuple(
        FieldChange(name, _shown(before), _shown(after))
        for name, before, after in pairs
        if _comparable(before) != _comparable(after)
    )


def _comparable(value: object) -> object:
    return None if value in (None, "") else value


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _parse_rows(text: str, settings: ShopSettings) -> tuple[list[_Row], list[RowError]]:
    if not text.strip():
        return [], [RowError(1, "The file is empty: it needs a header row and one row per SKU.")]
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_sniff(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s): {', '.join(unknown)} (the columns are {', '.join(COLUMNS)})")
        return [], [RowError(1, "; ".join(problems))]
    reader.fieldnames = header
    rows: list[_Row] = []
    errors: list[RowError] = []
    seen_codes: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    for index, raw in enumerate(reader):
        line = index + 2
        if None in raw:
            errors.append(RowError(line, f"has {len(header) + len(raw[None])} cells, the header has {len(header)}"))
            continue
        cells = {k: (v or "").strip() for k, v in raw.items()}
        if not any(cells.values()):
            continue
        try:
            row = _parse_row(line, cells, settings)
        except ValidationError as error:
            errors.append(RowError(line, str(error)))
            continue
        if row.code in seen_codes:
            errors.append(RowError(line, f"SKU '{row.code}' is already on line {seen_codes[row.code]}"))
            continue
        seen_codes[row.code] = line
        barcode = row.variant_fields["barcode"]
        if barcode and barcode in seen_barcodes:
            errors.append(RowError(line, f"barcode {barcode} is already on line {seen_barcodes[barcode]}"))
            continue
        if barcode:
            seen_barcodes[barcode] = line
        rows.append(row)
    if not rows and not errors:
        errors.append(RowError(2, "The file has a header but no rows."))
    return rows, errors


def _sniff(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Spreadsheets in French locales write ';' between cells; accept both."""
    first_line = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        return csv.excel


class _FieldErrors:
    """Collects every bad cell of a row, so one pass over the file reports them all."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def check(self, parse: Callable[[], Any]) -> Any:
        try:
            return parse()
        except ValidationError as error:
            self.messages.append(str(error).rstrip("."))
            return None


def _parse_row(line: int, cells: dict[str, str], settings: ShopSettings) -> _Row:
    cur = settings.currency
    bad = _FieldErrors()
    price = bad.check(lambda: parse_price(cells.get("price", ""), "price", cur))
    promo = bad.check(lambda: rules.parse_optional_price(cells.get("promo_price"), "promo_price", cur))
    if price is not None:
        bad.check(lambda: rules.check_promo_price(price, promo))
    product_fields = {
        "name": bad.check(lambda: rules.parse_product_name(cells.get("product"))),
        "description": bad.check(lambda: rules.parse_description(cells.get("description", ""))),
        "category": bad.check(lambda: rules.parse_group_name(cells.get("category", ""), "category")),
        "brand": bad.check(lambda: rules.parse_group_name(cells.get("brand", ""), "brand")),
        "price": price,
        "promo_price": promo,
        "vat_rate": bad.check(lambda: parse_vat_rate(cells.get("vat_rate", ""), settings.vat_rates)),
    }
    variant_fields = {
        "barcode": bad.check(lambda: rules.parse_barcode(cells.get("barcode", ""))),
        "size": bad.check(lambda: rules.parse_size(cells.get("size", ""))),
        "properties": bad.check(lambda: parse_properties_cell(cells.get("properties", ""))),
        "price_override": bad.check(
            lambda: rules.parse_optional_price(cells.get("price_override"), "price_override", cur)
        ),
        "low_stock_threshold": bad.check(lambda: rules.parse_threshold(cells.get("low_stock_threshold") or "0")),
    }
    code = bad.check(lambda: rules.parse_sku_code(cells.get("sku")))
    on_hand = bad.check(lambda: _parse_on_hand(cells.get("on_hand", "")))
    active = bad.check(lambda: _parse_active(cells.get("active", "")))
    if bad.messages:
        raise ValidationError("; ".join(bad.messages))
    return _Row(
        line=line,
        code=code,
        product_name=product_fields["name"],
        product_fields=product_fields,
        variant_fields=variant_fields,
        on_hand=on_hand,
        active=active,
    )


def _parse_on_hand(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_QUANTITY:
        raise ValidationError(
            f"on_hand must be a whole number from 0 to {MAX_QUANTITY:,} (got '{text}').", field="on_hand"
        )
    return int(text)


def _parse_active(text: str) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(f"active must be yes or no (got '{text}').", field="active")


def _existing_skus(session: Session, codes: list[str]) -> dict[str, Sku]:
    return skus_by_code(session, codes)


def _check_barcodes(session: Session, rows: list[_Row]) -> list[RowError]:
    owners = skus_by_barcode(session, [r.variant_fields["barcode"] for r in rows])
    moving_away = {r.code for r in rows}
    errors = []
    for row in rows:
        owner = owners.get(row.variant_fields["barcode"])
        if owner is not None and owner != row.code and owner not in moving_away:
            errors.append(
                RowError(row.line, f"barcode {row.variant_fields['barcode']} already belongs to SKU '{owner}'")
            )
    return errors


def _match_products(
    session: Session, rows: list[_Row], existing: dict[str, Sku]
) -> tuple[dict[str, Product | None], list[RowError]]:
    """For each product name in the file: the product it updates, or None for a new one."""
    groups: dict[str, _Group] = {}
    for row in rows:
        groups.setdefault(row.product_name.casefold(), _Group()).rows.append(row)
    targets: dict[str, Product | None] = {}
    errors: list[RowError] = []
    for key, group in groups.items():
        first = group.rows[0]
        for row in group.rows[1:]:
            differing = [
                f
                for f in ("price", "promo_price", "vat_rate", "category", "brand")
                if row.product_fields[f] != first.product_fields[f]
            ]
            if differing:
                errors.append(
                    RowError(
                        row.line,
                        f"{', '.join(differing)} differ(s) from line {first.line} of the same product "
                        f"'{first.product_name}'; give a variant its own price in price_override",
                    )
                )
        owners = {existing[r.code].product_id for r in group.rows if r.code in existing}
        if len(owners) > 1:
            errors.append(
                RowError(
                    first.line,
                    f"the rows of '{first.product_name}' name SKUs that belong to "
                    "different products; give each product its own name",
                )
            )
            continue
        if owners:
            targets[key] = session.get(Product, owners.pop())
            continue
        same_name = list(session.scalars(select(Product).where(Product.name == first.product_name).limit(2)))
        if len(same_name) > 1:
            errors.append(
                RowError(
                    first.line,
                    f"several products are named '{first.product_name}'; rename them before importing",
                )
            )
            continue
        targets[key] = same_name[0] if same_name else None
    return targets, errors


def _check_stock_counts(
    session: Session, rows: list[_Row], existing: dict[str, Sku], stock_now: dict[int, int], now: datetime
) -> list[RowError]:
    ids = [existing[r.code].id for r in rows if r.code in existing and r.on_hand is not None]
    reserved = reserved_by_sku(session, ids, now)
    errors = []
    for row in rows:
        sku = existing.get(row.code)
        if sku is None or row.on_hand is None:
            continue
        held = reserved.get(sku.id, 0)
        if row.on_hand < held:
            errors.append(
                RowError(
                    row.line,
                    f"on_hand {row.on_hand} is below the {held} unit(s) held for online "
                    "orders; wait for them to be paid or released",
                )
            )
    return errors


def _apply(
    session: Session,
    rows: list[_Row],
    existing: dict[str, Sku],
    targets: dict[str, Product | None],
    stock_now: dict[int, int],
    actor: Actor,
    now: datetime,
    source_name: str,
) -> ImportSummary:
    products_created = variants_created = variants_updated = 0
    products: dict[str, Product] = {}
    for key, target in targets.items():
        first = next(r for r in rows if r.product_name.casefold() == key)
        fields = first.product_fields
        product = target or Product(created_at=now, active=True)
        product.name = fields["name"]
        product.description = fields["description"]
        product.category = get_or_create(session, Category, fields["category"])
        product.brand = get_or_create(session, Brand, fields["brand"])
        product.price = fields["price"]
        product.promo_price = fields["promo_price"]
        product.vat_rate = fields["vat_rate"]
        product.updated_at = now
        if target is None:
            session.add(product)
            products_created += 1
        products[key] = product
    # Barcodes may move between SKUs of the file: clear them first so the unique index never sees two.
    for row in rows:
        sku = existing.get(row.code)
        if sku is not None and sku.barcode != row.variant_fields["barcode"]:
            sku.barcode = None
    flush_or_conflict(session)
    movements = 0
    for row in rows:
        product = products[row.product_name.casefold()]
        sku = existing.get(row.code)
        variant = dict(row.variant_fields, code=row.code)
        if sku is None:
            sku = add_sku(session, product, variant, variant["price_override"])
            before = 0
            variants_created += 1
        else:
            sku.product = product
            for key in ("barcode", "size", "properties", "price_override", "low_stock_threshold"):
                setattr(sku, key, variant[key])
            before = stock_now.get(sku.id, 0)
            variants_updated += 1
        sku.active = row.active
        sku.search_text = search_text_of(product.name, sku.code, sku.barcode, sku.size, sku.properties)
        flush_or_conflict(session)
        if row.on_hand is not None and row.on_hand != before:
            kind = MovementKind.RESTOCK if row.code not in existing and before == 0 else MovementKind.ADJUSTMENT
            reason = ("Opening stock" if kind is MovementKind.RESTOCK else "Stock count") + f" from {source_name}"
            write_movement(session, sku.id, before, row.on_hand - before, kind, reason[:500], None, actor.user_id, now)
            movements += 1
    return ImportSummary(products_created, variants_created, variants_updated, movements)


@contextmanager
def _open_for_writing(out: IO[str] | Path) -> Iterator[IO[str]]:
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out
