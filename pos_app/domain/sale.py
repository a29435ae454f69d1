"""A counter ticket's arithmetic: automatic, line and ticket discounts, totals, VAT per rate, tender and change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from pos_app.domain.money import Currency
from pos_app.domain.vat import VatSplit, vat_breakdown
from pos_app.errors import ValidationError

HUNDRED = Decimal(100)


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    ORANGE_MONEY = "orange_money"
    WAVE = "wave"
    BANK_TRANSFER = "bank_transfer"


# Methods whose payment is confirmed elsewhere (terminal, phone): the cashier types its reference.
NEEDS_REFERENCE = frozenset({PaymentMethod.ORANGE_MONEY, PaymentMethod.WAVE})


class PaymentMismatch(ValidationError):
    """The payments do not settle the ticket: too little, or more than due on a method that gives no change."""


@dataclass(frozen=True)
class TicketLine:
    sku: str
    quantity: int
    unit_price: Decimal  # VAT included, after any promotional price
    vat_rate: Decimal
    discount_percent: Decimal = Decimal(0)
    automatic_discount: Decimal = Decimal(0)  # promotion or partner discount off the whole line
    discount_label: str = ""


@dataclass(frozen=True)
class PricedLine:
    sku: str
    quantity: int
    unit_price: Decimal
    vat_rate: Decimal
    gross: Decimal  # quantity x unit price
    line_discount: Decimal
    ticket_discount: Decimal  # this line's share of the ticket discount
    automatic_discount: Decimal = Decimal(0)
    discount_label: str = ""

    @cached_property
    def discount(self) -> Decimal:
        return self.automatic_discount + self.line_discount + self.ticket_discount

    @cached_property
    def total(self) -> Decimal:
        return self.gross - self.discount


@dataclass(frozen=True)
class PricedTicket:
    """A priced ticket. Its sums are worked out once: a sale reads them for its row, its journal entry, its
    receipt and its report."""

    lines: tuple[PricedLine, ...]
    vat: tuple[VatSplit, ...]

    @cached_property
    def gross(self) -> Decimal:
        return sum((line.gross for line in self.lines), Decimal(0))

    @cached_property
    def discount(self) -> Decimal:
        return sum((line.discount for line in self.lines), Decimal(0))

    @cached_property
    def automatic_discount(self) -> Decimal:
        return sum((line.automatic_discount for line in self.lines), Decimal(0))

    @cached_property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class Tender:
    method: PaymentMethod
    amount: Decimal
    reference: str | None = None


@dataclass(frozen=True)
class Settlement:
    tenders: tuple[Tender, ...]
    paid: Decimal
    change_due: Decimal


def parse_percent(value: object, field: str) -> Decimal:
    if isinstance(value, bool | float):
        raise ValidationError(f"{field} must be a decimal percentage such as 10 (got {value!r}).", field=field)
    try:
        percent = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        raise ValidationError(f"{field} must be a percentage such as 10 (got {value!r}).", field=field) from None
    if not percent.is_finite() or not 0 <= percent <= HUNDRED:
        raise ValidationError(f"{field} must be between 0 and 100 % (got {value}).", field=field)
    return percent


def price_ticket(lines: Sequence[TicketLine], ticket_discount_percent: Decimal, cur: Currency) -> PricedTicket:
    """Price every line: its automatic discount first, then the cashier's line discount on what is left;
    then share the ticket discount across lines in proportion to what is left of each, so that the VAT
    per rate stays exact; rounding leftovers go to the largest line.

    Raises ValueError for an automatic discount that is negative or more than its line is worth."""
    after_line = []
    for line in lines:
        gross = cur.round(line.unit_price * line.quantity)
        if not 0 <= line.automatic_discount <= gross:
            raise ValueError(f"automatic discount {line.automatic_discount} of {line.sku} is not within 0..{gross}")
        discount = cur.round((gross - line.automatic_discount) * line.discount_percent / HUNDRED)
        after_line.append((line, gross, discount))
    left = [gross - line.automatic_discount - discount for line, gross, discount in after_line]
    ticket_discount = cur.round(sum(left, Decimal(0)) * ticket_discount_percent / HUNDRED)
    shares = _share(ticket_discount, left, cur)
    priced = tuple(
        PricedLine(
            sku=line.sku,
            quantity=line.quantity,
            unit_price=line.unit_price,
            vat_rate=line.vat_rate,
            gross=gross,
            line_discount=discount,
            ticket_discount=share,
            automatic_discount=line.automatic_discount,
            discount_label=line.discount_label,
        )
        for (line, gross, discount), share in zip(after_line, shares, strict=True)
    )
    return PricedTicket(lines=priced, vat=tuple(vat_breakdown(((p.total, p.vat_rate) for p in priced), cur)))


def _share(amount: Decimal, weights: list[Decimal], cur: Currency) -> list[Decimal]:
    total = sum(weights, Decimal(0))
    if not weights or total == 0 or amount == 0:
        return [Decimal(0)] * len(weights)
    shares = [cur.round(amount * weight / total) for weight in weights]
    largest = max(range(len(weights)), key=lambda i: weights[i])
    shares[largest] += amount - sum(shares, Decimal(0))
    return shares


def settle(total: Decimal, tenders: Sequence[Tender], cur: Currency) -> Settlement:
    """Check that the tenders pay `total`. Only cash gives change; other methods may not exceed what is
    due once the cash is counted. Raises PaymentMismatch with what is missing or too much."""
    paid = sum((t.amount for t in tenders), Decimal(0))
    if paid < total:
        raise PaymentMismatch(
            f"The payments ({paid} {cur.code}) do not cover the total ({total} {cur.code}): "
            f"{total - paid} {cur.code} is still due.",
            field="payments",
        )
    non_cash = sum((t.amount for t in tenders if t.method is not PaymentMethod.CASH), Decimal(0))
    if non_cash > total:
        raise PaymentMismatch(
            f"Card and mobile payments ({non_cash} {cur.code}) exceed the total ({total} {cur.code}); "
            "only cash gives change.",
            field="payments",
        )
    return Settlement(tenders=tuple(tenders), paid=paid, change_due=paid - total)
