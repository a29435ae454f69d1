from decimal import Decimal

import pytest

from pos_app.domain.catalogue import (
    check_promo_price,
    parse_barcode,
    parse_properties,
    unit_price,
    variant_label,
)
from pos_app.domain.text import search_key
from pos_app.errors import ValidationError


def test_ean13_with_a_wrong_check_digit_is_refused():
    assert parse_barcode("4006381333931") == "4006381333931"
    with pytest.raises(ValidationError, match="wrong check digit"):
        parse_barcode("4006381333932")


def test_non_gs1_barcodes_are_kept_as_typed():
    assert parse_barcode("ABC-123") == "ABC-123"
    assert parse_barcode("  ") is None
    with pytest.raises(ValidationError, match="spaces"):
        parse_barcode("AB 12")


def test_properties_are_short_named_texts():
    assert parse_properties({"Colour": " Red "}) == {"colour": "Red"}
    with pytest.raises(ValidationError):
        parse_properties(["red"])
    with pytest.raises(ValidationError, match="too long"):
        parse_properties({"colour": "x" * 101})


def test_promotion_must_be_below_the_price():
    with pytest.raises(ValidationError, match="lower than the price"):
        check_promo_price(Decimal("10"), Decimal("10"))


def test_variant_price_wins_over_promotion_and_price():
    assert unit_price(Decimal("10"), None, None) == Decimal("10")
    assert unit_price(Decimal("10"), Decimal("8"), None) == Decimal("8")
    assert unit_price(Decimal("10"), Decimal("8"), Decimal("12")) == Decimal("12")


def test_variant_label_and_search_key():
    assert variant_label("M", {"colour": "Rouge"}) == "M / Rouge"
    assert variant_label(None, {}) == ""
    assert search_key("Été", "T-Shirt") == "ete t-shirt"
