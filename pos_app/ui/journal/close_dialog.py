"""Closing a month or a year of the journal: choose it, read what it means, confirm."""

from __future__ import annotations

from datetime import date
from functools import partial

from babel.dates import format_date
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from pos_app.domain.journal_closings import FIRST_YEAR, PeriodKind
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.journal_closings import Closing
from pos_app.ui.reports.period_fields import previous_month
from pos_app.ui.till.action_dialog import ActionDialog
from pos_app.ui.till.amounts import ui_locale
from pos_app.ui.widgets.labels import page_title

HINT_STYLE = "color: #6b6b6b;"
WARNING_STYLE = "color: #5c3d00; background: #fff6dc; border: 1px solid #e8c66a; border-radius: 4px; padding: 6px 8px;"


class ClosePeriodDialog(ActionDialog):
    """Closes the chosen month (the last one that is over, to start with) or year on every register.
    `closings` holds what was closed once it is accepted."""

    def __init__(
        self, services: Services, actor: Actor, kind: PeriodKind, today: date, parent: QWidget | None = None
    ) -> None:
        name = "closeMonth" if kind is PeriodKind.MONTH else "closeYear"
        super().__init__(name, parent)
        self._services = services
        self._actor = actor
        self.kind = kind
        self.closings: list[Closing] = []
        self._year = QSpinBox(objectName=f"{name}Year")
        self._year.setRange(FIRST_YEAR, today.year)
        self._month = QComboBox(objectName=f"{name}Month")
        for month in range(1, 13):
            self._month.addItem(format_date(date(2000, month, 1), "LLLL", locale=ui_locale()).capitalize(), month)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        if kind is PeriodKind.MONTH:
            last_over = previous_month(today)[0]
            self._year.setValue(last_over.year)
            self._month.setCurrentIndex(last_over.month - 1)
            form.addRow(self.tr("&Month"), self._month)
            title = self.tr("Close a month")
            explanation = self.tr(
                "The month's totals are sealed in the journal of every register. No sale, refund or cash movement "
                "can be dated in a closed month any more. This cannot be undone."
            )
        else:
            self._month.hide()
            self._year.setValue(today.year - 1)
            title = self.tr("Close a year")
            explanation = self.tr(
                "The year's totals are sealed in the journal of every register, once each of its months is closed. "
                "This cannot be undone."
            )
        form.addRow(self.tr("&Year"), self._year)
        self.setWindowTitle(title)
        self.submit_button.setText(self.tr("Close it  (Enter)"))

        warning = QLabel(explanation, objectName=f"{name}Warning")
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        hint = QLabel(self.tr("Periods run from midnight to midnight UTC, as the journal counts them."))
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(title))
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.submit_button)
        (self._month if kind is PeriodKind.MONTH else self._year).setFocus()

    @property
    def period_label(self) -> str:
        """'2026-10' or '2026', as the journal names the chosen period."""
        if self.kind is PeriodKind.YEAR:
            return f"{self._year.value():04d}"
        return f"{self._year.value():04d}-{self._month.currentData():02d}"

    def choose(self, year: int, month: int | None = None) -> None:
        self._year.setValue(year)
        if month is not None:
            self._month.setCurrentIndex(month - 1)

    def submit(self) -> None:
        closings = self._services.journal_closings
        if self.kind is PeriodKind.MONTH:
            op = partial(closings.close_month, self._actor, self._year.value(), self._month.currentData())
        else:
            op = partial(closings.close_year, self._actor, self._year.value())
        self.run(op, self._closed)

    def _closed(self, closings: list[Closing]) -> None:
        self.closings = closings
