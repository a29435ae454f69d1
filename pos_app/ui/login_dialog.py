"""The login dialog: who is at the keyboard, checked by the auth service."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.lock_screen import sign_in
from pos_app.ui.widgets.labels import error_label, page_title

LOG_IN = "Log in"
LOGGING_IN = "Logging in…"


class LoginDialog(QDialog):
    """Accepted once the services recognise the user; `actor` is then who logged in."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle("Log in")
        self.setMinimumWidth(380)

        self._username = QLineEdit(objectName="loginUsername")
        self._username.setPlaceholderText("e.g. cashier")
        self._password = QLineEdit(objectName="loginPassword")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._error = error_label("loginError")
        self._button = QPushButton(LOG_IN, objectName="loginButton")
        self._button.setDefault(True)
        self._button.clicked.connect(self._submit)

        self._lay_out()
        self._username.setFocus()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Username", self._username)
        form.addRow(self.tr("&Password or PIN"), self._password)

        hint = QLabel("Log in with your own account to open the shop.")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title("Point of sale"))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(self._button)

    def _submit(self) -> None:
        username = self._username.text().strip()
        password = self._password.text()
        if not username or not password:
            self._show_error("Enter your username and your password.")
            return
        self._set_busy(True)
        login = partial(sign_in, self._services.auth, username, password)  # 4 to 8 digits are a PIN
        BackgroundOp(self, login).success(self._logged_in).failure(self._login_failed).run_in_background()

    def _logged_in(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.accept()

    def _login_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(plain_message(error))
        self._password.clear()
        self._password.setFocus()

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self._username, self._password, self._button):
            widget.setEnabled(not busy)
        self._button.setText(LOGGING_IN if busy else LOG_IN)
        if busy:
            self._error.hide()
