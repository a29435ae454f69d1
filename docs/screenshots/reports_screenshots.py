"""Screenshots of the accountant's pages: the dashboard, the sales reports, the Z reports and the journal.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/reports_screenshots.py
It writes dashboard.png, reports.png, z-reports.png and journal.png next to this file, from a throwaway SQLite
database and journal key: six weeks of sales at two counters over shop_catalogue.py's shop, with
refunds and a till closed short; then November is closed and archived.
"""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from capture import HandClock, save, throwaway_shop, until, window_of
from PySide6.QtWidgets import QComboBox, QPushButton
from shop_catalogue import fill_catalogue

from pos_app.domain.roles import Actor
from pos_app.services import Services

SIZE = (1400, 900)
FIRST_DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
DAYS = 43  # to Monday 14 December
SKUS = ("TSH-S-BLA", "TSH-L-NOI", "SWE-M-GRI", "TOT-LIN-01", "THE-MEN-100", "MIE-ACA-500", "SAV-ALE-200", "CPO-LOT-5")
METHODS = ("cash", "card", "card", "card", "orange_money", "wave")


def restock(services: Services, manager: Actor) -> None:
    """Enough of what sells, so that six weeks of sales never run out."""
    for sku in SKUS:
        services.inventory.receive(manager, sku, 400, reason="Delivery")


def sell_for_weeks(services: Services, clock: HandClock, cashiers: tuple[Actor, Actor], closer: Actor) -> None:
    """Each day both counters open, sell a day's worth (more at the weekend) and close; one day R2 is short."""
    chance = random.Random(7)
    for day in range(DAYS):
        clock.now = FIRST_DAY + timedelta(days=day)
        if clock.now.weekday() == 6:
            continue  # closed on Sundays
        busy = 1.6 if clock.now.weekday() == 5 else 1.0
        for register, cashier in zip(("R1", "R2"), cashiers, strict=True):
            services.pos.open_session(cashier, register, Decimal("100"))
            numbers = []
            for _ in range(int(chance.randint(4, 9) * busy)):
                clock.advance(minutes=chance.randint(10, 40))
                lines = [(sku, chance.randint(1, 2)) for sku in chance.sample(SKUS, chance.randint(1, 3))]
                method = chance.choice(METHODS)
                due = services.pos.price(cashier, lines).total
                reference = (f"TX{day}{len(numbers)}",) if method in ("orange_money", "wave") else ()
                paid = (method, due.quantize(Decimal(1)) + 1 if method == "cash" else due, *reference)
                numbers.append(services.pos.checkout(cashier, lines, [paid], register=register).number)
            if chance.random() < 0.3:
                sold = services.pos.sales(cashier, clock.now.astimezone().date(), register=register)[0]
                line = sold.lines[0]
                services.pos.refund(cashier, sold.number, [(line.sku, 1)], "cash", register=register)
            expected = services.pos.x_report(closer, register).expected_cash
            short = Decimal("4.50") if (register, day) == ("R2", DAYS - 3) else Decimal(0)
            clock.advance(minutes=30)
            services.pos.close_session(closer, expected - short, register)
            clock.now = FIRST_DAY + timedelta(days=day)
    clock.now = FIRST_DAY + timedelta(days=DAYS - 1, hours=2)
    services.pos.open_session(cashiers[0], "R1", Decimal("100"))
    for lines in ([("TSH-L-NOI", 1), ("TOT-LIN-01", 1)], [("THE-MEN-100", 3)], [("SWE-M-GRI", 1)]):
        clock.advance(minutes=25)
        services.pos.checkout(cashiers[0], lines, [("card", services.pos.price(cashiers[0], lines).total)])


def shoot(services: Services, accountant: Actor) -> None:
    window = window_of(services, accountant, SIZE)
    dashboard = window.dashboard_page
    assert dashboard is not None
    until(lambda: dashboard.figures is not None)
    save(window, "dashboard.png")

    reports = window.reports_page
    assert reports is not None
    window.pages.show_page(reports)
    until(lambda: reports.report is not None)
    preset = reports.findChild(QComboBox, "reportPeriodPreset")
    stamp = reports.report
    preset.setCurrentIndex(preset.findText("Last month"))
    until(lambda: reports.report is not stamp)
    save(window, "reports.png")

    z_reports = window.z_reports_page
    assert z_reports is not None
    window.pages.show_page(z_reports)
    until(lambda: z_reports.model.rowCount() > 0)
    save(window, "z-reports.png")

    journal = window.journal_page
    assert journal is not None
    services.journal_closings.close_month(accountant, 2026, 11)
    window.pages.show_page(journal)
    until(lambda: journal.closings.rowCount() > 0)
    journal.findChild(QPushButton, "journalVerify").click()
    until(lambda: journal.last_result is not None)
    with tempfile.TemporaryDirectory() as folder:
        journal.export_archive(str(Path(folder) / "journal-2026-11-01-2026-11-30.zip"))
        until(lambda: journal.last_archive is not None)
        save(window, "journal.png")
    window.close()


def main() -> int:
    clock = HandClock(FIRST_DAY)
    with throwaway_shop(demo=False, clock=clock) as (services, _folder):
        admin = services.auth.bootstrap_admin("admin", "admin-password")
        services.settings.update_identity(admin, shop_name="Maison Awa", shop_address="12 rue des Lilas\n75011 Paris")
        services.pos.add_register(admin, "R2", "Counter 2")
        for name, role in (("stock", "stock_manager"), ("amina", "cashier"), ("karim", "cashier")):
            services.auth.create_user(admin, name, "screenshot-password", role)
        services.auth.create_user(admin, "claire", "screenshot-password", "accountant")
        manager = services.auth.login("stock", "screenshot-password")
        fill_catalogue(services, manager)
        restock(services, manager)
        cashiers = (
            services.auth.login("amina", "screenshot-password"),
            services.auth.login("karim", "screenshot-password"),
        )
        sell_for_weeks(services, clock, cashiers, admin)
        services.reservations.reserve(lines=[("MUG-CER-BLE", 2), ("CAR-A5-LIG", 1)], ttl_minutes=15)
        services.reservations.reserve(lines=[("PLA-LAI-01", 1)], ttl_minutes=15)
        shoot(services, services.auth.login("claire", "screenshot-password"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
