"""Driving the admin's page as a person would: open a tab, type into a field, press a button, read a line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.admin.admin_page import AdminPage
from pos_app.ui.admin.panel import AdminPanel

TIMEOUT = 10_000


def open_admin_page(qtbot: QtBot, services: Services, admin: Actor) -> AdminPage:
    page = AdminPage(services, admin)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with qtbot.waitSignal(page.panel("usersPanel").loaded, timeout=TIMEOUT):
        page.show()
    return page


def open_tab(qtbot: QtBot, page: AdminPage, name: str) -> AdminPanel:
    panel = page.panel(name)
    if panel.isVisible():
        return panel
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        page.show_panel(name)
    return panel


def widget(parent: QWidget, kind: type, name: str) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def type_into(qtbot: QtBot, parent: QWidget, name: str, text: str) -> None:
    field = widget(parent, QLineEdit, name)
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest's key clicks abort on letters outside ASCII
        field.insert(text)


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = widget(parent, QPushButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_and_wait(qtbot: QtBot, panel: AdminPanel, name: str) -> bool:
    """Press a button whose action runs in the background; True when it worked."""
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT) as done:
        click(qtbot, panel, name)
    return done.args[0]


def error_under(parent: QWidget, field_name: str) -> str:
    """The error line under a field, or "" while it is hidden."""
    label = widget(parent, QLabel, f"{field_name}Error")
    return label.text() if label.isVisibleTo(parent) else ""


def visible_text(parent: QWidget, name: str) -> str:
    label = widget(parent, QLabel, name)
    return label.text() if label.isVisibleTo(parent) else ""


def open_dialog(qtbot: QtBot, kind: type) -> QDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def select_row_showing(table: QTableView, text: str, column: int = 0) -> None:
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, column).data() == text]
    assert rows, f"no row shows {text!r}"
    table.selectRow(rows[0])


def column_texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]
