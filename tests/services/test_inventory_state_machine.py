"""Random sequences of stock changes keep the ledger exactly where a simple model says it is.

Hypothesis drives the real InventoryService and ReservationService on a real database (both backends)
with receipts, adjustments up and down, removals of more than is available, malformed quantities, and
online holds that are committed, released, or left to expire while time passes. A dict of
expected on-hand counts is the model; after every step the service's level and history must match it
and the database must pass every stock invariant (testsupport.invariants).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import TextClause, bindparam, create_engine, text
from sqlalchemy.pool import NullPool

from pos_app.db.types import UTCDateTime
from pos_app.domain.roles import Actor
from pos_app.domain.stock import MAX_QUANTITY
from pos_app.errors import InsufficientStock, ReservationExpired, ValidationError
from pos_app.services import Services
from tests.conftest import FakeClock
from testsupport.invariants import check_stock_invariants

SKUS_PER_EXAMPLE = 3
MACHINE_SETTINGS = settings(max_examples=25, stateful_step_count=20, deadline=None)

ADD_KINDS = ("adjustment", "transfer")
REMOVE_KINDS = ("adjustment", "loss", "transfer")
sku_index = st.integers(0, SKUS_PER_EXAMPLE - 1)
# Small quantities keep stock low, so that removals often meet the edge of what is available.
everyday_quantity = st.integers(1, 12)
receipt_quantity = st.one_of(everyday_quantity, st.just(MAX_QUANTITY))
not_a_whole_number = st.sampled_from([1.5, 2.0, "two", "", None, True, Decimal("2"), [1]])
bad_receipt = st.one_of(
    st.just(0), st.integers(-MAX_QUANTITY - 5, -1), st.integers(MAX_QUANTITY + 1, 10 * MAX_QUANTITY), not_a_whole_number
)
bad_delta = st.one_of(
    st.just(0),
    st.integers(MAX_QUANTITY + 1, 10 * MAX_QUANTITY).flatmap(lambda n: st.sampled_from([n, -n])),
    not_a_whole_number,
)
# Kinds that may not be typed by hand, or whose direction contradicts the sign of the change.
wrong_kind_for_sign = st.sampled_from(
    [("loss", 1), ("restock", -1), ("sale", -1), ("return", 1), ("theft", -1), ("", 1)]
)


class StockLedgerMachine(RuleBasedStateMachine):
    """One example: fresh SKUs (unique codes) in a shared database, and the model of their stock."""

    def __init__(self, services: Services, actor: Actor, database_url: str, clock: FakeClock) -> None:
        super().__init__()
        self.svc = services
        self.actor = actor
        self.database_url = database_url
        self.clock = clock
        self.skus: list[str] = []
        self.on_hand: dict[str, int] = {}
        self.reserved: dict[str, int] = {}
        self.movements: dict[str, int] = {}
        self.holds: dict[str, tuple[str, int, datetime]] = {}

    def available(self, sku: str) -> int:
        return self.on_hand[sku] - self.reserved[sku]

    def recorded(self, sku: str, delta: int) -> None:
        self.on_hand[sku] += delta
        self.movements[sku] += 1

    def sku_with(self, data: st.DataObject, wanted: list[str]) -> str:
        return data.draw(st.sampled_from(wanted), label="sku")

    @initialize()
    def create_skus(self) -> None:
        prefix = f"SM-{uuid.uuid4().hex[:12]}"
        for n in range(SKUS_PER_EXAMPLE):
            sku = f"{prefix}-{n}"
            self.svc.inventory.create_product(
                self.actor, sku=sku, name=f"Machine product {n}", price=Decimal("9.90"), vat_rate=Decimal("20")
            )
            self.skus.append(sku)
            self.on_hand[sku] = self.reserved[sku] = self.movements[sku] = 0

    # ----- changes that succeed ----------------------------------------------------------------

    @rule(index=sku_index, quantity=receipt_quantity)
    def receive(self, index: int, quantity: int) -> None:
        sku = self.skus[index]
        movement = self.svc.inventory.receive(self.actor, sku, quantity)
        assert (movement.kind, movement.quantity) == ("restock", quantity)
        assert (movement.stock_before, movement.stock_after) == (self.on_hand[sku], self.on_hand[sku] + quantity)
        self.recorded(sku, quantity)

    @rule(index=sku_index, delta=everyday_quantity, kind=st.sampled_from(ADD_KINDS))
    def adjust_up(self, index: int, delta: int, kind: str) -> None:
        sku = self.skus[index]
        movement = self.svc.inventory.adjust(self.actor, sku, delta, kind, "found in the back room")
        assert (movement.kind, movement.quantity, movement.stock_after) == (kind, delta, self.on_hand[sku] + delta)
        self.recorded(sku, delta)

    @precondition(lambda self: any(self.available(sku) > 0 for sku in self.skus))
    @rule(data=st.data(), kind=st.sampled_from(REMOVE_KINDS))
    def adjust_down(self, data: st.DataObject, kind: str) -> None:
        sku = self.sku_with(data, [s for s in self.skus if self.available(s) > 0])
        most = min(self.available(sku), MAX_QUANTITY)
        units = data.draw(st.one_of(st.just(most), st.integers(1, most)), label="units")
        movement = self.svc.inventory.adjust(self.actor, sku, -units, kind, "counted fewer")
        assert (movement.kind, movement.quantity, movement.stock_after) == (kind, -units, self.on_hand[sku] - units)
        self.recorded(sku, -units)

    # ----- changes that must be refused and write nothing --------------------------------------

    @precondition(lambda self: any(self.available(sku) < MAX_QUANTITY for sku in self.skus))
    @rule(data=st.data(), excess=st.one_of(st.just(1), st.integers(2, 12)), kind=st.sampled_from(REMOVE_KINDS))
    def remove_more_than_available(self, data: st.DataObject, excess: int, kind: str) -> None:
        sku = self.sku_with(data, [s for s in self.skus if self.available(s) < MAX_QUANTITY])
        requested = min(self.available(sku) + excess, MAX_QUANTITY)
        with pytest.raises(InsufficientStock) as refused:
            self.svc.inventory.adjust(self.actor, sku, -requested, kind, "more than we have")
        assert (refused.value.sku, refused.value.requested, refused.value.available) == (
            sku,
            requested,
            self.available(sku),
        )

    @rule(index=sku_index, quantity=bad_receipt)
    def receive_a_bad_quantity(self, index: int, quantity: object) -> None:
        with pytest.raises(ValidationError):
            self.svc.inventory.receive(self.actor, self.skus[index], quantity)  # type: ignore[arg-type]

    @rule(index=sku_index, delta=bad_delta, kind=st.sampled_from(REMOVE_KINDS))
    def adjust_by_a_bad_quantity(self, index: int, delta: object, kind: str) -> None:
        with pytest.raises(ValidationError):
            self.svc.inventory.adjust(self.actor, self.skus[index], delta, kind, "typo")  # type: ignore[arg-type]

    @rule(index=sku_index, kind_and_sign=wrong_kind_for_sign)
    def adjust_with_a_kind_that_does_not_fit(self, index: int, kind_and_sign: tuple[str, int]) -> None:
        kind, sign = kind_and_sign
        with pytest.raises(ValidationError):
            self.svc.inventory.adjust(self.actor, self.skus[index], sign, kind, "wrong kind")

    # ----- reservations ------------------------------------------------------------------------
    # Holds move units from available to reserved until they are committed (sold), released, or expire.

    def recount_reserved(self) -> None:
        now = self.clock.now
        for sku in self.skus:
            self.reserved[sku] = sum(q for s, q, until in self.holds.values() if s == sku and until > now)

    @rule(index=sku_index, quantity=everyday_quantity, minutes=st.integers(1, 30))
    def reserve(self, index: int, quantity: int, minutes: int) -> None:
        sku = self.skus[index]
        if quantity > self.available(sku):
            with pytest.raises(InsufficientStock):
                self.svc.reservations.reserve([(sku, quantity)], ttl_minutes=minutes)
            return
        hold = self.svc.reservations.reserve([(sku, quantity)], ttl_minutes=minutes)
        self.holds[hold.id] = (sku, quantity, hold.expires_at)
        self.recount_reserved()

    @precondition(lambda self: self.holds)
    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        hold_id = data.draw(st.sampled_from(sorted(self.holds)), label="hold")
        self.svc.reservations.release(hold_id, "customer gave up")
        del self.holds[hold_id]
        self.recount_reserved()

    @precondition(lambda self: self.holds)
    @rule(data=st.data())
    def commit(self, data: st.DataObject) -> None:
        hold_id = data.draw(st.sampled_from(sorted(self.holds)), label="hold")
        sku, quantity, until = self.holds[hold_id]
        if until <= self.clock.now and quantity > self.available(sku):
            with pytest.raises(ReservationExpired):
                self.svc.reservations.commit(hold_id, "WEB-MACHINE")
            return
        self.svc.reservations.commit(hold_id, "WEB-MACHINE")
        del self.holds[hold_id]
        self.recorded(sku, -quantity)
        self.recount_reserved()

    @rule(minutes=st.integers(1, 20))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)
        self.recount_reserved()

    @rule()
    def cleanup_runs(self) -> None:
        now = self.clock.now
        self.svc.reservations.expire_due()
        self.holds = {h: v for h, v in self.holds.items() if v[2] > now}

    # ----- after every step --------------------------------------------------------------------

    @invariant()
    def service_agrees_with_the_model(self) -> None:
        for sku in self.skus:
            level = self.svc.inventory.level(sku)
            assert (level.on_hand, level.reserved, level.available) == (
                self.on_hand[sku],
                self.reserved[sku],
                self.available(sku),
            ), sku
            assert len(self.svc.inventory.history(sku)) == self.movements[sku], sku

    @invariant()
    def database_keeps_every_stock_invariant(self) -> None:
        check_stock_invariants(self.database_url, now=self.clock.now)


def test_random_stock_changes_keep_the_ledger_consistent(
    services: Services, stock_manager: Actor, database_url: str, clock: FakeClock
) -> None:
    run_state_machine_as_test(
        lambda: StockLedgerMachine(services, stock_manager, database_url, clock), settings=MACHINE_SETTINGS
    )


# ----- the invariant check itself: it must catch what it claims to catch ---------------------------


def _stocked_sku(services: Services, actor: Actor, sku: str = "CHK-1") -> str:
    services.inventory.create_product(actor, sku=sku, name="Checked", price=Decimal("1.00"), vat_rate=Decimal("20"))
    services.inventory.receive(actor, sku, 5)
    services.inventory.adjust(actor, sku, -2, "loss", "broken")
    return sku


def _run_sql(database_url: str, statement: TextClause | str, **params: object) -> Any:
    """Run one statement in its own transaction, behind the services' back; return its first value."""
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement) if isinstance(statement, str) else statement, params)
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def _sku_id(database_url: str, sku: str) -> int:
    return int(_run_sql(database_url, "SELECT id FROM skus WHERE code = :code", code=sku))


def _hold(database_url: str, sku: str, units: int, expires_at: datetime, status: str = "active") -> None:
    """A reservation row as the reservation service will write it (times stored through the app's type)."""
    reservation = str(uuid.uuid4())
    insert_reservation = text(
        "INSERT INTO reservations (id, status, created_at, expires_at) VALUES (:id, :status, :at, :until)"
    ).bindparams(bindparam("at", type_=UTCDateTime()), bindparam("until", type_=UTCDateTime()))
    _run_sql(database_url, insert_reservation, id=reservation, status=status, at=expires_at, until=expires_at)
    _run_sql(
        database_url,
        "INSERT INTO reservation_lines (reservation_id, sku_id, quantity) VALUES (:r, :s, :q)",
        r=reservation,
        s=_sku_id(database_url, sku),
        q=units,
    )


def test_invariant_check_passes_on_a_consistent_ledger(
    services: Services, stock_manager: Actor, database_url: str, clock: FakeClock
) -> None:
    _stocked_sku(services, stock_manager)
    check_stock_invariants(database_url, now=clock.now)


def test_invariant_check_names_a_sku_whose_on_hand_drifted_from_its_movements(
    services: Services, stock_manager: Actor, database_url: str
) -> None:
    sku = _stocked_sku(services, stock_manager)
    _run_sql(database_url, "UPDATE stock_levels SET on_hand = 7 WHERE sku_id = :s", s=_sku_id(database_url, sku))
    with pytest.raises(AssertionError, match="SKU 'CHK-1': on_hand is 7 but its 2 movement"):
        check_stock_invariants(database_url)


def test_invariant_check_names_a_sku_whose_movements_do_not_chain(
    services: Services, stock_manager: Actor, database_url: str
) -> None:
    sku = _stocked_sku(services, stock_manager)
    _run_sql(
        database_url,
        "UPDATE stock_movements SET stock_before = 4, stock_after = 2 WHERE quantity = -2 AND sku_id = :s",
        s=_sku_id(database_url, sku),
    )
    with pytest.raises(AssertionError, match=r"SKU 'CHK-1': movement \d+ starts from stock_before 4, but movement"):
        check_stock_invariants(database_url)


def test_invariant_check_names_a_sku_without_a_stock_row(
    services: Services, stock_manager: Actor, database_url: str
) -> None:
    sku = _stocked_sku(services, stock_manager)
    _run_sql(database_url, "DELETE FROM stock_levels WHERE sku_id = :s", s=_sku_id(database_url, sku))
    with pytest.raises(AssertionError, match="SKU 'CHK-1' has no stock_levels row"):
        check_stock_invariants(database_url)


def test_invariant_check_counts_only_active_unexpired_holds_against_available(
    services: Services, stock_manager: Actor, database_url: str, clock: FakeClock
) -> None:
    sku = _stocked_sku(services, stock_manager)
    _hold(database_url, sku, 2, clock.now.replace(year=2030))
    _hold(database_url, sku, 9, clock.now.replace(year=2020))
    _hold(database_url, sku, 9, clock.now.replace(year=2030), status="released")
    check_stock_invariants(database_url, now=clock.now)

    _hold(database_url, sku, 2, clock.now.replace(year=2030))
    with pytest.raises(AssertionError, match=r"SKU 'CHK-1': available is negative \(-1\)"):
        check_stock_invariants(database_url, now=clock.now)
    check_stock_invariants(database_url, now=clock.now.replace(year=2031))
