"""The counter's category tiles: one category's active products, in name order, with their stock."""

from __future__ import annotations

import pytest

from pos_app.errors import ValidationError
from pos_app.services.inventory import CATEGORY_PRODUCTS_MAX
from tests.services.helpers import make_product


def test_a_category_lists_its_active_products_in_name_order_with_available_stock_and_variants(services, stock_manager):
    hoodie = make_product(services, stock_manager, sku="HOOD-S", name="Hoodie", category="Clothes", size="S")
    services.inventory.add_variant(stock_manager, hoodie.id, sku="HOOD-M", size="M")
    make_product(services, stock_manager, sku="CAP", name="Cap", category="Clothes")
    make_product(services, stock_manager, sku="MUG", name="Mug", category="Kitchen")
    services.inventory.receive(stock_manager, "HOOD-S", 4)
    services.inventory.receive(stock_manager, "HOOD-M", 2)
    services.reservations.reserve([("HOOD-M", 1)])

    rows = services.inventory.category_products("Clothes")

    assert [(r.name, r.sku, r.variant, r.available) for r in rows] == [
        ("Cap", "CAP", "", 0),
        ("Hoodie", "HOOD-S", "S", 4),
        ("Hoodie", "HOOD-M", "M", 1),
    ]


def test_inactive_products_and_variants_are_left_out(services, stock_manager):
    make_product(services, stock_manager, sku="CAP", name="Cap", category="Clothes")
    old = make_product(services, stock_manager, sku="OLD", name="Old coat", category="Clothes")
    scarf = make_product(services, stock_manager, sku="SCARF-RED", name="Scarf", category="Clothes")
    services.inventory.add_variant(stock_manager, scarf.id, sku="SCARF-BLUE")
    services.inventory.set_product_active(stock_manager, old.id, False)
    services.inventory.set_variant_active(stock_manager, "SCARF-RED", False)

    assert [r.sku for r in services.inventory.category_products("Clothes")] == ["CAP", "SCARF-BLUE"]


def test_the_limit_counts_products_not_variants(services, stock_manager):
    apron = make_product(services, stock_manager, sku="APRON-S", name="Apron", category="Kitchen")
    services.inventory.add_variant(stock_manager, apron.id, sku="APRON-L")
    make_product(services, stock_manager, sku="BOWL", name="Bowl", category="Kitchen")
    make_product(services, stock_manager, sku="CUP", name="Cup", category="Kitchen")

    rows = services.inventory.category_products("Kitchen", limit=2)

    assert [r.sku for r in rows] == ["APRON-S", "APRON-L", "BOWL"]


def test_an_unknown_category_has_no_products(services, stock_manager):
    make_product(services, stock_manager, sku="CAP", name="Cap", category="Clothes")

    assert services.inventory.category_products("Garden") == []


@pytest.mark.parametrize("limit", [0, -1, CATEGORY_PRODUCTS_MAX + 1])
def test_a_limit_out_of_range_is_refused(services, stock_manager, limit):
    make_product(services, stock_manager, sku="CAP", name="Cap", category="Clothes")

    with pytest.raises(ValidationError) as refused:
        services.inventory.category_products("Clothes", limit=limit)

    assert refused.value.field == "limit"
    assert str(CATEGORY_PRODUCTS_MAX) in str(refused.value)
