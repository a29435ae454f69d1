"""The holds table: who is paying for what, and how long they have left, ticking every second."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.services.reservations import Hold, HoldStatus
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
EXPIRING_SOON = timedelta(minutes=3)
AMBER_BACKGROUND = QColor("#ffe9b0")
AMBER_TEXT = QColor("#5c3d00")
GREY_TEXT = QColor("#6b6b6b")


class HoldColumn(IntEnum):
    CUSTOMER = 0
    ITEMS = 1
    UNITS = 2
    EXPIRES = 3


HOLD_HEADERS = {
    HoldColumn.CUSTOMER: QT_TRANSLATE_NOOP("HoldsTableModel", "Customer"),
    HoldColumn.ITEMS: QT_TRANSLATE_NOOP("HoldsTableModel", "Items"),
    HoldColumn.UNITS: QT_TRANSLATE_NOOP("HoldsTableModel", "Units"),
    HoldColumn.EXPIRES: QT_TRANSLATE_NOOP("HoldsTableModel", "Expires in"),
}
HOLD_HEADER_TIPS = {
    HoldColumn.CUSTOMER: QT_TRANSLATE_NOOP("HoldsTableModel", "The email the customer gave at checkout"),
    HoldColumn.EXPIRES: QT_TRANSLATE_NOOP(
        "HoldsTableModel", "Time left to pay; the units count as available again when it runs out"
    ),
}
NUMERIC_HOLD_COLUMNS = frozenset({HoldColumn.UNITS, HoldColumn.EXPIRES})


class HoldState(Enum):
    ACTIVE = "active"
    EXPIRING_SOON = "expiring soon"
    EXPIRED = "expired"  # past its time and no longer counting; the next tidy-up marks it released


@dataclass(frozen=True, slots=True)
class HoldRow:
    """One hold as the table shows it; what depends on the time is worked out at each tick."""

    hold: Hold
    items: str


def lines_summary(lines: Sequence[tuple[str, int]]) -> str:
    """'2 × TEE-M, 1 × CAP'"""
    return ", ".join(f"{quantity} × {sku}" for sku, quantity in lines)


def hold_rows(holds: Sequence[Hold]) -> tuple[HoldRow, ...]:
    """Holds still counting first, the one running out soonest on top; then expired ones, latest first."""
    counting = sorted((h for h in holds if h.status is HoldStatus.ACTIVE), key=lambda h: (h.expires_at, h.id))
    expired = sorted((h for h in holds if h.status is HoldStatus.EXPIRED), key=lambda h: h.expires_at, reverse=True)
    return tuple(HoldRow(hold=h, items=lines_summary(h.lines)) for h in [*counting, *expired])


def state_at(hold: Hold, now: datetime) -> HoldState:
    left = hold.expires_at - now
    if hold.status is not HoldStatus.ACTIVE or left <= timedelta(0):
        return HoldState.EXPIRED
    return HoldState.EXPIRING_SOON if left < EXPIRING_SOON else HoldState.ACTIVE


def countdown(left: timedelta) -> str:
    """'14:59', or '1:05:00' past an hour; a started second counts as a whole one, so 00:00 never shows."""
    seconds = max(math.ceil(left.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def expired_for(overdue: timedelta) -> str:
    minutes = int(overdue.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("HoldsTableModel", "Expired just now")
    if minutes < 60:
        return QCoreApplication.translate("HoldsTableModel", "Expired {minutes} min ago").format(minutes=minutes)
    return QCoreApplication.translate("HoldsTableModel", "Expired {hours} h ago").format(hours=minutes // 60)


def time_left_text(hold: Hold, now: datetime) -> str:
    if state_at(hold, now) is HoldState.EXPIRED:
        return expired_for(now - hold.expires_at)
    return countdown(hold.expires_at - now)


def hold_tip(hold: Hold, state: HoldState) -> str:
    at = f"{hold.expires_at.astimezone():%H:%M}"
    match state:
        case HoldState.EXPIRED:
            return QCoreApplication.translate(
                "HoldsTableModel",
                "Ran out at {time}: these units count as available again. The next tidy-up marks it released.",
            ).format(time=at)
        case HoldState.EXPIRING_SOON:
            return QCoreApplication.translate(
                "HoldsTableModel", "Runs out at {time}: the customer has less than 3 minutes left to pay."
            ).format(time=at)
        case HoldState.ACTIVE:
            return QCoreApplication.translate("HoldsTableModel", "Held until {time} while the customer pays.").format(
                time=at
            )


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC_HOLD_COLUMNS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class HoldsTableModel(ColumnsTableModel):
    """Rows from the last load; `set_now` moves the countdowns on without asking the database."""

    columns = HoldColumn
    headers = HOLD_HEADERS
    header_tips = HOLD_HEADER_TIPS
    align = staticmethod(_alignment)

    def __init__(self, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[HoldRow, ...] = ()
        self._states: list[HoldState] = []
        self._now = now

    def set_rows(self, rows: tuple[HoldRow, ...], now: datetime) -> None:
        if rows == self._rows:
            self.set_now(now)
            return
        self.beginResetModel()
        self._rows = rows
        self._now = now
        self._states = [state_at(row.hold, now) for row in rows]
        self.endResetModel()

    def set_now(self, now: datetime) -> bool:
        """Repaint the countdowns for `now`. True when a hold has just run out (time to reload)."""
        self._now = now
        states = [state_at(row.hold, now) for row in self._rows]
        ran_out = any(
            new is HoldState.EXPIRED and old is not HoldState.EXPIRED
            for old, new in zip(self._states, states, strict=True)
        )
        self._states = states
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HoldColumn) - 1))
        return ran_out

    def id_at(self, row: int) -> str:
        return self._rows[row].hold.id

    def row_of(self, hold_id: str) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.hold.id == hold_id), None)

    # ----- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        state = self._states[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self._text(row, index.column())
            case Qt.ItemDataRole.TextAlignmentRole:
                return _alignment(index.column())
            case Qt.ItemDataRole.BackgroundRole if state is HoldState.EXPIRING_SOON:
                return AMBER_BACKGROUND
            case Qt.ItemDataRole.ForegroundRole if state is HoldState.EXPIRING_SOON:
                return AMBER_TEXT
            case Qt.ItemDataRole.ForegroundRole if state is HoldState.EXPIRED:
                return GREY_TEXT
            case Qt.ItemDataRole.ToolTipRole:
                return hold_tip(row.hold, state)
        return None

    def _text(self, row: HoldRow, column: int) -> str:
        match column:
            case HoldColumn.CUSTOMER:
                return row.hold.reference or "—"
            case HoldColumn.ITEMS:
                return row.items
            case HoldColumn.UNITS:
                return str(row.hold.units)
            case _:
                return time_left_text(row.hold, self._now)
