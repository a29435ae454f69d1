"""Locking the counter and handing it to another cashier, by password or PIN; setting one's own PIN.

The till stays open while the screen is locked or changes hands: it belongs to the register, not to the
cashier who opened it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import ROLE_LABELS, Actor
from pos_app.errors import AuthError, LoginThrottled
from pos_app.services.auth import MIN_PASSWORD, PIN_PATTERN, AuthService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.action_dialog import ActionDialog
from pos_app.ui.widgets.labels import error_label, page_title

VEIL_COLOUR = "#2b3440"
CARD_STYLE = "QFrame#lockCard { background: #ffffff; border-radius: 12px; }"
HINT_STYLE = "color: #6b6b6b;"


def looks_like_pin(secret: str) -> bool:
    return PIN_PATTERN.fullmatch(secret) is not None


def sign_in(auth: AuthService, username: str, secret: str) -> Actor:
    """Check a password or a PIN typed in one field: 4 to 8 digits are a PIN. Passwords have at least 8
    characters, so 8 digits may be either: refused as a PIN, they are tried as the password.
    Raises AuthError (LoginThrottled after repeated failures)."""
    if not looks_like_pin(secret):
        return auth.login(username, secret)
    try:
        return auth.login_with_pin(username, secret)
    except LoginThrottled:
        raise
    except AuthError:
        if len(secret) < MIN_PASSWORD:
            raise
        return auth.login(username, secret)


class LockScreen(QWidget):
    """Covers its window (pages and all) until someone signs in. `signed_in` carries who did: the same user
    unlocks, another one takes over the counter."""

    signed_in = Signal(Actor)

    def __init__(self, auth: AuthService, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self._auth = auth
        self._locked_by: Actor | None = None
        self._busy = False

        self._who = QLabel(objectName="lockWho")
        self._who.setWordWrap(True)
        self._username = QLineEdit(objectName="lockUsername")
        self._secret = QLineEdit(objectName="lockSecret")
        self._secret.setEchoMode(QLineEdit.EchoMode.Password)
        self._secret.setPlaceholderText(self.tr("Password or PIN"))
        for field in (self._username, self._secret):
            field.setMinimumHeight(field.sizeHint().height() + 10)
            field.returnPressed.connect(self.submit)
        self._error = error_label("lockError")
        self._button = QPushButton(self.tr("Unlock  (Enter)"), objectName="lockUnlock")
        self._button.setMinimumHeight(self._button.sizeHint().height() + 14)
        self._button.clicked.connect(self.submit)
        self._lay_out()
        self.hide()
        window.installEventFilter(self)

    def _lay_out(self) -> None:
        card = QFrame(objectName="lockCard")
        card.setStyleSheet(CARD_STYLE)
        card.setFixedWidth(440)
        hint = QLabel(
            self.tr("The till stays open. Sign in again to go on, or sign in as another user to take over the counter.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Username"), self._username)
        form.addRow(self.tr("Password or &PIN"), self._secret)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(page_title(self.tr("Screen locked")))
        inner.addWidget(self._who)
        inner.addWidget(hint)
        inner.addLayout(form)
        inner.addWidget(self._error)
        inner.addWidget(self._button)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(card, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()

    @property
    def is_locked(self) -> bool:
        return self.isVisible()

    def lock(self, actor: Actor) -> None:
        """Cover the window; the signed-in user's name is filled in, so that they only type their PIN."""
        self._locked_by = actor
        self._who.setText(
            self.tr("Locked by {username} · {role}").format(username=actor.username, role=ROLE_LABELS[actor.role])
        )
        self._username.setText(actor.username)
        self._secret.clear()
        self._error.hide()
        self._cover()
        self.show()
        self.raise_()
        self._secret.setFocus()

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover()
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Opaque: nothing of the previous user's work shows through while the counter is unattended.
        painter = QPainter(self)
        painter.fillRect(self.rect(), VEIL_COLOUR)

    def submit(self) -> None:
        if self._busy:
            return
        username = self._username.text().strip()
        secret = self._secret.text()
        if not username or not secret:
            self._show_error(self.tr("Type your username and your password or PIN."))
            return
        self._set_busy(True)
        op = partial(sign_in, self._auth, username, secret)
        BackgroundOp(self, op).success(self._signed_in).failure(self._refused).run_in_background()

    def _signed_in(self, actor: Actor) -> None:
        self._set_busy(False)
        self._secret.clear()
        self.hide()
        self.signed_in.emit(actor)

    def _refused(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(plain_message(error))
        self._secret.clear()
        self._secret.setFocus()

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self._username, self._secret, self._button):
            widget.setEnabled(not busy)
        if busy:
            self._error.hide()


class SetPinDialog(ActionDialog):
    """The signed-in user chooses the PIN that unlocks the counter for them: 4 to 8 digits, typed twice."""

    def __init__(self, auth: AuthService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("setPin", parent)
        self.setWindowTitle(self.tr("Set my PIN"))
        self.submit_button.setText(self.tr("Save my PIN  (Enter)"))
        self._auth = auth
        self._actor = actor
        self._pin = QLineEdit(objectName="newPin")
        self._again = QLineEdit(objectName="newPinAgain")
        for field in (self._pin, self._again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setMinimumHeight(field.sizeHint().height() + 8)
        hint = QLabel(
            self.tr(
                "{username}: choose 4 to 8 digits. They unlock the counter for you, and let you take it over."
            ).format(username=actor.username)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("New &PIN"), self._pin)
        form.addRow(self.tr("&Again"), self._again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.tr("Set my PIN")))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit_button)
        self._pin.setFocus()

    def submit(self) -> None:
        pin = self._pin.text()
        if not looks_like_pin(pin):
            self.show_error(self.tr("A PIN is 4 to 8 digits, nothing else."))
            self._pin.setFocus()
            return
        if self._again.text() != pin:
            self.show_error(self.tr("The two PINs differ: type the same one twice."))
            self._again.clear()
            self._again.setFocus()
            return
        self.run(partial(self._auth.set_pin, self._actor, pin), lambda _: None)
