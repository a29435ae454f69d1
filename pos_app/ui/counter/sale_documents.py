"""After a sale: its receipt (on the receipt printer, else as a PDF) and its invoice (as a PDF, or emailed)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from pos_app.domain.roles import Actor
from pos_app.errors import MailNotConfigured, PrinterError
from pos_app.invoices.model import CustomerDetails, InvoiceView
from pos_app.services import Services
from pos_app.services.mail import email_address
from pos_app.services.receipts import ReceiptService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message


@dataclass(frozen=True)
class RenderedInvoice:
    view: InvoiceView
    pdf: bytes


@dataclass(frozen=True)
class EmailStart:
    """What emailing a sale's invoice starts from: whether email is set up, whether the sale is invoiced
    already, and the address to offer (the invoice's customer's, else the sale's customer's)."""

    ready: bool
    invoiced: bool = False
    address: str = ""


def print_or_render_receipt(receipts: ReceiptService, sale_number: str) -> bytes | None:
    """Runs on the worker: print on the receipt printer (None), or the receipt's PDF when none is set up."""
    if receipts.printer() is None:
        return receipts.receipt_pdf(sale_number)
    receipts.print_receipt(sale_number)
    return None


def issue_and_render_invoice(
    services: Services, actor: Actor, sale_number: str, customer: CustomerDetails | None
) -> RenderedInvoice:
    """Runs on the worker: the sale's invoice, issued now unless it has one already, and its PDF."""
    view = services.invoices.for_sale(actor, sale_number)
    if view is None:
        view = services.invoices.issue(actor, sale_number, customer)
    return RenderedInvoice(view, services.invoices.pdf(view.number, actor))


def email_start(services: Services, actor: Actor, sale_number: str, customer_id: int | None) -> EmailStart:
    """Runs on the worker."""
    if not services.mail.ready():
        return EmailStart(ready=False)
    invoice = services.invoices.for_sale(actor, sale_number)
    if invoice is not None and invoice.customer.email:
        return EmailStart(ready=True, invoiced=True, address=invoice.customer.email)
    address = services.customers.customer(customer_id).email if customer_id is not None else ""
    return EmailStart(ready=True, invoiced=invoice is not None, address=address)


def issue_invoice(
    services: Services, actor: Actor, sale_number: str, customer: CustomerDetails | None, to: str
) -> InvoiceView:
    """Runs on the worker: the sale's invoice, issued now unless it has one already. A mistyped address
    (`to`) issues nothing."""
    email_address(to, "to")
    return services.invoices.for_sale(actor, sale_number) or services.invoices.issue(actor, sale_number, customer)


def save_invoice(services: Services, actor: Actor, invoice_number: str, pdf: bytes, path: Path) -> Path:
    path.write_bytes(pdf)
    services.invoices.record_event(actor, invoice_number, "saved")
    return path


def choose_pdf_path(parent: QWidget, title: str, file_name: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / file_name), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


class SaleDocuments(QObject):
    """Prints or saves the documents of one sale. Tells how it went in plain words through `done` and
    `failed`; `saved` gives the path of a PDF written."""

    done = Signal(str)
    failed = Signal(str)
    saved = Signal(object)  # Path
    working = Signal(str)  # what is under way
    email_ready = Signal(object)  # EmailStart, when email is set up

    def __init__(self, services: Services, actor: Actor, sale_number: str, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._actor = actor
        self._number = sale_number
        self._window = window
        self.invoice_number: str | None = None

    # ----- the receipt -------------------------------------------------------------------------

    def receipt(self) -> None:
        job = partial(print_or_render_receipt, self._services.receipts, self._number)
        BackgroundOp(self._window, job).success(self._receipt_done).failure(self._receipt_failed).run_in_background()

    def _receipt_done(self, pdf: bytes | None) -> None:
        if pdf is None:
            self.done.emit(self.tr("Receipt printed."))
            return
        self._save_receipt(pdf, self.tr("No receipt printer is set up: save the receipt as a PDF."))

    def _receipt_failed(self, error: Exception) -> None:
        if not isinstance(error, PrinterError):
            self.failed.emit(plain_message(error))
            return
        self.failed.emit(self.tr("The receipt did not print: {error} You can save it as a PDF.").format(error=error))
        job = partial(self._services.receipts.receipt_pdf, self._number)
        BackgroundOp(self._window, job).success(
            partial(self._save_receipt, hint=self.tr("Save the receipt as a PDF"))
        ).failure(lambda e: self.failed.emit(plain_message(e))).run_in_background()

    def _save_receipt(self, pdf: bytes, hint: str) -> None:
        path = choose_pdf_path(self._window, hint, f"receipt-{self._number}.pdf")
        if path is None:
            self.done.emit(self.tr("The receipt was not saved."))
            return
        job = partial(path.write_bytes, pdf)
        BackgroundOp(self._window, job).success(
            lambda _size: self._saved(self.tr("Receipt saved to {path}.").format(path=path), path)
        ).failure(lambda e: self.failed.emit(self._not_written(path, e))).run_in_background()

    # ----- the invoice -------------------------------------------------------------------------

    def invoice(self, customer: CustomerDetails | None) -> None:
        """Issue the invoice (for `customer`, else the sale's customer) unless done already, then save its PDF."""
        job = partial(issue_and_render_invoice, self._services, self._actor, self._number, customer)
        BackgroundOp(self._window, job).success(self._invoice_ready).failure(
            lambda e: self.failed.emit(plain_message(e))
        ).run_in_background()

    def _invoice_ready(self, rendered: RenderedInvoice) -> None:
        self.invoice_number = rendered.view.number
        path = choose_pdf_path(
            self._window,
            self.tr("Save invoice {number}").format(number=rendered.view.number),
            f"invoice-{rendered.view.number}.pdf",
        )
        if path is None:
            self.done.emit(self.tr("Invoice {number} issued, not saved.").format(number=rendered.view.number))
            return
        job = partial(save_invoice, self._services, self._actor, rendered.view.number, rendered.pdf, path)
        BackgroundOp(self._window, job).success(
            lambda _path: self._saved(
                self.tr("Invoice {number} saved to {path}.").format(number=rendered.view.number, path=path), path
            )
        ).failure(lambda e: self.failed.emit(self._not_written(path, e))).run_in_background()

    # ----- the invoice by email ----------------------------------------------------------------

    def prepare_email(self, customer_id: int | None) -> None:
        """Find out whether email is set up and which address to offer: `email_ready` tells, else `failed`."""
        job = partial(email_start, self._services, self._actor, self._number, customer_id)
        BackgroundOp(self._window, job).success(self._email_started).failure(
            lambda e: self.failed.emit(plain_message(e))
        ).run_in_background()

    def _email_started(self, start: EmailStart) -> None:
        if not start.ready:
            self.failed.emit(self._not_set_up())
            return
        self.email_ready.emit(start)

    def email_invoice(self, customer: CustomerDetails | None, to: str) -> None:
        """Issue the invoice (for `customer`, else the sale's customer) unless done already, then send it to `to`."""
        self.working.emit(self.tr("Sending the invoice to {address}…").format(address=to))
        job = partial(issue_invoice, self._services, self._actor, self._number, customer, to)
        BackgroundOp(self._window, job).success(partial(self._send_invoice, to=to)).failure(
            lambda e: self.failed.emit(self._not_set_up() if isinstance(e, MailNotConfigured) else plain_message(e))
        ).run_in_background()

    def _send_invoice(self, view: InvoiceView, to: str) -> None:
        self.invoice_number = view.number
        job = partial(self._services.mail.email_invoice, self._actor, view.number, to)
        BackgroundOp(self._window, job).success(
            lambda _none: self.done.emit(
                self.tr("Invoice {number} sent to {address}.").format(number=view.number, address=to)
            )
        ).failure(partial(self._not_sent, view.number)).run_in_background()

    def _not_sent(self, number: str, error: Exception) -> None:
        if isinstance(error, MailNotConfigured):
            self.failed.emit(self._not_set_up())
            return
        self.failed.emit(
            self.tr("Invoice {number} was not sent: {reason}").format(number=number, reason=plain_message(error))
        )

    def _not_set_up(self) -> str:
        return self.tr("Email is not set up: an admin sets it in Settings.")

    # ----- both --------------------------------------------------------------------------------

    def _saved(self, message: str, path: Path) -> None:
        self.saved.emit(path)
        self.done.emit(message)

    def _not_written(self, path: Path, error: Exception) -> str:
        if isinstance(error, OSError):
            return self.tr("Could not write {path}: {reason}. Choose another folder.").format(
                path=path, reason=error.strerror or error
            )
        return plain_message(error)


def open_document(path: Path) -> None:
    """Open a saved PDF in the system's viewer, from where it prints."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
