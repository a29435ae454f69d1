"""The agenda: days (in the week view), their slots, and each slot's bookings, as a tree of immutable rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from pos_app.domain.bookings import BookingStatus
from pos_app.services.bookings import Booking, Slot, SlotSchedule
from pos_app.ui.bookings.booking_texts import (
    REFUNDED,
    booking_status_text,
    channel_text,
    day_text,
    kind_text,
    seats_text,
    span_text,
)
from pos_app.ui.till.amounts import money_text

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
DAY_BACKGROUND = QColor("#eef1f5")
FULL_BACKGROUND = QColor("#ffe9b0")
FADED_TEXT = QColor("#6b6b6b")
SEAT_GONE_TEXT = QColor("#8a1c12")
NO_SEAT = "—"


class AgendaColumn(IntEnum):
    WHEN = 0
    WHAT = 1
    SEATS = 2
    NUMBER = 3
    STATUS = 4
    CHANNEL = 5


HEADERS = {
    AgendaColumn.WHEN: QT_TRANSLATE_NOOP("AgendaModel", "When"),
    AgendaColumn.WHAT: QT_TRANSLATE_NOOP("AgendaModel", "Slot · customer"),
    AgendaColumn.SEATS: QT_TRANSLATE_NOOP("AgendaModel", "Seats · email"),
    AgendaColumn.NUMBER: QT_TRANSLATE_NOOP("AgendaModel", "Booking"),
    AgendaColumn.STATUS: QT_TRANSLATE_NOOP("AgendaModel", "Status"),
    AgendaColumn.CHANNEL: QT_TRANSLATE_NOOP("AgendaModel", "Price · paid"),
}


class RowKind(Enum):
    DAY = "day"
    SLOT = "slot"
    BOOKING = "booking"


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One line of the agenda with its texts worked out once. `parent` is the position of its parent row in
    the model's list of rows (-1 at the top), `row` its place among its parent's children."""

    kind: RowKind
    texts: tuple[str, ...]
    parent: int
    row: int
    day: date | None = None
    slot: Slot | None = None
    booking: Booking | None = None

    @property
    def key(self) -> tuple[str, object]:
        """What the row stands for, the same from one load to the next: a selection follows it."""
        if self.booking is not None:
            return (RowKind.BOOKING.value, self.booking.id)
        if self.slot is not None:
            return (RowKind.SLOT.value, self.slot.id)
        return (RowKind.DAY.value, self.day)


def agenda_rows(schedule: Sequence[SlotSchedule], days: Sequence[date] = ()) -> tuple[AgendaRow, ...]:
    """The rows of the agenda in display order. With `days` (the week view), each day is a row holding its
    slots, days without a slot included; without, the slots are the top rows."""
    rows: list[AgendaRow] = []
    if not days:
        for position, entry in enumerate(schedule):
            _add_slot(rows, entry, -1, position)
        return tuple(rows)
    by_day: dict[date, list[SlotSchedule]] = defaultdict(list)
    for entry in schedule:
        by_day[entry.slot.starts_at.astimezone().date()].append(entry)
    for position, day in enumerate(days):
        entries = by_day.get(day, [])
        heading = day_text(day) if entries else translate("AgendaModel", "{day} · no slot").format(day=day_text(day))
        rows.append(AgendaRow(RowKind.DAY, (heading, "", "", "", "", ""), -1, position, day=day))
        day_row = len(rows) - 1
        for slot_position, entry in enumerate(entries):
            _add_slot(rows, entry, day_row, slot_position)
    return tuple(rows)


def _add_slot(rows: list[AgendaRow], entry: SlotSchedule, parent: int, position: int) -> None:
    slot = entry.slot
    price = money_text(slot.price, slot.currency)
    texts = (span_text(slot.starts_at, slot.ends_at), slot.title, seats_text(slot), "", "", price)
    rows.append(AgendaRow(RowKind.SLOT, texts, parent, position, day=slot.starts_at.astimezone().date(), slot=slot))
    slot_row = len(rows) - 1
    for booking_position, booking in enumerate(entry.bookings):
        seat = (
            translate("AgendaModel", "Seat {seat}").format(seat=booking.seat_no)
            if booking.seat_no is not None
            else NO_SEAT
        )
        texts = (
            seat,
            booking.name,
            booking.email,
            booking.number or "",
            booking_status_text(booking),
            channel_text(booking),
        )
        rows.append(AgendaRow(RowKind.BOOKING, texts, slot_row, booking_position, slot=slot, booking=booking))


class AgendaModel(QAbstractItemModel):
    """The rows of the last load; `set_rows` replaces them all (the view expands them again)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[AgendaRow, ...] = ()
        self._children: dict[int, list[int]] = {}

    def set_rows(self, rows: tuple[AgendaRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._children = defaultdict(list)
        for position, row in enumerate(rows):
            self._children[row.parent].append(position)
        self.endResetModel()

    def rows(self) -> tuple[AgendaRow, ...]:
        return self._rows

    def row_at(self, index: Index) -> AgendaRow | None:
        return self._rows[index.internalId()] if index.isValid() else None

    def index_of(self, key: tuple[str, object]) -> QModelIndex:
        """The index of the row standing for `key`, invalid when there is none any more."""
        for position, row in enumerate(self._rows):
            if row.key == key:
                return self.createIndex(row.row, 0, position)
        return QModelIndex()

    # ----- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's own signature
        children = self._children.get(parent.internalId() if parent.isValid() else -1, [])
        if not 0 <= row < len(children) or not 0 <= column < len(AgendaColumn):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._rows[index.internalId()].parent
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._rows[parent].row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else -1, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return len(AgendaColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("AgendaModel", HEADERS[AgendaColumn(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return row.texts[index.column()]
            case Qt.ItemDataRole.FontRole if row.kind is not RowKind.BOOKING:
                return _bold_font()
            case Qt.ItemDataRole.BackgroundRole:
                return _background(row)
            case Qt.ItemDataRole.ForegroundRole:
                return _foreground(row)
            case Qt.ItemDataRole.ToolTipRole:
                return _tip(row)
        return None


def _background(row: AgendaRow) -> QColor | None:
    if row.kind is RowKind.DAY:
        return DAY_BACKGROUND
    if row.kind is RowKind.SLOT and row.slot is not None and row.slot.free <= 0:
        return FULL_BACKGROUND
    return None


def _foreground(row: AgendaRow) -> QColor | None:
    booking = row.booking
    if booking is None:
        return None
    if booking.status in (BookingStatus.REFUND_PENDING, BookingStatus.REFUNDED_SEAT_GONE):
        return SEAT_GONE_TEXT
    if booking.status in REFUNDED or booking.status is BookingStatus.AWAITING_PAYMENT:
        return FADED_TEXT
    return None


def _tip(row: AgendaRow) -> str | None:
    booking = row.booking
    if booking is None:
        slot = row.slot
        return None if slot is None else f"{slot.title} · {kind_text(slot.kind)} · {row.texts[AgendaColumn.CHANNEL]}"
    notes = [booking.note or ""]
    if booking.mail_error:
        notes.append(
            translate("AgendaModel", "The last email could not be sent: {reason}").format(reason=booking.mail_error)
        )
    return "\n".join(note for note in notes if note) or None


@cache
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
