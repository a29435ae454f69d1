"""Amounts as the cashier reads and types them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QCoreApplication, QLocale

from pos_app.documents import formatting
from pos_app.domain.money import Currency, parse_price
from pos_app.errors import ValidationError

FALLBACK_LOCALE = "en_GB"
translate = QCoreApplication.translate


@cache
def ui_locale() -> str:
    """The system's locale for numbers and dates, if Babel knows it ('C' does not mean anything to it)."""
    name = QLocale().name()
    try:
        Locale.parse(name)
    except (ValueError, UnknownLocaleError):
        return FALLBACK_LOCALE
    return name


def money_text(amount: Decimal, currency_code: str) -> str:
    """'€12.50' or '12,50 €', with as many decimals as the currency has."""
    return formatting.money(amount, currency_code, ui_locale())


def moment_text(moment: datetime) -> str:
    """An aware time in this machine's time zone: '22/11/2026, 10:00'."""
    return formatting.short_datetime(moment, ui_locale())


def typed_amount(text: str, cur: Currency, *, allow_zero: bool = False) -> Decimal:
    """A positive amount typed by the cashier ('12.50' or '12,50'). Raises ValidationError in plain words."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    example = "150" if cur.minor_units == 0 else "150.00"
    if not cleaned:
        raise ValidationError(
            translate("Amounts", "Type an amount, such as {example}.").format(example=example), field="amount"
        )
    if cleaned.startswith(("-", "+")):
        raise ValidationError(translate("Amounts", "Type the amount without a sign."), field="amount")
    try:
        amount = parse_price(cleaned, "amount", cur)
    except ValidationError as error:
        if "decimals" in str(error):
            raise ValidationError(
                translate("Amounts", "{code} amounts have {count} decimal(s) at most.").format(
                    code=cur.code, count=cur.minor_units
                ),
                field="amount",
            ) from None
        if "too large" in str(error):
            raise ValidationError(translate("Amounts", "That amount is too large: check it."), field="amount") from None
        raise ValidationError(
            translate("Amounts", "'{typed}' is not an amount: type one such as {example}.").format(
                typed=text.strip(), example=example
            ),
            field="amount",
        ) from None
    if amount == 0 and not allow_zero:
        raise ValidationError(translate("Amounts", "Type an amount greater than zero."), field="amount")
    return amount
