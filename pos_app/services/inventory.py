"""The catalogue and the stock ledger: products, variants (SKUs), stock levels and movements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from pos_app.db.engine import Database
from pos_app.db.locks import lock_stock_of
from pos_app.db.models import (
    Brand,
    Category,
    Product,
    Sku,
    StockLevelRow,
    StockMovement,
    User,
)
from pos_app.db.search import LIKE_ESCAPE, among_fts_matches, few_matches_phrase, like_pattern, planned_for_its_words
from pos_app.db.stock_queries import active_holds, reserved_of, units_held_by_sku
from pos_app.domain import catalogue as rules
from pos_app.domain.money import Currency, parse_price
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.stock import MovementKind, StockLevel, parse_kind, parse_quantity, shortfall_after
from pos_app.domain.text import clean_text, search_key
from pos_app.domain.vat import normalize_rate, parse_vat_rate
from pos_app.errors import Conflict, InsufficientStock, NotFound, ValidationError
from pos_app.services import catalogue_csv, product_drafts
from pos_app.services.settings import SettingsService, ShopSettings, read_settings
from pos_app.services.stock_records import add_sku, flush_or_conflict, get_or_create, search_text_of, write_movement
from pos_app.services.unit_of_work import Clock, UnitOfWork

MAX_REASON = 500
MAX_REFERENCE = 100
SEARCH_LIMIT = 50
CATEGORY_PRODUCTS_LIMIT = 60
CATEGORY_PRODUCTS_MAX = 500


@dataclass(frozen=True)
class VariantInfo:
    sku: str
    barcode: str | None
    size: str | None
    properties: Mapping[str, str]
    price_override: Decimal | None
    unit_price: Decimal
    low_stock_threshold: int
    active: bool

    @property
    def label(self) -> str:
        return rules.variant_label(self.size, self.properties)


@dataclass(frozen=True)
class ProductInfo:
    id: int
    name: str
    description: str
    category: str | None
    brand: str | None
    price: Decimal
    promo_price: Decimal | None
    vat_rate: Decimal
    active: bool
    variants: tuple[VariantInfo, ...]


@dataclass(frozen=True)
class Movement:
    id: int
    sku: str
    kind: MovementKind
    quantity: int
    stock_before: int
    stock_after: int
    reason: str
    reference: str | None
    actor: str | None
    at: datetime


@dataclass(frozen=True)
class SkuRow:
    """One line of the stock list: a SKU with its product, price and stock figures."""

    sku: str
    product_id: int
    name: str
    variant: str
    barcode: str | None
    category: str | None
    unit_price: Decimal
    vat_rate: Decimal
    on_hand: int
    reserved: int
    low_stock_threshold: int
    active: bool

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def low_stock(self) -> bool:
        return self.available <= self.low_stock_threshold


class InventoryService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    def _currency(self) -> Currency:
        return self._settings.cached().currency

    # ----- catalogue ---------------------------------------------------------------------------

    def create_product(
        self,
        actor: Actor,
        *,
        sku: str,
        name: str,
        price: Decimal,
        vat_rate: Decimal,
        barcode: str | None = None,
        low_stock_threshold: int = 0,
        description: str = "",
        category: str | None = None,
        brand: str | None = None,
        promo_price: Decimal | None = None,
        size: str | None = None,
        properties: Mapping[str, str] | None = None,
        price_override: Decimal | None = None,
    ) -> ProductInfo:
        """Create a product with its first variant (its only SKU if it has no variants).

        Raises PermissionDenied, ValidationError (naming the field), Conflict for a taken SKU or barcode.
        """
        actor.require(Permission.MANAGE_CATALOGUE)
        fields = {
            "name": rules.parse_product_name(name),
            "description": rules.parse_description(description),
            "category": rules.parse_group_name(category, "category"),
            "brand": rules.parse_group_name(brand, "brand"),
        }
        variant = _parse_variant_text(sku, barcode, size, properties, low_stock_threshold)
        with UnitOfWork(self._db, write=True) as uow:
            settings = read_settings(uow.session)
            prices = _parse_product_prices(settings, price, promo_price, vat_rate)
            override = rules.parse_optional_price(price_override, "price_override", settings.currency)
            _check_unique(uow.session, variant["code"], variant["barcode"])
            now = self._clock()
            product = Product(
                name=fields["name"],
                description=fields["description"],
                category=get_or_create(uow.session, Category, fields["category"]),
                brand=get_or_create(uow.session, Brand, fields["brand"]),
                created_at=now,
                updated_at=now,
                **prices,
            )
            uow.session.add(product)
            add_sku(uow.session, product, variant, override)
            flush_or_conflict(uow.session)
            uow.commit()
            return _product_info(product, self._currency())

    def add_variant(
        self,
        actor: Actor,
        product_id: int,
        *,
        sku: str,
        barcode: str | None = None,
        size: str | None = None,
        properties: Mapping[str, str] | None = None,
        price_override: Decimal | None = None,
        low_stock_threshold: int = 0,
    ) -> ProductInfo:
        """Add a variant (size, colour...) to a product. Raises NotFound, ValidationError, Conflict."""
        actor.require(Permission.MANAGE_CATALOGUE)
        variant = _parse_variant_text(sku, barcode, size, properties, low_stock_threshold)
        with UnitOfWork(self._db, write=True) as uow:
            product = _product(uow.session, product_id)
            override = rules.parse_optional_price(price_override, "price_override", read_settings(uow.session).currency)
            _check_unique(uow.session, variant["code"], variant["barcode"])
            add_sku(uow.session, product, variant, override)
            product.updated_at = self._clock()
            flush_or_conflict(uow.session)
            uow.commit()
            return _product_info(product, self._currency())

    def update_product(self, actor: Actor, product_id: int, **changes: Any) -> ProductInfo:
        """Change a product's name, description, category, brand, price, promo_price or vat_rate.

        Raises PermissionDenied, NotFound, ValidationError.
        """
        actor.require(Permission.MANAGE_CATALOGUE)
        allowed = {"name", "description", "category", "brand", "price", "promo_price", "vat_rate"}
        _refuse_unknown_fields(changes, allowed)
        with UnitOfWork(self._db, write=True) as uow:
            product = _product(uow.session, product_id)
            settings = read_settings(uow.session)
            if "name" in changes:
                product.name = rules.parse_product_name(changes["name"])
            if "description" in changes:
                product.description = rules.parse_description(changes["description"])
            if "category" in changes:
                product.category = get_or_create(
                    uow.session, Category, rules.parse_group_name(changes["category"], "category")
                )
            if "brand" in changes:
                product.brand = get_or_create(uow.session, Brand, rules.parse_group_name(changes["brand"], "brand"))
            prices = _parse_product_prices(
                settings,
                changes.get("price", product.price),
                changes.get("promo_price", product.promo_price),
                changes.get("vat_rate", product.vat_rate),
            )
            for key, value in prices.items():
                setattr(product, key, value)
            product.updated_at = self._clock()
            for variant in product.skus:
                variant.search_text = search_text_of(
                    product.name, variant.code, variant.barcode, variant.size, variant.properties
                )
            uow.commit()
            return _product_info(product, self._currency())

    def update_variant(self, actor: Actor, sku: str, **changes: Any) -> ProductInfo:
        """Change a variant's barcode, size, properties, price_override or low_stock_threshold."""
        actor.require(Permission.MANAGE_CATALOGUE)
        allowed = {"barcode", "size", "properties", "price_override", "low_stock_threshold"}
        _refuse_unknown_fields(changes, allowed)
        with UnitOfWork(self._db, write=True) as uow:
            row = _sku(uow.session, sku)
            if "barcode" in changes:
                barcode = rules.parse_barcode(changes["barcode"])
                if barcode and barcode != row.barcode:
                    _check_unique(uow.session, None, barcode)
                row.barcode = barcode
            if "size" in changes:
                row.size = rules.parse_size(changes["size"])
            if "properties" in changes:
                row.properties = rules.parse_properties(changes["properties"])
            if "price_override" in changes:
                row.price_override = rules.parse_optional_price(
                    changes["price_override"], "price_override", read_settings(uow.session).currency
                )
            if "low_stock_threshold" in changes:
                row.low_stock_threshold = rules.parse_threshold(changes["low_stock_threshold"])
            row.search_text = search_text_of(row.product.name, row.code, row.barcode, row.size, row.properties)
            row.product.updated_at = self._clock()
            flush_or_conflict(uow.session)
            uow.commit()
            return _product_info(row.product, self._currency())

    def set_product_active(self, actor: Actor, product_id: int, active: bool) -> ProductInfo:
        """Deactivate a product (it leaves the counter and the shop, its history stays) or reactivate it."""
        actor.require(Permission.MANAGE_CATALOGUE)
        with UnitOfWork(self._db, write=True) as uow:
            product = _product(uow.session, product_id)
            product.active = active
            product.updated_at = self._clock()
            uow.commit()
            return _product_info(product, self._currency())

    def set_variant_active(self, actor: Actor, sku: str, active: bool) -> ProductInfo:
        actor.require(Permission.MANAGE_CATALOGUE)
        with UnitOfWork(self._db, write=True) as uow:
            row = _sku(uow.session, sku)
            row.active = active
            row.product.updated_at = self._clock()
            uow.commit()
            return _product_info(row.product, self._currency())

    def product(self, product_id: int) -> ProductInfo:
        with UnitOfWork(self._db, write=False) as uow:
            return _product_info(_product(uow.session, product_id), self._currency())

    def product_of(self, sku: str) -> ProductInfo:
        with UnitOfWork(self._db, write=False) as uow:
            return _product_info(_sku(uow.session, sku).product, self._currency())

    def categories(self) -> list[str]:
        with UnitOfWork(self._db, write=False) as uow:
            return list(uow.session.scalars(select(Category.name).order_by(Category.name)))

    def brands(self) -> list[str]:
        with UnitOfWork(self._db, write=False) as uow:
            return list(uow.session.scalars(select(Brand.name).order_by(Brand.name)))

    # ----- look-ups ----------------------------------------------------------------------------

    def find_by_barcode(self, barcode: str) -> SkuRow:
        """The SKU with this barcode (or SKU code). Raises NotFound."""
        code = str(barcode or "").strip()
        params = {"code": code, "now": self._clock()}
        cur = self._currency()
        # A scan at the counter: one prebuilt statement on a plain read connection, no Session to set up.
        with self._db.read_engine.connect() as conn:
            rows = [sku_row(cur, *row) for row in conn.execute(_ONE_BY_BARCODE_OR_CODE, params)]
        if not rows:
            raise NotFound(f"No product has the barcode or SKU '{code}'. Check the code or search by name.")
        # A barcode wins over another SKU's code that happens to read the same.
        return next((row for row in rows if row.barcode == code), rows[0])

    def search(self, text: str, limit: int = SEARCH_LIMIT, *, active_only: bool = True) -> list[SkuRow]:
        """SKUs whose name, variant, SKU code or barcode contain every word of `text`, in name order."""
        words = search_key(text).split()
        params: dict[str, Any] = {f"word{index}": like_pattern(word) for index, word in enumerate(words)}
        params.update(now=self._clock(), limit=limit)
        with UnitOfWork(self._db, write=False) as uow:
            if uow.dialect == "sqlite":
                params["phrase"] = few_matches_phrase(uow.session, words)
                query = _search_query(len(words), active_only, params["phrase"] is not None)
                return self._rows(uow.session, query, params)
            with planned_for_its_words(uow.session):
                return self._rows(uow.session, _search_query(len(words), active_only, False), params)

    def stock_list(self, *, low_stock_only: bool = False, include_inactive: bool = False) -> list[SkuRow]:
        """Every SKU with on hand, reserved and available, ordered by product name."""
        query = sku_rows_query(self._clock())
        if not include_inactive:
            query = query.where(Sku.active.is_(True), Product.active.is_(True))
        query = query.order_by(Product.name, Sku.id)
        with UnitOfWork(self._db, write=False) as uow:
            rows = self._rows(uow.session, query)
        return [r for r in rows if r.low_stock] if low_stock_only else rows

    def category_products(self, category: str, limit: int = CATEGORY_PRODUCTS_LIMIT) -> list[SkuRow]:
        """The active SKUs of the first `limit` active products of `category`, in product name order.

        An unknown category has no products: the list is empty. Raises ValidationError when `limit` is
        not between 1 and CATEGORY_PRODUCTS_MAX.
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= CATEGORY_PRODUCTS_MAX:
            raise ValidationError(
                f"Ask for between 1 and {CATEGORY_PRODUCTS_MAX} products of a category, not {limit!r}.", field="limit"
            )
        has_active_sku = select(Sku.id).where(Sku.product_id == Product.id, Sku.active.is_(True)).exists()
        first_products = (
            select(Product.id)
            .join(Category, Category.id == Product.category_id)
            .where(Category.name == str(category).strip(), Product.active.is_(True), has_active_sku)
            .order_by(Product.name, Product.id)
            .limit(limit)
        )
        query = (
            sku_rows_query(self._clock())
            .where(Product.id.in_(first_products), Sku.active.is_(True))
            .order_by(Product.name, Product.id, Sku.id)
        )
        with UnitOfWork(self._db, write=False) as uow:
            return self._rows(uow.session, query)

    def low_stock(self) -> list[SkuRow]:
        """Active SKUs whose available stock is at or below their low-stock threshold."""
        return self.stock_list(low_stock_only=True)

    # ----- stock -------------------------------------------------------------------------------

    def level(self, sku: str) -> StockLevel:
        """On hand, reserved (active, unexpired holds) and available for one SKU. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            sku_id, threshold = _sku_id_and_threshold(uow.session, sku)
            on_hand = uow.session.scalar(select(StockLevelRow.on_hand).where(StockLevelRow.sku_id == sku_id))
            reserved = reserved_of(uow.session, sku_id, self._clock())
        return StockLevel(sku=sku, on_hand=on_hand or 0, reserved=reserved, low_stock_threshold=threshold)

    def receive(
        self, actor: Actor, sku: str, quantity: int, reason: str = "Delivery", reference: str | None = None
    ) -> Movement:
        """Add delivered units to stock (a 'restock' movement)."""
        return self.adjust(actor, sku, parse_quantity(quantity), MovementKind.RESTOCK, reason, reference)

    def adjust(
        self, actor: Actor, sku: str, delta: int, kind: str, reason: str, reference: str | None = None
    ) -> Movement:
        """Change on-hand stock by `delta` units with a reason, as one movement.

        Raises PermissionDenied, ValidationError, NotFound, and InsufficientStock when the change would
        take on-hand or available stock below zero; nothing is written then.
        """
        actor.require(Permission.ADJUST_STOCK)
        quantity = parse_quantity(delta, "quantity", allow_negative=True)
        movement_kind = parse_kind(kind, quantity)
        why = clean_text(reason, "reason", max_length=MAX_REASON)
        ref = clean_text(reference, "reference", max_length=MAX_REFERENCE, required=False) or None
        with UnitOfWork(self._db, write=True) as uow:
            now = self._clock()
            locked = lock_stock_of(uow.session, str(sku).strip(), now)
            if locked is None:
                raise NotFound(f"Unknown SKU '{sku}'. Check the code, or search the catalogue by name.")
            on_hand = locked.on_hand
            level = StockLevel(
                sku=sku, on_hand=on_hand, reserved=locked.reserved, low_stock_threshold=locked.low_stock_threshold
            )
            short = shortfall_after(level, quantity)
            if short:
                raise InsufficientStock([short])
            movement_id = write_movement(
                uow.session, locked.sku_id, on_hand, quantity, movement_kind, why, ref, actor.user_id, now
            )
            uow.commit()
        return Movement(
            id=movement_id,
            sku=sku,
            kind=movement_kind,
            quantity=quantity,
            stock_before=on_hand,
            stock_after=on_hand + quantity,
            reason=why,
            reference=ref,
            actor=actor.username if actor.user_id is not None else None,
            at=now,
        )

    def history(
        self,
        sku: str | None = None,
        kind: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        user: str | None = None,
        limit: int | None = None,
        before_id: int | None = None,
    ) -> list[Movement]:
        """Movements, newest first, filtered by SKU, kind, user (username) and time [since, until).

        `limit` and `before_id` page through long histories. Raises NotFound for an unknown SKU.
        """
        actor_user = aliased(User)
        query = (
            select(StockMovement, Sku.code, actor_user.username)
            .join(Sku, Sku.id == StockMovement.sku_id)
            .outerjoin(actor_user, actor_user.id == StockMovement.user_id)
            .order_by(StockMovement.id.desc())
        )
        with UnitOfWork(self._db, write=False) as uow:
            if sku is not None:
                sku_id, _ = _sku_id_and_threshold(uow.session, sku)
                query = query.where(StockMovement.sku_id == sku_id)
            if kind is not None:
                query = query.where(StockMovement.kind == _movement_kind(kind).value)
            if user is not None:
                query = query.where(actor_user.username == user.strip().lower())
            if since is not None:
                query = query.where(StockMovement.at >= since)
            if until is not None:
                query = query.where(StockMovement.at < until)
            if before_id is not None:
                query = query.where(StockMovement.id < before_id)
            if limit is not None:
                query = query.limit(limit)
            return [
                Movement(
                    id=m.id,
                    sku=code,
                    kind=MovementKind(m.kind),
                    quantity=m.quantity,
                    stock_before=m.stock_before,
                    stock_after=m.stock_after,
                    reason=m.reason,
                    reference=m.reference,
                    actor=username,
                    at=m.at,
                )
                for m, code, username in uow.session.execute(query)
            ]

    # ----- CSV ---------------------------------------------------------------------------------

    def export_csv(self, out: IO[str] | Path) -> int:
        """Write the catalogue with stock as CSV (the import format). Returns the number of SKUs."""
        with UnitOfWork(self._db, write=False) as uow:
            return catalogue_csv.export_catalogue(uow.session, out)

    def import_csv(
        self, actor: Actor, source: IO[str] | Path, *, source_name: str | None = None
    ) -> catalogue_csv.ImportSummary:
        """Create or update products and variants from CSV, and set stock to the counts given.

        All or nothing: raises ImportRejected listing every bad row with its line number, and then
        nothing is written. Returns an ImportSummary.
        """
        actor.require(Permission.MANAGE_CATALOGUE)
        actor.require(Permission.ADJUST_STOCK)
        with UnitOfWork(self._db, write=True) as uow:
            summary = catalogue_csv.import_catalogue(uow.session, source, actor, self._clock(), source_name=source_name)
            uow.commit()
        return summary

    def preview_import(self, actor: Actor, source: IO[str] | Path) -> catalogue_csv.ImportPreview:
        """What import_csv would change, row by row, and every bad row, without writing anything.

        Raises PermissionDenied (the import's permissions)."""
        actor.require(Permission.MANAGE_CATALOGUE)
        actor.require(Permission.ADJUST_STOCK)
        with UnitOfWork(self._db, write=False) as uow:
            return catalogue_csv.preview_catalogue(uow.session, source, self._clock())

    # ----- the catalogue editor ----------------------------------------------------------------

    def save_product(self, actor: Actor, draft: product_drafts.ProductDraft) -> ProductInfo:
        """Create a product with its variants, or update one, from the catalogue editor: one transaction.

        Raises PermissionDenied, NotFound (unknown product id), InvalidFields naming every bad field
        (product_drafts.variant_key for a variant's), Conflict when another user took a SKU meanwhile."""
        actor.require(Permission.MANAGE_CATALOGUE)
        with UnitOfWork(self._db, write=True) as uow:
            product = product_drafts.save_draft(uow.session, draft, read_settings(uow.session), self._clock())
            uow.commit()
            return _product_info(product, self._currency())

    # ----- helpers -----------------------------------------------------------------------------

    def _rows(self, session: Session, query: Select[Any], params: Mapping[str, Any] | None = None) -> list[SkuRow]:
        cur = self._settings.cached().currency
        return [sku_row(cur, *row) for row in session.execute(query, params)]


@lru_cache(maxsize=32)  # one per number of words typed; bounded against very long inputs
def _search_query(words: int, active_only: bool, among_fts_matches_of_phrase: bool) -> Select[Any]:
    """search()'s statement for that many words, built once: :word0... are LIKE patterns (like_pattern),
    :now the time holds count at, :limit the number of rows, :phrase the FTS5 phrase when the query is
    driven from skus_fts (db/search.py)."""
    query = sku_rows_query(bindparam("now"))
    for index in range(words):
        query = query.where(Sku.search_text.like(bindparam(f"word{index}"), escape=LIKE_ESCAPE))
    if active_only:
        query = query.where(Sku.active.is_(True), Product.active.is_(True))
    if among_fts_matches_of_phrase:
        query = query.where(among_fts_matches(Sku.id))
    return query.order_by(Product.name, Sku.id).limit(bindparam("limit"))


def sku_rows_query(now: datetime | ColumnElement[datetime], holds: Subquery | None = None) -> Select[Any]:
    """The columns of a SkuRow (see sku_row), with the units held per SKU from `holds` (active_holds(now))."""
    holds = active_holds(now) if holds is None else holds
    return (
        select(
            Sku.code,
            Sku.product_id,
            Product.name,
            Sku.size,
            Sku.properties,
            Sku.barcode,
            Category.name,
            Product.price,
            Product.promo_price,
            Sku.price_override,
            Product.vat_rate,
            StockLevelRow.on_hand,
            func.coalesce(holds.c.reserved, 0),
            Sku.low_stock_threshold,
            and_(Sku.active, Product.active),
        )
        .join(Product, Product.id == Sku.product_id)
        .join(StockLevelRow, StockLevelRow.sku_id == Sku.id)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(holds, holds.c.sku_id == Sku.id)
    )


def _one_sku_query() -> Select[Any]:
    """The columns of sku_rows_query for one SKU, built on the tables with bind parameters. Its holds are
    summed from its own reservation lines, not by grouping every active hold of the shop."""
    skus, products, levels = Sku.__table__, Product.__table__, StockLevelRow.__table__
    categories = Category.__table__
    return (
        select(
            skus.c.code,
            skus.c.product_id,
            products.c.name,
            skus.c.size,
            skus.c.properties,
            skus.c.barcode,
            categories.c.name,
            products.c.price,
            products.c.promo_price,
            skus.c.price_override,
            products.c.vat_rate,
            levels.c.on_hand,
            units_held_by_sku(skus.c.id, bindparam("now")),
            skus.c.low_stock_threshold,
            and_(skus.c.active, products.c.active),
        )
        .join(products, products.c.id == skus.c.product_id)
        .join(levels, levels.c.sku_id == skus.c.id)
        .outerjoin(categories, categories.c.id == products.c.category_id)
    )


# Built once: at the counter, building a statement and computing its cache key cost more than running it.
# Both unique indexes answer it (PostgreSQL: BitmapOr; SQLite: multi-index OR): one round trip either way.
_ONE_BY_BARCODE_OR_CODE = _one_sku_query().where(
    or_(Sku.__table__.c.barcode == bindparam("code"), Sku.__table__.c.code == bindparam("code"))
)


def sku_row(
    cur: Currency,
    code: str,
    product_id: int,
    name: str,
    size: str | None,
    properties: dict[str, str] | None,
    barcode: str | None,
    category: str | None,
    price: Decimal,
    promo_price: Decimal | None,
    price_override: Decimal | None,
    vat_rate: Decimal,
    on_hand: int,
    reserved: int,
    threshold: int,
    active: bool,
) -> SkuRow:
    return SkuRow(
        sku=code,
        product_id=product_id,
        name=name,
        variant=rules.variant_label(size, properties or {}),
        barcode=barcode,
        category=category,
        unit_price=cur.round(rules.unit_price(price, promo_price, price_override)),
        vat_rate=normalize_rate(vat_rate),
        on_hand=on_hand,
        reserved=int(reserved),
        low_stock_threshold=threshold,
        active=bool(active),
    )


def _optional(cur: Currency, value: Decimal | None) -> Decimal | None:
    return None if value is None else cur.round(value)


def _parse_variant_text(
    sku: object, barcode: object, size: object, properties: object, threshold: object
) -> dict[str, Any]:
    return {
        "code": rules.parse_sku_code(sku),
        "barcode": rules.parse_barcode(barcode),
        "size": rules.parse_size(size),
        "properties": rules.parse_properties(properties),
        "low_stock_threshold": rules.parse_threshold(threshold),
    }


def _parse_product_prices(
    settings: ShopSettings, price: object, promo_price: object, vat_rate: object
) -> dict[str, Decimal | None]:
    parsed_price = parse_price(price, "price", settings.currency)
    parsed_promo = rules.parse_optional_price(promo_price, "promo_price", settings.currency)
    rules.check_promo_price(parsed_price, parsed_promo)
    return {
        "price": parsed_price,
        "promo_price": parsed_promo,
        "vat_rate": parse_vat_rate(vat_rate, settings.vat_rates),
    }


def _movement_kind(kind: str) -> MovementKind:
    try:
        return MovementKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in MovementKind)
        raise ValidationError(f"Unknown movement kind '{kind}': use one of {names}.", field="kind") from None


def _refuse_unknown_fields(changes: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(
            f"Cannot change {', '.join(unknown)}: the fields that can change are {', '.join(sorted(allowed))}."
        )


def _check_unique(session: Session, code: str | None, barcode: str | None) -> None:
    if code is not None and session.scalar(select(Sku.id).where(Sku.code == code)) is not None:
        raise Conflict(f"The SKU '{code}' already exists: choose another code.", field="sku")
    if barcode is not None:
        owner = session.scalar(select(Sku.code).where(Sku.barcode == barcode))
        if owner is not None:
            raise Conflict(f"The barcode {barcode} already belongs to SKU '{owner}'.", field="barcode")


def _product(session: Session, product_id: int) -> Product:
    product = session.get(Product, product_id) if isinstance(product_id, int) else None
    if product is None:
        raise NotFound(f"No product with id {product_id!r}.")
    return product


def _sku(session: Session, code: str) -> Sku:
    row = session.scalar(select(Sku).where(Sku.code == str(code).strip()))
    if row is None:
        raise NotFound(f"Unknown SKU '{code}'. Check the code, or search the catalogue by name.")
    return row


def _sku_id_and_threshold(session: Session, code: str) -> tuple[int, int]:
    found = session.execute(select(Sku.id, Sku.low_stock_threshold).where(Sku.code == str(code).strip())).first()
    if found is None:
        raise NotFound(f"Unknown SKU '{code}'. Check the code, or search the catalogue by name.")
    return found[0], found[1]


def _product_info(product: Product, cur: Currency) -> ProductInfo:
    return ProductInfo(
        id=product.id,
        name=product.name,
        description=product.description,
        category=product.category.name if product.category else None,
        brand=product.brand.name if product.brand else None,
        price=cur.round(product.price),
        promo_price=_optional(cur, product.promo_price),
        vat_rate=normalize_rate(product.vat_rate),
        active=product.active,
        variants=tuple(
            VariantInfo(
                sku=s.code,
                barcode=s.barcode,
                size=s.size,
                properties=dict(s.properties or {}),
                price_override=_optional(cur, s.price_override),
                unit_price=cur.round(rules.unit_price(product.price, product.promo_price, s.price_override)),
                low_stock_threshold=s.low_stock_threshold,
                active=s.active,
            )
            for s in product.skus
        ),
    )
