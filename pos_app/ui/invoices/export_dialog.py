"""Exporting a period for the accountant: every PDF of the period and a summary (CSV and XLSX) in one folder,
with a progress bar, a Cancel button, and a verdict in plain words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_decimal
from PySide6.QtCore import QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.invoice_export import ExportResult
from pos_app.ui.error_text import plain_message
from pos_app.ui.invoices.export_job import ExportJob
from pos_app.ui.invoices.period_filter import Period, date_edit, day_bounds, keep_in_order, period_days
from pos_app.ui.till.amounts import money_text, ui_locale
from pos_app.ui.widgets.labels import error_label, page_title

DONE_STYLE = "color: #1a5e2a;"
STOPPED_STYLE = "color: #5c3d00;"


def count_text(count: int) -> str:
    return format_decimal(count, locale=ui_locale())


class ExportDialog(QDialog):
    """`finished_export(verdict)` fires when an export ended, whichever way. Esc while exporting cancels the
    export; the window closes once nothing runs."""

    finished_export = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        workers: int | None = None,
        currency: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export a period"))
        self.setMinimumSize(700, 400)
        self._services = services
        self._actor = actor
        self._workers = workers
        self._currency = currency
        self._job: ExportJob | None = None
        self._total = 0
        self._folder_typed = False
        self._out_dir = Path()
        self.result: ExportResult | None = None

        self._from = date_edit("exportFrom", self.tr("First day"))
        self._to = date_edit("exportTo", self.tr("Last day"))
        keep_in_order(self._from, self._to)
        today = services.clock().astimezone().date()
        last_month = period_days(Period.LAST_MONTH, today)
        assert last_month is not None
        self._from.setDate(QDate(last_month[0]))
        self._to.setDate(QDate(last_month[1]))
        self._folder = QLineEdit(str(self._default_folder()), objectName="exportFolder")
        self._choose = QPushButton(self.tr("Choose…"), objectName="chooseExportFolder")
        self._folder_error = error_label("exportFolderError")
        self._progress = QProgressBar(objectName="exportProgress")
        self._progress.hide()
        self._progress_text = QLabel(objectName="exportProgressText")
        self._progress_text.hide()
        self._verdict = QLabel(objectName="exportVerdict")
        self._verdict.setWordWrap(True)
        self._verdict.hide()
        self._error = error_label("exportError")
        self._start = QPushButton(self.tr("Export  (Enter)"), objectName="startExport")
        self._start.setDefault(True)
        self._cancel = QPushButton(self.tr("Cancel the export  (Esc)"), objectName="cancelExport")
        self._cancel.hide()
        self._open_folder = QPushButton(self.tr("Open the folder"), objectName="openExportFolder")
        self._open_folder.hide()
        self._close = QPushButton(self.tr("Close  (Esc)"), objectName="closeExport")
        self._lay_out()

        self._from.dateChanged.connect(self._dates_changed)
        self._to.dateChanged.connect(self._dates_changed)
        self._folder.textEdited.connect(self._folder_edited)
        self._choose.clicked.connect(self.choose_folder)
        self._start.clicked.connect(self.start)
        self._cancel.clicked.connect(self.cancel)
        self._open_folder.clicked.connect(self._show_folder)
        self._close.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self._from)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self._to)
        dates = QHBoxLayout()
        dates.setSpacing(8)
        dates.addWidget(self._from)
        dates.addWidget(to_label)
        dates.addWidget(self._to)
        dates.addWidget(QLabel(self.tr("(both included)")))
        dates.addStretch()
        folder_label = QLabel(self.tr("F&older"))
        folder_label.setBuddy(self._folder)
        folder = QHBoxLayout()
        folder.addWidget(self._folder, stretch=1)
        folder.addWidget(self._choose)
        form.addWidget(from_label, 0, 0)
        form.addLayout(dates, 0, 1)
        form.addWidget(folder_label, 1, 0)
        form.addLayout(folder, 1, 1)
        form.addWidget(self._folder_error, 2, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self._open_folder)
        buttons.addStretch()
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._close)
        buttons.addWidget(self._start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.tr("Export a period")))
        intro = QLabel(
            self.tr(
                "Writes the PDF of every invoice and credit note issued in the period, and a summary of them "
                "(CSV and Excel) with their totals, into the folder."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._progress)
        layout.addWidget(self._progress_text)
        layout.addWidget(self._verdict)
        layout.addWidget(self._error)
        layout.addStretch()
        layout.addLayout(buttons)

    # ----- the period and the folder ------------------------------------------------------------

    def days(self) -> tuple[date, date]:
        return self._from.date().toPython(), self._to.date().toPython()

    def set_period(self, first: date, last: date) -> None:
        self._from.setDate(QDate(first))
        self._to.setDate(QDate(last))

    def set_folder(self, folder: Path) -> None:
        self._folder.setText(str(folder))
        self._folder_typed = True

    def _default_folder(self) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        first, last = self.days()
        return Path(documents or Path.home()) / f"invoices-{first.isoformat()}-{last.isoformat()}"

    def _dates_changed(self) -> None:
        if not self._folder_typed:
            self._folder.setText(str(self._default_folder()))

    def _folder_edited(self) -> None:
        self._folder_typed = True

    def choose_folder(self) -> None:
        chooser = QFileDialog(self, self.tr("Folder for the export"), self._folder.text())
        chooser.setObjectName("exportFolderChooser")
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(lambda path: self.set_folder(Path(path)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    # ----- exporting ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        if self.running:
            return
        for label in (self._folder_error, self._error, self._verdict):
            label.hide()
        text = self._folder.text().strip()
        if not text:
            self._folder_error.setText(self.tr("Choose the folder the PDFs and the summary go into."))
            self._folder_error.show()
            self._folder.setFocus()
            return
        since, until = day_bounds(*self.days())
        self._out_dir = Path(text).expanduser()
        self._job = ExportJob(
            self._services.invoice_export, self._actor, since, until, self._out_dir, workers=self._workers
        )
        self._job.started.connect(self._started)
        self._job.advanced.connect(self._advanced)
        self._job.succeeded.connect(self._succeeded)
        self._job.stopped.connect(self._stopped)
        self._job.failed.connect(self._failed)
        self._total = 0
        self._progress.setRange(0, 0)  # busy until the period is read
        self._progress.show()
        self._progress_text.setText(self.tr("Reading the period…"))
        self._progress_text.show()
        self._set_running(True)
        self._job.start()

    def cancel(self) -> None:
        if self._job is None:
            return
        self._job.cancel()
        self._cancel.setEnabled(False)
        self._progress_text.setText(self.tr("Stopping after the PDFs being written now…"))

    def reject(self) -> None:
        """Esc or closing the window stops an export first: the window closes once it has stopped."""
        if self.running:
            self.cancel()
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        for widget in (self._from, self._to, self._folder, self._choose, self._start, self._close):
            widget.setEnabled(not running)
        self._cancel.setVisible(running)
        self._cancel.setEnabled(running)
        self._open_folder.setVisible(not running and self.result is not None)
        (self._cancel if running else self._start).setFocus()

    def _started(self, total: int) -> None:
        self._total = total
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(0)
        self._show_progress(0)

    def _advanced(self, written: int) -> None:
        self._progress.setValue(written)
        self._show_progress(written)

    def _show_progress(self, written: int) -> None:
        if self._job is not None and not self._cancel.isEnabled():
            return  # "Stopping…" stays until it has stopped
        if written >= self._total:
            self._progress_text.setText(self.tr("Writing the summary…"))
        else:
            self._progress_text.setText(
                self.tr("Writing the PDFs: {written} of {total}").format(
                    written=count_text(written), total=count_text(self._total)
                )
            )

    def _succeeded(self, result: ExportResult) -> None:
        self.result = result
        if result.documents:
            verdict = self.tr(
                "{count} invoices and credit notes written to {folder}, with the summary {csv} and {xlsx}. "
                "Total incl. VAT: {gross}."
            ).format(
                count=count_text(result.documents),
                folder=self._out_dir,
                csv=result.csv.name,
                xlsx=result.xlsx.name,
                gross=self._amount(result.gross),
            )
        else:
            verdict = self.tr(
                "No invoice or credit note was issued in that period. The summary {csv} and {xlsx}, empty, "
                "is in {folder}."
            ).format(csv=result.csv.name, xlsx=result.xlsx.name, folder=self._out_dir)
        self._finish(verdict, DONE_STYLE)

    def _amount(self, amount: Decimal) -> str:
        if self._currency:
            return money_text(amount, self._currency)
        return format_decimal(amount, format="#,##0.00", locale=ui_locale())

    def _stopped(self, written: int) -> None:
        verdict = self.tr(
            "Export stopped: {written} of {total} PDFs were written to {folder}, and no summary. "
            "Export the period again to have all of it."
        ).format(written=count_text(written), total=count_text(self._total), folder=self._out_dir)
        self._finish(verdict, STOPPED_STYLE)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            message = self.tr("Could not write into {folder} ({reason}). Choose another folder and export again.")
            text = message.format(folder=self._out_dir, reason=error.strerror or error)
        else:
            text = self.tr("The export did not finish. {reason}").format(reason=plain_message(error))
        self._job = None
        self._set_running(False)
        self._progress.hide()
        self._progress_text.hide()
        self._error.setText(text)
        self._error.show()
        self.finished_export.emit(text)

    def _finish(self, verdict: str, style: str) -> None:
        self._job = None
        self._set_running(False)
        self._progress_text.hide()
        self._verdict.setStyleSheet(style)
        self._verdict.setText(verdict)
        self._verdict.show()
        self.finished_export.emit(verdict)

    def _show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._out_dir)))
