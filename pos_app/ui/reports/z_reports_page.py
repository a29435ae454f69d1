"""The Z reports page: every till session, newest first, each opening its Z report (X report while still open)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.pos import TillReport
from pos_app.services.sales_reports import SessionSummary
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.reports.sessions_model import SessionColumn, ZSessionsTableModel
from pos_app.ui.till.report_dialog import ReportDialog
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "Z reports")
PAGE_SIZE = 100
CAPTION_STYLE = "color: #6b6b6b;"


class ZReportsPage(QWidget):
    """Loads when shown; F5 reloads, "Show older" reads the next sessions. Enter or a double click opens the
    chosen session's report. `loaded` fires each time rows are on screen, `report_opened` with each dialog."""

    loaded = Signal()
    report_opened = Signal(QWidget)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zReportsPage")
        self._services = services
        self._actor = actor
        self._loading = False
        self._has_more = False
        self.model = ZSessionsTableModel(self)

        self._register = QComboBox(objectName="zReportsRegister")
        self._register.addItem(self.tr("All registers"), None)
        self._count = QLabel(objectName="zReportsCount")
        self._count.setStyleSheet(CAPTION_STYLE)
        self._error = error_label("zReportsError")
        self.table = self._make_table()

        self._reload = QAction(self.tr("Reload"), self, objectName="zReportsReloadAction")
        self._reload.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._open = QAction(self.tr("Open the report"), self, objectName="zReportsOpenAction")
        self._open.setEnabled(False)
        self._older = QAction(self.tr("Show older sessions"), self, objectName="zReportsOlderAction")
        self._older.setEnabled(False)
        self._reload.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self._reload)
        self._reload.triggered.connect(self.refresh)
        self._open.triggered.connect(self.open_selected)
        self._older.triggered.connect(self.show_older)
        self._lay_out()
        self._register.currentIndexChanged.connect(self.refresh)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="zSessionsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionColumn.OPENED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SessionColumn.CLOSED, QHeaderView.ResizeMode.Stretch)
        give_room(table)
        table.activated.connect(lambda index: self.open_session(index.row()))
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _button(self, action: QAction, name: str, shortcut: str = "") -> QPushButton:
        text = f"{action.text()}  ({shortcut})" if shortcut else action.text()
        button = QPushButton(text, objectName=name)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        return button

    def _lay_out(self) -> None:
        register_label = QLabel(self.tr("&Register"))
        register_label.setBuddy(self._register)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(register_label)
        title_row.addWidget(self._register)
        title_row.addWidget(self._button(self._reload, "reloadZReports", "F5"))

        hint = QLabel(
            self.tr("Every till session of the shop, newest first. Open one to read its Z report or save it as a PDF.")
        )
        hint.setStyleSheet(CAPTION_STYLE)
        hint.setWordWrap(True)

        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self._count)
        bottom_row.addWidget(self._button(self._older, "showOlderSessions"))
        bottom_row.addStretch()
        bottom_row.addWidget(self._button(self._open, "openZReport", "Enter"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(hint)
        layout.addWidget(self._error)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(bottom_row)

    # ----- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._register.count() == 1:
            BackgroundOp(self, self._services.pos.registers).success(self._show_registers).failure(
                self._registers_failed
            ).run_in_background()
        self.refresh()

    def _show_registers(self, registers: list[tuple[str, str]]) -> None:
        if self._register.count() > 1:
            return
        self._register.blockSignals(True)
        for code, name in registers:
            self._register.addItem(f"{code} · {name}", code)
        self._register.blockSignals(False)

    def _registers_failed(self, _error: Exception) -> None:
        """Every register's sessions still show; only the choice of one is missing."""

    def _page(self, offset: int) -> partial[list[SessionSummary]]:
        return partial(
            self._services.sales_reports.till_sessions,
            self._actor,
            register=self._register.currentData(),
            limit=PAGE_SIZE + 1,  # one more tells whether there are older ones
            offset=offset,
        )

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._reload.setEnabled(False)
        BackgroundOp(self, self._page(0)).success(self._show_sessions).failure(self._load_failed).run_in_background()

    def show_older(self) -> None:
        if self._loading or not self._has_more:
            return
        self._loading = True
        self._older.setEnabled(False)
        load = self._page(self.model.rowCount())
        BackgroundOp(self, load).success(self._show_older).failure(self._load_failed).run_in_background()

    def _show_sessions(self, sessions: list[SessionSummary]) -> None:
        self._loading = False
        self._reload.setEnabled(True)
        self._error.hide()
        self.model.set_rows(sessions[:PAGE_SIZE])
        self._after_load(len(sessions) > PAGE_SIZE)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _show_older(self, sessions: list[SessionSummary]) -> None:
        self._loading = False
        self.model.append_rows(sessions[:PAGE_SIZE])
        self._after_load(len(sessions) > PAGE_SIZE)

    def _after_load(self, has_more: bool) -> None:
        self._has_more = has_more
        self._older.setEnabled(has_more)
        shown = self.model.rowCount()
        if shown == 0:
            self._count.setText(self.tr("No till session yet."))
        elif shown == 1:
            self._count.setText(self.tr("1 session"))
        else:
            self._count.setText(self.tr("{count} sessions").format(count=shown))
        self._selection_changed()
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self._reload.setEnabled(True)
        self._older.setEnabled(self._has_more)
        self._error.setText(self.tr("Could not read the till sessions. {reason}").format(reason=plain_message(error)))
        self._error.show()

    def _selection_changed(self) -> None:
        self._open.setEnabled(bool(self.table.selectionModel().selectedRows()))

    # ----- opening a report -------------------------------------------------------------------

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_session(rows[0].row())

    def open_session(self, row: int) -> None:
        session = self.model.row(row)
        load = partial(self._services.pos.z_report, self._actor, session.id)
        BackgroundOp(self, load).success(self._show_report).failure(self._report_failed).run_in_background()

    def _show_report(self, report: TillReport) -> None:
        dialog = ReportDialog(self._services, report, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.report_opened.emit(dialog)

    def _report_failed(self, error: Exception) -> None:
        self._error.setText(self.tr("Could not open the report. {reason}").format(reason=plain_message(error)))
        self._error.show()
