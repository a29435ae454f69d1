"""The field a barcode scanner types into. While it is empty, a few keys act on the ticket instead."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class ScanField(QLineEdit):
    """A scanner types the code and Enter (`returnPressed`). Up and Down move in the search results while
    there is text, and between the ticket's lines while there is none; then + and - change the selected
    line's quantity and Delete removes it (SKU codes may hold a '-', but never start with one).
    Escape clears the text (no clear button: its fade animation would repaint the field after every scan)."""

    increase = Signal()
    decrease = Signal()
    remove = Signal()
    arrow = Signal(int)  # -1 up, +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextMargins(6, 0, 6, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.arrow.emit(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if not self.text():
            signal = {Qt.Key.Key_Plus: self.increase, Qt.Key.Key_Minus: self.decrease, Qt.Key.Key_Delete: self.remove}
            if key in signal:
                signal[key].emit()
                event.accept()
                return
        super().keyPressEvent(event)
