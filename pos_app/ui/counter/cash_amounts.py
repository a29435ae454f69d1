"""The amounts a customer is likely to hand over in cash: the exact amount, then the next round notes."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from pos_app.domain.denominations import Kind, denominations
from pos_app.domain.money import Currency

MAX_SUGGESTIONS = 3


def quick_amounts(due: Decimal, cur: Currency) -> list[Decimal]:
    """Up to three amounts above `due`, each a whole number of one of the currency's notes, smallest first:
    for 37.40 EUR, 40, 50 and 100."""
    if due <= 0:
        return []
    suggestions: set[Decimal] = set()
    for note in (d.value for d in denominations(cur) if d.kind is Kind.NOTE):
        rounded_up = (due / note).to_integral_value(rounding=ROUND_CEILING) * note
        if rounded_up > due:
            suggestions.add(rounded_up)
    return sorted(suggestions)[:MAX_SUGGESTIONS]
