"""The movement history table: a page of movements at a time, newest first, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem

from pos_app.domain.stock import MovementKind
from pos_app.services.movement_history import MovementFilter, MovementHistoryService, MovementLine
from pos_app.ui.widgets.paged_model import Cells, PagedTableModel, cell, cell_template

Index = QModelIndex | QPersistentModelIndex
OUT_COLOUR = QColor("#8a1c12")
IN_COLOUR = QColor("#1d6b2c")
MINUS = "\u2212"


class HistoryColumn(IntEnum):
    TIME = 0
    SKU = 1
    PRODUCT = 2
    VARIANT = 3
    KIND = 4
    QUANTITY = 5
    BEFORE = 6
    AFTER = 7
    REASON = 8
    REFERENCE = 9
    USER = 10


HEADERS = {
    HistoryColumn.TIME: QT_TRANSLATE_NOOP("MovementTableModel", "Time"),
    HistoryColumn.SKU: QT_TRANSLATE_NOOP("MovementTableModel", "SKU"),
    HistoryColumn.PRODUCT: QT_TRANSLATE_NOOP("MovementTableModel", "Product"),
    HistoryColumn.VARIANT: QT_TRANSLATE_NOOP("MovementTableModel", "Variant"),
    HistoryColumn.KIND: QT_TRANSLATE_NOOP("MovementTableModel", "Kind"),
    HistoryColumn.QUANTITY: QT_TRANSLATE_NOOP("MovementTableModel", "Change"),
    HistoryColumn.BEFORE: QT_TRANSLATE_NOOP("MovementTableModel", "Before"),
    HistoryColumn.AFTER: QT_TRANSLATE_NOOP("MovementTableModel", "After"),
    HistoryColumn.REASON: QT_TRANSLATE_NOOP("MovementTableModel", "Reason"),
    HistoryColumn.REFERENCE: QT_TRANSLATE_NOOP("MovementTableModel", "Reference"),
    HistoryColumn.USER: QT_TRANSLATE_NOOP("MovementTableModel", "By"),
}
HEADER_TIPS = {
    HistoryColumn.TIME: QT_TRANSLATE_NOOP("MovementTableModel", "When the stock moved, in this computer's time"),
    HistoryColumn.QUANTITY: QT_TRANSLATE_NOOP("MovementTableModel", "Units in (+) or out (−) of the shop"),
    HistoryColumn.BEFORE: QT_TRANSLATE_NOOP("MovementTableModel", "On hand before the movement"),
    HistoryColumn.AFTER: QT_TRANSLATE_NOOP("MovementTableModel", "On hand after the movement"),
    HistoryColumn.USER: QT_TRANSLATE_NOOP("MovementTableModel", "Who moved the stock; empty for the online shop"),
}
KIND_NAMES = {
    MovementKind.SALE: QT_TRANSLATE_NOOP("MovementTableModel", "Sale"),
    MovementKind.RETURN: QT_TRANSLATE_NOOP("MovementTableModel", "Return"),
    MovementKind.RESTOCK: QT_TRANSLATE_NOOP("MovementTableModel", "Delivery"),
    MovementKind.ADJUSTMENT: QT_TRANSLATE_NOOP("MovementTableModel", "Adjustment"),
    MovementKind.LOSS: QT_TRANSLATE_NOOP("MovementTableModel", "Loss"),
    MovementKind.TRANSFER: QT_TRANSLATE_NOOP("MovementTableModel", "Transfer"),
}
NUMERIC_COLUMNS = frozenset({HistoryColumn.QUANTITY, HistoryColumn.BEFORE, HistoryColumn.AFTER})


def kind_name(kind: MovementKind) -> str:
    return QCoreApplication.translate("MovementTableModel", KIND_NAMES[kind])


def signed(quantity: int) -> str:
    """+3, −2: the sign always shown, with a true minus sign."""
    return f"+{quantity}" if quantity > 0 else f"{MINUS}{-quantity}"


def minute_text(moment: datetime) -> str:
    """2026-11-22 21:33 on this computer's clock. Not strftime: under PySide's import hook it costs 25 µs a call
    here, three times as much, once per row of the history."""
    local = moment.astimezone()
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"


# What each column shows of a movement, by column number.
CELL_TEXTS: tuple[Callable[[MovementLine], str], ...] = (
    lambda line: minute_text(line.at),
    lambda line: line.sku,
    lambda line: line.product,
    lambda line: line.variant,
    lambda line: kind_name(line.kind),
    lambda line: signed(line.quantity),
    lambda line: str(line.stock_before),
    lambda line: str(line.stock_after),
    lambda line: line.reason,
    lambda line: line.reference or "",
    lambda line: line.user or "",
)


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC_COLUMNS else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _templates(quantity_colour: QColor) -> tuple[QStandardItem, ...]:
    return tuple(
        cell_template(_alignment(column), foreground=quantity_colour if column == HistoryColumn.QUANTITY else None)
        for column in HistoryColumn
    )


# The cells to copy, by column, for a movement in and a movement out: the change is in colour.
IN_TEMPLATES, OUT_TEMPLATES = _templates(IN_COLOUR), _templates(OUT_COLOUR)
TIPPED = tuple(column in (HistoryColumn.REASON, HistoryColumn.REFERENCE) for column in HistoryColumn)


def movement_cells(line: MovementLine) -> Cells:
    """What the movement shows, one cell per column, made as the page arrives."""
    templates = IN_TEMPLATES if line.quantity > 0 else OUT_TEMPLATES
    cells = []
    for template, text_of, tipped in zip(templates, CELL_TEXTS, TIPPED, strict=True):
        text = text_of(line)
        cells.append(cell(template, text, text if tipped else None))
    return cells


class MovementTableModel(PagedTableModel[MovementLine, MovementFilter]):
    columns = HistoryColumn
    headers = HEADERS
    header_tips = HEADER_TIPS
    align = staticmethod(_alignment)
    cells = staticmethod(movement_cells)

    def __init__(self, history: MovementHistoryService, parent: QObject | None = None) -> None:
        super().__init__(history.page, MovementFilter(), parent)
