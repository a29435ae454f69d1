"""Monthly and yearly closings of the sales journal, on both databases, with real counter sales."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from pos_app.db.models import JournalClosing, Register
from pos_app.domain.journal import Problem
from pos_app.domain.journal_closings import PeriodKind
from pos_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pos_app.services.journal import PeriodClosed, append
from pos_app.services.journal_closings import JournalClosingService
from tests.services.helpers import make_product

OCTOBER_5 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def closings(services) -> JournalClosingService:
    return services.journal_closings


@pytest.fixture
def counter(services, clock, stock_manager, cashier):
    """On 5 October 2026: TEE (19.90, 10 units) and BOOK (18.00, 5 units), and the till of R1 opened with 100.00
    (journal entry 1)."""
    clock.now = OCTOBER_5
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 5)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


def sell(services, cashier, sku: str, quantity: int):
    return services.pos.checkout(cashier, [(sku, quantity)], [("cash", Decimal("100.00"))])


def tamper(services, sql: str, **params) -> None:
    """Change the database behind the app's back, as someone with SQL access could."""
    with services.db.write_engine.begin() as connection:
        connection.execute(text(sql), params)


def test_a_month_is_closed_with_the_sales_and_refunds_of_that_month_only(counter, clock, cashier, accountant, closings):
    first = sell(counter, cashier, "TEE", 2)  # 39.80, entry 2
    clock.advance(days=10)
    second = sell(counter, cashier, "BOOK", 1)  # 18.00, entry 3
    refund = counter.pos.refund(cashier, first.number, [("TEE", 1)], "cash")  # -19.90, entry 4
    clock.now = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    sell(counter, cashier, "TEE", 1)  # November, entry 5

    (closing,) = closings.close_month(accountant, 2026, 10)

    assert (closing.register, closing.kind, closing.period) == ("R1", PeriodKind.MONTH, "2026-10")
    assert closing.sales_total == first.total + second.total == Decimal("57.80")
    assert closing.refunds_total == refund.total == Decimal("19.90")
    assert closing.net == Decimal("37.90")
    assert (closing.first_sequence, closing.last_sequence, closing.entries) == (1, 4, 4)
    assert closing.grand_total == Decimal("37.90")
    assert (closing.entry_sequence, closing.closed_by, closing.closed_at) == (6, "accountant", clock.now)
    assert closings.closings() == [closing]
    assert counter.journal.verify().ok


def test_a_month_cannot_be_closed_before_it_is_over(counter, clock, cashier, accountant, closings):
    sell(counter, cashier, "TEE", 1)
    clock.now = datetime(2026, 10, 31, 23, 59, tzinfo=UTC)

    with pytest.raises(ValidationError, match="2026-10 is not over yet: it can be closed from 2026-11-01") as error:
        closings.close_month(accountant, 2026, 10)

    assert error.value.field == "month"
    assert closings.closings() == []
    assert counter.journal.verify().entries == 2


def test_a_month_closes_only_once_per_register(counter, clock, cashier, accountant, admin, closings):
    sell(counter, cashier, "TEE", 1)
    clock.now = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    closings.close_month(accountant, 2026, 10)

    with pytest.raises(Conflict, match="2026-10 is already closed: R1 on 2026-11-01 08:00 UTC by accountant"):
        closings.close_month(admin, 2026, 10, register="R1")

    assert len(closings.closings()) == 1
    assert counter.journal.verify().entries == 3


@pytest.mark.parametrize("role", ["cashier", "stock_manager"])
def test_only_accountants_and_admins_may_close_a_month(counter, clock, request, closings, role):
    clock.now = datetime(2026, 11, 1, tzinfo=UTC)
    actor = request.getfixturevalue(role)

    with pytest.raises(PermissionDenied, match=r"may not close journal periods\. Ask an accountant or an admin"):
        closings.close_month(actor, 2026, 10)

    assert closings.closings() == []


def test_an_admin_may_close_a_month(counter, clock, admin, closings):
    clock.now = datetime(2026, 11, 1, tzinfo=UTC)

    (closing,) = closings.close_month(admin, 2026, 10)

    assert (closing.closed_by, closing.entries) == ("admin", 1)


@pytest.mark.parametrize(
    ("year", "month", "field", "message"),
    [
        (2026, 13, "month", "A month is a number from 1 to 12"),
        (2026, 0, "month", "A month is a number from 1 to 12"),
        (2026, "10.5", "month", "whole number"),
        ("twenty", 10, "year", "whole number"),
        (1999, 10, "year", "A year is from 2000"),
    ],
)
def test_a_month_that_does_not_exist_is_refused(counter, accountant, closings, year, month, field, message):
    with pytest.raises(ValidationError, match=message) as error:
        closings.close_month(accountant, year, month)

    assert error.value.field == field
    assert closings.closings() == []


def test_closing_an_unknown_register_names_the_known_ones(counter, clock, accountant, closings):
    clock.now = datetime(2026, 11, 1, tzinfo=UTC)

    with pytest.raises(NotFound, match=r"No register 'R9'\. The registers are: R1"):
        closings.close_month(accountant, 2026, 10, register="R9")


def test_a_month_without_entries_gets_a_zero_closing_that_carries_the_grand_total(
    counter, clock, cashier, accountant, closings
):
    sale = sell(counter, cashier, "TEE", 1)
    clock.now = datetime(2026, 12, 3, tzinfo=UTC)

    (november,) = closings.close_month(accountant, 2026, 11)

    assert (november.entries, november.first_sequence, november.last_sequence) == (0, None, None)
    assert (november.sales_total, november.refunds_total) == (Decimal(0), Decimal(0))
    assert november.grand_total == sale.total
    assert counter.journal.verify().ok


def test_registers_whose_journal_began_after_the_month_are_left_out(
    counter, clock, cashier, admin, accountant, closings
):
    counter.pos.add_register(admin, "R2", "Second counter")
    clock.now = datetime(2026, 11, 3, tzinfo=UTC)
    counter.pos.open_session(admin, "R2", Decimal("50.00"))

    closed = closings.close_month(accountant, 2026, 10)

    assert [c.register for c in closed] == ["R1"]
    with pytest.raises(ValidationError, match="Register R2 has no journal entries before the end of 2026-10"):
        closings.close_month(accountant, 2026, 10, register="r2")
    with pytest.raises(Conflict, match="already closed: R1"):
        closings.close_month(accountant, 2026, 10)


def test_a_year_closes_only_once_every_month_since_the_journal_began_is_closed(
    counter, clock, cashier, accountant, closings
):
    sell(counter, cashier, "TEE", 2)
    clock.now = datetime(2026, 11, 20, tzinfo=UTC)
    sell(counter, cashier, "BOOK", 1)
    clock.now = datetime(2027, 1, 4, tzinfo=UTC)

    with pytest.raises(Conflict, match=r"Close them first \(R1: 2026-10 to 2026-12\)") as error:
        closings.close_year(accountant, 2026)
    assert error.value.field == "year"
    closings.close_month(accountant, 2026, 10)
    closings.close_month(accountant, 2026, 12)
    with pytest.raises(Conflict, match=r"\(R1: 2026-11\)"):
        closings.close_year(accountant, 2026)
    months = [*closings.closings(), *closings.close_month(accountant, 2026, 11)]

    (year,) = closings.close_year(accountant, 2026)

    assert (year.kind, year.period) == (PeriodKind.YEAR, "2026")
    assert year.sales_total == sum((m.sales_total for m in months), Decimal(0)) == Decimal("57.80")
    assert year.entries == sum(m.entries for m in months) == 3  # the till opening and two sales
    assert year.grand_total == months[-1].grand_total == Decimal("57.80")
    assert (year.first_sequence, year.last_sequence) == (1, 3)
    assert [c.period for c in closings.closings()] == ["2026-10", "2026-12", "2026-11", "2026"]
    assert counter.journal.verify().ok


def test_a_year_cannot_be_closed_before_it_is_over(counter, clock, accountant, closings):
    clock.now = datetime(2026, 12, 31, 23, 0, tzinfo=UTC)

    with pytest.raises(ValidationError, match="2026 is not over yet: it can be closed from 2027-01-01"):
        closings.close_year(accountant, 2026)


def test_a_closed_month_takes_no_more_entries(counter, clock, cashier, accountant, closings):
    clock.now = datetime(2026, 11, 1, 0, 5, tzinfo=UTC)
    closings.close_month(accountant, 2026, 10)
    clock.now = datetime(2026, 10, 31, 23, 58, tzinfo=UTC)  # a counter whose clock is behind

    with pytest.raises(PeriodClosed, match=r"2026-10 is closed on register R1.*check the clock"):
        sell(counter, cashier, "TEE", 1)

    assert counter.inventory.level("TEE").on_hand == 10
    assert counter.journal.verify().ok


# ----- verification -----------------------------------------------------------------------------------------


@pytest.fixture
def closed_october(counter, clock, cashier, accountant, closings):
    """Two October sales (entries 2 and 3), October closed on 1 November by entry 4."""
    sell(counter, cashier, "TEE", 2)
    sell(counter, cashier, "BOOK", 1)
    clock.now = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    closings.close_month(accountant, 2026, 10)
    return counter


def test_a_closing_record_changed_behind_the_apps_back_is_found(closed_october):
    tamper(closed_october, "UPDATE journal_closings SET sales_total = 10")

    result = closed_october.journal.verify()

    assert (result.ok, result.first_bad) == (False, ("R1", 4))
    assert result.breaks[0].problem == Problem.CHANGED
    assert "record of the month closing 2026-10 (table journal_closings) does not match" in result.reason


def test_a_deleted_closing_record_is_found(closed_october):
    tamper(closed_october, "DELETE FROM journal_closings")

    result = closed_october.journal.verify()

    assert result.first_bad == ("R1", 4)
    assert "has no record in the table journal_closings: the record was deleted" in result.reason


def test_a_signed_closing_whose_figures_lie_is_found(closed_october, clock):
    payload = {
        "period": "2026-09",
        "start": "2026-09-01T00:00:00.000000Z",
        "end": "2026-10-01T00:00:00.000000Z",
        "first_sequence": 1,
        "last_sequence": 1,
        "entries": 1,
        "sales_total": "500.0000",
        "refunds_total": "0.0000",
        "grand_total": "500.0000",
    }
    with closed_october.db.write_session() as session:  # signed with the shop's key, as by a faulty program
        register_id = session.scalars(select(Register.id)).one()
        entry = append(session, register_id, "month_close", Decimal(0), payload, clock())
        session.add(
            JournalClosing(
                register_id=register_id,
                kind="month",
                period="2026-09",
                closed_at=clock(),
                sales_total=Decimal(500),
                refunds_total=Decimal(0),
                grand_total=Decimal(500),
                entry_sequence=entry.sequence,
            )
        )
        session.commit()

    result = closed_october.journal.verify()

    assert result.first_bad == ("R1", 5)
    assert result.breaks[0].problem == Problem.WRONG_TOTAL
    assert "its closing of 2026-09 does not match the entries of 2026-09: first sequence 1 stated, None" in (
        result.reason
    )
    assert "sales total 500.0000 stated, 0.0000 in the entries" in result.reason
