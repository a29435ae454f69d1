import pytest

from pos_app.domain.stock import MAX_QUANTITY, MovementKind, StockLevel, parse_kind, parse_quantity, shortfall_after
from pos_app.errors import ValidationError


@pytest.mark.parametrize("bad", [0, -1, 1.5, "1.5", "abc", None, True, MAX_QUANTITY + 1, 10**30])
def test_bad_positive_quantities_are_refused(bad):
    with pytest.raises(ValidationError):
        parse_quantity(bad)


def test_negative_deltas_are_accepted_where_allowed():
    assert parse_quantity(-3, allow_negative=True) == -3
    assert parse_quantity("7") == 7


def test_kinds_must_match_the_direction_of_the_change():
    assert parse_kind("loss", -2) is MovementKind.LOSS
    with pytest.raises(ValidationError, match="removes stock"):
        parse_kind("loss", 2)
    with pytest.raises(ValidationError, match="adds stock"):
        parse_kind("restock", -2)


def test_sales_cannot_be_typed_in_by_hand():
    with pytest.raises(ValidationError, match="written by the counter"):
        parse_kind("sale", -1)
    with pytest.raises(ValidationError, match="Unknown movement kind"):
        parse_kind("theft", -1)


def test_available_is_on_hand_minus_reserved_and_limits_removals():
    level = StockLevel(sku="A", on_hand=5, reserved=3, low_stock_threshold=2)
    assert level.available == 2
    assert level.low_stock
    assert shortfall_after(level, -2) is None
    short = shortfall_after(level, -3)
    assert short is not None and (short.requested, short.available) == (3, 2)
    assert shortfall_after(level, +10) is None
