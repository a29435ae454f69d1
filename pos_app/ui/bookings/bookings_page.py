"""The bookings page: a day or a week of slots with their bookings, the slots created and withdrawn, bookings
cancelled with a refund, and the bookings to follow up (refunded because the seat was gone, emails not sent)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.bookings import BookingStatus, Channel
from pos_app.domain.roles import Actor, Permission
from pos_app.services import Services
from pos_app.services.bookings import Booking, Slot, SlotSchedule, WeeklySlots
from pos_app.ui.background import BackgroundOp
from pos_app.ui.bookings.agenda_model import AgendaColumn, AgendaModel, AgendaRow, RowKind, agenda_rows
from pos_app.ui.bookings.booking_texts import booking_label, day_text, week_text, when_text
from pos_app.ui.bookings.cancel_dialog import CancelBookingDialog
from pos_app.ui.bookings.follow_up_model import FollowUp, FollowUpColumn, FollowUpModel, follow_ups
from pos_app.ui.bookings.slot_dialogs import NewSlotDialog, SlotTerms, WeeklySlotsDialog
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import badge, error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "Bookings")
LOADING = QT_TRANSLATE_NOOP("BookingsPage", "Loading…")
NOTICE_STYLE = "color: #1b4d2b;"
HINT_STYLE = "color: #6b6b6b;"
TOGGLE_STYLE = (
    "QPushButton { padding: 5px 16px; border: 1px solid #b9bec7; border-radius: 4px; background: #fafafa; }"
    "QPushButton:checked { background: #dde6f3; border-color: #3d6fb4; color: #1b2a3d; }"
    "QPushButton:focus { border-color: #3d6fb4; }"
)
AGENDA_STYLE = "QTreeView::item { padding: 3px 0; }"
# The slot's title and the seats or email share what is left; the other columns keep these widths.
AGENDA_WIDTHS = {
    AgendaColumn.WHEN: 130,
    AgendaColumn.NUMBER: 135,
    AgendaColumn.STATUS: 180,
    AgendaColumn.CHANNEL: 125,
}
FOLLOW_UP_WIDTHS = {FollowUpColumn.BOOKING: 210, FollowUpColumn.SLOT: 300, FollowUpColumn.EMAIL: 220}


class View(Enum):
    DAY = "day"
    WEEK = "week"


@dataclass(frozen=True)
class BookingsSnapshot:
    view: View
    day: date
    schedule: tuple[SlotSchedule, ...]
    follow_ups: tuple[FollowUp, ...]
    terms: SlotTerms


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def load_bookings(services: Services, view: View, day: date) -> BookingsSnapshot:
    """Runs on the worker: the schedule shown, what to follow up, and what a new slot may cost."""
    bookings = services.bookings
    schedule = bookings.week(day) if view is View.WEEK else bookings.day(day)
    shop = services.settings.current()
    to_follow = follow_ups(bookings.seat_gone_refunds(), bookings.unsent_emails())
    return BookingsSnapshot(view, day, tuple(schedule), to_follow, SlotTerms(shop.currency, shop.vat_rates))


def may_manage_bookings(actor: Actor) -> bool:
    """Stock managers and admins keep the slots; cashiers sell seats from the counter."""
    return actor.can(Permission.MANAGE_CATALOGUE)


def cancel_refusal(actor: Actor, booking: Booking) -> str | None:
    """Why `actor` cannot cancel `booking` from this page, or None when they can."""
    if booking.status is not BookingStatus.CONFIRMED:
        return QCoreApplication.translate("BookingsPage", "Only a confirmed booking can be cancelled.")
    if booking.channel == Channel.COUNTER.value and not actor.can(Permission.SELL):
        return QCoreApplication.translate(
            "BookingsPage", "Sold at the counter: a cashier cancels it at the till, where the money goes back."
        )
    return None


class BookingsPage(QWidget):
    """Loads when first shown, again on F5, after each change made here, and every `refresh_ms` while shown
    (online bookings arrive by themselves). `loaded` fires each time fresh rows are on screen."""

    loaded = Signal()

    def __init__(
        self, services: Services, actor: Actor, parent: QWidget | None = None, *, refresh_ms: int = 30_000
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingsPage")
        self._services = services
        self._actor = actor
        self._view = View.DAY
        self._day = self._today()
        self._generation = 0
        self._shown_once = False
        self._terms: SlotTerms | None = None
        self.agenda = AgendaModel(self)
        self.follow_up = FollowUpModel(self)
        self._refresh_timer = QTimer(self, interval=refresh_ms)
        self._refresh_timer.timeout.connect(self.refresh)

        self._period = QLabel(objectName="bookingsPeriod")
        font = self._period.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self._period.setFont(font)
        self._follow_badge = badge("followUpBadge", alert=True)
        self._follow_badge.setToolTip(
            self.tr("Bookings refunded because the seat was gone, and emails that could not be sent")
        )
        self._follow_badge.hide()
        self._notice = QLabel(objectName="bookingsNotice")
        self._notice.setStyleSheet(NOTICE_STYLE)
        self._notice.setWordWrap(True)
        self._notice.hide()
        self._error = error_label("bookingsError")
        self._empty = QLabel(objectName="agendaEmpty")
        self._empty.setStyleSheet(HINT_STYLE)
        self._empty.hide()
        self.tree = self._make_tree()
        self.follow_table = self._make_follow_table()
        self._buttons: dict[str, QPushButton] = {}
        self._refresh = QAction(self.tr("Refresh"), self, objectName="bookingsRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._refresh.setToolTip(self.tr("Read the bookings again now (F5); they also reload every few seconds"))
        self._refresh.triggered.connect(self.refresh)
        self.addAction(self._refresh)
        self._lay_out()
        self._show_period()
        self._selection_changed()

    # ----- layout ------------------------------------------------------------------------------

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(objectName="agendaTree")
        tree.setModel(self.agenda)
        tree.setAccessibleName(self.tr("Slots and bookings"))
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setStyleSheet(AGENDA_STYLE)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in AgendaColumn:
            if column in AGENDA_WIDTHS:
                header.resizeSection(column, AGENDA_WIDTHS[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        tree.selectionModel().currentChanged.connect(self._selection_changed)
        return tree

    def _make_follow_table(self) -> QTableView:
        table = QTableView(objectName="followUpTable")
        table.setModel(self.follow_up)
        table.setAccessibleName(self.tr("Bookings to follow up"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(FollowUpColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in FOLLOW_UP_WIDTHS.items():
            header.resizeSection(column, width)
        give_room(table)
        table.selectionModel().currentChanged.connect(self._selection_changed)
        return table

    def _button(self, name: str, text: str, keys: str | None, slot: Callable[[], None]) -> QPushButton:
        """A button with its shortcut working anywhere on the page."""
        button = QPushButton(text, objectName=name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if keys:
            action = QAction(self, objectName=f"{name}Action")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
        self._buttons[name] = button
        return button

    def _lay_out(self) -> None:
        refresh_button = QToolButton(objectName="bookingsRefresh")
        refresh_button.setDefaultAction(self._refresh)
        refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addSpacing(12)
        title_row.addWidget(self._period)
        title_row.addStretch()
        title_row.addWidget(self._follow_badge)
        title_row.addWidget(refresh_button)

        day = self._button("dayView", self.tr("&Day"), None, partial(self.show_view, View.DAY))
        week = self._button("weekView", self.tr("&Week"), None, partial(self.show_view, View.WEEK))
        views = QButtonGroup(self)
        for button in (day, week):
            button.setCheckable(True)
            button.setStyleSheet(TOGGLE_STYLE)
            views.addButton(button)
        day.setChecked(True)
        nav_row = QHBoxLayout()
        nav_row.setSpacing(6)
        nav_row.addWidget(day)
        nav_row.addWidget(week)
        nav_row.addSpacing(16)
        nav_row.addWidget(
            self._button("previousPeriod", self.tr("◀ Previous  (Alt+←)"), "Alt+Left", self.show_previous)
        )
        nav_row.addWidget(self._button("todayPeriod", self.tr("Today  (Alt+Home)"), "Alt+Home", self.show_today))
        nav_row.addWidget(self._button("nextPeriod", self.tr("Next ▶  (Alt+→)"), "Alt+Right", self.show_next))
        nav_row.addStretch()
        nav_row.addWidget(self._button("newSlot", self.tr("New slot…  (Ctrl+N)"), "Ctrl+N", self.new_slot))
        nav_row.addWidget(
            self._button("weeklySlots", self.tr("Slots every week…  (Ctrl+Shift+N)"), "Ctrl+Shift+N", self.weekly_slots)
        )

        action_row = QHBoxLayout()
        action_row.setSpacing(8)
        action_row.addWidget(
            self._button("cancelBooking", self.tr("Cancel the booking…  (Del)"), "Del", self.cancel_booking)
        )
        action_row.addWidget(
            self._button("withdrawSlot", self.tr("Withdraw the slot…  (Shift+Del)"), "Shift+Del", self.withdraw_slot)
        )
        action_row.addStretch()

        agenda = QWidget()
        agenda_layout = QVBoxLayout(agenda)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.setSpacing(6)
        agenda_layout.addWidget(self._empty)
        agenda_layout.addWidget(self.tree, stretch=1)
        agenda_layout.addLayout(action_row)

        self._follow_section = QWidget(objectName="followUpSection")
        follow_heading = QHBoxLayout()
        follow_heading.addWidget(section_title(self.tr("To follow up"), "followUpTitle"))
        follow_heading.addStretch()
        follow_heading.addWidget(
            self._button("resendEmail", self.tr("Resend the email  (Ctrl+E)"), "Ctrl+E", self.resend_email)
        )
        follow_layout = QVBoxLayout(self._follow_section)
        follow_layout.setContentsMargins(0, 8, 0, 0)
        follow_layout.setSpacing(6)
        follow_layout.addLayout(follow_heading)
        follow_layout.addWidget(self.follow_table, stretch=1)
        self._follow_section.hide()

        splitter = QSplitter(Qt.Orientation.Vertical, objectName="bookingsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(agenda)
        splitter.addWidget(self._follow_section)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(nav_row)
        layout.addWidget(self._notice)
        layout.addWidget(self._error)
        layout.addWidget(splitter, stretch=1)
        self.setTabOrder(self.tree, self._buttons["cancelBooking"])
        self.setTabOrder(self._buttons["cancelBooking"], self._buttons["withdrawSlot"])
        self.setTabOrder(self._buttons["withdrawSlot"], self.follow_table)

    # ----- what is shown -----------------------------------------------------------------------

    @property
    def view(self) -> View:
        return self._view

    @property
    def day(self) -> date:
        return self._day

    def _today(self) -> date:
        return self._services.clock().astimezone().date()

    def show_view(self, view: View) -> None:
        self._view = view
        self._buttons["dayView" if view is View.DAY else "weekView"].setChecked(True)
        self._period_changed()

    def show_day(self, day: date) -> None:
        self._day = day
        self._period_changed()

    def show_previous(self) -> None:
        self.show_day(self._day - timedelta(days=7 if self._view is View.WEEK else 1))

    def show_next(self) -> None:
        self.show_day(self._day + timedelta(days=7 if self._view is View.WEEK else 1))

    def show_today(self) -> None:
        self.show_day(self._today())

    def _period_changed(self) -> None:
        self._show_period()
        self._notice.hide()
        self.refresh()

    def _show_period(self) -> None:
        if self._view is View.WEEK:
            self._period.setText(week_text(monday_of(self._day)))
        elif self._day == self._today():
            self._period.setText(self.tr("{day} · today").format(day=day_text(self._day)))
        else:
            self._period.setText(day_text(self._day))

    # ----- loading -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._empty.setText(self.tr(LOADING))
            self._empty.show()
            self.refresh()
            self.tree.setFocus()
        self._refresh_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._refresh_timer.stop()

    def refresh(self) -> None:
        """Read the period shown again; an answer for a period left meanwhile is dropped."""
        self._generation += 1
        generation = self._generation
        load = partial(load_bookings, self._services, self._view, self._day)
        BackgroundOp(self, load).success(partial(self._show, generation)).failure(
            partial(self._load_failed, generation)
        ).run_in_background()

    def _show(self, generation: int, snapshot: BookingsSnapshot) -> None:
        if generation != self._generation:
            return
        self._error.hide()
        self._terms = snapshot.terms
        days = [monday_of(snapshot.day) + timedelta(days=n) for n in range(7)] if snapshot.view is View.WEEK else []
        current = self.agenda.row_at(self.tree.currentIndex())
        self.agenda.set_rows(agenda_rows(snapshot.schedule, days))
        for row in self.agenda.rows():
            if row.kind is RowKind.DAY:  # the day's name across the whole line
                self.tree.setFirstColumnSpanned(row.row, QModelIndex(), True)
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentIndex(self.agenda.index_of(current.key))
        self._show_empty(snapshot)
        self._show_follow_ups(snapshot.follow_ups)
        self._selection_changed()
        self.loaded.emit()

    def _show_empty(self, snapshot: BookingsSnapshot) -> None:
        if snapshot.schedule:
            self._empty.hide()
            return
        if snapshot.view is View.WEEK:
            self._empty.setText(self.tr("No slot this week. Create one with New slot (Ctrl+N)."))
        else:
            self._empty.setText(self.tr("No slot on this day. Create one with New slot (Ctrl+N)."))
        self._empty.show()

    def _show_follow_ups(self, rows: tuple[FollowUp, ...]) -> None:
        chosen = self._chosen_follow_up()
        self.follow_up.set_rows(rows)
        if chosen is not None:
            for position, row in enumerate(rows):
                if row.booking.id == chosen.booking.id:
                    self.follow_table.setCurrentIndex(self.follow_up.index(position, 0))
        self._follow_section.setVisible(bool(rows))
        self._follow_badge.setText(self.tr("{count} to follow up").format(count=len(rows)))
        self._follow_badge.setVisible(bool(rows))

    def _load_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._empty.hide()
        self._error.setText(self.tr("Could not read the bookings. {reason}").format(reason=plain_message(error)))
        self._error.show()

    # ----- the chosen row ------------------------------------------------------------------------

    def chosen(self) -> AgendaRow | None:
        return self.agenda.row_at(self.tree.currentIndex())

    def _chosen_follow_up(self) -> FollowUp | None:
        index = self.follow_table.currentIndex()
        return self.follow_up.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_: QModelIndex) -> None:
        row = self.chosen()
        booking = row.booking if row is not None else None
        refusal = cancel_refusal(self._actor, booking) if booking is not None else None
        cancel = self._buttons["cancelBooking"]
        cancel.setEnabled(booking is not None and refusal is None)
        cancel.setToolTip(refusal or self.tr("Cancel the chosen booking; the customer is refunded and emailed"))
        slot = row.slot if row is not None and row.kind is RowKind.SLOT else None
        withdraw = self._buttons["withdrawSlot"]
        withdraw.setEnabled(slot is not None and slot.booked + slot.held == 0)
        withdraw.setToolTip(
            self.tr("Cancel its bookings first: each is refunded.")
            if slot is not None and slot.booked + slot.held
            else self.tr("Take the chosen slot off the calendar: nobody can book it any more")
        )
        follow = self._chosen_follow_up()
        self._buttons["resendEmail"].setEnabled(follow is not None and follow.can_resend)

    # ----- changes -----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self._error.hide()
        self._notice.setText(text)
        self._notice.show()

    def _fail(self, error: Exception) -> None:
        self._notice.hide()
        self._error.setText(plain_message(error))
        self._error.show()

    def new_slot(self) -> None:
        if self._terms is None:
            return  # the settings arrive with the first load, a moment after the page shows
        dialog = NewSlotDialog(self._services.bookings, self._actor, self._terms, self._day, self)
        dialog.accepted.connect(lambda: self._slot_created(dialog.slot))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _slot_created(self, slot: Slot | None) -> None:
        if slot is None:
            return
        self._say(
            self.tr("Slot created: {title}, {when}.").format(
                title=slot.title, when=when_text(slot.starts_at, slot.ends_at)
            )
        )
        self._day = slot.starts_at.astimezone().date()
        self._show_period()
        self.refresh()

    def weekly_slots(self) -> None:
        if self._terms is None:
            return
        dialog = WeeklySlotsDialog(self._services.bookings, self._actor, self._terms, self._day, self)
        dialog.accepted.connect(lambda: self._weekly_created(dialog.made))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _weekly_created(self, made: WeeklySlots | None) -> None:
        if made is None:
            return
        self._say(
            self.tr("{created} created, {existing} already existed.").format(
                created=len(made.created), existing=len(made.skipped)
            )
        )
        if made.created:  # the first week of the template, where the new slots can be seen
            self._view = View.WEEK
            self._buttons["weekView"].setChecked(True)
            self._day = made.created[0].starts_at.astimezone().date()
            self._show_period()
        self.refresh()

    def cancel_booking(self) -> None:
        row = self.chosen()
        if row is None or row.booking is None or cancel_refusal(self._actor, row.booking) is not None:
            return
        dialog = CancelBookingDialog(self._services.bookings, self._actor, row.booking, self)
        dialog.accepted.connect(lambda: self._booking_cancelled(dialog.cancelled))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _booking_cancelled(self, booking: Booking | None) -> None:
        if booking is None:
            return
        self._say(self.tr("Booking {booking} cancelled and refunded.").format(booking=booking_label(booking)))
        self.refresh()

    def withdraw_slot(self) -> None:
        row = self.chosen()
        if row is None or row.kind is not RowKind.SLOT or row.slot is None:
            return
        slot = row.slot
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Withdraw the slot"),
            self.tr("Withdraw {title}, {when}? Nobody can book it any more.").format(
                title=slot.title, when=when_text(slot.starts_at, slot.ends_at)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        question.setObjectName("withdrawQuestion")
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("Withdraw  (Enter)"))
        question.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it  (Esc)"))
        question.setDefaultButton(QMessageBox.StandardButton.Yes)
        question.button(QMessageBox.StandardButton.Yes).clicked.connect(partial(self._withdraw, slot.id))
        question.finished.connect(question.deleteLater)
        question.open()

    def _withdraw(self, slot_id: int) -> None:
        withdraw = partial(self._services.bookings.cancel_slot, self._actor, slot_id)
        BackgroundOp(self, withdraw).success(self._withdrawn).failure(self._fail).run_in_background()

    def _withdrawn(self, slot: Slot) -> None:
        self._say(
            self.tr("Slot withdrawn: {title}, {when}.").format(
                title=slot.title, when=when_text(slot.starts_at, slot.ends_at)
            )
        )
        self.refresh()

    def resend_email(self) -> None:
        follow = self._chosen_follow_up()
        if follow is None or not follow.can_resend:
            return
        resend = partial(self._services.bookings.resend_email, self._actor, follow.booking.id)
        BackgroundOp(self, resend).success(self._resent).failure(self._resend_failed).run_in_background()

    def _resent(self, booking: Booking) -> None:
        self._say(self.tr("Email sent to {email}.").format(email=booking.email))
        self.refresh()

    def _resend_failed(self, error: Exception) -> None:
        self._fail(error)
        self.refresh()  # the new reason is recorded on the booking
