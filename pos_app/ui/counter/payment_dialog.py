"""Take the payment of a ticket: cash with quick amounts and change, card, Orange Money, Wave, bank
transfer, or several of them; then the change in large type and the receipt or invoice, printed or emailed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Currency, parse_amount
from pos_app.domain.roles import Actor
from pos_app.domain.sale import NEEDS_REFERENCE, PaymentMethod, Tender
from pos_app.errors import ValidationError
from pos_app.invoices.model import CustomerDetails
from pos_app.services import Services
from pos_app.services.pos import SaleReceipt
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.cash_amounts import quick_amounts
from pos_app.ui.counter.email_invoice_dialog import EmailInvoiceDialog
from pos_app.ui.counter.invoice_customer_dialog import InvoiceCustomerDialog
from pos_app.ui.counter.sale_documents import EmailStart, SaleDocuments, open_document
from pos_app.ui.counter.ticket_model import SaleLine
from pos_app.ui.counter.touch import enlarge
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label

BUTTON_HEIGHT = 52
METHOD_STYLE = (
    "QPushButton:checked { background: #dde6f3; border: 2px solid #3d6fb4; border-radius: 6px; font-weight: bold; }"
)
METHOD_KEYS = {
    PaymentMethod.CASH: Qt.Key.Key_F1,
    PaymentMethod.CARD: Qt.Key.Key_F2,
    PaymentMethod.ORANGE_MONEY: Qt.Key.Key_F3,
    PaymentMethod.WAVE: Qt.Key.Key_F4,
    PaymentMethod.BANK_TRANSFER: Qt.Key.Key_F5,
}


def method_name(method: PaymentMethod) -> str:
    return {
        PaymentMethod.CASH: QCoreApplication.translate("PaymentDialog", "Cash"),
        PaymentMethod.CARD: QCoreApplication.translate("PaymentDialog", "Card"),
        PaymentMethod.ORANGE_MONEY: QCoreApplication.translate("PaymentDialog", "Orange Money"),
        PaymentMethod.WAVE: QCoreApplication.translate("PaymentDialog", "Wave"),
        PaymentMethod.BANK_TRANSFER: QCoreApplication.translate("PaymentDialog", "Bank transfer"),
    }[method]


def reference_label(method: PaymentMethod) -> str:
    if method is PaymentMethod.CARD:
        return QCoreApplication.translate("PaymentDialog", "Terminal reference (optional)")
    if method in NEEDS_REFERENCE:
        return QCoreApplication.translate(
            "PaymentDialog", "Transaction reference (required): the code on the customer's phone"
        )
    return QCoreApplication.translate("PaymentDialog", "Transfer reference (optional)")


@dataclass(frozen=True)
class SaleRequest:
    """What the counter asks to sell, as last priced."""

    lines: tuple[SaleLine, ...]
    total: Decimal
    customer_id: int | None = None
    ticket_discount_percent: Decimal = Decimal(0)
    register: str | None = None


class PaymentDialog(QDialog):
    """`sold` fires with the receipt as soon as the sale is recorded; `refused` with the service's error
    when it is not (nothing was written then). Escape cancels before the sale and closes after it."""

    sold = Signal(object)  # SaleReceipt
    refused = Signal(object)  # Exception

    def __init__(
        self,
        services: Services,
        actor: Actor,
        request: SaleRequest,
        currency: Currency,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setMinimumSize(640, 560)
        self._services = services
        self._actor = actor
        self._request = request
        self._cur = currency
        self._tenders: list[Tender] = []
        self._method = PaymentMethod.CASH
        self._busy = False
        self.receipt: SaleReceipt | None = None
        self.documents: SaleDocuments | None = None
        self._saved_path: Path | None = None
        self._last_email = ""

        self._stack = QStackedWidget(objectName="paymentStack")
        self._stack.addWidget(self._take_page())
        self._stack.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self._stack)
        self._take_shortcuts = self._method_shortcuts()
        self._done_shortcuts = self._document_shortcuts()
        self._choose_method(PaymentMethod.CASH)
        self._refresh()

    # ----- taking the payment ------------------------------------------------------------------

    def _take_page(self) -> QWidget:
        page = QWidget(objectName="paymentTakePage")
        self._due = QLabel(objectName="paymentTotal")
        enlarge(self._due, 1.9, bold=True)
        self._remaining = QLabel(objectName="paymentRemaining")
        enlarge(self._remaining, 1.3)

        self._methods = QButtonGroup(self)
        methods = QGridLayout()
        methods.setSpacing(8)
        for position, (method, key) in enumerate(METHOD_KEYS.items()):
            text = f"{method_name(method)} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
            button = QPushButton(text, objectName=f"method_{method.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setStyleSheet(METHOD_STYLE)
            button.clicked.connect(lambda _checked=False, chosen=method: self._choose_method(chosen))
            self._methods.addButton(button)
            methods.addWidget(button, position // 3, position % 3)

        self._amount = QLineEdit(objectName="paymentAmount")
        self._amount.setMinimumHeight(BUTTON_HEIGHT)
        enlarge(self._amount, 1.5, bold=True)
        self._amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._amount.returnPressed.connect(self._take)
        self._amount.textChanged.connect(self._preview_change)
        self._quick_row = QHBoxLayout()
        self._quick_row.setSpacing(8)
        self._quick_buttons: list[QPushButton] = []
        self._reference_label = QLabel(objectName="paymentReferenceLabel")
        self._reference = QLineEdit(objectName="paymentReference")
        self._reference.setMinimumHeight(44)
        self._reference.setMaxLength(100)
        self._reference.returnPressed.connect(self._take)

        self._tender_list = QListWidget(objectName="paymentTenders")
        self._tender_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._tender_list.setMaximumHeight(110)
        self._tenders_title = QLabel(self.tr("Payments taken"), objectName="paymentTendersTitle")
        self._error = error_label("paymentError")
        self._status = QLabel(objectName="paymentStatus")

        self._remove = QPushButton(self.tr("Remove last payment"), objectName="paymentRemoveTender")
        self._remove.setAutoDefault(False)
        self._remove.clicked.connect(self._remove_last)
        self._cancel = QPushButton(self.tr("Cancel (Esc)"), objectName="paymentCancel")
        self._cancel.setAutoDefault(False)
        self._cancel.clicked.connect(self.reject)
        self._take_button = QPushButton(self.tr("Take payment (Enter)"), objectName="paymentTake")
        self._take_button.setAutoDefault(False)
        self._take_button.clicked.connect(self._take)
        enlarge(self._take_button, 1.15, bold=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self._remove)
        buttons.addStretch()
        for button in (self._remove, self._cancel, self._take_button):
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._take_button)

        amount_label = QLabel(self.tr("&Amount received"))
        amount_label.setBuddy(self._amount)
        self._reference_label.setBuddy(self._reference)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._due)
        layout.addWidget(self._remaining)
        layout.addLayout(methods)
        layout.addWidget(amount_label)
        layout.addWidget(self._amount)
        layout.addLayout(self._quick_row)
        layout.addWidget(self._reference_label)
        layout.addWidget(self._reference)
        layout.addWidget(self._tenders_title)
        layout.addWidget(self._tender_list)
        layout.addWidget(self._error)
        layout.addWidget(self._status)
        layout.addStretch()
        layout.addLayout(buttons)
        return page

    def _method_shortcuts(self) -> list[QShortcut]:
        shortcuts = []
        for method, key in METHOD_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda chosen=method: self._choose_method(chosen))
            shortcuts.append(shortcut)
        return shortcuts

    @property
    def paid(self) -> Decimal:
        return sum((t.amount for t in self._tenders), Decimal(0))

    @property
    def remaining(self) -> Decimal:
        return max(self._request.total - self.paid, Decimal(0))

    def money(self, amount: Decimal) -> str:
        return f"{self._cur.round(amount)} {self._cur.code}"

    def _choose_method(self, method: PaymentMethod) -> None:
        if self._busy or self.receipt is not None:
            return
        self._method = method
        for button in self._methods.buttons():
            button.setChecked(button.objectName() == f"method_{method.value}")
        cash = method is PaymentMethod.CASH
        self._reference_label.setVisible(not cash)
        self._reference.setVisible(not cash)
        self._reference_label.setText(reference_label(method))
        self._reference.clear()
        self._error.hide()
        self._show_quick_amounts()
        self._preview_change(self._amount.text())
        self._amount.setFocus()
        self._amount.selectAll()

    def _show_quick_amounts(self) -> None:
        for button in self._quick_buttons:
            self._quick_row.removeWidget(button)
            button.deleteLater()
        self._quick_buttons = []
        if self._method is not PaymentMethod.CASH or self.remaining <= 0:
            return
        amounts = [(self.tr("Exact {amount}").format(amount=self.remaining), "quickExact", self.remaining)]
        amounts += [(str(a), f"quick_{a}", a) for a in quick_amounts(self.remaining, self._cur)]
        for text, name, amount in amounts:
            button = QPushButton(text, objectName=name)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.clicked.connect(lambda _checked=False, given=amount: self._take_amount(given))
            self._quick_row.addWidget(button)
            self._quick_buttons.append(button)

    def quick_amount_texts(self) -> list[str]:
        return [button.text() for button in self._quick_buttons]

    def _refresh(self) -> None:
        self._due.setText(self.tr("Total due {amount}").format(amount=self.money(self._request.total)))
        self._tender_list.clear()
        for tender in self._tenders:
            reference = f" · {tender.reference}" if tender.reference else ""
            self._tender_list.addItem(f"{method_name(tender.method)}  {self.money(tender.amount)}{reference}")
        self._tender_list.setVisible(bool(self._tenders))
        self._tenders_title.setVisible(bool(self._tenders))
        self._tender_list.setFixedHeight(
            self._tender_list.sizeHintForRow(0) * len(self._tenders) + 8 if self._tenders else 0
        )
        self._remove.setVisible(bool(self._tenders))
        self._amount.setText(str(self._cur.round(self.remaining)))
        self._amount.selectAll()
        self._show_quick_amounts()
        self._preview_change(self._amount.text())

    def _preview_change(self, text: str) -> None:
        """What is still to pay and, for cash, the change the amount typed would give."""
        still = self.tr("Still to pay {amount}") if self._tenders else self.tr("To pay {amount}")
        message = still.format(amount=self.money(self.remaining))
        if self._method is PaymentMethod.CASH:
            try:
                amount = self._cur.round(parse_amount(text, "amount"))
            except ValidationError:
                amount = Decimal(0)
            if amount > self.remaining > 0:
                message += " · " + self.tr("change {amount}").format(amount=self.money(amount - self.remaining))
        self._remaining.setText(message)

    def _take(self) -> None:
        """Enter: add what is typed as a payment; the sale is recorded once the payments cover the total."""
        if self._busy or self.receipt is not None:
            return
        if self.remaining <= 0 and self._tenders:
            self._submit()
            return
        try:
            amount = self._cur.round(parse_amount(self._amount.text(), "amount", allow_zero=False))
        except ValidationError:
            self._refuse(self.tr("Type the amount received, such as 20 or 20.50."))
            return
        self._take_amount(amount)

    def _take_amount(self, amount: Decimal) -> None:
        if self._busy or self.receipt is not None:
            return
        reference = self._reference.text().strip() or None
        if self._method in NEEDS_REFERENCE and not reference:
            self._refuse(
                self.tr("Type the {method} transaction reference: the payment cannot be checked without it.").format(
                    method=method_name(self._method)
                )
            )
            self._reference.setFocus()
            return
        if self._method is not PaymentMethod.CASH and amount > self.remaining:
            self._refuse(
                self.tr("{method} cannot take more than the {due} still due: only cash gives change.").format(
                    method=method_name(self._method), due=self.money(self.remaining)
                )
            )
            return
        self._error.hide()
        self._tenders.append(Tender(self._method, amount, reference))
        self._reference.clear()
        if self.paid >= self._request.total:
            self._refresh()
            self._submit()
            return
        self._choose_method(PaymentMethod.CASH)  # the rest is most often paid in cash
        self._refresh()

    def _remove_last(self) -> None:
        if self._tenders and not self._busy:
            self._tenders.pop()
            self._error.hide()
            self._refresh()
            self._amount.setFocus()

    def _refuse(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()
        self._amount.setFocus()
        self._amount.selectAll()

    def _submit(self) -> None:
        self._set_busy(True)
        request = self._request
        payments = [(t.method.value, t.amount, t.reference or "") for t in self._tenders]
        sell = partial(
            self._services.pos.checkout,
            self._actor,
            list(request.lines),
            payments,
            request.customer_id,
            ticket_discount_percent=request.ticket_discount_percent,
            register=request.register,
        )
        BackgroundOp(self, sell).success(self._sold).failure(self._refused).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self._amount, self._reference, self._take_button, self._cancel, self._remove):
            widget.setEnabled(not busy)
        for button in [*self._methods.buttons(), *self._quick_buttons]:
            button.setEnabled(not busy)
        self._status.setText(self.tr("Recording the sale…") if busy else "")

    def _refused(self, error: Exception) -> None:
        self._set_busy(False)
        self._error.setText(
            self.tr("The sale was not recorded: {reason}").format(reason=plain_message(error))
            + "\n"
            + self.tr("Nothing was charged by the till. Cancel (Esc) to correct the ticket, or try again.")
        )
        self._error.show()
        self.refused.emit(error)

    def _sold(self, receipt: SaleReceipt) -> None:
        self._set_busy(False)
        self.receipt = receipt
        for shortcut in self._take_shortcuts:
            shortcut.setEnabled(False)
        for shortcut in self._done_shortcuts:
            shortcut.setEnabled(True)
        self.documents = SaleDocuments(self._services, self._actor, receipt.number, self)
        self.documents.done.connect(self._document_done)
        self.documents.failed.connect(self._document_failed)
        self.documents.saved.connect(self._document_saved)
        self.documents.working.connect(self._document_done)
        self.documents.email_ready.connect(self._ask_email)
        self._show_done(receipt)
        self._stack.setCurrentIndex(1)
        self._new_sale.setFocus()
        self.sold.emit(receipt)

    # ----- after the sale ----------------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget(objectName="paymentDonePage")
        self._change_title = QLabel(objectName="changeTitle")
        self._change_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self._change_title, 1.6)
        self._change = QLabel(objectName="changeDue")
        self._change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self._change, 4.0, bold=True)
        self._change.setStyleSheet("color: #1b4d2b;")
        self._sale_summary = QLabel(objectName="saleSummary")
        self._sale_summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._sale_summary.setWordWrap(True)
        self._document_status = QLabel(objectName="documentStatus")
        self._document_status.setWordWrap(True)
        self._document_error = error_label("documentError")

        self._print = QPushButton(self.tr("Print receipt (P)"), objectName="printReceipt")
        self._print.clicked.connect(self._print_receipt)
        self._invoice = QPushButton(self.tr("Invoice (I)"), objectName="issueInvoice")
        self._invoice.clicked.connect(self._issue_invoice)
        self._email = QPushButton(self.tr("Email invoice (E)"), objectName="emailInvoice")
        self._email.setToolTip(self.tr("Send the invoice as a PDF to the customer's email address"))
        self._email.clicked.connect(self._email_invoice)
        self._both = QPushButton(self.tr("Receipt and invoice (B)"), objectName="receiptAndInvoice")
        self._both.clicked.connect(self._receipt_and_invoice)
        self._open = QPushButton(self.tr("Open to print (O)"), objectName="openDocument")
        self._open.setToolTip(self.tr("Open the saved PDF in the system's viewer, and print it from there"))
        self._open.clicked.connect(self._open_saved)
        self._open.hide()
        self._new_sale = QPushButton(self.tr("New sale (Enter)"), objectName="newSale")
        self._new_sale.setDefault(True)
        self._new_sale.clicked.connect(self.accept)
        enlarge(self._new_sale, 1.15, bold=True)
        documents = QHBoxLayout()
        for button in (self._print, self._invoice, self._email, self._both, self._open):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(BUTTON_HEIGHT)
            documents.addWidget(button)
        self._new_sale.setMinimumHeight(BUTTON_HEIGHT + 8)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addStretch()
        layout.addWidget(self._change_title)
        layout.addWidget(self._change)
        layout.addWidget(self._sale_summary)
        layout.addStretch()
        layout.addLayout(documents)
        layout.addWidget(self._document_status)
        layout.addWidget(self._document_error)
        layout.addWidget(self._new_sale)
        return page

    def _document_shortcuts(self) -> list[QShortcut]:
        shortcuts = []
        for key, act in (
            (Qt.Key.Key_P, self._print_receipt),
            (Qt.Key.Key_I, self._issue_invoice),
            (Qt.Key.Key_E, self._email_invoice),
            (Qt.Key.Key_B, self._receipt_and_invoice),
            (Qt.Key.Key_O, self._open_saved),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(act)
            shortcut.setEnabled(False)
            shortcuts.append(shortcut)
        return shortcuts

    def _show_done(self, receipt: SaleReceipt) -> None:
        if receipt.change_due > 0:
            self._change_title.setText(self.tr("Change due"))
            self._change.setText(self.money(receipt.change_due))
        else:
            self._change_title.setText(self.tr("Paid"))
            self._change.setText(self.tr("No change"))
        paid = ", ".join(f"{method_name(t.method)} {self.money(t.amount)}" for t in receipt.payments)
        self._sale_summary.setText(
            self.tr("Sale {number} · total {total} · paid {paid}").format(
                number=receipt.number, total=self.money(receipt.total), paid=paid
            )
        )

    def _print_receipt(self) -> None:
        if self.documents is not None:
            self._document_status.setText(self.tr("Printing the receipt…"))
            self._document_error.hide()
            self.documents.receipt()

    def _issue_invoice(self) -> None:
        if self.documents is None or self.receipt is None:
            return
        self._document_error.hide()
        if self.receipt.customer_id is not None or self.documents.invoice_number is not None:
            self._document_status.setText(self.tr("Issuing the invoice…"))
            self.documents.invoice(None)
            return
        ask = InvoiceCustomerDialog(self)
        ask.accepted.connect(lambda: self._invoice_for(ask))
        ask.open()

    def _invoice_for(self, ask: InvoiceCustomerDialog) -> None:
        if self.documents is not None and ask.details is not None:
            self._document_status.setText(self.tr("Issuing the invoice…"))
            self.documents.invoice(ask.details)

    def _email_invoice(self) -> None:
        """Ask where to send the invoice (and, for a walk-in customer not yet invoiced, who it is for), then
        issue it unless done already and send it."""
        if self.documents is None or self.receipt is None:
            return
        self._document_error.hide()
        self._document_status.setText(self.tr("Preparing the email…"))
        self.documents.prepare_email(self.receipt.customer_id)

    def _ask_email(self, start: EmailStart) -> None:
        self._document_status.clear()
        invoiced = start.invoiced or (self.documents is not None and self.documents.invoice_number is not None)
        if invoiced or (self.receipt is not None and self.receipt.customer_id is not None):
            self._ask_address(None, start.address)
            return
        ask = InvoiceCustomerDialog(self)
        ask.accepted.connect(lambda: self._ask_address(ask.details, ask.details.email if ask.details else ""))
        ask.open()

    def _ask_address(self, customer: CustomerDetails | None, address: str) -> None:
        ask = EmailInvoiceDialog(address or self._last_email, self)
        ask.accepted.connect(lambda: self._send_invoice(customer, ask.address))
        ask.open()

    def _send_invoice(self, customer: CustomerDetails | None, address: str) -> None:
        if self.documents is not None:
            self._last_email = address
            self.documents.email_invoice(customer, address)

    def _receipt_and_invoice(self) -> None:
        self._print_receipt()
        self._issue_invoice()

    def _document_done(self, message: str) -> None:
        self._document_status.setText(message)

    def _document_failed(self, message: str) -> None:
        self._document_status.clear()
        self._document_error.setText(message)
        self._document_error.show()

    def _document_saved(self, path: Path) -> None:
        self._saved_path = path
        self._open.show()

    def _open_saved(self) -> None:
        if self._saved_path is not None:
            open_document(self._saved_path)

    def reject(self) -> None:
        """Escape: cancel before the sale; close once it is recorded; wait while it is being recorded."""
        if self._busy:
            return
        if self.receipt is not None:
            self.accept()
            return
        super().reject()
