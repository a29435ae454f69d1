from decimal import Decimal

import pytest

from pos_app.errors import PermissionDenied, ValidationError
from tests.services.helpers import make_product


def test_a_new_shop_sells_in_euros_with_the_french_vat_rates(services):
    settings = services.settings.current()
    assert settings.currency.code == "EUR"
    assert [str(r) for r in settings.vat_rates] == ["0", "2.1", "5.5", "10", "20"]


def test_a_shop_in_cfa_francs_has_whole_prices(services, admin, stock_manager):
    services.settings.update_identity(admin, shop_name="Boutique Dakar", currency_code="XOF")
    services.settings.add_vat_rates(admin, {Decimal("18"): "Sénégal"})
    with pytest.raises(ValidationError, match="more decimals than XOF"):
        make_product(services, stock_manager, price=Decimal("1500.50"), vat_rate=Decimal("18"))
    product = make_product(services, stock_manager, price=Decimal("1500"), vat_rate=Decimal("18"))
    assert str(product.price) == "1500"


def test_only_an_admin_changes_the_settings(services, stock_manager):
    with pytest.raises(PermissionDenied):
        services.settings.update_identity(stock_manager, currency_code="USD")
    with pytest.raises(ValidationError, match="Unknown currency"):
        services.settings.update_identity(services.auth.login("admin", "admin-password"), currency_code="EURO")


def test_the_shop_identity_printed_on_receipts_and_invoices_is_kept(services, admin):
    services.settings.update_identity(
        admin,
        shop_address="12 rue des Lilas\n75011 Paris",
        shop_vat_number="FR12345678901",
        legal_mentions="SAS au capital de 10 000 EUR",
    )
    shop = services.settings.current()
    assert shop.shop_address == "12 rue des Lilas\n75011 Paris"
    assert (shop.shop_vat_number, shop.legal_mentions) == ("FR12345678901", "SAS au capital de 10 000 EUR")
    with pytest.raises(ValidationError, match="Unknown shop setting"):
        services.settings.update_identity(admin, shop_colour="red")


def test_invoice_series_terms_and_language_are_checked(services, admin, accountant):
    shop = services.settings.update_invoicing(admin, series="FA", due_days=45, language="en")
    assert (shop.invoicing.series, shop.invoicing.credit_note_series, shop.invoicing.due_days) == ("FA", "AV", 45)
    assert shop.invoicing.language == "en"
    for bad, message in (
        ({"series": "f-1"}, "capital letter"),
        ({"due_days": -1}, "0 to 365 days"),
        ({"language": "de"}, "fr or en"),
        ({"credit_note_series": "FA"}, "different series"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.settings.update_invoicing(admin, **bad)
    with pytest.raises(PermissionDenied):
        services.settings.update_invoicing(accountant, due_days=10)
    assert services.settings.current().invoicing == shop.invoicing


def test_a_logo_is_a_small_png_or_jpeg(services, admin, cashier):
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    services.settings.set_logo(admin, png)
    assert services.settings.logo().startswith("data:image/png;base64,")
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        services.settings.set_logo(admin, b"GIF89a")
    with pytest.raises(ValidationError, match="at most 512 KB"):
        services.settings.set_logo(admin, png + bytes(600 * 1024))
    with pytest.raises(PermissionDenied):
        services.settings.set_logo(cashier, None)
    services.settings.set_logo(admin, None)
    assert services.settings.logo() is None
