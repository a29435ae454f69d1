"""A period's export running on a thread of its own, telling the screen how far it got through Qt signals.

It does not use the background worker that every other service call shares: an export takes minutes, and the
accountant may open an invoice meanwhile. The PDFs themselves are rendered by the exporter's processes.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from pos_app.domain.roles import Actor
from pos_app.errors import PosError
from pos_app.services.invoice_export import InvoiceExporter

log = logging.getLogger(__name__)


@cache
def export_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def wait_for_exports(timeout_ms: int = -1) -> bool:
    """Block until no export runs (for shutdown and tests). False on timeout."""
    return export_pool().waitForDone(timeout_ms)


class ExportJob(QObject):
    """`started(total)` once the period is read, `advanced(written)` as PDFs are written, then one of
    `succeeded(ExportResult)`, `stopped(written)` after `cancel()`, or `failed(error)`. The signals are emitted
    on the export's thread and delivered on the GUI thread."""

    started = Signal(int)
    advanced = Signal(int)
    succeeded = Signal(object)
    stopped = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        exporter: InvoiceExporter,
        actor: Actor,
        since: datetime,
        until: datetime,
        out_dir: Path,
        *,
        workers: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exporter = exporter
        self._actor = actor
        self._since = since
        self._until = until
        self._out_dir = out_dir
        self._workers = workers
        self._cancel = threading.Event()
        self.written = 0

    def start(self) -> None:
        export_pool().start(self._run)

    def cancel(self) -> None:
        """Stop after the PDFs being rendered now; those written stay, no summary is written."""
        self._cancel.set()

    def _run(self) -> None:
        # Imported here: the rendering stack it brings would add a tenth of a second to every start of the app.
        from pos_app.invoices.batch import ExportCancelled

        try:
            result = self._exporter.export(
                self._actor,
                self._since,
                self._until,
                self._out_dir,
                workers=self._workers,
                on_start=self.started.emit,
                progress=self._progress,
                cancelled=self._cancel.is_set,
            )
        except ExportCancelled:
            self.stopped.emit(self.written)
        except Exception as error:
            if not isinstance(error, PosError | OSError):
                log.error("The export of invoices failed unexpectedly", exc_info=error)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _progress(self, rendered: int) -> None:
        self.written += rendered
        self.advanced.emit(self.written)
