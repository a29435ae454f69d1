"""Choosing a period of days: a ready-made one (this month, last year...) or two dates, both included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from pos_app.ui.invoices.invoice_texts import day_text


class Period(Enum):
    ANY = QT_TRANSLATE_NOOP("PeriodFilter", "Any date")
    THIS_MONTH = QT_TRANSLATE_NOOP("PeriodFilter", "This month")
    LAST_MONTH = QT_TRANSLATE_NOOP("PeriodFilter", "Last month")
    THIS_YEAR = QT_TRANSLATE_NOOP("PeriodFilter", "This year")
    LAST_YEAR = QT_TRANSLATE_NOOP("PeriodFilter", "Last year")
    CHOSEN = QT_TRANSLATE_NOOP("PeriodFilter", "Between two dates")


def period_days(period: Period, today: date) -> tuple[date, date] | None:
    """The first and the last day of the period (both included), or None for any date."""
    first_of_month = today.replace(day=1)
    match period:
        case Period.THIS_MONTH:
            return first_of_month, today
        case Period.LAST_MONTH:
            last = first_of_month - timedelta(days=1)
            return last.replace(day=1), last
        case Period.THIS_YEAR:
            return today.replace(month=1, day=1), today
        case Period.LAST_YEAR:
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From midnight of the first day to midnight after the last, where this machine is."""
    return datetime.combine(first, time()).astimezone(), datetime.combine(last + timedelta(days=1), time()).astimezone()


def date_edit(object_name: str, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")  # as the export's file names and the command line write them
    edit.setAccessibleName(accessible_name)
    return edit


def keep_in_order(first: QDateEdit, last: QDateEdit) -> None:
    """Moving one end past the other drags the other along, so the period is never upside down."""
    first.dateChanged.connect(lambda day: last.setDate(day) if day > last.date() else None)
    last.dateChanged.connect(lambda day: first.setDate(day) if day < first.date() else None)


class PeriodFilter(QWidget):
    """`changed` fires whenever the period it stands for changes."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodFilter")
        self._today = today
        self._dates_set = False
        self._choice = QComboBox(objectName="periodChoice")
        self._choice.setAccessibleName(self.tr("Period"))
        for period in Period:
            self._choice.addItem(QCoreApplication.translate("PeriodFilter", period.value), period)
        self._from = date_edit("periodFrom", self.tr("From"))
        self._to = date_edit("periodTo", self.tr("To"))
        self._to_label = QLabel(self.tr("to"))
        keep_in_order(self._from, self._to)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._choice)
        layout.addWidget(self._from)
        layout.addWidget(self._to_label)
        layout.addWidget(self._to)
        self._show_dates(False)

        self._choice.currentIndexChanged.connect(self._chosen)
        self._from.dateChanged.connect(self._dates_changed)
        self._to.dateChanged.connect(self._dates_changed)

    @property
    def period(self) -> Period:
        return self._choice.currentData()

    def set_period(self, period: Period, first: date | None = None, last: date | None = None) -> None:
        if first is not None and last is not None:
            self._set_dates(first, last)
        self._choice.setCurrentIndex(self._choice.findData(period))

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """[since, until) of the period, or (None, None) for any date."""
        days = self.days()
        return (None, None) if days is None else day_bounds(*days)

    def days(self) -> tuple[date, date] | None:
        if self.period is Period.CHOSEN:
            return self._from.date().toPython(), self._to.date().toPython()
        return period_days(self.period, self._today())

    def _chosen(self) -> None:
        chosen = self.period is Period.CHOSEN
        if chosen and not self._dates_set:  # the first time: start from this month
            this_month = period_days(Period.THIS_MONTH, self._today())
            assert this_month is not None
            self._set_dates(*this_month)
        days = period_days(self.period, self._today())
        self._choice.setToolTip(
            self.tr("{first} to {last}").format(first=day_text(days[0]), last=day_text(days[1])) if days else ""
        )
        self._show_dates(chosen)
        self.changed.emit()

    def _set_dates(self, first: date, last: date) -> None:
        self._dates_set = True
        for edit in (self._from, self._to):
            edit.blockSignals(True)
        self._from.setDate(QDate(first))
        self._to.setDate(QDate(last))
        for edit in (self._from, self._to):
            edit.blockSignals(False)

    def _dates_changed(self) -> None:
        if self.period is Period.CHOSEN:
            self.changed.emit()

    def _show_dates(self, shown: bool) -> None:
        for widget in (self._from, self._to_label, self._to):
            widget.setVisible(shown)
