"""The movement history: every stock movement, newest first, filtered by SKU, kind, user and period, and the
filtered movements exported as CSV."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.stock import MovementKind
from pos_app.errors import NotFound
from pos_app.services import Services
from pos_app.services.movement_history import COUNT_CAP, MovementFilter
from pos_app.ui.background import BackgroundOp
from pos_app.ui.stock.history_model import HistoryColumn, MovementTableModel, kind_name
from pos_app.ui.widgets.field_errors import FieldErrors
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "History")
LOADING = QT_TRANSLATE_NOOP("HistoryPage", "Loading…")
FILTER_DELAY_MS = 300
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "Any"
COLUMN_WIDTHS = {
    HistoryColumn.TIME: 135,
    HistoryColumn.SKU: 145,
    HistoryColumn.VARIANT: 95,
    HistoryColumn.KIND: 85,
    HistoryColumn.QUANTITY: 64,
    HistoryColumn.BEFORE: 58,
    HistoryColumn.AFTER: 52,
    HistoryColumn.REFERENCE: 95,
    HistoryColumn.USER: 60,
}
STRETCHED = (HistoryColumn.PRODUCT, HistoryColumn.REASON)


def count_text(count: int) -> str:
    if count >= COUNT_CAP:
        return QCoreApplication.translate("HistoryPage", "More than {count} movements").format(count=f"{COUNT_CAP:,}")
    if count == 1:
        return QCoreApplication.translate("HistoryPage", "1 movement")
    return QCoreApplication.translate("HistoryPage", "{count} movements").format(count=f"{count:,}")


def start_of(day: date) -> datetime:
    """Midnight at the start of `day` on this computer's clock, as an aware time."""
    return datetime.combine(day, time()).astimezone()


class ExportProgress(QObject):
    """Lives on the GUI thread: the export's worker reports through it, and reads whether to stop."""

    advanced = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = threading.Event()


class HistoryPage(QWidget):
    """Loads when first shown, and again when shown after the stock moved (`reload_when_shown`). The view
    reads the next page of movements as it scrolls to the end. `loaded` fires once rows and count are shown."""

    loaded = Signal()
    exported = Signal(object)  # the Path written, or None when the export was stopped

    def __init__(self, services: Services, parent: QWidget | None = None, *, filter_delay_ms: int = FILTER_DELAY_MS):
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._services = services
        self._shown_once = False
        self._stale = False
        self._exporting: ExportProgress | None = None
        self._model = MovementTableModel(services.movement_history, self)
        self._typing = QTimer(self, singleShot=True, interval=filter_delay_ms)
        self._typing.timeout.connect(self.apply_filter)

        self._sku = QLineEdit(objectName="historySku")
        self._sku.setPlaceholderText(self.tr("Any SKU"))
        self._sku.setClearButtonEnabled(True)
        self._kind = QComboBox(objectName="historyKind")
        self._kind.addItem(self.tr("All kinds"), None)
        for kind in MovementKind:
            self._kind.addItem(kind_name(kind), kind)
        self._user = QComboBox(objectName="historyUser")
        self._user.addItem(self.tr("Everyone"), None)
        self._since = self._date_edit("historySince")
        self._until = self._date_edit("historyUntil")
        self._count = QLabel(objectName="historyCount")
        self._error = error_label("historyError")
        self._errors = FieldErrors(self._error)
        self._refresh = QAction(self.tr("Refresh"), self, objectName="historyRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setToolTip(self.tr("Read the history again (F5)"))
        self._export = QPushButton(self.tr("&Export CSV…  (Ctrl+E)"), objectName="historyExport")
        self._progress = QProgressBar(objectName="historyExportProgress")
        self._progress.hide()
        self._stop = QPushButton(self.tr("Stop the export"), objectName="historyExportStop")
        self._stop.hide()
        self._export_status = QLabel(objectName="historyExportStatus")
        self._export_status.hide()
        self._table = self._make_table()

        self._lay_out()
        self._connect()

    @property
    def model(self) -> MovementTableModel:
        return self._model

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(NO_DATE)
        return edit

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="historyTable")
        table.setModel(self._model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for column in STRETCHED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        give_room(table)
        return table

    def _lay_out(self) -> None:
        refresh_button = QToolButton(objectName="historyRefresh")
        refresh_button.setDefaultAction(self._refresh)
        refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(self._count)
        title_row.addWidget(refresh_button)
        title_row.addWidget(self._export)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.setVerticalSpacing(2)
        for position, (text, widget, key) in enumerate(
            (
                (self.tr("&SKU"), self._sku, "sku"),
                (self.tr("&Kind"), self._kind, "kind"),
                (self.tr("&User"), self._user, "user"),
                (self.tr("&From"), self._since, "since"),
                (self.tr("&To"), self._until, "until"),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            if position:
                label.setContentsMargins(10, 0, 0, 0)
            label.setFixedWidth(label.sizeHint().width() + 3)  # "To" is measured kerned and drawn wider
            filters.addWidget(label, 0, 2 * position)
            filters.addWidget(self._errors.place(key, widget, f"history{key.capitalize()}Error"), 0, 2 * position + 1)
            filters.setColumnStretch(2 * position + 1, 3 if key == "sku" else 2)

        export_row = QHBoxLayout()
        export_row.addWidget(self._export_status, stretch=1)
        export_row.addWidget(self._progress, stretch=2)
        export_row.addWidget(self._stop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(filters)
        layout.addLayout(export_row)
        layout.addWidget(self._error)
        layout.addWidget(self._table, stretch=1)
        self.setTabOrder(self._sku, self._kind)
        self.setTabOrder(self._kind, self._user)
        self.setTabOrder(self._user, self._since)
        self.setTabOrder(self._since, self._until)
        self.setTabOrder(self._until, self._table)

    def _connect(self) -> None:
        self.addAction(self._refresh)
        self._refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._refresh.triggered.connect(self.refresh)
        export = QAction(self, objectName="historyExportAction")
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export.triggered.connect(self._export.click)
        self.addAction(export)
        self._export.clicked.connect(self.choose_export_path)
        self._stop.clicked.connect(self.stop_export)
        self._sku.textChanged.connect(self._typing.start)
        self._sku.returnPressed.connect(self.apply_filter)
        for combo in (self._kind, self._user):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self._since, self._until):
            edit.dateChanged.connect(self._typing.start)
        self._model.loaded.connect(self._rows_arrived)
        self._model.failed.connect(self._show_error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            users = BackgroundOp(self, self._services.movement_history.users).success(self._show_users)
            users.failure(lambda _error: None).run_in_background()
            self.refresh()
        elif self._stale:
            self.refresh()

    def reload_when_shown(self) -> None:
        """The stock moved elsewhere: read again now if on screen, else the next time the page is shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _show_users(self, usernames: list[str]) -> None:
        for username in usernames:
            self._user.addItem(username, username)

    # ----- filters ------------------------------------------------------------------------------

    def show_sku(self, sku: str) -> None:
        """Show the movements of one SKU (from the stock page), every kind, user and time."""
        self._sku.setText(sku)
        self._kind.setCurrentIndex(0)
        self._user.setCurrentIndex(0)
        self._since.setDate(NO_DATE)
        self._until.setDate(NO_DATE)
        self.apply_filter()

    def set_user(self, username: str | None) -> None:
        index = self._user.findData(username)
        if index < 0:
            self._user.addItem(username, username)
            index = self._user.count() - 1
        self._user.setCurrentIndex(index)

    def current_filter(self) -> MovementFilter:
        since, until = self._since.date(), self._until.date()
        kind = self._kind.currentData()
        return MovementFilter(
            sku=self._sku.text().strip() or None,
            kind=MovementKind(kind) if kind else None,
            user=self._user.currentData(),
            since=None if since == NO_DATE else start_of(since.toPython()),
            until=None if until == NO_DATE else start_of(until.toPython() + timedelta(days=1)),
        )

    def apply_filter(self) -> None:
        self._typing.stop()
        wanted = self.current_filter()
        if wanted != self._model.query or not self._shown_once:
            self._count.setText(self.tr(LOADING))
            self._model.set_query(wanted)

    def refresh(self) -> None:
        self._stale = False
        self._count.setText(self.tr(LOADING))
        self._model.set_query(self.current_filter())

    def _rows_arrived(self) -> None:
        self._errors.clear()
        if self._model.complete:
            self._show_count(self._model.rowCount())
            return
        count = partial(self._services.movement_history.count, self._model.query)
        BackgroundOp(self, count).success(self._show_count).failure(self._show_error).run_in_background()

    def _show_count(self, count: int) -> None:
        self._count.setText(count_text(count))
        self.loaded.emit()

    def _show_error(self, error: Exception) -> None:
        self._count.setText("")
        self._model.clear()
        if isinstance(error, NotFound) and self._model.query.sku:
            self._errors.show_message("sku", str(error))
        else:
            self._errors.show(error)
        self.loaded.emit()

    # ----- export -------------------------------------------------------------------------------

    def choose_export_path(self) -> None:
        if self._exporting is not None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chooser = QFileDialog(
            self,
            self.tr("Export the movements as CSV"),
            str(Path(folder) / "stock-movements.csv"),
            self.tr("CSV files (*.csv)"),
        )
        chooser.setObjectName("historyExportChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.fileSelected.connect(lambda path: self.export(Path(path)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def export(self, path: Path) -> None:
        """Write the movements the filters show to `path`, in the background, with a progress bar."""
        if self._exporting is not None:
            return
        wanted = self.current_filter()
        progress = self._exporting = ExportProgress(self)
        progress.advanced.connect(self._advanced)
        self._export.setEnabled(False)
        self._progress.setRange(0, 0)
        self._progress.show()
        self._stop.show()
        self._export_status.setText(self.tr("Exporting…"))
        self._export_status.show()
        history = self._services.movement_history
        count = partial(history.count, wanted)
        BackgroundOp(self, count).success(self._total_known).failure(lambda _error: None).run_in_background()
        job = partial(history.export_csv, wanted, path, progress=progress.advanced.emit, cancelled=progress.stop.is_set)
        BackgroundOp(self, job).success(partial(self._export_done, path)).failure(
            self._export_failed
        ).run_in_background()

    def _total_known(self, count: int) -> None:
        if self._exporting is not None and count < COUNT_CAP:
            self._progress.setRange(0, max(count, 1))

    def _advanced(self, written: int) -> None:
        if self._progress.maximum():
            self._progress.setValue(min(written, self._progress.maximum()))
        self._export_status.setText(self.tr("Exporting… {count} movements written").format(count=f"{written:,}"))

    def stop_export(self) -> None:
        if self._exporting is not None:
            self._exporting.stop.set()
            self._export_status.setText(self.tr("Stopping…"))

    def _export_done(self, path: Path, written: int | None) -> None:
        self._end_export()
        if written is None:
            self._export_status.setText(self.tr("Export stopped: no file was written."))
            self.exported.emit(None)
            return
        self._export_status.setText(
            self.tr("Exported {count} movements to {path}").format(count=f"{written:,}", path=path)
        )
        self.exported.emit(path)

    def _export_failed(self, error: Exception) -> None:
        self._end_export()
        self._export_status.hide()
        if isinstance(error, OSError):
            message = self.tr("Could not write the file ({reason}). Choose another folder and export again.").format(
                reason=error.strerror or error
            )
            self._error.setText(message)
            self._error.show()
        else:
            self._errors.show(error)
        self.exported.emit(None)

    def _end_export(self) -> None:
        if self._exporting is not None:
            self._exporting.deleteLater()
        self._exporting = None
        self._export.setEnabled(True)
        self._progress.hide()
        self._stop.hide()
