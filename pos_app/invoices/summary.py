"""The summary of an exported period, as CSV and as an XLSX workbook: one row per invoice or credit note, the
VAT of each rate in its own column, and a total row that equals the sum of the documents."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from pos_app.domain.vat import format_rate
from pos_app.invoices.model import InvoiceView

FIXED_COLUMNS = ("number", "kind", "date", "customer", "currency", "excl_vat")
TAIL_COLUMNS = ("vat", "incl_vat", "status")
BOLD = Font(bold=True)


@dataclass(frozen=True)
class SummaryRow:
    number: str
    kind: str
    date: str
    customer: str
    currency: str
    net: Decimal
    vat_by_rate: dict[Decimal, Decimal]
    vat: Decimal
    gross: Decimal
    status: str


@dataclass(frozen=True)
class Summary:
    rates: tuple[Decimal, ...]
    rows: tuple[SummaryRow, ...]

    @property
    def header(self) -> list[str]:
        return [*FIXED_COLUMNS, *(f"vat_{format_rate(rate)}" for rate in self.rates), *TAIL_COLUMNS]

    def totals(self) -> tuple[Decimal, dict[Decimal, Decimal], Decimal, Decimal]:
        net = sum((row.net for row in self.rows), Decimal(0))
        by_rate = {
            rate: sum((row.vat_by_rate.get(rate, Decimal(0)) for row in self.rows), Decimal(0)) for rate in self.rates
        }
        return net, by_rate, sum((r.vat for r in self.rows), Decimal(0)), sum((r.gross for r in self.rows), Decimal(0))


def summarise(invoices: Sequence[InvoiceView]) -> Summary:
    rates = tuple(sorted({split.rate for invoice in invoices for split in invoice.vat_breakdown}))
    rows = tuple(
        SummaryRow(
            number=invoice.number,
            kind=invoice.kind.value,
            date=invoice.issued_at.date().isoformat(),
            customer=invoice.customer.name,
            currency=invoice.currency,
            net=invoice.net,
            vat_by_rate={split.rate: split.vat for split in invoice.vat_breakdown},
            vat=invoice.vat,
            gross=invoice.gross,
            status=invoice.status.value,
        )
        for invoice in invoices
    )
    return Summary(rates, rows)


def _cells(summary: Summary, row: SummaryRow) -> list[object]:
    return [
        row.number,
        row.kind,
        row.date,
        row.customer,
        row.currency,
        row.net,
        *(row.vat_by_rate.get(rate, Decimal(0)) for rate in summary.rates),
        row.vat,
        row.gross,
        row.status,
    ]


def _total_cells(summary: Summary) -> list[object]:
    net, by_rate, vat, gross = summary.totals()
    return ["TOTAL", "", "", "", "", net, *(by_rate[rate] for rate in summary.rates), vat, gross, ""]


def write_csv(summary: Summary, path: Path) -> None:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read the accents right."""
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(summary.header)
        for row in summary.rows:
            writer.writerow(_cells(summary, row))
        writer.writerow(_total_cells(summary))


def write_xlsx(summary: Summary, path: Path) -> None:
    """One sheet, amounts as numbers with two decimals, the total row in bold."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Invoices")
    sheet.append(summary.header)
    first_amount, last_amount = FIXED_COLUMNS.index("excl_vat"), len(summary.header) - 2
    for row in summary.rows:
        sheet.append(_xlsx_row(sheet, _cells(summary, row), first_amount, last_amount, bold=False))
    sheet.append(_xlsx_row(sheet, _total_cells(summary), first_amount, last_amount, bold=True))
    book.save(path)


def _xlsx_row(sheet: Any, values: list[object], first_amount: int, last_amount: int, *, bold: bool) -> list[Any]:
    cells = []
    for index, value in enumerate(values):
        is_amount = first_amount <= index <= last_amount
        cell = WriteOnlyCell(sheet, value=float(value) if is_amount else value)  # type: ignore[arg-type]
        if is_amount:
            cell.number_format = "#,##0.00"
        if bold:
            cell.font = BOLD
        cells.append(cell)
    return cells
