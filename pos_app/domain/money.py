"""Money as Decimal, rounded half-up to the currency's minor unit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import get_currency_precision, list_currencies

from pos_app.errors import ValidationError

MAX_AMOUNT = Decimal("1000000000")


@dataclass(frozen=True)
class Currency:
    code: str
    minor_units: int

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.minor_units)

    def round(self, amount: Decimal) -> Decimal:
        """Round half-up to the minor unit (XOF has none, EUR has cents)."""
        return amount.quantize(self.quantum, rounding=ROUND_HALF_UP)

    def to_minor(self, amount: Decimal) -> int:
        """The amount in minor units, as payment providers count it (EUR 12.30 -> 1230, XOF 1500 -> 1500)."""
        return int(self.round(amount).scaleb(self.minor_units))


def currency(code: str) -> Currency:
    """Look up an ISO 4217 currency. Raises ValidationError for an unknown code."""
    normalized = str(code).strip().upper()
    if normalized not in list_currencies():
        raise ValidationError(
            f"Unknown currency '{code}': use an ISO 4217 code such as EUR, MAD or XOF.", field="currency"
        )
    return Currency(normalized, get_currency_precision(normalized))


def parse_amount(value: object, field: str, *, allow_zero: bool = True) -> Decimal:
    """Turn user input into a non-negative Decimal amount, or raise a ValidationError naming the field.

    Floats are refused: they cannot hold a price exactly.
    """
    if isinstance(value, (bool, float)):
        raise ValidationError(f"{field} must be a decimal amount such as 19.99 (got {value!r}).", field=field)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{field} must be a number such as 19.99 (got {value!r}).", field=field) from None
    if not amount.is_finite():
        raise ValidationError(f"{field} must be a number such as 19.99 (got {value!r}).", field=field)
    if amount < 0:
        raise ValidationError(f"{field} cannot be negative (got {amount}).", field=field)
    if amount == 0 and not allow_zero:
        raise ValidationError(f"{field} must be more than zero.", field=field)
    if amount >= MAX_AMOUNT:
        raise ValidationError(f"{field} is too large (got {amount}); the limit is {MAX_AMOUNT - 1}.", field=field)
    return amount


def parse_price(value: object, field: str, cur: Currency) -> Decimal:
    """A price in the shop's currency: non-negative, with no more decimals than the currency has."""
    amount = parse_amount(value, field)
    if amount != cur.round(amount):
        raise ValidationError(
            f"{field} {amount} has more decimals than {cur.code} allows ({cur.minor_units}).", field=field
        )
    return cur.round(amount)
