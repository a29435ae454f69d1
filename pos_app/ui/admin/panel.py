"""What every admin panel shares: it loads when first shown, runs each change in the background, and says how
the change went (a notice when it worked, the error under the field it names when it did not)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.admin.field_form import FieldForm
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label

NOTICE_STYLE = "color: #1a5e2a;"


def notice_label(object_name: str) -> QLabel:
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTICE_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


def button(
    text: str, object_name: str, shortcut: str = "", *, clicked: Callable[[], None] | None = None
) -> QPushButton:
    """A push button that shows its shortcut, as every button of the app does."""
    shown = f"{text}  ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else text
    widget = QPushButton(shown, objectName=object_name)
    widget.setMinimumHeight(widget.sizeHint().height() + 8)
    if clicked is not None:
        widget.clicked.connect(clicked)
    return widget


class AdminPanel(QWidget):
    """Subclasses give `load` (run on the worker) and `show_loaded` (on the GUI thread), lay out their widgets
    with `self.notice` and `self.error` (see panel_layout), and change things through `run`.

    `loaded` fires each time fresh data is on screen; `finished` after each change, True when it worked."""

    loaded = Signal()
    finished = Signal(bool)

    def __init__(self, services: Services, actor: Actor, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.services = services
        self.actor = actor
        self.notice = notice_label(f"{object_name}Notice")
        self.error = error_label(f"{object_name}Error")
        self._shown_once = False
        self._loading = False
        self._running = False
        self._busy: list[QWidget] = []
        self.add_shortcut(
            f"{object_name}ReloadAction",
            QKeySequence(Qt.Key.Key_F5),
            self.refresh,
            QCoreApplication.translate("AdminPanel", "Reload"),
        )

    def add_shortcut(
        self, object_name: str, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], None], text: str = ""
    ) -> None:
        """A shortcut that works while the focus is in this panel: every tab has its own Ctrl+S."""
        action = QAction(text, self, objectName=object_name)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # ----- loading ------------------------------------------------------------------------------

    def load(self) -> Any:
        """Runs on the worker: read what the panel shows."""
        raise NotImplementedError

    def show_loaded(self, data: Any) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        BackgroundOp(self, self.load).success(self._loaded).failure(self._load_failed).run_in_background()

    def _loaded(self, data: Any) -> None:
        self._loading = False
        self.error.hide()
        self.show_loaded(data)
        self.loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self.error.setText(
            QCoreApplication.translate("AdminPanel", "Could not load this page. {reason}").format(
                reason=plain_message(error)
            )
        )
        self.error.show()

    # ----- changing -----------------------------------------------------------------------------

    def run(
        self,
        op: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        notice: str,
        form: FieldForm | None = None,
        busy: Sequence[QWidget] = (),
    ) -> None:
        """Run `op` off the GUI thread with `busy` disabled meanwhile. Then `done` gets its result and `notice`
        is shown; or the error goes under the field it names in `form`, else on the panel's error line."""
        if self._running:
            return
        self._running = True
        self._busy = list(busy)
        for widget in self._busy:
            widget.setEnabled(False)
        self.notice.hide()
        self.error.hide()
        if form is not None:
            form.clear_errors()

        def succeeded(result: Any) -> None:
            self._settle()
            done(result)
            self.notice.setText(notice)
            self.notice.show()
            self.finished.emit(True)

        def failed(error: Exception) -> None:
            self._settle()
            if form is None or not form.show_error(error):
                self.show_error(plain_message(error))
            self.finished.emit(False)

        BackgroundOp(self, op).success(succeeded).failure(failed).run_in_background()

    def show_error(self, message: str) -> None:
        self.notice.hide()
        self.error.setText(message)
        self.error.show()

    def _settle(self) -> None:
        self._running = False
        for widget in self._busy:
            widget.setEnabled(True)
        self._busy = []
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what the current selection allows; panels with a table override it."""
