"""The lines of one invoice or credit note, as printed on it."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt

from pos_app.invoices.model import InvoiceLineView
from pos_app.ui.invoices.invoice_texts import rate_text
from pos_app.ui.till.amounts import money_text
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class LineColumn(IntEnum):
    POSITION = 0
    SKU = 1
    DESCRIPTION = 2
    QUANTITY = 3
    UNIT_PRICE = 4
    DISCOUNT = 5
    VAT_RATE = 6
    NET = 7
    GROSS = 8


HEADERS = {
    LineColumn.POSITION: QT_TRANSLATE_NOOP("InvoiceLinesModel", "#"),
    LineColumn.SKU: QT_TRANSLATE_NOOP("InvoiceLinesModel", "SKU"),
    LineColumn.DESCRIPTION: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Description"),
    LineColumn.QUANTITY: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Qty"),
    LineColumn.UNIT_PRICE: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Unit price"),
    LineColumn.DISCOUNT: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Discount"),
    LineColumn.VAT_RATE: QT_TRANSLATE_NOOP("InvoiceLinesModel", "VAT"),
    LineColumn.NET: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Excl. VAT"),
    LineColumn.GROSS: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Incl. VAT"),
}
HEADER_TIPS = {
    LineColumn.UNIT_PRICE: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Unit price, VAT included"),
    LineColumn.DISCOUNT: QT_TRANSLATE_NOOP("InvoiceLinesModel", "Everything taken off the line, VAT included"),
    LineColumn.VAT_RATE: QT_TRANSLATE_NOOP("InvoiceLinesModel", "VAT rate"),
}
LEFT_COLUMNS = frozenset({LineColumn.SKU, LineColumn.DESCRIPTION})


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignLeft if column in LEFT_COLUMNS else Qt.AlignmentFlag.AlignRight
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class InvoiceLinesModel(RowsTableModel[InvoiceLineView]):
    columns = LineColumn
    headers = HEADERS
    header_tips = HEADER_TIPS
    align = staticmethod(_alignment)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._currency = "EUR"

    def set_lines(self, lines: tuple[InvoiceLineView, ...], currency_code: str) -> None:
        self._currency = currency_code
        self.set_rows(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.row(index.row())
        match index.column():
            case LineColumn.POSITION:
                return str(line.position)
            case LineColumn.SKU:
                return line.sku
            case LineColumn.DESCRIPTION:
                return line.description
            case LineColumn.QUANTITY:
                return str(line.quantity)
            case LineColumn.UNIT_PRICE:
                return money_text(line.unit_price, self._currency)
            case LineColumn.DISCOUNT:
                return money_text(line.discount, self._currency) if line.discount else ""
            case LineColumn.VAT_RATE:
                return rate_text(line.vat_rate)
            case LineColumn.NET:
                return money_text(line.net, self._currency)
            case LineColumn.GROSS:
                return money_text(line.gross, self._currency)
        return None
