"""The admin's tables: one row selected at a time, read-only, with room around the text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.table_model import Row, RowsTableModel

INACTIVE_TEXT = QColor("#8a8a8a")  # a deactivated user or register: still listed, greyed


def admin_table(model: QAbstractItemModel, object_name: str, *, stretch_column: int = 0) -> QTableView:
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    give_room(table)
    return table


def selected_item(table: QTableView, model: RowsTableModel[Row]) -> Row | None:
    """The row object of the selected row, if any."""
    rows = table.selectionModel().selectedRows()
    return model.row(rows[0].row()) if rows else None


def select_matching(table: QTableView, column: int, text: str) -> None:
    """Select the row whose `column` shows `text` (after a reload), else the first row."""
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            table.selectRow(row)
            return
    if model.rowCount():
        table.selectRow(0)
