"""Selling at the counter, on both databases: tills, sales, refunds, reports, and every refusal."""

from decimal import Decimal

import pytest

from pos_app.domain.sale import PaymentMismatch
from pos_app.errors import InsufficientStock, NotFound, PermissionDenied, TillClosed, ValidationError
from tests.services.helpers import make_product, visible_state


@pytest.fixture
def counter(services, stock_manager, cashier):
    """A shop with TEE (19.90, 20 %, 10 units, barcode 4006381333931) and BOOK (18.00, 5.5 %, 3 units),
    and the till of R1 opened by the cashier with a 100.00 float."""
    make_product(services, stock_manager, sku="TEE", barcode="4006381333931")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 3)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


def test_a_cash_sale_by_barcode_gives_change_and_takes_the_stock(counter, cashier):
    receipt = counter.pos.checkout(cashier, [("4006381333931", 2), ("BOOK", 1)], [("cash", Decimal("60.00"))])
    assert receipt.number == "R1-2026-000001"
    assert (receipt.total, receipt.change_due) == (Decimal("57.80"), Decimal("2.20"))
    assert [(v.rate, v.gross) for v in receipt.vat] == [
        (Decimal("5.5"), Decimal("18.00")),
        (Decimal("20"), Decimal("39.80")),
    ]
    assert counter.inventory.level("TEE").on_hand == 8
    sale_movements = counter.inventory.history(kind="sale")
    assert {(m.sku, m.quantity, m.reference, m.actor) for m in sale_movements} == {
        ("TEE", -2, "R1-2026-000001", "cashier"),
        ("BOOK", -1, "R1-2026-000001", "cashier"),
    }
    assert receipt.journal_signature


def test_sale_numbers_follow_each_other_per_register(counter, cashier):
    numbers = [
        counter.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"), "T-1")]).number for _ in range(3)
    ]
    assert numbers == ["R1-2026-000001", "R1-2026-000002", "R1-2026-000003"]


def test_split_tender_with_mobile_money(counter, cashier):
    receipt = counter.pos.checkout(
        cashier, [("TEE", 3)], [("wave", Decimal("30.00"), "WV-778"), ("cash", Decimal("40.00"))]
    )
    assert receipt.change_due == Decimal("10.30")
    assert [(p.method.value, p.amount) for p in receipt.payments] == [
        ("wave", Decimal("30.00")),
        ("cash", Decimal("40.00")),
    ]


def test_discounts_within_the_cashiers_limit_are_applied(counter, cashier):
    receipt = counter.pos.checkout(
        cashier, [("TEE", 2, Decimal("10"))], [("cash", Decimal("40"))], ticket_discount_percent=Decimal("5")
    )
    assert receipt.discount == Decimal("5.77")
    assert receipt.total == Decimal("34.03")


@pytest.mark.parametrize(
    ("lines", "payments", "error", "message"),
    [
        ([("TEE", 11)], [("cash", Decimal("300"))], InsufficientStock, "TEE: 11 requested, 10 available"),
        ([("TEE", 1), ("BOOK", 4)], [("cash", Decimal("300"))], InsufficientStock, "BOOK: 4 requested, 3 available"),
        ([("0000000000000", 1)], [("cash", Decimal("5"))], NotFound, "Unknown barcode"),
        ([("TEE", 1)], [("cash", Decimal("19.89"))], PaymentMismatch, "0.01 EUR is still due"),
        ([("TEE", 1)], [("card", Decimal("25"), "T-9")], PaymentMismatch, "only cash gives change"),
        ([("TEE", 1)], [("orange_money", Decimal("19.90"))], ValidationError, "transaction reference"),
        ([("TEE", 1)], [("bitcoin", Decimal("19.90"))], ValidationError, "Unknown payment method"),
        ([("TEE", 0)], [("cash", Decimal("5"))], ValidationError, "cannot be zero"),
        ([("TEE", -1)], [("cash", Decimal("5"))], ValidationError, "must be positive"),
        ([], [("cash", Decimal("5"))], ValidationError, "ticket is empty"),
        ([("TEE", 1)], [], ValidationError, "at least one payment"),
        ([("TEE", 1, Decimal("15"))], [("cash", Decimal("20"))], PermissionDenied, "at most 10 % discount"),
    ],
)
def test_refused_sales_write_nothing(counter, cashier, lines, payments, error, message):
    before = visible_state(counter)
    with pytest.raises(error, match=message):
        counter.pos.checkout(cashier, lines, payments)
    assert visible_state(counter) == before
    assert counter.pos.x_report(cashier).sales_count == 0


def test_an_admin_may_give_a_larger_discount(counter, admin):
    receipt = counter.pos.checkout(admin, [("TEE", 1, Decimal("50"))], [("cash", Decimal("10"))])
    assert receipt.total == Decimal("9.95")


def test_a_stock_manager_cannot_sell(counter, stock_manager):
    with pytest.raises(PermissionDenied, match="may not sell"):
        counter.pos.checkout(stock_manager, [("TEE", 1)], [("cash", Decimal("20"))])


def test_selling_needs_an_open_till(services, stock_manager, cashier):
    make_product(services, stock_manager, sku="TEE")
    services.inventory.receive(stock_manager, "TEE", 1)
    with pytest.raises(TillClosed, match="No till is open"):
        services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
    assert services.inventory.level("TEE").on_hand == 1


def test_a_till_cannot_be_opened_twice(counter, cashier):
    with pytest.raises(TillClosed, match="already open"):
        counter.pos.open_session(cashier, "R1", Decimal("50"))


def test_a_refund_returns_units_to_stock_and_never_exceeds_what_was_sold(counter, cashier):
    sale = counter.pos.checkout(cashier, [("TEE", 3)], [("cash", Decimal("59.70"))])
    refund = counter.pos.refund(cashier, sale.number, [("TEE", 2)], "cash")
    assert (refund.number, refund.total) == ("R1-R-2026-000001", Decimal("39.80"))
    assert counter.inventory.level("TEE").on_hand == 9
    before = visible_state(counter)
    with pytest.raises(ValidationError, match="TEE: 3 sold, 2 already refunded, 2 asked"):
        counter.pos.refund(cashier, sale.number, [("TEE", 2)], "cash")
    with pytest.raises(ValidationError, match="BOOK is not on sale"):
        counter.pos.refund(cashier, sale.number, [("BOOK", 1)], "cash")
    with pytest.raises(NotFound):
        counter.pos.refund(cashier, "R1-2026-999999", [("TEE", 1)], "cash")
    assert visible_state(counter) == before
    last = counter.pos.refund(cashier, sale.number, [("TEE", 1)], "card", restock=False, reason="Torn seam")
    assert last.total == Decimal("19.90")
    assert counter.inventory.level("TEE").on_hand == 9  # came back, then written off
    assert [m.kind.value for m in counter.inventory.history(sku="TEE", limit=2)] == ["loss", "return"]


def test_the_z_report_adds_up_sales_refunds_cash_and_the_variance(counter, cashier):
    counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))])
    counter.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("18.00"), "T-2")])
    sale = counter.pos.checkout(cashier, [("TEE", 2)], [("wave", Decimal("39.80"), "W-3")])
    counter.pos.refund(cashier, sale.number, [("TEE", 1)], "cash")
    counter.pos.cash_movement(cashier, Decimal("-50.00"), "Bank deposit")
    x = counter.pos.x_report(cashier)
    assert (x.sales_count, x.sales_total, x.refunds_total) == (3, Decimal("77.70"), Decimal("19.90"))
    assert x.by_method == {"card": Decimal("18.00"), "cash": Decimal("0.00"), "wave": Decimal("39.80")}
    assert x.expected_cash == Decimal("50.00")  # 100 float + 19.90 cash sale - 19.90 cash refund - 50 out
    z = counter.pos.close_session(cashier, Decimal("49.50"))
    assert z.closed_at is not None and z.counted_cash == Decimal("49.50")
    assert z.variance == Decimal("-0.50")
    assert sum(v.gross for v in z.vat) == z.sales_total
    with pytest.raises(TillClosed):
        counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])


def test_every_sale_refund_and_closing_is_in_a_journal_that_verifies(counter, cashier):
    sale = counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
    counter.pos.refund(cashier, sale.number, [("TEE", 1)], "cash")
    counter.pos.close_session(cashier, Decimal("100"))
    result = counter.journal.verify()
    assert result.ok, result
    assert result.entries == 4  # opening, sale, refund, closing
