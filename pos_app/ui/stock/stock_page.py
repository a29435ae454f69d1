"""The stock page: the SKUs with their stock figures, a filter, the low-stock alerts, and the actions on the
chosen SKU (receive, adjust, its history, labels)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor, Permission
from pos_app.services import Services
from pos_app.services.inventory import SkuRow
from pos_app.services.reservations import ReservationService
from pos_app.services.stock_list import StockCounts, StockListService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.stock.labels_dialog import LabelsDialog
from pos_app.ui.stock.movement_dialog import MovementDialog, MovementMode
from pos_app.ui.stock.stock_model import Column, StockTableModel
from pos_app.ui.widgets.labels import badge, error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.search_field import SearchField

LOADING = QT_TRANSLATE_NOOP("StockPage", "Loading…")
FILTER_DELAY_MS = 150  # typing pauses this long before the list is read again
COLUMN_WIDTHS = {
    Column.VARIANT: 150,
    Column.SKU: 175,
    Column.BARCODE: 140,
    Column.PRICE: 90,
    Column.ON_HAND: 90,
    Column.RESERVED: 90,
    Column.AVAILABLE: 90,
}


@dataclass(frozen=True)
class LoadedCounts:
    counts: StockCounts
    holds: tuple[int, int]  # (active holds, units held)


def load_counts(stock_list: StockListService, reservations: ReservationService) -> LoadedCounts:
    """Runs on the worker: the whole list's figures, and the holds that the page watches for changes."""
    return LoadedCounts(stock_list.counts(), reservations.count_active_units())


def count_text(shown: int, total: int) -> str:
    if shown == total and total == 1:
        template = QCoreApplication.translate("StockPage", "{total} SKU")
    elif shown == total:
        template = QCoreApplication.translate("StockPage", "{total} SKUs")
    elif total == 1:
        template = QCoreApplication.translate("StockPage", "{shown} of {total} SKU")
    else:
        template = QCoreApplication.translate("StockPage", "{shown} of {total} SKUs")
    return template.format(shown=f"{shown:,}", total=f"{total:,}")


def may_move_stock(actor: Actor | None) -> bool:
    return actor is not None and actor.can(Permission.ADJUST_STOCK)


def may_read_history(actor: Actor | None) -> bool:
    """Stock managers and admins read the movement history, and accountants, who value the stock."""
    return actor is not None and (actor.can(Permission.ADJUST_STOCK) or actor.can(Permission.VIEW_ACCOUNTS))


def may_print_labels(actor: Actor | None) -> bool:
    return actor is not None and (actor.can(Permission.MANAGE_CATALOGUE) or actor.can(Permission.ADJUST_STOCK))


class StockPage(QWidget):
    """Loads when first shown; F5 reloads. `loaded` fires each time fresh rows and counts are on screen.

    The list is read a page at a time (100,000 SKUs take seconds to read at once): the view asks for the
    next page as it scrolls to the end. While shown, the page asks every `watch_ms` whether the holds of
    online orders changed (one small query) and reloads when they did, so Reserved and Available follow
    checkouts, payments and expiries.
    """

    loaded = Signal()
    history_requested = Signal(str)  # the SKU whose movements to show
    stock_changed = Signal()  # a movement was written from this page

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
        watch_ms: int = 5_000,
        filter_delay_ms: int = FILTER_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockPage")
        self._services = services
        self._actor = actor
        self._counting = False
        self._settled = False
        self._waiting_rows = False
        self._matching: int | None = None
        self._shown_once = False
        self._stale = False
        self._counts: StockCounts | None = None
        self._holds_seen: tuple[int, int] | None = None
        self._keep_sku: str | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(watch_ms)
        self._watch.timeout.connect(self._check_holds)
        self._typing = QTimer(self, singleShot=True, interval=filter_delay_ms)
        self._typing.timeout.connect(self._apply_filter)
        self._model = StockTableModel(services.stock_list, self)

        self._filter = SearchField(self.tr("Filter by product, variant, SKU or barcode   (Ctrl+F)"))
        self._filter.setObjectName("stockFilter")
        self._filter.setMinimumHeight(self._filter.sizeHint().height() + 8)
        self._low_only = QCheckBox(self.tr("&Low stock only"), objectName="lowStockOnly")
        self._count = QLabel(objectName="stockCount")
        self._low_badge = badge("lowStockBadge")
        self._low_badge.setToolTip(self.tr("SKUs at or below their low-stock alert level, out-of-stock ones included"))
        self._low_badge.hide()
        self._error = error_label("stockError")
        self._refresh = QAction(self.tr("Refresh"), self, objectName="stockRefreshAction")
        self._refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh.setToolTip(self.tr("Reload the stock list (F5)"))
        self._table = self._make_table()
        self._actions = self._make_actions()

        self._lay_out()
        self._connect()

    @property
    def model(self) -> StockTableModel:
        return self._model

    @property
    def settled(self) -> bool:
        """The rows and counts on screen are those of the filter as typed (no read under way)."""
        typed = (self._filter.text(), self._low_only.isChecked())
        shown = (self._model.query.text, self._model.query.low_stock_only)
        return self._settled and not self._typing.isActive() and typed == shown

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="stockTable")
        table.setModel(self._model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        header.setSortIndicator(Column.PRODUCT, Qt.SortOrder.AscendingOrder)  # the model's order: nothing to read
        table.setSortingEnabled(True)
        return table

    def _make_actions(self) -> dict[str, QPushButton]:
        """The buttons for the chosen SKU(s), each with its shortcut; only those the role may use."""
        wanted = []
        if may_move_stock(self._actor):
            wanted += [
                ("receive", self.tr("&Receive…  (Ctrl+R)"), "Ctrl+R", self.receive),
                ("adjust", self.tr("&Adjust…  (Ctrl+J)"), "Ctrl+J", self.adjust),
            ]
        if may_read_history(self._actor):
            wanted.append(("history", self.tr("&History  (Ctrl+H)"), "Ctrl+H", self._show_history))
        if may_print_labels(self._actor):
            wanted.append(("labels", self.tr("La&bels…  (Ctrl+P)"), "Ctrl+P", self.print_labels))
        buttons = {}
        for name, text, keys, slot in wanted:
            button = QPushButton(text, objectName=f"stock{name.capitalize()}")
            button.setEnabled(False)
            button.clicked.connect(slot)
            action = QAction(self, objectName=f"stock{name.capitalize()}Action")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
            buttons[name] = button
        return buttons

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
        if self._actions:
            action_row = QHBoxLayout()
            action_row.setSpacing(8)
            for button in self._actions.values():
                action_row.addWidget(button)
            action_row.addStretch()
            layout.addLayout(action_row)
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
        self._filter.textChanged.connect(self._typing.start)
        self._low_only.toggled.connect(self._apply_filter)
        self._model.loaded.connect(self._rows_arrived)
        self._model.failed.connect(self._show_load_error)
        self._model.modelReset.connect(self._selection_changed)
        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._table.doubleClicked.connect(lambda _index: self.adjust() if "adjust" in self._actions else None)

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
        """Read the rows shown and the counts again, keeping the chosen SKU chosen. The rows are asked for
        first: counting the whole list takes longer than reading a page of it."""
        if self._counting:
            return
        self._counting = True
        self._settled = False
        self._waiting_rows = True
        self._refresh.setEnabled(False)
        self._stale = False
        if self._counts is None:
            self._count.setText(self.tr(LOADING))
        current = self.current_row()
        self._keep_sku = current.sku if current is not None else None
        self._model.reload()
        load = partial(load_counts, self._services.stock_list, self._services.reservations)
        BackgroundOp(self, load).success(self._counts_arrived).failure(self._show_load_error).run_in_background()

    def _counts_arrived(self, loaded: LoadedCounts) -> None:
        self._counting = False
        self._refresh.setEnabled(True)
        self._counts = loaded.counts
        self._holds_seen = loaded.holds
        low = loaded.counts.low_stock
        self._low_badge.setText(self.tr("{count} low stock").format(count=f"{low:,}"))
        self._low_badge.setVisible(low > 0)
        self._settle()

    def _apply_filter(self) -> None:
        self._typing.stop()
        query = replace(self._model.query, text=self._filter.text(), low_stock_only=self._low_only.isChecked())
        if query != self._model.query:
            self._keep_sku = None
            self._settled = False
            self._waiting_rows = True
            self._model.set_query(query)

    def _rows_arrived(self) -> None:
        self._error.hide()
        self._reselect()
        query = self._model.query
        if (query.words or query.low_stock_only) and not self._model.complete:
            self._matching = None
            count = partial(self._services.stock_list.count, query)
            BackgroundOp(self, count).success(self._matching_arrived).failure(self._show_load_error).run_in_background()
        else:
            self._matching_arrived(self._model.rowCount())

    def _matching_arrived(self, matching: int) -> None:
        self._waiting_rows = False
        self._matching = matching
        self._settle()

    def _settle(self) -> None:
        """Once the rows, the count of the matching ones and the whole list's counts are in: say so."""
        if self._waiting_rows or self._counting or self._counts is None or self._model.reading:
            return
        query, total = self._model.query, self._counts.total
        filtered = bool(query.words or query.low_stock_only)
        shown = self._matching if filtered and self._matching is not None else total
        self._count.setText(count_text(shown, total))
        self._settled = True
        self.loaded.emit()

    def _reselect(self) -> None:
        if self._keep_sku is None:
            return
        for row in range(self._model.rowCount()):
            if self._model.row(row).sku == self._keep_sku:
                self._table.selectionModel().setCurrentIndex(
                    self._model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    def _check_holds(self) -> None:
        if self._counting or self._holds_seen is None:
            return
        count = self._services.reservations.count_active_units
        BackgroundOp(self, count).success(self._compare_holds).failure(self._watch_failed).run_in_background()

    def _compare_holds(self, holds: tuple[int, int]) -> None:
        if holds != self._holds_seen and not self._counting:
            self.refresh()

    def _watch_failed(self, _error: Exception) -> None:
        """Not worth a message: the next look or F5 tries again, and BackgroundOp logs unexpected errors."""

    def _show_load_error(self, error: Exception) -> None:
        self._counting = self._waiting_rows = False
        self._settled = True
        self._refresh.setEnabled(True)
        self._error.setText(self.tr("Could not load the stock list. {reason}").format(reason=plain_message(error)))
        self._error.show()
        total = self._counts.total if self._counts is not None else self._model.rowCount()
        self._count.setText(count_text(self._model.rowCount(), total))

    # ----- actions on the chosen SKUs -----------------------------------------------------------

    def current_row(self) -> SkuRow | None:
        index = self._table.selectionModel().currentIndex()
        if not index.isValid() or not self._table.selectionModel().isRowSelected(index.row()):
            return None
        return self._model.row(index.row())

    def selected_rows(self) -> list[SkuRow]:
        rows = sorted(index.row() for index in self._table.selectionModel().selectedRows())
        return [self._model.row(row) for row in rows]

    def select_sku(self, sku: str) -> None:
        """Choose the row of `sku` if it is among the rows read so far."""
        self._keep_sku = sku
        self._reselect()

    def _selection_changed(self) -> None:
        chosen = self.current_row() is not None
        for name, button in self._actions.items():
            button.setEnabled(bool(self.selected_rows()) if name == "labels" else chosen)

    def receive(self) -> None:
        self._open_movement(MovementMode.RECEIVE)

    def adjust(self) -> None:
        self._open_movement(MovementMode.ADJUST)

    def _open_movement(self, mode: MovementMode) -> None:
        row = self.current_row()
        if row is None or self._actor is None or not may_move_stock(self._actor):
            return
        dialog = MovementDialog(self._services.inventory, self._actor, row, mode, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._moved)
        dialog.open()

    def _moved(self) -> None:
        self.stock_changed.emit()
        self.refresh()

    def _show_history(self) -> None:
        row = self.current_row()
        if row is not None:
            self.history_requested.emit(row.sku)

    def print_labels(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        dialog = LabelsDialog(self._services, rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
