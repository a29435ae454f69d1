"""Screenshots of the counter page and its payment dialog, over the demo shop, for docs and for looking at the UI.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/counter_screenshots.py
It writes counter-*.png next to this file from a throwaway SQLite database holding the demo shop (pos-app demo):
a ticket with a partner member's discounts and a low-stock line, the products of a category, a product out of
stock, the payment dialog during a split payment, the change due, and the page while the till is closed.
"""

from __future__ import annotations

from decimal import Decimal

from capture import save, throwaway_shop, until, visible_dialog, wait, wait_for, window_of
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from pos_app.services import Services
from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.counter.customer_dialog import CustomerDialog
from pos_app.ui.counter.payment_dialog import PaymentDialog
from pos_app.ui.counter.variant_picker import VariantPicker

CASHIER = ("cashier", "cashier-demo")
SHIRT_M_WHITE = "3700120000030"  # T-shirt coton bio M / Blanc: 1 left
HEADPHONES = "ECOU-SANS-FIL-NOIR"  # High-tech: the student promotion applies
OXFORD_SHIRT = "3700120000108"  # Chemise lin Oxford M, on promotional price


def scan(page: CounterPage, code: str) -> None:
    field = page.findChild(QLineEdit, "scanField")
    QTest.keyClicks(field, code)
    wait_for(page.priced, lambda: QTest.keyClick(field, Qt.Key.Key_Return), 5_000)


def click(parent: QWidget, name: str) -> None:
    QTest.mouseClick(parent.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def shoot_closed_till(services: Services) -> None:
    window = window_of(services, services.auth.login(*CASHIER))
    wait_for(window.counter_page.state_loaded)
    save(window, "counter-till-closed.png")
    window.close()


def shoot_selling(services: Services) -> None:
    cashier = services.auth.login(*CASHIER)
    services.pos.open_session(cashier, "R1", Decimal("150.00"))
    window = window_of(services, cashier)
    page = window.counter_page
    assert page is not None
    wait_for(page.state_loaded)

    click(page, "category_Vêtements")
    until(lambda: any(w.objectName().startswith("tile_") for w in page.findChildren(QWidget)))
    save(window, "counter-tiles.png")
    tiles = [w for w in page.findChildren(QWidget) if w.objectName().startswith("tile_") and w.isEnabled()]
    QTest.mouseClick(tiles[0], Qt.MouseButton.LeftButton)
    picker = visible_dialog(page, VariantPicker)
    save(picker, "counter-variants.png")
    picker.reject()
    wait(100)

    scan(page, SHIRT_M_WHITE)
    scan(page, HEADPHONES)
    scan(page, OXFORD_SHIRT)
    scan(page, OXFORD_SHIRT)
    QTest.keyClick(page.findChild(QLineEdit, "scanField"), Qt.Key.Key_F2)
    customers = visible_dialog(page, CustomerDialog)
    QTest.keyClicks(customers.findChild(QLineEdit, "customerSearch"), "aminata")
    save(customers, "counter-customer.png", settle_ms=650)
    wait_for(page.priced, lambda: QTest.keyClick(customers.findChild(QLineEdit, "customerSearch"), Qt.Key.Key_Return))
    scan_field = page.findChild(QLineEdit, "scanField")
    QTest.keyClicks(scan_field, SHIRT_M_WHITE)  # one more than the last one: refused, said in red
    QTest.keyClick(scan_field, Qt.Key.Key_Return)
    wait(300)
    for _ in range(2):  # the last line selected: the low-stock one shows its colour
        QTest.keyClick(scan_field, Qt.Key.Key_Down)
    save(window, "counter-ticket.png")

    field = page.findChild(QLineEdit, "scanField")
    QTest.keyClick(field, Qt.Key.Key_Escape)
    QTest.keyClicks(field, "liseuse")
    save(window, "counter-out-of-stock.png", settle_ms=850)
    QTest.keyClick(field, Qt.Key.Key_Escape)

    click(page, "payButton")
    payment = visible_dialog(page, PaymentDialog)
    click(payment, "method_card")
    amount = payment.findChild(QLineEdit, "paymentAmount")
    amount.selectAll()
    QTest.keyClicks(amount, "100")
    QTest.keyClicks(payment.findChild(QLineEdit, "paymentReference"), "TPE-004512")
    QTest.keyClick(payment.findChild(QLineEdit, "paymentReference"), Qt.Key.Key_Return)
    amount.selectAll()
    QTest.keyClicks(amount, "100")
    save(payment, "counter-payment.png")
    QTest.keyClick(amount, Qt.Key.Key_Return)
    until(lambda: payment.receipt is not None)
    save(payment, "counter-change.png")
    payment.accept()
    wait(200)
    window.close()


def main() -> int:
    with throwaway_shop() as (services, _folder):
        shoot_closed_till(services)
        shoot_selling(services)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
