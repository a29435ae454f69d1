"""What the till's small dialogs share: one service call on submit, busy meanwhile, errors in plain words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label


class ActionDialog(QDialog):
    """Subclasses give the title and the button's text, lay out their fields around `self.error` and
    `self.submit_button`, and call `run` from `submit`."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumWidth(420)
        self.error = error_label(f"{object_name}Error")
        self.submit_button = QPushButton(objectName=f"{object_name}Submit")
        self.submit_button.setDefault(True)
        self.submit_button.setMinimumHeight(self.submit_button.sizeHint().height() + 10)
        self.submit_button.clicked.connect(self.submit)
        self._busy = False

    def submit(self) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def run(self, op: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run `op` off the GUI thread; `done` gets its result, and the dialog closes as accepted."""
        if self._busy:
            return
        self._set_busy(True)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            done(result)
            self.accept()

        BackgroundOp(self, op).success(succeeded).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.show_error(plain_message(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        if busy:
            self.error.hide()
