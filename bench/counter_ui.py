"""Keystroke to line at the counter: a barcode typed into the scan field as a scanner does, then Enter, until
its line is on the ticket, with 100,000 SKUs.

Goal: median <= 16 ms (one frame at 60 Hz) from the Enter key to the line in the ticket. Measured on the real
counter page (offscreen), its background worker and the real services:
  - line:    Enter pressed -> the line is in the ticket's model (the table shows it at its next paint);
  - painted: Enter pressed -> the ticket table has painted the line (Qt's own repaint of what changed);
  - priced:  Enter pressed -> the service's pricing of the whole ticket (promotions, totals, VAT) on screen;
  - at once: scans that follow each other without waiting for the pricing (a fast cashier): the pricing of
    the previous scan runs first on the one worker.
The service call alone (find_by_barcode) is measured in the same run, for comparison.

    .venv/bin/python bench/counter_ui.py [--backend sqlite|postgresql|both] [--skus N] [--scans N]
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POS_JOURNAL_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="pos-bench-keys-")) / "journal.pem"))

from benchkit import (
    chosen_backends,
    fresh_database,
    load_average,
    machine_summary,
    median_ms,
    p95_ms,
    parse_args,
    print_table,
)
from catalogue_seed import seed_catalogue
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from pos_app.services import Services, open_services
from pos_app.ui.background import wait_for_background
from pos_app.ui.counter.counter_page import CounterPage

GOAL_MS = 16.0
LINES_PER_TICKET = 10  # then the ticket is cleared, as after a sale
WAIT_MS = 10_000


class Stopwatch(QObject):
    """Times from Enter to the line, its paint and the pricing, in the event loop the page runs in."""

    def __init__(self, page: CounterPage) -> None:
        super().__init__()
        self.page = page
        self.table = page.findChild(QTableView, "ticketLines")
        self.field = page.findChild(QLineEdit, "scanField")
        self._line_at: float | None = None
        self._painted_at: float | None = None
        self._priced_at: float | None = None
        self._loop: QEventLoop | None = None
        self._waiting_for = ""
        page.model.rowsInserted.connect(self._line)
        page.model.dataChanged.connect(self._line)
        page.priced.connect(self._priced)
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._line_at is not None and self._painted_at is None:
            QTimer.singleShot(0, self._painted)  # runs once this paint event has been handled
        return False

    def _line(self, *_args: Any) -> None:
        if self._line_at is None:
            self._line_at = time.perf_counter()

    def _painted(self) -> None:
        if self._painted_at is None:
            self._painted_at = time.perf_counter()
            self._quit("painted")

    def _priced(self) -> None:
        self._priced_at = time.perf_counter()
        self._quit("priced")

    def _quit(self, what: str) -> None:
        if self._waiting_for == what and self._loop is not None:
            self._loop.quit()

    def _wait(self, what: str, done: bool) -> None:
        if done:
            return
        self._waiting_for = what
        self._loop = QEventLoop()
        QTimer.singleShot(WAIT_MS, self._loop.quit)
        self._loop.exec()
        self._loop = None
        self._waiting_for = ""

    def scan(self, barcode: str, *, wait_for_price: bool) -> tuple[float, float, float | None]:
        """(line, painted, priced) seconds after Enter; priced is None when not waited for."""
        QTest.keyClicks(self.field, barcode)
        QApplication.processEvents()  # the typed text painted: the clock starts at Enter
        self._line_at = self._painted_at = self._priced_at = None
        started = time.perf_counter()
        QTest.keyClick(self.field, Qt.Key.Key_Return)
        self._wait("painted", self._painted_at is not None)
        if self._line_at is None or self._painted_at is None:
            raise SystemExit(f"no line painted for {barcode}")
        times = (self._line_at - started, self._painted_at - started)
        if not wait_for_price:
            return (*times, None)
        self._wait("priced", self._priced_at is not None)
        return (*times, (self._priced_at or time.perf_counter()) - started)

    def new_ticket(self) -> None:
        self.page.model.set_items([])
        wait_for_background()
        QApplication.processEvents()


def sellable_barcodes(services: Services, barcodes: list[str], count: int) -> list[str]:
    """Barcodes of active SKUs with stock, in a random order: what a cashier scans."""
    rng = random.Random(11)
    found: list[str] = []
    for barcode in rng.sample(barcodes, min(len(barcodes), count * 4)):
        row = services.inventory.find_by_barcode(barcode)
        if row.active and row.available >= LINES_PER_TICKET:
            found.append(barcode)
        if len(found) == count:
            break
    return found


def service_alone_ms(services: Services, barcodes: list[str]) -> list[float]:
    samples = []
    for barcode in barcodes:
        started = time.perf_counter()
        services.inventory.find_by_barcode(barcode)
        samples.append(time.perf_counter() - started)
    return samples


def measure(backend: str, skus: int, scans: int) -> list[list[object]]:
    with fresh_database(backend) as url, tempfile.TemporaryDirectory() as folder:
        services = open_services(url)
        try:
            catalogue = seed_catalogue(services.db.write_engine, skus)
            print(f"{backend}: seeded {skus:,} SKUs in {catalogue.seconds:.1f} s")
            admin = services.auth.bootstrap_admin("admin", "bench-admin-password")
            services.auth.create_user(admin, "cashier", "bench-cashier-password", "cashier")
            cashier = services.auth.login("cashier", "bench-cashier-password")
            services.pos.open_session(cashier, "R1", Decimal("100.00"))
            barcodes = sellable_barcodes(services, catalogue.barcodes, scans)

            machine = QSettings(f"{folder}/machine.ini", QSettings.Format.IniFormat)
            page = CounterPage(services, cashier, settings=machine)
            page.resize(1200, 750)
            loaded = QEventLoop()
            page.state_loaded.connect(loaded.quit)
            page.show()
            loaded.exec()
            watch = Stopwatch(page)
            for barcode in barcodes[:10]:  # warm-up: statements prepared, caches filled
                watch.scan(barcode, wait_for_price=True)
            watch.new_ticket()

            paced: list[tuple[float, float, float | None]] = []
            for index, barcode in enumerate(barcodes):
                if index and index % LINES_PER_TICKET == 0:
                    watch.new_ticket()
                paced.append(watch.scan(barcode, wait_for_price=True))
            watch.new_ticket()
            at_once: list[float] = []  # painted
            for index, barcode in enumerate(barcodes):
                if index and index % LINES_PER_TICKET == 0:
                    wait_for_background()
                    watch.new_ticket()
                at_once.append(watch.scan(barcode, wait_for_price=False)[1])
            watch.new_ticket()  # no pricing left to run against this database
            page.close()
            page.deleteLater()
            QApplication.processEvents()
            alone = service_alone_ms(services, barcodes)
        finally:
            wait_for_background()
            services.close()
    lines = [s[0] for s in paced]
    return [
        _row(backend, "Enter -> line in the ticket", lines, None),
        _row(backend, "Enter -> line painted", [s[1] for s in paced], GOAL_MS),
        _row(backend, "Enter -> ticket priced", [s[2] or 0.0 for s in paced], None),
        _row(backend, "Enter -> painted, scans at once", at_once, None),
        _row(backend, "find_by_barcode alone", alone, None),
    ]


def _row(backend: str, label: str, samples: list[float], goal: float | None) -> list[object]:
    met = "" if goal is None else ("yes" if median_ms(samples) <= goal else "NO")
    return [
        backend,
        label,
        len(samples),
        f"{median_ms(samples):.2f}",
        f"{p95_ms(samples):.2f}",
        f"{max(samples) * 1000:.2f}",
        "" if goal is None else f"<= {goal:g}",
        met,
    ]


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], _options)
    QApplication.instance() or QApplication([])
    print(machine_summary())
    rows: list[list[object]] = []
    for backend in chosen_backends(args.backend):
        rows += measure(backend, args.skus, args.scans)
    print_table(
        f"Counter page, keystroke to line, {args.skus:,} SKUs",
        ["backend", "measure", "scans", "median ms", "p95 ms", "max ms", "goal ms", "met"],
        rows,
    )
    print(f"\n{load_average()}")


def _options(parser: Any) -> None:
    parser.add_argument("--scans", type=int, default=200, help="barcodes scanned per measurement")


if __name__ == "__main__":
    main()
