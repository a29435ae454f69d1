"""The variants of the product being edited: size, colour, SKU, barcode, own price, alert level, on sale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from pos_app.services.inventory import VariantInfo
from pos_app.services.product_drafts import COLOUR, VariantDraft

ERROR_BACKGROUND = QColor("#f9d3cf")
FIXED_TEXT = QColor("#6b6b6b")


class VariantColumn(IntEnum):
    SIZE = 0
    COLOUR = 1
    SKU = 2
    BARCODE = 3
    PRICE_OVERRIDE = 4
    LOW_STOCK_THRESHOLD = 5
    ACTIVE = 6


HEADERS = {
    VariantColumn.SIZE: QT_TRANSLATE_NOOP("VariantsTable", "Size"),
    VariantColumn.COLOUR: QT_TRANSLATE_NOOP("VariantsTable", "Colour"),
    VariantColumn.SKU: QT_TRANSLATE_NOOP("VariantsTable", "SKU"),
    VariantColumn.BARCODE: QT_TRANSLATE_NOOP("VariantsTable", "Barcode"),
    VariantColumn.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("VariantsTable", "Own price"),
    VariantColumn.LOW_STOCK_THRESHOLD: QT_TRANSLATE_NOOP("VariantsTable", "Alert at"),
    VariantColumn.ACTIVE: QT_TRANSLATE_NOOP("VariantsTable", "On sale"),
}
TIPS = {
    VariantColumn.SKU: QT_TRANSLATE_NOOP("VariantsTable", "The code of the variant; it cannot change once saved"),
    VariantColumn.BARCODE: QT_TRANSLATE_NOOP("VariantsTable", "EAN-13 or any code printed on the item (optional)"),
    VariantColumn.PRICE_OVERRIDE: QT_TRANSLATE_NOOP(
        "VariantsTable", "A price of its own for this variant, instead of the product's (optional)"
    ),
    VariantColumn.LOW_STOCK_THRESHOLD: QT_TRANSLATE_NOOP(
        "VariantsTable", "Low-stock alert when the units available fall to this number or below"
    ),
    VariantColumn.ACTIVE: QT_TRANSLATE_NOOP("VariantsTable", "Sold at the counter and online"),
}
# The draft's field names (InvalidFields keys "variants.<row>.<field>") -> the column showing them.
FIELD_COLUMNS = {
    "size": VariantColumn.SIZE,
    "colour": VariantColumn.COLOUR,
    "sku": VariantColumn.SKU,
    "barcode": VariantColumn.BARCODE,
    "price_override": VariantColumn.PRICE_OVERRIDE,
    "low_stock_threshold": VariantColumn.LOW_STOCK_THRESHOLD,
}


@dataclass(frozen=True)
class _Saved:
    """What the table keeps of a saved variant besides its cells: its other properties (material...)."""

    other_properties: Mapping[str, str] = field(default_factory=dict)


def _tr(text: str) -> str:
    return QCoreApplication.translate("VariantsTable", text)


class VariantsTable(QTableWidget):
    """One row per variant. A saved variant's SKU is fixed; a new row's SKU is typed. Rows of saved
    variants cannot be removed (their history stays): untick On sale instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(VariantColumn), parent)
        self.setObjectName("variantsTable")
        self._saved: list[_Saved | None] = []
        for column in VariantColumn:
            item = QTableWidgetItem(_tr(HEADERS[column]))
            if column in TIPS:
                item.setToolTip(_tr(TIPS[column]))
            self.setHorizontalHeaderItem(column, item)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.horizontalHeader()
        header.setSectionResizeMode(VariantColumn.SKU, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (VariantColumn.SIZE, 50),
            (VariantColumn.COLOUR, 90),
            (VariantColumn.BARCODE, 115),
            (VariantColumn.PRICE_OVERRIDE, 80),
            (VariantColumn.LOW_STOCK_THRESHOLD, 62),
            (VariantColumn.ACTIVE, 60),
        ):
            header.resizeSection(column, width)

    def set_variants(self, variants: Sequence[VariantInfo]) -> None:
        self.setRowCount(0)
        self._saved = []
        for variant in variants:
            colour = variant.properties.get(COLOUR, "")
            others = {k: v for k, v in variant.properties.items() if k != COLOUR}
            self._append(
                _Saved(others),
                size=variant.size or "",
                colour=colour,
                sku=variant.sku,
                barcode=variant.barcode or "",
                price_override="" if variant.price_override is None else str(variant.price_override),
                threshold=str(variant.low_stock_threshold),
                active=variant.active,
            )

    def add_variant(self, *, size: str = "", colour: str = "", sku: str = "") -> int:
        """A new, empty row to type a variant in; returns its row."""
        self._append(None, size=size, colour=colour, sku=sku, barcode="", price_override="", threshold="0", active=True)
        row = self.rowCount() - 1
        self.setCurrentCell(row, VariantColumn.SIZE)
        return row

    def is_new(self, row: int) -> bool:
        return self._saved[row] is None

    def remove_new(self, row: int) -> bool:
        """Remove a row typed since the last save; saved variants stay."""
        if not 0 <= row < self.rowCount() or not self.is_new(row):
            return False
        self.removeRow(row)
        del self._saved[row]
        return True

    def set_cell(self, row: int, column: VariantColumn, text: str) -> None:
        self.item(row, column).setText(text)

    def _append(
        self,
        saved: _Saved | None,
        *,
        size: str,
        colour: str,
        sku: str,
        barcode: str,
        price_override: str,
        threshold: str,
        active: bool,
    ) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self._saved.append(saved)
        texts = {
            VariantColumn.SIZE: size,
            VariantColumn.COLOUR: colour,
            VariantColumn.SKU: sku,
            VariantColumn.BARCODE: barcode,
            VariantColumn.PRICE_OVERRIDE: price_override,
            VariantColumn.LOW_STOCK_THRESHOLD: threshold,
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            if column in (VariantColumn.PRICE_OVERRIDE, VariantColumn.LOW_STOCK_THRESHOLD):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column is VariantColumn.SKU and saved is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setForeground(QBrush(FIXED_TEXT))
                item.setToolTip(_tr(TIPS[VariantColumn.SKU]))
            self.setItem(row, column, item)
        check = QTableWidgetItem()
        check.setFlags((check.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
        check.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        self.setItem(row, VariantColumn.ACTIVE, check)

    def drafts(self) -> tuple[VariantDraft, ...]:
        drafts = []
        for row, saved in enumerate(self._saved):

            def text(column: VariantColumn, row: int = row) -> str:
                return self.item(row, column).text().strip()

            drafts.append(
                VariantDraft(
                    sku=text(VariantColumn.SKU),
                    barcode=text(VariantColumn.BARCODE),
                    size=text(VariantColumn.SIZE),
                    colour=text(VariantColumn.COLOUR),
                    price_override=text(VariantColumn.PRICE_OVERRIDE) or None,
                    low_stock_threshold=text(VariantColumn.LOW_STOCK_THRESHOLD) or "0",
                    active=self.item(row, VariantColumn.ACTIVE).checkState() == Qt.CheckState.Checked,
                    other_properties=dict(saved.other_properties) if saved is not None else {},
                )
            )
        return tuple(drafts)

    # ----- problems the service found, cell by cell ---------------------------------------------

    def clear_problems(self) -> None:
        for row in range(self.rowCount()):
            for column in FIELD_COLUMNS.values():
                item = self.item(row, column)
                item.setBackground(QBrush())
                if not (column is VariantColumn.SKU and not self.is_new(row)):
                    item.setToolTip("")

    def mark_problem(self, row: int, field_name: str, message: str) -> bool:
        """Paint the cell of `field_name` on `row` and give it the message as a tooltip."""
        column = FIELD_COLUMNS.get(field_name)
        if column is None or not 0 <= row < self.rowCount():
            return False
        item = self.item(row, column)
        item.setBackground(QBrush(ERROR_BACKGROUND))
        item.setToolTip(message)
        return True

    def problem_cell(self, row: int, field_name: str) -> QTableWidgetItem | None:
        column = FIELD_COLUMNS.get(field_name)
        return None if column is None else self.item(row, column)
