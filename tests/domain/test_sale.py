from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.money import currency
from pos_app.domain.sale import (
    PaymentMethod,
    PaymentMismatch,
    Tender,
    TicketLine,
    parse_percent,
    price_ticket,
    settle,
)
from pos_app.errors import ValidationError

EUR = currency("EUR")
XOF = currency("XOF")


def test_line_and_ticket_discounts_lower_the_total_and_keep_vat_per_rate():
    ticket = price_ticket(
        [
            TicketLine("TEE", 2, Decimal("19.90"), Decimal("20"), Decimal("10")),
            TicketLine("BOOK", 1, Decimal("18.00"), Decimal("5.5")),
        ],
        Decimal("5"),
        EUR,
    )
    tee, book = ticket.lines
    assert (tee.gross, tee.line_discount) == (Decimal("39.80"), Decimal("3.98"))
    assert tee.ticket_discount + book.ticket_discount == Decimal("2.69")  # 5 % of 53.82
    assert ticket.total == Decimal("51.13")
    assert ticket.discount == Decimal("6.67")
    assert sum(v.gross for v in ticket.vat) == ticket.total
    assert [v.rate for v in ticket.vat] == [Decimal("5.5"), Decimal("20")]


@given(
    prices=st.lists(st.integers(1, 100_000), min_size=1, max_size=8),
    quantities=st.lists(st.integers(1, 20), min_size=8, max_size=8),
    line_discount=st.integers(0, 100),
    ticket_discount=st.integers(0, 100),
)
def test_totals_always_add_up_to_the_cent(prices, quantities, line_discount, ticket_discount):
    lines = [
        TicketLine(
            f"S{i}", quantities[i], Decimal(p) / 100, Decimal("20") if i % 2 else Decimal("5.5"), Decimal(line_discount)
        )
        for i, p in enumerate(prices)
    ]
    ticket = price_ticket(lines, Decimal(ticket_discount), EUR)
    assert ticket.total == ticket.gross - ticket.discount
    assert ticket.total >= 0
    assert sum(v.net + v.vat for v in ticket.vat) == ticket.total
    assert all(line.total >= 0 for line in ticket.lines)


def test_cash_gives_change_and_split_tender_settles():
    settlement = settle(Decimal("51.13"), [Tender(PaymentMethod.CASH, Decimal("60"))], EUR)
    assert settlement.change_due == Decimal("8.87")
    split = settle(
        Decimal("51.13"),
        [Tender(PaymentMethod.CARD, Decimal("30"), "T-1"), Tender(PaymentMethod.CASH, Decimal("25"))],
        EUR,
    )
    assert split.change_due == Decimal("3.87")


def test_payments_that_do_not_cover_the_total_say_what_is_still_due():
    with pytest.raises(PaymentMismatch, match=r"1\.13 EUR is still due"):
        settle(Decimal("51.13"), [Tender(PaymentMethod.CARD, Decimal("50"))], EUR)


def test_only_cash_gives_change():
    with pytest.raises(PaymentMismatch, match="only cash gives change"):
        settle(Decimal("10"), [Tender(PaymentMethod.WAVE, Decimal("15"), "W-1")], EUR)


def test_zero_decimal_currency_rounds_discounts_to_whole_francs():
    ticket = price_ticket([TicketLine("BAG", 3, Decimal("1500"), Decimal("18"), Decimal("7"))], Decimal(0), XOF)
    assert ticket.lines[0].line_discount == Decimal("315")
    assert ticket.total == Decimal("4185")


@pytest.mark.parametrize("bad", ["-1", "101", "abc", 5.5, True, "NaN"])
def test_percentages_are_between_0_and_100(bad):
    with pytest.raises(ValidationError):
        parse_percent(bad, "discount")


def test_the_cashiers_line_discount_applies_to_what_the_automatic_discount_left():
    ticket = price_ticket(
        [TicketLine("TEE", 2, Decimal("20.00"), Decimal("20"), Decimal("10"), Decimal("8.00"), "Summer sale -20 %")],
        Decimal("5"),
        EUR,
    )
    (tee,) = ticket.lines
    assert (tee.automatic_discount, tee.discount_label) == (Decimal("8.00"), "Summer sale -20 %")
    assert tee.line_discount == Decimal("3.20")  # 10 % of 32.00
    assert tee.ticket_discount == Decimal("1.44")  # 5 % of 28.80
    assert (tee.discount, tee.total) == (Decimal("12.64"), Decimal("27.36"))
    assert (ticket.automatic_discount, ticket.discount, ticket.total) == (
        Decimal("8.00"),
        Decimal("12.64"),
        Decimal("27.36"),
    )
    assert [(v.gross, v.net, v.vat) for v in ticket.vat] == [(Decimal("27.36"), Decimal("22.80"), Decimal("4.56"))]


def test_the_ticket_discount_is_shared_by_what_is_left_of_each_line_after_automatic_discounts():
    ticket = price_ticket(
        [
            TicketLine("TEE", 1, Decimal("30.00"), Decimal("20"), automatic_discount=Decimal("20.00")),
            TicketLine("BOOK", 1, Decimal("10.00"), Decimal("5.5")),
        ],
        Decimal("10"),
        EUR,
    )
    assert [line.ticket_discount for line in ticket.lines] == [Decimal("1.00"), Decimal("1.00")]


def test_an_automatic_discount_above_the_line_is_a_programming_error():
    with pytest.raises(ValueError, match="automatic discount"):
        price_ticket(
            [TicketLine("TEE", 1, Decimal("5.00"), Decimal("20"), automatic_discount=Decimal("5.01"))], Decimal(0), EUR
        )
