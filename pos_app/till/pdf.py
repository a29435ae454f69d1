"""A till's Z report (an X report while the till is open) as an A4 PDF, through the shared document renderer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.documents import render_pdf
from pos_app.documents.formatting import locale_for
from pos_app.domain.denominations import Denomination
from pos_app.receipts.labels import labels_for as method_labels_for
from pos_app.till.labels import labels_for

if TYPE_CHECKING:
    from pos_app.services.pos import TillReport

TEMPLATE = "till/z_report.html"


@dataclass(frozen=True)
class ShopHeading:
    name: str
    address: str = ""


@dataclass(frozen=True)
class CountedPiece:
    denomination: Denomination
    count: int

    @property
    def amount(self) -> Decimal:
        return self.denomination.value * self.count


@dataclass(frozen=True)
class ZReportDocument:
    report: TillReport
    shop: ShopHeading
    printed_at: datetime
    language: str = "fr"  # "fr" or "en": the shop's document language
    # The count by denomination, when the report is printed right after closing (it is not stored).
    counted: Sequence[CountedPiece] = field(default_factory=tuple)


def z_report_pdf(document: ZReportDocument) -> bytes:
    words = labels_for(document.language)
    methods = method_labels_for(document.language)
    context = {
        "report": document.report,
        "shop": document.shop,
        "printed_at": document.printed_at,
        "counted": [piece for piece in document.counted if piece.count],
        "words": words,
        "method_names": {method: methods.get(method, method) for method in document.report.by_method},
        "language": document.language,
        "locale": locale_for(document.language),
    }
    return render_pdf(TEMPLATE, context)
