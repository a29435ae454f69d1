"""Who an invoice is for, when the sale had no customer: name and address as printed on the invoice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.invoices.model import CustomerDetails
from pos_app.ui.widgets.labels import error_label, section_title


class InvoiceCustomerDialog(QDialog):
    """Accepted with `details` set; the name is required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceCustomerDialog")
        self.setWindowTitle(self.tr("Invoice"))
        self.setMinimumWidth(480)
        self.details: CustomerDetails | None = None
        self._name = QLineEdit(objectName="invoiceName")
        self._address = QLineEdit(objectName="invoiceAddress")
        self._address.setPlaceholderText(self.tr("Street, postcode and town"))
        self._email = QLineEdit(objectName="invoiceEmail")
        self._vat = QLineEdit(objectName="invoiceVatNumber")
        self._vat.setPlaceholderText(self.tr("For a business customer"))
        for field in (self._name, self._address, self._email, self._vat):
            field.setMinimumHeight(40)
        self._error = error_label("invoiceCustomerError")
        issue = QPushButton(self.tr("Issue the invoice (Enter)"), objectName="invoiceIssue")
        issue.setDefault(True)
        issue.clicked.connect(self._issue)
        cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="invoiceCancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self._name)
        form.addRow(self.tr("&Address"), self._address)
        form.addRow(self.tr("&Email"), self._email)
        form.addRow(self.tr("&VAT number"), self._vat)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (cancel, issue):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Who is the invoice for?"), "invoiceCustomerTitle"))
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._name.setFocus()

    def _issue(self) -> None:
        name = self._name.text().strip()
        if not name:
            self._error.setText(self.tr("An invoice needs the customer's name."))
            self._error.show()
            self._name.setFocus()
            return
        self.details = CustomerDetails(
            name=name,
            address=self._address.text().strip(),
            email=self._email.text().strip(),
            vat_number=self._vat.text().strip(),
        )
        self.accept()
