"""Start the desktop app: log in, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from pos_app.services import Services
from pos_app.ui.background import wait_for_background
from pos_app.ui.i18n import chosen_language, install_language
from pos_app.ui.login_dialog import LoginDialog

APP_NAME = QT_TRANSLATE_NOOP("App", "Point of sale")


def run_desktop(services: Services, argv: list[str] | None = None) -> int:
    """Show the login dialog, then the main window until it is closed. Returns the exit code.

    `argv` carries Qt's own options (such as -style); by default only the program name is passed.
    Cancelling the login is a normal exit (0).
    """
    app = _application(argv if argv is not None else sys.argv[:1])
    install_language(chosen_language(QSettings()))
    app.setApplicationDisplayName(QCoreApplication.translate("App", APP_NAME))
    login = LoginDialog(services)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        wait_for_background()
        return 0
    # Imported once logged in: the pages' modules are not needed to show the login, which then comes up sooner.
    from pos_app.ui.main_window import MainWindow

    window = MainWindow(services, login.actor)
    window.show()
    code = app.exec()
    wait_for_background()
    return code


def _application(argv: list[str]) -> QCoreApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    return app
