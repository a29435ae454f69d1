"""The online orders page: holds being paid with their countdown, and the orders, with the ones to act on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services import Services
from pos_app.services.payments import PaymentService
from pos_app.services.reservations import HoldStatus, ReservationService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.orders.holds_model import HoldColumn, HoldRow, HoldsTableModel, hold_rows
from pos_app.ui.orders.orders_model import NEEDS_ATTENTION, OrderColumn, OrderRow, OrdersTableModel, order_rows
from pos_app.ui.widgets.labels import badge, error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room

TITLE = QT_TRANSLATE_NOOP("Pages", "Online orders")
LOADING = QT_TRANSLATE_NOOP("OnlineOrdersPage", "Loading…")
K = TypeVar("K")
RECENT_ORDERS = 200
RECENT_EXPIRED_HOLDS = 50
HINT_STYLE = "color: #6b6b6b;"
HOLD_WIDTHS = {HoldColumn.CUSTOMER: 280, HoldColumn.UNITS: 70, HoldColumn.EXPIRES: 150}
ORDER_WIDTHS = {
    OrderColumn.NUMBER: 130,
    OrderColumn.CREATED: 100,
    OrderColumn.CUSTOMER: 190,
    OrderColumn.ITEMS: 140,
    OrderColumn.TOTAL: 90,
    OrderColumn.STATUS: 200,
}
ATTENTION_TIP = QT_TRANSLATE_NOOP(
    "OnlineOrdersPage",
    "Orders paid after their hold ran out, when the stock was gone: the payment is refunded "
    "automatically. Contact these customers.",
)


@dataclass(frozen=True)
class OnlineOrdersSnapshot:
    holds: tuple[HoldRow, ...]
    orders: tuple[OrderRow, ...]
    active_holds: int
    units_held: int

    @property
    def counting_hold_ids(self) -> frozenset[str]:
        return frozenset(row.hold.id for row in self.holds if row.hold.status is HoldStatus.ACTIVE)


def load_online_orders(
    reservations: ReservationService, payments: PaymentService, now: Callable[[], datetime]
) -> OnlineOrdersSnapshot:
    """Runs on the worker. The orders to act on are always included, however old they are."""
    active_holds, units_held = reservations.count_active_units()
    holds = [
        *reservations.holds(status=HoldStatus.ACTIVE),
        *reservations.holds(status=HoldStatus.EXPIRED, limit=RECENT_EXPIRED_HOLDS),
    ]
    orders = payments.orders(limit=RECENT_ORDERS)
    for status in sorted(NEEDS_ATTENTION):
        orders += payments.orders(status=status)
    return OnlineOrdersSnapshot(hold_rows(holds), order_rows(orders, today=now()), active_holds, units_held)


def summary_text(active_holds: int, units_held: int) -> str:
    if active_holds == 0:
        return QCoreApplication.translate("OnlineOrdersPage", "No active holds")
    holds = (
        QCoreApplication.translate("OnlineOrdersPage", "{count} active hold")
        if active_holds == 1
        else QCoreApplication.translate("OnlineOrdersPage", "{count} active holds")
    )
    units = (
        QCoreApplication.translate("OnlineOrdersPage", "{count} unit held")
        if units_held == 1
        else QCoreApplication.translate("OnlineOrdersPage", "{count} units held")
    )
    return f"{holds.format(count=active_holds)} · {units.format(count=units_held)}"


class OnlineOrdersPage(QWidget):
    """Loads when first shown, then every `refresh_ms` while shown (F5 at once); countdowns tick every
    `countdown_ms` from the clock alone. `loaded` fires each time fresh rows are on screen."""

    loaded = Signal()
    holds_changed = Signal()  # the holds that count are not the same as at the last load: stock figures moved
    attention_changed = Signal(int)  # how many orders are to act on

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, refresh_ms: int = 5_000, countdown_ms: int = 1_000
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onlineOrdersPage")
        self._services = services
        self._loading = False
        self._shown_once = False
        self._counting: frozenset[str] | None = None
        self._attention: int | None = None
        self._holds = HoldsTableModel(services.clock(), self)
        self._orders = OrdersTableModel(self)
        self._refresh_timer = _timer(self, refresh_ms, self.refresh)
        self._countdown_timer = _timer(self, countdown_ms, self._tick)

        self._summary = QLabel(objectName="onlineSummary")
        self._attention_badge = badge("attentionBadge", alert=True)
        self._attention_badge.setToolTip(self.tr(ATTENTION_TIP))
        self._attention_badge.hide()
        self._attention_only = QCheckBox(self.tr("&Needs attention only"), objectName="needsAttentionOnly")
        self._attention_only.setToolTip(self.tr(ATTENTION_TIP))
        self._error = error_label("ordersError")
        self._holds_hint = _hint("holdsHint", self.tr("Nobody is paying right now."))
        self._orders_hint = _hint("ordersHint", self.tr("No online orders yet."))
        self._refresh = QAction(self.tr("Refresh"), self, objectName="ordersRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._refresh.setToolTip(
            self.tr("Reload the holds and the orders now (F5); they also reload every few seconds")
        )
        self.addAction(self._refresh)
        self._holds_table = _table("holdsTable", self._holds, HOLD_WIDTHS, stretch=HoldColumn.ITEMS)
        self._holds_table.setAccessibleName(self.tr("Holds being paid"))
        self._orders_table = _table("ordersTable", self._orders, ORDER_WIDTHS, stretch=OrderColumn.NOTE)
        self._orders_table.setAccessibleName(self.tr("Online orders"))

        self._lay_out()
        self._refresh.triggered.connect(self.refresh)
        self._attention_only.toggled.connect(self._filter_orders)

    def _lay_out(self) -> None:
        refresh_button = QToolButton(objectName="ordersRefresh")
        refresh_button.setDefaultAction(self._refresh)
        refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(self._summary)
        title_row.addWidget(self._attention_badge)
        title_row.addWidget(refresh_button)

        holds_heading = QHBoxLayout()
        holds_heading.addWidget(section_title(self.tr("Holds being paid"), "holdsTitle"))
        orders_heading = QHBoxLayout()
        orders_heading.addWidget(section_title(self.tr("Orders"), "ordersTitle"))
        orders_heading.addStretch()
        orders_heading.addWidget(self._attention_only)

        splitter = QSplitter(Qt.Orientation.Vertical, objectName="onlineOrdersSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(_section(holds_heading, self._holds_hint, self._holds_table))
        splitter.addWidget(_section(orders_heading, self._orders_hint, self._orders_table))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(self._error)
        layout.addWidget(splitter, stretch=1)
        self.setTabOrder(self._holds_table, self._attention_only)
        self.setTabOrder(self._attention_only, self._orders_table)

    # ----- live: timers run only while the page is on screen -----------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._summary.setText(self.tr(LOADING))
            self.refresh()
        self._tick()
        self._refresh_timer.start()
        self._countdown_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._refresh_timer.stop()
        self._countdown_timer.stop()

    def _tick(self) -> None:
        if self._holds.set_now(self._services.clock()):
            self.refresh()  # a hold just ran out: the summary and the stock figures changed

    # ----- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload in the background, unless a load is already on its way."""
        if self._loading:
            return
        self._loading = True  # the button stays enabled: greying it every few seconds would only flicker
        load = partial(load_online_orders, self._services.reservations, self._services.payments, self._services.clock)
        BackgroundOp(self, load).success(self._show).failure(self._show_load_error).run_in_background()

    def _show(self, snapshot: OnlineOrdersSnapshot) -> None:
        self._finish_loading()
        self._error.hide()
        now = self._services.clock()
        _keeping_selection(
            self._holds_table, self._holds.id_at, self._holds.row_of, lambda: self._holds.set_rows(snapshot.holds, now)
        )
        self._set_order_rows(snapshot.orders)
        self._summary.setText(summary_text(snapshot.active_holds, snapshot.units_held))
        self._update_hints()
        counting = snapshot.counting_hold_ids
        if self._counting is not None and counting != self._counting:
            self.holds_changed.emit()
        self._counting = counting
        self._update_attention()
        self.loaded.emit()

    def _show_load_error(self, error: Exception) -> None:
        self._finish_loading()
        self._error.setText(self.tr("Could not load the online orders. {reason}").format(reason=plain_message(error)))
        self._error.show()
        if self._summary.text() == self.tr(LOADING):
            self._summary.clear()

    def _finish_loading(self) -> None:
        self._loading = False

    # ----- showing -----------------------------------------------------------------------------

    def _set_order_rows(self, rows: tuple[OrderRow, ...]) -> None:
        _keeping_selection(
            self._orders_table, self._orders.id_at, self._orders.row_of, lambda: self._orders.set_rows(rows)
        )

    def _filter_orders(self, attention_only: bool) -> None:
        _keeping_selection(
            self._orders_table,
            self._orders.id_at,
            self._orders.row_of,
            lambda: self._orders.set_attention_only(attention_only),
        )
        self._update_hints()

    def _update_hints(self) -> None:
        self._holds_hint.setVisible(self._holds.rowCount() == 0)
        self._orders_hint.setText(
            self.tr("Nothing to act on.") if self._attention_only.isChecked() else self.tr("No online orders yet.")
        )
        self._orders_hint.setVisible(self._orders.rowCount() == 0)

    def _update_attention(self) -> None:
        count = self._orders.attention_count
        self._attention_badge.setText(self.tr("{count} to act on").format(count=count))
        self._attention_badge.setVisible(count > 0)
        if count != self._attention:
            self._attention = count
            self.attention_changed.emit(count)


def _timer(parent: QWidget, interval_ms: int, on_timeout: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.timeout.connect(on_timeout)
    return timer


def _hint(object_name: str, text: str) -> QLabel:
    label = QLabel(text, objectName=object_name)
    label.setStyleSheet(HINT_STYLE)
    label.hide()
    return label


def _section(heading: QHBoxLayout, hint: QLabel, table: QTableView) -> QWidget:
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(6)
    layout.addLayout(heading)
    layout.addWidget(hint)
    layout.addWidget(table, stretch=1)
    return section


def _table(object_name: str, model: QAbstractItemModel, widths: dict[int, int], *, stretch: int) -> QTableView:
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in widths.items():
        header.resizeSection(column, width)
    give_room(table)
    return table


def _keeping_selection(
    table: QTableView, key_at: Callable[[int], K], row_of: Callable[[K], int | None], change: Callable[[], None]
) -> None:
    """Change the table's rows, then select the row that was selected before again, wherever it went."""
    current = table.currentIndex()
    key = key_at(current.row()) if current.isValid() else None
    change()
    row = row_of(key) if key is not None else None
    if row is not None:
        table.setCurrentIndex(table.model().index(row, current.column()))
