"""What a receipt shows, as plain values: the printers and the PDF render these, nothing reads the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.vat import VatSplit

SHORT_SIGNATURE_GROUPS = 3


class ReceiptKind(StrEnum):
    SALE = "sale"
    REFUND = "refund"


@dataclass(frozen=True)
class ShopIdentity:
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    vat_number: str = ""
    company_number: str = ""
    legal_mentions: str = ""


@dataclass(frozen=True)
class LineDiscount:
    """An amount taken off a line: a promotion or partner discount (its label), or the cashier's percent."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    name: str  # the product and its variant: "T-shirt M / Red"
    quantity: int
    unit_price: Decimal | None  # None on a refund, whose amounts are shares of what was paid
    gross: Decimal  # quantity x unit price
    discounts: tuple[LineDiscount, ...]
    total: Decimal
    vat_rate: Decimal


@dataclass(frozen=True)
class ReceiptPayment:
    method: str  # a PaymentMethod value
    amount: Decimal
    reference: str | None = None


@dataclass(frozen=True)
class JournalSeal:
    """The journal entry that recorded the sale or refund: its place in the register's chain and signature."""

    register: str
    sequence: int
    hash: str
    signature: str

    @property
    def short_signature(self) -> str:
        """The signature's first characters in groups of four, for a person to compare: 'kX3q-9PzA-w0Tb'."""
        head = self.signature[: 4 * SHORT_SIGNATURE_GROUPS]
        return "-".join(head[i : i + 4] for i in range(0, len(head), 4))


@dataclass(frozen=True)
class Receipt:
    kind: ReceiptKind
    number: str  # the sale's or the refund's number
    sale_number: str  # the sale itself, or the sale a refund gives money back for
    shop: ShopIdentity
    register: str
    register_name: str
    cashier: str
    at: datetime
    customer: str | None
    currency: str
    language: str  # "fr" or "en": the labels, numbers and dates of the printout
    lines: tuple[ReceiptLine, ...]
    gross: Decimal  # before any discount
    ticket_discount_percent: Decimal
    ticket_discount: Decimal  # the discount on the whole ticket (the other discounts are on their lines)
    discount: Decimal  # every discount
    total: Decimal
    vat: tuple[VatSplit, ...]
    payments: tuple[ReceiptPayment, ...]
    change_due: Decimal
    journal: JournalSeal | None

    @property
    def items(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def takes_cash(self) -> bool:
        """Whether cash changes hands: the cash drawer opens when this receipt prints."""
        return any(payment.method == "cash" for payment in self.payments)
