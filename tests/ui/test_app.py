from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.app import run_desktop
from tests.conftest import PASSWORDS
from tests.ui.screen import add_product, row_texts

WATCHDOG_MS = 15_000


def visible_window(name: str) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


@contextmanager
def watchdog() -> Iterator[None]:
    """Ends every event loop if the test hangs, so that it fails instead."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: QApplication.exit(99))
    timer.start(WATCHDOG_MS)
    try:
        yield
    finally:
        timer.stop()


def when(ready: Callable[[], QWidget | None], then: Callable[[QWidget], None]) -> None:
    """Poll the running event loop until `ready` gives a widget, then act on it."""
    widget = ready()
    if widget is None:
        QTimer.singleShot(20, lambda: when(ready, then))
    else:
        then(widget)


def test_run_desktop_logs_in_with_enter_and_opens_the_stock_list(
    qtbot: QtBot, services: Services, stock_manager: Actor
) -> None:
    add_product(services, stock_manager, "MUG-01", "Mug", price="8.50", stock=3, threshold=5)
    add_product(services, stock_manager, "TEA-01", "Thé vert", price="4.20", stock=30)
    seen: dict[str, object] = {}

    def log_in(dialog: QWidget) -> None:
        QTest.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), "stock")
        password = dialog.findChild(QLineEdit, "loginPassword")
        QTest.keyClicks(password, PASSWORDS["stock"])
        QTest.keyClick(password, Qt.Key.Key_Return)

    def stock_shown() -> QWidget | None:
        window = visible_window("mainWindow")
        if window is None:
            return None
        window.pages.show_page(window.stock_page)  # managers land on the dashboard
        if window.findChild(QLabel, "stockCount").text() != "2 SKUs":
            return None
        return window

    def read_and_close(window: QWidget) -> None:
        seen["rows"] = row_texts(window.findChild(QTableView, "stockTable"))
        seen["user"] = window.findChild(QLabel, "currentUser").text()
        window.close()

    QTimer.singleShot(0, lambda: when(lambda: visible_window("loginDialog"), log_in))
    QTimer.singleShot(0, lambda: when(stock_shown, read_and_close))

    with watchdog():
        exit_code = run_desktop(services)

    assert exit_code == 0
    assert seen["user"] == "Logged in as stock · Stock manager"
    assert seen["rows"] == [
        ("Mug", "", "MUG-01", "", "8.50", "3", "0", "3"),
        ("Thé vert", "", "TEA-01", "", "4.20", "30", "0", "30"),
    ]


def test_cancelling_the_login_ends_the_app_normally(qtbot: QtBot, services: Services) -> None:
    cancelled: list[bool] = []

    def cancel(dialog: QWidget) -> None:
        cancelled.append(True)
        QTest.keyClick(dialog.findChild(QLineEdit, "loginUsername"), Qt.Key.Key_Escape)

    QTimer.singleShot(0, lambda: when(lambda: visible_window("loginDialog"), cancel))

    with watchdog():
        exit_code = run_desktop(services)

    assert cancelled == [True]
    assert exit_code == 0
    assert visible_window("mainWindow") is None
