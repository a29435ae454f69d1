from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.errors import AuthError
from pos_app.services import Services
from pos_app.ui.login_dialog import LoginDialog
from tests.conftest import PASSWORDS


@pytest.fixture
def dialog(qtbot: QtBot, services: Services) -> LoginDialog:
    shown = LoginDialog(services)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def type_credentials(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), username)
    password_field = dialog.findChild(QLineEdit, "loginPassword")
    qtbot.keyClicks(password_field, password)
    qtbot.keyClick(password_field, Qt.Key.Key_Return)


def error_shown(dialog: LoginDialog) -> str:
    label = dialog.findChild(QLabel, "loginError")
    return label.text() if label.isVisible() else ""


def test_enter_in_the_password_field_logs_in(qtbot: QtBot, dialog: LoginDialog) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        type_credentials(qtbot, dialog, "stock", PASSWORDS["stock"])

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == "stock"


def test_the_password_is_masked_while_typing(qtbot: QtBot, dialog: LoginDialog) -> None:
    password_field = dialog.findChild(QLineEdit, "loginPassword")
    qtbot.keyClicks(password_field, "secret-word")

    assert "secret" not in password_field.displayText()
    assert len(password_field.displayText()) == len("secret-word")


def test_a_wrong_password_shows_the_reason_and_keeps_the_dialog_open(qtbot: QtBot, dialog: LoginDialog) -> None:
    type_credentials(qtbot, dialog, "stock", "not-the-password")

    qtbot.waitUntil(lambda: error_shown(dialog) != "", timeout=5000)
    assert error_shown(dialog) == "Unknown username or wrong password."
    assert dialog.isVisible()
    assert dialog.actor is None
    assert dialog.findChild(QLineEdit, "loginUsername").text() == "stock"
    assert dialog.findChild(QLineEdit, "loginPassword").text() == ""
    assert dialog.findChild(QPushButton, "loginButton").isEnabled()


def test_a_second_try_after_a_wrong_password_logs_in(qtbot: QtBot, dialog: LoginDialog) -> None:
    type_credentials(qtbot, dialog, "cashier", "not-the-password")
    qtbot.waitUntil(lambda: error_shown(dialog) != "", timeout=5000)

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        type_credentials(qtbot, dialog, "", PASSWORDS["cashier"])

    assert dialog.actor is not None
    assert dialog.actor.username == "cashier"


def test_too_many_failures_say_how_long_to_wait(qtbot: QtBot, services: Services, dialog: LoginDialog) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            services.auth.login("accountant", "not-the-password")

    type_credentials(qtbot, dialog, "accountant", PASSWORDS["accountant"])

    qtbot.waitUntil(lambda: error_shown(dialog) != "", timeout=5000)
    assert error_shown(dialog).startswith("Too many failed logins for 'accountant'. Wait 5 s")
    assert dialog.isVisible()


def test_empty_fields_ask_for_both_without_calling_the_service(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "loginButton"), Qt.MouseButton.LeftButton)

    assert error_shown(dialog) == "Enter your username and your password."
