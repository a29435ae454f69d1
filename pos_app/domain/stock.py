"""Stock arithmetic: movement kinds, quantities, and the levels they produce."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.errors import Shortfall, ValidationError

MAX_QUANTITY = 1_000_000


class MovementKind(StrEnum):
    SALE = "sale"
    RETURN = "return"
    RESTOCK = "restock"
    ADJUSTMENT = "adjustment"
    LOSS = "loss"
    TRANSFER = "transfer"


INCOMING_ONLY = frozenset({MovementKind.RESTOCK, MovementKind.RETURN})
OUTGOING_ONLY = frozenset({MovementKind.SALE, MovementKind.LOSS})
# Sales and their returns are written by the counter and the online shop, never typed in by hand.
MANUAL_KINDS = frozenset({MovementKind.RESTOCK, MovementKind.ADJUSTMENT, MovementKind.LOSS, MovementKind.TRANSFER})


@dataclass(frozen=True)
class StockLevel:
    sku: str
    on_hand: int
    reserved: int
    low_stock_threshold: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def low_stock(self) -> bool:
        return self.available <= self.low_stock_threshold


def parse_quantity(value: object, field: str = "quantity", *, allow_negative: bool = False) -> int:
    """A whole number of units, not zero, at most MAX_QUANTITY in size. Raises ValidationError."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            value = int(value.strip())
        else:
            raise ValidationError(f"{field} must be a whole number of units (got {value!r}).", field=field)
    if value == 0:
        raise ValidationError(f"{field} cannot be zero.", field=field)
    if value < 0 and not allow_negative:
        raise ValidationError(f"{field} must be positive (got {value}).", field=field)
    if abs(value) > MAX_QUANTITY:
        raise ValidationError(f"{field} {value} is too large; at most {MAX_QUANTITY:,} units at once.", field=field)
    return value


def parse_kind(value: object, delta: int) -> MovementKind:
    """A movement kind that may be entered by hand and that fits the sign of `delta`."""
    try:
        kind = MovementKind(str(value))
    except ValueError:
        names = ", ".join(sorted(k.value for k in MANUAL_KINDS))
        raise ValidationError(f"Unknown movement kind '{value}': use one of {names}.", field="kind") from None
    if kind not in MANUAL_KINDS:
        raise ValidationError(
            f"'{kind}' movements are written by the counter or the online shop, not by hand; "
            "use 'adjustment' to correct a count.",
            field="kind",
        )
    if kind in INCOMING_ONLY and delta < 0:
        raise ValidationError(f"A '{kind}' adds stock: its quantity must be positive.", field="quantity")
    if kind in OUTGOING_ONLY and delta > 0:
        raise ValidationError(f"A '{kind}' removes stock: its quantity must be negative.", field="quantity")
    return kind


def shortfall_after(level: StockLevel, delta: int) -> Shortfall | None:
    """The shortfall if `delta` would take on_hand or available below zero, else None."""
    if delta >= 0 or level.available + delta >= 0:
        return None
    return Shortfall(sku=level.sku, requested=-delta, available=max(level.available, 0))
