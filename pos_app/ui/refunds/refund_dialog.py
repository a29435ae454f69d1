"""Refund a past sale: find it by number, by its receipt's QR code or by date, choose the units, refund."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import currency
from pos_app.domain.roles import Actor
from pos_app.domain.sale import PaymentMethod
from pos_app.errors import NotFound
from pos_app.receipts import qr
from pos_app.services import Services
from pos_app.services.pos import PastSale, RefundReceipt
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.refunds.refund_models import (
    DaySalesModel,
    LineColumn,
    QuantityDelegate,
    RefundLinesModel,
    SaleColumn,
    line_refund,
)
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.till.payment_methods import method_name
from pos_app.ui.widgets.labels import error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room
from pos_app.ui.widgets.search_field import SearchField

HINT_STYLE = "color: #6b6b6b;"
DONE_STYLE = "color: #1a5e2a; font-weight: 600;"
SALE_STYLE = "font-weight: 600;"
TOTAL_STYLE = "font-size: 16px; font-weight: 700;"
T = TypeVar("T")


def sale_of_receipt(services: Services, actor: Actor, number: str, at: datetime, register: str) -> PastSale:
    """The sale with what was refunded of its lines, from the list of its day (where the service counts them)."""
    for sale in services.pos.sales(actor, at.astimezone().date(), register=register):
        if sale.number == number:
            return sale
    raise NotFound(
        QCoreApplication.translate(
            "RefundDialog", "No sale numbered '{number}'. Check the number on the receipt."
        ).format(number=number)
    )


def find_sale(services: Services, actor: Actor, typed: str) -> PastSale:
    """Runs on the worker: a sale number, or the text of a receipt's QR code (checked against the journal)."""
    text = typed.strip()
    if text.lower().startswith(f"{qr.SCHEME}:"):
        receipt = services.receipts.sale_from_code(text)
    else:
        receipt = services.receipts.receipt(text)
    return sale_of_receipt(services, actor, receipt.number, receipt.at, receipt.register)


def refund_and_reload(
    services: Services,
    actor: Actor,
    sale: PastSale,
    lines: list[tuple[str, int]],
    method: str,
    restock: bool,
    reason: str,
    register: str,
) -> tuple[RefundReceipt, PastSale]:
    """Runs on the worker: the refund, then the sale as it now stands (what is left to refund)."""
    receipt = services.pos.refund(actor, sale.number, lines, method, restock=restock, reason=reason, register=register)
    return receipt, sale_of_receipt(services, actor, sale.number, sale.at, sale.register)


def save_refund_pdf(services: Services, refund_number: str, path: Path) -> Path:
    path.write_bytes(services.receipts.refund_receipt_pdf(refund_number))
    return path


class RefundDialog(QDialog):
    """Type or scan in the field and press Enter, or pick a day; then the units to refund, and Ctrl+Enter.

    `refunded` carries the refund's number once it went through."""

    refunded = Signal(str)

    def __init__(self, services: Services, actor: Actor, register: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund a sale"))
        self.setMinimumSize(900, 640)
        self._services = services
        self._actor = actor
        self._register = register
        self.sale: PastSale | None = None
        self.refund: RefundReceipt | None = None
        self._busy = False

        self._find = SearchField(self.tr("Sale number, or scan the receipt's QR code, then Enter"))
        self._find.setObjectName("refundFind")
        self._find.setMinimumHeight(self._find.sizeHint().height() + 10)
        self._find.returnPressed.connect(self.find)
        self._find_button = QPushButton(self.tr("Find  (Enter)"), objectName="refundFindButton")
        self._find_button.clicked.connect(self.find)
        self._day = QDateEdit(objectName="refundDay")
        self._day.setCalendarPopup(True)
        today = services.clock().astimezone().date()
        self._day.setDate(QDate(today.year, today.month, today.day))
        self._day_button = QPushButton(self.tr("Sales of the day"), objectName="refundDayButton")
        self._day_button.clicked.connect(self.list_day)

        self._day_sales = DaySalesModel(self)
        self._day_table = self._table("refundDaySales", self._day_sales, stretch=SaleColumn.CASHIER)
        self._day_table.activated.connect(lambda index: self._show_sale(self._day_sales.sale_at(index.row())))
        self._lines = RefundLinesModel(self)
        self._lines.chosen_changed.connect(self._update_total)
        self._lines_table = self._table("refundLines", self._lines, stretch=LineColumn.PRODUCT)
        self._lines_table.setItemDelegateForColumn(LineColumn.TO_REFUND, QuantityDelegate(self._lines_table))
        self._lines_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self._lines_table.installEventFilter(self)

        self._sale_info = QLabel(objectName="refundSaleInfo")
        self._sale_info.setStyleSheet(SALE_STYLE)
        self._sale_info.setWordWrap(True)
        self._everything = QPushButton(self.tr("Refund every unit left"), objectName="refundEverything")
        self._everything.clicked.connect(self._lines.choose_everything)
        self._restock = QCheckBox(self.tr("Put the items back in stock (untick to write them off)"))
        self._restock.setObjectName("refundRestock")
        self._restock.setChecked(True)
        self._method = QComboBox(objectName="refundMethod")
        for method in PaymentMethod:
            self._method.addItem(method_name(method.value), method.value)
        self._reason = QLineEdit(self.tr("Customer return"), objectName="refundReason")
        self._total = QLabel(objectName="refundTotal")
        self._total.setStyleSheet(TOTAL_STYLE)
        self._submit = QPushButton(objectName="refundSubmit")
        self._submit.setMinimumHeight(self._submit.sizeHint().height() + 14)
        self._submit.clicked.connect(self.submit)
        self._error = error_label("refundError")
        self._done = QLabel(objectName="refundDone")
        self._done.setStyleSheet(DONE_STYLE)
        self._done.setWordWrap(True)
        self._print = QPushButton(self.tr("Print the receipt  (Ctrl+P)"), objectName="refundPrint")
        self._print.clicked.connect(self.print_receipt)
        self._save_pdf = QPushButton(self.tr("Save the receipt as PDF…"), objectName="refundSavePdf")
        self._save_pdf.clicked.connect(self.choose_pdf_path)

        self._stack = QStackedWidget(objectName="refundStack")
        self._lay_out()
        self._add_shortcuts()
        self._show_nothing()
        self._find.setFocus()

    # ----- building ---------------------------------------------------------------------------

    def _table(self, name: str, model: DaySalesModel | RefundLinesModel, *, stretch: int) -> QTableView:
        table = QTableView(objectName=name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 16)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        give_room(table)
        return table

    def _lay_out(self) -> None:
        find_row = QHBoxLayout()
        find_row.addWidget(self._find, stretch=1)
        find_row.addWidget(self._find_button)
        find_row.addSpacing(16)
        find_row.addWidget(QLabel(self.tr("or the sales of")))
        find_row.addWidget(self._day)
        find_row.addWidget(self._day_button)

        nothing = QLabel(
            self.tr("Find the sale: type its number, scan the QR code of its receipt, or list the sales of a day.")
        )
        nothing.setObjectName("refundNothing")
        nothing.setStyleSheet(HINT_STYLE)
        nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nothing.setWordWrap(True)

        day_page = QWidget()
        day_layout = QVBoxLayout(day_page)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(section_title(self.tr("Sales of the day: choose one (Enter)"), "refundDayTitle"))
        day_layout.addWidget(self._day_table)

        sale_page = QWidget()
        options = QFormLayout()
        options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        options.addRow(self.tr("Paid back in"), self._method)
        options.addRow(self.tr("Reason"), self._reason)
        options.addRow("", self._restock)
        heading = QHBoxLayout()
        heading.addWidget(self._sale_info, stretch=1)
        heading.addWidget(self._everything)
        sale_layout = QVBoxLayout(sale_page)
        sale_layout.setContentsMargins(0, 0, 0, 0)
        sale_layout.addLayout(heading)
        sale_layout.addWidget(self._lines_table, stretch=1)
        sale_layout.addLayout(options)

        for page in (nothing, day_page, sale_page):
            self._stack.addWidget(page)

        bottom = QHBoxLayout()
        bottom.addWidget(self._total, stretch=1)
        bottom.addWidget(self._submit)
        done_row = QHBoxLayout()
        done_row.addWidget(self._done, stretch=1)
        done_row.addWidget(self._print)
        done_row.addWidget(self._save_pdf)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.tr("Refund a sale")))
        layout.addLayout(find_row)
        layout.addWidget(self._stack, stretch=1)
        layout.addWidget(self._error)
        layout.addLayout(bottom)
        layout.addLayout(done_row)

    def _add_shortcuts(self) -> None:
        refund = QAction(self, objectName="refundAction")
        refund.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        refund.triggered.connect(self.submit)
        print_receipt = QAction(self, objectName="refundPrintAction")
        print_receipt.setShortcut(QKeySequence.StandardKey.Print)
        print_receipt.triggered.connect(self.print_receipt)
        for action in (refund, print_receipt):
            self.addAction(action)

    # ----- finding the sale -------------------------------------------------------------------

    def find(self) -> None:
        typed = self._find.text().strip()
        if not typed:
            self._show_error(self.tr("Type the sale's number, or scan the QR code of its receipt."))
            return
        self._run(partial(find_sale, self._services, self._actor, typed), self._found)

    def _found(self, sale: PastSale) -> None:
        self._find.clear()
        self._show_sale(sale)

    def list_day(self) -> None:
        picked = self._day.date()
        day = date(picked.year(), picked.month(), picked.day())
        self._run(partial(self._services.pos.sales, self._actor, day), partial(self._show_day, day))

    def _show_day(self, day: date, sales: list[PastSale]) -> None:
        self._day_sales.set_sales(sales)
        if not sales:
            self._stack.setCurrentIndex(0)
            self._show_error(self.tr("No sale on {day}.").format(day=day.isoformat()))
            return
        self._stack.setCurrentIndex(1)
        self._day_table.setFocus()
        self._day_table.selectRow(0)

    def _show_nothing(self) -> None:
        self._stack.setCurrentIndex(0)
        self._update_total()
        self._done.hide()
        self._print.hide()
        self._save_pdf.hide()

    def _show_sale(self, sale: PastSale) -> None:
        self.sale = sale
        self._error.hide()
        payments = ", ".join(dict.fromkeys(method_name(m) for m in sale.payment_methods))
        self._sale_info.setText(
            self.tr("Sale {number} · {at} · {register} · {cashier} · {total} paid by {payments}").format(
                number=sale.number,
                at=moment_text(sale.at),
                register=sale.register,
                cashier=sale.cashier,
                total=money_text(sale.total, sale.currency),
                payments=payments,
            )
        )
        self._lines.set_lines(sale.lines)
        if sale.payment_methods:
            self._method.setCurrentIndex(max(0, self._method.findData(sale.payment_methods[0])))
        self._stack.setCurrentIndex(2)
        left = any(line.refundable for line in sale.lines)
        self._everything.setEnabled(left)
        if not left:
            self._show_error(self.tr("Everything on this sale is refunded already."))
        self._lines_table.setFocus()
        self._lines_table.setCurrentIndex(self._lines.index(0, LineColumn.TO_REFUND))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """+ and − in the lines table change the units to refund of the current line."""
        if watched is self._lines_table and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1}.get(Qt.Key(event.key()))
            row = self._lines_table.currentIndex().row()
            if step is not None and row >= 0:
                chosen = self._lines.index(row, LineColumn.TO_REFUND).data(Qt.ItemDataRole.EditRole)
                self._lines.choose(row, chosen + step)
                return True
        return super().eventFilter(watched, event)

    # ----- refunding --------------------------------------------------------------------------

    def _update_total(self) -> None:
        sale = self.sale
        chosen = self._lines.chosen() if sale is not None else []
        if sale is None or not chosen:
            self._total.setText(self.tr("Choose the units to refund") if sale is not None else "")
            self._total.setStyleSheet(HINT_STYLE)
            self._submit.setText(self.tr("Refund  (Ctrl+Enter)"))
            self._submit.setEnabled(False)
            return
        cur = currency(sale.currency)
        amount = sum((line_refund(line, quantity, cur) for line, quantity in chosen), Decimal(0))
        units = sum(quantity for _, quantity in chosen)
        shown = money_text(amount, sale.currency)
        self._total.setText(self.tr("{units} unit(s) · {amount} to pay back").format(units=units, amount=shown))
        self._total.setStyleSheet(TOTAL_STYLE)
        self._submit.setText(self.tr("Refund {amount}  (Ctrl+Enter)").format(amount=shown))
        self._submit.setEnabled(not self._busy)

    def submit(self) -> None:
        sale = self.sale
        if sale is None or self._busy:
            return
        chosen = [(line.sku, quantity) for line, quantity in self._lines.chosen()]
        if not chosen:
            self._show_error(self.tr("Choose how many units of which line to refund."))
            return
        reason = self._reason.text().strip()
        if not reason:
            self._show_error(self.tr("Say why the sale is refunded, for the records: for example 'Customer return'."))
            self._reason.setFocus()
            return
        op = partial(
            refund_and_reload,
            self._services,
            self._actor,
            sale,
            chosen,
            self._method.currentData(),
            self._restock.isChecked(),
            reason,
            self._register,
        )
        self._run(op, self._refunded)

    def _refunded(self, result: tuple[RefundReceipt, PastSale]) -> None:
        receipt, sale = result
        self.refund = receipt
        self._show_sale(sale)
        self._error.hide()
        self._done.setText(
            self.tr("Refund {number}: {amount} paid back ({method}).").format(
                number=receipt.number,
                amount=money_text(receipt.total, sale.currency),
                method=method_name(receipt.method.value),
            )
        )
        for widget in (self._done, self._print, self._save_pdf):
            widget.show()
        self.refunded.emit(receipt.number)

    # ----- the refund's receipt ---------------------------------------------------------------

    def print_receipt(self) -> None:
        if self.refund is None:
            return
        op = partial(self._services.receipts.print_refund_receipt, self.refund.number)
        self._run(op, lambda _: self._done.setText(self._done.text() + " " + self.tr("Receipt printed.")))

    def choose_pdf_path(self) -> None:
        if self.refund is None:
            return
        suggested = Path.home() / f"refund-{self.refund.number}.pdf"
        chooser = QFileDialog(
            self, self.tr("Save the refund receipt"), str(suggested), self.tr("PDF documents (*.pdf)")
        )
        chooser.setObjectName("refundPdfChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("pdf")
        chooser.fileSelected.connect(self.save_pdf)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def save_pdf(self, path: str) -> None:
        if self.refund is None:
            return
        op = partial(save_refund_pdf, self._services, self.refund.number, Path(path))
        self._run(op, lambda saved: self._done.setText(self.tr("Saved to {path}").format(path=saved)))

    # ----- plumbing ---------------------------------------------------------------------------

    def _run(self, op: Callable[[], T], done: Callable[[T], object]) -> None:
        if self._busy:
            return
        self._set_busy(True)

        def succeeded(result: T) -> None:
            self._set_busy(False)
            done(result)

        BackgroundOp(self, op).success(succeeded).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, OSError):
            self._show_error(
                self.tr("Could not write the file ({reason}). Choose another folder.").format(
                    reason=error.strerror or error
                )
            )
        else:
            self._show_error(plain_message(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self._find_button, self._day_button, self._print, self._save_pdf):
            widget.setEnabled(not busy)
        self._update_total()

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()
