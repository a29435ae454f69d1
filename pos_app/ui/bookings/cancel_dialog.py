"""Cancel a paid booking with a reason, after saying where the money goes back."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.bookings import Channel
from pos_app.domain.roles import Actor
from pos_app.services.bookings import Booking, BookingService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.bookings.booking_texts import when_text
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.amounts import money_text
from pos_app.ui.till.payment_methods import method_name
from pos_app.ui.widgets.labels import error_label, section_title

FREQUENT_REASONS = (
    QT_TRANSLATE_NOOP("CancelBookingDialog", "The customer asked"),
    QT_TRANSLATE_NOOP("CancelBookingDialog", "The shop cannot hold it"),
    QT_TRANSLATE_NOOP("CancelBookingDialog", "Booked twice"),
)
NOTE_STYLE = "background: #fff6dc; color: #5c3d00; border: 1px solid #e8c66a; border-radius: 4px; padding: 8px 10px;"


def refund_explanation(booking: Booking) -> str:
    """Where the money goes back, in the words the person cancelling needs."""
    amount = money_text(booking.price, booking.currency)
    if booking.channel == Channel.COUNTER.value:
        method = method_name(booking.payment_method or "")
        return QCoreApplication.translate(
            "CancelBookingDialog",
            "{name} paid {amount} at the counter by {method}. Give it back by {method} at your open till: "
            "the till's report counts the refund.",
        ).format(name=booking.name, amount=amount, method=method)
    return QCoreApplication.translate(
        "CancelBookingDialog",
        "{name} paid {amount} online. Cancelling refunds it through Stripe at once (the bank takes a few days "
        "to show it) and emails the customer.",
    ).format(name=booking.name, amount=amount)


class CancelBookingDialog(QDialog):
    """Accepted once the service cancelled the booking (`cancelled`); a refusal stays on screen."""

    def __init__(self, bookings: BookingService, actor: Actor, booking: Booking, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelBookingDialog")
        self.setWindowTitle(self.tr("Cancel a booking"))
        self.setMinimumWidth(520)
        self._bookings = bookings
        self._actor = actor
        self._booking = booking
        self._busy = False
        self.cancelled: Booking | None = None

        what = QLabel(
            self.tr("{booking} · {slot} · {when}").format(
                booking=booking.number or booking.name,
                slot=booking.title,
                when=when_text(booking.starts_at, booking.ends_at),
            ),
            objectName="cancelWhat",
        )
        what.setWordWrap(True)
        money = QLabel(refund_explanation(booking), objectName="cancelRefund")
        money.setWordWrap(True)
        money.setStyleSheet(NOTE_STYLE)
        self._reason = QLineEdit(objectName="cancelReason")
        self._reason.setPlaceholderText(self.tr("Why? (required: the customer's email says it)"))
        self._reason.setMaxLength(300)
        self._reason.setMinimumHeight(40)
        self._error = error_label("cancelError")
        self._confirm = QPushButton(self.tr("Cancel and refund  (Enter)"), objectName="cancelConfirm")
        self._confirm.setDefault(True)
        self._confirm.clicked.connect(self.confirm)
        keep = QPushButton(self.tr("Keep the booking  (Esc)"), objectName="cancelKeep")
        keep.setAutoDefault(False)
        keep.clicked.connect(self.reject)

        quick = QHBoxLayout()
        for position, text in enumerate(FREQUENT_REASONS):
            button = QPushButton(self.tr(text), objectName=f"cancelQuick{position}")
            button.setAutoDefault(False)
            button.clicked.connect(partial(self._reason.setText, self.tr(text)))
            quick.addWidget(button)
        quick.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (keep, self._confirm):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.windowTitle(), "cancelTitle"))
        layout.addWidget(what)
        layout.addWidget(money)
        layout.addLayout(quick)
        layout.addWidget(self._reason)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._reason.setFocus()

    def confirm(self) -> None:
        if self._busy:
            return
        reason = self._reason.text().strip()
        if not reason:
            self._say(self.tr("Say why in a few words: the customer is told."))
            self._reason.setFocus()
            return
        self._set_busy(True)
        cancel = partial(self._bookings.cancel, self._actor, self._booking.id, reason)
        BackgroundOp(self, cancel).success(self._done).failure(self._failed).run_in_background()

    def _done(self, booking: Booking) -> None:
        self._set_busy(False)
        self.cancelled = booking
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._say(plain_message(error))

    def _say(self, text: str) -> None:
        self._error.setText(text)
        self._error.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._confirm.setEnabled(not busy)
        if busy:
            self._error.hide()
