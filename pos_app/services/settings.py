"""Shop settings the other services read: identity, currency, VAT rates, invoicing and how long holds last."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app import config
from pos_app.db.connection import core
from pos_app.db.engine import Database
from pos_app.db.models import Product, Setting, TaxRate
from pos_app.domain.contact import check_email, check_phone, check_vat_number
from pos_app.domain.money import Currency, currency
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.text import clean_text
from pos_app.domain.vat import format_rate, normalize_rate
from pos_app.errors import Conflict, NotFound, ValidationError
from pos_app.services.unit_of_work import UnitOfWork

BLIND_CLOSE = "till.blind_close"
LOGO = "shop_logo"  # a data: URL, read only by what prints it (it can weigh hundreds of kilobytes)
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_LOGO_BYTES = 512 * 1024
# What receipts and invoices print about the shop: setting key -> (label, longest length).
IDENTITY_FIELDS = {
    "shop_address": ("address", 500),
    "shop_vat_number": ("VAT number", 40),
    "shop_company_number": ("company number", 40),
    "shop_email": ("email", 254),
    "shop_phone": ("phone", 30),
    "legal_mentions": ("legal mentions", 2000),
}
IDENTITY_CHECKS = {"shop_email": check_email, "shop_phone": check_phone, "shop_vat_number": check_vat_number}
RESERVATION_MINUTES = "reservations.minutes"
INVOICE_LANGUAGES = ("fr", "en")
SERIES_PATTERN = re.compile(r"[A-Z][A-Z0-9]{0,9}")


@dataclass(frozen=True)
class Invoicing:
    series: str = "F"
    credit_note_series: str = "AV"
    due_days: int = 30
    language: str = "fr"


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str
    currency: Currency
    vat_rates: tuple[Decimal, ...]
    # A blind close: cashiers count the drawer without being shown what it should hold.
    blind_close: bool = False
    shop_address: str = ""
    shop_vat_number: str = ""
    shop_company_number: str = ""
    shop_email: str = ""
    shop_phone: str = ""
    legal_mentions: str = ""
    invoicing: Invoicing = Invoicing()
    # How long an online checkout holds its stock; POS_RESERVATION_MINUTES, where set, wins over it.
    reservation_minutes: int = config.DEFAULT_RESERVATION_MINUTES


@dataclass(frozen=True)
class VatRateInfo:
    rate: Decimal
    label: str
    products: int  # products sold at this rate: a rate in use cannot be removed


_ALL_SETTINGS = select(Setting.__table__.c.key, Setting.__table__.c.value).where(Setting.__table__.c.key != LOGO)
_RATES = select(TaxRate.__table__.c.rate).order_by(TaxRate.__table__.c.rate)


_CURRENCY = select(Setting.__table__.c.value).where(Setting.__table__.c.key == "currency")
_RESERVATION_MINUTES = select(Setting.__table__.c.value).where(Setting.__table__.c.key == RESERVATION_MINUTES)


def read_currency(session: Session) -> Currency:
    """The shop's currency alone: what a sale needs of the settings."""
    return currency(core(session).execute(_CURRENCY).scalar_one_or_none() or "EUR")


def read_reservation_minutes(session: Session) -> int:
    """How long a new hold lasts, as the admin set it (15 minutes by default)."""
    stored = session.execute(_RESERVATION_MINUTES).scalar_one_or_none()
    return int(stored) if stored else config.DEFAULT_RESERVATION_MINUTES


def read_settings(session: Session) -> ShopSettings:
    values = dict(session.execute(_ALL_SETTINGS).all())
    rates = tuple(session.scalars(_RATES).all())
    return ShopSettings(
        shop_name=values.get("shop_name", ""),
        currency=currency(values.get("currency", "EUR")),
        vat_rates=tuple(normalize_rate(r) for r in rates),
        blind_close=values.get(BLIND_CLOSE, "") == "on",
        invoicing=Invoicing(
            series=values.get("invoice.series", Invoicing.series),
            credit_note_series=values.get("invoice.credit_note_series", Invoicing.credit_note_series),
            due_days=int(values.get("invoice.due_days", Invoicing.due_days)),
            language=values.get("invoice.language", Invoicing.language),
        ),
        reservation_minutes=int(values.get(RESERVATION_MINUTES) or config.DEFAULT_RESERVATION_MINUTES),
        **{key: values.get(key, "") for key in IDENTITY_FIELDS},
    )


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._cache: ShopSettings | None = None

    def current(self) -> ShopSettings:
        with UnitOfWork(self._db, write=False) as uow:
            self._cache = read_settings(uow.session)
        return self._cache

    def cached(self) -> ShopSettings:
        """The settings as last read by this process: for formatting, where a stale read is harmless."""
        return self._cache if self._cache is not None else self.current()

    def update_identity(
        self,
        actor: Actor,
        *,
        shop_name: str | None = None,
        currency_code: str | None = None,
        **identity: str,
    ) -> ShopSettings:
        """Change the shop's name, currency or what receipts and invoices print about it (the keys of
        IDENTITY_FIELDS: shop_address, shop_vat_number, ...). Every value is checked before any is saved.
        Raises PermissionDenied, ValidationError naming the field."""
        actor.require(Permission.MANAGE_SETTINGS)
        changes: dict[str, str] = {}
        if shop_name is not None:
            changes["shop_name"] = clean_text(shop_name, "shop name", max_length=200)
        if currency_code is not None:
            changes["currency"] = currency(currency_code).code
        for key, value in identity.items():
            if key not in IDENTITY_FIELDS:
                raise ValidationError(f"Unknown shop setting '{key}'.", field=key)
            label, longest = IDENTITY_FIELDS[key]
            text = clean_text(value, label, max_length=longest, required=False)
            check = IDENTITY_CHECKS.get(key)
            changes[key] = check(text, key) if check else text
        return self._write(changes)

    def update_reservations(self, actor: Actor, *, minutes: int) -> ShopSettings:
        """How long an online checkout holds its stock while its customer pays, in minutes (1 to 1440).
        Holds already taken keep their time. Raises PermissionDenied, ValidationError."""
        actor.require(Permission.MANAGE_SETTINGS)
        longest = config.MAX_RESERVATION_MINUTES
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= longest:
            raise ValidationError(
                f"A hold lasts from 1 to {longest} minutes (got {minutes!r}).", field="reservation_minutes"
            )
        return self._write({RESERVATION_MINUTES: str(minutes)})

    def update_invoicing(
        self,
        actor: Actor,
        *,
        series: str | None = None,
        credit_note_series: str | None = None,
        due_days: int | None = None,
        language: str | None = None,
    ) -> ShopSettings:
        """Invoice numbering series (a capital letter, then up to 9 capitals or digits), the payment term in
        days and the language invoices are printed in. Numbers already given are never renumbered."""
        actor.require(Permission.MANAGE_SETTINGS)
        changes: dict[str, str] = {}
        for key, value in (("invoice.series", series), ("invoice.credit_note_series", credit_note_series)):
            if value is not None:
                if not SERIES_PATTERN.fullmatch(str(value)):
                    raise ValidationError(
                        f"A series is a capital letter then up to 9 capitals or digits (got '{value}').", field=key
                    )
                changes[key] = str(value)
        if due_days is not None:
            if isinstance(due_days, bool) or not isinstance(due_days, int) or not 0 <= due_days <= 365:
                raise ValidationError("The payment term is 0 to 365 days.", field="due_days")
            changes["invoice.due_days"] = str(due_days)
        if language is not None:
            if language not in INVOICE_LANGUAGES:
                raise ValidationError(f"Invoices are printed in {' or '.join(INVOICE_LANGUAGES)}.", field="language")
            changes["invoice.language"] = language
        merged = {**dict(self._current_invoicing_keys()), **changes}
        if merged.get("invoice.series", Invoicing.series) == merged.get(
            "invoice.credit_note_series", Invoicing.credit_note_series
        ):
            raise ValidationError("Invoices and credit notes need different series.", field="credit_note_series")
        return self._write(changes)

    def set_logo(self, actor: Actor, image: bytes | None) -> None:
        """The shop's logo for invoices: a PNG or JPEG file's bytes, or None to remove it."""
        actor.require(Permission.MANAGE_SETTINGS)
        if image is None:
            value = ""
        else:
            kind = next((mime for magic, mime in LOGO_TYPES.items() if image.startswith(magic)), None)
            if kind is None:
                raise ValidationError("The logo must be a PNG or JPEG image.", field="logo")
            if len(image) > MAX_LOGO_BYTES:
                raise ValidationError(
                    f"The logo weighs {len(image) // 1024} KB; use an image of at most {MAX_LOGO_BYTES // 1024} KB.",
                    field="logo",
                )
            value = f"data:{kind};base64,{base64.b64encode(image).decode('ascii')}"
        self._write({LOGO: value})

    def logo(self) -> str | None:
        """The logo as a data: URL, or None."""
        with UnitOfWork(self._db, write=False) as uow:
            return uow.session.scalar(select(Setting.value).where(Setting.key == LOGO)) or None

    def _current_invoicing_keys(self) -> list[tuple[str, str]]:
        with UnitOfWork(self._db, write=False) as uow:
            return list(uow.session.execute(select(Setting.key, Setting.value).where(Setting.key.like("invoice.%"))))

    def _write(self, changes: dict[str, str]) -> ShopSettings:
        with UnitOfWork(self._db, write=True) as uow:
            for key, value in changes.items():
                uow.session.merge(Setting(key=key, value=value))
            uow.commit()
            self._cache = read_settings(uow.session)
            return self._cache

    def set_blind_close(self, actor: Actor, on: bool) -> ShopSettings:
        """Whether cashiers close their till blind, without seeing the expected cash or the variance."""
        actor.require(Permission.MANAGE_SETTINGS)
        with UnitOfWork(self._db, write=True) as uow:
            uow.session.merge(Setting(key=BLIND_CLOSE, value="on" if on else "off"))
            uow.commit()
            self._cache = read_settings(uow.session)
            return self._cache

    def add_vat_rates(self, actor: Actor, rates: dict[Decimal, str]) -> ShopSettings:
        """Add VAT rates products may use, or relabel existing ones (percent -> label).

        Rates are only removed by remove_vat_rate, once no product uses them."""
        actor.require(Permission.MANAGE_SETTINGS)
        for rate in rates:
            if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate < 100 or rate != round(rate, 3):
                raise ValidationError(
                    f"VAT rate {rate} must be a percentage from 0 to 99.999, with at most 3 decimals.",
                    field="vat_rate",
                )
        labels = {rate: clean_text(label, "label", max_length=80, required=False) for rate, label in rates.items()}
        with UnitOfWork(self._db, write=True) as uow:
            existing = {r.rate: r for r in uow.session.scalars(select(TaxRate))}
            for rate, label in labels.items():
                row = existing.get(rate)
                if row is None:
                    uow.session.add(TaxRate(rate=rate, label=label))
                else:
                    row.label = label
            uow.commit()
            self._cache = read_settings(uow.session)
            return self._cache

    def vat_rate_list(self) -> list[VatRateInfo]:
        """The shop's VAT rates with their labels and how many products use each, lowest rate first."""
        used = select(Product.vat_rate, func.count().label("products")).group_by(Product.vat_rate).subquery()
        query = (
            select(TaxRate.rate, TaxRate.label, func.coalesce(used.c.products, 0))
            .outerjoin(used, used.c.vat_rate == TaxRate.rate)
            .order_by(TaxRate.rate)
        )
        with UnitOfWork(self._db, write=False) as uow:
            rows = uow.session.execute(query).all()
        return [VatRateInfo(normalize_rate(rate), label, count) for rate, label, count in rows]

    def remove_vat_rate(self, actor: Actor, rate: Decimal) -> ShopSettings:
        """Remove a VAT rate that no product uses (past sales keep their own copy of the rate).
        Raises PermissionDenied, NotFound, Conflict while products still use it."""
        actor.require(Permission.MANAGE_SETTINGS)
        with UnitOfWork(self._db, write=True) as uow:
            row = uow.session.get(TaxRate, rate)
            if row is None:
                raise NotFound(f"The shop has no VAT rate of {format_rate(rate)} %.")
            products = uow.session.scalar(select(func.count()).select_from(Product).where(Product.vat_rate == rate))
            if products:
                raise Conflict(
                    f"{products} product(s) are sold at {format_rate(rate)} % VAT: move them to another rate "
                    "in the catalogue first, then remove it.",
                    field="vat_rate",
                )
            uow.session.delete(row)
            uow.commit()
            self._cache = read_settings(uow.session)
            return self._cache
