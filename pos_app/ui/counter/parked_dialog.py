"""The tickets parked at this register: pick one to take it back."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.pos import ParkedTicketView
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.tables import counter_table, select_row, selected_row
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, section_title
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class ParkedColumn(IntEnum):
    NUMBER = 0
    PARKED_AT = 1
    BY = 2
    LABEL = 3
    ITEMS = 4


class ParkedModel(RowsTableModel[ParkedTicketView]):
    columns = ParkedColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: Mapping[Any, str] = {
            ParkedColumn.NUMBER: self.tr("Ticket"),
            ParkedColumn.PARKED_AT: self.tr("Parked at"),
            ParkedColumn.BY: self.tr("By"),
            ParkedColumn.LABEL: self.tr("Label"),
            ParkedColumn.ITEMS: self.tr("Items"),
        }

    @staticmethod
    def align(column: int) -> Qt.AlignmentFlag:
        if column in (ParkedColumn.NUMBER, ParkedColumn.ITEMS):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ticket = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case ParkedColumn.NUMBER:
                    return str(ticket.id)
                case ParkedColumn.PARKED_AT:
                    return ticket.parked_at.astimezone().strftime("%d/%m %H:%M")
                case ParkedColumn.BY:
                    return ticket.parked_by
                case ParkedColumn.LABEL:
                    return ticket.label
                case ParkedColumn.ITEMS:
                    return str(sum(quantity for _, quantity, _ in ticket.lines))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(index.column())
        return None


class ParkedDialog(QDialog):
    """Accepted with `chosen` set to the ticket to resume."""

    def __init__(self, services: Services, actor: Actor, register: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parkedDialog")
        self.setWindowTitle(self.tr("Parked tickets"))
        self.resize(640, 400)
        self.chosen: ParkedTicketView | None = None
        self._model = ParkedModel(self)
        self._table = counter_table(self._model, "parkedTable", stretch_column=ParkedColumn.LABEL)
        self._table.doubleClicked.connect(self._choose)
        self._status = QLabel(self.tr("Loading…"), objectName="parkedStatus")
        self._error = error_label("parkedError")
        self._resume = QPushButton(self.tr("Resume (Enter)"), objectName="parkedResume")
        self._resume.setDefault(True)
        self._resume.setEnabled(False)
        self._resume.clicked.connect(self._choose)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="parkedCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (cancel, self._resume):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Tickets put aside at this register"), "parkedTitle"))
        layout.addWidget(self._status)
        layout.addWidget(self._error)
        layout.addWidget(self._table, stretch=1)
        layout.addLayout(buttons)
        load = partial(services.pos.parked, actor, register)
        BackgroundOp(self, load).success(self._show_rows).failure(self._show_error).run_in_background()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            current = selected_row(self._table)
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            select_row(self._table, 0 if current is None else current + step)
            return
        super().keyPressEvent(event)

    def _show_rows(self, rows: list[ParkedTicketView]) -> None:
        self._model.set_rows(rows)
        select_row(self._table, len(rows) - 1)  # the latest parked is the likeliest to come back
        self._resume.setEnabled(bool(rows))
        self._status.setText(
            self.tr("No ticket is parked here.") if not rows else self.tr("{count} parked.").format(count=len(rows))
        )

    def _show_error(self, error: Exception) -> None:
        self._status.clear()
        self._error.setText(plain_message(error))
        self._error.show()

    def _choose(self) -> None:
        row = selected_row(self._table)
        if row is None:
            return
        self.chosen = self._model.row(row)
        self.accept()
