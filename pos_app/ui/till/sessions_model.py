"""The past till sessions of a register, newest first, to reopen their Z reports."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from pos_app.services.pos import TillSession
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class SessionColumn(IntEnum):
    NUMBER = 0
    REGISTER = 1
    OPENED = 2
    CLOSED = 3
    FLOAT = 4


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column == SessionColumn.FLOAT else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class SessionsTableModel(ColumnsTableModel):
    columns = SessionColumn
    align = staticmethod(_alignment)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[TillSession] = []
        self._currency = ""
        self.headers = {
            SessionColumn.NUMBER: translate("SessionsTable", "Session"),
            SessionColumn.REGISTER: translate("SessionsTable", "Register"),
            SessionColumn.OPENED: translate("SessionsTable", "Opened"),
            SessionColumn.CLOSED: translate("SessionsTable", "Closed"),
            SessionColumn.FLOAT: translate("SessionsTable", "Float"),
        }

    def set_sessions(self, sessions: Sequence[TillSession], currency_code: str) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._currency = currency_code
        self.endResetModel()

    def session_at(self, row: int) -> TillSession:
        return self._sessions[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        session = self._sessions[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match index.column():
            case SessionColumn.NUMBER:
                return f"#{session.id}"
            case SessionColumn.REGISTER:
                return session.register
            case SessionColumn.OPENED:
                return moment_text(session.opened_at)
            case SessionColumn.CLOSED:
                if session.closed_at is None:
                    return translate("SessionsTable", "Open now")
                return moment_text(session.closed_at)
            case SessionColumn.FLOAT:
                return money_text(session.opening_float, self._currency)
        return None
