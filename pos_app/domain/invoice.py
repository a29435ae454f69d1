"""An invoice's arithmetic on tax-inclusive prices: line amounts excluding VAT that add up, per rate, to the
VAT breakdown; totals; numbers; the status a reader sees."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.money import Currency
from pos_app.domain.vat import VatSplit, vat_breakdown


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class InvoiceStatus(StrEnum):
    PAID = "paid"
    DUE = "due"
    OVERDUE = "overdue"
    PARTLY_CREDITED = "partly_credited"
    CREDITED = "credited"
    CREDIT_NOTE = "credit_note"


@dataclass(frozen=True)
class DraftLine:
    sku: str
    description: str
    quantity: int  # negative on a credit note
    unit_price: Decimal  # VAT included
    discount: Decimal  # everything taken off the line, VAT included
    gross: Decimal  # what the line costs, VAT included: quantity x unit price - discount
    vat_rate: Decimal


@dataclass(frozen=True)
class PricedLine:
    draft: DraftLine
    net: Decimal
    vat: Decimal


@dataclass(frozen=True)
class Totals:
    lines: tuple[PricedLine, ...]
    breakdown: tuple[VatSplit, ...]

    @property
    def net(self) -> Decimal:
        return sum((split.net for split in self.breakdown), Decimal(0))

    @property
    def vat(self) -> Decimal:
        return sum((split.vat for split in self.breakdown), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return sum((split.gross for split in self.breakdown), Decimal(0))


def price_lines(lines: Sequence[DraftLine], cur: Currency) -> Totals:
    """VAT is computed once per rate on the rate's total (as the law and EN 16931 want); each line's
    amount excluding VAT is its share of that rate's net, so lines add up to the breakdown to the cent."""
    breakdown = tuple(vat_breakdown(((line.gross, line.vat_rate) for line in lines), cur))
    nets: dict[int, Decimal] = {}
    by_rate: dict[Decimal, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        by_rate[line.vat_rate].append(index)
    for split in breakdown:
        members = by_rate[split.rate]
        shares = [cur.round(split.net * lines[i].gross / split.gross) if split.gross else Decimal(0) for i in members]
        largest = max(range(len(members)), key=lambda k: abs(lines[members[k]].gross))
        shares[largest] += split.net - sum(shares, Decimal(0))
        nets.update(zip(members, shares, strict=True))
    priced = tuple(PricedLine(line, nets[index], line.gross - nets[index]) for index, line in enumerate(lines))
    return Totals(priced, breakdown)


def invoice_number(series: str, year: int, sequence: int) -> str:
    return f"{series}-{year}-{sequence:06d}"


def invoice_status(
    kind: InvoiceKind, gross: Decimal, paid: Decimal, credited: Decimal, due_on: date, today: date
) -> InvoiceStatus:
    """`credited` is the (positive) total of the credit notes against the invoice."""
    if kind is InvoiceKind.CREDIT_NOTE:
        return InvoiceStatus.CREDIT_NOTE
    if credited >= gross > 0:
        return InvoiceStatus.CREDITED
    if credited > 0:
        return InvoiceStatus.PARTLY_CREDITED
    if paid >= gross:
        return InvoiceStatus.PAID
    return InvoiceStatus.OVERDUE if today > due_on else InvoiceStatus.DUE
