"""What every table of the app shares: a fixed set of columns with headers, tooltips and alignment."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class ColumnHeaders:
    """The headers of a fixed set of columns (an IntEnum), for a Qt item model to inherit along with its Qt
    base: subclasses set the class attributes. Headers and tips may be QT_TRANSLATE_NOOP markers in the
    context of the subclass's name."""

    columns: ClassVar[type[IntEnum]]
    headers: ClassVar[Mapping[Any, str]]
    header_tips: ClassVar[Mapping[Any, str]] = {}
    align: ClassVar[Callable[[int], Qt.AlignmentFlag]]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._translated(self.headers[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.header_tips.get(column)
            return self._translated(tip) if tip else tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return type(self).align(column)
        return None

    def _translated(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)


class ColumnsTableModel(ColumnHeaders, QAbstractTableModel):
    """A table model whose columns are an IntEnum. Subclasses set the ColumnHeaders attributes and give
    rowCount and data."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.columns)


class RowsTableModel(ColumnsTableModel, Generic[Row]):
    """A ColumnsTableModel over a list of rows that is replaced as a whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)
