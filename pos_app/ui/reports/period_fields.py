"""A period to report on: the usual ones in one choice, or any first and last day with a calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

translate = QCoreApplication.translate


class Preset(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CHOSEN = "chosen"


PRESET_NAMES = {
    Preset.THIS_MONTH: QT_TRANSLATE_NOOP("PeriodFields", "This month"),
    Preset.LAST_MONTH: QT_TRANSLATE_NOOP("PeriodFields", "Last month"),
    Preset.THIS_WEEK: QT_TRANSLATE_NOOP("PeriodFields", "This week"),
    Preset.LAST_WEEK: QT_TRANSLATE_NOOP("PeriodFields", "Last week"),
    Preset.THIS_YEAR: QT_TRANSLATE_NOOP("PeriodFields", "This year"),
    Preset.LAST_YEAR: QT_TRANSLATE_NOOP("PeriodFields", "Last year"),
    Preset.CHOSEN: QT_TRANSLATE_NOOP("PeriodFields", "Days of my choice"),
}


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month(day: date) -> tuple[date, date]:
    """The first and last day of the month before `day`'s."""
    last = month_start(day) - timedelta(days=1)
    return month_start(last), last


def preset_days(preset: Preset, today: date) -> tuple[date, date]:
    """The first and last day of a usual period, as seen on `today` (this month runs to its end)."""
    spans: dict[Preset, Callable[[], tuple[date, date]]] = {
        Preset.THIS_MONTH: lambda: (month_start(today), previous_month(_next_month(today))[1]),
        Preset.LAST_MONTH: lambda: previous_month(today),
        Preset.THIS_WEEK: lambda: (_monday(today), _monday(today) + timedelta(days=6)),
        Preset.LAST_WEEK: lambda: (_monday(today) - timedelta(days=7), _monday(today) - timedelta(days=1)),
        Preset.THIS_YEAR: lambda: (date(today.year, 1, 1), date(today.year, 12, 31)),
        Preset.LAST_YEAR: lambda: (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    }
    return spans[preset]() if preset in spans else (today, today)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodFields(QWidget):
    """Period [This month ▾]  From [..]  To [..]. `changed` fires when either day changes. Picking a usual period
    fills in the days; changing a day by hand makes it "Days of my choice"."""

    changed = Signal()

    def __init__(
        self, name: str, today: date, presets: tuple[Preset, ...] = tuple(Preset), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._today = today
        self._choosing = False
        self._preset = QComboBox(objectName=f"{name}Preset")
        for preset in presets:
            self._preset.addItem(translate("PeriodFields", PRESET_NAMES[preset]), preset.value)
        self._first = self._date_edit(f"{name}First")
        self._last = self._date_edit(f"{name}Last")
        preset_label = QLabel(self.tr("&Period"))
        preset_label.setBuddy(self._preset)
        first_label = QLabel(self.tr("&From"))
        first_label.setBuddy(self._first)
        last_label = QLabel(self.tr("&To"))
        last_label.setBuddy(self._last)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(preset_label)
        layout.addWidget(self._preset)
        layout.addSpacing(10)
        layout.addWidget(first_label)
        layout.addWidget(self._first)
        layout.addWidget(last_label)
        layout.addWidget(self._last)
        self.setTabOrder(self._preset, self._first)
        self.setTabOrder(self._first, self._last)

        self._preset.currentIndexChanged.connect(self._preset_chosen)
        self._first.dateChanged.connect(self._day_typed)
        self._last.dateChanged.connect(self._day_typed)
        self._preset_chosen()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDate(_qdate(self._today))
        return edit

    @property
    def first_day(self) -> date:
        return self._first.date().toPython()  # type: ignore[no-any-return]

    @property
    def last_day(self) -> date:
        return self._last.date().toPython()  # type: ignore[no-any-return]

    def choose(self, preset: Preset) -> None:
        index = self._preset.findData(preset.value)
        if index >= 0:
            self._preset.setCurrentIndex(index)

    def set_days(self, first: date, last: date) -> None:
        self._first.setDate(_qdate(first))
        self._last.setDate(_qdate(last))

    def _preset_chosen(self) -> None:
        preset = Preset(self._preset.currentData())
        if preset is Preset.CHOSEN:
            return
        first, last = preset_days(preset, self._today)
        self._choosing = True
        try:
            self.set_days(first, last)
        finally:
            self._choosing = False
        self.changed.emit()

    def _day_typed(self) -> None:
        if self._choosing:
            return
        chosen = self._preset.findData(Preset.CHOSEN.value)
        if chosen >= 0 and self._preset.currentIndex() != chosen:
            self._preset.blockSignals(True)
            self._preset.setCurrentIndex(chosen)
            self._preset.blockSignals(False)
        self.changed.emit()
