from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.stock.history_page import HistoryPage
from tests.ui.screen import add_product, column_texts


@pytest.fixture
def shop(services: Services, stock_manager: Actor, admin: Actor, clock) -> Services:
    add_product(services, stock_manager, "TEE-M", "T-shirt", size="M", stock=10)
    add_product(services, stock_manager, "MUG-01", "Mug", stock=5)
    clock.advance(days=1)
    services.inventory.adjust(stock_manager, "TEE-M", -2, "loss", "Stolen")
    services.inventory.adjust(admin, "MUG-01", 1, "adjustment", "Found in the back")
    return services


@pytest.fixture
def page(qtbot: QtBot, shop: Services) -> HistoryPage:
    opened = HistoryPage(shop, filter_delay_ms=0)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.loaded, timeout=5000):
        opened.show()
    return opened


def table(page: HistoryPage) -> QTableView:
    return page.findChild(QTableView, "historyTable")


def count(page: HistoryPage) -> str:
    return page.findChild(QLabel, "historyCount").text()


def test_the_history_lists_every_movement_newest_first(page: HistoryPage) -> None:
    assert column_texts(table(page), "SKU") == ["MUG-01", "TEE-M", "MUG-01", "TEE-M"]
    assert column_texts(table(page), "Kind") == ["Adjustment", "Loss", "Delivery", "Delivery"]
    assert column_texts(table(page), "Change") == ["+1", "−2", "+5", "+10"]
    assert column_texts(table(page), "By") == ["admin", "stock", "stock", "stock"]
    assert count(page) == "4 movements"


def test_the_filters_narrow_the_movements(qtbot: QtBot, page: HistoryPage, clock) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClicks(page.findChild(QLineEdit, "historySku"), "TEE-M")
    assert column_texts(table(page), "Change") == ["−2", "+10"]

    kind = page.findChild(QComboBox, "historyKind")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        kind.setCurrentIndex(kind.findText("Loss"))
    assert column_texts(table(page), "Reason") == ["Stolen"]

    page.findChild(QLineEdit, "historySku").clear()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        kind.setCurrentIndex(0)
    day_two = QDate(clock.now.astimezone().date())
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.findChild(QDateEdit, "historySince").setDate(day_two)
    assert column_texts(table(page), "SKU") == ["MUG-01", "TEE-M"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.set_user("admin")
    assert column_texts(table(page), "Reason") == ["Found in the back"]
    assert count(page) == "1 movement"


def test_an_unknown_sku_is_said_next_to_the_field(qtbot: QtBot, page: HistoryPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClicks(page.findChild(QLineEdit, "historySku"), "NOPE")

    error = page.findChild(QLabel, "historySkuError")
    assert error.isVisible()
    assert error.text().startswith("Unknown SKU 'NOPE'")
    assert table(page).model().rowCount() == 0


def test_the_filtered_movements_export_to_the_chosen_csv_file(qtbot: QtBot, page: HistoryPage, tmp_path: Path) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClicks(page.findChild(QLineEdit, "historySku"), "TEE-M")
    target = tmp_path / "movements.csv"

    page.choose_export_path()
    chooser = page.findChild(QFileDialog, "historyExportChooser")
    chooser.selectFile(str(target))
    with qtbot.waitSignal(page.exported, timeout=10_000) as exported:
        chooser.accept()

    assert exported.args == [target]
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(r["sku"], r["kind"], r["quantity"], r["reason"]) for r in rows] == [
        ("TEE-M", "loss", "-2", "Stolen"),
        ("TEE-M", "restock", "10", "Delivery"),
    ]
    assert page.findChild(QLabel, "historyExportStatus").text() == f"Exported 2 movements to {target}"
