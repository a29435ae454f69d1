"""The catalogue page: find a product on the left, edit it on the right, or create one; import a CSV file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.inventory import InventoryService, ProductInfo, SkuRow
from pos_app.services.product_drafts import ProductDraft
from pos_app.ui.background import BackgroundOp
from pos_app.ui.catalogue.import_dialog import ImportDialog
from pos_app.ui.catalogue.product_form import ProductForm
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.search_field import SearchField
from pos_app.ui.widgets.table_model import RowsTableModel

TITLE = QT_TRANSLATE_NOOP("Pages", "Catalogue")
SEARCH_DELAY_MS = 200
SEARCH_SKUS = 300  # SKUs read per search; the products they belong to are listed
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FoundProduct:
    id: int
    name: str
    category: str
    variants: int
    price: Decimal
    active: bool


@dataclass(frozen=True)
class Choices:
    categories: list[str]
    brands: list[str]
    vat_rates: tuple[Decimal, ...]


def found_products(rows: Sequence[SkuRow]) -> list[FoundProduct]:
    """The products of the SKUs found, in the order found, with their number of variants found."""
    products: dict[int, FoundProduct] = {}
    for row in rows:
        seen = products.get(row.product_id)
        if seen is None:
            products[row.product_id] = FoundProduct(
                row.product_id, row.name, row.category or "", 1, row.unit_price, row.active
            )
        else:
            products[row.product_id] = FoundProduct(
                seen.id, seen.name, seen.category, seen.variants + 1, min(seen.price, row.unit_price),
                seen.active or row.active,
            )  # fmt: skip
    return list(products.values())


def load_choices(services: Services) -> Choices:
    return Choices(services.inventory.categories(), services.inventory.brands(), services.settings.current().vat_rates)


def search_products(inventory: InventoryService, text: str) -> list[FoundProduct]:
    return found_products(inventory.search(text, SEARCH_SKUS, active_only=False))


class ProductColumn(IntEnum):
    NAME = 0
    CATEGORY = 1
    VARIANTS = 2
    PRICE = 3


class ProductsModel(RowsTableModel[FoundProduct]):
    columns = ProductColumn
    headers: ClassVar[dict[ProductColumn, str]] = {
        ProductColumn.NAME: QT_TRANSLATE_NOOP("ProductsModel", "Product"),
        ProductColumn.CATEGORY: QT_TRANSLATE_NOOP("ProductsModel", "Category"),
        ProductColumn.VARIANTS: QT_TRANSLATE_NOOP("ProductsModel", "Variants"),
        ProductColumn.PRICE: QT_TRANSLATE_NOOP("ProductsModel", "From"),
    }
    header_tips: ClassVar[dict[ProductColumn, str]] = {
        ProductColumn.PRICE: QT_TRANSLATE_NOOP("ProductsModel", "The lowest price of its variants")
    }

    @staticmethod
    def align(column: int) -> Qt.AlignmentFlag:
        right = column in (ProductColumn.VARIANTS, ProductColumn.PRICE)
        return (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        product = self.row(index.row())
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return (product.name, product.category, str(product.variants), str(product.price))[index.column()]
            case Qt.ItemDataRole.TextAlignmentRole:
                return self.align(index.column())
            case Qt.ItemDataRole.ForegroundRole if not product.active:
                return Qt.GlobalColor.gray
            case Qt.ItemDataRole.ToolTipRole if not product.active:
                return QCoreApplication.translate("ProductsModel", "Not on sale")
        return None


class CataloguePage(QWidget):
    """`catalogue_changed` fires after a save or an import, so that the stock page reads again."""

    loaded = Signal()  # the search results are on screen
    product_shown = Signal()  # a product was read into the form
    catalogue_changed = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguePage")
        self._services = services
        self._actor = actor
        self._shown_once = False
        self._search_generation = 0
        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.search)
        self._model = ProductsModel(self)
        self._search = SearchField(self.tr("Find a product by name, SKU or barcode   (Ctrl+F)"))
        self._search.setObjectName("catalogueSearch")
        self._search.setMinimumHeight(self._search.sizeHint().height() + 8)
        self._results = self._make_results()
        self._count = QLabel(objectName="catalogueCount")
        self._error = error_label("catalogueError")
        self._new = QPushButton(self.tr("&New product  (Ctrl+N)"), objectName="newProduct")
        self._import = QPushButton(self.tr("&Import CSV…  (Ctrl+I)"), objectName="importCatalogue")
        self.form = ProductForm()

        self._lay_out()
        self._connect()

    def _make_results(self) -> QTableView:
        table = QTableView(objectName="catalogueResults")
        table.setModel(self._model)
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
        header.setSectionResizeMode(ProductColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ProductColumn.CATEGORY, 110), (ProductColumn.VARIANTS, 65), (ProductColumn.PRICE, 65)):
            header.resizeSection(column, width)
        give_room(table)
        return table

    def _lay_out(self) -> None:
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        title_row.addStretch()
        title_row.addWidget(self._import)
        title_row.addWidget(self._new)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self._search)
        left_layout.addWidget(self._count)
        left_layout.addWidget(self._results, stretch=1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.form)
        splitter = QSplitter(objectName="catalogueSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 700])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(self._error)
        layout.addWidget(splitter, stretch=1)

    def _connect(self) -> None:
        for keys, slot, name in (
            (QKeySequence.StandardKey.Find, self.focus_search, "catalogueFindAction"),
            (QKeySequence("Ctrl+N"), self.new_product, "newProductAction"),
            (QKeySequence("Ctrl+I"), self.open_import, "importCatalogueAction"),
        ):
            action = QAction(self, objectName=name)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self._new.clicked.connect(self.new_product)
        self._import.clicked.connect(self.open_import)
        self._search.textChanged.connect(self._typing.start)
        self._search.returnPressed.connect(self.search)
        self._results.selectionModel().currentRowChanged.connect(self._open_selected)
        self.form.save_requested.connect(self._save)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            return
        self._shown_once = True
        load = partial(load_choices, self._services)
        BackgroundOp(self, load).success(self._show_choices).failure(self._show_error).run_in_background()
        self.search()
        self._search.setFocus()

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _show_choices(self, choices: Choices) -> None:
        self.form.set_choices(choices.categories, choices.brands, choices.vat_rates)

    # ----- finding a product --------------------------------------------------------------------

    def search(self) -> None:
        self._typing.stop()
        self._search_generation += 1
        generation = self._search_generation
        find = partial(search_products, self._services.inventory, self._search.text())
        op = BackgroundOp(self, find).success(lambda found: self._show_results(generation, found))
        op.failure(self._show_error).run_in_background()

    def _show_results(self, generation: int, found: list[FoundProduct]) -> None:
        if generation != self._search_generation:
            return
        self._error.hide()
        self._model.set_rows(found)
        if not found:
            self._count.setText(self.tr("No product matches."))
        else:
            self._count.setText(self.tr("{count} product(s)").format(count=len(found)))
        self._select_product(self.form.product_id)
        self.loaded.emit()

    def _select_product(self, product_id: int | None) -> None:
        for row in range(self._model.rowCount()):
            if self._model.row(row).id == product_id:
                self._results.selectionModel().blockSignals(True)
                self._results.selectionModel().setCurrentIndex(
                    self._model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._results.selectionModel().blockSignals(False)
                return

    def products(self) -> list[FoundProduct]:
        return [self._model.row(row) for row in range(self._model.rowCount())]

    def _open_selected(self, current: QModelIndex) -> None:
        if current.isValid():
            self.open_product(self._model.row(current.row()).id)

    def open_product(self, product_id: int) -> None:
        read = partial(self._services.inventory.product, product_id)
        BackgroundOp(self, read).success(self._show_product).failure(self._show_error).run_in_background()

    def _show_product(self, product: ProductInfo) -> None:
        self.form.load(product)
        self.product_shown.emit()

    def new_product(self) -> None:
        self._results.clearSelection()
        self.form.clear()

    # ----- saving -------------------------------------------------------------------------------

    def _save(self, draft: ProductDraft) -> None:
        save = partial(self._services.inventory.save_product, self._actor, draft)
        BackgroundOp(self, save).success(self._saved).failure(self.form.refused).run_in_background()

    def _saved(self, product: ProductInfo) -> None:
        self.form.saved(product)
        self.catalogue_changed.emit()
        load = partial(load_choices, self._services)
        BackgroundOp(self, load).success(self._show_choices).failure(self._show_error).run_in_background()
        self.search()

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self._services, self._actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self) -> None:
        self.catalogue_changed.emit()
        self.search()

    def _show_error(self, error: Exception) -> None:
        self._error.setText(plain_message(error))
        self._error.show()
