from __future__ import annotations

import io

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.catalogue_csv import COLUMNS
from pos_app.services.stock_list import StockQuery
from pos_app.ui.stock.stock_model import StockTableModel
from pos_app.ui.widgets.paged_model import FIRST_PAGE_SIZE

SKUS = 450


@pytest.fixture
def catalogue(services: Services, stock_manager: Actor) -> Services:
    """450 SKUs, 'Article 000' to 'Article 449', imported in one go."""
    rows = [",".join(COLUMNS)]
    rows += [f"ART-{i:03d},,Article {i:03d},,,,,,9.90,,,20,2,{i % 7},yes" for i in range(SKUS)]
    services.inventory.import_csv(stock_manager, io.StringIO("\n".join(rows) + "\n"))
    return services


def shown_skus(model: StockTableModel) -> list[str]:
    return [model.row(row).sku for row in range(model.rowCount())]


def test_the_list_reads_the_next_page_as_the_view_scrolls_to_its_end(qtbot: QtBot, catalogue: Services) -> None:
    model = StockTableModel(catalogue.stock_list)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(StockQuery())
    assert model.rowCount() == FIRST_PAGE_SIZE
    while not model.complete:
        shown = model.rowCount()
        view.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: model.rowCount() > shown, timeout=5000)

    assert shown_skus(model) == [f"ART-{i:03d}" for i in range(SKUS)]


def test_a_page_read_for_an_older_filter_is_dropped(qtbot: QtBot, catalogue: Services) -> None:
    model = StockTableModel(catalogue.stock_list)

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(StockQuery(text="article 1"))
        model.set_query(StockQuery(text="article 44"))

    qtbot.wait(200)  # the first query's page has arrived by now, and was not shown
    assert shown_skus(model) == [f"ART-{i:03d}" for i in range(SKUS) if "44" in f"{i:03d}"]
    assert model.complete
