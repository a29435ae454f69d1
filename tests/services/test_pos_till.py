"""The till beyond sales, on both databases: parked tickets, voided tickets, drawer openings, blind closes and
past Z reports."""

from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.errors import NotFound, PermissionDenied, TillClosed, ValidationError
from tests.services.helpers import make_product, visible_state


@pytest.fixture
def counter(services, stock_manager, cashier):
    """TEE (19.90, 10 units) and BOOK (18.00, 3 units); the till of R1 opened by the cashier with 100.00."""
    make_product(services, stock_manager, sku="TEE", barcode="4006381333931")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 3)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


def test_a_parked_ticket_is_resumed_at_its_register_and_then_paid(counter, cashier, clock):
    parked = counter.pos.park(cashier, [("4006381333931", 2, Decimal("5")), ("BOOK", 1)], label="Lady in the red coat")
    assert [(t.id, t.label, t.parked_by) for t in counter.pos.parked(cashier)] == [
        (parked.id, "Lady in the red coat", "cashier")
    ]
    assert counter.inventory.level("TEE").on_hand == 10  # parking takes no stock
    clock.advance(minutes=5)
    resumed = counter.pos.resume(cashier, parked.id)
    assert resumed.lines == (("TEE", 2, Decimal("5")), ("BOOK", 1, Decimal("0")))
    assert counter.pos.parked(cashier) == []
    receipt = counter.pos.checkout(cashier, list(resumed.lines), [("cash", Decimal("60"))])
    assert receipt.total == Decimal("55.81")
    assert counter.inventory.level("TEE").on_hand == 8


def test_a_parked_ticket_cannot_be_resumed_twice(counter, cashier):
    parked = counter.pos.park(cashier, [("TEE", 1)])
    counter.pos.resume(cashier, parked.id)
    with pytest.raises(NotFound, match="resumed or discarded already"):
        counter.pos.resume(cashier, parked.id)


def test_a_parked_ticket_stays_at_the_register_where_it_was_parked(counter, cashier, admin):
    counter.pos.add_register(admin, "R2", "Second counter")
    counter.pos.open_session(admin, "R2", Decimal("50"))
    parked = counter.pos.park(cashier, [("TEE", 1)], register="R1")
    assert counter.pos.parked(admin, register="R2") == []
    with pytest.raises(ValidationError, match="parked at R1: resume it there"):
        counter.pos.resume(admin, parked.id, register="R2")
    assert [t.id for t in counter.pos.parked(cashier, register="R1")] == [parked.id]


@pytest.mark.parametrize(
    ("lines", "options", "error", "message"),
    [
        ([("NOPE", 1)], {}, NotFound, "Unknown barcode or SKU: NOPE"),
        ([], {}, ValidationError, "ticket is empty"),
        ([("TEE", 1, Decimal("30"))], {}, PermissionDenied, "at most 10 % discount"),
        ([("TEE", 1)], {"customer_id": 999_999}, NotFound, "No customer"),
        ([("TEE", 1)], {"label": "bad\x00label"}, ValidationError, "label"),
    ],
)
def test_parking_a_bad_ticket_writes_nothing(counter, cashier, lines, options, error, message):
    before = visible_state(counter)
    with pytest.raises(error, match=message):
        counter.pos.park(cashier, lines, **options)
    assert visible_state(counter) == before
    assert counter.pos.parked(cashier) == []


def test_parking_needs_an_open_till(services, stock_manager, cashier):
    make_product(services, stock_manager, sku="TEE")
    with pytest.raises(TillClosed):
        services.pos.park(cashier, [("TEE", 1)])


def test_voids_and_drawer_openings_show_in_the_z_report_and_the_journal(counter, cashier):
    value = counter.pos.void_ticket(cashier, [("TEE", 2), ("BOOK", 1)], "Customer changed her mind")
    assert value == Decimal("57.80")
    counter.pos.open_drawer(cashier, "Change for the next shop")
    counter.pos.open_drawer(cashier, "Checked a 50 note")
    assert counter.inventory.level("TEE").on_hand == 10  # a void sells nothing
    x = counter.pos.x_report(cashier)
    assert (x.voided_count, x.voided_total, x.drawer_openings, x.sales_count) == (1, Decimal("57.80"), 2, 0)
    z = counter.pos.close_session(cashier, Decimal("100"))
    assert (z.voided_count, z.drawer_openings, z.variance) == (1, 2, Decimal("0.00"))
    result = counter.journal.verify()
    assert result.ok, result
    assert result.entries == 5  # opening, void, two drawer openings, closing


def test_a_void_or_drawer_opening_needs_a_reason_and_an_open_till(counter, cashier, stock_manager):
    with pytest.raises(ValidationError, match="reason"):
        counter.pos.open_drawer(cashier, "  ")
    with pytest.raises(PermissionDenied):
        counter.pos.open_drawer(stock_manager, "Curious")
    counter.pos.close_session(cashier, Decimal("100"))
    with pytest.raises(TillClosed):
        counter.pos.void_ticket(cashier, [("TEE", 1)], "Too late")
    assert counter.pos.z_report(cashier, counter.pos.sessions(cashier)[0].id).voided_count == 0


def test_a_blind_close_hides_the_expected_cash_from_the_cashier_but_not_the_accountant(
    counter, cashier, accountant, admin
):
    counter.settings.set_blind_close(admin, True)
    counter.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
    x = counter.pos.x_report(cashier)
    assert x.expected_cash is None and "cash" not in x.by_method
    z = counter.pos.close_session(cashier, Decimal("118.00"))
    assert (z.expected_cash, z.variance, z.counted_cash) == (None, None, Decimal("118.00"))
    session_id = counter.pos.sessions(accountant)[0].id
    full = counter.pos.z_report(accountant, session_id)
    assert (full.expected_cash, full.variance) == (Decimal("119.90"), Decimal("-1.90"))
    assert counter.pos.z_report(admin, session_id).variance == Decimal("-1.90")


def test_only_an_admin_switches_blind_closes(counter, cashier):
    with pytest.raises(PermissionDenied):
        counter.settings.set_blind_close(cashier, True)
    assert counter.settings.current().blind_close is False


def test_past_sessions_list_newest_first_and_a_stock_manager_cannot_read_z_reports(
    counter, cashier, stock_manager, clock
):
    first = counter.pos.sessions(cashier)[0]
    counter.pos.close_session(cashier, Decimal("100"))
    clock.advance(hours=12)
    counter.pos.open_session(cashier, "R1", Decimal("80"))
    sessions = counter.pos.sessions(cashier, register="R1")
    assert [s.opening_float for s in sessions] == [Decimal("80.00"), Decimal("100.00")]
    assert sessions[1].id == first.id and sessions[1].closed_at is not None
    with pytest.raises(PermissionDenied):
        counter.pos.z_report(stock_manager, first.id)
    with pytest.raises(NotFound):
        counter.pos.z_report(cashier, 999_999)


def test_a_void_is_valued_as_checkout_would_have_charged_it(counter, cashier, stock_manager, clock):
    counter.customers.create_promotion(
        stock_manager,
        name="Tees -20 %",
        kind="percent",
        value=Decimal(20),
        starts_at=clock.now - timedelta(days=1),
        ends_at=clock.now + timedelta(days=1),
        skus=["TEE"],
    )
    assert counter.pos.void_ticket(cashier, [("TEE", 2)], "Walked away") == Decimal("31.84")
    assert counter.pos.x_report(cashier).voided_total == Decimal("31.84")
