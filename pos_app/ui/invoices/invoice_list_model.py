"""The list of invoices and credit notes, newest first, read a page at a time as the table scrolls down."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from pos_app.invoices.model import InvoiceSummary
from pos_app.ui.invoices.invoice_texts import STATUS_COLOURS, status_name
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex


class InvoiceColumn(IntEnum):
    NUMBER = 0
    DATE = 1
    CUSTOMER = 2
    NET = 3
    VAT = 4
    GROSS = 5
    STATUS = 6


HEADERS = {
    InvoiceColumn.NUMBER: QT_TRANSLATE_NOOP("InvoiceListModel", "Number"),
    InvoiceColumn.DATE: QT_TRANSLATE_NOOP("InvoiceListModel", "Date"),
    InvoiceColumn.CUSTOMER: QT_TRANSLATE_NOOP("InvoiceListModel", "Customer"),
    InvoiceColumn.NET: QT_TRANSLATE_NOOP("InvoiceListModel", "Excl. VAT"),
    InvoiceColumn.VAT: QT_TRANSLATE_NOOP("InvoiceListModel", "VAT"),
    InvoiceColumn.GROSS: QT_TRANSLATE_NOOP("InvoiceListModel", "Incl. VAT"),
    InvoiceColumn.STATUS: QT_TRANSLATE_NOOP("InvoiceListModel", "Status"),
}
HEADER_TIPS = {
    InvoiceColumn.DATE: QT_TRANSLATE_NOOP("InvoiceListModel", "When it was issued"),
    InvoiceColumn.STATUS: QT_TRANSLATE_NOOP(
        "InvoiceListModel", "Paid, due, overdue (past its due date), partly credited, credited, or a credit note"
    ),
}
AMOUNT_COLUMNS = frozenset({InvoiceColumn.NET, InvoiceColumn.VAT, InvoiceColumn.GROSS})


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in AMOUNT_COLUMNS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def cell_text(row: InvoiceSummary, column: int) -> str:
    match column:
        case InvoiceColumn.NUMBER:
            return row.number
        case InvoiceColumn.DATE:
            return moment_text(row.issued_at)
        case InvoiceColumn.CUSTOMER:
            return row.customer
        case InvoiceColumn.NET:
            return money_text(row.net, row.currency)
        case InvoiceColumn.VAT:
            return money_text(row.vat, row.currency)
        case InvoiceColumn.GROSS:
            return money_text(row.gross, row.currency)
        case InvoiceColumn.STATUS:
            return status_name(row.status)
    return ""


class InvoiceListModel(ColumnsTableModel):
    """Rows arrive a page of `page_size` at a time. Each search is a new `generation`: a page asked for by an older
    search is dropped when it arrives. When the view scrolls to the end, `more_wanted(offset)` asks for the next
    page, unless the last one came short (that was the end of the list)."""

    columns = InvoiceColumn
    headers = HEADERS
    header_tips = HEADER_TIPS
    align = staticmethod(_alignment)
    more_wanted = Signal(int)

    def __init__(self, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[InvoiceSummary] = []
        self._numbers: set[str] = set()
        self._more = False
        self._generation = 0
        self._waiting_for_more = False

    @property
    def generation(self) -> int:
        return self._generation

    def new_search(self) -> int:
        """A new search starts: the pages of the previous ones are no longer wanted."""
        self._generation += 1
        self._waiting_for_more = False
        return self._generation

    def show_first_page(self, generation: int, rows: Sequence[InvoiceSummary]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._numbers = {row.number for row in rows}
        self._more = len(rows) >= self._page_size
        self._waiting_for_more = False
        self.endResetModel()

    def add_page(self, generation: int, rows: Sequence[InvoiceSummary]) -> None:
        if generation != self._generation:
            return
        self._waiting_for_more = False
        self._more = len(rows) >= self._page_size
        # A document issued while scrolling pushes the others down one place: the next page then repeats one.
        fresh = [row for row in rows if row.number not in self._numbers]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(fresh) - 1)
        self._rows.extend(fresh)
        self._numbers.update(row.number for row in fresh)
        self.endInsertRows()

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._waiting_for_more = False

    def summary(self, row: int) -> InvoiceSummary:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        return next((row for row, summary in enumerate(self._rows) if summary.number == number), None)

    # ----- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own signature
        return not parent.isValid() and self._more and not self._waiting_for_more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's own signature
        if self.canFetchMore(parent):
            self._waiting_for_more = True
            self.more_wanted.emit(len(self._rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return cell_text(row, column)
            case Qt.ItemDataRole.TextAlignmentRole:
                return _alignment(column)
            case Qt.ItemDataRole.ForegroundRole if column == InvoiceColumn.STATUS:
                return STATUS_COLOURS[row.status]
        return None
