from decimal import Decimal

import pytest

from pos_app.domain.money import currency, parse_amount, parse_price
from pos_app.errors import ValidationError


def test_euro_rounds_half_up_to_cents():
    eur = currency("eur")
    assert eur.round(Decimal("2.345")) == Decimal("2.35")
    assert eur.round(Decimal("2.344")) == Decimal("2.34")
    assert eur.to_minor(Decimal("12.30")) == 1230


def test_cfa_franc_has_no_minor_unit():
    xof = currency("XOF")
    assert xof.minor_units == 0
    assert xof.round(Decimal("1499.5")) == Decimal("1500")
    assert xof.to_minor(Decimal("1500")) == 1500


def test_unknown_currency_is_refused_with_examples():
    with pytest.raises(ValidationError, match="ISO 4217"):
        currency("ABC")


@pytest.mark.parametrize("value", ["abc", "", "NaN", "Infinity", 1.5, True, None])
def test_non_numeric_amounts_are_refused(value):
    with pytest.raises(ValidationError):
        parse_amount(value, "price")


def test_negative_and_huge_amounts_are_refused():
    with pytest.raises(ValidationError, match="cannot be negative"):
        parse_amount("-0.01", "price")
    with pytest.raises(ValidationError, match="too large"):
        parse_amount("1000000000", "price")


def test_a_comma_is_read_as_the_decimal_separator():
    assert parse_amount("19,90", "price") == Decimal("19.90")


def test_a_price_cannot_have_more_decimals_than_its_currency():
    with pytest.raises(ValidationError, match="more decimals than XOF"):
        parse_price("1500.5", "price", currency("XOF"))
    assert parse_price("1500", "price", currency("XOF")) == Decimal("1500")
