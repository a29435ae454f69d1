"""What the screenshot scripts share: a throwaway shop to photograph, a window logged in to it, waiting for a
screen to be ready while the background worker runs, and saving a grab next to this file.

The scripts import it from beside them (Python puts a script's folder on the path). Run one on a screen, or on a
virtual one:
    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/admin_screenshots.py
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services, open_services
from pos_app.services.demo import seed_demo
from pos_app.ui.background import wait_for_background
from pos_app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
REPO_ROOT = OUT.parents[1]
WINDOW_SIZE = (1280, 800)
WEBHOOK_SECRET = "whsec_screenshots"


class HandClock:
    """The shop's clock, moved on by hand between the steps of a story."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC).replace(second=0, microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def wait(ms: int) -> None:
    """Run the event loop for a while. Unlike QTest.qWait, it lets the background worker have Python's GIL."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(ready: Callable[[], Any], ms: int = 20_000) -> None:
    """Run the event loop until `ready()` holds."""
    waited = 0
    while not ready() and waited < ms:
        wait(20)
        waited += 20
    if not ready():
        raise SystemExit("the screen did not reach the state to photograph")


def wait_for(signal: Any, act: Callable[[], Any] | None = None, ms: int = 10_000) -> None:
    """Do `act` and run the event loop until `signal` fires."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    if act is not None:
        act()
    loop.exec()
    signal.disconnect(loop.quit)


def settle(widget: QWidget, ms: int = 250) -> None:
    """Let Qt lay out and paint before grabbing."""
    widget.activateWindow()
    wait(ms)


def save(widget: QWidget, name: str, settle_ms: int = 250) -> None:
    settle(widget, settle_ms)
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def visible_dialog(parent: QWidget, kind: type[QDialog]) -> Any:
    """The open dialog of that kind under `parent`, once it shows."""
    until(lambda: any(d.isVisible() for d in parent.findChildren(kind)))
    return next(d for d in parent.findChildren(kind) if d.isVisible())


def window_of(services: Services, actor: Actor, size: tuple[int, int] = WINDOW_SIZE) -> MainWindow:
    """The main window as `actor` sees it after logging in, shown."""
    window = MainWindow(services, actor)
    window.resize(*size)
    window.show()
    return window


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def localstripe() -> Any:
    """testsupport is not installed in the virtualenv: import it from the checkout this script is in."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.append(str(REPO_ROOT))
    from testsupport import localstripe as module

    return module


@contextmanager
def throwaway_shop(*, demo: bool = True, **open_options: Any) -> Iterator[tuple[Services, Path]]:
    """A shop in a temporary folder, with the demo shop (pos-app demo) in it unless `demo` is False. Its journal
    key, machine secrets and this machine's settings stay in the folder too, out of the user's."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationDisplayName("pos-app")
    with tempfile.TemporaryDirectory(prefix="pos-screenshots-") as name:
        folder = Path(name)
        os.environ["POS_JOURNAL_KEY_FILE"] = str(folder / "journal.pem")
        os.environ["POS_SECRETS_FILE"] = str(folder / "secrets.json")
        for variable in ("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "POS_RESERVATION_MINUTES"):
            os.environ.pop(variable, None)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, name)
        with open_services(f"sqlite:///{folder / 'pos.db'}", **open_options) as services:
            if demo:
                seed_demo(services)
            yield services, folder
            wait_for_background(10_000)
    app.processEvents()
