"""Rules for catalogue entries: what a product and a variant (SKU) may hold."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pos_app.domain.money import Currency, parse_price
from pos_app.domain.stock import MAX_QUANTITY
from pos_app.domain.text import clean_code, clean_text
from pos_app.errors import ValidationError

MAX_NAME = 200
MAX_DESCRIPTION = 5000
MAX_GROUP_NAME = 100
MAX_SIZE = 40
MAX_PROPERTIES = 20
MAX_PROPERTY_KEY = 40
MAX_PROPERTY_VALUE = 100


def parse_product_name(value: object) -> str:
    return clean_text(value, "product name", max_length=MAX_NAME)


def parse_description(value: object) -> str:
    return clean_text(value, "description", max_length=MAX_DESCRIPTION, required=False)


def parse_group_name(value: object, field: str) -> str | None:
    """A category or brand name; empty means none."""
    return clean_text(value, field, max_length=MAX_GROUP_NAME, required=False) or None


def parse_sku_code(value: object) -> str:
    return clean_code(value, "sku")


def parse_barcode(value: object) -> str | None:
    """An optional barcode. All-digit EAN-8, UPC-A and EAN-13 codes must carry a correct check digit."""
    code = clean_code(value, "barcode", required=False)
    if not code:
        return None
    if code.isdigit() and len(code) in (8, 12, 13) and not has_valid_check_digit(code):
        raise ValidationError(
            f"Barcode {code} has a wrong check digit (expected {expected_check_digit(code[:-1])}); "
            "check that it was typed or scanned correctly.",
            field="barcode",
        )
    return code


def expected_check_digit(body: str) -> int:
    """GS1 check digit: weights 3 and 1 alternate from the rightmost digit of the body."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return expected_check_digit(code[:-1]) == int(code[-1])


def parse_size(value: object) -> str | None:
    return clean_text(value, "size", max_length=MAX_SIZE, required=False) or None


def parse_properties(value: object) -> dict[str, str]:
    """Free properties of a variant such as {"colour": "Red"}; keys and values are short texts."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError("properties must be pairs of name and value, such as colour: red.", field="properties")
    if len(value) > MAX_PROPERTIES:
        raise ValidationError(f"A variant has at most {MAX_PROPERTIES} properties.", field="properties")
    cleaned: dict[str, str] = {}
    for key, val in value.items():
        name = clean_text(key, "property name", max_length=MAX_PROPERTY_KEY).casefold()
        text = clean_text(val, f"property '{name}'", max_length=MAX_PROPERTY_VALUE, required=False)
        if text:
            cleaned[name] = text
    return cleaned


def parse_threshold(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > MAX_QUANTITY:
        raise ValidationError(
            f"low_stock_threshold must be a whole number from 0 to {MAX_QUANTITY:,} (got {value!r}).",
            field="low_stock_threshold",
        )
    return value


def parse_optional_price(value: object, field: str, cur: Currency) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_price(value, field, cur)


def check_promo_price(price: Decimal, promo_price: Decimal | None) -> None:
    if promo_price is not None and promo_price >= price:
        raise ValidationError(
            f"The promotional price ({promo_price}) must be lower than the price ({price}).",
            field="promo_price",
        )


def unit_price(price: Decimal, promo_price: Decimal | None, price_override: Decimal | None) -> Decimal:
    """What one unit sells for today: a variant's own price wins, then the promotion, then the price."""
    if price_override is not None:
        return price_override
    return promo_price if promo_price is not None else price


def variant_label(size: str | None, properties: Mapping[str, Any]) -> str:
    """'M / Red' for a size M in red; '' for a product without variants."""
    parts = [size] if size else []
    parts += [str(v) for _, v in sorted(properties.items())]
    return " / ".join(parts)
