"""Users: who may log in, with which role; create, deactivate or reactivate, new password, clear the PIN."""

from __future__ import annotations

from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.auth import UserInfo
from pos_app.ui.admin.field_form import hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import button_row, lay_out_table
from pos_app.ui.admin.tables import INACTIVE_TEXT, admin_table, select_matching, selected_item
from pos_app.ui.admin.user_dialogs import NewUserDialog, ResetPasswordDialog, role_name
from pos_app.ui.till.amounts import moment_text
from pos_app.ui.widgets.table_model import Index, RowsTableModel


class UserColumn(IntEnum):
    USERNAME = 0
    ROLE = 1
    STATUS = 2
    PIN = 3
    CREATED = 4


USER_HEADERS = {
    UserColumn.USERNAME: QT_TRANSLATE_NOOP("UsersModel", "Username"),
    UserColumn.ROLE: QT_TRANSLATE_NOOP("UsersModel", "Role"),
    UserColumn.STATUS: QT_TRANSLATE_NOOP("UsersModel", "Status"),
    UserColumn.PIN: QT_TRANSLATE_NOOP("UsersModel", "PIN"),
    UserColumn.CREATED: QT_TRANSLATE_NOOP("UsersModel", "Created"),
}
USER_TIPS = {UserColumn.PIN: QT_TRANSLATE_NOOP("UsersModel", "A PIN lets the user take over the counter quickly")}


class UsersModel(RowsTableModel[UserInfo]):
    columns = UserColumn
    headers = USER_HEADERS
    header_tips = USER_TIPS

    @staticmethod
    def align(_column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case UserColumn.USERNAME:
                    return user.username
                case UserColumn.ROLE:
                    return role_name(user.role)
                case UserColumn.STATUS:
                    return self.tr("Active") if user.active else self.tr("Deactivated")
                case UserColumn.PIN:
                    return self.tr("Set") if user.has_pin else "—"
                case UserColumn.CREATED:
                    return moment_text(user.created_at)
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return INACTIVE_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.align(index.column())
        return None


class UsersPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "usersPanel", parent)
        self._model = UsersModel(self)
        self._select_after_load: str | None = None
        self._table = admin_table(self._model, "usersTable")
        self._table.selectionModel().selectionChanged.connect(self.update_actions)
        self._new = button(self.tr("New user…"), "newUserButton", "Ctrl+N", clicked=self.new_user)
        self._reset = button(self.tr("New password…"), "resetPasswordButton", clicked=self.reset_password)
        self._clear_pin = button(self.tr("Clear PIN"), "clearPinButton", clicked=self.clear_pin)
        self._toggle = button(self.tr("Deactivate"), "toggleUserButton", clicked=self.toggle_active)
        self.add_shortcut("newUserAction", QKeySequence("Ctrl+N"), self.new_user, self.tr("New user"))
        lay_out_table(
            self,
            hint_label(
                self.tr(
                    "A deactivated user can no longer log in; their sales stay in the journal under their name. "
                    "Users are never deleted."
                )
            ),
            self._table,
            button_row(self._new, self._reset, self._clear_pin, self._toggle),
            self.notice,
            self.error,
        )
        self.update_actions()

    def load(self) -> list[UserInfo]:
        return self.services.auth.users(self.actor)

    def show_loaded(self, users: list[UserInfo]) -> None:
        chosen = self.selected_user()
        self._model.set_rows(users)
        wanted = self._select_after_load or (chosen.username if chosen else self.actor.username)
        self._select_after_load = None
        self.select_user(wanted)
        self.update_actions()

    def selected_user(self) -> UserInfo | None:
        return selected_item(self._table, self._model)

    def select_user(self, username: str) -> None:
        select_matching(self._table, UserColumn.USERNAME, username)

    def update_actions(self) -> None:
        user = self.selected_user()
        for widget in (self._reset, self._clear_pin, self._toggle):
            widget.setEnabled(user is not None)
        if user is None:
            return
        self._clear_pin.setEnabled(user.has_pin)
        self._toggle.setText(self.tr("Deactivate") if user.active else self.tr("Reactivate"))
        yourself = user.username == self.actor.username
        self._toggle.setEnabled(not (yourself and user.active))
        self._toggle.setToolTip(
            self.tr("You cannot deactivate your own account; ask another admin.") if yourself else ""
        )

    # ----- actions ------------------------------------------------------------------------------

    def new_user(self) -> None:
        dialog = NewUserDialog(self.services.auth, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.created))
        dialog.open()

    def _created(self, user: UserInfo | None) -> None:
        if user is None:
            return
        self.notice.setText(
            self.tr("{user} can now log in as {role}.").format(user=user.username, role=role_name(user.role))
        )
        self.notice.show()
        self._select_after_load = user.username
        self.refresh()
        self.finished.emit(True)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = ResetPasswordDialog(self.services.auth, self.actor, user.username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._password_reset, user.username))
        dialog.open()

    def _password_reset(self, username: str) -> None:
        self.notice.setText(self.tr("{user} has a new password.").format(user=username))
        self.notice.show()
        self.finished.emit(True)

    def clear_pin(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        clear = partial(self.services.auth.set_pin, self.actor, None, user.username)
        self.run(
            clear,
            lambda _result: self.refresh(),
            notice=self.tr("{user}'s PIN is cleared: they log in with their password.").format(user=user.username),
            busy=[self._clear_pin],
        )

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        change = partial(self.services.auth.set_active, self.actor, user.username, not user.active)
        notice = (
            self.tr("{user} is deactivated and can no longer log in.")
            if user.active
            else self.tr("{user} is active again and can log in.")
        ).format(user=user.username)
        self.run(change, lambda _result: self.refresh(), notice=notice, busy=[self._toggle])
