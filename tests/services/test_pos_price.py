"""Pricing a ticket without selling it, on both databases: the counter shows what checkout will charge."""

from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.errors import NotFound, PermissionDenied, ValidationError
from tests.services.helpers import make_product, visible_state


@pytest.fixture
def shop(services, stock_manager):
    """HOODIE (40.00, Clothes, barcode 4006381333931, 2 units) and BOOK (18.00 at 5.5 %, none in stock); no till
    is open: pricing needs none."""
    make_product(
        services, stock_manager, sku="HOODIE", name="Hoodie", price=Decimal("40.00"), category="Clothes",
        barcode="4006381333931",
    )  # fmt: skip
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "HOODIE", 2)
    return services


def test_a_ticket_is_priced_with_the_cashiers_discounts_and_vat_per_rate_and_nothing_is_written(shop, cashier):
    before = visible_state(shop)

    priced = shop.pos.price(cashier, [("4006381333931", 2, Decimal("10")), ("BOOK", 1)])

    assert [(line.sku, line.quantity, line.line_discount, line.total) for line in priced.lines] == [
        ("HOODIE", 2, Decimal("8.00"), Decimal("72.00")),
        ("BOOK", 1, Decimal("0.00"), Decimal("18.00")),
    ]
    assert priced.total == Decimal("90.00")
    assert [(split.rate, split.gross) for split in priced.vat] == [
        (Decimal("5.5"), Decimal("18.00")),
        (Decimal("20"), Decimal("72.00")),
    ]
    assert visible_state(shop) == before


def test_pricing_ignores_stock_so_the_counter_can_show_a_short_line(shop, cashier):
    assert shop.pos.price(cashier, [("HOODIE", 5)]).total == Decimal("200.00")


def test_a_partner_member_sees_the_promotion_and_the_partner_discount_checkout_will_give(
    shop, stock_manager, cashier, clock
):
    university = shop.customers.create_partner(
        stock_manager, name="Université X", kind="university", discount_percent=Decimal("5")
    )
    aminata = shop.customers.create_customer(
        cashier, name="Aminata Diallo", segment="student", partner_id=university.id
    )
    shop.customers.create_promotion(
        stock_manager,
        name="Student clothes",
        kind="percent",
        value=Decimal("20"),
        starts_at=clock() - timedelta(days=1),
        ends_at=clock() + timedelta(days=30),
        categories=["Clothes"],
        segments=["student"],
    )

    member = shop.pos.price(cashier, [("HOODIE", 1)], aminata.id, ticket_discount_percent=Decimal("10"))
    walk_in = shop.pos.price(cashier, [("HOODIE", 1)])

    line = member.lines[0]
    assert (line.automatic_discount, line.discount_label) == (
        Decimal("9.60"),
        "Student clothes -20 %, Université X -5 %",
    )
    assert (line.ticket_discount, member.total) == (Decimal("3.04"), Decimal("27.36"))
    assert (walk_in.total, walk_in.lines[0].discount_label) == (Decimal("40.00"), "")


def test_pricing_refuses_a_discount_above_the_cashiers_limit(shop, cashier):
    with pytest.raises(PermissionDenied, match="at most 10 %"):
        shop.pos.price(cashier, [("HOODIE", 1, Decimal("15"))])


def test_pricing_names_every_unknown_code_and_an_unknown_customer(shop, cashier):
    with pytest.raises(NotFound, match="NOPE-1, NOPE-2"):
        shop.pos.price(cashier, [("NOPE-2", 1), ("HOODIE", 1), ("NOPE-1", 1)])
    with pytest.raises(NotFound, match="No active customer"):
        shop.pos.price(cashier, [("HOODIE", 1)], 9999)
    with pytest.raises(ValidationError, match="empty"):
        shop.pos.price(cashier, [])


def test_a_stock_manager_may_not_price_a_ticket(shop, stock_manager):
    with pytest.raises(PermissionDenied):
        shop.pos.price(stock_manager, [("HOODIE", 1)])
