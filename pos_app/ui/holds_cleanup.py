"""Tidying up after holds whose time ran out, from the desktop app, in the background."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.services.payments import PaymentService
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message

log = logging.getLogger(__name__)


class ExpiredHoldsCleanup(QObject):
    """Once on `start`, then every `interval_ms`: PaymentService.expire_due releases the holds whose time ran
    out, records why, and closes their unpaid orders.

    An expired hold stopped counting already; this only tidies up. Every open desktop app runs it, which is
    safe: each hold is marked by exactly one of them. A failure is logged and tried again next time.
    """

    finished = Signal(int)  # how many holds this run released

    def __init__(self, payments: PaymentService, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expiredHoldsCleanup")
        self._payments = payments
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.run_now()

    def stop(self) -> None:
        self._timer.stop()

    def run_now(self) -> None:
        if self._running:
            return
        self._running = True
        BackgroundOp(self, self._payments.expire_due).success(self._done).failure(self._failed).run_in_background()

    def _done(self, released: int) -> None:
        self._running = False
        self.finished.emit(released)

    def _failed(self, error: Exception) -> None:
        self._running = False
        log.warning("Could not release the expired holds; trying again later. %s", plain_message(error))
