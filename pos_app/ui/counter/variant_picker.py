"""Choose the size or colour of a product picked from the tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.services.inventory import SkuRow
from pos_app.ui.counter.product_tiles import ProductTile
from pos_app.ui.widgets.labels import section_title

COLUMNS = 3


class VariantPicker(QDialog):
    """One large button per variant, disabled when none is available. `chosen` is set on accept."""

    def __init__(self, tile: ProductTile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("variantPicker")
        self.setWindowTitle(self.tr("Choose a variant"))
        self.chosen: SkuRow | None = None
        grid = QGridLayout()
        grid.setSpacing(8)
        for position, row in enumerate(tile.skus):
            button = QPushButton(self._text(row), objectName=f"variant_{row.sku}")
            button.setMinimumSize(150, 72)
            button.setEnabled(row.available > 0)
            button.setToolTip(row.sku)
            button.clicked.connect(lambda _checked=False, picked=row: self._pick(picked))
            grid.addWidget(button, position // COLUMNS, position % COLUMNS)
        hint = QLabel(self.tr("Click a variant, or press Esc to go back."))
        hint.setStyleSheet("color: #5a5a5a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(section_title(tile.name, "variantProduct"))
        layout.addLayout(grid)
        layout.addWidget(hint)

    def _text(self, row: SkuRow) -> str:
        label = row.variant or row.sku
        if row.available <= 0:
            return self.tr("{variant}\nOut of stock").format(variant=label)
        return self.tr("{variant}\n{price} · {available} available").format(
            variant=label, price=row.unit_price, available=row.available
        )

    def _pick(self, row: SkuRow) -> None:
        self.chosen = row
        self.accept()

    def buttons(self) -> list[QPushButton]:
        return [b for b in self.findChildren(QPushButton) if b.objectName().startswith("variant_")]
