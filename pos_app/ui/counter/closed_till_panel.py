"""What the counter shows while it cannot sell: the till is closed, or cannot be found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.errors import TillClosed
from pos_app.ui.counter.touch import enlarge, touch_button
from pos_app.ui.error_text import plain_message


class ClosedTillPanel(QWidget):
    """Says why nothing can be sold, in plain words; offers to open the till (when set_can_open_till says
    someone listens to `open_till_requested`) and to look again."""

    open_till_requested = Signal()
    look_again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillClosedPanel")
        self._text = QLabel(self.tr("Looking for the till…"), objectName="tillClosedText")
        self._text.setWordWrap(True)
        self._text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self._text, 1.3)
        self._open_till = touch_button(QPushButton(self.tr("Open the till…"), objectName="openTillButton"))
        self._open_till.clicked.connect(self.open_till_requested)
        self._open_till.hide()
        look_again = touch_button(QPushButton(self.tr("Look again"), objectName="checkTillButton"))
        look_again.clicked.connect(self.look_again)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self._open_till)
        buttons.addWidget(look_again)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch()
        layout.addWidget(self._text)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def set_can_open_till(self, can: bool) -> None:
        self._open_till.setVisible(can)

    def show_problem(self, error: Exception) -> None:
        if not isinstance(error, TillClosed):
            self._text.setText(plain_message(error))
            return
        text = self.tr("The till is closed, so nothing can be sold yet.") + "\n"
        if self._open_till.isHidden():
            text += self.tr("Open the till on the Till page with the counted float, then come back here.")
        else:
            text += self.tr("Open it with the counted float to start selling.")
        self._text.setText(text)
