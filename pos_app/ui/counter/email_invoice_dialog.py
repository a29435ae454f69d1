"""Where to email a sale's invoice: one address, prefilled with the customer's when the shop knows it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.widgets.labels import error_label, section_title


class EmailInvoiceDialog(QDialog):
    """Accepted with `address` set (the service checks it is a real address before sending)."""

    def __init__(self, address: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailInvoiceDialog")
        self.setWindowTitle(self.tr("Email the invoice"))
        self.setMinimumWidth(480)
        self.address = ""
        self._address = QLineEdit(address, objectName="emailInvoiceAddress")
        self._address.setPlaceholderText(self.tr("name@example.com"))
        self._address.setMinimumHeight(40)
        self._address.selectAll()
        label = QLabel(self.tr("Customer's &email address"))
        label.setBuddy(self._address)
        self._error = error_label("emailInvoiceError")
        send = QPushButton(self.tr("Send (Enter)"), objectName="emailInvoiceSend")
        send.setDefault(True)
        send.clicked.connect(self._send)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="emailInvoiceCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (cancel, send):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Email the invoice"), "emailInvoiceTitle"))
        layout.addWidget(label)
        layout.addWidget(self._address)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._address.setFocus()

    def _send(self) -> None:
        address = self._address.text().strip()
        if "@" not in address:
            self._error.setText(self.tr("Type the customer's email address, such as name@example.com."))
            self._error.show()
            self._address.setFocus()
            return
        self.address = address
        self.accept()
