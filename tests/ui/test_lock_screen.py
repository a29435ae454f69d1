from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.errors import AuthError
from pos_app.services import Services
from pos_app.ui.background import wait_for_background
from pos_app.ui.lock_screen import SetPinDialog, sign_in
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.main_window import MainWindow
from tests.conftest import PASSWORDS

AWA_PASSWORD = "awa-password"


@pytest.fixture(autouse=True)
def machine_settings(tmp_path: Path) -> Iterator[None]:
    """What the window remembers for this machine goes to a throwaway folder."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, home)


@pytest.fixture
def counter(services: Services, admin: Actor, cashier: Actor) -> Services:
    """A second cashier, awa, with PIN 4321; the cashier's PIN is 1234; the till of R1 is open."""
    services.auth.create_user(admin, "awa", AWA_PASSWORD, "cashier")
    services.auth.set_pin(services.auth.login("awa", AWA_PASSWORD), "4321")
    services.auth.set_pin(cashier, "1234")
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


@pytest.fixture
def show_window(qtbot: QtBot) -> Iterator[Callable[[Services, Actor], MainWindow]]:
    def show(services: Services, actor: Actor) -> MainWindow:
        window = MainWindow(services, actor)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield show
    # What the pages still have under way (loads, the refocus they queue) finishes while they exist.
    wait_for_background(10_000)
    qtbot.wait(50)


@pytest.fixture
def window(show_window: Callable[[Services, Actor], MainWindow], counter: Services, cashier: Actor) -> MainWindow:
    return show_window(counter, cashier)


def lock_with_ctrl_l(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.lock_screen.isVisible)


def sign_in_on_lock_screen(qtbot: QtBot, window: MainWindow, username: str | None, secret: str) -> None:
    screen = window.lock_screen
    if username is not None:
        screen.findChild(QLineEdit, "lockUsername").setText(username)
    field = screen.findChild(QLineEdit, "lockSecret")
    qtbot.keyClicks(field, secret)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def current_user(window: MainWindow) -> str:
    return window.findChild(QLabel, "currentUser").text()


def test_ctrl_l_covers_the_window_until_the_cashier_types_their_pin(qtbot: QtBot, window: MainWindow) -> None:
    lock_with_ctrl_l(qtbot, window)

    screen = window.lock_screen
    assert screen.geometry() == window.rect()
    assert not window.pages.isEnabled()
    assert screen.findChild(QLabel, "lockWho").text() == "Locked by cashier · Cashier"
    assert screen.findChild(QLineEdit, "lockUsername").text() == "cashier"
    assert QApplication.focusWidget() is screen.findChild(QLineEdit, "lockSecret")

    sign_in_on_lock_screen(qtbot, window, None, "1234")

    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=5000)
    assert window.pages.isEnabled()
    assert current_user(window) == "Logged in as cashier · Cashier"


def test_another_cashier_takes_over_by_pin_and_the_till_stays_open(
    qtbot: QtBot, window: MainWindow, counter: Services
) -> None:
    lock_with_ctrl_l(qtbot, window)
    sign_in_on_lock_screen(qtbot, window, "awa", "4321")

    qtbot.waitUntil(lambda: current_user(window) == "Logged in as awa · Cashier", timeout=5000)
    assert not window.lock_screen.isVisible()
    assert window.actor.username == "awa"
    till_page = window.till_page
    assert till_page is not None
    with qtbot.waitSignal(till_page.loaded, timeout=5000):
        window.pages.show_page(till_page)
    assert till_page.findChild(QLabel, "tillState").text() == "Open"
    assert till_page.findChild(QLabel, "tillRegister").text() == "R1 · Counter 1"
    assert counter.pos.x_report(window.actor, "R1").opening_float == Decimal("100.00")


def test_a_wrong_pin_says_so_in_plain_words_and_stays_locked(qtbot: QtBot, window: MainWindow) -> None:
    lock_with_ctrl_l(qtbot, window)
    sign_in_on_lock_screen(qtbot, window, "awa", "9999")

    error = window.lock_screen.findChild(QLabel, "lockError")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert error.text() == "Unknown username or wrong PIN."
    assert window.lock_screen.isVisible()
    assert window.lock_screen.findChild(QLineEdit, "lockSecret").text() == ""
    assert current_user(window) == "Logged in as cashier · Cashier"


def test_a_switch_from_an_admin_to_a_cashier_leaves_only_the_cashiers_pages(
    qtbot: QtBot, show_window: Callable[[Services, Actor], MainWindow], counter: Services, admin: Actor
) -> None:
    window = show_window(counter, admin)
    assert "Online orders" in window.pages.titles()

    lock_with_ctrl_l(qtbot, window)
    sign_in_on_lock_screen(qtbot, window, "cashier", PASSWORDS["cashier"])

    qtbot.waitUntil(lambda: current_user(window) == "Logged in as cashier · Cashier", timeout=5000)
    assert "Online orders" not in window.pages.titles()
    assert "Till" in window.pages.titles()


def test_set_my_pin_saves_a_pin_that_then_signs_in(qtbot: QtBot, window: MainWindow, counter: Services) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, "setPinButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(SetPinDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "newPin"), "2468")
    again = dialog.findChild(QLineEdit, "newPinAgain")
    qtbot.keyClicks(again, "2467")
    qtbot.keyClick(again, Qt.Key.Key_Return)
    assert dialog.findChild(QLabel, "setPinError").text() == "The two PINs differ: type the same one twice."

    qtbot.keyClicks(again, "2468")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(again, Qt.Key.Key_Return)

    assert counter.auth.login_with_pin("cashier", "2468").username == "cashier"
    with pytest.raises(AuthError):
        counter.auth.login_with_pin("cashier", "1234")


def test_the_login_dialog_takes_a_pin_in_the_password_field(qtbot: QtBot, counter: Services) -> None:
    dialog = LoginDialog(counter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), "awa")
    secret = dialog.findChild(QLineEdit, "loginPassword")
    qtbot.keyClicks(secret, "4321")

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(secret, Qt.Key.Key_Return)

    assert dialog.actor is not None
    assert dialog.actor.username == "awa"


def test_eight_digits_refused_as_a_pin_are_tried_as_the_password(counter: Services, admin: Actor) -> None:
    counter.auth.create_user(admin, "digits", "20261122", "cashier")

    assert sign_in(counter.auth, "digits", "20261122").username == "digits"
    with pytest.raises(AuthError, match="wrong PIN"):
        sign_in(counter.auth, "awa", "1111")
