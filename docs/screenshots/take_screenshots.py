"""Screenshots of the login dialog, the stock page and the online orders, over shop_catalogue.py's shop.

Run on a screen, or on a virtual one (see capture.py):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_screenshots.py
It writes login.png, stock.png, stock-filtered.png, online-orders.png and invoices-order.png (the accountant
invoicing a paid online order) next to this file, from a throwaway SQLite database. The online orders are paid
through localstripe (installed with the test extras), and the shop's clock is moved by hand so that the holds
show different times left.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, datetime, timedelta

import stripe
from capture import WEBHOOK_SECRET, HandClock, localstripe, save, throwaway_shop, until, wait, wait_for, window_of
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from shop_catalogue import fill_catalogue

from pos_app.domain.roles import Actor
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services
from pos_app.ui.login_dialog import LoginDialog

USERNAME = "amina"
PASSWORD = "screenshot-password"
CARD_THAT_PAYS = "pm_card_visa"
CARD_THAT_IS_DECLINED = "pm_card_chargeCustomerFail"


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


def shoot(services: Services, manager: Actor, clock: HandClock) -> None:
    dialog = LoginDialog(services)
    dialog.show()
    QTest.keyClicks(dialog.findChild(QLineEdit, "loginUsername"), USERNAME)
    QTest.keyClicks(dialog.findChild(QLineEdit, "loginPassword"), PASSWORD)
    save(dialog, "login.png")
    dialog.close()

    window = window_of(services, manager)
    stock = window.stock_page
    window.pages.show_page(stock)  # managers land on the dashboard
    until(lambda: stock.settled)
    save(window, "stock.png")

    QTest.keyClicks(window.findChild(QLineEdit, "stockFilter"), "the")
    until(lambda: stock.settled)
    save(window, "stock-filtered.png")

    orders = window.orders_page
    assert orders is not None
    wait_for(orders.loaded, lambda: window.pages.show_page(orders))
    clock.advance(minutes=1, seconds=10)  # the oldest hold runs out while the page is open
    wait(1_500)  # a countdown tick, and the reload it asks for
    save(window, "online-orders.png")
    window.close()


def shoot_order_invoice(services: Services, accountant: Actor) -> None:
    window = window_of(services, accountant)
    page = window.invoices_page
    assert page is not None
    window.pages.show_page(page)
    dialog = page.invoice_order()
    wait_for(dialog.loaded)
    dialog.resize(760, 640)
    dialog.findChild(QLineEdit, "orderInvoiceName").setText("Inès Benali")
    address = dialog.findChild(QPlainTextEdit, "orderInvoiceAddress")
    address.setPlainText("8 rue des Tanneurs\n67000 Strasbourg")
    save(dialog, "invoices-order.png", settle_ms=300)
    dialog.reject()
    window.close()


def main() -> int:
    clock = HandClock()
    clock.advance(hours=-1)
    with localstripe().start() as stripe_server:
        gateway = StripeGateway(stripe_server.api_key, WEBHOOK_SECRET, api_base=stripe_server.api_base)
        shopper = stripe.StripeClient(stripe_server.api_key, base_addresses={"api": stripe_server.api_base})
        with throwaway_shop(demo=False, clock=clock, payment_gateway=gateway) as (services, _folder):
            admin = services.auth.bootstrap_admin("admin", "admin-password")
            services.auth.create_user(admin, USERNAME, PASSWORD, "stock_manager")
            manager = services.auth.login(USERNAME, PASSWORD)
            fill_catalogue(services, manager)
            OnlineShop(services, shopper, clock).story()
            shoot(services, manager, clock)
            services.settings.update_identity(admin, shop_name="Maison Awa", shop_vat_number="FR32123456789")
            services.auth.create_user(admin, "claire", PASSWORD, "accountant")
            shoot_order_invoice(services, services.auth.login("claire", PASSWORD))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
