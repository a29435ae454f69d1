"""Screenshots of the desktop app over a believable demo catalogue, for docs and for looking at the UI.

Run on a screen, or on a virtual one:
    Xvfb :99 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_screenshots.py
It writes login.png, stock.png, stock-filtered.png and online-orders.png next to this file, from a throwaway
SQLite database. The online orders are paid through localstripe (installed with the test extras), and the
shop's clock is moved by hand so that the holds show different times left.
"""

from __future__ import annotations

import sys
import tempfile
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import stripe
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from pos_app.domain.catalogue import expected_check_digit
from pos_app.domain.roles import Actor
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.ui.background import wait_for_background
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
REPO_ROOT = OUT.parents[1]
USERNAME = "amina"
PASSWORD = "screenshot-password"
WEBHOOK_SECRET = "whsec_screenshots"
CARD_THAT_PAYS = "pm_card_visa"
CARD_THAT_IS_DECLINED = "pm_card_chargeCustomerFail"

# name, price, category, [(sku, size, colour, EAN-13 without its check digit, stock, low-stock threshold)]
Variant = tuple[str, str | None, str | None, str, int, int]
CATALOGUE: list[tuple[str, str, str, list[Variant]]] = [
    (
        "T-shirt coton bio",
        "19.90",
        "Clothing",
        [
            ("TSH-S-BLA", "S", "Blanc", "376012345001", 14, 4),
            ("TSH-M-BLA", "M", "Blanc", "376012345002", 3, 4),
            ("TSH-L-BLA", "L", "Blanc", "376012345003", 9, 4),
            ("TSH-M-NOI", "M", "Noir", "376012345004", 0, 4),
            ("TSH-L-NOI", "L", "Noir", "376012345005", 22, 4),
        ],
    ),
    (
        "Sweat à capuche",
        "49.00",
        "Clothing",
        [
            ("SWE-M-GRI", "M", "Gris chiné", "376012345006", 6, 2),
            ("SWE-L-GRI", "L", "Gris chiné", "376012345007", 2, 2),
            ("SWE-XL-MAR", "XL", "Marine", "376012345008", 5, 2),
        ],
    ),
    ("Casquette brodée", "24.50", "Accessories", [("CAP-BRO-01", None, "Écru", "376012345009", 11, 3)]),
    ("Tote bag en lin", "15.00", "Accessories", [("TOT-LIN-01", None, "Naturel", "376012345010", 37, 5)]),
    ("Thé vert à la menthe 100 g", "6.80", "Grocery", [("THE-MEN-100", None, None, "376012345011", 48, 12)]),
    ("Thé noir Darjeeling 100 g", "8.40", "Grocery", [("THE-DAR-100", None, None, "376012345012", 7, 10)]),
    ("Théière en fonte 0,8 L", "39.00", "Home", [("THI-FON-08", None, "Noir", "376012345013", 4, 2)]),
    ("Café moulu Éthiopie 250 g", "9.90", "Grocery", [("CAF-ETH-250", None, None, "376012345014", 0, 6)]),
    ("Café grains Brésil 1 kg", "24.00", "Grocery", [("CAF-BRE-1K", None, None, "376012345015", 16, 4)]),
    ("Miel d'acacia 500 g", "12.50", "Grocery", [("MIE-ACA-500", None, None, "376012345016", 21, 6)]),
    ("Huile d'argan 100 ml", "18.00", "Beauty", [("ARG-100", None, None, "376012345017", 5, 6)]),
    ("Savon d'Alep 200 g", "7.20", "Beauty", [("SAV-ALE-200", None, None, "376012345018", 64, 15)]),
    ("Crème hydratante karité", "14.90", "Beauty", [("CRE-KAR-50", None, None, "376012345019", 13, 5)]),
    ("Baume à lèvres", "4.50", "Beauty", [("BAU-LEV-01", None, None, "376012345020", 2, 8)]),
    (
        "Bougie parfumée figue",
        "22.00",
        "Home",
        [
            ("BOU-FIG-S", "Petite", None, "376012345021", 9, 3),
            ("BOU-FIG-L", "Grande", None, "376012345022", 0, 2),
        ],
    ),
    (
        "Mug céramique",
        "11.00",
        "Home",
        [
            ("MUG-CER-BLE", None, "Bleu", "376012345023", 18, 6),
            ("MUG-CER-VER", None, "Vert d'eau", "376012345024", 6, 6),
            ("MUG-CER-TER", None, "Terracotta", "376012345025", 25, 6),
        ],
    ),
    ("Carnet A5 ligné", "8.90", "Stationery", [("CAR-A5-LIG", None, None, "376012345026", 42, 10)]),
    ("Stylo plume", "29.00", "Stationery", [("STY-PLU-01", None, "Bordeaux", "376012345027", 3, 3)]),
    ("Cartes postales (lot de 5)", "6.00", "Stationery", [("CPO-LOT-5", None, None, "376012345028", 120, 20)]),
    ("Panier tressé", "34.00", "Home", [("PAN-TRE-01", None, None, "376012345029", 1, 2)]),
    ("Plaid en laine", "69.00", "Home", [("PLA-LAI-01", None, "Moutarde", "376012345030", 8, 2)]),
]


def fill_catalogue(services: Services, manager: Actor) -> None:
    for name, price, category, variants in CATALOGUE:
        product = None
        for sku, size, colour, ean_body, stock, threshold in variants:
            barcode = f"{ean_body}{expected_check_digit(ean_body)}"
            properties = {"colour": colour} if colour else None
            if product is None:
                product = services.inventory.create_product(
                    manager,
                    sku=sku,
                    name=name,
                    price=Decimal(price),
                    vat_rate=Decimal("20"),
                    barcode=barcode,
                    category=category,
                    low_stock_threshold=threshold,
                    size=size,
                    properties=properties,
                )
            else:
                services.inventory.add_variant(
                    manager,
                    product.id,
                    sku=sku,
                    barcode=barcode,
                    size=size,
                    properties=properties,
                    low_stock_threshold=threshold,
                )
            if stock:
                services.inventory.receive(manager, sku, stock, reason="Opening stock")


class HandClock:
    """The shop's clock, moved on by hand between the steps of the story."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class OnlineShop:
    """What the website and its customers do, through the real services and localstripe."""

    def __init__(self, services: Services, shopper: stripe.StripeClient, clock: HandClock) -> None:
        self._services = services
        self._shopper = shopper
        self._clock = clock
        self._since = datetime.now(UTC) - timedelta(minutes=1)

    def check_out(self, lines: list[tuple[str, int]], email: str, ttl_minutes: int = 15) -> str:
        """Returns the payment intent's id."""
        return self._services.payments.checkout(lines, email, ttl_minutes=ttl_minutes).payment_intent_id

    def pay(self, intent_id: str, card: str = CARD_THAT_PAYS) -> None:
        """What Stripe.js does; localstripe wants the method first, then the confirmation."""
        self._shopper.v1.payment_intents.update(intent_id, params={"payment_method": card})
        with suppress(stripe.CardError):
            self._shopper.v1.payment_intents.confirm(intent_id)

    def hear_from_stripe(self) -> None:
        self._services.payments.reconcile(self._since)

    def story(self) -> None:
        """A morning of online orders: paid, refunded for lack of stock, failed, cancelled, expired, pending."""
        payments, clock = self._services.payments, self._clock
        self.pay(self.check_out([("TSH-L-BLA", 2), ("CAP-BRO-01", 1)], "ines.benali@example.com"))
        self.hear_from_stripe()
        clock.advance(minutes=4)
        late = self.check_out([("PAN-TRE-01", 1)], "marc.dubois@example.com")
        clock.advance(minutes=3)
        self.pay(self.check_out([("MUG-CER-BLE", 2)], "awa.diop@example.com"), CARD_THAT_IS_DECLINED)
        self.hear_from_stripe()
        clock.advance(minutes=2)
        payments.cancel(payments.checkout([("THE-MEN-100", 3)], "k.mensah@example.com").reservation_id)
        clock.advance(minutes=5)
        self.check_out([("SWE-M-GRI", 1)], "lucie.martin@example.com", ttl_minutes=10)
        clock.advance(minutes=6)
        # Marc's hold has run out and the last basket goes to someone else; then Marc pays: no stock, refunded.
        self.check_out([("PAN-TRE-01", 1), ("TOT-LIN-01", 2)], "sofia.rossi@example.com")
        self.pay(late)
        self.hear_from_stripe()
        clock.advance(minutes=2)
        self.check_out([("THE-DAR-100", 1)], "n.haddad@example.com")
        clock.advance(minutes=3)
        payments.expire_due()  # Lucie never paid
        clock.advance(minutes=9)
        self.check_out([("TSH-M-BLA", 1), ("CAF-BRE-1K", 2)], "yann.legoff@example.com")
        clock.advance(seconds=20)
        self.check_out([("SAV-ALE-200", 4), ("MIE-ACA-500", 1), ("ARG-100", 1)], "chloe.garnier@example.com")
        clock.advance(seconds=10)


def wait(ms: int) -> None:
    """Run the event loop for a while. Unlike QTest.qWait, it lets the background worker have Python's GIL."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(widget: QWidget, ms: int = 150) -> None:
    """Let Qt lay out and paint before grabbing."""
    widget.activateWindow()
    wait(ms)


def save(widget: QWidget, name: str) -> None:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def shoot(services: Services, manager: Actor, clock: HandClock) -> None:
    dialog = LoginDialog(services)
    dialog.show()
    QTest.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), USERNAME)
    QTest.keyClicks(dialog.findChild(QLineEdit, "loginPassword"), PASSWORD)
    settle(dialog)
    save(dialog, "login.png")
    dialog.close()

    window = MainWindow(services, manager)
    waiting = QEventLoop()
    window.stock_page.loaded.connect(waiting.quit)
    QTimer.singleShot(10_000, waiting.quit)
    window.show()
    waiting.exec()
    settle(window)
    save(window, "stock.png")

    QTest.keyClicks(window.findChild(QLineEdit, "stockFilter"), "the")
    settle(window)
    save(window, "stock-filtered.png")

    orders = window.orders_page
    assert orders is not None
    waiting = QEventLoop()
    orders.loaded.connect(waiting.quit)
    QTimer.singleShot(10_000, waiting.quit)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    waiting.exec()
    clock.advance(minutes=1, seconds=10)  # the oldest hold runs out while the page is open
    wait(1_500)  # a countdown tick, and the reload it asks for
    settle(window)
    save(window, "online-orders.png")
    window.close()


def _localstripe() -> Any:
    """testsupport is not installed in the virtualenv: import it from the checkout this script is in."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.append(str(REPO_ROOT))
    from testsupport import localstripe

    return localstripe


def main() -> int:
    app = QApplication(sys.argv)
    clock = HandClock()
    with _localstripe().start() as stripe_server, tempfile.TemporaryDirectory() as folder:
        gateway = StripeGateway(stripe_server.api_key, WEBHOOK_SECRET, api_base=stripe_server.api_base)
        shopper = stripe.StripeClient(stripe_server.api_key, base_addresses={"api": stripe_server.api_base})
        with open_services(f"sqlite:///{folder}/pos.db", clock=clock, payment_gateway=gateway) as services:
            admin = services.auth.bootstrap_admin("admin", "admin-password")
            services.auth.create_user(admin, USERNAME, PASSWORD, "stock_manager")
            manager = services.auth.login(USERNAME, PASSWORD)
            fill_catalogue(services, manager)
            OnlineShop(services, shopper, clock).story()
            shoot(services, manager, clock)
            wait_for_background()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
