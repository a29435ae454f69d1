"""Till sessions of every register, newest first: who opened and closed them, what they sold, the cash variance."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.services.sales_reports import SessionSummary
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.table_model import Index, RowsTableModel

SHORT_COLOUR = "#a1261b"  # the drawer held less than it should
OVER_COLOUR = "#8a5a00"  # more than it should: a mistake too, if a smaller one


class SessionColumn(IntEnum):
    SESSION = 0
    REGISTER = 1
    OPENED = 2
    OPENED_BY = 3
    CLOSED = 4
    CLOSED_BY = 5
    SALES = 6
    TOTAL = 7
    REFUNDS = 8
    EXPECTED = 9
    COUNTED = 10
    VARIANCE = 11


NUMBERS = {
    SessionColumn.SALES,
    SessionColumn.TOTAL,
    SessionColumn.REFUNDS,
    SessionColumn.EXPECTED,
    SessionColumn.COUNTED,
    SessionColumn.VARIANCE,
}


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in NUMBERS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


HEADERS = {
    SessionColumn.SESSION: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Session"),
    SessionColumn.REGISTER: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Register"),
    SessionColumn.OPENED: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Opened"),
    SessionColumn.OPENED_BY: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Opened by"),
    SessionColumn.CLOSED: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Closed"),
    SessionColumn.CLOSED_BY: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Closed by"),
    SessionColumn.SALES: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Sales"),
    SessionColumn.TOTAL: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Sales total"),
    SessionColumn.REFUNDS: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Refunds"),
    SessionColumn.EXPECTED: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Expected cash"),
    SessionColumn.COUNTED: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Counted cash"),
    SessionColumn.VARIANCE: QT_TRANSLATE_NOOP("ZSessionsTableModel", "Variance"),
}
HEADER_TIPS = {
    SessionColumn.VARIANCE: QT_TRANSLATE_NOOP(
        "ZSessionsTableModel", "Counted less expected cash: below zero, the drawer was short"
    ),
}


class ZSessionsTableModel(RowsTableModel[SessionSummary]):
    columns = SessionColumn
    align = staticmethod(_alignment)
    headers = HEADERS
    header_tips = HEADER_TIPS

    def append_rows(self, rows: list[SessionSummary]) -> None:
        """The next page of older sessions, below those shown."""
        if not rows:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        column = SessionColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and column is SessionColumn.VARIANCE and row.variance:
            return QColor(SHORT_COLOUR if row.variance < 0 else OVER_COLOUR)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return _text(row, column)


def _money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else money_text(amount, currency)


def _text(row: SessionSummary, column: SessionColumn) -> str:
    match column:
        case SessionColumn.SESSION:
            return f"#{row.id}"
        case SessionColumn.REGISTER:
            return row.register
        case SessionColumn.OPENED:
            return moment_text(row.opened_at)
        case SessionColumn.OPENED_BY:
            return row.opened_by
        case SessionColumn.CLOSED:
            if row.closed_at is None:
                return QCoreApplication.translate("ZSessionsTableModel", "Open now")
            return moment_text(row.closed_at)
        case SessionColumn.CLOSED_BY:
            return row.closed_by
        case SessionColumn.SALES:
            return str(row.sales_count)
        case SessionColumn.TOTAL:
            return money_text(row.sales_total, row.currency)
        case SessionColumn.REFUNDS:
            return money_text(row.refunds_total, row.currency)
        case SessionColumn.EXPECTED:
            return _money(row.expected_cash, row.currency)
        case SessionColumn.COUNTED:
            return _money(row.counted_cash, row.currency)
        case SessionColumn.VARIANCE:
            variance = row.variance
            if variance is None:
                return ""
            text = money_text(variance, row.currency)
            return f"+{text}" if variance > 0 else text
    return ""
