"""Category buttons and product tiles, for what has no barcode to scan (loose items, services...)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.inventory import InventoryService, SkuRow

MAX_TILES = 60  # a category beyond this is searched for by name instead
TILE_COLUMNS = 2
CATEGORY_COLUMNS = 3
CATEGORY_ROWS_SHOWN = 3  # more categories scroll
CATEGORY_HEIGHT = 40
TILE_HEIGHT = 88


@dataclass(frozen=True)
class ProductTile:
    product_id: int
    name: str
    skus: tuple[SkuRow, ...]  # its active variants

    @property
    def available(self) -> int:
        return sum(max(row.available, 0) for row in self.skus)

    @property
    def price_text(self) -> str:
        prices = sorted({row.unit_price for row in self.skus})
        return str(prices[0]) if len(prices) == 1 else f"{prices[0]} – {prices[-1]}"


@dataclass(frozen=True)
class CategoryTiles:
    tiles: tuple[ProductTile, ...]  # unlabelled products first, then by name; at most MAX_TILES
    more: bool  # the category has products beyond these


def load_category_tiles(inventory: InventoryService, category: str) -> CategoryTiles:
    """Runs on the worker: the first products of one category, one more than shown to know if there are others."""
    return _category_tiles(inventory.category_products(category, limit=MAX_TILES + 1))


def _category_tiles(rows: Sequence[SkuRow]) -> CategoryTiles:
    variants: dict[int, list[SkuRow]] = defaultdict(list)
    for row in rows:
        variants[row.product_id].append(row)
    tiles = [ProductTile(product_id, skus[0].name, tuple(skus)) for product_id, skus in variants.items()]
    # Items without a barcode have no other way onto the ticket: they come first.
    ordered = sorted(tiles, key=lambda t: (any(r.barcode for r in t.skus), t.name.casefold()))
    return CategoryTiles(tuple(ordered[:MAX_TILES]), len(tiles) > MAX_TILES)


def tile_text(tile: ProductTile) -> str:
    """'Hoodie', '40.00 · 6 available', '3 variants': a product's tile."""
    stock = (
        QCoreApplication.translate("ProductTiles", "{available} available").format(available=tile.available)
        if tile.available > 0
        else QCoreApplication.translate("ProductTiles", "Out of stock")
    )
    text = f"{tile.name}\n{tile.price_text} · {stock}"
    if len(tile.skus) > 1:
        text += "\n" + QCoreApplication.translate("ProductTiles", "{count} variants").format(count=len(tile.skus))
    return text


class CategoryBar(QScrollArea):
    """One checkable button per category, three to a row; many categories scroll."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryBar")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.set_categories([])

    def set_categories(self, names: Sequence[str]) -> None:
        for button in self._group.buttons():
            self._group.removeButton(button)
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for position, name in enumerate(names):
            button = QPushButton(
                name or QCoreApplication.translate("ProductTiles", "Other"), objectName=f"category_{name}"
            )
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(CATEGORY_HEIGHT)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setToolTip(name)
            button.clicked.connect(lambda _checked=False, category=name: self.chosen.emit(category))
            self._group.addButton(button)
            grid.addWidget(button, position // CATEGORY_COLUMNS, position % CATEGORY_COLUMNS)
        rows = min(max((len(names) + CATEGORY_COLUMNS - 1) // CATEGORY_COLUMNS, 1), CATEGORY_ROWS_SHOWN)
        self.setFixedHeight(rows * (CATEGORY_HEIGHT + 6))
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(page)


class ProductTileButton(QPushButton):
    """A large button whose text wraps: product name, price, what is available."""

    def __init__(self, tile: ProductTile) -> None:
        super().__init__(objectName=f"tile_{tile.product_id}")
        self.label = QLabel(tile_text(tile), objectName=f"tile_{tile.product_id}_text")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.label)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(TILE_HEIGHT)
        self.setEnabled(tile.available > 0)
        self.setToolTip(", ".join(row.sku for row in tile.skus))


class TileGrid(QScrollArea):
    """The chosen category's products as large buttons; a product with no unit available is disabled."""

    chosen = Signal(object)  # ProductTile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productTiles")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._show(
            [],
            QCoreApplication.translate(
                "ProductTiles", "Choose a category to see its products, or type a name in the field above."
            ),
        )

    def show_tiles(self, category: CategoryTiles | None) -> None:
        if category is None or not category.tiles:
            self._show([], QCoreApplication.translate("ProductTiles", "No product to sell in this category."))
            return
        hint = ""
        if category.more:
            hint = QCoreApplication.translate(
                "ProductTiles", "The first {shown} products are shown: type a name to find the others."
            ).format(shown=len(category.tiles))
        self._show(category.tiles, hint)

    def show_message(self, text: str) -> None:
        self._show([], text)

    def tile_buttons(self) -> list[ProductTileButton]:
        return self.widget().findChildren(ProductTileButton)

    def _show(self, tiles: Sequence[ProductTile], hint: str) -> None:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setSpacing(8)
        self._hint = QLabel(hint, objectName="tilesHint")
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #5a5a5a;")
        self._hint.setVisible(bool(hint))
        grid.addWidget(self._hint, 0, 0, 1, TILE_COLUMNS)
        for position, tile in enumerate(tiles):
            button = ProductTileButton(tile)
            button.clicked.connect(lambda _checked=False, chosen=tile: self.chosen.emit(chosen))
            grid.addWidget(button, 1 + position // TILE_COLUMNS, position % TILE_COLUMNS)
        grid.setRowStretch(grid.rowCount(), 1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(page)
