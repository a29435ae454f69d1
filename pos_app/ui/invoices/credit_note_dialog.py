"""Issuing a credit note against an invoice: some lines and quantities, or everything not yet credited, and why."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.errors import ValidationError
from pos_app.invoices.model import InvoiceView
from pos_app.services import Services
from pos_app.services.invoices import InvoiceDetail
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.invoices.invoice_texts import day_text
from pos_app.ui.till.amounts import money_text
from pos_app.ui.widgets.labels import error_label, page_title

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CreditNoteDialog(QDialog):
    """`issued` gives the new credit note once it is written; the dialog then closes."""

    issued = Signal(object)  # InvoiceView

    def __init__(self, services: Services, actor: Actor, detail: InvoiceDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditNoteDialog")
        self._services = services
        self._actor = actor
        self._invoice = detail.view
        self._left = detail.left_to_credit
        self.setWindowTitle(self.tr("Credit note for {number}").format(number=self._invoice.number))
        self.setMinimumWidth(720)

        self._whole = QRadioButton(self.tr("The &whole invoice: everything not credited yet"), objectName="creditWhole")
        self._some = QRadioButton(self.tr("&Some lines, with these quantities:"), objectName="creditSomeLines")
        self._some.setChecked(True)
        self._quantities: dict[int, QSpinBox] = {}
        self._table = self._make_table()
        self._lines_error = error_label("creditLinesError")
        self._reason = QLineEdit(objectName="creditReason")
        self._reason.setPlaceholderText(self.tr("Returned goods, price error, cancelled sale…"))
        self._reason.setMaxLength(500)
        self._reason_error = error_label("creditReasonError")
        self._error = error_label("creditError")
        self._issue = QPushButton(self.tr("Issue the credit note  (Ctrl+Enter)"), objectName="issueCreditNote")
        self._issue.setDefault(True)
        self._cancel = QPushButton(self.tr("Cancel  (Esc)"), objectName="cancelCreditNote")
        self._lay_out()

        self._whole.toggled.connect(self._mode_changed)
        self._issue.clicked.connect(self.issue)
        self._cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.issue)

    def _make_table(self) -> QTableWidget:
        lines = [line for line in self._invoice.lines if self._left.get(line.position, 0) > 0]
        headers = [self.tr("Line"), self.tr("Description"), self.tr("Invoiced"), self.tr("Not credited yet")]
        table = QTableWidget(len(lines), len(headers) + 1, objectName="creditLines")
        table.setHorizontalHeaderLabels([*headers, self.tr("To credit")])
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from one quantity to the next
        table.setShowGrid(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 18)
        cur = self._invoice.currency
        for row, line in enumerate(lines):
            left = self._left[line.position]
            cells = [
                str(line.position),
                line.description,
                f"{line.quantity} × {money_text(line.unit_price, cur)}",
                str(left),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
            spin = QSpinBox(objectName=f"creditQuantity{line.position}")
            spin.setRange(0, left)
            spin.setAccessibleName(self.tr("Quantity to credit on line {position}").format(position=line.position))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            table.setCellWidget(row, len(cells), spin)
            self._quantities[line.position] = spin
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        invoice = self._invoice
        intro = QLabel(
            self.tr("{customer} · issued on {day} · {gross} incl. VAT").format(
                customer=invoice.customer.name,
                day=day_text(invoice.issued_at),
                gross=money_text(invoice.gross, invoice.currency),
            ),
            objectName="creditIntro",
        )
        reason_label = QLabel(self.tr("&Reason (printed on the credit note)"))
        reason_label.setBuddy(self._reason)

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._issue)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.tr("Credit note for {number}").format(number=invoice.number)))
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self._whole)
        layout.addWidget(self._some)
        layout.addWidget(self._table, stretch=1)
        layout.addWidget(self._lines_error)
        layout.addWidget(reason_label)
        layout.addWidget(self._reason)
        layout.addWidget(self._reason_error)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def _mode_changed(self, whole: bool) -> None:
        """The whole invoice shows every quantity at what is left, and locks them."""
        for position, spin in self._quantities.items():
            spin.setEnabled(not whole)
            if whole:
                spin.setValue(self._left[position])

    def quantity_field(self, position: int) -> QSpinBox:
        return self._quantities[position]

    def chosen_lines(self) -> list[tuple[int, int]] | None:
        """(line position, quantity) to credit, or None for everything not credited yet."""
        if self._whole.isChecked():
            return None
        return [(position, spin.value()) for position, spin in self._quantities.items() if spin.value() > 0]

    def issue(self) -> None:
        if not self._issue.isEnabled():
            return
        for label in (self._lines_error, self._reason_error, self._error):
            label.hide()
        self._issue.setEnabled(False)
        job = partial(
            self._services.invoices.credit_note,
            self._actor,
            self._invoice.number,
            self._reason.text(),
            self.chosen_lines(),
        )
        BackgroundOp(self, job).success(self._issued).failure(self._refused).run_in_background()

    def _issued(self, credit: InvoiceView) -> None:
        self.issued.emit(credit)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._issue.setEnabled(True)
        field = error.field if isinstance(error, ValidationError) else None
        if field == "reason":
            missing = not self._reason.text().strip()
            why = self.tr("Say why the invoice is credited: the reason is printed on the credit note.")
            self._show(self._reason_error, why if missing else plain_message(error))
            self._reason.setFocus()
        elif field == "lines":
            self._show(self._lines_error, plain_message(error))
        else:
            self._show(self._error, plain_message(error))

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()
