"""The stock table: SKUs from the stock list service, a page at a time, with low stock in colour."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum, IntEnum
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem

from pos_app.services.inventory import SkuRow
from pos_app.services.stock_list import StockListService, StockQuery, StockSort
from pos_app.ui.widgets.paged_model import Cells, PagedTableModel, cell, cell_template

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PRODUCT = 0
    VARIANT = 1
    SKU = 2
    BARCODE = 3
    PRICE = 4
    ON_HAND = 5
    RESERVED = 6
    AVAILABLE = 7


HEADERS = {
    Column.PRODUCT: QT_TRANSLATE_NOOP("StockTableModel", "Product"),
    Column.VARIANT: QT_TRANSLATE_NOOP("StockTableModel", "Variant"),
    Column.SKU: QT_TRANSLATE_NOOP("StockTableModel", "SKU"),
    Column.BARCODE: QT_TRANSLATE_NOOP("StockTableModel", "Barcode"),
    Column.PRICE: QT_TRANSLATE_NOOP("StockTableModel", "Price"),
    Column.ON_HAND: QT_TRANSLATE_NOOP("StockTableModel", "On hand"),
    Column.RESERVED: QT_TRANSLATE_NOOP("StockTableModel", "Reserved"),
    Column.AVAILABLE: QT_TRANSLATE_NOOP("StockTableModel", "Available"),
}
HEADER_TIPS = {
    Column.PRICE: QT_TRANSLATE_NOOP("StockTableModel", "Unit price, after promotion and variant price"),
    Column.RESERVED: QT_TRANSLATE_NOOP("StockTableModel", "Held for online orders that are being paid"),
    Column.AVAILABLE: QT_TRANSLATE_NOOP("StockTableModel", "On hand minus reserved: what can still be sold"),
}
NUMERIC_COLUMNS = frozenset({Column.PRICE, Column.ON_HAND, Column.RESERVED, Column.AVAILABLE})
SORTS = {
    Column.PRODUCT: StockSort.PRODUCT,
    Column.SKU: StockSort.SKU,
    Column.PRICE: StockSort.PRICE,
    Column.ON_HAND: StockSort.ON_HAND,
    Column.RESERVED: StockSort.RESERVED,
    Column.AVAILABLE: StockSort.AVAILABLE,
}


class StockStatus(Enum):
    """LOW is at or below the SKU's alert level; OUT (nothing available) counts as low stock too."""

    IN_STOCK = "in stock"
    LOW = "low"
    OUT = "out"


@dataclass(frozen=True, slots=True)
class Highlight:
    background: QColor
    foreground: QColor


HIGHLIGHTS = {
    StockStatus.LOW: Highlight(background=QColor("#ffe9b0"), foreground=QColor("#5c3d00")),
    StockStatus.OUT: Highlight(background=QColor("#f9d3cf"), foreground=QColor("#8a1c12")),
}


def status_of(row: SkuRow) -> StockStatus:
    if row.available <= 0:
        return StockStatus.OUT
    return StockStatus.LOW if row.low_stock else StockStatus.IN_STOCK


# What each column shows of a row, by column number.
CELL_TEXTS: tuple[Callable[[SkuRow], str], ...] = (
    lambda row: row.name,
    lambda row: row.variant,
    lambda row: row.sku,
    lambda row: row.barcode or "",
    lambda row: str(row.unit_price),
    lambda row: str(row.on_hand),
    lambda row: str(row.reserved),
    lambda row: str(row.available),
)


def status_tip(row: SkuRow) -> str | None:
    match status_of(row):
        case StockStatus.OUT:
            return QCoreApplication.translate("StockTableModel", "Out of stock: {available} available.").format(
                available=row.available
            )
        case StockStatus.LOW:
            return QCoreApplication.translate(
                "StockTableModel", "Low stock: {available} available, alert at {threshold} or fewer."
            ).format(available=row.available, threshold=row.low_stock_threshold)
        case StockStatus.IN_STOCK:
            return None


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC_COLUMNS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def row_cells(row: SkuRow) -> Cells:
    """What the row shows, one cell per column, made as the page arrives. A low or
    out-of-stock row is in colour, with its status as the tooltip of every cell."""
    status = status_of(row)
    templates = _templates()[status]
    tip = status_tip(row)
    return [cell(template, text(row), tip) for template, text in zip(templates, CELL_TEXTS, strict=True)]


class StockTableModel(PagedTableModel[SkuRow, StockQuery]):
    """The active SKUs matching the page's query, read a page at a time, in the order of the last header
    click. The Variant column does not sort: variants sort within their product."""

    columns = Column
    headers = HEADERS
    header_tips = HEADER_TIPS
    align = staticmethod(_alignment)
    cells = staticmethod(row_cells)

    def __init__(self, stock_list: StockListService, parent: QObject | None = None) -> None:
        super().__init__(stock_list.page, StockQuery(), parent)
        _templates()

    @property
    def sort_column(self) -> Column:
        return next(column for column, sort in SORTS.items() if sort is self.query.sort)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = SORTS.get(Column(column))
        descending = order == Qt.SortOrder.DescendingOrder
        if sort is None or (sort, descending) == (self.query.sort, self.query.descending):
            return  # QTableView.sortByColumn asks twice: once itself, once through the header
        self.set_query(replace(self.query, sort=sort, descending=descending))


@cache
def _templates() -> dict[StockStatus, tuple[QStandardItem, ...]]:
    """The cells to copy, by status and column, made once."""
    bold = QFont()
    bold.setBold(True)
    templates = {StockStatus.IN_STOCK: tuple(cell_template(_alignment(column)) for column in Column)}
    for status, highlight in HIGHLIGHTS.items():
        templates[status] = tuple(
            cell_template(
                _alignment(column),
                foreground=highlight.foreground,
                background=highlight.background,
                font=bold if column == Column.AVAILABLE else None,
            )
            for column in Column
        )
    return templates
