"""One invoice or credit note opened: its facts, lines and totals, what happened to it, and what can be done
with it (print, save as PDF, email, credit)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.invoice import InvoiceKind
from pos_app.domain.roles import Actor, Permission
from pos_app.invoices.model import InvoiceView
from pos_app.services import Services
from pos_app.services.invoices import InvoiceDetail
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.invoices.credit_note_dialog import CreditNoteDialog
from pos_app.ui.invoices.email_dialog import EmailInvoiceDialog
from pos_app.ui.invoices.invoice_documents import new_printer, print_invoice, save_invoice_pdf
from pos_app.ui.invoices.invoice_lines_model import InvoiceLinesModel, LineColumn
from pos_app.ui.invoices.invoice_texts import (
    STATUS_BACKGROUNDS,
    STATUS_COLOURS,
    day_text,
    event_text,
    kind_name,
    rate_text,
    status_name,
)
from pos_app.ui.till.amounts import moment_text, money_text
from pos_app.ui.widgets.labels import error_label, page_title, section_title
from pos_app.ui.widgets.roomy_style import give_room

NOTICE_STYLE = "color: #1a5e2a;"
CAPTION_STYLE = "color: #6b6b6b;"
PANEL_STYLE = "QFrame#{name} {{ background: #f7f7f5; border: 1px solid #e2e2de; border-radius: 6px; }}"
BADGE_STYLE = "border-radius: 9px; padding: 2px 10px; font-weight: 600; color: {colour}; background: {background};"


def panel(name: str) -> QFrame:
    frame = QFrame(objectName=name)
    frame.setStyleSheet(PANEL_STYLE.format(name=name))
    return frame


def clear_grid(layout: QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is not None and item.widget() is not None:
            item.widget().setParent(None)  # gone at once, with its name: a new label takes it


def link(number: str) -> str:
    return f'<a href="{number}">{number}</a>'


class InvoiceDialog(QDialog):
    """Opens on `number` and reads it in the background (`loaded` fires once it is on screen). Following a link
    to the invoice a credit note corrects, or to a credit note, shows that document in the same window.
    `documents_changed` fires after a credit note was issued from here, `notified(text)` after each action."""

    loaded = Signal()
    documents_changed = Signal()
    notified = Signal(str)

    def __init__(self, services: Services, actor: Actor, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceDialog")
        self.resize(1000, 700)
        self._services = services
        self._actor = actor
        self._number = number
        self.detail: InvoiceDetail | None = None
        self.printer = new_printer()  # kept while the window is open: the next print remembers the choices
        self._lines = InvoiceLinesModel(self)

        self._title = page_title("")
        self._title.setObjectName("invoiceTitle")
        self._status = QLabel(objectName="invoiceStatus")
        self._facts = QFormLayout()
        self._customer = QLabel(objectName="invoiceCustomer")
        self._customer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._customer.setWordWrap(True)
        self._table = self._make_table()
        self._history = QListWidget(objectName="invoiceHistory")
        self._history.setAccessibleName(self.tr("History"))
        self._history.setSpacing(3)
        self._totals = QGridLayout()
        self._message = QLabel(objectName="invoiceMessage")
        self._message.setStyleSheet(NOTICE_STYLE)
        self._message.setWordWrap(True)
        self._message.hide()
        self._error = error_label("invoiceError")

        self._actions: dict[str, QAction] = {}
        self._buttons: dict[str, QPushButton] = {}
        self._make_actions()
        self._lay_out()
        self.load(number)

    # ----- building ---------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="invoiceLines")
        table.setModel(self._lines)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LineColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        give_room(table)
        return table

    def _make_actions(self) -> None:
        specs: list[tuple[str, str, QKeySequence | None, Callable[[], None]]] = [
            ("print", self.tr("Print…"), QKeySequence(QKeySequence.StandardKey.Print), self.choose_printer),
            ("save", self.tr("Save PDF…"), QKeySequence(QKeySequence.StandardKey.Save), self.choose_pdf_path),
            ("email", self.tr("Email…"), QKeySequence("Ctrl+M"), self.email),
            ("credit", self.tr("Issue a credit note…"), QKeySequence("Ctrl+N"), self.credit),
        ]
        names = {"print": "printInvoice", "save": "saveInvoicePdf", "email": "emailInvoice", "credit": "creditInvoice"}
        for key, text, keys, slot in specs:
            action = QAction(text, self, objectName=f"{names[key]}Action")
            shown = keys.toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
            if keys:
                action.setShortcut(keys)
                self.addAction(action)
            action.triggered.connect(slot)
            button = QPushButton(f"{text}  ({shown})" if shown else text, objectName=names[key])
            button.setMinimumHeight(button.sizeHint().height() + 8)
            button.clicked.connect(action.trigger)
            self._actions[key] = action
            self._buttons[key] = button
        if not self._actor.can(Permission.CREDIT_INVOICES):
            self._buttons["credit"].hide()

    def _lay_out(self) -> None:
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(self._title)
        title_row.addWidget(self._status)
        title_row.addStretch()

        facts = panel("invoiceFacts")
        self._facts.setHorizontalSpacing(18)
        self._facts.setVerticalSpacing(6)
        facts.setLayout(self._facts)
        customer = panel("invoiceCustomerPanel")
        customer_layout = QVBoxLayout(customer)
        caption = QLabel(self.tr("Customer"))
        caption.setStyleSheet(CAPTION_STYLE)
        customer_layout.addWidget(caption)
        customer_layout.addWidget(self._customer)
        customer_layout.addStretch()
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(facts, stretch=3)
        top.addWidget(customer, stretch=2)

        history = QVBoxLayout()
        history.addWidget(section_title(self.tr("History"), "invoiceHistoryTitle"))
        history.addWidget(self._history)
        totals = panel("invoiceTotals")
        self._totals.setHorizontalSpacing(24)
        self._totals.setVerticalSpacing(4)
        totals.setLayout(self._totals)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addLayout(history, stretch=3)
        bottom.addWidget(totals, stretch=2, alignment=Qt.AlignmentFlag.AlignBottom)

        close = QPushButton(self.tr("Close  (Esc)"), objectName="closeInvoice")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for key in ("print", "save", "email", "credit"):
            buttons.addWidget(self._buttons[key])
        buttons.addStretch()
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(top)
        layout.addWidget(self._table, stretch=1)
        layout.addLayout(bottom)
        layout.addWidget(self._message)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    # ----- reading ----------------------------------------------------------------------------

    @property
    def number(self) -> str:
        return self._number

    def load(self, number: str) -> None:
        """Show `number`: read in the background, the buttons wait meanwhile."""
        self._number = number
        self._set_busy(True)
        if self.detail is None:
            self._title.setText(number)
            self.setWindowTitle(number)
        job = partial(self._services.invoices.detail, self._actor, number)
        BackgroundOp(self, job).success(self._show).failure(self._load_failed).run_in_background()

    def reload(self) -> None:
        self.load(self._number)

    def _show(self, detail: InvoiceDetail) -> None:
        self.detail = detail
        view = detail.view
        title = self.tr("{kind} {number}").format(kind=kind_name(view.kind), number=view.number)
        self._title.setText(title)
        self.setWindowTitle(title)
        self._status.setText(status_name(view.status))
        self._status.setStyleSheet(
            BADGE_STYLE.format(
                colour=STATUS_COLOURS[view.status].name(), background=STATUS_BACKGROUNDS[view.status].name()
            )
        )
        self._show_facts(view)
        self._customer.setText(self._customer_text(view))
        self._lines.set_lines(view.lines, view.currency)
        self._show_totals(view)
        self._history.clear()
        for entry in detail.history:
            self._history.addItem(f"{moment_text(entry.at)}  ·  {event_text(entry.kind, entry.user, entry.document)}")
        self._error.hide()
        self._set_busy(False)
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(
            self.tr("Could not read {number}. {reason}").format(number=self._number, reason=plain_message(error))
        )

    def _show_facts(self, view: InvoiceView) -> None:
        while self._facts.rowCount():
            self._facts.removeRow(0)
        rows: list[tuple[str, QLabel]] = [
            (self.tr("Issued"), QLabel(moment_text(view.issued_at), objectName="factIssued")),
            (self.tr("Issued by"), QLabel(view.issued_by, objectName="factIssuedBy")),
        ]
        if view.kind is InvoiceKind.INVOICE:
            rows.insert(1, (self.tr("Due"), QLabel(day_text(view.due_on), objectName="factDue")))
        if view.sale_number:
            rows.append((self.tr("Counter sale"), QLabel(view.sale_number, objectName="factSale")))
        if view.order_number:
            rows.append((self.tr("Online order"), QLabel(view.order_number, objectName="factOrder")))
        if view.credits_invoice:
            rows.append((self.tr("Corrects invoice"), self._links([view.credits_invoice], "factCreditsInvoice")))
        if view.credit_notes:
            rows.append((self.tr("Credit notes"), self._links(list(view.credit_notes), "factCreditNotes")))
        if view.reason:
            reason = QLabel(view.reason, objectName="factReason")
            reason.setWordWrap(True)
            rows.append((self.tr("Reason"), reason))
        for caption, value in rows:
            label = QLabel(caption)
            label.setStyleSheet(CAPTION_STYLE)
            value.setTextInteractionFlags(value.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
            self._facts.addRow(label, value)
            value.show()  # else shown only once the event loop runs again: at once, it reads like the rest

    def _links(self, numbers: list[str], name: str) -> QLabel:
        """Numbers the user follows with a click, or with Tab and Enter."""
        label = QLabel(", ".join(link(number) for number in numbers), objectName=name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(self.load)
        return label

    def _customer_text(self, view: InvoiceView) -> str:
        customer = view.customer
        parts = [customer.name, customer.address]
        if customer.vat_number:
            parts.append(self.tr("VAT number: {number}").format(number=customer.vat_number))
        if customer.company_number:
            parts.append(self.tr("Company number: {number}").format(number=customer.company_number))
        parts.append(customer.email)
        return "\n".join(part for part in parts if part)

    def _show_totals(self, view: InvoiceView) -> None:
        clear_grid(self._totals)
        cur = view.currency
        rows: list[tuple[str, str, str]] = [
            (
                self.tr("VAT {rate} on {base}").format(rate=rate_text(split.rate), base=money_text(split.net, cur)),
                money_text(split.vat, cur),
                f"vatAt{split.rate.normalize()}",
            )
            for split in view.vat_breakdown
        ]
        rows += [
            (self.tr("Total excl. VAT"), money_text(view.net, cur), "totalNet"),
            (self.tr("VAT"), money_text(view.vat, cur), "totalVat"),
            (self.tr("Total incl. VAT"), money_text(view.gross, cur), "totalGross"),
        ]
        if view.kind is InvoiceKind.INVOICE:
            rows.append((self.tr("Paid"), money_text(view.paid, cur), "totalPaid"))
            if view.credited:
                rows.append((self.tr("Credited"), money_text(-view.credited, cur), "totalCredited"))
            rows.append((self.tr("Balance due"), money_text(view.balance_due, cur), "totalBalance"))
        for row, (caption, amount, name) in enumerate(rows):
            label = QLabel(caption)
            value = QLabel(amount, objectName=name)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if name == "totalGross":
                for widget in (label, value):
                    font = widget.font()
                    font.setBold(True)
                    widget.setFont(font)
            self._totals.addWidget(label, row, 0)
            self._totals.addWidget(value, row, 1)
            value.show()

    # ----- actions ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        detail = self.detail
        creditable = (
            detail is not None
            and detail.view.kind is InvoiceKind.INVOICE
            and any(left > 0 for left in detail.left_to_credit.values())
        )
        enabled = {"print": True, "save": True, "email": True, "credit": creditable}
        for key, action in self._actions.items():
            on = not busy and detail is not None and enabled[key]
            action.setEnabled(on)
            self._buttons[key].setEnabled(on)
        self._buttons["credit"].setToolTip(
            "" if creditable or detail is None else self.tr("Nothing is left to credit on this document.")
        )

    def _notify(self, message: str) -> None:
        self._error.hide()
        self._message.setText(message)
        self._message.show()
        self.notified.emit(message)

    def _show_error(self, message: str) -> None:
        self._message.hide()
        self._error.setText(message)
        self._error.show()

    def choose_printer(self) -> None:
        """The system's print dialog, without blocking; printing starts once a printer is chosen."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("invoicePrintDialog")
        dialog.setWindowTitle(self.tr("Print {number}").format(number=self._number))
        dialog.accepted.connect(self._print)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # what QDialog.open() does, which QPrintDialog hides
        dialog.show()

    def _print(self) -> None:
        self._set_busy(True)
        self._notify(self.tr("Printing {number}…").format(number=self._number))
        job = partial(print_invoice, self._services.invoices, self._actor, self._number, self.printer)
        BackgroundOp(self, job).success(self._printed).failure(self._action_failed).run_in_background()

    def _printed(self, pages: int) -> None:
        where = self.printer.printerName() or self.printer.outputFileName()
        self._notify(
            self.tr("{number}: {pages} page(s) sent to {printer}.").format(
                number=self._number, pages=pages, printer=where
            )
        )
        self.reload()

    def choose_pdf_path(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chooser = QFileDialog(
            self, self.tr("Save {number} as PDF").format(number=self._number), str(Path(folder) / f"{self._number}.pdf")
        )
        chooser.setObjectName("invoicePdfChooser")
        chooser.setNameFilter(self.tr("PDF documents (*.pdf)"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("pdf")
        chooser.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def save_pdf(self, path: Path) -> None:
        self._set_busy(True)
        self._notify(self.tr("Saving {number}…").format(number=self._number))
        job = partial(save_invoice_pdf, self._services.invoices, self._actor, self._number, path)
        BackgroundOp(self, job).success(self._saved).failure(self._action_failed).run_in_background()

    def _saved(self, path: Path) -> None:
        self._notify(self.tr("{number} saved to {path}.").format(number=self._number, path=path))
        self.reload()

    def _action_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, OSError):
            self._show_error(
                self.tr("Could not write the file ({reason}). Choose another folder and save again.").format(
                    reason=error.strerror or error
                )
            )
        else:
            self._show_error(plain_message(error))

    def email(self) -> None:
        if self.detail is None:
            return
        dialog = EmailInvoiceDialog(self._services, self._actor, self.detail.view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._emailed(dialog.sent_to or ""))
        dialog.open()

    def _emailed(self, address: str) -> None:
        self._notify(self.tr("{number} emailed to {address}.").format(number=self._number, address=address))
        self.reload()

    def credit(self) -> None:
        if self.detail is None:
            return
        dialog = CreditNoteDialog(self._services, self._actor, self.detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(self._credited)
        dialog.open()

    def _credited(self, credit: InvoiceView) -> None:
        """The new credit note takes the window: it is what the user wants to check, print or send."""
        self.documents_changed.emit()
        self.load(credit.number)
        self._notify(
            self.tr("Credit note {credit} issued for {invoice}.").format(
                credit=credit.number, invoice=credit.credits_invoice
            )
        )
