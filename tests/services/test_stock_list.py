from decimal import Decimal

import pytest

from pos_app.errors import ValidationError
from pos_app.services.stock_list import StockCounts, StockQuery, StockSort
from tests.services.helpers import make_product


@pytest.fixture
def shop(services, stock_manager):
    """Six SKUs: two products with variants, one low on stock, one out of stock, one inactive."""
    make_product(services, stock_manager, sku="TEE-S", name="T-shirt", size="S", properties={"colour": "Écru"})
    services.inventory.add_variant(stock_manager, services.inventory.product_of("TEE-S").id, sku="TEE-M", size="M")
    make_product(services, stock_manager, sku="MUG", name="Mug", price=Decimal("8.50"), low_stock_threshold=5)
    make_product(services, stock_manager, sku="CAP", name="Cap", price=Decimal("12.00"), low_stock_threshold=1)
    make_product(services, stock_manager, sku="BAG", name="Bag", price=Decimal("30.00"))
    make_product(services, stock_manager, sku="OLD", name="Old thing")
    services.inventory.set_variant_active(stock_manager, "OLD", False)
    for sku, units in (("TEE-S", 10), ("TEE-M", 20), ("MUG", 3), ("BAG", 7)):
        services.inventory.receive(stock_manager, sku, units)
    return services


def skus(page):
    return [row.sku for row in page.rows]


def test_the_first_page_lists_active_skus_in_product_name_order(shop):
    page = shop.stock_list.page(StockQuery())

    assert skus(page) == ["BAG", "CAP", "MUG", "TEE-S", "TEE-M"]
    assert page.is_last
    assert [(r.on_hand, r.reserved, r.available) for r in page.rows][:3] == [(7, 0, 7), (0, 0, 0), (3, 0, 3)]


def test_pages_follow_each_other_without_gaps_or_repeats_in_every_order(shop):
    for sort in StockSort:
        for descending in (False, True):
            query = StockQuery(sort=sort, descending=descending)
            everything = skus(shop.stock_list.page(query, limit=100))
            paged, after = [], None
            while True:
                page = shop.stock_list.page(query, after, limit=2)
                paged += skus(page)
                if page.is_last:
                    break
                after = page.after
            assert paged == everything, (sort, descending)
            assert sorted(paged) == ["BAG", "CAP", "MUG", "TEE-M", "TEE-S"]


def test_sorting_by_available_counts_units_held_for_online_orders(shop):
    shop.reservations.reserve(lines=[("TEE-M", 18)])

    page = shop.stock_list.page(StockQuery(sort=StockSort.AVAILABLE))

    available = [(r.sku, r.available) for r in page.rows]
    assert available == [("CAP", 0), ("TEE-M", 2), ("MUG", 3), ("BAG", 7), ("TEE-S", 10)]


def test_sorting_by_price_uses_the_price_a_unit_sells_for(shop):
    page = shop.stock_list.page(StockQuery(sort=StockSort.PRICE, descending=True))

    assert [(r.sku, r.unit_price) for r in page.rows][:3] == [
        ("BAG", Decimal("30.00")),
        ("TEE-M", Decimal("19.90")),
        ("TEE-S", Decimal("19.90")),
    ]


def test_the_filter_matches_every_word_ignoring_case_and_accents(shop):
    assert skus(shop.stock_list.page(StockQuery(text="ECRU shirt"))) == ["TEE-S"]
    assert skus(shop.stock_list.page(StockQuery(text="tee"))) == ["TEE-S", "TEE-M"]
    assert skus(shop.stock_list.page(StockQuery(text="nothing like it"))) == []
    assert shop.stock_list.count(StockQuery(text="tee")) == 2


def test_low_stock_only_keeps_skus_at_or_below_their_alert_level(shop):
    shop.reservations.reserve(lines=[("TEE-M", 20)])

    query = StockQuery(low_stock_only=True)

    assert skus(shop.stock_list.page(query)) == ["CAP", "MUG", "TEE-M"]
    assert shop.stock_list.count(query) == 3


def test_the_counts_give_the_whole_list_and_its_low_stock_skus(shop):
    assert shop.stock_list.counts() == StockCounts(total=5, low_stock=2)


def test_an_impossible_page_size_is_refused(shop):
    with pytest.raises(ValidationError) as refused:
        shop.stock_list.page(StockQuery(), limit=0)
    assert refused.value.field == "limit"
