"""Amounts, rates and dates as a reader of the document's language expects them (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

DEFAULT_LOCALE = "fr_FR"
# The language of a document -> the locale its numbers and dates are written in.
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def locale_for(language: str) -> str:
    return LOCALES.get(language, DEFAULT_LOCALE)


def money(amount: Decimal, currency_code: str, locale: str = DEFAULT_LOCALE) -> str:
    """12.5 EUR -> '12,50 €' in French, '€12.50' in English; as many decimals as the currency has."""
    return format_currency(amount, currency_code, locale=locale)


def percent(rate: Decimal, locale: str = DEFAULT_LOCALE) -> str:
    """A rate given in percent: 5.5 -> '5,5 %' in French, '5.5%' in English."""
    number = format_decimal(rate, locale=locale)
    return f"{number}\u00a0%" if locale.startswith("fr") else f"{number}%"


def short_datetime(moment: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """An aware datetime in this machine's time zone: '22/11/2026 10:00'."""
    return format_datetime(moment.astimezone(), "short", locale=locale)


def short_date(day: date | datetime, locale: str = DEFAULT_LOCALE) -> str:
    shown = day.astimezone().date() if isinstance(day, datetime) else day
    return format_date(shown, "short", locale=locale)


def plain_spaces(text: str) -> str:
    """The text with no-break spaces made plain: receipt printers' code pages have no narrow no-break space."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")
