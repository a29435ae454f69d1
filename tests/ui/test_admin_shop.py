"""The admin's shop, taxes, invoices and registers tabs on a real database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.invoices import CustomerDetails
from pos_app.ui.admin.admin_page import AdminPage
from pos_app.ui.admin.registers_panel import RegisterColumn
from pos_app.ui.admin.taxes_panel import RateColumn
from tests.ui.admin_screen import (
    TIMEOUT,
    click,
    click_and_wait,
    column_texts,
    error_under,
    open_admin_page,
    open_tab,
    select_row_showing,
    type_into,
    visible_text,
    widget,
)
from tests.ui.screen import add_product


@pytest.fixture
def page(qtbot: QtBot, services: Services, admin: Actor) -> AdminPage:
    return open_admin_page(qtbot, services, admin)


# ----- shop identity ----------------------------------------------------------------------------------------


def test_the_identity_saved_shows_on_the_next_receipt_and_invoice(
    qtbot: QtBot, page: AdminPage, services: Services, stock_manager: Actor, cashier: Actor
) -> None:
    panel = open_tab(qtbot, page, "shopPanel")
    type_into(qtbot, panel, "shopName", "Boutique Lumière")
    widget(panel, QPlainTextEdit, "shopAddress").setPlainText("3 rue Haute\n75003 Paris")
    type_into(qtbot, panel, "shopVatNumber", "FR40303265045")
    type_into(qtbot, panel, "shopEmail", "bonjour@lumiere.example")
    widget(panel, QPlainTextEdit, "legalMentions").setPlainText("SAS au capital de 10 000 €")

    assert click_and_wait(qtbot, panel, "saveShopButton")

    assert visible_text(panel, "shopPanelNotice") == "Saved: the next receipts and invoices print it."
    add_product(services, stock_manager, "TEE", "T-shirt", stock=5)
    services.pos.open_session(cashier, "R1", Decimal("50"))
    sale = services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("10.00"))])
    receipt = services.receipts.receipt(sale.number)
    assert (receipt.shop.name, receipt.shop.address) == ("Boutique Lumière", "3 rue Haute\n75003 Paris")
    assert (receipt.shop.vat_number, receipt.shop.email) == ("FR40303265045", "bonjour@lumiere.example")
    invoice = services.invoices.issue(cashier, sale.number, CustomerDetails("ACME SARL", "1 place du Marché"))
    assert (invoice.seller["name"], invoice.seller["vat_number"]) == ("Boutique Lumière", "FR40303265045")


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("shopVatNumber", "FR 123@456", "'FR 123@456' is not a VAT number"),
        ("shopEmail", "bonjour.lumiere.example", "'bonjour.lumiere.example' is not an email address"),
        ("shopPhone", "call us", "'call us' is not a phone number"),
    ],
)
def test_a_bad_vat_number_email_or_phone_shows_under_its_field_and_saves_nothing(
    qtbot: QtBot, page: AdminPage, services: Services, field: str, bad: str, message: str
) -> None:
    before = services.settings.current()
    panel = open_tab(qtbot, page, "shopPanel")
    type_into(qtbot, panel, "shopName", "A new name")
    type_into(qtbot, panel, field, bad)

    assert not click_and_wait(qtbot, panel, "saveShopButton")

    assert error_under(panel, field).startswith(message)
    others = {"shopName", "shopVatNumber", "shopEmail", "shopPhone"} - {field}
    assert {error_under(panel, other) for other in others} == {""}
    assert visible_text(panel, "shopPanelNotice") == ""
    assert services.settings.current() == before


def test_a_chosen_logo_is_previewed_and_printed_on_invoices_and_a_text_file_is_refused(
    qtbot: QtBot, page: AdminPage, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f5d8a"))
    assert image.save(str(logo))
    notes = tmp_path / "notes.png"
    notes.write_text("not an image")
    chosen = iter([str(logo), str(notes)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (next(chosen), ""))
    panel = open_tab(qtbot, page, "shopPanel")
    preview = widget(panel, QLabel, "logoPreview")
    assert preview.text() == "No logo"

    assert click_and_wait(qtbot, panel, "chooseLogoButton")
    assert not preview.pixmap().isNull()
    assert services.settings.logo().startswith("data:image/png;base64,")
    assert widget(panel, QPushButton, "removeLogoButton").isEnabled()

    assert not click_and_wait(qtbot, panel, "chooseLogoButton")
    assert visible_text(panel, "shopPanelError") == "The logo must be a PNG or JPEG image."
    assert services.settings.logo().startswith("data:image/png;base64,")

    assert click_and_wait(qtbot, panel, "removeLogoButton")
    assert services.settings.logo() is None
    assert preview.text() == "No logo"


# ----- taxes and invoices -----------------------------------------------------------------------------------


def test_an_admin_adds_a_vat_rate_and_removes_one_no_product_uses(
    qtbot: QtBot, page: AdminPage, services: Services, stock_manager: Actor
) -> None:
    add_product(services, stock_manager, "TEE", "T-shirt")  # at 20 %
    panel = open_tab(qtbot, page, "taxesPanel")
    table = widget(panel, QTableView, "vatRatesTable")
    type_into(qtbot, panel, "vatRate", "18")
    type_into(qtbot, panel, "vatRateLabel", "Sénégal")

    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "addVatRateButton")

    assert column_texts(table, RateColumn.RATE) == ["0 %", "2.1 %", "5.5 %", "10 %", "18 %", "20 %"]
    assert Decimal("18") in services.settings.current().vat_rates
    select_row_showing(table, "20 %")
    remove = widget(panel, QPushButton, "removeVatRateButton")
    assert not remove.isEnabled()
    assert remove.toolTip() == "Products use this rate: move them to another one first."

    select_row_showing(table, "2.1 %")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "removeVatRateButton")
    assert "2.1 %" not in column_texts(table, RateColumn.RATE)
    assert [str(r) for r in services.settings.current().vat_rates] == ["0", "5.5", "10", "18", "20"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [("abc", "Type a rate in percent, such as 20 or 5.5."), ("150", "must be a percentage from 0 to 99.999")],
)
def test_a_bad_vat_rate_shows_under_the_rate_and_adds_nothing(
    qtbot: QtBot, page: AdminPage, services: Services, typed: str, message: str
) -> None:
    panel = open_tab(qtbot, page, "taxesPanel")
    type_into(qtbot, panel, "vatRate", typed)
    click(qtbot, panel, "addVatRateButton")
    qtbot.waitUntil(lambda: error_under(panel, "vatRate") != "", timeout=TIMEOUT)
    assert message in error_under(panel, "vatRate")
    assert [str(r) for r in services.settings.current().vat_rates] == ["0", "2.1", "5.5", "10", "20"]


def test_invoice_series_errors_show_under_the_series_and_good_settings_are_saved(
    qtbot: QtBot, page: AdminPage, services: Services
) -> None:
    panel = open_tab(qtbot, page, "invoicingPanel")
    type_into(qtbot, panel, "invoiceSeries", "f-1")
    assert not click_and_wait(qtbot, panel, "saveInvoicingButton")
    assert error_under(panel, "invoiceSeries").startswith("A series is a capital letter")
    assert services.settings.current().invoicing.series == "F"

    type_into(qtbot, panel, "invoiceSeries", "fa")
    widget(panel, QSpinBox, "dueDays").setValue(45)
    language = widget(panel, QComboBox, "invoiceLanguage")
    language.setCurrentIndex(language.findText("English"))
    assert click_and_wait(qtbot, panel, "saveInvoicingButton")

    invoicing = services.settings.current().invoicing
    assert (invoicing.series, invoicing.due_days, invoicing.language) == ("FA", 45, "en")
    assert error_under(panel, "invoiceSeries") == ""


# ----- registers --------------------------------------------------------------------------------------------


def test_an_admin_adds_a_register_and_deactivates_it(qtbot: QtBot, page: AdminPage, services: Services) -> None:
    panel = open_tab(qtbot, page, "registersPanel")
    table = widget(panel, QTableView, "registersTable")
    type_into(qtbot, panel, "registerCode", "r2")
    type_into(qtbot, panel, "registerName", "Counter by the door")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "addRegisterButton")
    assert column_texts(table, RegisterColumn.CODE) == ["R1", "R2"]
    assert services.pos.registers() == [("R1", "Counter 1"), ("R2", "Counter by the door")]

    select_row_showing(table, "R2")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        click(qtbot, panel, "toggleRegisterButton")
    assert column_texts(table, RegisterColumn.STATUS) == ["Active", "Deactivated"]
    assert services.pos.registers() == [("R1", "Counter 1")]


def test_a_taken_register_code_shows_under_the_code_and_an_open_till_keeps_its_register(
    qtbot: QtBot, page: AdminPage, services: Services, cashier: Actor
) -> None:
    services.pos.open_session(cashier, "R1", Decimal("50"))
    panel = open_tab(qtbot, page, "registersPanel")
    type_into(qtbot, panel, "registerCode", "R1")
    type_into(qtbot, panel, "registerName", "Again")
    assert not click_and_wait(qtbot, panel, "addRegisterButton")
    assert error_under(panel, "registerCode") == "A register R1 exists already."

    select_row_showing(widget(panel, QTableView, "registersTable"), "R1")
    toggle = widget(panel, QPushButton, "toggleRegisterButton")
    assert not toggle.isEnabled()
    assert toggle.toolTip() == "Its till is open: close it first."
    assert services.pos.registers() == [("R1", "Counter 1")]
