"""Registering a new customer from the counter's customer dialog, on a real database (both backends)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from pos_app.domain.promotions import Segment
from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.counter.customer_dialog import CustomerDialog, NewCustomerDialog
from tests.ui.counter_screen import TIMEOUT, button, click, dialog_of, text_of, type_into


def customer_dialog(qtbot: QtBot, services: Services, cashier: Actor) -> CustomerDialog:
    dialog = CustomerDialog(services, None, actor=cashier)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog


def new_customer_form(qtbot: QtBot, customers: CustomerDialog) -> NewCustomerDialog:
    click(qtbot, customers, "customerNew")
    form = dialog_of(qtbot, customers, NewCustomerDialog)
    partners = form.findChild(QComboBox, "newCustomerPartner")
    qtbot.waitUntil(lambda: partners.count() > 1, timeout=TIMEOUT)  # "None" and the partners, once read
    return form


def choose(form: NewCustomerDialog, name: str, text: str) -> None:
    combo = form.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findText(text))


def test_a_customer_registered_from_the_counter_is_chosen_for_the_ticket(
    qtbot: QtBot, services: Services, stock_manager: Actor, cashier: Actor
) -> None:
    services.customers.create_partner(
        stock_manager, name="Université X", kind="university", discount_percent=Decimal("5")
    )
    customers = customer_dialog(qtbot, services, cashier)
    assert button(customers, "customerNew").text() == "New customer (Ctrl+N)"

    form = new_customer_form(qtbot, customers)
    type_into(qtbot, form, "newCustomerName", "Aminata Diallo")
    type_into(qtbot, form, "newCustomerEmail", "aminata@example.com")
    type_into(qtbot, form, "newCustomerPhone", "+221 77 123 45 67")
    type_into(qtbot, form, "newCustomerVatNumber", "SN123456")
    choose(form, "newCustomerSegment", "Student")
    choose(form, "newCustomerPartner", "Université X -5 %")
    with qtbot.waitSignal(customers.accepted, timeout=TIMEOUT):
        click(qtbot, form, "newCustomerSave")

    chosen = customers.chosen
    assert chosen is not None
    assert (chosen.name, chosen.email, chosen.segment, chosen.partner) == (
        "Aminata Diallo",
        "aminata@example.com",
        Segment.STUDENT,
        "Université X",
    )
    assert [c.name for c in services.customers.search_customers("771234567")] == ["Aminata Diallo"]


def test_a_new_customer_without_a_name_or_with_a_wrong_email_is_refused_in_plain_words(
    qtbot: QtBot, services: Services, cashier: Actor
) -> None:
    customers = customer_dialog(qtbot, services, cashier)
    click(qtbot, customers, "customerNew")
    form = dialog_of(qtbot, customers, NewCustomerDialog)

    click(qtbot, form, "newCustomerSave")
    qtbot.waitUntil(lambda: bool(text_of(form, "newCustomerError")), timeout=TIMEOUT)
    assert text_of(form, "newCustomerError") == "name is required."

    type_into(qtbot, form, "newCustomerName", "Moussa Ba")
    type_into(qtbot, form, "newCustomerEmail", "moussa.example.com")
    click(qtbot, form, "newCustomerSave")
    qtbot.waitUntil(lambda: "moussa.example.com" in text_of(form, "newCustomerError"), timeout=TIMEOUT)

    assert text_of(form, "newCustomerError") == (
        "'moussa.example.com' is not an email address such as name@example.com."
    )
    assert form.isVisible() and form.findChild(QLineEdit, "newCustomerEmail").hasFocus()
    assert customers.chosen is None
    assert services.customers.search_customers("") == []
