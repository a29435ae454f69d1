"""The sales of a day, to find one to refund: lines, what was refunded of them, on both databases."""

from datetime import datetime
from decimal import Decimal

import pytest

from pos_app.errors import NotFound, PermissionDenied, ValidationError
from tests.services.helpers import make_product


@pytest.fixture
def counter(services, stock_manager, cashier):
    """TEE (19.90, barcode 4006381333931, 10 units) and BOOK (18.00, 3 units); the till of R1 open."""
    make_product(services, stock_manager, sku="TEE", barcode="4006381333931", size="M")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 3)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


def today(clock):
    return clock().astimezone().date()


def test_the_days_sales_come_newest_first_with_their_lines(counter, cashier, clock):
    first = counter.pos.checkout(cashier, [("TEE", 2), ("BOOK", 1)], [("cash", Decimal("60.00"))])
    clock.advance(minutes=5)
    second = counter.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("18.00"))])

    sales = counter.pos.sales(cashier, today(clock))

    assert [s.number for s in sales] == [second.number, first.number]
    listed = sales[1]
    assert (listed.register, listed.cashier, listed.currency) == ("R1", "cashier", "EUR")
    assert listed.total == Decimal("57.80")
    assert listed.payment_methods == ("cash",)
    assert [(line.sku, line.name, line.quantity, line.refunded, line.total) for line in listed.lines] == [
        ("TEE", "T-shirt M", 2, 0, Decimal("39.80")),
        ("BOOK", "Guide", 1, 0, Decimal("18.00")),
    ]


def test_refunded_units_are_counted_per_line(counter, cashier, clock):
    sale = counter.pos.checkout(cashier, [("TEE", 3), ("BOOK", 1)], [("cash", Decimal("80.00"))])
    counter.pos.refund(cashier, sale.number, [("TEE", 1)], "cash")
    counter.pos.refund(cashier, sale.number, [("TEE", 1)], "cash")

    (listed,) = counter.pos.sales(cashier, today(clock))

    assert [(line.sku, line.refunded, line.refundable) for line in listed.lines] == [("TEE", 2, 1), ("BOOK", 0, 1)]


def test_a_sale_of_another_day_is_not_listed(counter, cashier, clock):
    yesterday = counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))])
    clock.advance(days=1)
    this_morning = counter.pos.checkout(cashier, [("BOOK", 1)], [("cash", Decimal("20.00"))])

    assert [s.number for s in counter.pos.sales(cashier, today(clock))] == [this_morning.number]
    clock.advance(days=-1)
    assert [s.number for s in counter.pos.sales(cashier, today(clock))] == [yesterday.number]


def test_the_list_keeps_to_one_register_when_asked(counter, admin, cashier, clock):
    counter.pos.add_register(admin, "R2", "Counter 2")
    counter.pos.open_session(admin, "R2", Decimal("50.00"))
    at_r1 = counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))], register="R1")
    at_r2 = counter.pos.checkout(admin, [("BOOK", 1)], [("cash", Decimal("20.00"))], register="R2")

    assert [s.number for s in counter.pos.sales(cashier, today(clock), register="R1")] == [at_r1.number]
    assert [s.number for s in counter.pos.sales(cashier, today(clock))] == [at_r2.number, at_r1.number]
    with pytest.raises(NotFound, match="No register 'R9'"):
        counter.pos.sales(cashier, today(clock), register="R9")


def test_a_day_without_sales_gives_an_empty_list(counter, accountant, clock):
    assert counter.pos.sales(accountant, today(clock)) == []


def test_a_stock_manager_may_not_list_sales(counter, stock_manager, clock):
    with pytest.raises(PermissionDenied):
        counter.pos.sales(stock_manager, today(clock))


def test_a_moment_instead_of_a_day_is_refused(counter, cashier):
    with pytest.raises(ValidationError, match="must be a date"):
        counter.pos.sales(cashier, datetime(2026, 11, 22, 9, 0))
