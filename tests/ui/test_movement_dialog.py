from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.stock.movement_dialog import MovementDialog, MovementMode
from tests.ui.screen import add_product


@pytest.fixture
def shop(services: Services, stock_manager: Actor) -> Services:
    add_product(services, stock_manager, "MUG-01", "Mug", stock=3)
    services.reservations.reserve(lines=[("MUG-01", 1)])
    return services


def open_dialog(qtbot: QtBot, shop: Services, actor: Actor, mode: MovementMode) -> MovementDialog:
    dialog = MovementDialog(shop.inventory, actor, shop.inventory.find_by_barcode("MUG-01"), mode)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def error_of(dialog: MovementDialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)


def test_a_loss_beyond_what_is_available_is_refused_next_to_the_quantity(
    qtbot: QtBot, shop: Services, stock_manager: Actor
) -> None:
    dialog = open_dialog(qtbot, shop, stock_manager, MovementMode.ADJUST)
    kind = dialog.findChild(QComboBox, "movementKind")
    kind.setCurrentIndex(kind.findText("Loss (damaged, stolen, expired)"))
    quantity = dialog.findChild(QSpinBox, "movementQuantity")
    quantity.setValue(3)
    dialog.findChild(QComboBox, "movementReason").setCurrentText("Broken")
    assert dialog.findChild(QLabel, "movementAfter").text() == "On hand 3 → 0"

    qtbot.keyClick(quantity, Qt.Key.Key_Return)

    error = error_of(dialog, "movementQuantityError")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert error.text() == "Not enough stock: MUG-01: 3 requested, 2 available."
    assert dialog.isVisible()
    assert shop.inventory.level("MUG-01").on_hand == 3


def test_a_reason_is_required_and_a_zero_change_is_refused(qtbot: QtBot, shop: Services, stock_manager: Actor) -> None:
    dialog = open_dialog(qtbot, shop, stock_manager, MovementMode.ADJUST)
    dialog.findChild(QSpinBox, "movementQuantity").setValue(0)
    dialog.findChild(QComboBox, "movementReason").setCurrentText("Count")

    dialog.submit()
    assert error_of(dialog, "movementQuantityError").text() == "Type how many units change: zero changes nothing."

    dialog.findChild(QSpinBox, "movementQuantity").setValue(2)
    dialog.findChild(QComboBox, "movementReason").setCurrentText("  ")
    dialog.submit()
    assert error_of(dialog, "movementReasonError").text() == "Say why in a few words: the history keeps it."
    assert error_of(dialog, "movementQuantityError").isHidden()


def test_receiving_adds_the_units_with_delivery_as_the_reason(
    qtbot: QtBot, shop: Services, stock_manager: Actor
) -> None:
    dialog = open_dialog(qtbot, shop, stock_manager, MovementMode.RECEIVE)
    dialog.findChild(QSpinBox, "movementQuantity").setValue(24)

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()

    assert dialog.movement is not None
    assert (dialog.movement.quantity, dialog.movement.reason, dialog.movement.stock_after) == (24, "Delivery", 27)
