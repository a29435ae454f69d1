"""Printing and saving an issued invoice or credit note again. These run on the background worker: QPainter
may paint on a QPrinter off the GUI thread, and QPdfDocument reads the PDF there too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from pos_app.domain.roles import Actor
from pos_app.errors import PrinterError
from pos_app.services.invoices import InvoiceService

PRINT_DPI = 300  # sharp on paper; a printer's 1,200 dpi would only make the job sixteen times heavier
DOTS_PER_POINT = PRINT_DPI / 72


def new_printer() -> QPrinter:
    """A printer set up for A4, the invoice's own paper; the print dialog changes what the user chooses."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF has its own margins: print it as it is, not shrunk into the printer's
    return printer


def save_invoice_pdf(invoices: InvoiceService, actor: Actor, number: str, path: Path) -> Path:
    """Write the document's PDF to `path` (never half a file), then record it as saved."""
    pdf = invoices.pdf(number, actor)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(pdf)
    partial.replace(path)
    invoices.record_event(actor, number, "saved")
    return path


def print_invoice(invoices: InvoiceService, actor: Actor, number: str, printer: QPrinter) -> int:
    """Print the document on `printer`, then record the reprint. Returns the number of pages printed."""
    pages = print_pdf(invoices.pdf(number, actor), printer)
    invoices.record_event(actor, number, "reprinted")
    return pages


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Each page of the PDF, rendered at PRINT_DPI and laid on the paper keeping its proportions."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrinterError(
            QCoreApplication.translate(
                "InvoiceDocuments", "The document could not be read for printing. Save it as a PDF and print that."
            )
        )
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(
            QCoreApplication.translate(
                "InvoiceDocuments",
                "The printer {name} did not take the job: check that it is on and ready, then print again.",
            ).format(name=printer.printerName())
        )
    try:
        for page in range(document.pageCount()):
            if page and not printer.newPage():
                raise PrinterError(
                    QCoreApplication.translate(
                        "InvoiceDocuments", "The printer stopped in the middle of the document: print it again."
                    )
                )
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * DOTS_PER_POINT), round(points.height() * DOTS_PER_POINT))
            image = document.render(page, pixels)
            painter.drawImage(_fitted(painter.viewport(), image.size()), image)
    finally:
        painter.end()
    return document.pageCount()


def _fitted(area: QRect, size: QSize) -> QRect:
    """The largest rectangle of `size`'s proportions inside `area`, centred."""
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = round(size.width() * scale), round(size.height() * scale)
    return QRect(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height)
