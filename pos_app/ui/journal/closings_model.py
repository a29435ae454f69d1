"""The journal's closings, one row per register and period, with the figures each one sealed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from babel.dates import format_date
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from pos_app.domain.journal_closings import Period
from pos_app.services.journal_closings import Closing
from pos_app.ui.till.amounts import moment_text, money_text, ui_locale
from pos_app.ui.widgets.table_model import Index, RowsTableModel


class ClosingColumn(IntEnum):
    REGISTER = 0
    PERIOD = 1
    CLOSED = 2
    CLOSED_BY = 3
    ENTRIES = 4
    SALES = 5
    REFUNDS = 6
    NET = 7
    GRAND_TOTAL = 8


NUMBERS = {
    ClosingColumn.ENTRIES,
    ClosingColumn.SALES,
    ClosingColumn.REFUNDS,
    ClosingColumn.NET,
    ClosingColumn.GRAND_TOTAL,
}


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in NUMBERS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def period_name(label: str) -> str:
    """'2026-10' -> 'October 2026' in the screen's language; '2026' stays '2026'."""
    period = Period.parse(label)
    if period.month is None:
        return str(period.year)
    return format_date(date(period.year, period.month, 1), "LLLL y", locale=ui_locale()).capitalize()


HEADERS = {
    ClosingColumn.REGISTER: QT_TRANSLATE_NOOP("ClosingsTableModel", "Register"),
    ClosingColumn.PERIOD: QT_TRANSLATE_NOOP("ClosingsTableModel", "Period"),
    ClosingColumn.CLOSED: QT_TRANSLATE_NOOP("ClosingsTableModel", "Closed"),
    ClosingColumn.CLOSED_BY: QT_TRANSLATE_NOOP("ClosingsTableModel", "By"),
    ClosingColumn.ENTRIES: QT_TRANSLATE_NOOP("ClosingsTableModel", "Entries"),
    ClosingColumn.SALES: QT_TRANSLATE_NOOP("ClosingsTableModel", "Sales"),
    ClosingColumn.REFUNDS: QT_TRANSLATE_NOOP("ClosingsTableModel", "Refunds"),
    ClosingColumn.NET: QT_TRANSLATE_NOOP("ClosingsTableModel", "Net"),
    ClosingColumn.GRAND_TOTAL: QT_TRANSLATE_NOOP("ClosingsTableModel", "Grand total"),
}
HEADER_TIPS = {
    ClosingColumn.ENTRIES: QT_TRANSLATE_NOOP("ClosingsTableModel", "Journal entries dated in the period"),
    ClosingColumn.GRAND_TOTAL: QT_TRANSLATE_NOOP(
        "ClosingsTableModel", "The register's perpetual grand total at the end of the period"
    ),
}


class ClosingsTableModel(RowsTableModel[Closing]):
    columns = ClosingColumn
    align = staticmethod(_alignment)
    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = "EUR"

    def set_closings(self, closings: list[Closing], currency: str) -> None:
        self.currency = currency
        self.set_rows(closings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = ClosingColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        closing = self.row(index.row())
        match column:
            case ClosingColumn.REGISTER:
                return closing.register
            case ClosingColumn.PERIOD:
                return period_name(closing.period)
            case ClosingColumn.CLOSED:
                return moment_text(closing.closed_at)
            case ClosingColumn.CLOSED_BY:
                return closing.closed_by or ""
            case ClosingColumn.ENTRIES:
                return str(closing.entries)
            case ClosingColumn.SALES:
                return self._money(closing.sales_total)
            case ClosingColumn.REFUNDS:
                return self._money(closing.refunds_total)
            case ClosingColumn.NET:
                return self._money(closing.net)
            case ClosingColumn.GRAND_TOTAL:
                return self._money(closing.grand_total)
        return None

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.currency)
