from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.stock.labels_dialog import LabelsDialog
from tests.services.test_labels import barcodes_on_labels, pdf_text
from tests.ui.screen import add_product


@pytest.fixture
def shop(services: Services, stock_manager: Actor) -> Services:
    add_product(services, stock_manager, "TEE-M", "T-shirt bio", size="M", barcode="4006381333931", stock=3)
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", stock=1)
    return services


def test_the_labels_pdf_has_one_label_per_copy_asked_for(qtbot: QtBot, shop: Services, tmp_path: Path) -> None:
    dialog = LabelsDialog(shop, [shop.inventory.find_by_barcode("TEE-M")])
    qtbot.addWidget(dialog)
    dialog.show()
    adding = dialog.findChild(QLineEdit, "labelsAdd")
    qtbot.keyClicks(adding, "MUG-01")
    qtbot.keyClick(adding, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.requests()) == 2, timeout=5000)
    dialog.findChild(QPushButton, "labelsOnHand").click()
    assert dialog.requests() == [("TEE-M", 3), ("MUG-01", 1)]
    assert dialog.findChild(QLabel, "labelsTotal").text() == "4 label(s) on 1 sheet(s)"
    target = tmp_path / "labels.pdf"

    dialog.choose_pdf_path()
    chooser = dialog.findChild(QFileDialog, "labelsPdfChooser")
    chooser.selectFile(str(target))
    chooser.accept()
    status = dialog.findChild(QLabel, "labelsStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Saved to"), timeout=20_000)

    text = pdf_text(target)
    assert (text.count("T-shirt bio"), text.count("Mug")) == (3, 1)
    assert barcodes_on_labels(target, tmp_path) == ["4006381333931"] * 3 + ["MUG-01"]


def test_an_unknown_code_is_said_in_plain_words(qtbot: QtBot, shop: Services) -> None:
    dialog = LabelsDialog(shop, [])
    qtbot.addWidget(dialog)
    dialog.show()
    adding = dialog.findChild(QLineEdit, "labelsAdd")

    qtbot.keyClicks(adding, "NOPE")
    qtbot.keyClick(adding, Qt.Key.Key_Return)

    error = dialog.findChild(QLabel, "labelsError")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert error.text().startswith("No product has the barcode or SKU 'NOPE'")
    assert not dialog.findChild(QPushButton, "labelsSave").isEnabled()
