"""The sales reports page: a period's sales per day, week or month, as figures, charts and a table to export."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.documents.formatting import short_date
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.sales_reports import Granularity, SalesReport
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.reports.charts import MethodsChart, SalesChart
from pos_app.ui.reports.period_fields import PeriodFields
from pos_app.ui.reports.report_table import SalesReportModel, csv_rows
from pos_app.ui.till.amounts import money_text, ui_locale
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "Sales reports")
GRANULARITY_NAMES = {
    Granularity.DAY: QT_TRANSLATE_NOOP("ReportsPage", "Day"),
    Granularity.WEEK: QT_TRANSLATE_NOOP("ReportsPage", "Week"),
    Granularity.MONTH: QT_TRANSLATE_NOOP("ReportsPage", "Month"),
}
FIGURE_STYLE = "font-size: 17px; font-weight: 600;"
CAPTION_STYLE = "color: #6b6b6b;"
NOTICE_STYLE = "color: #1a5e2a;"
SETTLE_MS = 250  # typing a date changes it on each key: wait for the person to stop before asking again


@dataclass(frozen=True)
class ReportRequest:
    first_day: date
    last_day: date
    granularity: Granularity
    register: str | None


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """Runs on the worker. UTF-8 with a byte-order mark, so that spreadsheets read the accents."""
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        csv.writer(out).writerows(rows)
    return path


def load_registers(services: Services) -> list[tuple[str, str]]:
    return services.pos.registers()


class ReportsPage(QWidget):
    """Loads the current month per day when first shown; any change of period, step or register reloads, as F5
    does. `loaded` fires each time a report is on screen, `exported` with the path of each CSV written."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._services = services
        self._actor = actor
        self._shown_once = False
        self._loading = False
        self._asked_again = False
        self.report: SalesReport | None = None
        self.model = SalesReportModel(self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.refresh)

        today = services.clock().astimezone().date()
        self.period = PeriodFields("reportPeriod", today)
        self._granularity = QComboBox(objectName="reportGranularity")
        for granularity, name in GRANULARITY_NAMES.items():
            self._granularity.addItem(self.tr(name), granularity.value)
        self._register = QComboBox(objectName="reportRegister")
        self._register.addItem(self.tr("All registers"), None)
        self._status = QLabel(objectName="reportStatus")
        self._status.setStyleSheet(CAPTION_STYLE)
        self._notice = QLabel(objectName="reportNotice")
        self._notice.setStyleSheet(NOTICE_STYLE)
        self._notice.setWordWrap(True)
        self._notice.hide()
        self._error = error_label("reportsError")
        self._figures: dict[str, QLabel] = {}
        self.sales_chart = SalesChart()
        self.methods_chart = MethodsChart()
        self._table = self._make_table()

        self._refresh = QAction(self.tr("Refresh"), self, objectName="reportsRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._export = QAction(self.tr("Export CSV…"), self, objectName="reportsExportAction")
        self._export.setShortcut(QKeySequence("Ctrl+E"))
        self._export.setEnabled(False)
        for action in (self._refresh, self._export):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._refresh.triggered.connect(self.refresh)
        self._export.triggered.connect(self.choose_csv_path)

        self._lay_out()
        self.period.changed.connect(self._settle.start)
        self._granularity.currentIndexChanged.connect(self.refresh)
        self._register.currentIndexChanged.connect(self.refresh)

    # ----- building ---------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="salesReportTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        give_room(table)
        return table

    def _button(self, action: QAction, name: str, shortcut: str) -> QPushButton:
        button = QPushButton(f"{action.text()}  ({shortcut})", objectName=name)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        return button

    def _lay_out(self) -> None:
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(self._status)
        title_row.addWidget(self._button(self._export, "exportReportCsv", "Ctrl+E"))
        title_row.addWidget(self._button(self._refresh, "refreshReport", "F5"))

        granularity_label = QLabel(self.tr("&By"))
        granularity_label.setBuddy(self._granularity)
        register_label = QLabel(self.tr("&Register"))
        register_label.setBuddy(self._register)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        filter_row.addWidget(self.period)
        filter_row.addSpacing(10)
        filter_row.addWidget(granularity_label)
        filter_row.addWidget(self._granularity)
        filter_row.addSpacing(10)
        filter_row.addWidget(register_label)
        filter_row.addWidget(self._register)
        filter_row.addStretch()

        figures = QGridLayout()
        figures.setHorizontalSpacing(36)
        figures.setVerticalSpacing(2)
        captions = [
            ("sales", self.tr("Sales")),
            ("total", self.tr("Incl. VAT")),
            ("net", self.tr("Excl. VAT")),
            ("vat", self.tr("VAT")),
            ("refunds", self.tr("Refunds")),
            ("takings", self.tr("Takings")),
        ]
        for column, (key, caption) in enumerate(captions):
            caption_label = QLabel(caption)
            caption_label.setStyleSheet(CAPTION_STYLE)
            value = QLabel(objectName=f"reportFigure_{key}")
            value.setStyleSheet(FIGURE_STYLE)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._figures[key] = value
            figures.addWidget(caption_label, 0, column)
            figures.addWidget(value, 1, column)
        figures.setColumnStretch(len(captions), 1)

        charts = QHBoxLayout()
        charts.setSpacing(12)
        charts.addWidget(self.sales_chart, stretch=3)
        charts.addWidget(self.methods_chart, stretch=2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(filter_row)
        layout.addWidget(self._error)
        layout.addWidget(self._notice)
        layout.addLayout(figures)
        layout.addLayout(charts, stretch=2)
        layout.addWidget(self._table, stretch=3)
        self.setTabOrder(self.period, self._granularity)
        self.setTabOrder(self._granularity, self._register)
        self.setTabOrder(self._register, self._table)

    # ----- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            BackgroundOp(self, partial(load_registers, self._services)).success(self._show_registers).failure(
                self._registers_failed
            ).run_in_background()
            self.refresh()

    def _show_registers(self, registers: list[tuple[str, str]]) -> None:
        self._register.blockSignals(True)
        for code, name in registers:
            self._register.addItem(f"{code} · {name}", code)
        self._register.blockSignals(False)

    def _registers_failed(self, _error: Exception) -> None:
        """The report of every register still works; only the choice of one is missing."""

    def request(self) -> ReportRequest:
        return ReportRequest(
            self.period.first_day,
            self.period.last_day,
            Granularity(self._granularity.currentData()),
            self._register.currentData(),
        )

    def refresh(self) -> None:
        self._settle.stop()
        if self._loading:
            self._asked_again = True  # the answer on its way is for the former choice: ask again after it
            return
        self._loading = True
        self._status.setText(self.tr("Loading…"))
        wanted = self.request()
        load = partial(
            self._services.sales_reports.report,
            self._actor,
            wanted.first_day,
            wanted.last_day,
            wanted.granularity,
            register=wanted.register,
        )
        BackgroundOp(self, load).success(self._show_report).failure(self._load_failed).run_in_background()

    def _finished_loading(self) -> bool:
        """False when the choice changed meanwhile: the page then asks again rather than show a stale report."""
        self._loading = False
        if self._asked_again:
            self._asked_again = False
            self.refresh()
            return False
        return True

    def _show_report(self, report: SalesReport) -> None:
        if not self._finished_loading():
            return
        self._error.hide()
        self.report = report
        self.model.set_report(report)
        self.sales_chart.show_report(report)
        self.methods_chart.show_report(report)
        self._show_figures(report)
        self._export.setEnabled(True)
        rows = len(report.periods)
        self._status.setText(
            self.tr("{count} row(s) · {first} to {last}").format(
                count=rows,
                first=short_date(report.first_day, ui_locale()),
                last=short_date(report.last_day, ui_locale()),
            )
        )
        self.loaded.emit()

    def _show_figures(self, report: SalesReport) -> None:
        total, cur = report.total, report.currency
        self._figures["sales"].setText(str(total.sales_count))
        self._figures["total"].setText(money_text(total.total, cur))
        self._figures["net"].setText(money_text(total.net, cur))
        self._figures["vat"].setText(money_text(total.vat_total, cur))
        self._figures["refunds"].setText(
            self.tr("{count} · {amount}").format(count=total.refunds_count, amount=money_text(total.refunds_total, cur))
        )
        self._figures["takings"].setText(money_text(total.takings, cur))

    def _load_failed(self, error: Exception) -> None:
        if not self._finished_loading():
            return
        self._status.setText("")
        self._export.setEnabled(False)
        self._error.setText(self.tr("The report could not be made. {reason}").format(reason=plain_message(error)))
        self._error.show()

    # ----- export -----------------------------------------------------------------------------

    def choose_csv_path(self) -> None:
        report = self.report
        if report is None:
            return
        suggested = Path.home() / (
            f"sales-{report.first_day.isoformat()}-{report.last_day.isoformat()}-{report.granularity.value}.csv"
        )
        chooser = QFileDialog(self, self.tr("Export the report as CSV"), str(suggested), self.tr("CSV files (*.csv)"))
        chooser.setObjectName("reportCsvChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.fileSelected.connect(self.export_csv)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def export_csv(self, path: str) -> None:
        """Writes the table on screen, with its total row, to `path` in the background."""
        if self.report is None:
            return
        rows = csv_rows(self.report, self.model.columns)
        self._export.setEnabled(False)
        self._notice.hide()
        save = partial(write_csv, Path(path), rows)
        BackgroundOp(self, save).success(self._csv_saved).failure(self._csv_failed).run_in_background()

    def _csv_saved(self, path: Path) -> None:
        self._export.setEnabled(True)
        self._error.hide()
        self._notice.setText(self.tr("The report is saved to {path}.").format(path=path))
        self._notice.show()
        self.exported.emit(str(path))

    def _csv_failed(self, error: Exception) -> None:
        self._export.setEnabled(True)
        if isinstance(error, OSError):
            message = self.tr("Could not write the file ({reason}). Choose another folder and export again.").format(
                reason=error.strerror or error
            )
        else:
            message = plain_message(error)
        self._error.setText(message)
        self._error.show()
