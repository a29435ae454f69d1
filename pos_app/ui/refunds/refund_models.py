"""The tables of the refund dialog: a day's sales, and the lines of the chosen sale with what to refund."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pos_app.domain.money import Currency
from pos_app.services.pos import PastSale, SoldLine
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
DONE_TEXT = QColor("#8a8a8a")


def _right_aligned_from(first: int) -> Any:
    def align(column: int) -> Qt.AlignmentFlag:
        horizontal = Qt.AlignmentFlag.AlignRight if column >= first else Qt.AlignmentFlag.AlignLeft
        return horizontal | Qt.AlignmentFlag.AlignVCenter

    return staticmethod(align)


class SaleColumn(IntEnum):
    NUMBER = 0
    TIME = 1
    CASHIER = 2
    ITEMS = 3
    TOTAL = 4


class DaySalesModel(ColumnsTableModel):
    columns = SaleColumn
    align = _right_aligned_from(SaleColumn.ITEMS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sales: list[PastSale] = []
        self.headers = {
            SaleColumn.NUMBER: translate("RefundTables", "Sale"),
            SaleColumn.TIME: translate("RefundTables", "Time"),
            SaleColumn.CASHIER: translate("RefundTables", "Cashier"),
            SaleColumn.ITEMS: translate("RefundTables", "Items"),
            SaleColumn.TOTAL: translate("RefundTables", "Total"),
        }

    def set_sales(self, sales: Sequence[PastSale]) -> None:
        self.beginResetModel()
        self._sales = list(sales)
        self.endResetModel()

    def sale_at(self, row: int) -> PastSale:
        return self._sales[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._sales)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sale = self._sales[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return type(self).align(index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match index.column():
            case SaleColumn.NUMBER:
                return sale.number
            case SaleColumn.TIME:
                return moment_text(sale.at)
            case SaleColumn.CASHIER:
                return sale.cashier
            case SaleColumn.ITEMS:
                return str(sum(line.quantity for line in sale.lines))
            case SaleColumn.TOTAL:
                return money_text(sale.total, sale.currency)
        return None


class LineColumn(IntEnum):
    PRODUCT = 0
    SKU = 1
    SOLD = 2
    REFUNDED = 3
    REFUNDABLE = 4
    TO_REFUND = 5


def line_refund(line: SoldLine, quantity: int, cur: Currency) -> Decimal:
    """What refunding `quantity` units of the line gives back: their share of what the line was paid. (The
    service gives the last units what is left, which can differ from this by a cent.)"""
    return cur.round(Decimal(line.total) * quantity / line.quantity) if quantity else Decimal(0)


class RefundLinesModel(ColumnsTableModel):
    """The chosen sale's lines; the last column, how many units to refund, is edited in place."""

    columns = LineColumn
    align = _right_aligned_from(LineColumn.SOLD)
    chosen_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[SoldLine] = []
        self._chosen: list[int] = []
        self.headers = {
            LineColumn.PRODUCT: translate("RefundTables", "Product"),
            LineColumn.SKU: translate("RefundTables", "SKU"),
            LineColumn.SOLD: translate("RefundTables", "Sold"),
            LineColumn.REFUNDED: translate("RefundTables", "Refunded"),
            LineColumn.REFUNDABLE: translate("RefundTables", "Refundable"),
            LineColumn.TO_REFUND: translate("RefundTables", "To refund"),
        }
        self.header_tips = {
            LineColumn.REFUNDED: translate("RefundTables", "Units of this line refunded already"),
            LineColumn.TO_REFUND: translate("RefundTables", "Type how many units to refund now, or use + and −"),
        }

    def set_lines(self, lines: Sequence[SoldLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._chosen = [0] * len(self._lines)
        self.endResetModel()
        self.chosen_changed.emit()

    def line_at(self, row: int) -> SoldLine:
        return self._lines[row]

    def chosen(self) -> list[tuple[SoldLine, int]]:
        return [(line, quantity) for line, quantity in zip(self._lines, self._chosen, strict=True) if quantity]

    def choose(self, row: int, quantity: int) -> bool:
        """Set how many units of the row to refund, kept between 0 and what is refundable."""
        if not 0 <= row < len(self._lines):
            return False
        kept = max(0, min(quantity, self._lines[row].refundable))
        if kept != self._chosen[row]:
            self._chosen[row] = kept
            cell = self.index(row, LineColumn.TO_REFUND)
            self.dataChanged.emit(cell, cell)
            self.chosen_changed.emit()
        return True

    def choose_everything(self) -> None:
        for row, line in enumerate(self._lines):
            self.choose(row, line.refundable)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == LineColumn.TO_REFUND and self._lines[index.row()].refundable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self._text(line, index.row(), column)
            case Qt.ItemDataRole.EditRole if column == LineColumn.TO_REFUND:
                return self._chosen[index.row()]
            case Qt.ItemDataRole.TextAlignmentRole:
                return type(self).align(column)
            case Qt.ItemDataRole.ForegroundRole if line.refundable == 0:
                return DONE_TEXT
            case Qt.ItemDataRole.ToolTipRole if line.refundable == 0:
                return translate("RefundTables", "Every unit of this line is refunded already.")
        return None

    def _text(self, line: SoldLine, row: int, column: int) -> str:
        match column:
            case LineColumn.PRODUCT:
                return line.name
            case LineColumn.SKU:
                return line.sku
            case LineColumn.SOLD:
                return str(line.quantity)
            case LineColumn.REFUNDED:
                return str(line.refunded)
            case LineColumn.REFUNDABLE:
                return str(line.refundable)
            case LineColumn.TO_REFUND:
                return str(self._chosen[row]) if line.refundable else "—"
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != LineColumn.TO_REFUND:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        return self.choose(index.row(), quantity)


class QuantityDelegate(QStyledItemDelegate):
    """Edits the units to refund in a spin box that stops at what is refundable."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setObjectName("refundQuantityEditor")
        model = index.model()
        assert isinstance(model, RefundLinesModel)
        editor.setRange(0, model.line_at(index.row()).refundable)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))
        editor.selectAll()  # the digit typed to start editing replaces the count

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
