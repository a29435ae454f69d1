"""Invoicing an online order: the paid orders that have no invoice yet, and who the invoice is for.

The web shop knows only the customer's e-mail; the name and the address printed on the invoice come from the
customer (by mail or phone), so the accountant types them here. The e-mail is the order's until changed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.errors import ValidationError
from pos_app.invoices.model import CustomerDetails, InvoiceView
from pos_app.services import Services
from pos_app.services.invoices import OrderToInvoice
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.tables import counter_table
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.labels import error_label, section_title

ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
ADDRESS_LINES = 3


class OrderInvoiceDialog(QDialog):
    """Loads the orders when opened. `issued` carries the new invoice, then the dialog closes."""

    issued = Signal(object)  # InvoiceView
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderInvoiceDialog")
        self.setWindowTitle(self.tr("Invoice an online order"))
        self.setMinimumWidth(640)
        self._services = services
        self._actor = actor
        self._prefilled_email = ""
        self._orders = QStandardItemModel(0, 4, self)
        self._orders.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Paid on"), self.tr("E-mail"), self.tr("Total")]
        )
        self._table = self._make_table()
        self._empty = QLabel(self.tr("Loading…"), objectName="ordersToInvoiceHint")
        self._name = QLineEdit(objectName="orderInvoiceName")
        self._address = QPlainTextEdit(objectName="orderInvoiceAddress")
        self._address.setPlaceholderText(self.tr("Street\nPostcode and town"))
        self._address.setTabChangesFocus(True)
        self._address.setFixedHeight(self._address.fontMetrics().lineSpacing() * ADDRESS_LINES + 16)
        self._email = QLineEdit(objectName="orderInvoiceEmail")
        self._vat = QLineEdit(objectName="orderInvoiceVatNumber")
        self._vat.setPlaceholderText(self.tr("For a business customer"))
        self._name_error = error_label("orderInvoiceNameError")
        self._error = error_label("orderInvoiceError")
        self._issue = QPushButton(self.tr("Issue the invoice  (Ctrl+Enter)"), objectName="orderInvoiceIssue")
        self._issue.setShortcut("Ctrl+Return")
        self._issue.setEnabled(False)
        self._issue.clicked.connect(self.issue)
        self._cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="orderInvoiceCancel")
        self._cancel.clicked.connect(self.reject)
        self._lay_out()
        self._table.selectionModel().currentRowChanged.connect(self._order_chosen)
        self.reload()

    def _make_table(self) -> QTableView:
        table = counter_table(self._orders, "ordersToInvoice", stretch_column=2, shade_selection=False)
        table.setAccessibleName(self.tr("Paid orders without an invoice"))
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(180)
        return table

    def _lay_out(self) -> None:
        for field in (self._name, self._email, self._vat):
            field.setMinimumHeight(36)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self._name)
        form.addRow("", self._name_error)
        form.addRow(self.tr("&Address"), self._address)
        form.addRow(self.tr("&E-mail"), self._email)
        form.addRow(self.tr("&VAT number"), self._vat)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self._cancel, self._issue):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        self._issue.setDefault(True)
        self._cancel.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Paid orders without an invoice"), "ordersToInvoiceTitle"))
        layout.addWidget(self._table, stretch=1)
        layout.addWidget(self._empty)
        layout.addWidget(section_title(self.tr("Who is the invoice for?"), "orderInvoiceCustomerTitle"))
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def reload(self) -> None:
        job = partial(self._services.invoices.orders_to_invoice, self._actor)
        BackgroundOp(self, job).success(self._show_orders).failure(self._load_failed).run_in_background()

    def _show_orders(self, orders: list[OrderToInvoice]) -> None:
        self._orders.removeRows(0, self._orders.rowCount())
        for order in orders:
            self._orders.appendRow(_order_items(order))
        self._table.resizeColumnsToContents()
        self._empty.setText(self.tr("No paid online order is waiting for an invoice."))
        self._empty.setVisible(not orders)
        if orders:
            self._table.selectRow(0)
        if self.focusWidget() in (None, self._table):  # on opening; a reload leaves the typing where it is
            self._name.setFocus()
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self._empty.hide()
        self._show(
            self._error, self.tr("Could not read the online orders. {reason}").format(reason=plain_message(error))
        )
        self.loaded.emit()

    def _order_chosen(self) -> None:
        order = self.chosen_order()
        self._issue.setEnabled(order is not None)
        if order is None:
            return
        if self._email.text().strip() in ("", self._prefilled_email):
            self._email.setText(order.email)
            self._prefilled_email = order.email

    def chosen_order(self) -> OrderToInvoice | None:
        index = self._table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        order: OrderToInvoice = self._orders.item(index.row(), 0).data(ORDER_ROLE)
        return order

    def issue(self) -> None:
        order = self.chosen_order()
        if order is None or not self._issue.isEnabled():
            return
        for label in (self._name_error, self._error):
            label.hide()
        if not self._name.text().strip():
            self._show(self._name_error, self.tr("An invoice needs the customer's name."))
            self._name.setFocus()
            return
        details = CustomerDetails(
            name=self._name.text().strip(),
            address=self._address.toPlainText().strip(),
            email=self._email.text().strip(),
            vat_number=self._vat.text().strip(),
        )
        self._issue.setEnabled(False)
        job = partial(self._services.invoices.issue_for_order, self._actor, order.number, details)
        BackgroundOp(self, job).success(self._issued).failure(self._refused).run_in_background()

    def _issued(self, invoice: InvoiceView) -> None:
        self.issued.emit(invoice)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._issue.setEnabled(self.chosen_order() is not None)
        self._show(self._error, plain_message(error))
        if not isinstance(error, ValidationError):
            self.reload()  # another desk may have invoiced the order meanwhile

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()


def _order_items(order: OrderToInvoice) -> list[QStandardItem]:
    cells = [QStandardItem(order.number), QStandardItem(moment_text(order.paid_at)), QStandardItem(order.email)]
    cells.append(QStandardItem(money_text(order.total, order.currency)))
    cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    cells[0].setData(order, ORDER_ROLE)
    return cells
