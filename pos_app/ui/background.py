"""Run service calls off the GUI thread and hear back on it.

    BackgroundOp(self, partial(inventory.stock_list)).success(self.show_rows).failure(self.show_error)
        .run_in_background()

The operation runs on a pool with one worker, so service calls run one at a time, in the order they were
asked for. It must not touch a widget: it returns a value, and the callbacks show it on the GUI thread.
The callbacks are dropped when `parent` has been deleted meanwhile (its window was closed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from pos_app.errors import PosError
from pos_app.ui.error_text import plain_message

T = TypeVar("T")
log = logging.getLogger(__name__)


@cache
def background_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def wait_for_background(timeout_ms: int = -1) -> bool:
    """Block until every queued operation has run (for shutdown and tests). False on timeout."""
    return background_pool().waitForDone(timeout_ms)


class _Delivery(QObject):
    """Lives on the GUI thread, so a result the worker emits is queued and handled there."""

    arrived = Signal(object, object)

    def __init__(self, settle: Callable[[object, Exception | None], None]) -> None:
        super().__init__()
        self._settle = settle
        self.arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_arrived(self, result: object, error: Exception | None) -> None:
        _in_flight.discard(self)
        self.deleteLater()
        self._settle(result, error)


# Deliveries waiting for their result: held here so that Python does not collect them meanwhile.
_in_flight: set[_Delivery] = set()


class BackgroundOp(Generic[T]):
    def __init__(self, parent: QObject, op: Callable[[], T]) -> None:
        self._parent = parent
        self._op = op
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None

    def success(self, callback: Callable[[T], None]) -> BackgroundOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> BackgroundOp[T]:
        """Called with the error; without one, a message box shows it in plain words."""
        self._on_failure = callback
        return self

    def run_in_background(self) -> None:
        delivery = _Delivery(self._settle)
        _in_flight.add(delivery)
        op = self._op

        def work() -> None:
            try:
                result = op()
            except Exception as error:
                delivery.arrived.emit(None, error)
            else:
                delivery.arrived.emit(result, None)

        background_pool().start(work)

    def _settle(self, result: object, error: Exception | None) -> None:
        if error is not None and not isinstance(error, PosError):
            log.error("A background operation failed unexpectedly", exc_info=error)
        if not isValid(self._parent):
            return
        if error is None:
            if self._on_success is not None:
                self._on_success(result)  # type: ignore[arg-type]
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            _show_error_box(self._parent, error)


def _show_error_box(parent: QObject, error: Exception) -> None:
    window = parent if isinstance(parent, QWidget) else None
    QMessageBox.warning(
        window, QCoreApplication.translate("Background", "The action did not finish"), plain_message(error)
    )
