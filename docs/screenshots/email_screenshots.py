"""Screenshots of emailing an invoice from the payment dialog, over the demo shop, through a local SMTP server.

Run on a screen, or on a virtual one:
    Xvfb :99 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/email_screenshots.py
It writes counter-email.png (the address asked, prefilled with the customer's) and counter-email-sent.png (the
payment dialog once the invoice is sent) next to this file. The mail goes to an aiosmtpd server on loopback (the
test extra), from a throwaway SQLite database holding the demo shop (pos-app demo).
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from aiosmtpd.controller import Controller
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from pos_app.domain.money import currency
from pos_app.services import open_services
from pos_app.services.demo import seed_demo
from pos_app.ui.background import wait_for_background
from pos_app.ui.counter.email_invoice_dialog import EmailInvoiceDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog, SaleRequest

OUT = Path(__file__).resolve().parent
CASHIER = ("cashier", "cashier-demo")
CUSTOMER = "Aminata Diallo"
PRODUCT = "CHEM-LIN-OXFO-M-BLEUCI"  # Chemise lin Oxford M, bleu ciel


class Accept:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 Message accepted for delivery"


def wait(ms: int) -> None:
    """Run the event loop for a while, letting the background worker have Python's GIL."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(ready: object, ms: int = 20_000) -> None:
    waited = 0
    while not ready() and waited < ms:  # type: ignore[operator]
        wait(20)
        waited += 20
    if not ready():  # type: ignore[operator]
        raise SystemExit("the screen did not reach the state to photograph")


def save(widget: QWidget, name: str) -> None:
    widget.activateWindow()
    wait(250)
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def main() -> int:
    app = QApplication(sys.argv)
    server = Controller(Accept(), hostname="127.0.0.1", port=free_port())
    server.start()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("POS_JOURNAL_KEY_FILE", str(Path(folder) / "journal.pem"))
        os.environ["POS_SECRETS_FILE"] = str(Path(folder) / "secrets.json")
        with open_services(f"sqlite:///{folder}/pos.db") as services:
            seed_demo(services)
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
            wait_until(lambda: dialog.receipt is not None)

            QTest.mouseClick(dialog.findChild(QPushButton, "emailInvoice"), Qt.MouseButton.LeftButton)
            wait_until(lambda: any(d.isVisible() for d in dialog.findChildren(EmailInvoiceDialog)))
            ask = next(d for d in dialog.findChildren(EmailInvoiceDialog) if d.isVisible())
            save(ask, "counter-email.png")
            QTest.mouseClick(ask.findChild(QPushButton, "emailInvoiceSend"), Qt.MouseButton.LeftButton)
            wait_until(lambda: "sent to" in dialog.findChild(QLabel, "documentStatus").text())
            save(dialog, "counter-email-sent.png")
            dialog.accept()
            wait_for_background()
    server.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
