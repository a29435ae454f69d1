"""Screenshots of the counter page and its payment dialog, over the demo shop, for docs and for looking at the UI.

Run on a screen, or on a virtual one:
    Xvfb :99 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/counter_screenshots.py
It writes counter-*.png next to this file from a throwaway SQLite database holding the demo shop (pos-app demo):
a ticket with a partner member's discounts and a low-stock line, the products of a category, a product out of
stock, the payment dialog during a split payment, the change due, and the page while the till is closed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from pos_app.services import Services, open_services
from pos_app.services.demo import seed_demo
from pos_app.ui.background import wait_for_background
from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.counter.customer_dialog import CustomerDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog
from pos_app.ui.counter.variant_picker import VariantPicker
from pos_app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
CASHIER = ("cashier", "cashier-demo")
SHIRT_M_WHITE = "3700120000030"  # T-shirt coton bio M / Blanc: 1 left
HEADPHONES = "ECOU-SANS-FIL-NOIR"  # High-tech: the student promotion applies
OXFORD_SHIRT = "3700120000108"  # Chemise lin Oxford M, on promotional price


def wait(ms: int) -> None:
    """Run the event loop for a while. Unlike QTest.qWait, it lets the background worker have Python's GIL."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(ready: object, ms: int = 10_000) -> None:
    waited = 0
    while not ready() and waited < ms:  # type: ignore[operator]
        wait(20)
        waited += 20
    if not ready():  # type: ignore[operator]
        raise SystemExit("the screen did not reach the state to photograph")


def settle(widget: QWidget, ms: int = 250) -> None:
    """Let Qt lay out and paint before grabbing."""
    widget.activateWindow()
    wait(ms)


def save(widget: QWidget, name: str) -> None:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def visible(parent: QWidget, kind: type) -> QWidget | None:
    return next((d for d in parent.findChildren(kind) if d.isVisible()), None)


def scan(page: CounterPage, code: str) -> None:
    field = page.findChild(QLineEdit, "scanField")
    QTest.keyClicks(field, code)
    priced = QEventLoop()
    page.priced.connect(priced.quit)
    QTimer.singleShot(5_000, priced.quit)
    QTest.keyClick(field, Qt.Key.Key_Return)
    priced.exec()
    page.priced.disconnect(priced.quit)


def click(parent: QWidget, name: str) -> None:
    QTest.mouseClick(parent.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def shoot_closed_till(services: Services, settings: QSettings) -> None:
    cashier = services.auth.login(*CASHIER)
    window = MainWindow(services, cashier)
    assert window.counter_page is not None
    loaded = QEventLoop()
    window.counter_page.state_loaded.connect(loaded.quit)
    window.show()
    loaded.exec()
    settle(window)
    save(window, "counter-till-closed.png")
    window.close()


def shoot_selling(services: Services) -> None:
    cashier = services.auth.login(*CASHIER)
    services.pos.open_session(cashier, "R1", Decimal("150.00"))
    window = MainWindow(services, cashier)
    page = window.counter_page
    assert page is not None
    loaded = QEventLoop()
    page.state_loaded.connect(loaded.quit)
    window.show()
    loaded.exec()

    click(page, "category_Vêtements")
    wait_until(lambda: any(w.objectName().startswith("tile_") for w in page.findChildren(QWidget)))
    settle(window)
    save(window, "counter-tiles.png")
    tiles = [w for w in page.findChildren(QWidget) if w.objectName().startswith("tile_") and w.isEnabled()]
    QTest.mouseClick(tiles[0], Qt.MouseButton.LeftButton)
    wait_until(lambda: visible(page, VariantPicker) is not None)
    picker = visible(page, VariantPicker)
    settle(picker)
    save(picker, "counter-variants.png")
    picker.reject()
    wait(100)

    scan(page, SHIRT_M_WHITE)
    scan(page, HEADPHONES)
    scan(page, OXFORD_SHIRT)
    scan(page, OXFORD_SHIRT)
    QTest.keyClick(page.findChild(QLineEdit, "scanField"), Qt.Key.Key_F2)
    wait_until(lambda: visible(page, CustomerDialog) is not None)
    customers = visible(page, CustomerDialog)
    QTest.keyClicks(customers.findChild(QLineEdit, "customerSearch"), "aminata")
    wait(400)
    settle(customers)
    save(customers, "counter-customer.png")
    priced = QEventLoop()
    page.priced.connect(priced.quit)
    QTest.keyClick(customers.findChild(QLineEdit, "customerSearch"), Qt.Key.Key_Return)
    priced.exec()
    scan_field = page.findChild(QLineEdit, "scanField")
    QTest.keyClicks(scan_field, SHIRT_M_WHITE)  # one more than the last one: refused, said in red
    QTest.keyClick(scan_field, Qt.Key.Key_Return)
    wait(300)
    for _ in range(2):  # the last line selected: the low-stock one shows its colour
        QTest.keyClick(scan_field, Qt.Key.Key_Down)
    settle(window)
    save(window, "counter-ticket.png")

    field = page.findChild(QLineEdit, "scanField")
    QTest.keyClick(field, Qt.Key.Key_Escape)
    QTest.keyClicks(field, "liseuse")
    wait(600)
    settle(window)
    save(window, "counter-out-of-stock.png")
    QTest.keyClick(field, Qt.Key.Key_Escape)

    click(page, "payButton")
    wait_until(lambda: visible(page, PaymentDialog) is not None)
    payment = visible(page, PaymentDialog)
    click(payment, "method_card")
    amount = payment.findChild(QLineEdit, "paymentAmount")
    amount.selectAll()
    QTest.keyClicks(amount, "100")
    QTest.keyClicks(payment.findChild(QLineEdit, "paymentReference"), "TPE-004512")
    QTest.keyClick(payment.findChild(QLineEdit, "paymentReference"), Qt.Key.Key_Return)
    amount.selectAll()
    QTest.keyClicks(amount, "100")
    settle(payment)
    save(payment, "counter-payment.png")
    QTest.keyClick(amount, Qt.Key.Key_Return)
    wait_until(lambda: payment.receipt is not None)
    settle(payment)
    save(payment, "counter-change.png")
    payment.accept()
    wait(200)
    window.close()


def main() -> int:
    app = QApplication(sys.argv)
    app.setOrganizationName("pos-app-screenshots")  # the register the till page remembers stays out of the user's
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("POS_JOURNAL_KEY_FILE", str(Path(folder) / "journal.pem"))
        settings = QSettings(str(Path(folder) / "machine.ini"), QSettings.Format.IniFormat)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        with open_services(f"sqlite:///{folder}/pos.db") as services:
            seed_demo(services)
            shoot_closed_till(services, settings)
            shoot_selling(services)
            wait_for_background()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
