"""The login dialog: who is at the keyboard, checked by the auth service."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import (
    QComboBox,
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
from pos_app.ui.i18n import LANGUAGE_NAMES, LANGUAGES, current_language, switch_language
from pos_app.ui.lock_screen import sign_in
from pos_app.ui.widgets.labels import error_label, page_title


class LoginDialog(QDialog):
    """Accepted once the services recognise the user; `actor` is then who logged in."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings if settings is not None else QSettings()
        self._busy = False
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setMinimumWidth(380)

        self._username = QLineEdit(objectName="loginUsername")
        self._password = QLineEdit(objectName="loginPassword")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._error = error_label("loginError")
        self._button = QPushButton(objectName="loginButton")
        self._button.setDefault(True)
        self._button.clicked.connect(self._submit)
        self._language = QComboBox(objectName="loginLanguage")
        for language in LANGUAGES:
            self._language.addItem(LANGUAGE_NAMES[language], language)
        self._language.setCurrentIndex(LANGUAGES.index(current_language()))
        self._language.currentIndexChanged.connect(self._language_chosen)
        self._title = page_title("")
        self._hint = QLabel()
        self._username_label = QLabel()
        self._password_label = QLabel()
        self._language_label = QLabel()

        self._lay_out()
        self._retranslate()
        self._username.setFocus()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, field in (
            (self._username_label, self._username),
            (self._password_label, self._password),
            (self._language_label, self._language),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self._hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(self._button)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in"))
        self._title.setText(self.tr("Point of sale"))
        self._hint.setText(self.tr("Log in with your own account to open the shop."))
        self._username_label.setText(self.tr("&Username"))
        self._username.setPlaceholderText(self.tr("e.g. cashier"))
        self._password_label.setText(self.tr("&Password or PIN"))
        self._language_label.setText(self.tr("&Language"))
        self._button.setText(self.tr("Logging in…") if self._busy else self.tr("Log in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        switch_language(self._settings, self._language.currentData())

    def _submit(self) -> None:
        username = self._username.text().strip()
        password = self._password.text()
        if not username or not password:
            self._show_error(self.tr("Enter your username and your password."))
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
        self._busy = busy
        self._retranslate()
        if busy:
            self._error.hide()
