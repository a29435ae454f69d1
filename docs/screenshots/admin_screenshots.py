"""Screenshots of the admin's page, one per tab, over the demo shop, for docs and for looking at the UI.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/admin_screenshots.py
It writes admin-*.png next to this file from a throwaway SQLite database holding the demo shop (pos-app demo),
with a second and a deactivated register, a deactivated user, a network receipt printer, a mail server, test
Stripe keys and a logo. It also shows the new-user dialog refusing a mistyped password, and the shop tab
refusing a bad VAT number under its field.
"""

from __future__ import annotations

from pathlib import Path

from capture import save, throwaway_shop, visible_dialog, wait_for, window_of
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QLineEdit, QPushButton

from pos_app.services import Services
from pos_app.ui.admin.admin_page import AdminPage
from pos_app.ui.admin.panel import AdminPanel
from pos_app.ui.admin.user_dialogs import NewUserDialog

ADMIN = ("admin", "admin-demo")
TABS = (
    ("usersPanel", "admin-users.png"),
    ("registersPanel", "admin-registers.png"),
    ("shopPanel", "admin-shop.png"),
    ("taxesPanel", "admin-taxes.png"),
    ("invoicingPanel", "admin-invoices.png"),
    ("printerPanel", "admin-printer.png"),
    ("mailPanel", "admin-email.png"),
    ("onlineShopPanel", "admin-online-shop.png"),
)


def first_visit(page: AdminPage, name: str) -> AdminPanel:
    """Show a tab not shown yet, once it has loaded."""
    panel = page.panel(name)
    wait_for(panel.loaded, lambda: page.show_panel(name))
    return panel


def logo_png(path: Path) -> None:
    """A small made-up logo: the shop's initials on a coloured square."""
    image = QImage(220, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 80, 80, QColor("#2f5d8a"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("DejaVu Sans", 30, QFont.Weight.Bold))
    painter.drawText(0, 0, 80, 80, 0x84, "AL")
    painter.setPen(QColor("#2f5d8a"))
    painter.setFont(QFont("DejaVu Sans", 15, QFont.Weight.Bold))
    painter.drawText(90, 0, 130, 80, 0x81, "Atelier\nLumière")
    painter.end()
    image.save(str(path))


def prepare(svc: Services, folder: Path) -> None:
    admin = svc.auth.login(*ADMIN)
    svc.pos.add_register(admin, "R2", "Counter by the door")
    svc.pos.add_register(admin, "R3", "Pop-up stand")
    svc.pos.set_register_active(admin, "R3", False)
    svc.auth.create_user(admin, "ines.faye", "a-long-password", "cashier")
    svc.auth.set_active(admin, "ines.faye", False)
    svc.receipts.configure_printer(admin, "network", "192.168.1.50:9100")
    svc.mail.configure_smtp(
        admin,
        host="smtp.atelier-lumiere.example",
        port=587,
        security="starttls",
        username="boutique@atelier-lumiere.example",
        sender="boutique@atelier-lumiere.example",
        password="a mail password",
    )
    svc.payment_keys.set_payment_keys(admin, "sk_test_51Hx0000000000000000004242", "whsec_0000000000000000000000wxyz")
    svc.settings.update_reservations(admin, minutes=20)
    logo = folder / "logo.png"
    logo_png(logo)
    svc.settings.set_logo(admin, logo.read_bytes())


def shoot(svc: Services) -> None:
    window = window_of(svc, svc.auth.login(*ADMIN))
    page = window.admin_page
    assert page is not None
    window.pages.show_page(page)
    for name, file in TABS:
        first_visit(page, name)
        save(window, file)
    users = page.show_panel("usersPanel")
    users.findChild(QPushButton, "newUserButton").click()
    dialog = visible_dialog(users, NewUserDialog)
    dialog.findChild(QLineEdit, "newUsername").setText("awa.diallo")
    dialog.findChild(QLineEdit, "newUserPassword").setText("a first password")
    dialog.findChild(QLineEdit, "newUserRepeat").setText("a first passwort")
    dialog.submit()
    save(dialog, "admin-new-user.png")
    dialog.reject()
    shop = page.show_panel("shopPanel")
    shop.findChild(QLineEdit, "shopVatNumber").setText("FR 123@456")
    wait_for(shop.finished, shop.findChild(QPushButton, "saveShopButton").click)
    save(window, "admin-shop-error.png")
    window.close()


def main() -> int:
    with throwaway_shop() as (svc, folder):
        prepare(svc, folder)
        shoot(svc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
