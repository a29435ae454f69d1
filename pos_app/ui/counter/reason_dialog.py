"""Ask why, before an action the journal records with its reason (voiding a ticket)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.widgets.labels import error_label, section_title


class ReasonDialog(QDialog):
    """Accepted with `reason` set, never empty. Frequent reasons are one click away."""

    def __init__(
        self,
        title: str,
        explanation: str,
        action: str,
        frequent: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.reason = ""
        self._field = QLineEdit(objectName="reasonText")
        self._field.setPlaceholderText(self.tr("Why? (required)"))
        self._field.setMinimumHeight(44)
        self._field.setMaxLength(500)
        self._error = error_label("reasonError")
        confirm = QPushButton(action, objectName="reasonConfirm")
        confirm.setDefault(True)
        confirm.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("Keep the ticket (Esc)"), objectName="reasonCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        quick = QHBoxLayout()
        for position, text in enumerate(frequent):
            button = QPushButton(text, objectName=f"reasonQuick{position}")
            button.setAutoDefault(False)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, chosen=text: self._field.setText(chosen))
            quick.addWidget(button)
        quick.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (cancel, confirm):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        note = QLabel(explanation)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(title, "reasonTitle"))
        layout.addWidget(note)
        layout.addLayout(quick)
        layout.addWidget(self._field)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._field.setFocus()

    def _confirm(self) -> None:
        reason = self._field.text().strip()
        if not reason:
            self._error.setText(self.tr("Say why in a few words: the journal keeps it."))
            self._error.show()
            self._field.setFocus()
            return
        self.reason = reason
        self.accept()
