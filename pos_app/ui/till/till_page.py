"""The till page: the state of this machine's register and what a cashier does with its till."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Currency
from pos_app.domain.roles import Actor
from pos_app.errors import TillClosed
from pos_app.services import Services
from pos_app.services.pos import TillReport, TillSession
from pos_app.till.pdf import CountedPiece
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.refunds.refund_dialog import RefundDialog
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.till.close_dialog import CloseTillDialog
from pos_app.ui.till.report_dialog import ReportDialog
from pos_app.ui.till.sessions_model import SessionColumn, SessionsTableModel
from pos_app.ui.till.small_dialogs import CashMovementDialog, DrawerDialog, OpenTillDialog, remembered_register
from pos_app.ui.widgets.labels import error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room

OPEN_STYLE = "background: #d7f0dc; color: #1a5e2a; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
CLOSED_STYLE = "background: #ececea; color: #4a4a4a; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
NOTICE_STYLE = "color: #1a5e2a;"
FIGURE_STYLE = "font-size: 16px; font-weight: 600;"
CAPTION_STYLE = "color: #6b6b6b;"
SESSIONS_SHOWN = 50


@dataclass(frozen=True)
class TillState:
    registers: tuple[tuple[str, str], ...]  # (code, name)
    register: str | None  # this machine's register
    report: TillReport | None  # the X report while its till is open
    sessions: tuple[TillSession, ...]
    currency: Currency


def load_till(services: Services, actor: Actor, register: str | None) -> TillState:
    """Runs on the worker. The register is the one this machine remembers, else the first one."""
    registers = tuple(services.pos.registers())
    codes = [code for code, _ in registers]
    chosen = register if register in codes else (codes[0] if codes else None)
    report = None
    sessions: list[TillSession] = []
    if chosen is not None:
        try:
            report = services.pos.x_report(actor, chosen)
        except TillClosed:
            report = None
        sessions = services.pos.sessions(actor, chosen, limit=SESSIONS_SHOWN)
    return TillState(registers, chosen, report, tuple(sessions), services.settings.current().currency)


def machine_settings() -> QSettings:
    """Where this machine keeps what it remembers for the counter (its register)."""
    return QSettings()


class TillPage(QWidget):
    """Loads when first shown; F5 reloads. `loaded` fires each time the state is on screen, `till_changed`
    after this page opened or closed the till."""

    loaded = Signal()
    till_changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tillPage")
        self._services = services
        self._actor = actor
        self._settings = settings if settings is not None else machine_settings()
        self._shown_once = False
        self._loading = False
        self.state: TillState | None = None
        self._sessions = SessionsTableModel(self)

        self._register = QLabel(objectName="tillRegister")
        self._status_pill = QLabel(objectName="tillState")
        self._since = self._figure("tillSince")
        self._float = self._figure("tillFloat")
        self._sales = self._figure("tillSales")
        self._sales_caption = QLabel(self.tr("Sales so far"))
        self._expected = self._figure("tillExpected")
        self._expected_caption = QLabel(self.tr("Cash expected in the drawer"))
        self._closed_hint = QLabel(objectName="tillClosedHint")
        self._closed_hint.setWordWrap(True)
        self._notice = QLabel(objectName="tillNotice")
        self._notice.setStyleSheet(NOTICE_STYLE)
        self._notice.setWordWrap(True)
        self._notice.hide()
        self._error = error_label("tillError")
        self._table = self._make_table()

        self._buttons: dict[str, QPushButton] = {}
        self._actions: dict[str, QAction] = {}
        self._make_actions()
        self._lay_out()

    # ----- building ---------------------------------------------------------------------------

    def _figure(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setStyleSheet(FIGURE_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="sessionsTable")
        table.setModel(self._sessions)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SessionColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionColumn.REGISTER, QHeaderView.ResizeMode.ResizeToContents)
        give_room(table)
        table.activated.connect(lambda index: self.show_session_report(index.row()))
        return table

    def _make_actions(self) -> None:
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("open", self.tr("Open the till…"), "F2", self.open_till),
            ("cashIn", self.tr("Cash in…"), "F3", partial(self.move_cash, taking_out=False)),
            ("cashOut", self.tr("Cash out…"), "F4", partial(self.move_cash, taking_out=True)),
            ("xReport", self.tr("X report"), "F6", self.show_x_report),
            ("close", self.tr("Close the till…"), "F7", self.close_till),
            ("drawer", self.tr("Open the drawer…"), "F8", self.open_drawer),
            ("refund", self.tr("Refund…"), "F9", self.refund),
            ("reload", self.tr("Reload"), "F5", self.refresh),
            ("pastReport", self.tr("Show its report"), "", self._show_selected_report),
        ]
        for key, text, shortcut, slot in specs:
            action = QAction(text, self, objectName=f"till{key[0].upper()}{key[1:]}Action")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # only while the page is shown
                self.addAction(action)
            action.triggered.connect(slot)
            self._actions[key] = action
            button = QPushButton(
                f"{text}  ({shortcut})" if shortcut else text, objectName=f"till{key[0].upper()}{key[1:]}"
            )
            button.setMinimumHeight(button.sizeHint().height() + 14)
            button.clicked.connect(action.trigger)
            self._buttons[key] = button

    def _lay_out(self) -> None:
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(self.tr("Till")))
        title_row.addWidget(self._register)
        title_row.addWidget(self._status_pill)
        title_row.addStretch()
        title_row.addWidget(self._buttons["reload"])

        figures = QGridLayout()
        figures.setHorizontalSpacing(40)
        figures.setVerticalSpacing(2)
        for column, (caption, value) in enumerate(
            [
                (QLabel(self.tr("Open since")), self._since),
                (QLabel(self.tr("Opening float")), self._float),
                (self._sales_caption, self._sales),
                (self._expected_caption, self._expected),
            ]
        ):
            caption.setStyleSheet(CAPTION_STYLE)
            figures.addWidget(caption, 0, column)
            figures.addWidget(value, 1, column)
        figures.setColumnStretch(4, 1)
        self._figures = QWidget(objectName="tillFigures")
        self._figures.setLayout(figures)

        actions = QGridLayout()
        actions.setSpacing(10)
        for index, key in enumerate(["open", "cashIn", "cashOut", "xReport", "close", "drawer", "refund"]):
            actions.addWidget(self._buttons[key], index // 4, index % 4)

        past_row = QHBoxLayout()
        past_row.addWidget(section_title(self.tr("Past sessions"), "pastSessionsTitle"))
        past_row.addStretch()
        past_row.addWidget(self._buttons["pastReport"])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addLayout(title_row)
        layout.addWidget(self._figures)
        layout.addWidget(self._closed_hint)
        layout.addLayout(actions)
        layout.addWidget(self._notice)
        layout.addWidget(self._error)
        layout.addSpacing(8)
        layout.addLayout(past_row)
        layout.addWidget(self._table, stretch=1)
        self._show_state()

    # ----- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    @property
    def register(self) -> str | None:
        return self.state.register if self.state else None

    @property
    def is_open(self) -> bool:
        return self.state is not None and self.state.report is not None

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._actions["reload"].setEnabled(False)
        load = partial(load_till, self._services, self._actor, remembered_register(self._settings))
        BackgroundOp(self, load).success(self._loaded).failure(self._load_failed).run_in_background()

    def _loaded(self, state: TillState) -> None:
        self._loading = False
        self._actions["reload"].setEnabled(True)
        self._error.hide()
        self.state = state
        self._sessions.set_sessions(state.sessions, state.currency.code)
        self._show_state()
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self._actions["reload"].setEnabled(True)
        self._show_error(self.tr("Could not read the till. {reason}").format(reason=plain_message(error)))

    def _show_state(self) -> None:
        state = self.state
        report = state.report if state else None
        if state is None or state.register is None:
            self._register.setText("")
        else:
            names = dict(state.registers)
            self._register.setText(f"{state.register} · {names.get(state.register, '')}")
        self._status_pill.setText(self.tr("Open") if report else self.tr("Closed"))
        self._status_pill.setStyleSheet(OPEN_STYLE if report else CLOSED_STYLE)
        self._figures.setVisible(report is not None)
        self._closed_hint.setVisible(report is None)
        if state is None:
            self._closed_hint.setText(self.tr("Reading the till…"))
        elif state.register is None:
            self._closed_hint.setText(self.tr("This shop has no register yet: an admin adds one in the settings."))
        else:
            self._closed_hint.setText(
                self.tr("The till is closed. Count the drawer and open it with that float before the first sale.")
            )
        if report is not None:
            opened = moment_text(report.opened_at)
            self._since.setText(
                self.tr("%1 by %2").replace("%1", opened).replace("%2", report.opened_by)
                if report.opened_by
                else opened
            )
            self._float.setText(money_text(report.opening_float, report.currency))
            blind = report.expected_cash is None  # the service hides the cash figures from this cashier
            self._sales.setText(
                self.tr("{count} · {total}").format(
                    count=report.sales_count, total=money_text(report.sales_total, report.currency)
                )
            )
            if report.expected_cash is not None:
                self._expected.setText(money_text(report.expected_cash, report.currency))
            for widget in (self._sales, self._sales_caption, self._expected, self._expected_caption):
                widget.setVisible(not blind)
        ready = state is not None and state.register is not None
        for key in ("cashIn", "cashOut", "xReport", "close", "drawer"):
            self._enable(key, ready and report is not None)
        self._enable("open", ready and report is None)
        self._enable("refund", ready and report is not None)
        self._enable("pastReport", self._sessions.rowCount() > 0)

    def _enable(self, key: str, enabled: bool) -> None:
        self._actions[key].setEnabled(enabled)
        self._buttons[key].setEnabled(enabled)

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def _notify(self, message: str) -> None:
        self._error.hide()
        self._notice.setText(message)
        self._notice.show()

    # ----- actions: each dialog opens without blocking and tells when it is done ---------------

    def _open_dialog(self, dialog: QDialog, done: Callable[[], None] | None = None) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if done is not None:
            dialog.accepted.connect(done)
        dialog.open()

    def open_till(self) -> None:
        state = self.state
        if state is None or state.register is None or state.report is not None:
            return
        dialog = OpenTillDialog(self._services, self._actor, state.registers, state.currency, self._settings, self)
        self._open_dialog(dialog, lambda: self._till_opened(dialog.session, state.currency))

    def _till_opened(self, session: TillSession | None, cur: Currency) -> None:
        if session is None:
            return
        self._notify(
            self.tr("The till of {register} is open with {amount}.").format(
                register=session.register, amount=money_text(session.opening_float, cur.code)
            )
        )
        self.refresh()
        self.till_changed.emit()

    def move_cash(self, *, taking_out: bool) -> None:
        if not self.is_open or self.state is None or self.register is None:
            return
        dialog = CashMovementDialog(
            self._services, self._actor, self.register, self.state.currency, taking_out=taking_out, parent=self
        )
        self._open_dialog(dialog, lambda: self._cash_moved(dialog.done_text()))

    def _cash_moved(self, text: str) -> None:
        self._notify(text)
        self.refresh()

    def show_x_report(self) -> None:
        if not self.is_open or self.register is None:
            return
        load = partial(self._services.pos.x_report, self._actor, self.register)
        BackgroundOp(self, load).success(self._show_report).failure(self._action_failed).run_in_background()

    def close_till(self) -> None:
        if not self.is_open or self.register is None:
            return
        # The expected cash is read again now: sales may have gone through since the page loaded.
        load = partial(self._services.pos.x_report, self._actor, self.register)
        BackgroundOp(self, load).success(self._count_and_close).failure(self._action_failed).run_in_background()

    def _count_and_close(self, report: TillReport) -> None:
        assert self.register is not None
        dialog = CloseTillDialog(self._services, self._actor, self.register, report, self)
        register = self.register
        self._open_dialog(dialog, lambda: self._till_closed(register, dialog.report, dialog.counted))

    def _till_closed(self, register: str, report: TillReport | None, counted: tuple[CountedPiece, ...]) -> None:
        if report is None:
            return
        self._notify(self.tr("The till of {register} is closed.").format(register=register))
        self.refresh()
        self.till_changed.emit()
        self._open_dialog(ReportDialog(self._services, report, counted, self))

    def open_drawer(self) -> None:
        if not self.is_open or self.register is None:
            return
        dialog = DrawerDialog(self._services, self._actor, self.register, self)
        self._open_dialog(dialog, lambda: self._drawer_opened(dialog.problem))

    def _drawer_opened(self, problem: str | None) -> None:
        if problem:
            self._show_error(
                self.tr("The opening is recorded, but the drawer did not open: {reason}").format(reason=problem)
            )
        else:
            self._notify(self.tr("The drawer is open."))

    def refund(self) -> None:
        if self.register is None:
            return
        dialog = RefundDialog(self._services, self._actor, self.register, self)
        dialog.refunded.connect(self.refresh)
        self._open_dialog(dialog)

    def show_session_report(self, row: int) -> None:
        if not 0 <= row < self._sessions.rowCount():
            return
        session = self._sessions.session_at(row)
        load = partial(self._services.pos.z_report, self._actor, session.id)
        BackgroundOp(self, load).success(self._show_report).failure(self._action_failed).run_in_background()

    def _show_selected_report(self) -> None:
        rows = self._table.selectionModel().selectedRows()
        self.show_session_report(rows[0].row() if rows else 0)

    def _show_report(self, report: TillReport) -> None:
        self._open_dialog(ReportDialog(self._services, report, parent=self))

    def _action_failed(self, error: Exception) -> None:
        self._show_error(plain_message(error))
        if isinstance(error, TillClosed):
            self.refresh()
