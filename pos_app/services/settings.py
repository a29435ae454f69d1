"""Shop settings the other services read: identity, currency and VAT rates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import Setting, TaxRate
from pos_app.domain.money import Currency, currency
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.text import clean_text
from pos_app.domain.vat import normalize_rate
from pos_app.errors import ValidationError
from pos_app.services.unit_of_work import UnitOfWork

BLIND_CLOSE = "till.blind_close"


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str
    currency: Currency
    vat_rates: tuple[Decimal, ...]
    # A blind close: cashiers count the drawer without being shown what it should hold.
    blind_close: bool = False


def read_settings(session: Session) -> ShopSettings:
    values = dict(session.execute(select(Setting.key, Setting.value)).all())
    rates = tuple(session.scalars(select(TaxRate.rate).order_by(TaxRate.rate)).all())
    return ShopSettings(
        shop_name=values.get("shop_name", ""),
        currency=currency(values.get("currency", "EUR")),
        vat_rates=tuple(normalize_rate(r) for r in rates),
        blind_close=values.get(BLIND_CLOSE, "") == "on",
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
        self, actor: Actor, *, shop_name: str | None = None, currency_code: str | None = None
    ) -> ShopSettings:
        """Change the shop's name or currency. Raises PermissionDenied, ValidationError."""
        actor.require(Permission.MANAGE_SETTINGS)
        changes: dict[str, str] = {}
        if shop_name is not None:
            changes["shop_name"] = clean_text(shop_name, "shop name", max_length=200)
        if currency_code is not None:
            changes["currency"] = currency(currency_code).code
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

        Rates are never removed here: products and past sales refer to them."""
        actor.require(Permission.MANAGE_SETTINGS)
        for rate in rates:
            if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate < 100:
                raise ValidationError(f"VAT rate {rate} must be a percentage from 0 to 99.999.", field="vat_rate")
        with UnitOfWork(self._db, write=True) as uow:
            existing = {r.rate: r for r in uow.session.scalars(select(TaxRate))}
            for rate, label in rates.items():
                row = existing.get(rate)
                if row is None:
                    uow.session.add(TaxRate(rate=rate, label=label))
                else:
                    row.label = label
            uow.commit()
            self._cache = read_settings(uow.session)
            return self._cache
