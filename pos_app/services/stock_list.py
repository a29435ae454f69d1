"""The stock list a page at a time: active SKUs filtered by words or low stock, sorted by one column.

The list holds 100,000 SKUs in a big shop: reading them all takes seconds, so the stock page reads a page
of rows when it opens, and the next page as the view scrolls to its end. Pages are read by keyset (the
sort value and id of the last row read), so page 300 costs what page 1 costs. The product-name order
walks ix_products_name and stops at the page's end; the other orders sort the matching rows each time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import Product, Sku, StockLevelRow
from pos_app.db.search import LIKE_ESCAPE, among_fts_matches, few_matches_phrase, like_pattern, planned_for_its_words
from pos_app.db.stock_queries import active_holds
from pos_app.domain.text import search_key
from pos_app.services.inventory import SkuRow, sku_row, sku_rows_query
from pos_app.services.paging import PAGE_SIZE, Cursor, Page, check_limit
from pos_app.services.settings import SettingsService
from pos_app.services.unit_of_work import Clock, UnitOfWork

ROW_COLUMNS = 15  # the columns of sku_rows_query, before the sort value and the SKU id


class StockSort(StrEnum):
    PRODUCT = "product"
    SKU = "sku"
    BARCODE = "barcode"
    PRICE = "price"
    ON_HAND = "on_hand"
    RESERVED = "reserved"
    AVAILABLE = "available"


@dataclass(frozen=True)
class StockQuery:
    """Which SKUs, in which order: every word of `text` in the name, variant, SKU or barcode."""

    text: str = ""
    low_stock_only: bool = False
    sort: StockSort = StockSort.PRODUCT
    descending: bool = False

    @property
    def words(self) -> list[str]:
        return search_key(self.text).split()


@dataclass(frozen=True)
class StockCounts:
    """Active SKUs, and how many of them are at or below their low-stock alert (out of stock included)."""

    total: int
    low_stock: int


class StockListService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    def page(self, query: StockQuery, after: Cursor | None = None, limit: int = PAGE_SIZE) -> Page[SkuRow]:
        """Up to `limit` active SKUs matching `query`, in its order, after the cursor of the previous page.

        Raises ValidationError for a limit outside 1 to MAX_PAGE_SIZE."""
        check_limit(limit)
        cur = self._settings.cached().currency
        params: dict[str, Any] = {"now": self._clock(), "limit": limit + 1}
        with UnitOfWork(self._db, write=False) as uow:
            statement = self._matching(uow.session, uow.dialect, query, params)
            sort_key = _sort_key(query.sort)
            statement = statement.add_columns(sort_key, Sku.id)
            keys = (sort_key, Sku.id)
            if after is not None:
                statement = statement.where(_after(keys, after, query.descending))
            ordering = [key.desc() for key in keys] if query.descending else list(keys)
            statement = statement.order_by(*ordering).limit(bindparam("limit"))
            if uow.dialect == "postgresql":
                with planned_for_its_words(uow.session):
                    found = uow.session.execute(statement, params).all()
            else:
                found = uow.session.execute(statement, params).all()
        rows = tuple(sku_row(cur, *row[:ROW_COLUMNS]) for row in found[:limit])
        last = found[limit - 1] if len(found) > limit else None
        return Page(rows, None if last is None else (last[ROW_COLUMNS], last[ROW_COLUMNS + 1]))

    def count(self, query: StockQuery) -> int:
        """How many active SKUs match `query` (its order aside)."""
        params: dict[str, Any] = {"now": self._clock()}
        with UnitOfWork(self._db, write=False) as uow:
            matching = self._matching(uow.session, uow.dialect, query, params).with_only_columns(Sku.id)
            return uow.session.execute(select(func.count()).select_from(matching.subquery()), params).scalar_one()

    def counts(self) -> StockCounts:
        """The whole list's figures, for the count and the low-stock badge, whatever the filter."""
        holds = active_holds(bindparam("now"))
        available = StockLevelRow.on_hand - func.coalesce(holds.c.reserved, 0)
        statement = (
            select(func.count(), func.coalesce(func.sum(case((available <= Sku.low_stock_threshold, 1), else_=0)), 0))
            .select_from(Sku)
            .join(Product, Product.id == Sku.product_id)
            .join(StockLevelRow, StockLevelRow.sku_id == Sku.id)
            .outerjoin(holds, holds.c.sku_id == Sku.id)
            .where(Sku.active.is_(True), Product.active.is_(True))
        )
        with UnitOfWork(self._db, write=False) as uow:
            total, low = uow.session.execute(statement, {"now": self._clock()}).one()
        return StockCounts(total=total, low_stock=int(low))

    def _matching(self, session: Session, dialect: str, query: StockQuery, params: dict[str, Any]) -> Select[Any]:
        words = query.words
        statement = sku_rows_query(bindparam("now"), _HOLDS).where(Sku.active.is_(True), Product.active.is_(True))
        for index, word in enumerate(words):
            params[f"word{index}"] = like_pattern(word)
            statement = statement.where(Sku.search_text.like(bindparam(f"word{index}"), escape=LIKE_ESCAPE))
        if dialect == "sqlite" and words:
            phrase = few_matches_phrase(session, words)
            if phrase is not None:
                params["phrase"] = phrase
                statement = statement.where(among_fts_matches(Sku.id))
        if query.low_stock_only:
            statement = statement.where(_available() <= Sku.low_stock_threshold)
        return statement


_HOLDS = active_holds(bindparam("now"))


def _available() -> ColumnElement[int]:
    return StockLevelRow.on_hand - func.coalesce(_HOLDS.c.reserved, 0)


def _sort_key(sort: StockSort) -> ColumnElement[Any]:
    match sort:
        case StockSort.PRODUCT:
            return Product.name
        case StockSort.SKU:
            return Sku.code
        case StockSort.BARCODE:
            return func.coalesce(Sku.barcode, "")
        case StockSort.PRICE:
            return func.coalesce(Sku.price_override, Product.promo_price, Product.price)
        case StockSort.ON_HAND:
            return StockLevelRow.on_hand
        case StockSort.RESERVED:
            return func.coalesce(_HOLDS.c.reserved, 0)
        case StockSort.AVAILABLE:
            return _available()


def _after(keys: Sequence[ColumnElement[Any]], cursor: Cursor, descending: bool) -> ColumnElement[bool]:
    """Rows after (key, id) = cursor in the sort order. Written as `key >= v AND (key > v OR id > i)`
    rather than a row-value comparison, so that both databases use an index on the key for the range."""
    (key, sku_id), (value, last_id) = keys, cursor
    if descending:
        return and_(key <= value, or_(key < value, sku_id < last_id))
    return and_(key >= value, or_(key > value, sku_id > last_id))
