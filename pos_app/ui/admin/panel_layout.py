"""The layout every admin panel shares: one column of parts (hints, a table, forms, rows of buttons, the panel's
notice and error line) with the same margins and spacing. A table takes the height left; a column of forms stays
at the top, no wider than a form with its labels."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QScrollArea, QTableView, QVBoxLayout, QWidget

MARGINS = (16, 14, 16, 12)
SPACING = 10
SECTION_GAP = 8  # more room above a section's title than between its parts
FORM_WIDTH = 620
LABELS_WIDTH = 200

Part = QWidget | QLayout | int  # an int is a gap, in pixels, before the next part


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side, on the left."""
    row = QHBoxLayout()
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch()
    return row


def _column(parts: tuple[Part, ...]) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setContentsMargins(*MARGINS)
    column.setSpacing(SPACING)
    for part in parts:
        if isinstance(part, int):
            column.addSpacing(part)
        elif isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part, stretch=1 if isinstance(part, QTableView) else 0)
    return column


def lay_out_table(panel: QWidget, *parts: Part) -> None:
    """The parts fill the panel, top to bottom; its table grows with the window."""
    panel.setLayout(_column(parts))


def lay_out_form(panel: QWidget, *parts: Part, object_name: str = "", scroll_name: str = "") -> None:
    """The parts at the top of the panel, in a column no wider than a form with its labels. With `scroll_name`,
    the column scrolls when the window is not tall enough for it."""
    content = QWidget(objectName=object_name)
    left, _top, right, _bottom = MARGINS
    content.setMaximumWidth(left + FORM_WIDTH + LABELS_WIDTH + right)
    column = _column(parts)
    column.addStretch()
    content.setLayout(column)
    if scroll_name:
        scroll = QScrollArea(objectName=scroll_name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        content = scroll
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
