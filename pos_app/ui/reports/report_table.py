"""The sales report as a table: one row per day, week or month and a total row, one column per figure.

The columns depend on the report: a VAT base and a VAT column per rate it holds, a column per payment method.
The same columns make the CSV export, with plain numbers in it instead of amounts formatted for reading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from babel.dates import format_date, format_interval
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pos_app.documents import formatting
from pos_app.services.sales_reports import Granularity, SalesFigures, SalesReport
from pos_app.ui.till.amounts import money_text, ui_locale
from pos_app.ui.till.payment_methods import method_name

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
ZERO = Decimal(0)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
QUIET_COLOUR = "#9a9a9a"  # a period without a sale or a refund


@dataclass(frozen=True)
class ReportColumn:
    key: str
    header: str
    value: Callable[[SalesFigures], Decimal | int]
    tip: str = ""

    @property
    def is_count(self) -> bool:
        return self.key.endswith("count")


def _vat_of(rate: Decimal, refunds: bool = False) -> Callable[[SalesFigures], Decimal]:
    def vat(figures: SalesFigures) -> Decimal:
        splits = figures.refunds_vat if refunds else figures.vat
        return next((s.vat for s in splits if s.rate == rate), ZERO)

    return vat


def _net_of(rate: Decimal) -> Callable[[SalesFigures], Decimal]:
    def net(figures: SalesFigures) -> Decimal:
        return next((s.net for s in figures.vat if s.rate == rate), ZERO)

    return net


def _method(method: str) -> Callable[[SalesFigures], Decimal]:
    return lambda figures: figures.by_method.get(method, ZERO)


def report_columns(report: SalesReport) -> list[ReportColumn]:
    """The figures after the period's label, in the order an accountant reads them."""
    locale = ui_locale()
    columns = [
        ReportColumn(
            "sales_count",
            translate("SalesReportTable", "Sales"),
            lambda f: f.sales_count,
            translate("SalesReportTable", "Number of sales"),
        ),
        ReportColumn(
            "total",
            translate("SalesReportTable", "Incl. VAT"),
            lambda f: f.total,
            translate("SalesReportTable", "Sales including VAT, after discounts"),
        ),
        ReportColumn(
            "net",
            translate("SalesReportTable", "Excl. VAT"),
            lambda f: f.net,
            translate("SalesReportTable", "Sales excluding VAT"),
        ),
        ReportColumn(
            "vat",
            translate("SalesReportTable", "VAT"),
            lambda f: f.vat_total,
            translate("SalesReportTable", "VAT collected on the sales"),
        ),
    ]
    for rate in report.rates:
        shown = formatting.percent(rate, locale)
        columns.append(
            ReportColumn(
                f"net_{rate.normalize():f}",
                translate("SalesReportTable", "Base {rate}").format(rate=shown),
                _net_of(rate),
                translate("SalesReportTable", "Sales excluding VAT at {rate}").format(rate=shown),
            )
        )
        columns.append(
            ReportColumn(
                f"vat_{rate.normalize():f}",
                translate("SalesReportTable", "VAT {rate}").format(rate=shown),
                _vat_of(rate),
                translate("SalesReportTable", "VAT at {rate} collected on the sales").format(rate=shown),
            )
        )
    columns += [
        ReportColumn(
            "discounts",
            translate("SalesReportTable", "Discounts"),
            lambda f: f.discounts,
            translate("SalesReportTable", "Discounts given on the sales"),
        ),
        ReportColumn(
            "refunds_count",
            translate("SalesReportTable", "Refunds"),
            lambda f: f.refunds_count,
            translate("SalesReportTable", "Number of refunds"),
        ),
        ReportColumn(
            "refunds_total",
            translate("SalesReportTable", "Refunded"),
            lambda f: f.refunds_total,
            translate("SalesReportTable", "Refunded, VAT included"),
        ),
        ReportColumn(
            "refunds_vat",
            translate("SalesReportTable", "Refunded VAT"),
            lambda f: f.refunds_vat_total,
            translate("SalesReportTable", "VAT given back with the refunds"),
        ),
        ReportColumn(
            "takings",
            translate("SalesReportTable", "Takings"),
            lambda f: f.takings,
            translate("SalesReportTable", "Sales less refunds"),
        ),
    ]
    for method in report.methods:
        columns.append(
            ReportColumn(
                f"method_{method}",
                method_name(method),
                _method(method),
                translate("SalesReportTable", "Taken by {method}, change and refunds deducted").format(
                    method=method_name(method)
                ),
            )
        )
    return columns


def period_label(first: date, last: date, granularity: Granularity) -> str:
    """'Sun 22 Nov 2026', 'Week 47 · 16–22 Nov 2026', 'November 2026' or, cut by the period, '4–30 Nov 2026'."""
    locale = ui_locale()
    if granularity is Granularity.DAY:
        return format_date(first, "EEE d MMM y", locale=locale)
    days = (
        format_interval(first, last, "yMMMd", locale=locale)
        if first != last
        else format_date(first, "d MMM y", locale=locale)
    )
    if granularity is Granularity.WEEK:
        week = first.isocalendar().week
        return translate("SalesReportTable", "Week {number} · {days}").format(number=week, days=days)
    whole_month = first.day == 1 and (last.month != (last + timedelta(days=1)).month)
    return format_date(first, "LLLL y", locale=locale).capitalize() if whole_month else days


def short_period_label(first: date, granularity: Granularity, one_month: bool = False) -> str:
    """The label under a bar of the chart: '22' (in a report of one month) or '22/11', 'W47', 'Nov 26'."""
    locale = ui_locale()
    if granularity is Granularity.DAY:
        return str(first.day) if one_month else format_date(first, "dd/MM", locale=locale)
    if granularity is Granularity.WEEK:
        return translate("SalesReportTable", "W{number}").format(number=first.isocalendar().week)
    return format_date(first, "MMM yy", locale=locale)


def plain_number(value: Decimal | int) -> str:
    """As spreadsheets read it: 1234.50, never '1 234,50 €'."""
    return str(value) if isinstance(value, int) else f"{value:f}"


def csv_rows(report: SalesReport, columns: Sequence[ReportColumn]) -> list[list[str]]:
    """The table for a spreadsheet: the period's first and last day, then each column; the total row last."""
    header = [translate("SalesReportTable", "From"), translate("SalesReportTable", "To"), *(c.header for c in columns)]
    rows = [header]
    for figures in report.periods:
        rows.append(
            [
                figures.first_day.isoformat(),
                figures.last_day.isoformat(),
                *(plain_number(c.value(figures)) for c in columns),
            ]
        )
    total = report.total
    rows.append([translate("SalesReportTable", "Total"), "", *(plain_number(c.value(total)) for c in columns)])
    return rows


class SalesReportModel(QAbstractTableModel):
    """Column 0 is the period; the last row is the total of the report, in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: SalesReport | None = None
        self.columns: list[ReportColumn] = []

    def set_report(self, report: SalesReport) -> None:
        self.beginResetModel()
        self.report = report
        self.columns = report_columns(report)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        if parent.isValid() or self.report is None:
            return 0
        return len(self.report.periods) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() or self.report is None else len(self.columns) + 1

    def figures_at(self, row: int) -> SalesFigures:
        assert self.report is not None
        periods = self.report.periods
        return periods[row] if row < len(periods) else self.report.total

    def is_total_row(self, row: int) -> bool:
        return self.report is not None and row == len(self.report.periods)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("SalesReportTable", "Period") if section == 0 else self.columns[section - 1].header
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.columns[section - 1].tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if section == 0 else RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row, column = index.row(), index.column()
        figures = self.figures_at(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if self.is_total_row(row):
                    return translate("SalesReportTable", "Total")
                return period_label(figures.first_day, figures.last_day, self.report.granularity)
            spec = self.columns[column - 1]
            value = spec.value(figures)
            return str(value) if isinstance(value, int) else money_text(value, self.report.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column == 0 else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not (figures.sales_count or figures.refunds_count):
            return QColor(QUIET_COLOUR)
        if role == Qt.ItemDataRole.FontRole and self.is_total_row(row):
            font = QFont()
            font.setBold(True)
            return font
        return None
