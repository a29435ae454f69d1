"""Writes and look-ups that the catalogue and stock services share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.models import Brand, Category, Product, Sku, StockLevelRow, StockMovement
from pos_app.domain.stock import MovementKind
from pos_app.domain.text import search_key
from pos_app.errors import Conflict

# Core statements on the tables, built once: an ORM-enabled UPDATE or INSERT goes through the ORM's bulk
# machinery on every call, and building a statement costs more CPU than SQLite takes to run it.
_LEVELS = StockLevelRow.__table__
_MOVEMENTS = StockMovement.__table__
_DELTA = bindparam("delta", type_=Integer)
_APPLY = (
    update(_LEVELS)
    .where(_LEVELS.c.sku_id == bindparam("target"), _LEVELS.c.on_hand + _DELTA >= 0)
    .values(on_hand=_LEVELS.c.on_hand + _DELTA)
)
_RECORD = insert(_MOVEMENTS).returning(_MOVEMENTS.c.id)
_RECORD_MANY = insert(_MOVEMENTS)


def write_movement(
    session: Session,
    sku_id: int,
    on_hand: int,
    quantity: int,
    kind: MovementKind,
    reason: str,
    reference: str | None,
    user_id: int | None,
    at: datetime,
) -> int:
    """Apply one movement to a locked stock row and record it. Returns the movement id.

    The UPDATE re-checks on_hand >= 0 itself, so a caller that forgot to lock still cannot go negative.
    """
    changed = core(session).execute(_APPLY, {"target": sku_id, "delta": quantity})
    if changed.rowcount != 1:
        raise RuntimeError(f"stock row {sku_id} was not locked before it was changed")
    movement = {
        "sku_id": sku_id,
        "kind": kind.value,
        "quantity": quantity,
        "stock_before": on_hand,
        "stock_after": on_hand + quantity,
        "reason": reason,
        "reference": reference,
        "user_id": user_id,
        "at": at,
    }
    return core(session).execute(_RECORD, movement).scalar_one()


def write_movements(
    session: Session,
    changes: Sequence[tuple[int, int, int]],
    kind: MovementKind,
    reason: str,
    reference: str | None,
    user_id: int | None,
    at: datetime,
) -> None:
    """Apply movements (sku_id, on_hand as locked, quantity) to locked stock rows, one statement for all
    the rows and one for all the records."""
    changed = core(session).execute(_APPLY, [{"target": sku_id, "delta": quantity} for sku_id, _, quantity in changes])
    if changed.rowcount != len(changes):
        raise RuntimeError("a stock row was not locked before it was changed")
    core(session).execute(
        _RECORD_MANY,
        [
            {
                "sku_id": sku_id,
                "kind": kind.value,
                "quantity": quantity,
                "stock_before": on_hand,
                "stock_after": on_hand + quantity,
                "reason": reason,
                "reference": reference,
                "user_id": user_id,
                "at": at,
            }
            for sku_id, on_hand, quantity in changes
        ],
    )


def get_or_create(session: Session, model: type[Category] | type[Brand], name: str | None) -> Any:
    """The category or brand of that name, whatever its case ('vêtements' is 'Vêtements'), else a new one."""
    if name is None:
        return None
    wanted = name.casefold()
    # Compared in Python: SQLite's lower() folds ASCII letters only. These tables hold a few dozen rows.
    for existing in session.scalars(select(model)):
        if existing.name.casefold() == wanted:
            return existing
    created = model(name=name)
    try:
        with session.begin_nested():
            session.add(created)
    except IntegrityError:  # another user created it at this very moment: share theirs
        shared = session.scalar(select(model).where(model.name == name))
        if shared is None:
            raise
        return shared
    return created


def flush_or_conflict(session: Session) -> None:
    """Turn a unique-index race lost to another user into the Conflict a check would have given."""
    try:
        session.flush()
    except IntegrityError as error:
        raise Conflict(
            "Another user saved the same SKU, barcode or name at the same moment; reload and try again."
        ) from error


def add_sku(session: Session, product: Product, variant: Mapping[str, Any], price_override: Decimal | None) -> Sku:
    row = Sku(
        product=product,
        code=variant["code"],
        barcode=variant["barcode"],
        size=variant["size"],
        properties=variant["properties"],
        price_override=price_override,
        low_stock_threshold=variant["low_stock_threshold"],
        active=True,
        search_text=search_text_of(
            product.name, variant["code"], variant["barcode"], variant["size"], variant["properties"]
        ),
    )
    session.add(row)
    flush_or_conflict(session)
    session.add(StockLevelRow(sku_id=row.id, on_hand=0))
    return row


def search_text_of(
    name: str, code: str, barcode: str | None, size: str | None, properties: Mapping[str, str] | None
) -> str:
    return search_key(name, code, barcode, size, *(properties or {}).values())


def skus_by_code(session: Session, codes: Iterable[str]) -> dict[str, Sku]:
    wanted = list(set(codes))
    found: dict[str, Sku] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update({s.code: s for s in session.scalars(select(Sku).where(Sku.code.in_(chunk)))})
    return found


def skus_by_barcode(session: Session, barcodes: Iterable[str]) -> dict[str, str]:
    wanted = [b for b in set(barcodes) if b]
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(dict(session.execute(select(Sku.barcode, Sku.code).where(Sku.barcode.in_(chunk))).all()))
    return found
