from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.stock.stock_page import StockPage
from tests.ui.screen import (
    AMBER,
    RED,
    add_product,
    column_texts,
    header_texts,
    painted_colour,
    row_background,
    row_of,
    row_texts,
)


@pytest.fixture
def shop(services: Services, stock_manager: Actor) -> Services:
    """Four SKUs: one plentiful, one low, one out of stock, one with an accented name."""
    add_product(
        services,
        stock_manager,
        "TEE-M-BLU",
        "T-shirt",
        price="15.00",
        stock=40,
        threshold=5,
        size="M",
        colour="Blue",
        barcode="4006381333931",
    )
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", stock=3, threshold=5)
    add_product(services, stock_manager, "CAP-01", "Cap", price="12.00", stock=0, threshold=2)
    add_product(services, stock_manager, "CREME-50", "Crème hydratante", price="19.90", stock=12, threshold=4)
    return services


@pytest.fixture
def window(qtbot: QtBot, shop: Services, stock_manager: Actor) -> MainWindow:
    opened = MainWindow(shop, stock_manager)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.stock_page.loaded, timeout=5000):
        opened.show()
        opened.pages.show_page(opened.stock_page)
    return opened


def table(window: MainWindow) -> QTableView:
    return window.findChild(QTableView, "stockTable")


def filter_field(window: MainWindow) -> QLineEdit:
    return window.findChild(QLineEdit, "stockFilter")


def label_text(window: MainWindow, name: str) -> str:
    return window.findChild(QLabel, name).text()


def settled(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the list shows what the filter says (it reads again after a short pause in typing)."""
    qtbot.waitUntil(lambda: window.stock_page.settled, timeout=5000)


def test_the_stock_list_shows_every_sku_with_its_figures(window: MainWindow) -> None:
    assert header_texts(table(window)) == [
        "Product",
        "Variant",
        "SKU",
        "Barcode",
        "Price",
        "On hand",
        "Reserved",
        "Available",
    ]
    assert row_texts(table(window)) == [
        ("Cap", "", "CAP-01", "", "12.00", "0", "0", "0"),
        ("Crème hydratante", "", "CREME-50", "", "19.90", "12", "0", "12"),
        ("Mug", "", "MUG-01", "", "8.50", "3", "0", "3"),
        ("T-shirt", "M / Blue", "TEE-M-BLU", "4006381333931", "15.00", "40", "0", "40"),
    ]
    assert label_text(window, "stockCount") == "4 SKUs"
    assert label_text(window, "lowStockBadge") == "2 low stock"


def test_the_window_says_who_is_logged_in(window: MainWindow) -> None:
    assert label_text(window, "currentUser") == "Logged in as stock · Stock manager"


def test_numbers_are_right_aligned_and_names_left_aligned(window: MainWindow) -> None:
    model = table(window).model()
    alignment = [model.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) for c in range(model.columnCount())]

    assert [bool(a & Qt.AlignmentFlag.AlignRight) for a in alignment] == [False] * 4 + [True] * 4


def test_typing_in_the_filter_narrows_the_rows_ignoring_case_and_accents(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(filter_field(window), "CREME")
    settled(qtbot, window)

    assert column_texts(table(window), "SKU") == ["CREME-50"]
    assert label_text(window, "stockCount") == "1 of 4 SKUs"


@pytest.mark.parametrize(
    ("typed", "skus"),
    [
        ("blue", ["TEE-M-BLU"]),
        ("tee-m", ["TEE-M-BLU"]),
        ("333931", ["TEE-M-BLU"]),
        ("-01", ["CAP-01", "MUG-01"]),
        ("shirt m", ["TEE-M-BLU"]),
        ("nothing like it", []),
    ],
)
def test_the_filter_matches_variant_sku_and_barcode(
    qtbot: QtBot, window: MainWindow, typed: str, skus: list[str]
) -> None:
    qtbot.keyClicks(filter_field(window), typed)
    settled(qtbot, window)

    assert column_texts(table(window), "SKU") == skus


def test_escape_clears_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(filter_field(window), "mug")
    settled(qtbot, window)
    qtbot.keyClick(filter_field(window), Qt.Key.Key_Escape)
    settled(qtbot, window)

    assert filter_field(window).text() == ""
    assert len(row_texts(table(window))) == 4


def test_the_filter_has_focus_on_open_and_ctrl_f_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is filter_field(window))
    table(window).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table(window))

    qtbot.keySequence(table(window), QKeySequence(QKeySequence.StandardKey.Find))

    assert QApplication.focusWidget() is filter_field(window)


def test_low_stock_rows_are_amber_and_out_of_stock_rows_red(window: MainWindow) -> None:
    view = table(window)

    assert row_background(view, row_of(view, "MUG-01")) == AMBER
    assert row_background(view, row_of(view, "CAP-01")) == RED
    assert row_background(view, row_of(view, "TEE-M-BLU")) is None
    assert painted_colour(view, row_of(view, "MUG-01")) == AMBER
    assert painted_colour(view, row_of(view, "CAP-01")) == RED
    assert painted_colour(view, row_of(view, "TEE-M-BLU")) not in (AMBER, RED)


def test_low_stock_only_shows_low_and_out_of_stock_skus(qtbot: QtBot, window: MainWindow) -> None:
    toggle = window.findChild(QCheckBox, "lowStockOnly")

    toggle.click()
    settled(qtbot, window)
    assert column_texts(table(window), "SKU") == ["CAP-01", "MUG-01"]
    assert label_text(window, "stockCount") == "2 of 4 SKUs"

    qtbot.keyClicks(filter_field(window), "mug")
    settled(qtbot, window)
    assert column_texts(table(window), "SKU") == ["MUG-01"]

    toggle.click()
    settled(qtbot, window)
    assert column_texts(table(window), "SKU") == ["MUG-01"]
    qtbot.keyClick(filter_field(window), Qt.Key.Key_Escape)
    settled(qtbot, window)
    assert len(row_texts(table(window))) == 4


def test_clicking_a_header_sorts_by_that_column(qtbot: QtBot, window: MainWindow) -> None:
    view = table(window)
    header = view.horizontalHeader()
    available = header_texts(view).index("Available")
    middle = QPoint(header.sectionViewportPosition(available) + header.sectionSize(available) // 2, 5)

    with qtbot.waitSignal(view.model().loaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    first_order = column_texts(view, "Available")
    with qtbot.waitSignal(view.model().loaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)

    assert {tuple(first_order), tuple(column_texts(view, "Available"))} == {
        ("0", "3", "12", "40"),
        ("40", "12", "3", "0"),
    }


def test_f5_reloads_the_stock_list(qtbot: QtBot, shop: Services, stock_manager: Actor, window: MainWindow) -> None:
    shop.inventory.receive(stock_manager, "CAP-01", 10)

    with qtbot.waitSignal(window.stock_page.loaded, timeout=5000):
        qtbot.keyClick(filter_field(window), Qt.Key.Key_F5)

    view = table(window)
    assert column_texts(view, "On hand")[row_of(view, "CAP-01")] == "10"
    assert row_background(view, row_of(view, "CAP-01")) is None
    assert label_text(window, "lowStockBadge") == "1 low stock"


def test_loading_is_shown_until_the_rows_arrive(qtbot: QtBot, shop: Services) -> None:
    page = StockPage(shop)
    qtbot.addWidget(page)

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
        assert page.findChild(QLabel, "stockCount").text() == "Loading…"

    assert page.findChild(QLabel, "stockCount").text() == "4 SKUs"


class BrokenStockList:
    def page(self, *_args: object) -> list[object]:
        raise RuntimeError("connection reset by peer")

    def counts(self) -> list[object]:
        raise RuntimeError("connection reset by peer")


def test_a_failed_load_says_so_in_plain_words(qtbot: QtBot, services: Services) -> None:
    page = StockPage(dataclasses.replace(services, stock_list=BrokenStockList()))
    qtbot.addWidget(page)
    page.show()

    error = page.findChild(QLabel, "stockError")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert error.text().startswith("Could not load the stock list. Something went wrong")
    assert "connection reset" not in error.text()
    assert page.findChild(QLabel, "stockCount").text() == "0 SKUs"
