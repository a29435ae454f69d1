"""Create one slot, or a slot every week from a template: the fields both share, then what each adds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.bookings import MAX_CAPACITY, MAX_DURATION, MAX_TEMPLATE_DAYS, SlotKind
from pos_app.domain.money import Currency
from pos_app.domain.roles import Actor
from pos_app.domain.vat import format_rate
from pos_app.errors import ValidationError
from pos_app.services.bookings import BookingService, Slot, WeeklySlots
from pos_app.ui.background import BackgroundOp
from pos_app.ui.bookings.booking_texts import kind_text
from pos_app.ui.till.amounts import typed_amount
from pos_app.ui.widgets.field_errors import FieldErrors
from pos_app.ui.widgets.labels import error_label, page_title

translate = QCoreApplication.translate
DEFAULT_START = time(10, 0)
DEFAULT_MINUTES = 60
DEFAULT_WEEKS = 4
DATE_FORMAT = "ddd d MMM yyyy"
EVERY_WEEKDAY = (  # Monday first, as the service numbers them
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Mondays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Tuesdays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Wednesdays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Thursdays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Fridays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Saturdays"),
    QT_TRANSLATE_NOOP("WeeklySlotsDialog", "Sundays"),
)


@dataclass(frozen=True)
class SlotTerms:
    """What the shop's settings offer a new slot: its currency and VAT rates (read once by the page)."""

    currency: Currency
    vat_rates: tuple[Decimal, ...]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_field(day: date, object_name: str) -> QDateEdit:
    """A date with its weekday spelled out, and a calendar to pick it from."""
    field = QDateEdit(qdate(day), objectName=object_name)
    field.setCalendarPopup(True)
    field.setDisplayFormat(DATE_FORMAT)
    return field


def local_start(day: date, at: time) -> datetime:
    """The aware moment `at` o'clock on `day`, where this computer is."""
    return datetime.combine(day, at).astimezone()


class _SlotDialog(QDialog):
    """The fields every slot has; subclasses add when it happens and what the service is asked."""

    def __init__(
        self, bookings: BookingService, actor: Actor, terms: SlotTerms, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        self._bookings = bookings
        self._actor = actor
        self._terms = terms
        self._day = day
        self._busy = False

        self._title = QLineEdit(objectName="slotTitle")
        self._title.setMaxLength(200)
        self._title.setPlaceholderText(translate("SlotDialog", "Fitting, repair, sewing workshop…"))
        self._kind = QComboBox(objectName="slotKind")
        for kind in SlotKind:
            self._kind.addItem(kind_text(kind), kind.value)
        self._start = QTimeEdit(QTime(DEFAULT_START.hour, DEFAULT_START.minute), objectName="slotStart")
        self._start.setDisplayFormat("HH:mm")
        self._minutes = QSpinBox(objectName="slotDuration")
        self._minutes.setRange(5, int(MAX_DURATION.total_seconds() // 60))
        self._minutes.setSingleStep(15)
        self._minutes.setValue(DEFAULT_MINUTES)
        self._minutes.setSuffix(translate("SlotDialog", " min"))
        self._capacity = QSpinBox(objectName="slotCapacity")
        self._capacity.setRange(1, MAX_CAPACITY)
        self._capacity.setToolTip(translate("SlotDialog", "1 for an appointment, more for a workshop"))
        self._price = QLineEdit(objectName="slotPrice")
        self._price.setPlaceholderText(translate("SlotDialog", "VAT included, such as 35.00"))
        self._vat = QComboBox(objectName="slotVat")
        for rate in terms.vat_rates:
            self._vat.addItem(f"{format_rate(rate)} %", rate)
        self._vat.setCurrentIndex(self._vat.count() - 1)
        self._error = error_label("slotError")
        self._errors = FieldErrors(self._error)
        self._submit = QPushButton(objectName="slotSubmit")
        self._submit.setDefault(True)
        self._cancel = QPushButton(translate("SlotDialog", "Cancel  (Esc)"), objectName="slotCancel")
        self._cancel.setAutoDefault(False)
        self._submit.clicked.connect(self.submit)
        self._cancel.clicked.connect(self.reject)

    def _lay_out(self, when_rows: list[tuple[str, str, QWidget]]) -> None:
        """`when_rows`: (label, service field, widget) of the fields that say when the slots happen."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(translate("SlotDialog", "&Title"), self._errors.place("title", self._title, "slotTitleError"))
        form.addRow(translate("SlotDialog", "&Kind"), self._errors.place("kind", self._kind, "slotKindError"))
        for label, field, widget in when_rows:
            form.addRow(label, self._errors.place(field, widget, f"{widget.objectName()}Error"))
        duration = self._errors.place("duration", self._minutes, "slotDurationError")
        form.addRow(translate("SlotDialog", "D&uration"), duration)
        too_long = duration.findChild(QLabel, "slotDurationError")
        self._errors.add("ends_at", self._minutes, too_long)  # a single slot's end comes from its duration
        form.addRow(
            translate("SlotDialog", "Se&ats"), self._errors.place("capacity", self._capacity, "slotCapacityError")
        )
        form.addRow(
            translate("SlotDialog", "&Price ({currency})").format(currency=self._terms.currency.code),
            self._errors.place("price", self._price, "slotPriceError"),
        )
        form.addRow(translate("SlotDialog", "&VAT rate"), self._errors.place("vat_rate", self._vat, "slotVatError"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self._cancel, self._submit):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        order: list[QWidget] = [self._title, self._kind, *(widget for _, _, widget in when_rows)]
        order += [self._minutes, self._capacity, self._price, self._vat, self._submit]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self._title.setFocus()

    def _common(self) -> dict[str, Any]:
        """The service's arguments every slot takes. Raises ValidationError for a price that is not one."""
        try:
            price = typed_amount(self._price.text(), self._terms.currency, allow_zero=True)
        except ValidationError as error:
            raise ValidationError(str(error), field="price") from None
        return {
            "title": self._title.text(),
            "kind": self._kind.currentData(),
            "capacity": self._capacity.value(),
            "price": price,
            "vat_rate": self._vat.currentData() if self._vat.currentData() is not None else "",
        }

    def _duration(self) -> timedelta:
        return timedelta(minutes=self._minutes.value())

    def submit(self) -> None:
        if self._busy:
            return
        try:
            op = self._request()
        except ValidationError as error:
            self._errors.show(error)
            return
        self._set_busy(True)
        BackgroundOp(self, op).success(self._done).failure(self._failed).run_in_background()

    def _request(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _done(self, result: Any) -> None:
        self._set_busy(False)
        self._keep(result)
        self.accept()

    def _keep(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._errors.show(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._submit.setEnabled(not busy)
        if busy:
            self._errors.clear()


class NewSlotDialog(_SlotDialog):
    """Accepted once the service created the slot (`slot`)."""

    def __init__(
        self, bookings: BookingService, actor: Actor, terms: SlotTerms, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(bookings, actor, terms, day, parent)
        self.setObjectName("newSlotDialog")
        self.setWindowTitle(self.tr("New slot"))
        self.slot: Slot | None = None
        self._date = date_field(day, "slotDate")
        self._submit.setText(self.tr("Create the slot  (Enter)"))
        self._lay_out([(self.tr("Dat&e"), "starts_at", self._date), (self.tr("&Starts at"), "at", self._start)])

    def _request(self) -> Callable[[], Slot]:
        common = self._common()
        starts = local_start(self._date.date().toPython(), self._start.time().toPython())
        ends = starts + self._duration()
        bookings, actor = self._bookings, self._actor
        return lambda: bookings.create_slot(actor, starts_at=starts, ends_at=ends, **common)

    def _keep(self, result: Slot) -> None:
        self.slot = result


class WeeklySlotsDialog(_SlotDialog):
    """Accepted once the service created the template's slots (`made`: created and already existing)."""

    def __init__(
        self, bookings: BookingService, actor: Actor, terms: SlotTerms, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(bookings, actor, terms, day, parent)
        self.setObjectName("weeklySlotsDialog")
        self.setWindowTitle(self.tr("Slots every week"))
        self.made: WeeklySlots | None = None
        self._weekday = QComboBox(objectName="slotWeekday")
        for number, name in enumerate(EVERY_WEEKDAY):
            self._weekday.addItem(QCoreApplication.translate("WeeklySlotsDialog", name), number)
        self._weekday.setCurrentIndex(day.weekday())
        self._first = date_field(day, "slotFirstDay")
        self._last = date_field(day + timedelta(weeks=DEFAULT_WEEKS) - timedelta(days=1), "slotLastDay")
        self._last.setToolTip(self.tr("At most {days} days after the first").format(days=MAX_TEMPLATE_DAYS - 1))
        self._submit.setText(self.tr("Create the slots  (Enter)"))
        self._lay_out(
            [
                (self.tr("Ever&y"), "weekday", self._weekday),
                (self.tr("&Starts at"), "at", self._start),
                (self.tr("&From"), "first_day", self._first),
                (self.tr("U&ntil"), "last_day", self._last),
            ]
        )

    def _request(self) -> Callable[[], WeeklySlots]:
        values = self._common() | {
            "weekday": self._weekday.currentData(),
            "at": self._start.time().toPython(),
            "duration": self._duration(),
            "first_day": self._first.date().toPython(),
            "last_day": self._last.date().toPython(),
        }
        bookings, actor = self._bookings, self._actor
        return lambda: bookings.create_weekly_slots(actor, **values)

    def _keep(self, result: WeeklySlots) -> None:
        self.made = result
