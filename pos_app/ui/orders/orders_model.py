"""The orders table: every recent online order in plain words, the ones to act on standing out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pos_app.domain.money import currency
from pos_app.services.payments import Order, OrderStatus
from pos_app.ui.orders.holds_model import lines_summary
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
ATTENTION_BACKGROUND = QColor("#f9d3cf")
ATTENTION_TEXT = QColor("#8a1c12")
NOT_NUMBERED = "—"
MONTHS = (
    QT_TRANSLATE_NOOP("OrdersTableModel", "Jan"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Feb"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Mar"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Apr"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "May"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Jun"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Jul"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Aug"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Sep"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Oct"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Nov"),
    QT_TRANSLATE_NOOP("OrdersTableModel", "Dec"),
)

STATUS_WORDS = {
    OrderStatus.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("OrdersTableModel", "Awaiting payment"),
    OrderStatus.PAID: QT_TRANSLATE_NOOP("OrdersTableModel", "Paid"),
    OrderStatus.PAYMENT_FAILED: QT_TRANSLATE_NOOP("OrdersTableModel", "Payment failed"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("OrdersTableModel", "Cancelled"),
    OrderStatus.EXPIRED: QT_TRANSLATE_NOOP("OrdersTableModel", "Expired"),
    OrderStatus.REFUND_PENDING: QT_TRANSLATE_NOOP("OrdersTableModel", "Refund pending"),
    OrderStatus.REFUNDED_OUT_OF_STOCK: QT_TRANSLATE_NOOP("OrdersTableModel", "Refunded — out of stock"),
}
# Paid after the hold ran out, and the stock was gone: the money goes back and the customer has to hear why.
NEEDS_ATTENTION = frozenset({OrderStatus.REFUNDED_OUT_OF_STOCK, OrderStatus.REFUND_PENDING})
ATTENTION_TIPS = {
    OrderStatus.REFUNDED_OUT_OF_STOCK: QT_TRANSLATE_NOOP(
        "OrdersTableModel",
        "Paid after its hold ran out, when the stock was gone: the payment was refunded automatically. "
        "Contact the customer at {email}.",
    ),
    OrderStatus.REFUND_PENDING: QT_TRANSLATE_NOOP(
        "OrdersTableModel",
        "Paid after its hold ran out, when the stock was gone: the refund is being sent and is retried "
        "until the payment service confirms it. Contact the customer at {email}.",
    ),
}


class OrderColumn(IntEnum):
    NUMBER = 0
    CREATED = 1
    CUSTOMER = 2
    ITEMS = 3
    TOTAL = 4
    STATUS = 5
    NOTE = 6


ORDER_HEADERS = {
    OrderColumn.NUMBER: QT_TRANSLATE_NOOP("OrdersTableModel", "Order"),
    OrderColumn.CREATED: QT_TRANSLATE_NOOP("OrdersTableModel", "Created"),
    OrderColumn.CUSTOMER: QT_TRANSLATE_NOOP("OrdersTableModel", "Customer"),
    OrderColumn.ITEMS: QT_TRANSLATE_NOOP("OrdersTableModel", "Items"),
    OrderColumn.TOTAL: QT_TRANSLATE_NOOP("OrdersTableModel", "Total"),
    OrderColumn.STATUS: QT_TRANSLATE_NOOP("OrdersTableModel", "Status"),
    OrderColumn.NOTE: QT_TRANSLATE_NOOP("OrdersTableModel", "Note"),
}
ORDER_HEADER_TIPS = {
    OrderColumn.NUMBER: QT_TRANSLATE_NOOP(
        "OrdersTableModel", "Numbered once paid; an order that was never paid, or was refunded, has no number"
    ),
    OrderColumn.CREATED: QT_TRANSLATE_NOOP("OrdersTableModel", "When the customer checked out (this computer's time)"),
}


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One order with its texts worked out once, off the GUI thread."""

    order: Order
    number: str
    created: str
    items: str
    total: str
    status: str
    note: str
    needs_attention: bool


def when_text(moment: datetime, today: datetime) -> str:
    """'13:51' today, '21 Nov 13:51' earlier this year, '21 Nov 2025' before; in this computer's time zone."""
    local, now = moment.astimezone(), today.astimezone()
    if local.date() == now.date():
        return f"{local:%H:%M}"
    day = f"{local.day} {QCoreApplication.translate('OrdersTableModel', MONTHS[local.month - 1])}"
    return f"{day} {local:%H:%M}" if local.year == now.year else f"{day} {local.year}"


def order_row(order: Order, today: datetime) -> OrderRow:
    money = currency(order.currency)
    return OrderRow(
        order=order,
        number=order.number or NOT_NUMBERED,
        created=when_text(order.created_at, today),
        items=lines_summary([(line.sku, line.quantity) for line in order.lines]),
        total=f"{money.round(order.total)} {money.code}",
        status=status_text(order),
        note=_sentence(order.note),
        needs_attention=order.status in NEEDS_ATTENTION,
    )


def status_text(order: Order) -> str:
    """'Paid', or 'Paid · invoice F-2026-000012' once invoiced."""
    words = QCoreApplication.translate("OrdersTableModel", STATUS_WORDS[order.status])
    if order.invoice_number is None:
        return words
    invoiced = QCoreApplication.translate("OrdersTableModel", "invoice {number}").format(number=order.invoice_number)
    return f"{words} · {invoiced}"


def order_rows(orders: Sequence[Order], today: datetime) -> tuple[OrderRow, ...]:
    """Newest first, each order once."""
    unique = {order.id: order for order in orders}.values()
    return tuple(order_row(o, today) for o in sorted(unique, key=lambda o: (o.created_at, o.id), reverse=True))


def cell_tip(row: OrderRow, column: int) -> str | None:
    """The whole text of the columns that get cut short; elsewhere, why an order is to act on."""
    if column == OrderColumn.ITEMS:
        return row.items
    if column == OrderColumn.NOTE:
        return row.note or None
    template = ATTENTION_TIPS.get(row.order.status)
    return QCoreApplication.translate("OrdersTableModel", template).format(email=row.order.email) if template else None


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column == OrderColumn.TOTAL else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class OrdersTableModel(ColumnsTableModel):
    """The orders from the last load; `set_attention_only` narrows them to the ones to act on."""

    columns = OrderColumn
    headers = ORDER_HEADERS
    header_tips = ORDER_HEADER_TIPS
    align = staticmethod(_alignment)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[OrderRow, ...] = ()
        self._shown: tuple[OrderRow, ...] = ()
        self._attention_only = False

    @property
    def attention_count(self) -> int:
        return sum(1 for row in self._all if row.needs_attention)

    def set_rows(self, rows: tuple[OrderRow, ...]) -> None:
        if rows != self._all:
            self._all = rows
            self._refilter()

    def set_attention_only(self, attention_only: bool) -> None:
        self._attention_only = attention_only
        self._refilter()

    def id_at(self, row: int) -> int:
        return self._shown[row].order.id

    def row_of(self, order_id: int) -> int | None:
        return next((i for i, row in enumerate(self._shown) if row.order.id == order_id), None)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = tuple(r for r in self._all if r.needs_attention) if self._attention_only else self._all
        self.endResetModel()

    # ----- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        column = index.column()
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return _text(row, column)
            case Qt.ItemDataRole.TextAlignmentRole:
                return _alignment(column)
            case Qt.ItemDataRole.BackgroundRole if row.needs_attention:
                return ATTENTION_BACKGROUND
            case Qt.ItemDataRole.ForegroundRole if row.needs_attention:
                return ATTENTION_TEXT
            case Qt.ItemDataRole.FontRole if row.needs_attention and column == OrderColumn.STATUS:
                return _bold_font()
            case Qt.ItemDataRole.ToolTipRole:
                return cell_tip(row, column)
        return None


def _text(row: OrderRow, column: int) -> str:
    match column:
        case OrderColumn.NUMBER:
            return row.number
        case OrderColumn.CREATED:
            return row.created
        case OrderColumn.CUSTOMER:
            return row.order.email
        case OrderColumn.ITEMS:
            return row.items
        case OrderColumn.TOTAL:
            return row.total
        case OrderColumn.STATUS:
            return row.status
        case _:
            return row.note


def _sentence(text: str | None) -> str:
    """The services write notes to be appended to other text ('payment cancelled'); here they stand alone."""
    return f"{text[:1].upper()}{text[1:]}" if text else ""


@cache
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
