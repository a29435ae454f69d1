"""The admin's printer, email and online shop tabs: a file printer, a loopback SMTP server, keys kept on this
machine, and the hold length a checkout then uses."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.admin.admin_page import AdminPage
from pos_app.ui.admin.panel import AdminPanel
from tests.conftest import FakeClock
from tests.mail.smtp_server import SmtpServer
from tests.ui.admin_screen import (
    TIMEOUT,
    click_and_wait,
    error_under,
    open_admin_page,
    open_tab,
    type_into,
    visible_text,
    widget,
)
from tests.ui.screen import add_product

API_KEY = "sk_test_51HxAdminScreenTestKey00000000004242"
WEBHOOK_SECRET = "whsec_AdminScreenTestSecret000000wxyz"


@pytest.fixture
def page(qtbot: QtBot, services: Services, admin: Actor) -> AdminPage:
    return open_admin_page(qtbot, services, admin)


def choose(parent: QWidget, name: str, text: str) -> None:
    box = widget(parent, QComboBox, name)
    index = box.findText(text)
    assert index >= 0, f"{name} has no choice {text!r}"
    box.setCurrentIndex(index)


def every_text_on(panel: AdminPanel) -> str:
    """What the panel shows or holds in its fields, placeholders included."""
    texts = [f.text() + " " + f.placeholderText() for f in panel.findChildren(QLineEdit)]
    texts += [label.text() for label in panel.findChildren(QWidget) if hasattr(label, "text") and label.isVisible()]
    return "\n".join(str(t) for t in texts)


# ----- the receipt printer ---------------------------------------------------------------------------------


def test_a_file_printer_is_saved_and_receives_the_test_page(
    qtbot: QtBot, page: AdminPage, services: Services, admin: Actor, tmp_path: Path
) -> None:
    services.settings.update_identity(admin, shop_name="Boutique Lumiere")
    printed = tmp_path / "printer.bin"
    panel = open_tab(qtbot, page, "printerPanel")
    choose(panel, "printerKind", "Device or file")
    type_into(qtbot, panel, "printerAddress", str(printed))
    choose(panel, "printerColumns", "42 characters")

    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        assert click_and_wait(qtbot, panel, "testPrintButton")

    config = services.receipts.printer()
    assert (config.kind.value, config.address, config.columns) == ("file", str(printed), 42)
    assert b"Boutique Lumiere" in printed.read_bytes()
    assert visible_text(panel, "printerCurrent") == f"Receipts print on the file printer {printed}."


def test_a_bad_printer_address_shows_under_the_address_and_saves_nothing(
    qtbot: QtBot, page: AdminPage, services: Services
) -> None:
    panel = open_tab(qtbot, page, "printerPanel")
    choose(panel, "printerKind", "Network (Ethernet or Wi-Fi)")
    type_into(qtbot, panel, "printerAddress", "192.168.1.50:99999")

    assert not click_and_wait(qtbot, panel, "savePrinterButton")

    assert error_under(panel, "printerAddress").startswith("'192.168.1.50:99999' is not a network printer address")
    assert services.receipts.printer() is None


# ----- email -----------------------------------------------------------------------------------------------


def test_a_bad_port_shows_under_the_port_and_saves_nothing(qtbot: QtBot, page: AdminPage, services: Services) -> None:
    panel = open_tab(qtbot, page, "mailPanel")
    type_into(qtbot, panel, "smtpHost", "smtp.example.com")
    type_into(qtbot, panel, "smtpPort", "70000")
    type_into(qtbot, panel, "smtpSender", "boutique@example.com")

    assert not click_and_wait(qtbot, panel, "saveMailButton")

    assert error_under(panel, "smtpPort").startswith("The port is a number from 1 to 65535")
    assert services.mail.smtp().host == ""


def test_the_mail_server_is_saved_with_its_password_hidden_and_a_test_message_arrives(
    qtbot: QtBot, page: AdminPage, services: Services, smtp_server: SmtpServer
) -> None:
    panel = open_tab(qtbot, page, "mailPanel")
    type_into(qtbot, panel, "smtpHost", smtp_server.host)
    choose(panel, "smtpSecurity", "None: only for a server on this network")
    type_into(qtbot, panel, "smtpPort", str(smtp_server.port))
    type_into(qtbot, panel, "smtpSender", "boutique@example.com")
    type_into(qtbot, panel, "smtpPassword", "the mail password")

    assert click_and_wait(qtbot, panel, "saveMailButton")

    saved = services.mail.smtp()
    assert (saved.host, saved.port, saved.security, saved.password_set) == (
        smtp_server.host,
        smtp_server.port,
        "none",
        True,
    )
    assert "the mail password" not in every_text_on(panel)
    assert visible_text(panel, "smtpPasswordState").startswith("A password is kept")

    type_into(qtbot, panel, "testMailTo", "not-an-address")
    assert not click_and_wait(qtbot, panel, "sendTestMailButton")
    assert error_under(panel, "testMailTo") == "'not-an-address' is not an email address such as name@example.com."

    type_into(qtbot, panel, "testMailTo", "owner@example.com")
    assert click_and_wait(qtbot, panel, "sendTestMailButton")
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=TIMEOUT)
    assert smtp_server.messages[0]["To"] == "owner@example.com"
    assert visible_text(panel, "mailPanelNotice") == "A test message went to owner@example.com: check that it arrived."


# ----- the online shop: Stripe keys and how long a checkout holds its stock -------------------------------


def test_stripe_keys_are_replaced_and_never_shown_in_full(qtbot: QtBot, page: AdminPage, services: Services) -> None:
    panel = open_tab(qtbot, page, "onlineShopPanel")
    assert visible_text(panel, "stripeKeysState") == "Online payments need both keys before customers can pay."
    type_into(qtbot, panel, "stripeApiKey", "pk_test_thisIsThePublishableKey0000")
    assert not click_and_wait(qtbot, panel, "saveStripeKeysButton")
    assert error_under(panel, "stripeApiKey").startswith("That is the publishable key")
    assert services.payment_keys.payment_keys().api_key_set is False

    type_into(qtbot, panel, "stripeApiKey", API_KEY)
    type_into(qtbot, panel, "stripeWebhookSecret", WEBHOOK_SECRET)
    assert click_and_wait(qtbot, panel, "saveStripeKeysButton")

    keys = services.payment_keys.payment_keys()
    assert keys.api_key_set and keys.webhook_secret_set
    shown = every_text_on(panel)
    assert API_KEY not in shown and WEBHOOK_SECRET not in shown
    assert widget(panel, QLineEdit, "stripeApiKey").placeholderText() == keys.api_key_masked
    assert keys.api_key_masked.endswith("4242") and len(keys.api_key_masked) < len(API_KEY)
    assert visible_text(panel, "stripeKeysState") == "Online payments have both keys."


def test_a_checkout_holds_its_items_for_the_length_the_admin_saved(
    qtbot: QtBot,
    page: AdminPage,
    services: Services,
    stock_manager: Actor,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POS_RESERVATION_MINUTES", raising=False)
    add_product(services, stock_manager, "TEE", "T-shirt", stock=3)
    panel = open_tab(qtbot, page, "onlineShopPanel")
    minutes = widget(panel, QSpinBox, "reservationMinutes")
    assert minutes.value() == 15
    minutes.setValue(45)

    assert click_and_wait(qtbot, panel, "saveHoldButton")

    hold = services.reservations.reserve([("TEE", 1)])
    assert hold.expires_at == clock.now + timedelta(minutes=45)
    assert visible_text(panel, "onlineShopPanelNotice") == "Saved: the next checkouts hold their items for 45 minutes."


def test_ctrl_s_saves_the_shop_tab(qtbot: QtBot, page: AdminPage, services: Services) -> None:
    panel = open_tab(qtbot, page, "shopPanel")
    type_into(qtbot, panel, "shopName", "Boutique du Port")
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    name = widget(panel, QLineEdit, "shopName")
    name.setFocus()
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.settings.current().shop_name == "Boutique du Port"
