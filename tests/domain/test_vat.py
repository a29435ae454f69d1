from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.money import currency
from pos_app.domain.vat import format_rate, normalize_rate, parse_vat_rate, split_gross, vat_breakdown
from pos_app.errors import ValidationError

EUR = currency("EUR")
RATES = [Decimal("0"), Decimal("5.5"), Decimal("10"), Decimal("20")]


def test_a_tax_inclusive_price_splits_into_net_and_vat():
    split = split_gross(Decimal("120.00"), Decimal("20"), EUR)
    assert (split.net, split.vat) == (Decimal("100.00"), Decimal("20.00"))


@given(
    cents=st.integers(min_value=0, max_value=10**9),
    rate=st.sampled_from([*RATES, Decimal("2.1")]),
)
def test_net_plus_vat_is_always_the_gross_amount(cents, rate):
    gross = Decimal(cents) / 100
    split = split_gross(gross, rate, EUR)
    assert split.net + split.vat == gross
    assert split.vat >= 0


def test_breakdown_groups_lines_per_rate():
    lines = [(Decimal("12.00"), Decimal("20")), (Decimal("10.55"), Decimal("5.5")), (Decimal("24.00"), Decimal("20"))]
    breakdown = vat_breakdown(lines, EUR)
    assert [b.rate for b in breakdown] == [Decimal("5.5"), Decimal("20")]
    assert breakdown[1].gross == Decimal("36.00")
    assert breakdown[1].vat == Decimal("6.00")
    assert breakdown[0].net == Decimal("10.00")


def test_zero_decimal_currency_splits_in_whole_units():
    split = split_gross(Decimal("1180"), Decimal("18"), currency("XOF"))
    assert (split.net, split.vat) == (Decimal("1000"), Decimal("180"))


def test_rate_must_be_one_of_the_shops_rates():
    assert parse_vat_rate("5,5".replace(",", "."), RATES) == Decimal("5.5")
    assert parse_vat_rate("20 %", RATES) == Decimal("20")
    with pytest.raises(ValidationError, match="not one of the shop's rates"):
        parse_vat_rate(Decimal("0.2"), RATES)
    with pytest.raises(ValidationError, match="percentage"):
        parse_vat_rate("twenty", RATES)


def test_rates_print_without_exponent_or_trailing_zeros():
    assert format_rate(Decimal("20.000")) == "20"
    assert format_rate(Decimal("5.500")) == "5.5"
    assert str(normalize_rate(Decimal("20.000"))) == "20"
