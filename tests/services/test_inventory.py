from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.domain.stock import MovementKind
from pos_app.errors import Conflict, InsufficientStock, NotFound, PermissionDenied, ValidationError
from tests.services.helpers import make_product, visible_state


def test_a_new_product_has_one_sku_with_no_stock(services, stock_manager):
    product = make_product(
        services,
        stock_manager,
        sku="TEE-M",
        barcode="4006381333931",
        size="M",
        properties={"colour": "Red"},
        category="Clothes",
        brand="Acme",
    )
    assert [v.sku for v in product.variants] == ["TEE-M"]
    assert product.variants[0].label == "M / Red"
    assert (product.category, product.brand, product.price, product.vat_rate) == (
        "Clothes",
        "Acme",
        Decimal("19.90"),
        Decimal("20"),
    )
    level = services.inventory.level("TEE-M")
    assert (level.on_hand, level.reserved, level.available) == (0, 0, 0)


def test_variants_share_the_product_and_may_have_their_own_price(services, stock_manager):
    product = make_product(services, stock_manager, sku="TEE-S", size="S", promo_price=Decimal("15.00"))
    product = services.inventory.add_variant(
        stock_manager, product.id, sku="TEE-XL", size="XL", price_override=Decimal("21.90")
    )
    prices = {v.sku: v.unit_price for v in product.variants}
    assert prices == {"TEE-S": Decimal("15.00"), "TEE-XL": Decimal("21.90")}


def test_receiving_and_adjusting_write_movements_with_before_and_after(services, stock_manager, clock):
    make_product(services, stock_manager)
    services.inventory.receive(stock_manager, "TEE-M", 10, reason="Delivery", reference="BL-1")
    clock.advance(minutes=5)
    loss = services.inventory.adjust(stock_manager, "TEE-M", -2, "loss", "Torn in the fitting room")
    assert (loss.stock_before, loss.stock_after, loss.actor) == (10, 8, "stock")
    history = services.inventory.history(sku="TEE-M")
    assert [(m.kind, m.quantity, m.stock_before, m.stock_after) for m in history] == [
        (MovementKind.LOSS, -2, 10, 8),
        (MovementKind.RESTOCK, 10, 0, 10),
    ]
    assert history[1].reference == "BL-1"
    assert history[0].at == clock.now
    assert services.inventory.level("TEE-M").on_hand == 8


def test_removing_more_than_on_hand_fails_and_writes_nothing(services, stock_manager):
    make_product(services, stock_manager)
    services.inventory.receive(stock_manager, "TEE-M", 3)
    before = visible_state(services)
    with pytest.raises(InsufficientStock) as error:
        services.inventory.adjust(stock_manager, "TEE-M", -4, "adjustment", "count")
    assert (error.value.sku, error.value.requested, error.value.available) == ("TEE-M", 4, 3)
    assert "TEE-M: 4 requested, 3 available" in str(error.value)
    assert visible_state(services) == before


@pytest.mark.parametrize(
    "delta",
    [0, 1.5, "two", None, True, 1_000_001, -1_000_001, 10**40],
)
def test_bad_quantities_are_refused_and_nothing_is_written(services, stock_manager, delta):
    make_product(services, stock_manager)
    services.inventory.receive(stock_manager, "TEE-M", 5)
    before = visible_state(services)
    with pytest.raises(ValidationError):
        services.inventory.adjust(stock_manager, "TEE-M", delta, "adjustment", "count")
    assert visible_state(services) == before


@pytest.mark.parametrize("quantity", [0, -3, 2.5])
def test_receiving_needs_a_positive_whole_quantity(services, stock_manager, quantity):
    make_product(services, stock_manager)
    with pytest.raises(ValidationError):
        services.inventory.receive(stock_manager, "TEE-M", quantity)
    assert services.inventory.history() == []


def test_an_adjustment_needs_a_reason(services, stock_manager):
    make_product(services, stock_manager)
    with pytest.raises(ValidationError, match="reason is required"):
        services.inventory.adjust(stock_manager, "TEE-M", 2, "adjustment", "   ")


def test_unknown_sku_is_reported_by_name(services, stock_manager):
    with pytest.raises(NotFound, match="Unknown SKU 'NOPE'"):
        services.inventory.adjust(stock_manager, "NOPE", 1, "adjustment", "count")
    with pytest.raises(NotFound):
        services.inventory.level("NOPE")
    with pytest.raises(NotFound, match="No product has the barcode"):
        services.inventory.find_by_barcode("0000000000000")


def test_duplicate_sku_or_barcode_is_a_conflict_and_nothing_is_written(services, stock_manager):
    make_product(services, stock_manager, sku="A", barcode="4006381333931")
    before = visible_state(services)
    with pytest.raises(Conflict, match="SKU 'A' already exists"):
        make_product(services, stock_manager, sku="A", name="Other")
    with pytest.raises(Conflict, match="already belongs to SKU 'A'"):
        make_product(services, stock_manager, sku="B", barcode="4006381333931")
    assert visible_state(services) == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "product name is required"),
        ({"name": "x" * 201}, "too long"),
        ({"price": Decimal("-1")}, "cannot be negative"),
        ({"price": "abc"}, "must be a number"),
        ({"price": 19.9}, "decimal amount"),
        ({"price": Decimal("1.999")}, "more decimals than EUR"),
        ({"vat_rate": Decimal("7")}, "not one of the shop's rates"),
        ({"vat_rate": "abc"}, "percentage"),
        ({"promo_price": Decimal("25.00")}, "lower than the price"),
        ({"low_stock_threshold": -1}, "low_stock_threshold"),
        ({"barcode": "4006381333932"}, "wrong check digit"),
        ({"description": "d" * 5001}, "too long"),
    ],
)
def test_bad_product_fields_are_refused_with_a_specific_message(services, stock_manager, fields, message):
    before = visible_state(services)
    with pytest.raises(ValidationError, match=message):
        make_product(services, stock_manager, **fields)
    assert visible_state(services) == before


def test_bad_sku_codes_are_refused(services, stock_manager):
    for code in ["", "has space", "x" * 65]:
        with pytest.raises(ValidationError):
            make_product(services, stock_manager, sku=code)
    assert visible_state(services)[0].count("\n") == 1


def test_a_cashier_cannot_adjust_stock_or_edit_the_catalogue(services, stock_manager, cashier):
    make_product(services, stock_manager)
    with pytest.raises(PermissionDenied, match=r"cashier \(Cashier\) may not receive or adjust stock"):
        services.inventory.adjust(cashier, "TEE-M", 5, "adjustment", "count")
    with pytest.raises(PermissionDenied):
        services.inventory.receive(cashier, "TEE-M", 5)
    with pytest.raises(PermissionDenied):
        make_product(services, cashier, sku="C")
    assert services.inventory.history() == []


def test_an_accountant_can_read_stock_but_not_change_it(services, stock_manager, accountant):
    make_product(services, stock_manager)
    with pytest.raises(PermissionDenied):
        services.inventory.adjust(accountant, "TEE-M", 1, "adjustment", "count")
    assert services.inventory.level("TEE-M").on_hand == 0


def test_updating_a_product_changes_what_search_finds(services, stock_manager):
    product = make_product(services, stock_manager)
    services.inventory.update_product(stock_manager, product.id, name="Polo piqué", price=Decimal("29.00"))
    found = services.inventory.search("polo pique")
    assert [(r.sku, r.unit_price) for r in found] == [("TEE-M", Decimal("29.00"))]
    assert services.inventory.search("t-shirt") == []


def test_updating_with_an_unknown_field_is_refused(services, stock_manager):
    product = make_product(services, stock_manager)
    with pytest.raises(ValidationError, match="Cannot change colour"):
        services.inventory.update_product(stock_manager, product.id, colour="red")


def test_update_variant_checks_barcode_uniqueness(services, stock_manager):
    make_product(services, stock_manager, sku="A", barcode="4006381333931")
    make_product(services, stock_manager, sku="B", name="Other")
    with pytest.raises(Conflict):
        services.inventory.update_variant(stock_manager, "B", barcode="4006381333931")
    services.inventory.update_variant(stock_manager, "B", barcode="5901234123457", low_stock_threshold=4)
    assert services.inventory.find_by_barcode("5901234123457").low_stock_threshold == 4


def test_deactivated_products_leave_the_stock_list_but_keep_their_history(services, stock_manager):
    product = make_product(services, stock_manager)
    services.inventory.receive(stock_manager, "TEE-M", 2)
    services.inventory.set_product_active(stock_manager, product.id, False)
    assert services.inventory.stock_list() == []
    assert [r.sku for r in services.inventory.stock_list(include_inactive=True)] == ["TEE-M"]
    assert len(services.inventory.history(sku="TEE-M")) == 1
    assert services.inventory.search("shirt") == []


def test_low_stock_lists_skus_at_or_below_their_threshold(services, stock_manager):
    make_product(services, stock_manager, sku="LOW", low_stock_threshold=5)
    make_product(services, stock_manager, sku="OK", name="Cap", low_stock_threshold=5)
    services.inventory.receive(stock_manager, "LOW", 5)
    services.inventory.receive(stock_manager, "OK", 6)
    assert [r.sku for r in services.inventory.low_stock()] == ["LOW"]
    assert services.inventory.level("LOW").low_stock
    assert not services.inventory.level("OK").low_stock


def test_history_filters_by_kind_user_and_period(services, stock_manager, admin, clock):
    make_product(services, stock_manager)
    start = clock.now
    services.inventory.receive(stock_manager, "TEE-M", 10)
    clock.advance(days=1)
    services.inventory.adjust(admin, "TEE-M", -1, "loss", "Stolen")
    clock.advance(days=1)
    services.inventory.adjust(stock_manager, "TEE-M", 2, "adjustment", "Found in the back room")
    assert [m.kind for m in services.inventory.history(kind="loss")] == [MovementKind.LOSS]
    with pytest.raises(ValidationError, match="Unknown movement kind 'theft'"):
        services.inventory.history(kind="theft")
    assert [m.actor for m in services.inventory.history(user="admin")] == ["admin"]
    day_two = services.inventory.history(since=start + timedelta(days=1), until=start + timedelta(days=2))
    assert [m.reason for m in day_two] == ["Stolen"]
    assert len(services.inventory.history(limit=2)) == 2
    newest = services.inventory.history()[0]
    assert [m.reason for m in services.inventory.history(before_id=newest.id)] == ["Stolen", "Delivery"]


def test_search_matches_every_word_without_accents_and_by_barcode(services, stock_manager):
    make_product(services, stock_manager, sku="CHEM-M", name="Chemise lin été", size="M", barcode="4006381333931")
    make_product(services, stock_manager, sku="CHEM-L", name="Chemise coton", size="L")
    assert [r.sku for r in services.inventory.search("chemise ete")] == ["CHEM-M"]
    assert [r.sku for r in services.inventory.search("CHEM")] == ["CHEM-L", "CHEM-M"]
    assert [r.sku for r in services.inventory.search("4006381333931")] == ["CHEM-M"]
    assert services.inventory.find_by_barcode("4006381333931").sku == "CHEM-M"
    assert services.inventory.find_by_barcode("CHEM-L").name == "Chemise coton"
    assert services.inventory.search("100%_") == []
