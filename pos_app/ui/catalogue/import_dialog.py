"""Import the catalogue from a CSV file: choose it, read what would change and every bad row, then import.

Nothing is imported while any row is bad: the Import button stays off, and the service refuses such a file
anyway (all or nothing)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.errors import ImportRejected, RowError
from pos_app.services import Services
from pos_app.services.catalogue_csv import ChangeAction, ImportPreview, ImportSummary, RowChange
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label, page_title, section_title

HINT_STYLE = "color: #6b6b6b;"
ERROR_BACKGROUND = QColor("#f9d3cf")
ACTION_NAMES = {
    ChangeAction.NEW_PRODUCT: QT_TRANSLATE_NOOP("ImportDialog", "New product"),
    ChangeAction.NEW_VARIANT: QT_TRANSLATE_NOOP("ImportDialog", "New variant"),
    ChangeAction.UPDATE: QT_TRANSLATE_NOOP("ImportDialog", "Changed"),
    ChangeAction.UNCHANGED: QT_TRANSLATE_NOOP("ImportDialog", "Unchanged"),
}
FIELD_NAMES = {
    "product": QT_TRANSLATE_NOOP("ImportDialog", "name"),
    "description": QT_TRANSLATE_NOOP("ImportDialog", "description"),
    "category": QT_TRANSLATE_NOOP("ImportDialog", "category"),
    "brand": QT_TRANSLATE_NOOP("ImportDialog", "brand"),
    "price": QT_TRANSLATE_NOOP("ImportDialog", "price"),
    "promo_price": QT_TRANSLATE_NOOP("ImportDialog", "promo price"),
    "vat_rate": QT_TRANSLATE_NOOP("ImportDialog", "VAT"),
    "barcode": QT_TRANSLATE_NOOP("ImportDialog", "barcode"),
    "size": QT_TRANSLATE_NOOP("ImportDialog", "size"),
    "properties": QT_TRANSLATE_NOOP("ImportDialog", "properties"),
    "price_override": QT_TRANSLATE_NOOP("ImportDialog", "own price"),
    "low_stock_threshold": QT_TRANSLATE_NOOP("ImportDialog", "alert at"),
    "active": QT_TRANSLATE_NOOP("ImportDialog", "on sale"),
    "on_hand": QT_TRANSLATE_NOOP("ImportDialog", "on hand"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def change_text(change: RowChange) -> str:
    """'price 8.50 → 9.00; on hand 3 → 5', with the fields named as a person says them."""
    parts = []
    for field in change.fields:
        name = _tr(FIELD_NAMES.get(field.field, field.field))
        before = field.before or QCoreApplication.translate("ImportDialog", "empty")
        after = field.after or QCoreApplication.translate("ImportDialog", "empty")
        parts.append(f"{name} {before} → {after}")
    return "; ".join(parts)


def summary_text(preview: ImportPreview) -> str:
    if preview.errors:
        return QCoreApplication.translate(
            "ImportDialog", "{count} bad row(s): nothing can be imported until the file is fixed."
        ).format(count=len(preview.errors))
    counts = [
        (preview.count(ChangeAction.NEW_PRODUCT), QCoreApplication.translate("ImportDialog", "new product(s)")),
        (preview.count(ChangeAction.NEW_VARIANT), QCoreApplication.translate("ImportDialog", "new variant(s)")),
        (preview.count(ChangeAction.UPDATE), QCoreApplication.translate("ImportDialog", "changed")),
        (preview.count(ChangeAction.UNCHANGED), QCoreApplication.translate("ImportDialog", "unchanged")),
    ]
    return " · ".join(f"{count} {words}" for count, words in counts if count)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    rows = table.verticalHeader()
    rows.setMinimumSectionSize(table.fontMetrics().height() + 12)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # long messages wrap onto more lines
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class ImportDialog(QDialog):
    """`imported` fires with the ImportSummary once the file is in the catalogue."""

    imported = Signal(object)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import the catalogue from CSV"))
        self.resize(900, 600)
        self._services = services
        self._actor = actor
        self._path: Path | None = None
        self.preview: ImportPreview | None = None

        self._file = QLabel(self.tr("No file chosen."), objectName="importFile")
        self._choose = QPushButton(self.tr("&Choose a file…  (Ctrl+O)"), objectName="importChoose")
        self._choose.setAutoDefault(False)
        self._summary = QLabel(objectName="importSummary")
        self._summary.setWordWrap(True)
        self._errors_title = section_title(self.tr("Bad rows"), "importErrorsTitle")
        self._errors = _table("importErrors", [self.tr("Line"), self.tr("What is wrong")])
        self._errors.horizontalHeader().resizeSection(0, 60)
        self._changes_title = section_title(self.tr("What will change"), "importChangesTitle")
        self._changes = _table(
            "importChanges",
            [self.tr("Line"), self.tr("SKU"), self.tr("Product"), self.tr("Change"), self.tr("Details")],
        )
        for column, width in ((0, 60), (1, 140), (2, 200), (3, 110)):
            self._changes.horizontalHeader().resizeSection(column, width)
        self._error = error_label("importError")
        self._import = QPushButton(self.tr("&Import"), objectName="importConfirm")
        self._import.setDefault(True)
        self._import.setEnabled(False)
        close = QPushButton(self.tr("Close  (Esc)"), objectName="importClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        self._lay_out(close)
        self._show_preview(None)
        self._choose.clicked.connect(self.choose_file)
        self._import.clicked.connect(self.run_import)
        choose = QAction(self, objectName="importChooseAction")
        choose.setShortcut(QKeySequence.StandardKey.Open)
        choose.triggered.connect(self.choose_file)
        self.addAction(choose)

    def _lay_out(self, close: QPushButton) -> None:
        hint = QLabel(
            self.tr(
                "One row per SKU, with the columns of an export (sku, product, price, vat_rate, on_hand…). Rows "
                "with the same product name become one product with several variants. A file is imported whole "
                "or not at all."
            ),
            objectName="importHint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        file_row = QHBoxLayout()
        file_row.addWidget(self._file, stretch=1)
        file_row.addWidget(self._choose)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (close, self._import):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(page_title(self.windowTitle()))
        layout.addWidget(hint)
        layout.addLayout(file_row)
        layout.addWidget(self._summary)
        layout.addWidget(self._errors_title)
        layout.addWidget(self._errors, stretch=1)
        layout.addWidget(self._changes_title)
        layout.addWidget(self._changes, stretch=2)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chooser = QFileDialog(self, self.tr("Choose the CSV file to import"), folder, self.tr("CSV files (*.csv)"))
        chooser.setObjectName("importChooser")
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda path: self.read_file(Path(path)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def read_file(self, path: Path) -> None:
        """Read what `path` would change, in the background."""
        self._path = path
        self._file.setText(str(path))
        self._import.setEnabled(False)
        self._error.hide()
        self._summary.setText(self.tr("Reading the file…"))
        preview = partial(self._services.inventory.preview_import, self._actor, path)
        BackgroundOp(self, preview).success(self._show_preview).failure(self._failed).run_in_background()

    def _show_preview(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        errors = preview.errors if preview is not None else ()
        changes = preview.changes if preview is not None else ()
        self._fill_errors(errors)
        self._changes.setRowCount(0)
        for change in changes:
            row = self._changes.rowCount()
            self._changes.insertRow(row)
            cells = (
                str(change.line),
                change.sku,
                change.product,
                _tr(ACTION_NAMES[change.action]),
                change_text(change),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column == 4 else "")
                self._changes.setItem(row, column, item)
        for widget in (self._changes_title, self._changes):
            widget.setVisible(bool(changes))
        self._summary.setText(summary_text(preview) if preview is not None else "")
        self._summary.setStyleSheet("color: #a1261b; font-weight: 600;" if errors else "")
        self._import.setEnabled(preview is not None and preview.can_import)
        if preview is not None and not errors and not preview.can_import:
            self._summary.setText(self.tr("The catalogue already matches this file: nothing to import."))

    def _fill_errors(self, errors: tuple[RowError, ...]) -> None:
        self._errors.setRowCount(0)
        for error in errors:
            row = self._errors.rowCount()
            self._errors.insertRow(row)
            for column, text in enumerate((str(error.line), error.message)):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(ERROR_BACKGROUND))
                item.setToolTip(text)
                self._errors.setItem(row, column, item)
        for widget in (self._errors_title, self._errors):
            widget.setVisible(bool(errors))

    def error_rows(self) -> list[tuple[str, str]]:
        """The bad rows as shown: (line, what is wrong)."""
        return [
            (self._errors.item(r, 0).text(), self._errors.item(r, 1).text()) for r in range(self._errors.rowCount())
        ]

    def run_import(self) -> None:
        if self._path is None or self.preview is None or not self.preview.can_import:
            return
        self._import.setEnabled(False)
        self._choose.setEnabled(False)
        self._summary.setText(self.tr("Importing…"))
        run = partial(self._services.inventory.import_csv, self._actor, self._path, source_name=self._path.name)
        BackgroundOp(self, run).success(self._imported).failure(self._failed).run_in_background()

    def _imported(self, summary: ImportSummary) -> None:
        self._choose.setEnabled(True)
        self._summary.setStyleSheet("")
        self._summary.setText(
            self.tr(
                "Imported: {products} new product(s), {created} new variant(s), {updated} updated, "
                "{movements} stock movement(s)."
            ).format(
                products=summary.products_created,
                created=summary.variants_created,
                updated=summary.variants_updated,
                movements=summary.stock_movements,
            )
        )
        self.preview = None
        self.imported.emit(summary)

    def _failed(self, error: Exception) -> None:
        self._choose.setEnabled(True)
        if isinstance(error, ImportRejected):  # the file changed since it was read: its rows as they are now
            self._fill_errors(error.errors)
            self._summary.setText(
                QCoreApplication.translate("ImportDialog", "{count} bad row(s): nothing was imported.").format(
                    count=len(error.errors)
                )
            )
            return
        self._summary.setText("")
        if isinstance(error, OSError | UnicodeDecodeError):
            self._error.setText(
                self.tr("Could not read the file ({reason}). Check that it is a CSV file saved as UTF-8.").format(
                    reason=getattr(error, "strerror", None) or error
                )
            )
        else:
            self._error.setText(plain_message(error))
        self._error.show()
