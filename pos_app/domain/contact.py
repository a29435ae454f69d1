"""Checks of the contact details a shop prints about itself: email, phone and VAT number."""

from __future__ import annotations

import re

from pos_app.errors import ValidationError

EMAIL_PATTERN = re.compile(r"^[^@\s\x00-\x1f\x7f]{1,64}@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ().\-/]*$")
# Tax numbers differ per country (FR40303265045, NINEA 0012345 2G3, ICE 001234567000089), and test and demo
# shops use made-up ones: only the shape is checked, never a country's checksum.
VAT_NUMBER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .\-/]*$")
VAT_NUMBER_SEPARATORS = re.compile(r"[ .\-/]")
MAX_VAT_NUMBER_CHARACTERS = 20


def check_email(address: str, field: str) -> str:
    """An empty text, or an address such as name@example.com."""
    if address and not EMAIL_PATTERN.match(address):
        raise ValidationError(f"'{address}' is not an email address such as name@example.com.", field=field)
    return address


def check_phone(number: str, field: str) -> str:
    """An empty text, or digits with the separators people type (+33 1 23 45 67 89)."""
    if number and not PHONE_PATTERN.match(number):
        raise ValidationError(
            f"'{number}' is not a phone number: use digits, spaces and + ( ) . - / only.", field=field
        )
    return number


def check_vat_number(number: str, field: str) -> str:
    """An empty text, or letters and digits (at least one digit) with spaces, dots, dashes or slashes between."""
    if not number:
        return number
    significant = VAT_NUMBER_SEPARATORS.sub("", number)
    if (
        not VAT_NUMBER_PATTERN.match(number)
        or not any(ch.isdigit() for ch in significant)
        or len(significant) > MAX_VAT_NUMBER_CHARACTERS
    ):
        raise ValidationError(
            f"'{number}' is not a VAT number: type it as the tax office gives it, such as FR40303265045 "
            f"(letters and at least one digit, at most {MAX_VAT_NUMBER_CHARACTERS}).",
            field=field,
        )
    return number
