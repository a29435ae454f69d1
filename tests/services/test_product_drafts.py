from decimal import Decimal

import pytest

from pos_app.errors import InvalidFields, NotFound, PermissionDenied
from pos_app.services.product_drafts import ProductDraft, VariantDraft
from tests.services.helpers import make_product, visible_state


def polo(**changes):
    values = {
        "name": "Polo piqué",
        "price": "35.00",
        "vat_rate": "20",
        "category": "Vêtements",
        "brand": "Acme",
        "promo_price": "29.90",
        "variants": (
            VariantDraft(sku="POLO-M", size="M", colour="Marine", barcode="4006381333931", low_stock_threshold=2),
            VariantDraft(sku="POLO-L", size="L", colour="Marine", price_override="37.00"),
        ),
    }
    values.update(changes)
    return ProductDraft(**values)


def test_a_product_with_two_sizes_is_created_in_one_save(services, stock_manager):
    product = services.inventory.save_product(stock_manager, polo())

    assert (product.name, product.category, product.brand, product.price, product.promo_price) == (
        "Polo piqué",
        "Vêtements",
        "Acme",
        Decimal("35.00"),
        Decimal("29.90"),
    )
    assert [(v.sku, v.label, v.barcode, v.unit_price, v.low_stock_threshold) for v in product.variants] == [
        ("POLO-M", "M / Marine", "4006381333931", Decimal("29.90"), 2),
        ("POLO-L", "L / Marine", None, Decimal("37.00"), 0),
    ]
    assert services.inventory.find_by_barcode("4006381333931").sku == "POLO-M"


def test_saving_again_updates_the_product_adds_a_variant_and_deactivates_one(services, stock_manager):
    created = services.inventory.save_product(stock_manager, polo())
    m, large = (
        VariantDraft(sku="POLO-M", size="M", colour="Rouge", barcode="4006381333931"),
        VariantDraft(sku="POLO-L", size="L", colour="Marine", active=False),
    )
    xl = VariantDraft(sku="POLO-XL", size="XL", colour="Marine")

    product = services.inventory.save_product(
        stock_manager, polo(id=created.id, name="Polo", promo_price="", variants=(m, large, xl))
    )

    assert product.name == "Polo"
    assert product.promo_price is None
    assert [(v.sku, v.label, v.active, v.unit_price) for v in product.variants] == [
        ("POLO-M", "M / Rouge", True, Decimal("35.00")),
        ("POLO-L", "L / Marine", False, Decimal("35.00")),
        ("POLO-XL", "XL / Marine", True, Decimal("35.00")),
    ]


def test_every_bad_field_is_named_and_nothing_is_saved(services, stock_manager):
    make_product(services, stock_manager, sku="TAKEN", barcode="5901234123457")
    before = visible_state(services)
    draft = polo(
        name="",
        price="-3",
        vat_rate="7",
        variants=(
            VariantDraft(sku="TAKEN", size="M"),
            VariantDraft(sku="POLO-L", barcode="5901234123457", low_stock_threshold="-1"),
            VariantDraft(sku="POLO-L", barcode="4006381333932"),
        ),
    )

    with pytest.raises(InvalidFields) as refused:
        services.inventory.save_product(stock_manager, draft)

    assert sorted(refused.value.problems) == [
        "name",
        "price",
        "variants.0.sku",
        "variants.1.barcode",
        "variants.1.low_stock_threshold",
        "variants.2.barcode",
        "variants.2.sku",
        "vat_rate",
    ]
    assert "already exists" in refused.value.problems["variants.0.sku"]
    assert "belongs to SKU 'TAKEN'" in refused.value.problems["variants.1.barcode"]
    assert "check digit" in refused.value.problems["variants.2.barcode"]
    assert visible_state(services) == before


def test_a_promo_price_above_the_price_and_a_product_without_variants_are_refused(services, stock_manager):
    with pytest.raises(InvalidFields) as refused:
        services.inventory.save_product(stock_manager, polo(promo_price="40.00", variants=()))

    assert sorted(refused.value.problems) == ["promo_price", "variants"]


def test_only_a_catalogue_manager_saves_and_an_unknown_product_is_not_found(services, stock_manager, cashier):
    with pytest.raises(PermissionDenied):
        services.inventory.save_product(cashier, polo())
    with pytest.raises(NotFound):
        services.inventory.save_product(stock_manager, polo(id=999))
