"""A product and its variants as the catalogue editor saves them: every field checked, then all written at once.

The editor's Save is one user action, so it is one transaction: a product with two sizes is created with
both, or not at all. Every bad field is reported together (InvalidFields), keyed as the editor shows it:
"name", "price"... for the product, "variants.<index>.<field>" for a variant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.db.models import Brand, Category, Product, Sku
from pos_app.domain import catalogue as rules
from pos_app.domain.money import parse_price
from pos_app.domain.vat import parse_vat_rate
from pos_app.errors import InvalidFields, NotFound, ValidationError
from pos_app.services.settings import ShopSettings
from pos_app.services.stock_records import add_sku, flush_or_conflict, get_or_create, search_text_of

COLOUR = "colour"
PRODUCT_FIELDS = ("name", "description", "category", "brand", "price", "promo_price", "vat_rate")
VARIANT_FIELDS = ("sku", "barcode", "size", "colour", "price_override", "low_stock_threshold")


@dataclass(frozen=True)
class VariantDraft:
    """A variant as typed. `sku` names an existing variant of the product (its code cannot change) or a new
    one. `other_properties` are the variant's properties besides its colour, kept as they are."""

    sku: str
    barcode: str = ""
    size: str = ""
    colour: str = ""
    price_override: Decimal | str | None = None
    low_stock_threshold: int | str = 0
    active: bool = True
    other_properties: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProductDraft:
    """A product as typed in the editor; `id` None for a new one. Variants of the product that the draft
    leaves out are left as they are (a SKU with a history is deactivated, never deleted)."""

    name: str
    price: Decimal | str
    vat_rate: Decimal | str
    variants: tuple[VariantDraft, ...]
    id: int | None = None
    description: str = ""
    category: str = ""
    brand: str = ""
    promo_price: Decimal | str | None = None
    active: bool = True


def variant_key(index: int, name: str) -> str:
    """How a variant's field is named in InvalidFields.problems: variants.0.sku."""
    return f"variants.{index}.{name}"


class _Problems:
    """Collects what is wrong with each field, so that one Save reports every bad field at once."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def check(self, key: str, parse: Callable[[], Any]) -> Any:
        try:
            return parse()
        except ValidationError as error:
            self.found.setdefault(key, str(error))
            return None

    def add(self, key: str, message: str) -> None:
        self.found.setdefault(key, message)


def save_draft(session: Session, draft: ProductDraft, settings: ShopSettings, now: datetime) -> Product:
    """Check every field of `draft` against the rules and the catalogue, then create or update the product
    and its variants. Raises NotFound for an unknown product id, InvalidFields listing every bad field
    (nothing is written then), Conflict when another user took a SKU or barcode meanwhile."""
    product = None
    if draft.id is not None:
        product = session.get(Product, draft.id) if isinstance(draft.id, int) else None
        if product is None:
            raise NotFound(f"No product with id {draft.id!r}: it may have been removed. Reload the catalogue.")
    problems = _Problems()
    fields = _product_fields(draft, settings, problems)
    variants = [_variant_fields(index, v, settings, problems) for index, v in enumerate(draft.variants)]
    if not draft.variants:
        problems.add("variants", "A product needs at least one variant: give it a SKU.")
    own = {sku.code: sku for sku in product.skus} if product is not None else {}
    _check_uniqueness(session, variants, own, problems)
    if problems.found:
        raise InvalidFields(problems.found)
    return _write(session, product, fields, variants, own, now)


def _product_fields(draft: ProductDraft, settings: ShopSettings, problems: _Problems) -> dict[str, Any]:
    cur = settings.currency
    fields = {
        "name": problems.check("name", lambda: rules.parse_product_name(draft.name)),
        "description": problems.check("description", lambda: rules.parse_description(draft.description)),
        "category": problems.check("category", lambda: rules.parse_group_name(draft.category, "category")),
        "brand": problems.check("brand", lambda: rules.parse_group_name(draft.brand, "brand")),
        "price": problems.check("price", lambda: parse_price(draft.price, "price", cur)),
        "promo_price": problems.check(
            "promo_price", lambda: rules.parse_optional_price(draft.promo_price, "promo_price", cur)
        ),
        "vat_rate": problems.check("vat_rate", lambda: parse_vat_rate(draft.vat_rate, settings.vat_rates)),
        "active": bool(draft.active),
    }
    if fields["price"] is not None:
        problems.check("promo_price", lambda: rules.check_promo_price(fields["price"], fields["promo_price"]))
    return fields


def _variant_fields(index: int, draft: VariantDraft, settings: ShopSettings, problems: _Problems) -> dict[str, Any]:
    def key(name: str) -> str:
        return variant_key(index, name)

    properties = {**draft.other_properties, COLOUR: draft.colour}
    return {
        "index": index,
        "code": problems.check(key("sku"), lambda: rules.parse_sku_code(draft.sku)),
        "barcode": problems.check(key("barcode"), lambda: rules.parse_barcode(draft.barcode)),
        "size": problems.check(key("size"), lambda: rules.parse_size(draft.size)),
        "properties": problems.check(key("colour"), lambda: rules.parse_properties(properties)),
        "price_override": problems.check(
            key("price_override"),
            lambda: rules.parse_optional_price(draft.price_override, "price_override", settings.currency),
        ),
        "low_stock_threshold": problems.check(
            key("low_stock_threshold"), lambda: rules.parse_threshold(draft.low_stock_threshold)
        ),
        "active": bool(draft.active),
    }


def _check_uniqueness(
    session: Session, variants: list[dict[str, Any]], own: Mapping[str, Sku], problems: _Problems
) -> None:
    """A SKU code and a barcode belong to one variant: within the draft, and across the catalogue."""
    codes: dict[str, int] = {}
    barcodes: dict[str, int] = {}
    moving_away = {v["code"] for v in variants if v["code"] in own and own[v["code"]].barcode != v["barcode"]}
    for variant in variants:
        index, code, barcode = variant["index"], variant["code"], variant["barcode"]
        if code is not None:
            if code in codes:
                problems.add(variant_key(index, "sku"), f"The SKU '{code}' is already on variant {codes[code] + 1}.")
            elif code not in own and session.scalar(select(Sku.id).where(Sku.code == code)) is not None:
                problems.add(variant_key(index, "sku"), f"The SKU '{code}' already exists: choose another code.")
            codes.setdefault(code, index)
        if barcode is not None:
            if barcode in barcodes:
                problems.add(
                    variant_key(index, "barcode"),
                    f"The barcode {barcode} is already on variant {barcodes[barcode] + 1}.",
                )
            else:
                owner = session.scalar(select(Sku.code).where(Sku.barcode == barcode))
                if owner is not None and owner != code and owner not in moving_away:
                    problems.add(variant_key(index, "barcode"), f"The barcode {barcode} belongs to SKU '{owner}'.")
            barcodes.setdefault(barcode, index)


def _write(
    session: Session,
    product: Product | None,
    fields: dict[str, Any],
    variants: list[dict[str, Any]],
    own: Mapping[str, Sku],
    now: datetime,
) -> Product:
    category = get_or_create(session, Category, fields["category"])
    brand = get_or_create(session, Brand, fields["brand"])
    if product is None:
        product = Product(created_at=now)
        session.add(product)
    product.name = fields["name"]
    product.description = fields["description"]
    product.category = category
    product.brand = brand
    product.price = fields["price"]
    product.promo_price = fields["promo_price"]
    product.vat_rate = fields["vat_rate"]
    product.active = fields["active"]
    product.updated_at = now
    # Barcodes may move between the product's variants: clear them first so the unique index never sees two.
    for variant in variants:
        existing = own.get(variant["code"])
        if existing is not None and existing.barcode != variant["barcode"]:
            existing.barcode = None
    flush_or_conflict(session)
    for variant in variants:
        sku = own.get(variant["code"])
        if sku is None:
            sku = add_sku(session, product, variant, variant["price_override"])
        for name in ("barcode", "size", "properties", "price_override", "low_stock_threshold", "active"):
            setattr(sku, name, variant[name])
    for sku in product.skus:
        sku.search_text = search_text_of(product.name, sku.code, sku.barcode, sku.size, sku.properties)
    flush_or_conflict(session)
    return product
