"""Customers, the partner organisations whose members get a special discount, and dated promotions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from pos_app.db.engine import Database
from pos_app.db.models import Category, Customer, Partner, Product, Promotion, Sku
from pos_app.db.search import LIKE_ESCAPE, like_pattern
from pos_app.domain.contact import EMAIL_PATTERN, PHONE_PATTERN
from pos_app.domain.promotions import (
    PartnerKind,
    PromotionKind,
    PromotionTerms,
    Segment,
    parse_partner_discount,
    parse_partner_kind,
    parse_promotion_terms,
    parse_segment,
    segments_of,
    segments_text,
)
from pos_app.domain.roles import ROLE_LABELS, Actor, Permission
from pos_app.domain.text import clean_code, clean_text
from pos_app.domain.vat import normalize_rate
from pos_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pos_app.services.settings import read_settings
from pos_app.services.stock_records import flush_or_conflict
from pos_app.services.unit_of_work import Clock, UnitOfWork

SEARCH_LIMIT = 50
MAX_SEARCH_LIMIT = 500
MAX_TARGETS = 1000  # products or categories named by one promotion
# Separators people type inside phone numbers; a search for "771234567" finds "+221 77 123 45 67".
PHONE_SEPARATORS = " ().-/+"


@dataclass(frozen=True)
class PartnerInfo:
    id: int
    name: str
    kind: PartnerKind
    contact: str
    email: str
    phone: str
    discount_percent: Decimal
    active: bool


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    name: str
    email: str
    phone: str
    address: str
    vat_number: str
    company_number: str
    segment: Segment | None
    partner_id: int | None
    partner: str | None
    partner_discount_percent: Decimal  # what the partner gives today: 0 once the partner is deactivated
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class PromotionInfo:
    id: int
    name: str
    kind: PromotionKind
    value: Decimal
    starts_at: datetime
    ends_at: datetime
    segments: tuple[Segment, ...]  # none: everyone
    product_ids: tuple[int, ...]
    products: tuple[str, ...]  # product names, in the order of product_ids
    categories: tuple[str, ...]  # no products and no categories: everything
    active: bool


class CustomerService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ----- partners ----------------------------------------------------------------------------

    def create_partner(
        self,
        actor: Actor,
        *,
        name: str,
        kind: str,
        discount_percent: Decimal,
        contact: str = "",
        email: str = "",
        phone: str = "",
    ) -> PartnerInfo:
        """Register a partner organisation whose members get `discount_percent` off.

        Raises PermissionDenied, ValidationError (naming the field), Conflict for a taken name."""
        actor.require(Permission.MANAGE_CATALOGUE)
        fields = _parse_fields(
            _PARTNER_FIELDS,
            {
                "name": name,
                "kind": kind,
                "discount_percent": discount_percent,
                "contact": contact,
                "email": email,
                "phone": phone,
            },
        )
        with UnitOfWork(self._db, write=True) as uow:
            _check_partner_name_free(uow.session, fields["name"], None)
            partner = Partner(active=True, **fields)
            uow.session.add(partner)
            flush_or_conflict(uow.session)
            uow.commit()
            return _partner_info(partner)

    def update_partner(self, actor: Actor, partner_id: int, **changes: Any) -> PartnerInfo:
        """Change a partner's name, kind, discount_percent, contact, email, phone or active flag.

        Raises PermissionDenied, NotFound, ValidationError, Conflict for a taken name."""
        actor.require(Permission.MANAGE_CATALOGUE)
        _refuse_unknown_fields(changes, {*_PARTNER_FIELDS, "active"})
        fields = _parse_fields(_PARTNER_FIELDS, changes)
        if "active" in changes:
            fields["active"] = _parse_flag(changes["active"], "active")
        with UnitOfWork(self._db, write=True) as uow:
            partner = _partner(uow.session, partner_id)
            if "name" in fields:
                _check_partner_name_free(uow.session, fields["name"], partner.id)
            for key, value in fields.items():
                setattr(partner, key, value)
            flush_or_conflict(uow.session)
            uow.commit()
            return _partner_info(partner)

    def deactivate_partner(self, actor: Actor, partner_id: int) -> PartnerInfo:
        """End a partnership: its members keep their link but no longer get its discount."""
        return self.update_partner(actor, partner_id, active=False)

    def partners(self, *, include_inactive: bool = False) -> list[PartnerInfo]:
        query = select(Partner).order_by(Partner.name)
        if not include_inactive:
            query = query.where(Partner.active.is_(True))
        with UnitOfWork(self._db, write=False) as uow:
            return [_partner_info(p) for p in uow.session.scalars(query)]

    # ----- customers ---------------------------------------------------------------------------

    def create_customer(
        self,
        actor: Actor,
        *,
        name: str,
        email: str = "",
        phone: str = "",
        address: str = "",
        vat_number: str = "",
        company_number: str = "",
        segment: str | None = None,
        partner_id: int | None = None,
    ) -> CustomerInfo:
        """Register a customer, at the counter or in the back office.

        Raises PermissionDenied (neither selling nor managing the catalogue), ValidationError (naming the
        field, also for an unknown segment), NotFound for an unknown or inactive partner."""
        _require_any(actor, Permission.SELL, Permission.MANAGE_CATALOGUE)
        fields = _parse_fields(
            _CUSTOMER_FIELDS,
            {
                "name": name,
                "email": email,
                "phone": phone,
                "address": address,
                "vat_number": vat_number,
                "company_number": company_number,
                "segment": segment,
            },
        )
        with UnitOfWork(self._db, write=True) as uow:
            partner = _active_partner(uow.session, partner_id)
            customer = Customer(active=True, created_at=self._clock(), partner=partner, **fields)
            uow.session.add(customer)
            uow.session.flush()
            uow.commit()
            return _customer_info(customer)

    def update_customer(self, actor: Actor, customer_id: int, **changes: Any) -> CustomerInfo:
        """Change a customer's name, email, phone, address, vat_number, company_number, segment (None:
        none), partner_id (None: none) or active flag.

        Raises PermissionDenied, NotFound (customer, or an unknown or inactive partner), ValidationError."""
        _require_any(actor, Permission.SELL, Permission.MANAGE_CATALOGUE)
        _refuse_unknown_fields(changes, {*_CUSTOMER_FIELDS, "partner_id", "active"})
        fields = _parse_fields(_CUSTOMER_FIELDS, changes)
        if "active" in changes:
            fields["active"] = _parse_flag(changes["active"], "active")
        with UnitOfWork(self._db, write=True) as uow:
            customer = _customer(uow.session, customer_id)
            if "partner_id" in changes:
                fields["partner"] = _active_partner(uow.session, changes["partner_id"])
            for key, value in fields.items():
                setattr(customer, key, value)
            uow.session.flush()
            uow.commit()
            return _customer_info(customer)

    def deactivate_customer(self, actor: Actor, customer_id: int) -> CustomerInfo:
        """Hide a customer from searches and refuse them at checkout; past sales keep them."""
        return self.update_customer(actor, customer_id, active=False)

    def customer(self, customer_id: int) -> CustomerInfo:
        """One customer, active or not. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            return _customer_info(_customer(uow.session, customer_id))

    def search_customers(
        self, text: str, limit: int = SEARCH_LIMIT, *, include_inactive: bool = False
    ) -> list[CustomerInfo]:
        """Customers whose name, email or phone contain every word of `text`, in name order, at most
        `limit` of them. A phone number matches whatever separators it was typed with."""
        words = clean_text(text, "search", max_length=200, required=False).split()
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise ValidationError(f"limit must be a whole number from 1 to {MAX_SEARCH_LIMIT}.", field="limit")
        query = (
            select(Customer)
            .options(selectinload(Customer.partner))
            .where(*(_customer_matches(word) for word in words))
            .order_by(Customer.name, Customer.id)
            .limit(limit)
        )
        if not include_inactive:
            query = query.where(Customer.active.is_(True))
        with UnitOfWork(self._db, write=False) as uow:
            return [_customer_info(c) for c in uow.session.scalars(query)]

    # ----- promotions --------------------------------------------------------------------------

    def create_promotion(
        self,
        actor: Actor,
        *,
        name: str,
        kind: str,
        value: Decimal,
        starts_at: datetime,
        ends_at: datetime,
        skus: Sequence[str] = (),
        product_ids: Sequence[int] = (),
        categories: Sequence[str] = (),
        segments: Sequence[str] = (),
    ) -> PromotionInfo:
        """Create a promotion from `starts_at` (included) to `ends_at` (excluded): `value` percent off, or
        `value` off each unit (kind 'fixed'), on the products of `skus` and `product_ids` and on the
        products of `categories` (none named: on everything), for customers of `segments` (none: everyone).

        Raises PermissionDenied, ValidationError (naming the field), NotFound listing every unknown SKU,
        product id or category."""
        actor.require(Permission.MANAGE_CATALOGUE)
        fields = {"name": name, "kind": kind, "value": value, "starts_at": starts_at, "ends_at": ends_at}
        with UnitOfWork(self._db, write=True) as uow:
            terms = parse_promotion_terms(**fields, segments=segments, cur=read_settings(uow.session).currency)
            products = _products_named(uow.session, skus, product_ids)
            category_rows = _categories_named(uow.session, categories)
            promotion = Promotion(active=True, products=products, categories=category_rows)
            _apply_terms(promotion, terms)
            uow.session.add(promotion)
            uow.session.flush()
            uow.commit()
            return _promotion_info(promotion)

    def update_promotion(self, actor: Actor, promotion_id: int, **changes: Any) -> PromotionInfo:
        """Change a promotion's name, kind, value, starts_at, ends_at, segments, categories, or products
        (given as skus and/or product_ids, which together replace the products), or its active flag.

        Raises PermissionDenied, NotFound (promotion, SKU, product or category), ValidationError."""
        actor.require(Permission.MANAGE_CATALOGUE)
        term_fields = {"name", "kind", "value", "starts_at", "ends_at", "segments"}
        _refuse_unknown_fields(changes, {*term_fields, "skus", "product_ids", "categories", "active"})
        active = _parse_flag(changes["active"], "active") if "active" in changes else None
        with UnitOfWork(self._db, write=True) as uow:
            promotion = _promotion(uow.session, promotion_id)
            current = {
                "name": promotion.name,
                "kind": promotion.kind,
                "value": promotion.value,
                "starts_at": promotion.starts_at,
                "ends_at": promotion.ends_at,
                "segments": [s.value for s in segments_of(promotion.segments)],
            }
            current.update({key: changes[key] for key in term_fields & changes.keys()})
            _apply_terms(promotion, parse_promotion_terms(**current, cur=read_settings(uow.session).currency))
            if "skus" in changes or "product_ids" in changes:
                promotion.products = _products_named(
                    uow.session, changes.get("skus", ()), changes.get("product_ids", ())
                )
            if "categories" in changes:
                promotion.categories = _categories_named(uow.session, changes["categories"])
            if active is not None:
                promotion.active = active
            uow.session.flush()
            uow.commit()
            return _promotion_info(promotion)

    def deactivate_promotion(self, actor: Actor, promotion_id: int) -> PromotionInfo:
        """Stop a promotion before its end date."""
        return self.update_promotion(actor, promotion_id, active=False)

    def promotion(self, promotion_id: int) -> PromotionInfo:
        """One promotion, whatever its dates. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            return _promotion_info(_promotion(uow.session, promotion_id))

    def active_promotions(self, at: datetime | None = None) -> list[PromotionInfo]:
        """The promotions running at `at` (default: now), soonest ending first."""
        moment = self._clock() if at is None else at
        if not isinstance(moment, datetime) or moment.tzinfo is None:
            raise ValidationError("at must be a date and time with a time zone.", field="at")
        query = (
            select(Promotion)
            .options(selectinload(Promotion.products), selectinload(Promotion.categories))
            .where(Promotion.active.is_(True), Promotion.starts_at <= moment, Promotion.ends_at > moment)
            .order_by(Promotion.ends_at, Promotion.name, Promotion.id)
        )
        with UnitOfWork(self._db, write=False) as uow:
            return [_promotion_info(p) for p in uow.session.scalars(query)]


# ----- field parsing -------------------------------------------------------------------------------


def _optional_text(field: str, max_length: int) -> Callable[[object], str]:
    return lambda value: clean_text(value, field, max_length=max_length, required=False)


def _parse_email(value: object) -> str:
    address = clean_text(value, "email", max_length=254, required=False)
    if address and not EMAIL_PATTERN.match(address):
        raise ValidationError(f"'{address}' is not an email address such as name@example.com.", field="email")
    return address


def _parse_phone(value: object) -> str:
    number = clean_text(value, "phone", max_length=30, required=False)
    if number and not PHONE_PATTERN.match(number):
        raise ValidationError(
            f"'{number}' is not a phone number: use digits, spaces and + ( ) . - / only.", field="phone"
        )
    return number


def _segment_value(value: object) -> str | None:
    segment = parse_segment(value)
    return None if segment is None else segment.value


_CUSTOMER_FIELDS: dict[str, Callable[[object], Any]] = {
    "name": lambda value: clean_text(value, "name", max_length=200),
    "email": _parse_email,
    "phone": _parse_phone,
    "address": _optional_text("address", 1000),
    "vat_number": _optional_text("vat_number", 40),
    "company_number": _optional_text("company_number", 40),
    "segment": _segment_value,
}

_PARTNER_FIELDS: dict[str, Callable[[object], Any]] = {
    "name": lambda value: clean_text(value, "name", max_length=100),
    "kind": lambda value: parse_partner_kind(value).value,
    "discount_percent": parse_partner_discount,
    "contact": _optional_text("contact", 100),
    "email": _parse_email,
    "phone": _parse_phone,
}


def _parse_fields(parsers: Mapping[str, Callable[[object], Any]], values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: parsers[key](value) for key, value in values.items() if key in parsers}


def _parse_flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{field} must be true or false (got {value!r}).", field=field)
    return value


def _parse_id(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{field} must be a whole number (got {value!r}).", field=field)
    return value


def _refuse_unknown_fields(changes: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(
            f"Cannot change {', '.join(unknown)}: the fields that can change are {', '.join(sorted(allowed))}.",
            field=unknown[0],
        )


def _require_any(actor: Actor, *permissions: Permission) -> None:
    if not any(actor.can(permission) for permission in permissions):
        raise PermissionDenied(
            f"{actor.username} ({ROLE_LABELS[actor.role]}) may not {' or '.join(permissions)}, "
            "so may not register or edit customers. Ask a cashier or a stock manager."
        )


# ----- look-ups ------------------------------------------------------------------------------------


def _partner(session: Session, partner_id: object) -> Partner:
    partner = session.get(Partner, _parse_id(partner_id, "partner_id"))
    if partner is None:
        raise NotFound(f"No partner with id {partner_id}. Choose one from the list of partners.")
    return partner


def _active_partner(session: Session, partner_id: object) -> Partner | None:
    if partner_id is None:
        return None
    partner = _partner(session, partner_id)
    if not partner.active:
        raise NotFound(f"The partnership with {partner.name} has ended: choose an active partner.")
    return partner


def _check_partner_name_free(session: Session, name: str, own_id: int | None) -> None:
    # Compared in Python: SQLite's lower() folds ASCII letters only. A shop has a few dozen partners.
    wanted = name.casefold()
    for partner_id, existing in session.execute(select(Partner.id, Partner.name)):
        if partner_id != own_id and existing.casefold() == wanted:
            raise Conflict(f"A partner named '{existing}' exists already.", field="name")


def _customer(session: Session, customer_id: object) -> Customer:
    customer = session.get(Customer, _parse_id(customer_id, "customer_id"))
    if customer is None:
        raise NotFound(f"No customer with id {customer_id}. Search the customer by name, email or phone.")
    return customer


def _promotion(session: Session, promotion_id: object) -> Promotion:
    promotion = session.get(Promotion, _parse_id(promotion_id, "promotion_id"))
    if promotion is None:
        raise NotFound(f"No promotion with id {promotion_id}.")
    return promotion


def _customer_matches(word: str) -> ColumnElement[bool]:
    pattern = like_pattern(word)
    matches = [Customer.name.ilike(pattern, escape=LIKE_ESCAPE), Customer.email.ilike(pattern, escape=LIKE_ESCAPE)]
    digits = word.translate({ord(ch): None for ch in PHONE_SEPARATORS})
    if digits.isdigit():
        phone_digits: ColumnElement[str] = Customer.phone
        for separator in PHONE_SEPARATORS:
            phone_digits = func.replace(phone_digits, separator, "")
        matches.append(phone_digits.like(f"%{digits}%"))
    return or_(*matches)


def _targets(values: object, field: str) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(f"{field} must be a list (got {values!r}).", field=field)
    listed = list(values)
    if len(listed) > MAX_TARGETS:
        raise ValidationError(f"A promotion names at most {MAX_TARGETS} {field}.", field=field)
    return listed


def _products_named(session: Session, skus: object, product_ids: object) -> list[Product]:
    """The products of the SKU codes and product ids, each once. Raises NotFound listing every unknown one."""
    codes = {clean_code(code, "skus") for code in _targets(skus, "skus")}
    ids = {_parse_id(value, "product_ids") for value in _targets(product_ids, "product_ids")}
    by_code = dict(session.execute(select(Sku.code, Sku.product_id).where(Sku.code.in_(sorted(codes)))).all())
    products = {
        p.id: p for p in session.scalars(select(Product).where(Product.id.in_(sorted(ids | set(by_code.values())))))
    }
    problems = []
    if codes - by_code.keys():
        problems.append(f"unknown SKU {', '.join(sorted(codes - by_code.keys()))}")
    if ids - products.keys():
        problems.append(f"unknown product id {', '.join(str(i) for i in sorted(ids - products.keys()))}")
    if problems:
        raise NotFound(f"The promotion names products that do not exist: {'; '.join(problems)}.")
    return [products[product_id] for product_id in sorted(products)]


def _categories_named(session: Session, names: object) -> list[Category]:
    """The categories of these names, whatever their case. Raises NotFound listing every unknown one."""
    wanted = [clean_text(name, "categories", max_length=100) for name in _targets(names, "categories")]
    if not wanted:
        return []
    existing = {c.name.casefold(): c for c in session.scalars(select(Category))}
    unknown = sorted({name for name in wanted if name.casefold() not in existing})
    if unknown:
        known = ", ".join(sorted(c.name for c in existing.values())) or "none yet"
        raise NotFound(f"Unknown category {', '.join(unknown)}. The categories are: {known}.")
    chosen = {existing[name.casefold()].id: existing[name.casefold()] for name in wanted}
    return [chosen[category_id] for category_id in sorted(chosen)]


def _apply_terms(promotion: Promotion, terms: PromotionTerms) -> None:
    promotion.name = terms.name
    promotion.kind = terms.kind.value
    promotion.value = terms.value
    promotion.starts_at = terms.starts_at
    promotion.ends_at = terms.ends_at
    promotion.segments = segments_text(terms.segments)


# ----- results -------------------------------------------------------------------------------------


def _partner_info(partner: Partner) -> PartnerInfo:
    return PartnerInfo(
        id=partner.id,
        name=partner.name,
        kind=PartnerKind(partner.kind),
        contact=partner.contact,
        email=partner.email,
        phone=partner.phone,
        discount_percent=normalize_rate(partner.discount_percent),
        active=partner.active,
    )


def _customer_info(customer: Customer) -> CustomerInfo:
    partner = customer.partner
    return CustomerInfo(
        id=customer.id,
        name=customer.name,
        email=customer.email,
        phone=customer.phone,
        address=customer.address,
        vat_number=customer.vat_number,
        company_number=customer.company_number,
        segment=None if customer.segment is None else Segment(customer.segment),
        partner_id=customer.partner_id,
        partner=None if partner is None else partner.name,
        partner_discount_percent=normalize_rate(partner.discount_percent) if partner and partner.active else Decimal(0),
        active=customer.active,
        created_at=customer.created_at,
    )


def _promotion_info(promotion: Promotion) -> PromotionInfo:
    products = sorted(promotion.products, key=lambda p: p.id)
    kind = PromotionKind(promotion.kind)
    return PromotionInfo(
        id=promotion.id,
        name=promotion.name,
        kind=kind,
        value=normalize_rate(promotion.value) if kind is PromotionKind.PERCENT else Decimal(promotion.value),
        starts_at=promotion.starts_at,
        ends_at=promotion.ends_at,
        segments=tuple(sorted(segments_of(promotion.segments))),
        product_ids=tuple(p.id for p in products),
        products=tuple(p.name for p in products),
        categories=tuple(sorted(c.name for c in promotion.categories)),
        active=promotion.active,
    )
