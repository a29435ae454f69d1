"""The journal page: verify the sales journal, close months and years, export a period's archive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.journal_closings import PeriodKind
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.journal import VerifyResult
from pos_app.services.journal_archive import verify_archive
from pos_app.services.journal_closings import Closing
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.journal.close_dialog import ClosePeriodDialog
from pos_app.ui.journal.closings_model import ClosingColumn, ClosingsTableModel, period_name
from pos_app.ui.journal.verdicts import ArchiveOutcome, archive_verdict, journal_details, journal_verdict
from pos_app.ui.reports.period_fields import PeriodFields, Preset
from pos_app.ui.till.amounts import moment_text
from pos_app.ui.widgets.labels import error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "Journal")
PENDING_STYLE = "background: #ececea; color: #4a4a4a; border-radius: 6px; padding: 10px 12px; font-size: 15px;"
INTACT_STYLE = (
    "background: #d7f0dc; color: #1a5e2a; border-radius: 6px; padding: 10px 12px; font-size: 15px; font-weight: 600;"
)
BROKEN_STYLE = (
    "background: #f9d3cf; color: #8a1c12; border-radius: 6px; padding: 10px 12px; font-size: 15px; font-weight: 600;"
)
CAPTION_STYLE = "color: #6b6b6b;"
NOTICE_STYLE = "color: #1a5e2a;"
ARCHIVE_PRESETS = (Preset.LAST_MONTH, Preset.LAST_YEAR, Preset.LAST_WEEK, Preset.CHOSEN)


@dataclass(frozen=True)
class ClosingsState:
    closings: list[Closing]
    currency: str


def load_closings(services: Services) -> ClosingsState:
    """Runs on the worker."""
    return ClosingsState(services.journal_closings.closings(), services.settings.current().currency.code)


def export_and_check(services: Services, actor: Actor, first: date, last: date, path: Path) -> ArchiveOutcome:
    """Runs on the worker: write the archive, then check it again from the file alone, as a reader years later would."""
    summary = services.journal_archives.export_archive(actor, first, last, path)
    return ArchiveOutcome(summary, verify_archive(summary.path))


class JournalPage(QWidget):
    """Loads the closings when shown. `verified`, `closings_loaded` and `archived` fire once their result is on
    screen, for whoever waits for them."""

    verified = Signal()
    closings_loaded = Signal()
    archived = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalPage")
        self._services = services
        self._actor = actor
        self._today = services.clock().astimezone().date()
        self.closings = ClosingsTableModel(self)
        self.last_result: VerifyResult | None = None
        self.last_archive: ArchiveOutcome | None = None

        self._verdict = QLabel(
            self.tr(
                "Not checked yet. Verify the journal to know that no sale, refund or closing was changed, removed "
                "or slipped in since it was written."
            ),
            objectName="journalVerdict",
        )
        self._verdict.setWordWrap(True)
        self._verdict.setStyleSheet(PENDING_STYLE)
        self._verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details = QLabel(objectName="journalDetails")
        self._details.setWordWrap(True)
        self._details.setStyleSheet(CAPTION_STYLE)
        self._details.hide()
        self._closings_notice = QLabel(objectName="closingsNotice")
        self._closings_notice.setStyleSheet(NOTICE_STYLE)
        self._closings_notice.setWordWrap(True)
        self._closings_notice.hide()
        self._closings_error = error_label("closingsError")
        self._table = self._make_table()
        self.archive_period = PeriodFields("archivePeriod", self._today, ARCHIVE_PRESETS)
        self._archive_result = QLabel(objectName="archiveResult")
        self._archive_result.setWordWrap(True)
        self._archive_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._archive_result.hide()
        self._archive_error = error_label("archiveError")

        self._actions: dict[str, QAction] = {}
        self._buttons: dict[str, QPushButton] = {}
        self._make_actions()
        self._lay_out()

    # ----- building ---------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="closingsTable")
        table.setModel(self.closings)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ClosingColumn.CLOSED, QHeaderView.ResizeMode.Stretch)
        give_room(table)
        return table

    def _make_actions(self) -> None:
        specs = [
            ("verify", self.tr("Verify the journal"), "F5", self.verify),
            ("closeMonth", self.tr("Close a month…"), "Ctrl+M", partial(self.close_period, PeriodKind.MONTH)),
            ("closeYear", self.tr("Close a year…"), "Ctrl+Y", partial(self.close_period, PeriodKind.YEAR)),
            ("export", self.tr("Export the archive…"), "Ctrl+E", self.choose_archive_path),
        ]
        for key, text, shortcut, slot in specs:
            action = QAction(text, self, objectName=f"journal{key[0].upper()}{key[1:]}Action")
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QPushButton(f"{text}  ({shortcut})", objectName=f"journal{key[0].upper()}{key[1:]}")
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self._actions[key] = action
            self._buttons[key] = button

    def _lay_out(self) -> None:
        verify_row = QHBoxLayout()
        verify_row.addWidget(section_title(self.tr("Verification"), "verificationTitle"))
        verify_row.addStretch()
        verify_row.addWidget(self._buttons["verify"])

        closings_row = QHBoxLayout()
        closings_row.addWidget(section_title(self.tr("Monthly and yearly closings"), "closingsTitle"))
        closings_row.addStretch()
        closings_row.addWidget(self._buttons["closeMonth"])
        closings_row.addWidget(self._buttons["closeYear"])

        archive_hint = QLabel(
            self.tr(
                "A signed ZIP file of the journal entries of whole days that are over: it can be checked years "
                "later without this program or its database."
            )
        )
        archive_hint.setWordWrap(True)
        archive_hint.setStyleSheet(CAPTION_STYLE)
        archive_row = QHBoxLayout()
        archive_row.addWidget(self.archive_period)
        archive_row.addStretch()
        archive_row.addWidget(self._buttons["export"])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        layout.addLayout(verify_row)
        layout.addWidget(self._verdict)
        layout.addWidget(self._details)
        layout.addSpacing(8)
        layout.addLayout(closings_row)
        layout.addWidget(self._closings_notice)
        layout.addWidget(self._closings_error)
        layout.addWidget(self._table, stretch=1)
        layout.addSpacing(8)
        layout.addWidget(section_title(self.tr("Period archive"), "archiveTitle"))
        layout.addWidget(archive_hint)
        layout.addLayout(archive_row)
        layout.addWidget(self._archive_result)
        layout.addWidget(self._archive_error)

    # ----- closings ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load_closings()

    def load_closings(self) -> None:
        load = partial(load_closings, self._services)
        BackgroundOp(self, load).success(self._show_closings).failure(self._closings_failed).run_in_background()

    def _show_closings(self, state: ClosingsState) -> None:
        self._closings_error.hide()
        self.closings.set_closings(state.closings, state.currency)
        self.closings_loaded.emit()

    def _closings_failed(self, error: Exception) -> None:
        self._closings_error.setText(
            self.tr("Could not read the closings. {reason}").format(reason=plain_message(error))
        )
        self._closings_error.show()

    def close_period(self, kind: PeriodKind) -> None:
        dialog = ClosePeriodDialog(self._services, self._actor, kind, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._period_closed(dialog.period_label, dialog.closings))
        dialog.open()

    def _period_closed(self, period: str, closings: list[Closing]) -> None:
        registers = ", ".join(closing.register for closing in closings)
        self._closings_notice.setText(
            self.tr("{period} is closed on {registers}: its totals are sealed in the journal.").format(
                period=period_name(period), registers=registers
            )
        )
        self._closings_notice.show()
        self.load_closings()

    # ----- verification -----------------------------------------------------------------------

    def verify(self) -> None:
        self._actions["verify"].setEnabled(False)
        self._verdict.setText(self.tr("Checking every entry of the journal…"))
        self._verdict.setStyleSheet(PENDING_STYLE)
        self._details.hide()
        BackgroundOp(self, self._services.journal.verify).success(self._show_verdict).failure(
            self._verify_failed
        ).run_in_background()
        self.load_closings()

    def _show_verdict(self, result: VerifyResult) -> None:
        self._actions["verify"].setEnabled(True)
        self.last_result = result
        checked = self.tr("Checked {moment}.").format(moment=moment_text(self._services.clock()))
        self._verdict.setText(journal_verdict(result))
        self._verdict.setStyleSheet(INTACT_STYLE if result.ok else BROKEN_STYLE)
        details = journal_details(result)
        self._details.setText(f"{details}\n{checked}" if details else checked)
        self._details.show()
        self.verified.emit()

    def _verify_failed(self, error: Exception) -> None:
        self._actions["verify"].setEnabled(True)
        self._verdict.setText(self.tr("The journal could not be checked. {reason}").format(reason=plain_message(error)))
        self._verdict.setStyleSheet(BROKEN_STYLE)
        self.verified.emit()

    # ----- archive ----------------------------------------------------------------------------

    def choose_archive_path(self) -> None:
        first, last = self.archive_period.first_day, self.archive_period.last_day
        suggested = Path.home() / f"journal-{first.isoformat()}-{last.isoformat()}.zip"
        chooser = QFileDialog(
            self, self.tr("Export the journal archive"), str(suggested), self.tr("ZIP archives (*.zip)")
        )
        chooser.setObjectName("archiveChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("zip")
        # The service never overwrites an archive: it says so in plain words if the file exists.
        chooser.setOption(QFileDialog.Option.DontConfirmOverwrite)
        chooser.fileSelected.connect(self.export_archive)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def export_archive(self, path: str) -> None:
        self._actions["export"].setEnabled(False)
        self._archive_error.hide()
        self._archive_result.setStyleSheet("")
        self._archive_result.setText(self.tr("Writing the archive, then checking it…"))
        self._archive_result.show()
        export = partial(
            export_and_check,
            self._services,
            self._actor,
            self.archive_period.first_day,
            self.archive_period.last_day,
            Path(path),
        )
        BackgroundOp(self, export).success(self._archive_written).failure(self._archive_failed).run_in_background()

    def _archive_written(self, outcome: ArchiveOutcome) -> None:
        self._actions["export"].setEnabled(True)
        self.last_archive = outcome
        self._archive_result.setText(archive_verdict(outcome))
        self._archive_result.setStyleSheet(NOTICE_STYLE if outcome.check.ok else "color: #a1261b;")
        self.archived.emit()

    def _archive_failed(self, error: Exception) -> None:
        self._actions["export"].setEnabled(True)
        self._archive_result.hide()
        if isinstance(error, OSError):
            message = self.tr("Could not write the archive ({reason}). Choose another folder and export again.").format(
                reason=error.strerror or error
            )
        else:
            message = self.tr("No archive was written. {reason}").format(reason=plain_message(error))
        self._archive_error.setText(message)
        self._archive_error.show()
        self.archived.emit()
