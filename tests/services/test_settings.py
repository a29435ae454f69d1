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
