"""A small dialog around a FieldForm: one service call on submit, in the background, errors under their field."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, page_title


class FormDialog(QDialog):
    """Subclasses add their fields to `self.form` and call `run` from `submit`; the dialog closes as accepted
    once the call worked."""

    def __init__(
        self, object_name: str, title: str, hint: str, submit_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = FieldForm(f"{object_name}Form")
        self.error = error_label(f"{object_name}Error")
        self.submit_button = QPushButton(submit_text, objectName=f"{object_name}Submit")
        self.submit_button.setDefault(True)
        self.submit_button.setMinimumHeight(self.submit_button.sizeHint().height() + 8)
        self.submit_button.clicked.connect(self.submit)
        cancel = QPushButton(
            QCoreApplication.translate("FormDialog", "Cancel  (Esc)"), objectName=f"{object_name}Cancel"
        )
        cancel.setMinimumHeight(self.submit_button.minimumHeight())
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self._cancel = cancel
        self._busy = False

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(title))
        layout.addWidget(hint_label(hint))
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        """The buttons were made before the subclass's fields: Tab goes through the fields first."""
        chain = [*self.form.widgets_in_order, self._cancel, self.submit_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        super().showEvent(event)

    def run(self, op: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        self.error.hide()
        self.form.clear_errors()

        def succeeded(result: Any) -> None:
            self._busy = False
            self.submit_button.setEnabled(True)
            done(result)
            self.accept()

        BackgroundOp(self, op).success(succeeded).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        if not self.form.show_error(error):
            self.error.setText(plain_message(error))
            self.error.show()
