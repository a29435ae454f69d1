from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.catalogue.catalogue_page import CataloguePage
from pos_app.ui.catalogue.variants_table import VariantColumn, VariantsTable
from pos_app.ui.main_window import MainWindow
from pos_app.ui.stock.movement_dialog import MovementDialog
from tests.ui.screen import add_product, column_texts, row_of

W = TypeVar("W", bound=QWidget)


def child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def window(qtbot: QtBot, services: Services, stock_manager: Actor) -> MainWindow:
    opened = MainWindow(services, stock_manager)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def open_catalogue(qtbot: QtBot, window: MainWindow) -> CataloguePage:
    page = window.catalogue_page
    assert page is not None
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.pages.show_page(page)
    qtbot.waitUntil(lambda: child(page, QComboBox, "productVat").count() > 0, timeout=5000)
    return page


def type_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type `text`; QTest types ASCII only, so accented letters are inserted as an input method would."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.setFocus()
        field.insert(text)


def type_in_cell(qtbot: QtBot, table: VariantsTable, row: int, column: VariantColumn, text: str) -> None:
    """Type in a cell as a person does: start editing it, type, press Enter."""
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)  # the delegate commits on the next turn


def save(qtbot: QtBot, page: CataloguePage) -> str:
    status = child(page, QLabel, "productStatus")
    child(page, QPushButton, "productSave").click()
    qtbot.waitUntil(lambda: status.text() != "Saving…", timeout=5000)
    return status.text()


def fill_polo(qtbot: QtBot, page: CataloguePage) -> None:
    type_text(qtbot, child(page, QLineEdit, "productName"), "Polo piqué")
    type_text(qtbot, child(page, QComboBox, "productCategory").lineEdit(), "Vêtements")
    qtbot.keyClicks(child(page, QLineEdit, "productPrice"), "35.00")
    variants = page.form.variants
    for row, (size, sku) in enumerate((("M", "POLO-M"), ("L", "POLO-L"))):
        if row:
            child(page, QPushButton, "addVariant").click()
        type_in_cell(qtbot, variants, row, VariantColumn.SIZE, size)
        type_in_cell(qtbot, variants, row, VariantColumn.COLOUR, "Marine")
        type_in_cell(qtbot, variants, row, VariantColumn.SKU, sku)
    type_in_cell(qtbot, variants, 0, VariantColumn.BARCODE, "4006381333931")
    type_in_cell(qtbot, variants, 1, VariantColumn.LOW_STOCK_THRESHOLD, "3")


def choose_sku(qtbot: QtBot, window: MainWindow, sku: str) -> None:
    stock = window.stock_page
    if not stock.isVisible():
        with qtbot.waitSignal(stock.loaded, timeout=5000):
            window.pages.show_page(stock)
    qtbot.waitUntil(lambda: stock.settled, timeout=5000)
    table = child(stock, QTableView, "stockTable")
    table.selectRow(row_of(table, sku))


def movement_dialog(qtbot: QtBot, window: MainWindow, button: str) -> MovementDialog:
    child(window.stock_page, QPushButton, button).click()
    dialog = window.stock_page.findChild(MovementDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def submit(qtbot: QtBot, window: MainWindow, dialog: MovementDialog) -> None:
    with qtbot.waitSignal(window.stock_page.loaded, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not isValid(dialog) or not dialog.isVisible()


def test_a_stock_manager_creates_a_product_with_two_sizes_receives_adjusts_and_finds_both_movements(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    catalogue = open_catalogue(qtbot, window)
    fill_polo(qtbot, catalogue)

    assert save(qtbot, catalogue) == "Saved."
    product = services.inventory.product_of("POLO-L")
    assert [(v.sku, v.label, v.barcode, v.low_stock_threshold) for v in product.variants] == [
        ("POLO-M", "M / Marine", "4006381333931", 0),
        ("POLO-L", "L / Marine", None, 3),
    ]
    assert (product.category, str(product.price)) == ("Vêtements", "35.00")

    choose_sku(qtbot, window, "POLO-M")
    receive = movement_dialog(qtbot, window, "stockReceive")
    qtbot.keyClicks(child(receive, QSpinBox, "movementQuantity"), "12")
    qtbot.keyClicks(child(receive, QLineEdit, "movementReference"), "BL-42")
    submit(qtbot, window, receive)

    choose_sku(qtbot, window, "POLO-M")
    adjust = movement_dialog(qtbot, window, "stockAdjust")
    kind = child(adjust, QComboBox, "movementKind")
    kind.setCurrentIndex(kind.findText("Loss (damaged, stolen, expired)"))
    quantity = child(adjust, QSpinBox, "movementQuantity")
    quantity.selectAll()
    qtbot.keyClicks(quantity, "2")
    child(adjust, QComboBox, "movementReason").setCurrentText("Damaged in the fitting room")
    submit(qtbot, window, adjust)

    stock_table = child(window.stock_page, QTableView, "stockTable")
    assert column_texts(stock_table, "On hand")[row_of(stock_table, "POLO-M")] == "10"

    choose_sku(qtbot, window, "POLO-M")
    window.activateWindow()
    stock_table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is stock_table)
    history = window.history_page
    with qtbot.waitSignal(history.loaded, timeout=5000):
        qtbot.keyClick(stock_table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.titles()[window.pages._stack.currentIndex()] == "History"
    table = child(history, QTableView, "historyTable")
    assert [row[1:9] + row[10:] for row in rows_of(table)] == [
        ("POLO-M", "Polo piqué", "M / Marine", "Loss", "−2", "12", "10", "Damaged in the fitting room", "stock"),
        ("POLO-M", "Polo piqué", "M / Marine", "Delivery", "+12", "0", "12", "Delivery", "stock"),
    ]
    assert rows_of(table)[1][9] == "BL-42"
    assert child(history, QLabel, "historyCount").text() == "2 movements"


def rows_of(table: QTableView) -> list[tuple[str, ...]]:
    model = table.model()
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_every_refused_field_is_shown_next_to_it_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, services: Services, stock_manager: Actor
) -> None:
    add_product(services, stock_manager, "TAKEN", "Taken", barcode="5901234123457")
    catalogue = open_catalogue(qtbot, window)
    qtbot.keyClicks(child(catalogue, QLineEdit, "productPrice"), "12.345")
    qtbot.keyClicks(child(catalogue, QLineEdit, "productPromoPrice"), "20")
    variants = catalogue.form.variants
    type_in_cell(qtbot, variants, 0, VariantColumn.SKU, "NEW-1")
    type_in_cell(qtbot, variants, 0, VariantColumn.BARCODE, "5901234123457")

    save(qtbot, catalogue)

    assert catalogue.form.problem("name") == "product name is required."
    assert catalogue.form.problem("price") == "price 12.345 has more decimals than EUR allows (2)."
    assert catalogue.form.variants_problem() == "Variant 1: The barcode 5901234123457 belongs to SKU 'TAKEN'."
    assert child(catalogue, QLabel, "productNameError").isVisible()
    assert variants.problem_cell(0, "barcode").background().color().name() == "#f9d3cf"
    assert QApplication.focusWidget() is child(catalogue, QLineEdit, "productName")
    assert [p.name for p in catalogue.products()] == ["Taken"]


def test_opening_a_product_fills_the_form_and_saving_it_changes_it(
    qtbot: QtBot, window: MainWindow, services: Services, stock_manager: Actor
) -> None:
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", threshold=4)
    catalogue = open_catalogue(qtbot, window)

    with qtbot.waitSignal(catalogue.product_shown, timeout=5000):
        child(catalogue, QTableView, "catalogueResults").selectRow(0)
    assert child(catalogue, QLineEdit, "productName").text() == "Mug"
    assert catalogue.form.variants.item(0, VariantColumn.SKU).text() == "MUG-01"
    assert not catalogue.form.variants.item(0, VariantColumn.SKU).flags() & Qt.ItemFlag.ItemIsEditable
    price = child(catalogue, QLineEdit, "productPrice")
    price.selectAll()
    qtbot.keyClicks(price, "9.20")

    assert save(qtbot, catalogue) == "Saved."
    assert services.inventory.product_of("MUG-01").price.to_eng_string() == "9.20"
    qtbot.waitUntil(lambda: [str(p.price) for p in catalogue.products()] == ["9.20"], timeout=5000)
