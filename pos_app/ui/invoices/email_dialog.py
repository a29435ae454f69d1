"""Emailing an invoice or credit note as a PDF: to whom (the customer's address, unless another is typed)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.roles import Actor
from pos_app.errors import ValidationError
from pos_app.invoices.model import InvoiceView
from pos_app.services import Services
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label


class EmailInvoiceDialog(QDialog):
    """Sends on Enter; closes once the mail server took the message (`sent` gives the address)."""

    def __init__(self, services: Services, actor: Actor, view: InvoiceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailInvoiceDialog")
        self._services = services
        self._actor = actor
        self._number = view.number
        self.sent_to: str | None = None
        self.setWindowTitle(self.tr("Email {number}").format(number=view.number))
        self.setMinimumWidth(460)

        self._to = QLineEdit(view.customer.email, objectName="emailTo")
        self._to.setPlaceholderText("name@example.com")
        self._to.selectAll()
        self._to_error = error_label("emailToError")
        self._error = error_label("emailError")
        self._send = QPushButton(self.tr("Send  (Enter)"), objectName="sendEmail")
        self._send.setDefault(True)
        cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="cancelEmail")

        form = QFormLayout()
        form.addRow(self.tr("&To"), self._to)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self._send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(QLabel(self.tr("The PDF of {number} is sent as an attachment.").format(number=view.number)))
        layout.addLayout(form)
        layout.addWidget(self._to_error)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

        self._send.clicked.connect(self.send)
        cancel.clicked.connect(self.reject)

    def send(self) -> None:
        if not self._send.isEnabled():
            return
        self._to_error.hide()
        self._error.hide()
        self._send.setEnabled(False)
        self._send.setText(self.tr("Sending…"))
        address = self._to.text().strip()
        job = partial(self._services.mail.email_invoice, self._actor, self._number, address)
        BackgroundOp(self, job).success(lambda _none: self._sent(address)).failure(self._failed).run_in_background()

    def _sent(self, address: str) -> None:
        self.sent_to = address
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._send.setEnabled(True)
        self._send.setText(self.tr("Send  (Enter)"))
        label = self._to_error if isinstance(error, ValidationError) and error.field == "to" else self._error
        label.setText(plain_message(error))
        label.show()
        self._to.setFocus()
