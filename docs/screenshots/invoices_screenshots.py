"""Screenshots of the accountant's invoices page, over shop_catalogue.py's shop.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/invoices_screenshots.py
It writes invoices-*.png next to this file, from a throwaway SQLite database holding two months of invoiced
counter sales: the list, one invoice opened, the credit note dialog, and an export in progress.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from itertools import cycle
from pathlib import Path

from capture import HandClock, save, throwaway_shop, until, visible_dialog, window_of
from PySide6.QtWidgets import QLineEdit, QProgressBar, QWidget
from shop_catalogue import fill_catalogue

from pos_app.domain.roles import Actor
from pos_app.invoices.model import CustomerDetails
from pos_app.services import Services
from pos_app.ui.invoices.credit_note_dialog import CreditNoteDialog
from pos_app.ui.invoices.export_job import wait_for_exports

DAYS = 62
CUSTOMERS = [
    CustomerDetails(
        "Atelier Lumière SARL", "4 rue de la Roquette\n75011 Paris", "compta@atelier-lumiere.fr", "FR40123456789"
    ),
    CustomerDetails("Awa Diop", "Rue 10, Point E\nDakar", "awa.diop@example.sn"),
    CustomerDetails(
        "Bistro du Port", "2 quai Saint-Pierre\n13002 Marseille", "gerance@bistroduport.fr", "FR77234567891"
    ),
    CustomerDetails("Karim Benali", "18 avenue Jean Jaurès\n69007 Lyon", "karim.benali@example.fr"),
    CustomerDetails("Librairie des Quais", "9 quai des Grands Augustins\n75006 Paris", "", "FR12345098765"),
    CustomerDetails("Maison Teranga SAS", "27 boulevard Voltaire\n75011 Paris", "achats@teranga.fr", "FR55987654321"),
]
BASKETS = [
    [("TSH-S-BLA", 2), ("GUI-REC-01", 1)],
    [("SWE-M-GRI", 1), ("CAP-BRO-01", 1)],
    [("THE-MEN-100", 4), ("MIE-ACA-500", 2), ("GUI-REC-01", 1)],
    [("SAV-ALE-200", 3), ("CRE-KAR-50", 1)],
    [("CAF-BRE-1K", 2), ("THI-FON-08", 1)],
    [("TOT-LIN-01", 5)],
    [("TSH-L-NOI", 3), ("SWE-XL-MAR", 1), ("GUI-REC-01", 2)],
]


def two_months_of_invoices(services: Services, cashier: Actor, accountant: Actor, clock: HandClock) -> str:
    """About a hundred invoiced sales, some credited. Returns the invoice shown opened (partly credited)."""
    services.pos.open_session(cashier, "R1", Decimal("150.00"))
    customers, baskets = cycle(CUSTOMERS), cycle(BASKETS)
    numbers = []
    for day in range(DAYS):
        opening = clock.now
        for _ in range(1 + day % 3):
            sale = services.pos.checkout(cashier, next(baskets), [("cash", Decimal("500"))])
            numbers.append(services.invoices.issue(cashier, sale.number, next(customers)).number)
            clock.advance(hours=2, minutes=17)
        clock.now = opening + timedelta(days=1)
    services.invoices.credit_note(accountant, numbers[3], "Commande annulée par le client")
    services.invoices.credit_note(accountant, numbers[-9], "Un article retourné", [(1, 1)])
    services.invoices.credit_note(accountant, numbers[-4], "Erreur de prix", [(2, 1)])
    return numbers[-9]


def shoot(services: Services, accountant: Actor, opened_number: str, export_folder: Path) -> None:
    window = window_of(services, accountant)
    page = window.invoices_page
    assert page is not None
    window.pages.show_page(page)
    until(lambda: page.findChild(QWidget, "invoicesTable").model().rowCount() > 0)
    save(window, "invoices-list.png", settle_ms=400)

    dialog = page.open_invoice(opened_number)
    until(lambda: dialog.detail is not None)
    dialog.resize(1000, 760)
    save(dialog, "invoices-opened.png", settle_ms=300)

    others = [s.number for s in services.invoices.find(accountant, customer="Teranga") if s.status.value == "paid"]
    dialog.load(others[0])
    until(lambda: dialog.detail is not None and dialog.detail.view.number == others[0])
    dialog.credit()
    credit = visible_dialog(dialog, CreditNoteDialog)
    assert isinstance(credit, CreditNoteDialog)
    credit.quantity_field(1).setValue(1)
    credit.findChild(QLineEdit, "creditReason").setText("Un t-shirt rendu, taille trop petite")
    save(credit, "invoices-credit-note.png", settle_ms=300)
    credit.reject()
    dialog.close()

    export = page.export_period()
    export.set_folder(export_folder)
    export.findChild(QWidget, "startExport").click()
    progress = export.findChild(QProgressBar, "exportProgress")
    until(lambda: 0 < progress.value() < progress.maximum() * 0.8, 120_000)
    save(export, "invoices-export.png", settle_ms=100)
    until(lambda: not export.running, 300_000)
    save(export, "invoices-export-done.png")
    export.close()
    window.close()


def main() -> int:
    clock = HandClock()
    clock.now = clock.now.replace(hour=9, minute=40) - timedelta(days=DAYS)  # opening time, two months ago
    with throwaway_shop(demo=False, clock=clock) as (services, folder):
        admin = services.auth.bootstrap_admin("admin", "admin-password")
        services.settings.update_identity(
            admin,
            shop_name="Maison Awa",
            shop_address="12 rue des Lilas\n75011 Paris",
            shop_vat_number="FR32123456789",
            shop_company_number="RCS Paris 123 456 789",
            legal_mentions="SAS au capital de 10 000 €. Pénalités de retard : trois fois le taux d'intérêt légal.",
        )
        services.auth.create_user(admin, "stock", "stock-password", "stock_manager")
        manager = services.auth.login("stock", "stock-password")
        fill_catalogue(services, manager)
        services.inventory.create_product(
            manager,
            sku="GUI-REC-01",
            name="Livre de recettes du Sénégal",
            price=Decimal("24.00"),
            vat_rate=Decimal("5.5"),
        )
        services.inventory.receive(manager, "GUI-REC-01", 500)
        for sku in {sku for basket in BASKETS for sku, _ in basket}:
            services.inventory.receive(manager, sku, 300)
        services.auth.create_user(admin, "amina", "screenshot-password", "cashier")
        services.auth.create_user(admin, "claire", "screenshot-password", "accountant")
        accountant = services.auth.login("claire", "screenshot-password")
        opened = two_months_of_invoices(
            services, services.auth.login("amina", "screenshot-password"), accountant, clock
        )
        shoot(services, accountant, opened, folder / "export")
        wait_for_exports()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
