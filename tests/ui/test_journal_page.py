"""The journal page on a real database: the verdict of the check (intact, or the entry that was changed), closing
a month (or being told why not), and the period archive written, read back and found intact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QSpinBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.journal_archive import verify_archive
from pos_app.ui.journal.close_dialog import ClosePeriodDialog
from pos_app.ui.journal.journal_page import INTACT_STYLE, JournalPage
from pos_app.ui.till.amounts import money_text
from tests.conftest import FakeClock, fresh_database
from tests.ui.screen import add_product, row_texts

W = TypeVar("W", bound=QWidget)
TIMEOUT = 15_000


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def november(services: Services, stock_manager: Actor, cashier: Actor, clock: FakeClock) -> Services:
    """Three sales and a refund at R1 in November 2026 (six journal entries with the till opening and closing); today is
    2 December."""
    clock.now = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=20)
    services.pos.open_session(cashier, "R1", Decimal("0"))
    first = services.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    services.pos.checkout(cashier, [("TEE", 2)], [("card", Decimal("39.80"))])
    services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
    services.pos.refund(cashier, first.number, [("TEE", 1)], "card")
    services.pos.close_session(cashier, Decimal("19.90"))
    clock.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    return services


def open_page(qtbot: QtBot, services: Services, actor: Actor) -> JournalPage:
    page = JournalPage(services, actor)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.closings_loaded, timeout=TIMEOUT):
        page.show()
    return page


def label(widget: QWidget, name: str) -> str:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found.text() if found.isVisibleTo(widget) else ""


def dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return found[-1]


def verify(qtbot: QtBot, page: JournalPage) -> None:
    with qtbot.waitSignal(page.verified, timeout=TIMEOUT):
        page.findChild(QPushButton, "journalVerify").click()


def test_an_intact_journal_gets_a_green_verdict_that_counts_its_entries(
    qtbot: QtBot, november: Services, accountant: Actor
) -> None:
    page = open_page(qtbot, november, accountant)

    verify(qtbot, page)

    assert label(page, "journalVerdict") == (
        "The journal is intact: all 6 entries of 1 register are exactly as they were written."
    )
    assert page.findChild(QLabel, "journalVerdict").styleSheet() == INTACT_STYLE
    assert label(page, "journalDetails").startswith("Signatures checked with the shop's key ")


def test_an_entry_changed_behind_the_apps_back_is_named_in_the_verdict(
    qtbot: QtBot, november: Services, accountant: Actor
) -> None:
    with november.db.write_engine.begin() as connection:
        connection.execute(text("UPDATE journal_entries SET amount = 1.00 WHERE sequence = 3"))
    page = open_page(qtbot, november, accountant)

    verify(qtbot, page)

    assert label(page, "journalVerdict") == (
        "The journal is broken: entry 3 of register R1 is not as it was written (its content was changed after it "
        "was written). Keep the database as it is and call for help."
    )
    assert "#f9d3cf" in page.findChild(QLabel, "journalVerdict").styleSheet()


def test_closing_last_month_seals_it_and_lists_its_totals(qtbot: QtBot, november: Services, accountant: Actor) -> None:
    page = open_page(qtbot, november, accountant)

    page.findChild(QPushButton, "journalCloseMonth").click()
    dialog = dialog_of(qtbot, page, ClosePeriodDialog)
    assert dialog.findChild(QComboBox, "closeMonthMonth").currentText() == "November"
    assert dialog.findChild(QSpinBox, "closeMonthYear").value() == 2026
    with qtbot.waitSignal(page.closings_loaded, timeout=TIMEOUT):
        dialog.findChild(QPushButton, "closeMonthSubmit").click()

    assert label(page, "closingsNotice") == "November 2026 is closed on R1: its totals are sealed in the journal."
    [row] = row_texts(page.findChild(QTableView, "closingsTable"))
    eur = lambda amount: money_text(Decimal(amount), "EUR")  # noqa: E731
    assert (row[0], row[1], row[3], row[4], row[5], row[6], row[7]) == (
        "R1",
        "November 2026",
        "accountant",
        "6",
        eur("79.60"),
        eur("19.90"),
        eur("59.70"),
    )
    assert [c.period for c in november.journal_closings.closings()] == ["2026-11"]


def test_a_month_that_is_not_over_cannot_be_closed_and_the_dialog_says_why(
    qtbot: QtBot, november: Services, accountant: Actor
) -> None:
    page = open_page(qtbot, november, accountant)

    page.findChild(QPushButton, "journalCloseMonth").click()
    dialog = dialog_of(qtbot, page, ClosePeriodDialog)
    dialog.choose(2026, 12)
    dialog.findChild(QPushButton, "closeMonthSubmit").click()
    qtbot.waitUntil(lambda: label(dialog, "closeMonthError") != "", timeout=TIMEOUT)

    assert label(dialog, "closeMonthError") == "2026-12 is not over yet: it can be closed from 2027-01-01 00:00 UTC."
    assert dialog.isVisible()
    assert november.journal_closings.closings() == []


def test_the_archive_of_last_month_is_written_read_back_and_found_intact(
    qtbot: QtBot, november: Services, accountant: Actor, tmp_path: Path
) -> None:
    page = open_page(qtbot, november, accountant)
    target = tmp_path / "journal-2026-11.zip"
    assert page.findChild(QComboBox, "archivePeriodPreset").currentText() == "Last month"

    page.findChild(QPushButton, "journalExport").click()
    chooser = dialog_of(qtbot, page, QFileDialog)
    chooser.selectFile(str(target))
    with qtbot.waitSignal(page.archived, timeout=TIMEOUT):
        chooser.accept()

    result = label(page, "archiveResult")
    assert result.startswith(f"The archive is written to {target}: 6 entries of 1 register and 0 closing(s), from ")
    assert "2026-11-01 to 2026-11-30. Read back from the file, it is intact." in result
    assert page.last_archive is not None and page.last_archive.summary.sha256 in result
    assert verify_archive(target).ok


def test_an_archive_is_never_written_over_an_existing_file(
    qtbot: QtBot, november: Services, accountant: Actor, tmp_path: Path
) -> None:
    page = open_page(qtbot, november, accountant)
    target = tmp_path / "taken.zip"
    target.write_bytes(b"someone else's file")

    with qtbot.waitSignal(page.archived, timeout=TIMEOUT):
        page.export_archive(str(target))

    assert label(page, "archiveError") == (
        f"No archive was written. {target} exists already: an archive is never overwritten. Choose another name."
    )
    assert target.read_bytes() == b"someone else's file"
