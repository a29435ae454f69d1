"""The notes and coins of a currency, largest first, to count a cash drawer one denomination at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.money import Currency
from pos_app.errors import ValidationError

MAX_COUNT = 100_000  # of one denomination: more is a typing slip, not a drawer


class Kind(StrEnum):
    NOTE = "note"
    COIN = "coin"


@dataclass(frozen=True)
class Denomination:
    value: Decimal
    kind: Kind


def _series(notes: str, coins: str) -> tuple[Denomination, ...]:
    return tuple(Denomination(Decimal(v), Kind.NOTE) for v in notes.split()) + tuple(
        Denomination(Decimal(v), Kind.COIN) for v in coins.split()
    )


# What is in circulation: rare pieces (a 1 dollar coin, a 2 euro cent coin kept) stay, pieces that a shop
# never sees (commemorative ones, the 1 and 2 centime of Switzerland) do not.
KNOWN: dict[str, tuple[Denomination, ...]] = {
    "EUR": _series("500 200 100 50 20 10 5", "2 1 0.50 0.20 0.10 0.05 0.02 0.01"),
    "XOF": _series("10000 5000 2000 1000 500", "500 250 200 100 50 25 10 5 1"),  # BCEAO
    "XAF": _series("10000 5000 2000 1000 500", "500 100 50 25 10 5 2 1"),  # BEAC
    "MAD": _series("200 100 50 20", "10 5 2 1 0.50 0.20 0.10 0.05"),
    "USD": _series("100 50 20 10 5 2 1", "1 0.50 0.25 0.10 0.05 0.01"),
    "GBP": _series("50 20 10 5", "2 1 0.50 0.20 0.10 0.05 0.02 0.01"),
    "CHF": _series("1000 200 100 50 20 10", "5 2 1 0.50 0.20 0.10 0.05"),
}


def denominations(cur: Currency) -> tuple[Denomination, ...]:
    """The currency's notes then coins, largest first. For a currency not listed here: the 1-2-5 series
    from 500 down to the minor unit (from 10,000 down to 1 for a currency without one), notes from 5 (1,000
    without a minor unit) up, a series that fits most currencies closely enough to count a drawer."""
    known = KNOWN.get(cur.code)
    if known is not None:
        return known
    largest = Decimal(500) if cur.minor_units else Decimal(10_000)
    smallest_note = Decimal(5) if cur.minor_units else Decimal(1_000)
    values = []
    power = largest.adjusted()
    while Decimal(1).scaleb(power) >= cur.quantum:
        values += [_plain(Decimal(step).scaleb(power)) for step in (5, 2, 1) if Decimal(step).scaleb(power) <= largest]
        power -= 1
    return tuple(Denomination(v, Kind.NOTE if v >= smallest_note else Kind.COIN) for v in values)


def _plain(value: Decimal) -> Decimal:
    """500 rather than 5E+2."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def counted_total(counts: Iterable[tuple[Denomination, int]]) -> Decimal:
    """The cash counted: each denomination times how many were counted. Raises ValidationError for a count
    that is not a whole number from 0 to MAX_COUNT."""
    total = Decimal(0)
    for denomination, count in counts:
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_COUNT:
            raise ValidationError(
                f"Count the {denomination.value} {denomination.kind}s as a whole number from 0 to {MAX_COUNT} "
                f"(got {count!r}).",
                field="counts",
            )
        total += denomination.value * count
    return total
