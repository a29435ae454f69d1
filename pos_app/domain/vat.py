"""VAT on tax-inclusive prices: the amount excluding tax and the tax, per rate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pos_app.domain.money import Currency
from pos_app.errors import ValidationError

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class VatSplit:
    rate: Decimal
    gross: Decimal
    net: Decimal
    vat: Decimal


def split_gross(gross: Decimal, rate: Decimal, cur: Currency) -> VatSplit:
    """Split a tax-inclusive amount at `rate` percent into net and VAT; net + vat == gross exactly."""
    net = cur.round(gross * HUNDRED / (HUNDRED + rate))
    return VatSplit(rate=rate, gross=gross, net=net, vat=gross - net)


def vat_breakdown(lines: Iterable[tuple[Decimal, Decimal]], cur: Currency) -> list[VatSplit]:
    """Group (gross amount, rate) lines per rate and split each group's total once, as invoices show it."""
    totals: dict[Decimal, Decimal] = {}
    for gross, rate in lines:
        totals[rate] = totals.get(rate, Decimal(0)) + gross
    return [split_gross(totals[rate], rate, cur) for rate in sorted(totals)]


def parse_vat_rate(value: object, allowed: Iterable[Decimal]) -> Decimal:
    """A VAT rate in percent (20 for 20 %) that must be one of the shop's configured rates."""
    allowed_rates = sorted(set(allowed))
    shown = ", ".join(f"{format_rate(r)} %" for r in allowed_rates)
    if isinstance(value, bool | float):
        raise ValidationError(f"VAT rate must be a decimal percentage such as 20 (got {value!r}).", field="vat_rate")
    try:
        rate = value if isinstance(value, Decimal) else Decimal(str(value).strip().rstrip("%").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(
            f"VAT rate must be a percentage such as 20 (got {value!r}). The shop's rates are {shown}.",
            field="vat_rate",
        ) from None
    if not rate.is_finite() or rate not in allowed_rates:
        raise ValidationError(
            f"VAT rate {value} % is not one of the shop's rates ({shown}); rates are given in percent, "
            "e.g. 20 for 20 %. An admin can add rates in the settings.",
            field="vat_rate",
        )
    return next(r for r in allowed_rates if r == rate)


def normalize_rate(rate: Decimal) -> Decimal:
    """20.000 -> 20, 5.500 -> 5.5 (never 2E+1)."""
    rate = Decimal(rate)
    return rate.quantize(Decimal(1)) if rate == rate.to_integral_value() else rate.normalize()


def format_rate(rate: Decimal) -> str:
    """20.00 -> '20', 5.50 -> '5.5'."""
    text = f"{rate:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
