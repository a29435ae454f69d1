"""Beside the ticket: the products matching what is typed, or else the categories and their product tiles."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from pos_app.services.inventory import InventoryService, SkuRow
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.product_tiles import CategoryBar, CategoryTiles, TileGrid, load_category_tiles
from pos_app.ui.counter.results_model import ResultColumn, ResultsModel, can_add
from pos_app.ui.counter.tables import counter_table, keep_focus_elsewhere, select_row, selected_row
from pos_app.ui.counter.touch import touch_button
from pos_app.ui.error_text import plain_message

TILES, RESULTS = 0, 1


class BrowsePanel(QStackedWidget):
    """`chosen_changed` fires with the result now chosen (or None); `add_requested` when the cashier clicks
    Add or double-clicks a result; `clicked` after any click, so the keyboard goes back to the scan field.
    The categories' and tiles' own signals are `categories.chosen` and `tiles.chosen`. Given the inventory, a
    category click loads that category's tiles in the background, with the stock as it is now."""

    chosen_changed = Signal(object)  # SkuRow | None
    add_requested = Signal()
    clicked = Signal()

    def __init__(
        self, shown_results: int, parent: QWidget | None = None, *, inventory: InventoryService | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("browsePanel")
        self._shown_results = shown_results
        self._category_requests = 0  # only the latest category click's tiles are shown
        self.picked = False  # the cashier moved into the results (arrows or a click): Enter adds the chosen one
        self.categories = CategoryBar()
        self.tiles = TileGrid()
        tiles_page = QWidget()
        tiles_layout = QVBoxLayout(tiles_page)
        tiles_layout.setContentsMargins(6, 0, 0, 0)
        tiles_layout.addWidget(self.categories)
        tiles_layout.addWidget(self.tiles, stretch=1)
        if inventory is not None:
            self.categories.chosen.connect(partial(self.load_category, inventory))

        self._results = ResultsModel(self)
        self._table = counter_table(self._results, "searchResults")
        keep_focus_elsewhere(self._table)
        self._table.horizontalHeader().resizeSection(ResultColumn.PRICE, 80)
        self._table.horizontalHeader().resizeSection(ResultColumn.AVAILABLE, 84)
        self._table.selectionModel().currentRowChanged.connect(lambda *_: self.chosen_changed.emit(self.chosen()))
        self._table.clicked.connect(lambda _index: self._picked_by_click())
        self._table.doubleClicked.connect(lambda _index: self.add_requested.emit())
        self._status = QLabel(objectName="resultsStatus")
        self._status.setStyleSheet("color: #5a5a5a;")
        self._add = touch_button(QPushButton(self.tr("Add (Enter)"), objectName="counterAddButton"))
        self._add.setToolTip(self.tr("Add the chosen product (↓ then Enter from the scan field)"))
        self._add.clicked.connect(self.add_requested)
        self._add.setEnabled(False)
        self.chosen_changed.connect(lambda row: self._add.setEnabled(row is not None and can_add(row)))
        add_row = QHBoxLayout()
        add_row.addWidget(self._status, stretch=1)
        add_row.addWidget(self._add)
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(6, 0, 0, 0)
        results_layout.addWidget(self._table, stretch=1)
        results_layout.addLayout(add_row)

        self.addWidget(tiles_page)
        self.addWidget(results_page)

    @property
    def showing_results(self) -> bool:
        return self.currentIndex() == RESULTS and self._results.rowCount() > 0

    def show_tiles(self) -> None:
        self.picked = False
        self.setCurrentIndex(TILES)

    def show_category(self, tiles: CategoryTiles | None) -> None:
        self.tiles.show_tiles(tiles)

    def load_category(self, inventory: InventoryService, category: str) -> None:
        """Show `category`'s products once read in the background; a later click wins over an earlier one."""
        self._category_requests += 1
        request = self._category_requests
        self.tiles.show_message(self.tr("Loading the products…"))
        op = BackgroundOp(self, partial(load_category_tiles, inventory, category))
        op.success(partial(self._category_loaded, request)).failure(partial(self._category_failed, request))
        op.run_in_background()

    def _category_loaded(self, request: int, tiles: CategoryTiles) -> None:
        if request == self._category_requests:
            self.show_category(tiles)

    def _category_failed(self, request: int, error: Exception) -> None:
        if request == self._category_requests:
            self.tiles.show_message(plain_message(error))

    def show_results(self, text: str, rows: Sequence[SkuRow]) -> None:
        self.picked = False
        self._results.set_rows(rows)
        self.setCurrentIndex(RESULTS)
        select_row(self._table, 0)
        self.chosen_changed.emit(self.chosen())
        if not rows:
            self._status.setText(self.tr("Nothing matches “{text}”.").format(text=text))
        elif len(rows) == self._shown_results:
            self._status.setText(self.tr("The first {count}: type more to narrow.").format(count=len(rows)))
        else:
            self._status.setText(self.tr("↓ to choose, Enter to add."))

    def chosen(self) -> SkuRow | None:
        row = selected_row(self._table)
        return None if row is None else self._results.row(row)

    def step_through(self, step: int) -> None:
        """Up or Down from the scan field: the first result, then the next or previous one."""
        current = selected_row(self._table)
        select_row(self._table, 0 if current is None or not self.picked else current + step)
        self.picked = True

    def _picked_by_click(self) -> None:
        self.picked = True
        self.clicked.emit()
