"""An issued invoice or credit note as documents, screens and exports read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from pos_app.domain.invoice import InvoiceKind, InvoiceStatus
from pos_app.domain.vat import VatSplit


@dataclass(frozen=True)
class CustomerDetails:
    """Who the invoice is for, as printed on it."""

    name: str
    address: str = ""
    email: str = ""
    vat_number: str = ""
    company_number: str = ""


@dataclass(frozen=True)
class InvoiceLineView:
    position: int
    sku: str
    description: str
    quantity: int
    unit_price: Decimal
    discount: Decimal
    net: Decimal
    vat_rate: Decimal
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True)
class InvoicePaymentView:
    method: str
    amount: Decimal
    reference: str | None


@dataclass(frozen=True)
class InvoiceView:
    number: str
    kind: InvoiceKind
    series: str
    issued_at: datetime
    due_on: date
    delivered_on: date  # when the goods were sold (the sale or the paid order)
    issued_by: str
    language: str
    currency: str
    customer: CustomerDetails
    customer_id: int | None
    seller: dict[str, str]
    lines: tuple[InvoiceLineView, ...]
    vat_breakdown: tuple[VatSplit, ...]
    net: Decimal
    vat: Decimal
    gross: Decimal
    payments: tuple[InvoicePaymentView, ...]
    paid: Decimal
    credited: Decimal  # positive total of the credit notes against this invoice
    status: InvoiceStatus
    reason: str
    sale_number: str | None
    order_number: str | None
    credits_invoice: str | None  # the invoice a credit note corrects
    credit_notes: tuple[str, ...]

    @property
    def balance_due(self) -> Decimal:
        return (
            max(self.gross - self.paid - self.credited, Decimal(0)) if self.kind is InvoiceKind.INVOICE else Decimal(0)
        )


@dataclass(frozen=True)
class InvoiceSummary:
    number: str
    kind: InvoiceKind
    issued_at: datetime
    customer: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    currency: str
    status: InvoiceStatus
