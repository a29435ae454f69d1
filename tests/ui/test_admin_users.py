"""The admin's users tab on a real database: create, deactivate, new password, PIN; and who gets the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QStackedWidget, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor, Role
from pos_app.errors import AuthError
from pos_app.services import Services
from pos_app.ui.admin.admin_page import AdminPage
from pos_app.ui.admin.user_dialogs import NewUserDialog, ResetPasswordDialog
from pos_app.ui.admin.users_panel import UserColumn
from pos_app.ui.main_window import MainWindow
from tests.ui.admin_screen import (
    TIMEOUT,
    click,
    click_and_wait,
    column_texts,
    error_under,
    open_admin_page,
    open_dialog,
    select_row_showing,
    type_into,
    visible_text,
    widget,
)

NEW_PASSWORD = "counter-password-1"


@pytest.fixture
def page(qtbot: QtBot, services: Services, admin: Actor) -> AdminPage:
    return open_admin_page(qtbot, services, admin)


def users_table(page: AdminPage) -> QTableView:
    return widget(page, QTableView, "usersTable")


def create_user(qtbot: QtBot, page: AdminPage, username: str, role: str, password: str, repeat: str) -> NewUserDialog:
    panel = page.panel("usersPanel")
    click(qtbot, panel, "newUserButton")
    dialog = open_dialog(qtbot, NewUserDialog)
    type_into(qtbot, dialog, "newUsername", username)
    roles = widget(dialog, QComboBox, "newUserRole")
    roles.setCurrentIndex(roles.findText(role))
    type_into(qtbot, dialog, "newUserPassword", password)
    type_into(qtbot, dialog, "newUserRepeat", repeat)
    return dialog


def page_names(qtbot: QtBot, services: Services, actor: Actor) -> set[str]:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    stack = window.pages.findChild(QStackedWidget, "pageStack")
    return {stack.widget(i).objectName() for i in range(stack.count())}


def back_office_pages(qtbot: QtBot, services: Services) -> set[str]:
    """The pages of the stock manager's, the accountant's and the admin's windows, but the stock list, which
    cashiers read too (without changing anything in it)."""
    names: set[str] = set()
    for username, password in (("stock", "stock-password"), ("accountant", "accountant-password")):
        names |= page_names(qtbot, services, services.auth.login(username, password))
    names |= page_names(qtbot, services, services.auth.login("admin", "admin-password"))
    return names - {"stockPage", "counterPage", "tillPage"}


def test_an_admin_creates_a_cashier_who_logs_in_and_gets_no_back_office_page(
    qtbot: QtBot, page: AdminPage, services: Services
) -> None:
    dialog = create_user(qtbot, page, "awa.diallo", "Cashier", NEW_PASSWORD, NEW_PASSWORD)
    panel = page.panel("usersPanel")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, dialog, "newUserSubmit")

    assert "awa.diallo can now log in as Cashier." in visible_text(panel, "usersPanelNotice")
    assert "awa.diallo" in column_texts(users_table(page), UserColumn.USERNAME)
    awa = services.auth.login("awa.diallo", NEW_PASSWORD)
    assert awa.role is Role.CASHIER
    cashier_pages = page_names(qtbot, services, awa)
    assert {"counterPage", "tillPage"} <= cashier_pages
    assert "adminPage" in back_office_pages(qtbot, services)
    assert cashier_pages & back_office_pages(qtbot, services) == set()


def test_a_taken_username_a_short_password_and_a_mistyped_repeat_show_under_their_field(
    qtbot: QtBot, page: AdminPage, services: Services, admin: Actor
) -> None:
    dialog = create_user(qtbot, page, "cashier", "Cashier", NEW_PASSWORD, NEW_PASSWORD)
    click(qtbot, dialog, "newUserSubmit")
    qtbot.waitUntil(lambda: error_under(dialog, "newUsername") != "", timeout=TIMEOUT)
    assert error_under(dialog, "newUsername") == "The username 'cashier' is taken: choose another."

    type_into(qtbot, dialog, "newUsername", "awa")
    type_into(qtbot, dialog, "newUserPassword", "short")
    type_into(qtbot, dialog, "newUserRepeat", "short")
    click(qtbot, dialog, "newUserSubmit")
    qtbot.waitUntil(lambda: error_under(dialog, "newUserPassword") != "", timeout=TIMEOUT)
    assert error_under(dialog, "newUserPassword") == "A password has 8 to 256 characters."
    assert error_under(dialog, "newUsername") == ""

    type_into(qtbot, dialog, "newUserPassword", NEW_PASSWORD)
    type_into(qtbot, dialog, "newUserRepeat", NEW_PASSWORD + "x")
    click(qtbot, dialog, "newUserSubmit")
    assert error_under(dialog, "newUserRepeat") == "The two passwords differ: type the same one twice."

    assert dialog.isVisible()
    assert "awa" not in [u.username for u in services.auth.users(admin)]


def test_deactivating_a_user_stops_their_login_and_reactivating_lets_them_back(
    qtbot: QtBot, page: AdminPage, services: Services
) -> None:
    panel = page.panel("usersPanel")
    select_row_showing(users_table(page), "cashier")
    toggle = widget(panel, QPushButton, "toggleUserButton")
    assert toggle.text() == "Deactivate"

    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "toggleUserButton")

    assert visible_text(panel, "usersPanelNotice") == "cashier is deactivated and can no longer log in."
    row = column_texts(users_table(page), UserColumn.USERNAME).index("cashier")
    assert column_texts(users_table(page), UserColumn.STATUS)[row] == "Deactivated"
    with pytest.raises(AuthError, match="deactivated"):
        services.auth.login("cashier", "cashier-password")

    assert toggle.text() == "Reactivate"
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "toggleUserButton")
    assert services.auth.login("cashier", "cashier-password").username == "cashier"


def test_an_admin_cannot_deactivate_their_own_account(qtbot: QtBot, page: AdminPage) -> None:
    panel = page.panel("usersPanel")
    select_row_showing(users_table(page), "admin")
    toggle = widget(panel, QPushButton, "toggleUserButton")
    assert not toggle.isEnabled()
    assert toggle.toolTip() == "You cannot deactivate your own account; ask another admin."


def test_a_new_password_replaces_the_old_one_and_a_cleared_pin_stops_working(
    qtbot: QtBot, page: AdminPage, services: Services, cashier: Actor
) -> None:
    services.auth.set_pin(cashier, "2468")
    panel = page.panel("usersPanel")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.refresh()
    select_row_showing(users_table(page), "cashier")
    row = column_texts(users_table(page), UserColumn.USERNAME).index("cashier")
    assert column_texts(users_table(page), UserColumn.PIN)[row] == "Set"

    click(qtbot, panel, "resetPasswordButton")
    dialog = open_dialog(qtbot, ResetPasswordDialog)
    type_into(qtbot, dialog, "resetPasswordNew", NEW_PASSWORD)
    type_into(qtbot, dialog, "resetPasswordRepeat", NEW_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        click(qtbot, dialog, "resetPasswordSubmit")
    assert visible_text(panel, "usersPanelNotice") == "cashier has a new password."
    with pytest.raises(AuthError):
        services.auth.login("cashier", "cashier-password")
    assert services.auth.login("cashier", NEW_PASSWORD).username == "cashier"

    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        assert click_and_wait(qtbot, panel, "clearPinButton")
    assert column_texts(users_table(page), UserColumn.PIN)[row] == "—"
    with pytest.raises(AuthError, match="no PIN yet"):
        services.auth.login_with_pin("cashier", "2468")


@pytest.mark.parametrize("who", ["cashier", "stock_manager", "accountant"])
def test_only_an_admin_gets_the_admin_page(qtbot: QtBot, services: Services, who: str, request) -> None:
    actor: Actor = request.getfixturevalue(who)
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    assert window.admin_page is None
    assert window.findChild(AdminPage) is None
    assert "Admin" not in window.pages.titles()


def test_an_admins_window_has_the_admin_page(qtbot: QtBot, services: Services, admin: Actor) -> None:
    window = MainWindow(services, admin)
    qtbot.addWidget(window)
    assert window.admin_page is not None
    assert "Admin" in window.pages.titles()


def test_a_new_user_is_created_from_the_keyboard_alone(qtbot: QtBot, page: AdminPage, services: Services) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    users_table(page).setFocus()
    qtbot.keyClick(users_table(page), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, NewUserDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget(dialog, QLineEdit, "newUsername"))

    def type_then_tab(text: str) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    type_then_tab("moussa")
    assert QApplication.focusWidget() is widget(dialog, QComboBox, "newUserRole")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # Cashier -> Stock manager
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_then_tab(NEW_PASSWORD)
    qtbot.keyClicks(QApplication.focusWidget(), NEW_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert services.auth.login("moussa", NEW_PASSWORD).role is Role.STOCK_MANAGER
