"""The stock movement history a page at a time, filtered by SKU, kind, user and period, and its CSV export.

A shop's history grows to millions of movements. The history page reads one page when it opens or when a
filter changes, and the next page as the view scrolls to its end. Pages run newest first by time, read by
keyset on (at, id): the period filter is a range of the time index, and the kind and user filters have
their own (kind, at) and (user_id, at) indexes (migration 0009), so a page costs the same on any day.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import Product, Sku, StockMovement, User
from pos_app.domain import catalogue as rules
from pos_app.domain.stock import MovementKind
from pos_app.errors import NotFound, ValidationError
from pos_app.services.paging import PAGE_SIZE, Cursor, Page, check_limit
from pos_app.services.unit_of_work import UnitOfWork

COUNT_CAP = 10_000
EXPORT_PAGE = 2_000
EXPORT_COLUMNS = (
    "time",
    "sku",
    "product",
    "variant",
    "kind",
    "quantity",
    "stock_before",
    "stock_after",
    "reason",
    "reference",
    "user",
)

_MOVEMENTS = StockMovement.__table__
_SKUS = Sku.__table__
_PRODUCTS = Product.__table__
_USERS = User.__table__


@dataclass(frozen=True)
class MovementFilter:
    """Movements of one SKU (its code), of one kind, by one user (username), at or after `since` and
    before `until`; None leaves that side open."""

    sku: str | None = None
    kind: MovementKind | None = None
    user: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class MovementLine:
    """One movement as the history shows it, with its product's name and the variant."""

    id: int
    at: datetime
    sku: str
    product: str
    variant: str
    kind: MovementKind
    quantity: int
    stock_before: int
    stock_after: int
    reason: str
    reference: str | None
    user: str | None


class MovementHistoryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def page(self, wanted: MovementFilter, after: Cursor | None = None, limit: int = PAGE_SIZE) -> Page[MovementLine]:
        """Up to `limit` movements matching `wanted`, newest first, after the cursor of the previous page.

        Raises NotFound for an unknown SKU or user, ValidationError for a period that ends before it starts
        or a limit outside 1 to MAX_PAGE_SIZE."""
        check_limit(limit)
        with UnitOfWork(self._db, write=False) as uow:
            return _read_page(uow.session, _conditions(uow.session, wanted), after, limit)

    def count(self, wanted: MovementFilter, cap: int = COUNT_CAP) -> int:
        """How many movements match `wanted`, counting no further than `cap` (a count of a million rows
        takes longer than the page it describes): `cap` means "at least that many"."""
        with UnitOfWork(self._db, write=False) as uow:
            capped = select(_MOVEMENTS.c.id).where(*_conditions(uow.session, wanted)).limit(cap)
            return uow.session.execute(select(func.count()).select_from(capped.subquery())).scalar_one()

    def users(self) -> list[str]:
        """Every username, to filter the history by who moved the stock."""
        with UnitOfWork(self._db, write=False) as uow:
            return list(uow.session.scalars(select(_USERS.c.username).order_by(_USERS.c.username)))

    def export_csv(
        self,
        wanted: MovementFilter,
        path: Path,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int | None:
        """Write the movements matching `wanted` to a CSV file at `path`, newest first. Returns how many.

        The file appears only once complete: when `cancelled()` turns true (checked between pages of
        EXPORT_PAGE rows) the export stops, nothing is left at `path`, and None is returned. `progress(n)`
        hears the number of rows written so far after each page. Raises NotFound, ValidationError, OSError."""
        with UnitOfWork(self._db, write=False) as uow:
            conditions = _conditions(uow.session, wanted)
            handle, temporary = tempfile.mkstemp(prefix=".movements-", suffix=".csv", dir=path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                    written = _write_csv(uow.session, conditions, out, progress, cancelled)
                if written is None:
                    os.unlink(temporary)
                    return None
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        return written


def _write_csv(
    session: Session,
    conditions: list[ColumnElement[bool]],
    out: Any,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int | None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    written = 0
    for page in _pages(session, conditions):
        if cancelled is not None and cancelled():
            return None
        writer.writerows(_csv_row(line) for line in page)
        written += len(page)
        if progress is not None:
            progress(written)
    return written


def _pages(session: Session, conditions: list[ColumnElement[bool]]) -> Iterator[tuple[MovementLine, ...]]:
    after: Cursor | None = None
    while True:
        page = _read_page(session, conditions, after, EXPORT_PAGE)
        if page.rows:
            yield page.rows
        if page.after is None:
            return
        after = page.after


def _csv_row(line: MovementLine) -> list[object]:
    return [
        line.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        line.sku,
        line.product,
        line.variant,
        line.kind.value,
        line.quantity,
        line.stock_before,
        line.stock_after,
        line.reason,
        line.reference or "",
        line.user or "",
    ]


def _conditions(session: Session, wanted: MovementFilter) -> list[ColumnElement[bool]]:
    """The filter as WHERE conditions on stock_movements, with the SKU and user looked up by name first
    (so that the indexes on sku_id and user_id serve the query)."""
    conditions: list[ColumnElement[bool]] = []
    if wanted.since is not None and wanted.until is not None and wanted.until <= wanted.since:
        raise ValidationError("The period ends before it starts: choose an end after the start.", field="until")
    if wanted.sku is not None:
        code = wanted.sku.strip()
        sku_id = session.scalar(select(_SKUS.c.id).where(_SKUS.c.code == code))
        if sku_id is None:
            raise NotFound(f"Unknown SKU '{code}'. Check the code, or find the product on the stock page.")
        conditions.append(_MOVEMENTS.c.sku_id == sku_id)
    if wanted.kind is not None:
        conditions.append(_MOVEMENTS.c.kind == MovementKind(wanted.kind).value)
    if wanted.user is not None:
        username = wanted.user.strip().lower()
        user_id = session.scalar(select(_USERS.c.id).where(_USERS.c.username == username))
        if user_id is None:
            raise NotFound(f"No user is named '{username}'.")
        conditions.append(_MOVEMENTS.c.user_id == user_id)
    if wanted.since is not None:
        conditions.append(_MOVEMENTS.c.at >= wanted.since)
    if wanted.until is not None:
        conditions.append(_MOVEMENTS.c.at < wanted.until)
    return conditions


def _read_page(
    session: Session, conditions: list[ColumnElement[bool]], after: Cursor | None, limit: int
) -> Page[MovementLine]:
    statement = _LINES.where(*conditions)
    if after is not None:
        at, last_id = after
        statement = statement.where(and_(_MOVEMENTS.c.at <= at, or_(_MOVEMENTS.c.at < at, _MOVEMENTS.c.id < last_id)))
    found = session.execute(statement.limit(limit + 1)).all()
    lines = tuple(_line(*row) for row in found[:limit])
    more = len(found) > limit
    return Page(lines, (lines[-1].at, lines[-1].id) if more else None)


def _lines_query() -> Select[Any]:
    return (
        select(
            _MOVEMENTS.c.id,
            _MOVEMENTS.c.at,
            _SKUS.c.code,
            _PRODUCTS.c.name,
            _SKUS.c.size,
            _SKUS.c.properties,
            _MOVEMENTS.c.kind,
            _MOVEMENTS.c.quantity,
            _MOVEMENTS.c.stock_before,
            _MOVEMENTS.c.stock_after,
            _MOVEMENTS.c.reason,
            _MOVEMENTS.c.reference,
            _USERS.c.username,
        )
        .select_from(_MOVEMENTS)
        .join(_SKUS, _SKUS.c.id == _MOVEMENTS.c.sku_id)
        .join(_PRODUCTS, _PRODUCTS.c.id == _SKUS.c.product_id)
        .outerjoin(_USERS, _USERS.c.id == _MOVEMENTS.c.user_id)
        .order_by(_MOVEMENTS.c.at.desc(), _MOVEMENTS.c.id.desc())
    )


_LINES = _lines_query()


def _line(
    movement_id: int,
    at: datetime,
    code: str,
    product: str,
    size: str | None,
    properties: dict[str, str] | None,
    kind: str,
    quantity: int,
    stock_before: int,
    stock_after: int,
    reason: str,
    reference: str | None,
    username: str | None,
) -> MovementLine:
    return MovementLine(
        id=movement_id,
        at=at,
        sku=code,
        product=product,
        variant=rules.variant_label(size, properties or {}),
        kind=MovementKind(kind),
        quantity=quantity,
        stock_before=stock_before,
        stock_after=stock_after,
        reason=reason,
        reference=reference,
        user=username,
    )
