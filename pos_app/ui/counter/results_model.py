"""The products found by what is typed in the scan field, with their stock at a glance."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from pos_app.services.inventory import SkuRow
from pos_app.ui.counter.ticket_model import SHADES, StockWarning
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class ResultColumn(IntEnum):
    PRODUCT = 0
    PRICE = 1
    AVAILABLE = 2


def can_add(row: SkuRow) -> bool:
    return row.active and row.available > 0


def warning_of(row: SkuRow) -> StockWarning:
    if row.available <= 0:
        return StockWarning.SHORT
    return StockWarning.LOW if row.low_stock else StockWarning.NONE


def described(row: SkuRow) -> str:
    return f"{row.name} {row.variant}" if row.variant else row.name


class ResultsModel(RowsTableModel[SkuRow]):
    columns = ResultColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: Mapping[Any, str] = {
            ResultColumn.PRODUCT: self.tr("Product"),
            ResultColumn.PRICE: self.tr("Price"),
            ResultColumn.AVAILABLE: self.tr("Available"),
        }

    @staticmethod
    def align(column: int) -> Qt.AlignmentFlag:
        if column == ResultColumn.PRODUCT:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ResultColumn.PRODUCT:
                return described(row)
            if column == ResultColumn.PRICE:
                return str(row.unit_price)
            return str(row.available) if row.active else self.tr("not sold")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.sku}" + (f" · {row.barcode}" if row.barcode else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(column)
        shade = SHADES.get(warning_of(row))
        if shade is not None and role == Qt.ItemDataRole.BackgroundRole:
            return shade.background
        if shade is not None and role == Qt.ItemDataRole.ForegroundRole:
            return shade.foreground
        return None
