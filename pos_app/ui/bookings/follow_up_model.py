"""Bookings a person has to follow up: payments refunded because the seat was gone, emails that did not go out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.domain.bookings import BookingStatus
from pos_app.services.bookings import Booking
from pos_app.ui.bookings.booking_texts import booking_label, when_text
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
SEAT_GONE_TEXT = QColor("#8a1c12")
SEAT_GONE = frozenset({BookingStatus.REFUND_PENDING, BookingStatus.REFUNDED_SEAT_GONE})


class FollowUpColumn(IntEnum):
    BOOKING = 0
    SLOT = 1
    EMAIL = 2
    WHAT = 3


HEADERS = {
    FollowUpColumn.BOOKING: QT_TRANSLATE_NOOP("FollowUpModel", "Booking"),
    FollowUpColumn.SLOT: QT_TRANSLATE_NOOP("FollowUpModel", "Slot"),
    FollowUpColumn.EMAIL: QT_TRANSLATE_NOOP("FollowUpModel", "Email"),
    FollowUpColumn.WHAT: QT_TRANSLATE_NOOP("FollowUpModel", "What happened"),
}


@dataclass(frozen=True, slots=True)
class FollowUp:
    booking: Booking
    texts: tuple[str, ...]

    @property
    def can_resend(self) -> bool:
        return self.booking.mail_error is not None


def follow_ups(seat_gone: Sequence[Booking], unsent: Sequence[Booking]) -> tuple[FollowUp, ...]:
    """Each booking once: the seat-gone refunds first (newest first, as the service lists them), then the
    emails that could not be sent."""
    unique = {booking.id: booking for booking in [*seat_gone, *unsent]}
    return tuple(FollowUp(booking, _texts(booking)) for booking in unique.values())


def _texts(booking: Booking) -> tuple[str, ...]:
    what = []
    if booking.status is BookingStatus.REFUND_PENDING:
        what.append(translate("FollowUpModel", "Paid after the seat was gone: the refund is on its way."))
    elif booking.status is BookingStatus.REFUNDED_SEAT_GONE:
        what.append(translate("FollowUpModel", "Paid after the seat was gone: refunded."))
    if booking.mail_error:
        what.append(translate("FollowUpModel", "Email not sent: {reason}").format(reason=booking.mail_error))
    return (
        booking_label(booking),
        f"{booking.title} · {when_text(booking.starts_at, booking.ends_at)}",
        booking.email or translate("FollowUpModel", "(no email)"),
        " ".join(what),
    )


class FollowUpModel(RowsTableModel[FollowUp]):
    columns = FollowUpColumn
    headers = HEADERS
    align = staticmethod(lambda column: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return row.texts[index.column()]
            case Qt.ItemDataRole.ToolTipRole:
                return "\n".join(row.texts)
            case Qt.ItemDataRole.ForegroundRole if row.booking.status in SEAT_GONE:
                return SEAT_GONE_TEXT
        return None
