"""Reading the screen as a person would: texts of the table, colours of its rows, and a catalogue."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from pos_app.domain.roles import Actor
from pos_app.services import Services

AMBER = "#ffe9b0"
RED = "#f9d3cf"
GREY_TEXT = "#6b6b6b"


def add_product(
    services: Services,
    actor: Actor,
    sku: str,
    name: str,
    *,
    price: str = "10.00",
    stock: int = 0,
    threshold: int = 0,
    size: str | None = None,
    colour: str | None = None,
    barcode: str | None = None,
) -> None:
    services.inventory.create_product(
        actor,
        sku=sku,
        name=name,
        price=Decimal(price),
        vat_rate=Decimal("20"),
        barcode=barcode,
        low_stock_threshold=threshold,
        size=size,
        properties={"colour": colour} if colour else None,
    )
    if stock:
        services.inventory.receive(actor, sku, stock)


def header_texts(table: QTableView) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def row_texts(table: QTableView) -> list[tuple[str, ...]]:
    model = table.model()
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def column_texts(table: QTableView, header: str) -> list[str]:
    column = header_texts(table).index(header)
    return [row[column] for row in row_texts(table)]


def row_of(table: QTableView, sku: str) -> int:
    return column_texts(table, "SKU").index(sku)


def row_background(table: QTableView, row: int) -> str | None:
    """The background colour the row is painted with, as #rrggbb, or None for the table's own."""
    value = table.model().index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
    if value is None:
        return None
    color = value.color() if isinstance(value, QBrush) else QColor(value)
    return color.name()


def row_foreground(table: QTableView, row: int) -> str | None:
    """The text colour of the row, as #rrggbb, or None for the table's own."""
    value = table.model().index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    if value is None:
        return None
    color = value.color() if isinstance(value, QBrush) else QColor(value)
    return color.name()


def painted_colour(table: QTableView, row: int) -> str:
    """The colour actually on screen at the left edge of the row's first cell."""
    image = table.viewport().grab().toImage()
    rect = table.visualRect(table.model().index(row, 0))
    return image.pixelColor(rect.left() + 2, rect.center().y()).name()
