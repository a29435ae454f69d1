from datetime import timedelta

import pytest

from pos_app.domain.stock import MovementKind
from pos_app.errors import Conflict, InsufficientStock, NotFound, ReservationExpired, ValidationError
from pos_app.services.reservations import HoldStatus
from tests.services.helpers import make_product, visible_state


@pytest.fixture
def stocked(services, stock_manager):
    """Two SKUs: TEE with 10 units, CAP with 3."""
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="CAP", name="Cap")
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "CAP", 3)
    return services


def test_a_hold_lowers_available_but_not_on_hand(stocked, clock):
    hold = stocked.reservations.reserve([("TEE", 4), ("CAP", 1)], reference="web-1")
    assert hold.status is HoldStatus.ACTIVE
    assert hold.expires_at == clock.now + timedelta(minutes=15)
    level = stocked.inventory.level("TEE")
    assert (level.on_hand, level.reserved, level.available) == (10, 4, 6)


def test_reserving_more_than_available_lists_every_short_line_and_holds_nothing(stocked):
    stocked.reservations.reserve([("TEE", 8)])
    with pytest.raises(InsufficientStock) as error:
        stocked.reservations.reserve([("TEE", 3), ("CAP", 5)])
    assert [(s.sku, s.requested, s.available) for s in error.value.shortfalls] == [("TEE", 3, 2), ("CAP", 5, 3)]
    assert stocked.inventory.level("CAP").reserved == 0


def test_duplicate_lines_are_added_up_before_checking(stocked):
    with pytest.raises(InsufficientStock):
        stocked.reservations.reserve([("CAP", 2), ("CAP", 2)])
    assert stocked.reservations.reserve([("CAP", 1), ("CAP", 2)]).lines == (("CAP", 3),)


@pytest.mark.parametrize(
    ("lines", "error"),
    [
        ([], ValidationError),
        ([("TEE", 0)], ValidationError),
        ([("TEE", -1)], ValidationError),
        ([("TEE", 2.5)], ValidationError),
        ([("TEE", 10**9)], ValidationError),
        ([("TEE",)], ValidationError),
        ([("NOPE", 1), ("GONE", 1)], NotFound),
    ],
)
def test_bad_reservations_are_refused_and_nothing_is_held(stocked, lines, error):
    with pytest.raises(error):
        stocked.reservations.reserve(lines)
    assert stocked.reservations.holds() == []


def test_an_expired_hold_stops_counting_at_once_without_cleanup(stocked, clock):
    stocked.reservations.reserve([("CAP", 3)], ttl_minutes=10)
    assert stocked.inventory.level("CAP").available == 0
    clock.advance(minutes=10)
    assert stocked.inventory.level("CAP").available == 3
    assert [h.status for h in stocked.reservations.holds()] == [HoldStatus.EXPIRED]
    assert stocked.reservations.reserve([("CAP", 3)]).status is HoldStatus.ACTIVE


def test_cleanup_marks_expired_holds_released_once(stocked, clock):
    stocked.reservations.reserve([("CAP", 1)], ttl_minutes=5)
    kept = stocked.reservations.reserve([("TEE", 1)], ttl_minutes=30)
    clock.advance(minutes=6)
    assert stocked.reservations.expire_due() == 1
    assert stocked.reservations.expire_due() == 0
    assert stocked.reservations.get(kept.id).status is HoldStatus.ACTIVE
    released = stocked.reservations.holds(status=HoldStatus.RELEASED)
    assert [(h.lines, h.close_reason) for h in released] == [((("CAP", 1),), "expired")]


def test_commit_turns_the_hold_into_sale_movements_once(stocked):
    hold = stocked.reservations.reserve([("TEE", 2), ("CAP", 1)])
    result = stocked.reservations.commit(hold.id, "WEB-0001")
    assert result.hold.status is HoldStatus.COMMITTED and not result.retaken
    sales = stocked.inventory.history(kind="sale")
    assert sorted((m.sku, m.quantity, m.reference) for m in sales) == [("CAP", -1, "WEB-0001"), ("TEE", -2, "WEB-0001")]
    level = stocked.inventory.level("TEE")
    assert (level.on_hand, level.reserved, level.available) == (8, 0, 8)
    again = stocked.reservations.commit(hold.id, "WEB-0001")
    assert again.already_committed and again.movement_ids == ()
    assert len(stocked.inventory.history(kind="sale")) == 2


def test_a_late_payment_retakes_the_stock_when_it_is_still_there(stocked, clock):
    hold = stocked.reservations.reserve([("CAP", 2)], ttl_minutes=5)
    clock.advance(minutes=20)
    stocked.reservations.expire_due()
    result = stocked.reservations.commit(hold.id, "WEB-0002")
    assert result.retaken
    assert stocked.inventory.level("CAP").on_hand == 1


def test_a_late_payment_fails_when_the_stock_went_to_someone_else(stocked, clock, stock_manager):
    hold = stocked.reservations.reserve([("CAP", 2)], ttl_minutes=5)
    clock.advance(minutes=6)
    stocked.reservations.reserve([("CAP", 2)])
    before = visible_state(stocked)
    with pytest.raises(ReservationExpired) as error:
        stocked.reservations.commit(hold.id, "WEB-0003")
    assert [(s.sku, s.requested, s.available) for s in error.value.shortfalls] == [("CAP", 2, 1)]
    assert visible_state(stocked) == before
    assert stocked.reservations.get(hold.id).status is HoldStatus.EXPIRED


def test_release_frees_the_units_and_a_paid_hold_cannot_be_released(stocked):
    hold = stocked.reservations.reserve([("CAP", 3)])
    released = stocked.reservations.release(hold.id, "customer cancelled")
    assert released.status is HoldStatus.RELEASED
    assert stocked.inventory.level("CAP").available == 3
    assert stocked.reservations.release(hold.id, "again").close_reason == "customer cancelled"
    paid = stocked.reservations.reserve([("CAP", 1)])
    stocked.reservations.commit(paid.id, "WEB-0004")
    with pytest.raises(Conflict, match="already paid"):
        stocked.reservations.release(paid.id, "too late")
    with pytest.raises(NotFound):
        stocked.reservations.release("no-such-id", "x")


def test_a_stock_manager_cannot_remove_units_held_for_online_orders(stocked, stock_manager):
    stocked.reservations.reserve([("CAP", 2)])
    with pytest.raises(InsufficientStock) as error:
        stocked.inventory.adjust(stock_manager, "CAP", -2, "loss", "Damaged")
    assert (error.value.requested, error.value.available) == (2, 1)
    stocked.inventory.adjust(stock_manager, "CAP", -1, "loss", "Damaged")
    assert stocked.inventory.level("CAP").available == 0


def test_holds_are_counted_for_the_stats(stocked, clock):
    stocked.reservations.reserve([("TEE", 2), ("CAP", 1)])
    stocked.reservations.reserve([("TEE", 1)], ttl_minutes=1)
    clock.advance(minutes=2)
    assert stocked.reservations.count_active_units() == (1, 3)


def test_sale_movements_of_online_orders_carry_no_user(stocked):
    hold = stocked.reservations.reserve([("TEE", 1)])
    stocked.reservations.commit(hold.id, "WEB-0005")
    sale = stocked.inventory.history(kind=MovementKind.SALE)[0]
    assert (sale.actor, sale.reason) == (None, "Online order")
