"""What the admin's pages change through the services: identity checks, hold length, VAT rates, registers, PINs."""

from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.errors import AuthError, Conflict, NotFound, PermissionDenied, TillClosed, ValidationError
from pos_app.services import open_services
from tests.services.helpers import make_product


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("shop_vat_number", "not a number", "is not a VAT number"),
        ("shop_vat_number", "FR 123@456", "is not a VAT number"),
        ("shop_vat_number", "FR" + "1" * 21, "is not a VAT number"),
        ("shop_email", "contact.example.com", "is not an email address"),
        ("shop_phone", "call me", "is not a phone number"),
    ],
)
def test_a_bad_vat_number_email_or_phone_names_its_field_and_saves_nothing(services, admin, field, bad, message):
    before = services.settings.current()
    with pytest.raises(ValidationError, match=message) as refused:
        services.settings.update_identity(admin, shop_name="Boutique Lumière", **{field: bad})
    assert refused.value.field == field
    assert services.settings.current() == before


def test_vat_numbers_emails_and_phones_are_kept_as_typed(services, admin):
    shop = services.settings.update_identity(
        admin, shop_vat_number="FR 40 303 265 045", shop_email="bonjour@lumiere.example", shop_phone="+33 1 23 45 67 89"
    )
    assert (shop.shop_vat_number, shop.shop_email, shop.shop_phone) == (
        "FR 40 303 265 045",
        "bonjour@lumiere.example",
        "+33 1 23 45 67 89",
    )
    cleared = services.settings.update_identity(admin, shop_vat_number="", shop_email="")
    assert (cleared.shop_vat_number, cleared.shop_email) == ("", "")


# ----- how long an online checkout holds its stock ---------------------------------------------------------


@pytest.fixture
def online_shop(database_url, clock, gateway, stock_manager):
    """Services paying through localstripe, with 5 T-shirts in stock."""
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    make_product(svc, stock_manager, sku="TEE")
    svc.inventory.receive(stock_manager, "TEE", 5)
    yield svc
    svc.close()


def test_a_checkout_holds_the_stock_for_the_length_the_admin_set(online_shop, admin, clock, monkeypatch):
    monkeypatch.delenv("POS_RESERVATION_MINUTES", raising=False)
    assert online_shop.settings.current().reservation_minutes == 15
    online_shop.settings.update_reservations(admin, minutes=40)

    result = online_shop.payments.checkout([("TEE", 2)], "ana@example.com")

    assert result.expires_at == clock.now + timedelta(minutes=40)
    clock.advance(minutes=39)
    assert online_shop.inventory.level("TEE").available == 3
    clock.advance(minutes=1)
    assert online_shop.inventory.level("TEE").available == 5


def test_pos_reservation_minutes_in_the_environment_wins_over_the_setting(services, admin, clock, monkeypatch):
    make_product(services, admin, sku="TEE")
    services.inventory.receive(admin, "TEE", 5)
    services.settings.update_reservations(admin, minutes=40)
    monkeypatch.setenv("POS_RESERVATION_MINUTES", "5")

    hold = services.reservations.reserve([("TEE", 1)])

    assert hold.expires_at == clock.now + timedelta(minutes=5)
    assert services.settings.current().reservation_minutes == 40


@pytest.mark.parametrize("bad", [0, 1441, -5, True, "30"])
def test_a_hold_length_outside_one_minute_to_a_day_is_refused(services, admin, bad):
    with pytest.raises(ValidationError, match="from 1 to 1440 minutes") as refused:
        services.settings.update_reservations(admin, minutes=bad)
    assert refused.value.field == "reservation_minutes"
    assert services.settings.current().reservation_minutes == 15


def test_only_an_admin_sets_the_hold_length(services, stock_manager):
    with pytest.raises(PermissionDenied):
        services.settings.update_reservations(stock_manager, minutes=30)
    assert services.settings.current().reservation_minutes == 15


# ----- VAT rates --------------------------------------------------------------------------------------------


def test_the_vat_rate_list_counts_the_products_at_each_rate(services, admin, stock_manager):
    services.settings.add_vat_rates(admin, {Decimal("18"): "Sénégal"})
    make_product(services, stock_manager, sku="TEE", vat_rate=Decimal("20"))
    make_product(services, stock_manager, sku="CAP", vat_rate=Decimal("20"))
    make_product(services, stock_manager, sku="BOOK", vat_rate=Decimal("5.5"))

    listed = {str(r.rate): (r.label, r.products) for r in services.settings.vat_rate_list()}

    assert listed["20"][1] == 2 and listed["5.5"][1] == 1
    assert listed["18"] == ("Sénégal", 0)
    assert list(listed) == ["0", "2.1", "5.5", "10", "18", "20"]


def test_an_unused_vat_rate_is_removed_and_products_can_no_longer_use_it(services, admin, stock_manager):
    shop = services.settings.remove_vat_rate(admin, Decimal("2.1"))

    assert [str(r) for r in shop.vat_rates] == ["0", "5.5", "10", "20"]
    with pytest.raises(ValidationError):
        make_product(services, stock_manager, sku="PAPER", vat_rate=Decimal("2.1"))


def test_a_vat_rate_some_product_uses_is_kept(services, admin, stock_manager):
    make_product(services, stock_manager, sku="BOOK", vat_rate=Decimal("5.5"))
    with pytest.raises(Conflict, match="1 product"):
        services.settings.remove_vat_rate(admin, Decimal("5.5"))
    with pytest.raises(NotFound, match="no VAT rate of 7 %"):
        services.settings.remove_vat_rate(admin, Decimal("7"))
    with pytest.raises(PermissionDenied):
        services.settings.remove_vat_rate(stock_manager, Decimal("0"))
    assert [str(r) for r in services.settings.current().vat_rates] == ["0", "2.1", "5.5", "10", "20"]


def test_a_rate_with_four_decimals_or_a_long_label_is_refused_and_nothing_is_added(services, admin):
    with pytest.raises(ValidationError, match="at most 3 decimals"):
        services.settings.add_vat_rates(admin, {Decimal("5.5555"): "Odd"})
    with pytest.raises(ValidationError, match="label is too long") as refused:
        services.settings.add_vat_rates(admin, {Decimal("18"): "x" * 81})
    assert refused.value.field == "label"
    assert [str(r.rate) for r in services.settings.vat_rate_list()] == ["0", "2.1", "5.5", "10", "20"]


# ----- registers --------------------------------------------------------------------------------------------


def test_a_deactivated_register_is_listed_for_the_admin_but_opens_no_till(services, admin, cashier):
    services.pos.add_register(admin, "r2", "Back counter")
    services.pos.set_register_active(admin, "R2", False)

    assert [(r.code, r.name, r.active) for r in services.pos.register_list(admin)] == [
        ("R1", "Counter 1", True),
        ("R2", "Back counter", False),
    ]
    assert services.pos.registers() == [("R1", "Counter 1")]
    with pytest.raises(NotFound, match="The registers are: R1"):
        services.pos.open_session(cashier, "R2", Decimal("50"))

    services.pos.set_register_active(admin, "R2", True)
    assert services.pos.open_session(cashier, "R2", Decimal("50")).register == "R2"


def test_a_register_whose_till_is_open_stays_active(services, admin, cashier):
    services.pos.open_session(cashier, "R1", Decimal("50"))
    assert [r.till_open for r in services.pos.register_list(admin)] == [True]

    with pytest.raises(Conflict, match="close it first"):
        services.pos.set_register_active(admin, "R1", False)

    assert services.pos.registers() == [("R1", "Counter 1")]
    services.pos.close_session(cashier, Decimal("50"))
    with pytest.raises(TillClosed):
        services.pos.x_report(cashier, "R1")
    services.pos.set_register_active(admin, "R1", False)
    assert services.pos.registers() == []


def test_only_an_admin_lists_or_deactivates_registers(services, admin, cashier):
    with pytest.raises(PermissionDenied):
        services.pos.register_list(cashier)
    with pytest.raises(PermissionDenied):
        services.pos.set_register_active(cashier, "R1", False)
    with pytest.raises(NotFound, match="No register 'R9'"):
        services.pos.set_register_active(admin, "R9", False)
    with pytest.raises(ValidationError, match="exists already"):
        services.pos.add_register(admin, "R1", "Again")
    assert services.pos.registers() == [("R1", "Counter 1")]


# ----- users ------------------------------------------------------------------------------------------------


def test_the_user_list_says_who_has_a_pin_and_an_admin_clears_it(services, admin, cashier):
    services.auth.set_pin(cashier, "4321")
    assert {u.username: u.has_pin for u in services.auth.users(admin)}["cashier"] is True

    services.auth.set_pin(admin, None, username="cashier")

    assert {u.username: u.has_pin for u in services.auth.users(admin)}["cashier"] is False
    with pytest.raises(AuthError, match="no PIN yet"):
        services.auth.login_with_pin("cashier", "4321")
