"""The look the counter's tables share: whole rows selected, no grid, roomy cells, focus left to the scan field."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from pos_app.ui.widgets.roomy_style import give_room

SELECTED_SHADE_DARKER = 118  # percent: a chosen warning row stays amber or red, a shade darker


class ShadedSelectionDelegate(QStyledItemDelegate):
    """A selected row that has a warning colour keeps it, darker, instead of the plain selection colour: a
    chosen product out of stock stays red."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        shade = index.data(Qt.ItemDataRole.BackgroundRole)
        if shade is not None and option.state & QStyle.StateFlag.State_Selected:
            option.state &= ~QStyle.StateFlag.State_Selected
            option.backgroundBrush = QBrush(QColor(shade).darker(SELECTED_SHADE_DARKER))


def counter_table(
    model: QAbstractItemModel, object_name: str, *, stretch_column: int = 0, shade_selection: bool = True
) -> QTableView:
    """`shade_selection`: a selected warning row keeps its colour (ShadedSelectionDelegate), at the price of
    Python code for every cell painted."""
    table = QTableView(objectName=object_name)
    table.setModel(model)
    if shade_selection:
        table.setItemDelegate(ShadedSelectionDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 18)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    give_room(table)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Select `row` (clamped to the table), or nothing in an empty table."""
    count = table.model().rowCount()
    if count == 0:
        table.clearSelection()
        return
    row = max(0, min(row, count - 1))
    table.selectRow(row)
    table.scrollTo(table.model().index(row, 0))


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def keep_focus_elsewhere(table: QTableView) -> None:
    """The table is read and clicked, never typed into: the keyboard stays with the scan field."""
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
