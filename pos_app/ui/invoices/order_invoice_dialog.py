"""Invoicing an online order: the paid orders that have no invoice yet, and who the invoice is for.

The web shop knows only the customer's e-mail; the name and the address printed on the invoice come from the
customer (by mail or phone), so the accountant types them here. The e-mail is the order's until changed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.invoices.model import CustomerDetails, InvoiceView
from pos_app.services import Services
from pos_app.services.invoices import OrderToInvoice
from pos_app.ui.background import BackgroundOp
from pos_app.ui.counter.tables import counter_table
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.labels import error_label, section_title

ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
ADDRESS_LINES = 4
LISTED_ORDERS = 200  # the last paid; an older one is found by its number or e-mail
TYPING_PAUSE_MS = 250


class OrderInvoiceDialog(QDialog):
    """Loads the orders when opened. `issued` carries the new invoice, then the dialog closes."""

    issued = Signal(object)  # InvoiceView
    loaded = Signal()

    def __init__(
        self, services: Services, actor: Actor, parent: QWidget | None = None, *, limit: int = LISTED_ORDERS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderInvoiceDialog")
        self.setWindowTitle(self.tr("Invoice an online order"))
        self.setMinimumWidth(640)
        self._services = services
        self._actor = actor
        self._limit = limit
        self._shown_search: str | None = None
        self._details_for: str | None = None  # the order whose customer the fields were last filled for
        self._prefilled_email = ""
        self._orders = QStandardItemModel(0, 4, self)
        self._orders.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Paid on"), self.tr("E-mail"), self.tr("Total")]
        )
        self._find = QLineEdit(objectName="findOrderToInvoice")
        self._find.setPlaceholderText(self.tr("Find an order by its number or e-mail"))
        self._find.setClearButtonEnabled(True)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
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
        self._issue.setEnabled(False)
        self._issue.clicked.connect(self.issue)
        self._cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="orderInvoiceCancel")
        self._cancel.clicked.connect(self.reject)
        self._issuing = False
        self._lay_out()
        self._connect()
        self.reload()

    def _connect(self) -> None:
        # An invoice cannot be taken back: Enter goes to the next field, only Ctrl+Enter issues.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.issue)
        for button in (self._issue, self._cancel):
            button.setAutoDefault(False)
        self._find.returnPressed.connect(self._name.setFocus)  # a search chooses the first order found
        for field in (self._name, self._email, self._vat):
            field.returnPressed.connect(self.focusNextChild)
        self._name.textChanged.connect(self._name_error.hide)
        QWidget.setTabOrder(self._vat, self._issue)
        QWidget.setTabOrder(self._issue, self._cancel)
        self._typing.timeout.connect(self.reload)
        self._find.textChanged.connect(self._typing.start)
        self._table.selectionModel().currentRowChanged.connect(self._order_chosen)

    def _make_table(self) -> QTableView:
        table = counter_table(self._orders, "ordersToInvoice", stretch_column=2, shade_selection=False)
        for column in (0, 1, 3):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setAccessibleName(self.tr("Paid orders without an invoice"))
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(180)
        return table

    def _lay_out(self) -> None:
        for field in (self._find, self._name, self._email, self._vat):
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(section_title(self.tr("Paid orders without an invoice"), "ordersToInvoiceTitle"))
        layout.addWidget(self._find)
        layout.addWidget(self._table, stretch=1)
        layout.addWidget(self._empty)
        layout.addWidget(section_title(self.tr("Who is the invoice for?"), "orderInvoiceCustomerTitle"))
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the orders again; the order chosen stays chosen while it is still to invoice."""
        self._typing.stop()
        search = self._find.text().strip()
        job = partial(self._services.invoices.orders_to_invoice, self._actor, search=search, limit=self._limit)
        BackgroundOp(self, job).success(partial(self._show_orders, search)).failure(
            self._load_failed
        ).run_in_background()

    def _show_orders(self, search: str, orders: list[OrderToInvoice]) -> None:
        if search != self._find.text().strip():
            return  # typed since: the orders of what is typed now are on their way
        # Read again for the same search, the order chosen stays chosen, or none if it is gone: the name typed
        # was for that one. A new search chooses the first order found.
        new_search, chosen = search != self._shown_search, self.chosen_order()
        self._shown_search = search
        self._orders.removeRows(0, self._orders.rowCount())
        for order in orders:
            self._orders.appendRow(_order_items(order))
        self._empty.setText(self._hint(search, len(orders)))
        self._empty.setVisible(not orders or len(orders) >= self._limit)
        numbers = [order.number for order in orders]
        if new_search and orders:
            self._table.selectRow(0)
        elif not new_search and chosen is not None and chosen.number in numbers:
            self._table.selectRow(numbers.index(chosen.number))
        if self._shown_search == "" and new_search and orders:  # on opening, the first order is chosen
            self._name.setFocus()
        self.loaded.emit()

    def _hint(self, search: str, count: int) -> str:
        if count >= self._limit:
            return self.tr("Only the last {count} paid orders are listed: find an older one by its number.").format(
                count=count
            )
        if search:
            return self.tr("No paid order without an invoice matches '{search}'.").format(search=search)
        return self.tr("No paid online order is waiting for an invoice.")

    def _load_failed(self, error: Exception) -> None:
        self._empty.hide()
        self._show(
            self._error, self.tr("Could not read the online orders. {reason}").format(reason=plain_message(error))
        )
        self.loaded.emit()

    def _order_chosen(self) -> None:
        order = self.chosen_order()
        self._issue.setEnabled(order is not None and not self._issuing)
        if order is None:
            return
        if self._details_for not in (None, order.number):
            self._clear_details()  # typed for another order: never print one customer on another's invoice
        self._details_for = order.number
        email = order.email
        if self._email.text().strip() in ("", self._prefilled_email):
            self._email.setText(email)
            self._prefilled_email = email

    def _clear_details(self) -> None:
        for field in (self._name, self._email, self._vat):
            field.clear()
        self._address.clear()
        self._prefilled_email = ""

    def chosen_order(self) -> OrderToInvoice | None:
        index = self._table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        order: OrderToInvoice = self._orders.item(index.row(), 0).data(ORDER_ROLE)
        return order

    def issue(self) -> None:
        order = self.chosen_order()
        if order is None or self._issuing:
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
        self._set_issuing(True)
        job = partial(self._services.invoices.issue_for_order, self._actor, order.number, details)
        BackgroundOp(self, job).success(self._issued).failure(self._refused).run_in_background()

    def _set_issuing(self, issuing: bool) -> None:
        self._issuing = issuing
        self._cancel.setEnabled(not issuing)
        self._issue.setEnabled(not issuing and self.chosen_order() is not None)

    def reject(self) -> None:
        if not self._issuing:  # once asked for, the invoice is written: the dialog waits to show it
            super().reject()

    def _issued(self, invoice: InvoiceView) -> None:
        self._set_issuing(False)
        self.issued.emit(invoice)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_issuing(False)
        self._show(self._error, plain_message(error))
        self.reload()  # another desk may have invoiced the order, or it was refunded, meanwhile

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
