"""The counter sells a seat of a slot: the free slots of the coming days, the customer, the payment method."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.domain.sale import PaymentMethod
from pos_app.errors import SlotFull
from pos_app.services import Services
from pos_app.services.bookings import Booking, Slot
from pos_app.ui.background import BackgroundOp
from pos_app.ui.bookings.booking_texts import free_text, kind_text, when_text
from pos_app.ui.counter.payment_dialog import METHOD_KEYS, METHOD_STYLE, method_name
from pos_app.ui.till.amounts import money_text
from pos_app.ui.widgets.field_errors import FieldErrors
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
DAYS_AHEAD = 14
BUTTON_HEIGHT = 48
HINT_STYLE = "color: #6b6b6b;"


class FreeSlotColumn(IntEnum):
    WHEN = 0
    SLOT = 1
    FREE = 2
    PRICE = 3


FREE_SLOT_HEADERS = {
    FreeSlotColumn.WHEN: QT_TRANSLATE_NOOP("FreeSlotsModel", "When"),
    FreeSlotColumn.SLOT: QT_TRANSLATE_NOOP("FreeSlotsModel", "Slot"),
    FreeSlotColumn.FREE: QT_TRANSLATE_NOOP("FreeSlotsModel", "Seats"),
    FreeSlotColumn.PRICE: QT_TRANSLATE_NOOP("FreeSlotsModel", "Price"),
}


class FreeSlotsModel(RowsTableModel[Slot]):
    columns = FreeSlotColumn
    headers = FREE_SLOT_HEADERS

    @staticmethod
    def align(column: int) -> Qt.AlignmentFlag:
        horizontal = Qt.AlignmentFlag.AlignRight if column == FreeSlotColumn.PRICE else Qt.AlignmentFlag.AlignLeft
        return horizontal | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        slot = self.row(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(index.column())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match index.column():
            case FreeSlotColumn.WHEN:
                return when_text(slot.starts_at, slot.ends_at)
            case FreeSlotColumn.SLOT:
                return f"{slot.title} · {kind_text(slot.kind)}"
            case FreeSlotColumn.FREE:
                return free_text(slot)
            case _:
                return money_text(slot.price, slot.currency)


class BookSlotDialog(QDialog):
    """Lists the slots with a free seat from now to DAYS_AHEAD days on; `booked` fires with the booking once
    the service recorded it (sold at the till of `register`), and the dialog closes."""

    booked = Signal(object)  # Booking

    def __init__(self, services: Services, actor: Actor, register: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookSlotDialog")
        self.setWindowTitle(self.tr("Book a slot"))
        self.setMinimumSize(760, 620)
        self._bookings = services.bookings
        self._clock = services.clock
        self._actor = actor
        self._register = register
        self._method = PaymentMethod.CASH
        self._busy = False
        self.booking: Booking | None = None
        self.slots = FreeSlotsModel(self)

        self._hint = QLabel(self.tr("Loading the free slots…"), objectName="bookSlotHint")
        self._hint.setStyleSheet(HINT_STYLE)
        self.table = self._make_table()
        self._name = QLineEdit(objectName="bookSlotName")
        self._name.setMaxLength(200)
        self._name.setMinimumHeight(40)
        self._name.setPlaceholderText(self.tr("The customer's name (required)"))
        self._email = QLineEdit(objectName="bookSlotEmail")
        self._email.setMaxLength(254)
        self._email.setMinimumHeight(40)
        self._email.setPlaceholderText(self.tr("For the confirmation and its calendar file (optional)"))
        self._methods = QButtonGroup(self)
        self._to_take = QLabel(objectName="bookSlotToTake")
        font = self._to_take.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._to_take.setFont(font)
        self._error = error_label("bookSlotError")
        self._errors = FieldErrors(self._error)
        self._book = QPushButton(objectName="bookSlotConfirm")
        self._book.setDefault(True)
        self._book.setMinimumHeight(BUTTON_HEIGHT)
        self._book.clicked.connect(self.book)
        cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="bookSlotCancel")
        cancel.setAutoDefault(False)
        cancel.setMinimumHeight(BUTTON_HEIGHT)
        cancel.clicked.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Name"), self._errors.place("name", self._name, "bookSlotNameError"))
        form.addRow(self.tr("E&mail"), self._errors.place("email", self._email, "bookSlotEmailError"))
        buttons = QHBoxLayout()
        buttons.addWidget(self._to_take, stretch=1)
        buttons.addWidget(cancel)
        buttons.addWidget(self._book)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addWidget(self._hint)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(form)
        layout.addLayout(self._method_buttons())
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self._name)
        self.setTabOrder(self._name, self._email)
        self.setTabOrder(self._email, self._book)
        self.choose_method(PaymentMethod.CASH)
        self.table.setFocus()
        self._load()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="freeSlotsTable")
        table.setModel(self.slots)
        table.setAccessibleName(self.tr("Free slots"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(FreeSlotColumn.SLOT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(FreeSlotColumn.WHEN, 200)
        header.resizeSection(FreeSlotColumn.FREE, 150)
        header.resizeSection(FreeSlotColumn.PRICE, 100)
        give_room(table)
        table.selectionModel().currentChanged.connect(self._show_to_take)
        return table

    def _method_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        for position, (method, key) in enumerate(METHOD_KEYS.items()):
            text = f"{method_name(method)} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
            button = QPushButton(text, objectName=f"bookMethod_{method.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setStyleSheet(METHOD_STYLE)
            button.clicked.connect(partial(self.choose_method, method))
            self._methods.addButton(button)
            grid.addWidget(button, 0, position)
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(partial(self.choose_method, method))
        return grid

    # ----- the free slots ----------------------------------------------------------------------

    def _load(self) -> None:
        now = self._clock()
        find = partial(self._bookings.available_slots, now, now + timedelta(days=DAYS_AHEAD))
        BackgroundOp(self, find).success(self._show_slots).failure(self._load_failed).run_in_background()

    def _show_slots(self, slots: Sequence[Slot]) -> None:
        chosen = self.chosen()
        self.slots.set_rows(slots)
        if slots:
            self._hint.setText(
                self.tr("Slots with a free seat in the next {days} days. Pick one with ↑ ↓.").format(days=DAYS_AHEAD)
            )
        else:
            self._hint.setText(self.tr("No slot has a free seat in the next {days} days.").format(days=DAYS_AHEAD))
        row = next((n for n, slot in enumerate(slots) if chosen is not None and slot.id == chosen.id), 0)
        if slots:
            self.table.setCurrentIndex(self.slots.index(row, 0))
        self._show_to_take()

    def _load_failed(self, error: Exception) -> None:
        self._hint.setText(self.tr("Could not read the free slots."))
        self._errors.show(error)

    def chosen(self) -> Slot | None:
        index = self.table.currentIndex()
        return self.slots.row(index.row()) if index.isValid() else None

    # ----- payment -----------------------------------------------------------------------------

    def choose_method(self, method: PaymentMethod) -> None:
        if self._busy:
            return
        self._method = method
        for button in self._methods.buttons():
            button.setChecked(button.objectName() == f"bookMethod_{method.value}")
        self._show_to_take()

    def _show_to_take(self, *_: object) -> None:
        slot = self.chosen()
        if slot is None:
            self._to_take.clear()
            self._book.setText(self.tr("Book  (Enter)"))
            self._book.setEnabled(False)
            return
        amount = money_text(slot.price, slot.currency)
        self._to_take.setText(
            self.tr("To take: {amount} by {method}").format(amount=amount, method=method_name(self._method))
        )
        self._book.setText(self.tr("Book and take {amount}  (Enter)").format(amount=amount))
        self._book.setEnabled(not self._busy)

    def book(self) -> None:
        slot = self.chosen()
        if self._busy or slot is None:
            return
        if not self._name.text().strip():
            self._errors.show_message("name", self.tr("Type the customer's name: the booking is in their name."))
            return
        self._busy = True
        self._book.setEnabled(False)
        self._errors.clear()
        sell = partial(
            self._bookings.sell_at_counter,
            self._actor,
            slot.id,
            name=self._name.text(),
            email=self._email.text(),
            method=self._method.value,
            register=self._register,
        )
        BackgroundOp(self, sell).success(self._booked).failure(self._refused).run_in_background()

    def _booked(self, booking: Booking) -> None:
        self._busy = False
        self.booking = booking
        self.booked.emit(booking)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._busy = False
        self._errors.show(error)
        self._show_to_take()
        if isinstance(error, SlotFull):
            self._load()  # someone took the last seat meanwhile: show what is left


def sold_text(booking: Booking) -> str:
    """What the counter says once a seat is sold: the booking, when, and the money to take."""
    text = QCoreApplication.translate(
        "BookSlotDialog", "Booking {number} recorded for {name}: {slot}, {when} · {amount} by {method}."
    ).format(
        number=booking.number,
        name=booking.name,
        slot=booking.title,
        when=when_text(booking.starts_at, booking.ends_at),
        amount=money_text(booking.price, booking.currency),
        method=method_name(PaymentMethod(booking.payment_method or PaymentMethod.CASH.value)),
    )
    if booking.mail_error:
        text += " " + QCoreApplication.translate(
            "BookSlotDialog", "The confirmation email could not be sent: {reason}"
        ).format(reason=booking.mail_error)
    return text
