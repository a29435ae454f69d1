"""The accountant's sales reports and Z reports pages on a real database: the month's figures, charts and table,
another step or register, the CSV export, a bad period, and the past till sessions opening their Z report."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.reports import z_reports_page
from pos_app.ui.reports.reports_page import ReportsPage
from pos_app.ui.reports.z_reports_page import ZReportsPage
from pos_app.ui.till.amounts import money_text
from pos_app.ui.till.report_dialog import ReportDialog
from tests.conftest import FakeClock, fresh_database
from tests.ui.screen import add_product, column_texts, header_texts, row_texts

W = TypeVar("W", bound=QWidget)
TIMEOUT = 10_000


def eur(amount: str | Decimal) -> str:
    return money_text(Decimal(amount), "EUR")


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite only: the screens run the same service calls on both databases, and the service tests cover both."""
    yield from fresh_database(request, "sqlite", tmp_path)


@pytest.fixture
def shop(services: Services, admin: Actor, stock_manager: Actor) -> Services:
    add_product(services, stock_manager, "TEE", "T-shirt", price="19.90", stock=100)
    services.inventory.create_product(
        stock_manager, sku="BOOK", name="Guide", price=Decimal("10.00"), vat_rate=Decimal("5.5")
    )
    services.inventory.receive(stock_manager, "BOOK", 100)
    services.pos.add_register(admin, "R2", "Second counter")
    return services


@pytest.fixture
def two_days_of_sales(shop: Services, cashier: Actor, admin: Actor, clock: FakeClock) -> Services:
    """22 November: R1 sells a T-shirt in cash and a guide by card; R2 two T-shirts by card. 23 November: R1
    sells two guides in cash and refunds one."""
    shop.pos.open_session(cashier, "R1", Decimal("50"))
    shop.pos.open_session(admin, "R2", Decimal("0"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))], register="R1")
    shop.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("10"))], register="R1")
    shop.pos.checkout(admin, [("TEE", 2)], [("card", Decimal("39.80"))], register="R2")
    clock.advance(days=1)
    sale = shop.pos.checkout(cashier, [("BOOK", 2)], [("cash", Decimal("20"))], register="R1")
    shop.pos.refund(cashier, sale.number, [("BOOK", 1)], "cash", register="R1")
    return shop


def open_reports(qtbot: QtBot, services: Services, actor: Actor) -> ReportsPage:
    page = ReportsPage(services, actor)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def label(widget: QWidget, name: str) -> str:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found.text() if found.isVisibleTo(widget) else ""


def table(widget: QWidget, name: str) -> QTableView:
    found = widget.findChild(QTableView, name)
    assert found is not None, name
    return found


def row_named(view: QTableView, first_cell: str) -> dict[str, str]:
    headers = header_texts(view)
    row = next(r for r in row_texts(view) if r[0] == first_cell)
    return dict(zip(headers, row, strict=True))


def choose(qtbot: QtBot, page: ReportsPage, combo_name: str, text: str) -> None:
    combo = page.findChild(QComboBox, combo_name)
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        combo.setCurrentIndex(index)


def dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return found[-1]


def test_the_month_shows_each_day_with_its_vat_and_methods_a_total_row_and_charts(
    qtbot: QtBot, two_days_of_sales: Services, accountant: Actor
) -> None:
    page = open_reports(qtbot, two_days_of_sales, accountant)
    view = table(page, "salesReportTable")

    assert len(row_texts(view)) == 30 + 1  # every day of November, then the total
    assert header_texts(view)[:5] == ["Period", "Sales", "Incl. VAT", "Excl. VAT", "VAT"]
    assert {"Base 5.5%", "VAT 5.5%", "Base 20%", "VAT 20%", "Cash", "Card"} <= set(header_texts(view))
    first_day = row_named(view, "Sun 22 Nov 2026")
    assert (first_day["Sales"], first_day["Incl. VAT"], first_day["Cash"], first_day["Card"]) == (
        "3",
        eur("69.70"),
        eur("19.90"),
        eur("49.80"),
    )
    assert (first_day["Base 20%"], first_day["VAT 20%"]) == (eur("49.75"), eur("9.95"))
    second_day = row_named(view, "Mon 23 Nov 2026")
    assert (second_day["Sales"], second_day["Refunds"], second_day["Refunded"], second_day["Takings"]) == (
        "1",
        "1",
        eur("10.00"),
        eur("10.00"),
    )
    total = row_named(view, "Total")
    assert (total["Sales"], total["Incl. VAT"], total["Takings"], total["Cash"]) == (
        "4",
        eur("89.70"),
        eur("79.70"),
        eur("29.90"),
    )
    assert view.model().index(view.model().rowCount() - 1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert label(page, "reportFigure_total") == eur("89.70")
    assert label(page, "reportFigure_refunds") == f"1 · {eur('10.00')}"

    bars = page.sales_chart.series.barSets()
    assert [b.label() for b in bars] == ["Sales incl. VAT", "Refunds"]
    assert (bars[0].at(21), bars[0].at(22), bars[1].at(22)) == (69.70, 20.0, -10.0)  # refunds below the line
    assert page.sales_chart.chart.title() == "Sales per day"
    assert [text.split(" · ")[0] for text, _ in page.methods_chart.slices()] == ["Cash", "Card"]
    assert [value for _, value in page.methods_chart.slices()] == [Decimal("29.90"), Decimal("49.80")]


def test_weeks_and_one_register_reload_the_report(qtbot: QtBot, two_days_of_sales: Services, accountant: Actor) -> None:
    page = open_reports(qtbot, two_days_of_sales, accountant)
    qtbot.waitUntil(lambda: page.findChild(QComboBox, "reportRegister").count() == 3, timeout=TIMEOUT)

    choose(qtbot, page, "reportGranularity", "Week")
    view = table(page, "salesReportTable")
    assert column_texts(view, "Period")[:2] == ["Week 44 · 1 Nov 2026", "Week 45 · 2–8 Nov 2026"]
    assert row_named(view, "Week 48 · 23–29 Nov 2026")["Sales"] == "1"
    assert page.sales_chart.chart.title() == "Sales per week"

    choose(qtbot, page, "reportRegister", "R2")
    assert row_named(view, "Total")["Incl. VAT"] == eur("39.80")
    assert "Cash" in header_texts(view) and "Refunds" in header_texts(view)
    assert row_named(view, "Total")["Card"] == eur("39.80")


def test_the_table_exports_to_a_csv_file_with_plain_numbers_and_its_total_row(
    qtbot: QtBot, two_days_of_sales: Services, accountant: Actor, tmp_path: Path
) -> None:
    page = open_reports(qtbot, two_days_of_sales, accountant)
    target = tmp_path / "november.csv"

    page.findChild(QPushButton, "exportReportCsv").click()
    chooser = dialog_of(qtbot, page, QFileDialog)
    chooser.selectFile(str(target))
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT):
        chooser.accept()

    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 31
    assert {k: rows[21][k] for k in ("From", "To", "Sales", "Incl. VAT", "VAT 20%", "Cash")} == {
        "From": "2026-11-22",
        "To": "2026-11-22",
        "Sales": "3",
        "Incl. VAT": "69.70",
        "VAT 20%": "9.95",
        "Cash": "19.90",
    }
    assert (rows[-1]["From"], rows[-1]["Incl. VAT"], rows[-1]["Refunded"]) == ("Total", "89.70", "10.00")
    assert label(page, "reportNotice") == f"The report is saved to {target}."


def test_a_last_day_before_the_first_says_so_and_leaves_nothing_to_export(
    qtbot: QtBot, two_days_of_sales: Services, accountant: Actor
) -> None:
    page = open_reports(qtbot, two_days_of_sales, accountant)

    page.findChild(QDateEdit, "reportPeriodLast").setDate(QDate(2026, 10, 31))
    qtbot.waitUntil(lambda: label(page, "reportsError") != "", timeout=TIMEOUT)

    assert label(page, "reportsError") == (
        "The report could not be made. The last day (2026-10-31) is before the first day (2026-11-01)."
    )
    assert not page.findChild(QPushButton, "exportReportCsv").isEnabled()
    assert page.findChild(QComboBox, "reportPeriodPreset").currentText() == "Days of my choice"


# ----- the Z reports page ---------------------------------------------------------------------------------------


@pytest.fixture
def closed_sessions(shop: Services, cashier: Actor, admin: Actor, clock: FakeClock) -> Services:
    """R1 closed 0.50 short yesterday; R2 closed as counted; R1 open again today."""
    shop.pos.open_session(cashier, "R1", Decimal("100"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))], register="R1")
    clock.advance(hours=8)
    shop.pos.close_session(admin, Decimal("119.40"), "R1")
    shop.pos.open_session(admin, "R2", Decimal("0"))
    shop.pos.checkout(admin, [("BOOK", 2)], [("card", Decimal("20"))], register="R2")
    shop.pos.close_session(admin, Decimal("0"), "R2")
    clock.advance(hours=16)
    shop.pos.open_session(cashier, "R1", Decimal("100"))
    return shop


def open_z_reports(qtbot: QtBot, services: Services, actor: Actor) -> ZReportsPage:
    page = ZReportsPage(services, actor)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def test_past_sessions_show_who_opened_and_closed_them_and_a_short_drawer_in_red(
    qtbot: QtBot, closed_sessions: Services, accountant: Actor
) -> None:
    page = open_z_reports(qtbot, closed_sessions, accountant)
    view = table(page, "zSessionsTable")

    rows = [dict(zip(header_texts(view), row, strict=True)) for row in row_texts(view)]
    assert [(r["Register"], r["Opened by"], r["Closed by"], r["Sales"]) for r in rows] == [
        ("R1", "cashier", "", "0"),
        ("R2", "admin", "admin", "1"),
        ("R1", "cashier", "admin", "1"),
    ]
    assert rows[0]["Closed"] == "Open now"
    assert (rows[2]["Expected cash"], rows[2]["Counted cash"], rows[2]["Variance"]) == (
        eur("119.90"),
        eur("119.40"),
        eur("-0.50"),
    )
    assert rows[1]["Variance"] == eur("0.00")
    variance = view.model().index(2, header_texts(view).index("Variance")).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(variance).name() == "#a1261b"
    assert label(page, "zReportsCount") == "3 sessions"


def test_enter_on_a_session_opens_its_z_report(qtbot: QtBot, closed_sessions: Services, accountant: Actor) -> None:
    page = open_z_reports(qtbot, closed_sessions, accountant)
    view = table(page, "zSessionsTable")
    view.setFocus()
    view.selectRow(2)

    with qtbot.waitSignal(page.report_opened, timeout=TIMEOUT):
        qtbot.keyClick(view, Qt.Key.Key_Return)

    report = dialog_of(qtbot, page, ReportDialog)
    assert report.windowTitle().startswith("Z report · R1")
    assert label(report, "reportSales") == f"1 · {eur('19.90')}"
    assert label(report, "reportVariance") == eur("-0.50")


def test_a_register_alone_and_older_sessions_page_by_page(
    qtbot: QtBot, closed_sessions: Services, accountant: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(z_reports_page, "PAGE_SIZE", 2)
    page = open_z_reports(qtbot, closed_sessions, accountant)
    view = table(page, "zSessionsTable")
    older = page.findChild(QPushButton, "showOlderSessions")
    assert len(row_texts(view)) == 2 and older.isEnabled()

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        older.click()
    assert column_texts(view, "Register") == ["R1", "R2", "R1"]
    assert not older.isEnabled()

    combo = page.findChild(QComboBox, "zReportsRegister")
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=TIMEOUT)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        combo.setCurrentIndex(combo.findData("R2"))
    assert column_texts(view, "Register") == ["R2"]


def test_the_report_figures_come_from_the_days_asked_for(
    qtbot: QtBot, two_days_of_sales: Services, accountant: Actor
) -> None:
    page = open_reports(qtbot, two_days_of_sales, accountant)

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.period.set_days(date(2026, 11, 23), date(2026, 11, 23))

    assert [r[0] for r in row_texts(table(page, "salesReportTable"))] == ["Mon 23 Nov 2026", "Total"]
    assert label(page, "reportFigure_sales") == "1"
