from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.catalogue_csv import COLUMNS
from pos_app.ui.catalogue.catalogue_page import CataloguePage
from pos_app.ui.catalogue.import_dialog import ImportDialog
from tests.services.helpers import visible_state
from tests.ui.screen import add_product

HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture
def page(qtbot: QtBot, services: Services, stock_manager: Actor) -> CataloguePage:
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", stock=3)
    opened = CataloguePage(services, stock_manager)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.loaded, timeout=5000):
        opened.show()
    return opened


def read(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    """Choose the file in the file dialog, as a person does, and wait for what it would change."""
    dialog.choose_file()
    chooser = dialog.findChild(QFileDialog, "importChooser")
    chooser.selectFile(str(path))
    chooser.accept()
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "importSummary").text() != "Reading the file…", timeout=5000)


def table_rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_a_file_with_two_bad_rows_shows_both_errors_and_imports_nothing(
    qtbot: QtBot, page: CataloguePage, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_text(
        HEADER
        + "OK-1,,Good product,,,,,,10.00,,,20,0,5,yes\n"
        + "BAD-PRICE,,Bad price,,,,,,-3,,,20,0,5,yes\n"
        + "BAD-VAT,,Bad VAT,,,,,,10.00,,,7,0,5,yes\n",
        encoding="utf-8",
    )
    before = visible_state(services)
    dialog = page.open_import()

    read(qtbot, dialog, path)

    errors = dialog.error_rows()
    assert [line for line, _ in errors] == ["3", "4"]
    assert errors[0][1].startswith("price cannot be negative")
    assert errors[1][1].startswith("VAT rate 7 % is not one of the shop's rates")
    assert dialog.findChild(QLabel, "importSummary").text() == (
        "2 bad row(s): nothing can be imported until the file is fixed."
    )
    confirm = dialog.findChild(QPushButton, "importConfirm")
    assert not confirm.isEnabled()
    confirm.click()
    dialog.run_import()
    qtbot.wait(100)
    assert visible_state(services) == before


def test_a_good_file_shows_what_changes_then_imports(
    qtbot: QtBot, page: CataloguePage, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_text(
        HEADER + "MUG-01,,Mug,,,,,,9.00,,,20,0,5,yes\n" + "CAP-01,,Cap,,,,,,12.00,,,20,2,4,yes\n", encoding="utf-8"
    )
    dialog = page.open_import()
    read(qtbot, dialog, path)

    assert table_rows(dialog.findChild(QTableWidget, "importChanges")) == [
        ("2", "MUG-01", "Mug", "Changed", "price 8.50 → 9.00; on hand 3 → 5"),
        ("3", "CAP-01", "Cap", "New product", "on hand 0 → 4"),
    ]
    assert dialog.findChild(QLabel, "importSummary").text() == "1 new product(s) · 1 changed"
    assert not dialog.findChild(QTableWidget, "importErrors").isVisible()

    with qtbot.waitSignal(page.catalogue_changed, timeout=5000):
        dialog.findChild(QPushButton, "importConfirm").click()

    assert services.inventory.level("CAP-01").on_hand == 4
    assert services.inventory.product_of("MUG-01").price.to_eng_string() == "9.00"
    assert dialog.findChild(QLabel, "importSummary").text().startswith("Imported: 1 new product(s), 1 new variant(s)")
