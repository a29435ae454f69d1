"""Screenshots of emailing an invoice from the payment dialog, over the demo shop, through a local SMTP server.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/email_screenshots.py
It writes counter-email.png (the address asked, prefilled with the customer's) and counter-email-sent.png (the
payment dialog once the invoice is sent) next to this file. The mail goes to an aiosmtpd server on loopback (the
test extra), from a throwaway SQLite database holding the demo shop (pos-app demo).
"""

from __future__ import annotations

from decimal import Decimal

from aiosmtpd.controller import Controller
from capture import free_port, save, throwaway_shop, until, visible_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from pos_app.domain.money import currency
from pos_app.services import Services
from pos_app.ui.counter.email_invoice_dialog import EmailInvoiceDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog, SaleRequest

CASHIER = ("cashier", "cashier-demo")
CUSTOMER = "Aminata Diallo"
PRODUCT = "CHEM-LIN-OXFO-M-BLEUCI"  # Chemise lin Oxford M, bleu ciel


class Accept:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 Message accepted for delivery"


def shoot(services: Services, server: Controller) -> None:
    admin = services.auth.login("admin", "admin-demo")
    services.mail.configure_smtp(
        admin,
        host=server.hostname,
        port=server.port,
        security="none",
        username="",
        sender="caisse@atelier-lumiere.example",
    )
    cashier = services.auth.login(*CASHIER)
    services.pos.open_session(cashier, "R1", Decimal("150.00"))
    customer = services.customers.search_customers(CUSTOMER)[0]
    lines = ((PRODUCT, 1, Decimal(0)),)
    total = services.pos.price(cashier, list(lines), customer.id).total
    request = SaleRequest(lines, total, customer.id, register="R1")
    dialog = PaymentDialog(services, cashier, request, currency(services.settings.current().currency.code))
    dialog.show()
    QTest.mouseClick(dialog.findChild(QPushButton, "quickExact"), Qt.MouseButton.LeftButton)
    until(lambda: dialog.receipt is not None)

    QTest.mouseClick(dialog.findChild(QPushButton, "emailInvoice"), Qt.MouseButton.LeftButton)
    ask = visible_dialog(dialog, EmailInvoiceDialog)
    save(ask, "counter-email.png")
    QTest.mouseClick(ask.findChild(QPushButton, "emailInvoiceSend"), Qt.MouseButton.LeftButton)
    until(lambda: "sent to" in dialog.findChild(QLabel, "documentStatus").text())
    save(dialog, "counter-email-sent.png")
    dialog.accept()


def main() -> int:
    server = Controller(Accept(), hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        with throwaway_shop() as (services, _folder):
            shoot(services, server)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
