"""Sizes that suit fingers and arm's length: large buttons, enlarged totals, money as the counter writes it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from pos_app.domain.money import Currency

TOUCH_HEIGHT = 48


def touch_button(button: QPushButton, height: int = TOUCH_HEIGHT) -> QPushButton:
    """Large enough for a finger; clicking it leaves the keyboard with the scan field."""
    button.setMinimumHeight(height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def enlarge(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def money(amount: Decimal, cur: Currency) -> str:
    """'37.40 EUR', '7350 XOF'."""
    return f"{cur.round(amount)} {cur.code}"
