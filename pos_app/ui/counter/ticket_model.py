"""The lines of the ticket being rung up: what the cashier asked for, and what the service priced it at."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from pos_app.domain.money import Currency
from pos_app.domain.sale import PricedLine, PricedTicket, TicketLine, price_ticket
from pos_app.domain.vat import format_rate
from pos_app.services.inventory import SkuRow
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
SaleLine = tuple[str, int, Decimal]  # sku, quantity, line discount percent: what the services take
OFFER_ROLE = Qt.ItemDataRole.UserRole + 1  # the discounts of a line, shown under its product


class Column(IntEnum):
    PRODUCT = 0
    QUANTITY = 1
    PRICE = 2
    DISCOUNT = 3
    TOTAL = 4
    STOCK = 5


class StockWarning(Enum):
    NONE = "none"
    LOW = "low"  # at or below the SKU's low-stock level
    SHORT = "short"  # more asked than available


@dataclass(frozen=True, slots=True)
class Shade:
    background: QColor
    foreground: QColor


SHADES = {
    StockWarning.LOW: Shade(QColor("#ffe9b0"), QColor("#5c3d00")),
    StockWarning.SHORT: Shade(QColor("#f9d3cf"), QColor("#8a1c12")),
}


@dataclass(frozen=True, slots=True)
class TicketItem:
    sku: str
    name: str
    variant: str
    unit_price: Decimal
    vat_rate: Decimal
    available: int  # as last read from the stock
    low_stock_threshold: int
    quantity: int = 1
    discount_percent: Decimal = Decimal(0)

    @property
    def description(self) -> str:
        return f"{self.name} {self.variant}" if self.variant else self.name

    @property
    def sale_line(self) -> SaleLine:
        return (self.sku, self.quantity, self.discount_percent)

    @property
    def warning(self) -> StockWarning:
        if self.quantity > self.available:
            return StockWarning.SHORT
        return StockWarning.LOW if self.available <= self.low_stock_threshold else StockWarning.NONE


def item_of(row: SkuRow, quantity: int = 1, discount_percent: Decimal = Decimal(0)) -> TicketItem:
    return TicketItem(
        sku=row.sku,
        name=row.name,
        variant=row.variant,
        unit_price=row.unit_price,
        vat_rate=row.vat_rate,
        available=row.available,
        low_stock_threshold=row.low_stock_threshold,
        quantity=quantity,
        discount_percent=discount_percent,
    )


@dataclass(frozen=True, slots=True)
class LineView:
    """What the table shows of one line, computed once per change: painting only reads it."""

    texts: tuple[str, ...]  # by column
    offer: str
    tooltip: str
    shade: Shade | None


DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TicketModel(ColumnsTableModel):
    """Lines in the order they were rung up. A line shows the service's pricing once it arrived for the
    ticket as it is now, and a plain estimate (no automatic discount) until then.

    `lines_changed` fires after every change of the lines, so the page asks for a new price."""

    columns = Column
    lines_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: Mapping[Any, str] = {
            Column.PRODUCT: self.tr("Product"),
            Column.QUANTITY: self.tr("Qty"),
            Column.PRICE: self.tr("Price"),
            Column.DISCOUNT: self.tr("Discount"),
            Column.TOTAL: self.tr("Total"),
            Column.STOCK: self.tr("Stock"),
        }
        self.header_tips: Mapping[Any, str] = {
            Column.STOCK: self.tr("Units available for sale (on hand minus online holds) when last looked"),
            Column.DISCOUNT: self.tr("Everything taken off the line: promotions, partner, line and ticket discounts"),
        }
        self._items: list[TicketItem] = []
        self._views: list[LineView] = []
        self._priced: PricedTicket | None = None
        self._priced_for: tuple[SaleLine, ...] = ()
        self._priced_extra: tuple[object, ...] = ()
        self.currency = Currency("EUR", 2)

    @staticmethod
    def align(column: int) -> Qt.AlignmentFlag:
        return LEFT if column == Column.PRODUCT else RIGHT

    # ----- reading -----------------------------------------------------------------------------

    @property
    def items(self) -> tuple[TicketItem, ...]:
        return tuple(self._items)

    def item(self, row: int) -> TicketItem:
        return self._items[row]

    def row_of(self, sku: str) -> int | None:
        return next((row for row, item in enumerate(self._items) if item.sku == sku), None)

    def sale_lines(self) -> tuple[SaleLine, ...]:
        return tuple(item.sale_line for item in self._items)

    def priced_ticket(self, extra: tuple[object, ...]) -> PricedTicket | None:
        """The service's pricing when it was made for exactly these lines and `extra` (customer and ticket
        discount), else None."""
        if self._priced is None or self._priced_for != self.sale_lines() or self._priced_extra != extra:
            return None
        return self._priced

    def estimate(self, ticket_discount_percent: Decimal) -> PricedTicket:
        """The ticket priced here, without the automatic discounts only the service knows."""
        lines = [TicketLine(i.sku, i.quantity, i.unit_price, i.vat_rate, i.discount_percent) for i in self._items]
        return price_ticket(lines, ticket_discount_percent, self.currency)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        view = self._views[index.row()]
        if role == DISPLAY:
            return view.texts[index.column()]
        if role == ALIGNMENT:
            return LEFT if index.column() == Column.PRODUCT else RIGHT
        if role == BACKGROUND:
            return view.shade.background if view.shade else None
        if role == FOREGROUND:
            return view.shade.foreground if view.shade else None
        if role == OFFER_ROLE:
            return view.offer if index.column() == Column.PRODUCT else None
        if role == TOOLTIP:
            return view.tooltip
        return None

    def _view(self, row: int) -> LineView:
        item = self._items[row]
        priced = self._line_pricing(row, item)
        offer = self._offer_text(item, priced)
        return LineView(
            texts=(
                item.description,
                str(item.quantity),
                str(item.unit_price),
                f"-{priced.discount}" if priced.discount else "",
                str(priced.total),
                str(item.available),
            ),
            offer=offer,
            tooltip=self._tooltip(item, offer),
            shade=SHADES.get(item.warning),
        )

    def _line_pricing(self, row: int, item: TicketItem) -> PricedLine:
        if self._priced is not None and row < len(self._priced_for) and self._priced_for[row] == item.sale_line:
            return self._priced.lines[row]
        line = TicketLine(item.sku, item.quantity, item.unit_price, item.vat_rate, item.discount_percent)
        return price_ticket([line], Decimal(0), self.currency).lines[0]

    def _offer_text(self, item: TicketItem, priced: PricedLine) -> str:
        parts = [priced.discount_label] if priced.discount_label else []
        if item.discount_percent:
            parts.append(
                QCoreApplication.translate("TicketModel", "Line discount -{percent} %").format(
                    percent=format_rate(item.discount_percent)
                )
            )
        if priced.ticket_discount:
            parts.append(QCoreApplication.translate("TicketModel", "Ticket discount"))
        return ", ".join(parts)

    def _tooltip(self, item: TicketItem, offer: str) -> str:
        match item.warning:
            case StockWarning.SHORT:
                stock = QCoreApplication.translate("TicketModel", "Only {available} available: {quantity} asked.")
            case StockWarning.LOW:
                stock = QCoreApplication.translate("TicketModel", "Low stock: {available} available.")
            case _:
                stock = QCoreApplication.translate("TicketModel", "{available} available.")
        text = f"{item.sku} · " + stock.format(available=item.available, quantity=item.quantity)
        return f"{text}\n{offer}" if offer else text

    # ----- changing ----------------------------------------------------------------------------

    def append(self, item: TicketItem) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self._views.append(self._view(row))
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def replace(self, row: int, item: TicketItem) -> None:
        self._items[row] = item
        self._changed(row)
        self.lines_changed.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        del self._views[row]
        self.endRemoveRows()
        self.lines_changed.emit()

    def set_items(self, items: Sequence[TicketItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._priced = None
        self._priced_for = ()
        self._views = [self._view(row) for row in range(len(self._items))]
        self.endResetModel()
        self.lines_changed.emit()

    def set_priced(self, lines: tuple[SaleLine, ...], extra: tuple[object, ...], priced: PricedTicket) -> None:
        """The service's pricing of `lines` with `extra`; shown on the lines it still matches."""
        self._priced, self._priced_for, self._priced_extra = priced, lines, extra
        for row in range(len(self._items)):
            view = self._view(row)
            if view != self._views[row]:
                self._views[row] = view
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def mark_available(self, available: Mapping[str, int]) -> None:
        """What the stock says now about some SKUs (after a sale was refused for stock)."""
        for row, item in enumerate(self._items):
            if item.sku in available and available[item.sku] != item.available:
                self._items[row] = replace(item, available=available[item.sku])
                self._changed(row)

    def _changed(self, row: int) -> None:
        self._views[row] = self._view(row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
