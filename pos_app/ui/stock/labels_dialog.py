"""Barcode labels: choose SKUs and how many labels of each, then save the A4 sheet as PDF or print it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.services import Services
from pos_app.services.inventory import SkuRow
from pos_app.services.labels import MAX_COPIES, PLACES_ON_A_SHEET
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, page_title
from pos_app.ui.widgets.search_field import SearchField

HINT_STYLE = "color: #6b6b6b;"
COPIES_COLUMN = 3


def write_sheet(services: Services, requests: list[tuple[str, int]], skip: int, path: Path) -> Path:
    """Runs on the worker: render the sheet and write it to `path`."""
    path.write_bytes(services.labels.sheet_pdf(requests, skip=skip))
    return path


class LabelsDialog(QDialog):
    """Starts with the SKUs chosen on the stock page, one label each; more are added by SKU or barcode."""

    def __init__(self, services: Services, rows: Sequence[SkuRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(self.tr("Barcode labels"))
        self.resize(760, 520)
        self._services = services
        self._rows: list[SkuRow] = []
        self._busy = False

        self._table = QTableWidget(0, 4, objectName="labelsTable")
        headers = [self.tr("Product"), self.tr("Variant"), self.tr("SKU"), self.tr("Labels")]
        self._table.setHorizontalHeaderLabels(headers)
        self._table.verticalHeader().hide()
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 140), (2, 150), (COPIES_COLUMN, 90)):
            header.resizeSection(column, width)
        self._add = SearchField(self.tr("Add a SKU: type or scan its code or barcode, then Enter"))
        self._add.setObjectName("labelsAdd")
        self._skip = QSpinBox(objectName="labelsStartAt")
        self._skip.setRange(1, PLACES_ON_A_SHEET)
        self._on_hand = QPushButton(self.tr("One label per unit &on hand"), objectName="labelsOnHand")
        self._on_hand.setAutoDefault(False)
        self._total = QLabel(objectName="labelsTotal")
        self._status = QLabel(objectName="labelsStatus")
        self._status.setWordWrap(True)
        self._status.hide()
        self._error = error_label("labelsError")
        self._save = QPushButton(self.tr("&Save PDF…  (Ctrl+S)"), objectName="labelsSave")
        self._save.setDefault(True)
        self._print = QPushButton(self.tr("&Print…"), objectName="labelsPrint")
        self._print.setAutoDefault(False)
        close = QPushButton(self.tr("Close  (Esc)"), objectName="labelsClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        self._lay_out(close)
        for row in rows:
            self.add_row(row)
        self._add.returnPressed.connect(self._look_up)
        self._on_hand.clicked.connect(self.copies_from_on_hand)
        self._skip.valueChanged.connect(self._update_total)
        self._save.clicked.connect(self.choose_pdf_path)
        self._print.clicked.connect(self.print_sheet)
        save = QAction(self, objectName="labelsSaveAction")
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self._save.click)
        self.addAction(save)
        self._update_total()

    def _lay_out(self, close: QPushButton) -> None:
        hint = QLabel(
            self.tr("A4 sheets of 3 × 8 labels (70 × 37 mm): name, variant, price and barcode on each."),
            objectName="labelsHint",
        )
        hint.setStyleSheet(HINT_STYLE)
        start_label = QLabel(self.tr("S&tart at place"))
        start_label.setBuddy(self._skip)
        options = QHBoxLayout()
        options.addWidget(self._on_hand)
        options.addStretch()
        options.addWidget(start_label)
        options.addWidget(self._skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self._total, stretch=1)
        for button in (close, self._print, self._save):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addWidget(hint)
        layout.addWidget(self._add)
        layout.addWidget(self._table, stretch=1)
        layout.addLayout(options)
        layout.addWidget(self._status)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    # ----- the SKUs and their copies ------------------------------------------------------------

    def add_row(self, row: SkuRow, copies: int = 1) -> None:
        """Add `row`, or one more label of it when it is already listed."""
        for position, listed in enumerate(self._rows):
            if listed.sku == row.sku:
                spin = self._copies(position)
                spin.setValue(spin.value() + copies)
                return
        position = len(self._rows)
        self._rows.append(row)
        self._table.insertRow(position)
        for column, text in enumerate((row.name, row.variant, row.sku)):
            self._table.setItem(position, column, QTableWidgetItem(text))
        spin = QSpinBox(objectName=f"labelsCopies{position}")
        spin.setRange(0, MAX_COPIES)
        spin.setValue(copies)
        spin.setAccessibleName(self.tr("Labels of {sku}").format(sku=row.sku))
        spin.valueChanged.connect(self._update_total)
        self._table.setCellWidget(position, COPIES_COLUMN, spin)
        self._update_total()

    def _copies(self, position: int) -> QSpinBox:
        widget = self._table.cellWidget(position, COPIES_COLUMN)
        assert isinstance(widget, QSpinBox)
        return widget

    def set_copies(self, sku: str, copies: int) -> None:
        position = next(i for i, row in enumerate(self._rows) if row.sku == sku)
        self._copies(position).setValue(copies)

    def requests(self) -> list[tuple[str, int]]:
        """(SKU, labels) for every listed SKU with at least one label."""
        wanted = [(row.sku, self._copies(i).value()) for i, row in enumerate(self._rows)]
        return [(sku, copies) for sku, copies in wanted if copies > 0]

    def copies_from_on_hand(self) -> None:
        for position, row in enumerate(self._rows):
            self._copies(position).setValue(min(MAX_COPIES, max(row.on_hand, 0)))

    def _update_total(self) -> None:
        labels = sum(copies for _, copies in self.requests())
        sheets = -(-(labels + self._skip.value() - 1) // PLACES_ON_A_SHEET) if labels else 0
        self._total.setText(self.tr("{labels} label(s) on {sheets} sheet(s)").format(labels=labels, sheets=sheets))
        self._save.setEnabled(labels > 0 and not self._busy)
        self._print.setEnabled(labels > 0 and not self._busy)

    def _look_up(self) -> None:
        code = self._add.text().strip()
        if not code:
            return
        find = partial(self._services.inventory.find_by_barcode, code)
        BackgroundOp(self, find).success(self._found).failure(self._show_error).run_in_background()

    def _found(self, row: SkuRow) -> None:
        self._error.hide()
        self._add.clear()
        self.add_row(row)

    # ----- saving and printing ------------------------------------------------------------------

    def choose_pdf_path(self) -> None:
        """Asks where to save, without blocking: the file dialog calls back when a file is chosen."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chooser = QFileDialog(
            self, self.tr("Save the labels as PDF"), str(Path(folder) / "labels.pdf"), self.tr("PDF documents (*.pdf)")
        )
        chooser.setObjectName("labelsPdfChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("pdf")
        chooser.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def save_pdf(self, path: Path) -> None:
        self._start(self.tr("Making the labels…"))
        save = partial(write_sheet, self._services, self.requests(), self._skip.value() - 1, path)
        BackgroundOp(self, save).success(self._saved).failure(self._show_error).run_in_background()

    def _saved(self, path: Path) -> None:
        self._finish(self.tr("Saved to {path}").format(path=path))

    def print_sheet(self) -> None:
        self._start(self.tr("Making the labels…"))
        render = partial(self._services.labels.sheet_pdf, self.requests(), skip=self._skip.value() - 1)
        BackgroundOp(self, render).success(self._print_pdf).failure(self._show_error).run_in_background()

    def _print_pdf(self, pdf: bytes) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        chooser.setObjectName("labelsPrintDialog")
        chooser.accepted.connect(lambda: self._send_to_printer(pdf, printer))
        chooser.rejected.connect(lambda: self._finish(self.tr("Printing cancelled.")))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def _send_to_printer(self, pdf: bytes, printer: object) -> None:
        print_pdf(pdf, printer)
        self._finish(self.tr("Sent to the printer."))

    def _start(self, status: str) -> None:
        self._busy = True
        self._error.hide()
        self._status.setText(status)
        self._status.show()
        self._update_total()

    def _finish(self, status: str) -> None:
        self._busy = False
        self._status.setText(status)
        self._update_total()

    def _show_error(self, error: Exception) -> None:
        self._busy = False
        self._status.hide()
        if isinstance(error, OSError):
            message = self.tr("Could not write the PDF ({reason}). Choose another folder and save again.").format(
                reason=error.strerror or error
            )
        else:
            message = plain_message(error)
        self._error.setText(message)
        self._error.show()
        self._update_total()


def print_pdf(pdf: bytes, printer: object) -> None:
    """Paint each page of `pdf` on `printer` at its resolution, edge to edge (label sheets have no margin)."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer.setFullPage(True)
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            image = document.render(page, target.size())
            painter.drawImage(target, image)
    finally:
        painter.end()
    document.close()
