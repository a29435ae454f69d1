"""The stock page: every SKU with its stock figures, a filter, and the low-stock alerts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services import Services
from pos_app.services.inventory import InventoryService
from pos_app.services.reservations import ReservationService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.stock.stock_model import Column, SortOrder, StockLine, StockTableModel, sorted_lines, stock_lines
from pos_app.ui.widgets.labels import badge, error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.search_field import SearchField

LOADING = QT_TRANSLATE_NOOP("StockPage", "Loading…")
COLUMN_WIDTHS = {
    Column.VARIANT: 150,
    Column.SKU: 150,
    Column.BARCODE: 140,
    Column.PRICE: 90,
    Column.ON_HAND: 90,
    Column.RESERVED: 90,
    Column.AVAILABLE: 90,
}


@dataclass(frozen=True)
class LoadedStock:
    lines: list[StockLine]
    sorted_by: SortOrder
    holds: tuple[int, int]  # (active holds, units held) read just before the lines


def load_stock(inventory: InventoryService, reservations: ReservationService, order: SortOrder) -> LoadedStock:
    """Runs on the worker: query, search keys and sorting, so the GUI thread only swaps the lines."""
    holds = reservations.count_active_units()
    return LoadedStock(sorted_lines(stock_lines(inventory.stock_list()), order), order, holds)


def count_text(shown: int, total: int) -> str:
    if shown == total and total == 1:
        template = QCoreApplication.translate("StockPage", "{total} SKU")
    elif shown == total:
        template = QCoreApplication.translate("StockPage", "{total} SKUs")
    elif total == 1:
        template = QCoreApplication.translate("StockPage", "{shown} of {total} SKU")
    else:
        template = QCoreApplication.translate("StockPage", "{shown} of {total} SKUs")
    return template.format(shown=shown, total=total)


class StockPage(QWidget):
    """Loads when first shown; F5 reloads. `loaded` fires each time fresh lines are on screen.

    While shown, it asks every `watch_ms` whether the holds of online orders changed (one small query) and
    reloads when they did, so Reserved and Available follow checkouts, payments and expiries.
    """

    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None, *, watch_ms: int = 5_000) -> None:
        super().__init__(parent)
        self.setObjectName("stockPage")
        self._services = services
        self._loading = False
        self._shown_once = False
        self._stale = False
        self._holds_seen: tuple[int, int] | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(watch_ms)
        self._watch.timeout.connect(self._check_holds)
        self._model = StockTableModel(self)

        self._filter = SearchField(self.tr("Filter by product, variant, SKU or barcode   (Ctrl+F)"))
        self._filter.setObjectName("stockFilter")
        self._filter.setMinimumHeight(self._filter.sizeHint().height() + 8)
        self._low_only = QCheckBox(self.tr("&Low stock only"), objectName="lowStockOnly")
        self._count = QLabel(objectName="stockCount")
        self._low_badge = badge("lowStockBadge")
        self._low_badge.setToolTip(self.tr("SKUs at or below their low-stock alert level, out-of-stock ones included"))
        self._error = error_label("stockError")
        self._refresh = QAction(self.tr("Refresh"), self, objectName="stockRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setToolTip(self.tr("Reload the stock list (F5)"))
        self._table = self._make_table()

        self._lay_out()
        self._connect()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="stockTable")
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
        header.setSectionResizeMode(Column.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        give_room(table)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.PRODUCT, Qt.SortOrder.AscendingOrder)
        return table

    def _lay_out(self) -> None:
        refresh_button = QToolButton(objectName="stockRefresh")
        refresh_button.setDefaultAction(self._refresh)
        refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", "Stock")))
        title_row.addStretch()
        title_row.addWidget(self._count)
        title_row.addWidget(self._low_badge)
        title_row.addWidget(refresh_button)

        filter_row = QHBoxLayout()
        filter_row.setSpacing(16)
        filter_row.addWidget(self._filter, stretch=1)
        filter_row.addWidget(self._low_only)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(filter_row)
        layout.addWidget(self._error)
        layout.addWidget(self._table, stretch=1)

    def _connect(self) -> None:
        find = QAction(self.tr("Find"), self, objectName="stockFindAction")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_filter)
        for action in (find, self._refresh):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._refresh.triggered.connect(self.refresh)
        self._filter.textChanged.connect(self._apply_filter)
        self._low_only.toggled.connect(self._apply_filter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._filter.setFocus()
            self.refresh()
        elif self._stale:
            self.refresh()
        else:
            self._check_holds()
        self._watch.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._watch.stop()

    def reload_when_shown(self) -> None:
        """The figures changed elsewhere: reload now if on screen, else the next time the page is shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def focus_filter(self) -> None:
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._filter.selectAll()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._refresh.setEnabled(False)
        self._stale = False
        self._count.setText(self.tr(LOADING))
        load = partial(load_stock, self._services.inventory, self._services.reservations, self._model.sort_order)
        BackgroundOp(self, load).success(self._show_lines).failure(self._show_load_error).run_in_background()

    def _show_lines(self, loaded: LoadedStock) -> None:
        self._finish_loading()
        self._error.hide()
        self._model.set_lines(loaded.lines, sorted_by=loaded.sorted_by)
        self._holds_seen = loaded.holds
        self._update_counts()
        self.loaded.emit()

    def _check_holds(self) -> None:
        if self._loading or self._holds_seen is None:
            return
        count = self._services.reservations.count_active_units
        BackgroundOp(self, count).success(self._compare_holds).failure(self._watch_failed).run_in_background()

    def _compare_holds(self, holds: tuple[int, int]) -> None:
        if holds != self._holds_seen and not self._loading:
            self.refresh()

    def _watch_failed(self, _error: Exception) -> None:
        """Not worth a message: the next look or F5 tries again, and BackgroundOp logs unexpected errors."""

    def _show_load_error(self, error: Exception) -> None:
        self._finish_loading()
        self._error.setText(self.tr("Could not load the stock list. {reason}").format(reason=plain_message(error)))
        self._error.show()
        self._update_counts()

    def _finish_loading(self) -> None:
        self._loading = False
        self._refresh.setEnabled(True)

    def _apply_filter(self) -> None:
        self._model.set_filter(self._filter.text(), low_stock_only=self._low_only.isChecked())
        self._update_counts()

    def _update_counts(self) -> None:
        self._count.setText(count_text(self._model.shown_count, self._model.total_count))
        low = self._model.low_stock_count
        self._low_badge.setText(self.tr("{count} low stock").format(count=low))
        self._low_badge.setVisible(low > 0)
