from decimal import Decimal

import pytest

from pos_app.domain.denominations import KNOWN, Denomination, Kind, counted_total, denominations
from pos_app.domain.money import currency
from pos_app.errors import ValidationError


def values(code: str, kind: Kind) -> list[str]:
    return [str(d.value) for d in denominations(currency(code)) if d.kind is kind]


def test_euro_notes_go_from_500_to_5_and_coins_from_2_to_one_cent() -> None:
    assert values("EUR", Kind.NOTE) == ["500", "200", "100", "50", "20", "10", "5"]
    assert values("EUR", Kind.COIN) == ["2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"]


def test_cfa_francs_have_no_fractions_and_a_500_in_notes_and_coins() -> None:
    assert values("XOF", Kind.NOTE) == ["10000", "5000", "2000", "1000", "500"]
    assert values("XOF", Kind.COIN) == ["500", "250", "200", "100", "50", "25", "10", "5", "1"]


@pytest.mark.parametrize("code", sorted(KNOWN))
def test_every_listed_piece_is_a_whole_number_of_the_currencys_minor_unit(code: str) -> None:
    cur = currency(code)
    pieces = denominations(cur)

    assert all(cur.round(d.value) == d.value for d in pieces)
    assert [d.kind for d in pieces] == sorted((d.kind for d in pieces), key=[Kind.NOTE, Kind.COIN].index)
    for kind in Kind:
        kept = [d.value for d in pieces if d.kind is kind]
        assert kept == sorted(kept, reverse=True)


def test_a_currency_not_listed_gets_the_1_2_5_series_down_to_its_minor_unit() -> None:
    sek = denominations(currency("SEK"))
    assert [str(d.value) for d in sek][:4] == ["500", "200", "100", "50"]
    assert [str(d.value) for d in sek][-3:] == ["0.05", "0.02", "0.01"]
    assert {d.kind for d in sek if d.value >= 5} == {Kind.NOTE}
    assert {d.kind for d in sek if d.value < 5} == {Kind.COIN}


def test_a_currency_without_minor_unit_counts_down_to_one() -> None:
    jpy = denominations(currency("JPY"))
    assert [int(d.value) for d in jpy] == [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
    assert [int(d.value) for d in jpy if d.kind is Kind.NOTE] == [10000, 5000, 2000, 1000]


def test_the_counted_total_adds_each_piece_times_its_count() -> None:
    eur = {d.value: d for d in denominations(currency("EUR"))}
    counts = [(eur[Decimal("50")], 2), (eur[Decimal("0.20")], 3), (eur[Decimal("0.01")], 7), (eur[Decimal("5")], 0)]

    assert counted_total(counts) == Decimal("100.67")
    assert counted_total([]) == Decimal(0)


def test_notes_and_coins_of_the_same_value_count_apart() -> None:
    note, coin = Denomination(Decimal(500), Kind.NOTE), Denomination(Decimal(500), Kind.COIN)

    assert counted_total([(note, 3), (coin, 4)]) == Decimal(3500)


@pytest.mark.parametrize("count", [-1, 1.5, "3", True, 100_001])
def test_a_count_that_is_not_a_whole_number_of_pieces_is_refused(count: object) -> None:
    with pytest.raises(ValidationError, match="whole number from 0 to 100000"):
        counted_total([(Denomination(Decimal(10), Kind.NOTE), count)])  # type: ignore[list-item]
