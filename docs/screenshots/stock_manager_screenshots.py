"""Screenshots of the stock manager's pages over the demo shop: the catalogue editor, receive and adjust, the
movement history, the CSV import and the barcode labels (with a page of the labels PDF).

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/stock_manager_screenshots.py
It writes catalogue-editor.png, catalogue-errors.png, stock-actions.png, stock-adjust.png, history.png,
import.png, labels.png and labels-sheet.png next to this file, from a throwaway SQLite database.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from capture import OUT, save, throwaway_shop, until, window_of
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QTableView
from shiboken6 import isValid

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.catalogue_csv import COLUMNS
from pos_app.ui.catalogue.variants_table import VariantColumn
from pos_app.ui.stock.labels_dialog import LabelsDialog
from pos_app.ui.stock.movement_dialog import MovementDialog

# A price rise, a new product with two colours, and two bad rows (a negative price; a VAT rate the shop has not,
# an unknown word for "active"): the import shows every change and both errors, and imports nothing.
IMPORT_ROWS = (
    "MUG-CERA-BLANC,3700120001051,Mug céramique,,colour=Blanc,Maison,Lumen,"
    "Hand-glazed ceramic mug.,15.00,,,20,5,12,yes",
    "SAC-TOIL-NAT,,Sac en toile,,colour=Naturel,Accessoires,Wax Studio,,18.00,,,20,2,12,yes",
    "SAC-TOIL-NOI,,Sac en toile,,colour=Noir,Accessoires,Wax Studio,,18.00,,,20,2,8,yes",
    "BOUG-FIGU,,Bougie parfumée figue,,,Maison,Lumen,,-4,,,20,2,5,yes",
    "CAHI-A5,,Cahier A5 ligné,,,Papeterie,,,4.90,,,7,5,30,maybe",
)
IMPORT_CSV = "\n".join((",".join(COLUMNS), *IMPORT_ROWS)) + "\n"


def select(table: QTableView, column_text: str, column: int = 2) -> None:
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == column_text:
            table.selectionModel().setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            table.scrollTo(model.index(row, 0))
            return
    raise LookupError(column_text)


def shoot(services: Services, manager: Actor, folder: Path) -> None:
    window = window_of(services, manager)

    stock = window.stock_page
    window.pages.show_page(stock)
    until(lambda: stock.settled)
    stock.findChild(QLineEdit, "stockFilter").setText("coton")
    until(lambda: stock.settled)
    table = stock.findChild(QTableView, "stockTable")
    select(table, "T-SHIR-COTO-M-NOIR")
    save(window, "stock-actions.png")

    stock.adjust()
    dialog = stock.findChild(MovementDialog)
    kind = dialog.findChild(QComboBox, "movementKind")
    kind.setCurrentIndex(kind.findText("Loss (damaged, stolen, expired)"))
    dialog.findChild(QSpinBox, "movementQuantity").setValue(2)
    dialog.findChild(QComboBox, "movementReason").setCurrentText("Stained in the fitting room")
    save(dialog, "stock-adjust.png")
    dialog.submit()
    until(lambda: not isValid(dialog) or not dialog.isVisible())
    until(lambda: stock.settled)

    catalogue = window.catalogue_page
    window.pages.show_page(catalogue)
    search = catalogue.findChild(QLineEdit, "catalogueSearch")
    search.setText("t-shirt")
    catalogue.search()
    until(lambda: len(catalogue.products()) > 0)
    results = catalogue.findChild(QTableView, "catalogueResults")
    results.selectRow(0)
    until(lambda: catalogue.form.product_id is not None)
    save(window, "catalogue-editor.png")

    catalogue.new_product()
    catalogue.form.findChild(QLineEdit, "productPrice").setText("12.345")
    variants = catalogue.form.variants
    variants.set_cell(0, VariantColumn.SIZE, "M")
    variants.set_cell(0, VariantColumn.SKU, "T-SHIR-COTO-M-NOIR")
    variants.set_cell(0, VariantColumn.BARCODE, "4006381333932")
    catalogue.form.request_save()
    until(lambda: catalogue.form.problem("name") is not None)
    save(window, "catalogue-errors.png")

    history = window.history_page
    window.pages.show_page(history)
    until(lambda: history.model.rowCount() > 0)
    save(window, "history.png")

    csv_path = folder / "catalogue-update.csv"
    csv_path.write_text(IMPORT_CSV, encoding="utf-8")
    importer = catalogue.open_import()
    importer.resize(1000, 620)
    importer.read_file(csv_path)
    until(lambda: importer.preview is not None)
    save(importer, "import.png")
    importer.close()

    window.pages.show_page(stock)
    until(lambda: stock.settled)
    wanted = {"T-SHIR-COTO-M-NOIR": 3, "CHEM-LIN-OXFO-M-BLEUCI": 2, "MUG-CERA-BLANC": 2, "CASQ-BROD-NOIR": 1}
    wanted |= {"ECOU-SANS-FIL-NOIR": 2, "CABL-USB-C": 4}
    rows = [services.inventory.find_by_barcode(code) for code in wanted]
    labels = LabelsDialog(services, rows, window)
    for code, copies in wanted.items():
        labels.set_copies(code, copies)
    labels.show()
    save(labels, "labels.png")
    pdf = folder / "labels.pdf"
    pdf.write_bytes(services.labels.sheet_pdf(labels.requests()))
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(OUT / "labels-sheet")], check=True)
    print(f"wrote {OUT / 'labels-sheet.png'}")
    labels.close()
    window.close()


def main() -> int:
    with throwaway_shop() as (services, folder):
        shoot(services, services.auth.login("stock", "stock-demo"), folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
