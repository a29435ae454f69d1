"""Creating a user, and giving a user a new password."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from pos_app.domain.roles import ROLE_LABELS, Actor, Role
from pos_app.services.auth import MIN_PASSWORD, AuthService, UserInfo
from pos_app.ui.admin.form_dialog import FormDialog


def role_name(role: Role) -> str:
    return QCoreApplication.translate("Roles", ROLE_LABELS[role])


def _line(object_name: str, *, secret: bool = False) -> QLineEdit:
    field = QLineEdit(objectName=object_name)
    field.setMinimumHeight(field.sizeHint().height() + 6)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _passwords_differ() -> str:
    return QCoreApplication.translate("UserDialogs", "The two passwords differ: type the same one twice.")


class NewUserDialog(FormDialog):
    """Accepted with `created` set to the new user."""

    def __init__(self, auth: AuthService, admin: Actor, parent: QWidget | None = None) -> None:
        super().__init__(
            "newUser",
            QCoreApplication.translate("UserDialogs", "New user"),
            QCoreApplication.translate(
                "UserDialogs",
                "Give the person their username and this first password; they can then set a PIN to switch "
                "cashier at the counter.",
            ),
            QCoreApplication.translate("UserDialogs", "Create the user  (Enter)"),
            parent,
        )
        self._auth = auth
        self._admin = admin
        self.created: UserInfo | None = None
        self._username = _line("newUsername")
        self._username.setPlaceholderText(self.tr("e.g. awa.diallo"))
        self._role = QComboBox(objectName="newUserRole")
        for role in (Role.CASHIER, Role.STOCK_MANAGER, Role.ACCOUNTANT, Role.ADMIN):
            self._role.addItem(role_name(role), role.value)
        self._password = _line("newUserPassword", secret=True)
        self._password.setPlaceholderText(self.tr("at least {count} characters").format(count=MIN_PASSWORD))
        self._repeat = _line("newUserRepeat", secret=True)

        self.form.add_field(self.tr("Username"), self._username, "username")
        self.form.add_field(
            self.tr("Role"),
            self._role,
            "role",
            hint=self.tr("Cashiers sell; stock managers keep the catalogue; accountants read the accounts."),
        )
        self.form.add_field(self.tr("Password"), self._password, "password")
        self.form.add_field(self.tr("Password again"), self._repeat, "repeat")
        self._username.setFocus()

    def submit(self) -> None:
        self.form.clear_errors()
        if self._password.text() != self._repeat.text():
            self.form.show_field_error("repeat", _passwords_differ())
            return
        create = partial(
            self._auth.create_user, self._admin, self._username.text(), self._password.text(), self._role.currentData()
        )
        self.run(create, self._created)

    def _created(self, user: UserInfo) -> None:
        self.created = user


class ResetPasswordDialog(FormDialog):
    """A new password for `username`; their login delay after failed tries is lifted too."""

    def __init__(self, auth: AuthService, admin: Actor, username: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "resetPassword",
            QCoreApplication.translate("UserDialogs", "New password for {user}").format(user=username),
            QCoreApplication.translate(
                "UserDialogs", "Their old password stops working at once. Give them the new one in person."
            ),
            QCoreApplication.translate("UserDialogs", "Set the password  (Enter)"),
            parent,
        )
        self._auth = auth
        self._admin = admin
        self.username = username
        self._password = _line("resetPasswordNew", secret=True)
        self._password.setPlaceholderText(self.tr("at least {count} characters").format(count=MIN_PASSWORD))
        self._repeat = _line("resetPasswordRepeat", secret=True)
        self.form.add_field(self.tr("New password"), self._password, "password")
        self.form.add_field(self.tr("Password again"), self._repeat, "repeat")
        self._password.setFocus()

    def submit(self) -> None:
        self.form.clear_errors()
        if self._password.text() != self._repeat.text():
            self.form.show_field_error("repeat", _passwords_differ())
            return
        reset = partial(self._auth.reset_password, self._admin, self.username, self._password.text())
        self.run(reset, lambda _result: None)
