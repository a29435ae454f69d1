"""Discounts the shop gives by rule rather than by the cashier: dated promotions for some products,
categories and customer segments, and the special discount of partner organisations' members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.money import Currency, parse_amount, parse_price
from pos_app.domain.sale import parse_percent
from pos_app.domain.text import clean_text
from pos_app.domain.vat import format_rate
from pos_app.errors import ValidationError

HUNDRED = Decimal(100)
MAX_PROMOTION_NAME = 100
MAX_LABEL = 200  # sale_lines.discount_label


class Segment(StrEnum):
    STUDENT = "student"
    PROFESSIONAL = "professional"
    COMPANY = "company"
    INSTITUTION = "institution"


class PartnerKind(StrEnum):
    UNIVERSITY = "university"
    SCHOOL = "school"
    COMPANY = "company"
    INSTITUTION = "institution"


class PromotionKind(StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"  # an amount off each unit


@dataclass(frozen=True)
class Promotion:
    """A dated discount. No products and no categories: it covers everything; no segments: everyone."""

    id: int
    name: str
    kind: PromotionKind
    value: Decimal
    starts_at: datetime
    ends_at: datetime
    product_ids: frozenset[int] = frozenset()
    category_ids: frozenset[int] = frozenset()
    segments: frozenset[Segment] = frozenset()

    def applies_to(self, product_id: int, category_id: int | None, at: datetime, segment: Segment | None) -> bool:
        """Whether a unit of `product_id` (in `category_id`) sold at `at` to a customer of `segment` gets it."""
        if not self.starts_at <= at < self.ends_at:
            return False
        if self.segments and segment not in self.segments:
            return False
        if not self.product_ids and not self.category_ids:
            return True
        return product_id in self.product_ids or (category_id is not None and category_id in self.category_ids)

    def line_discount(self, unit_price: Decimal, quantity: int, cur: Currency) -> Decimal:
        """What it takes off a line; a fixed amount is per unit and never more than the unit price."""
        if self.kind is PromotionKind.PERCENT:
            return cur.round(cur.round(unit_price * quantity) * self.value / HUNDRED)
        return cur.round(min(self.value, unit_price) * quantity)

    def label(self, cur: Currency) -> str:
        if self.kind is PromotionKind.PERCENT:
            return f"{self.name} -{format_rate(self.value)} %"
        return f"{self.name} -{cur.round(self.value)} {cur.code}"


@dataclass(frozen=True)
class Buyer:
    """Who the ticket is for, as far as discounts go. The default is a customer the shop does not know."""

    segment: Segment | None = None
    partner: str | None = None
    partner_percent: Decimal = Decimal(0)


@dataclass(frozen=True)
class ProductLine:
    product_id: int
    category_id: int | None
    unit_price: Decimal  # VAT included, after any promotional price
    quantity: int


@dataclass(frozen=True)
class AutomaticDiscount:
    amount: Decimal
    label: str  # what the receipt shows, e.g. "Summer sale -20 %, Université X -5 %"


NO_DISCOUNT = AutomaticDiscount(Decimal(0), "")


def automatic_discount(
    line: ProductLine, buyer: Buyer, promotions: Iterable[Promotion], at: datetime, cur: Currency
) -> AutomaticDiscount:
    """The best applicable promotion (promotions never add up), then the buyer's partner discount in
    percent on what is left. Never more than the line is worth."""
    gross = cur.round(line.unit_price * line.quantity)
    offers = [
        (promotion.line_discount(line.unit_price, line.quantity, cur), promotion)
        for promotion in promotions
        if promotion.applies_to(line.product_id, line.category_id, at, buyer.segment)
    ]
    labels = []
    promoted = Decimal(0)
    if offers:
        # The largest saving wins; on a tie the oldest promotion, so a receipt reads the same every time.
        promoted, best = max(offers, key=lambda offer: (offer[0], -offer[1].id))
        if promoted > 0:
            labels.append(best.label(cur))
    partnered = Decimal(0)
    if buyer.partner and buyer.partner_percent > 0:
        partnered = cur.round((gross - promoted) * buyer.partner_percent / HUNDRED)
        if partnered > 0:
            labels.append(f"{buyer.partner} -{format_rate(buyer.partner_percent)} %")
    amount = promoted + partnered
    if amount == 0:
        return NO_DISCOUNT
    return AutomaticDiscount(amount, _clip(", ".join(labels), MAX_LABEL))


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


# ----- input checks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromotionTerms:
    """A promotion's checked input, before it is tied to products and categories."""

    name: str
    kind: PromotionKind
    value: Decimal
    starts_at: datetime
    ends_at: datetime
    segments: frozenset[Segment]


def parse_promotion_terms(
    *,
    name: object,
    kind: object,
    value: object,
    starts_at: object,
    ends_at: object,
    segments: object,
    cur: Currency,
) -> PromotionTerms:
    """Check a promotion's fields. Raises ValidationError naming the first bad field."""
    promotion_kind = parse_promotion_kind(kind)
    start = parse_moment(starts_at, "starts_at")
    end = parse_moment(ends_at, "ends_at")
    if end <= start:
        raise ValidationError(
            f"The promotion must end after it starts (starts {start.isoformat()}, ends {end.isoformat()}).",
            field="ends_at",
        )
    return PromotionTerms(
        name=clean_text(name, "name", max_length=MAX_PROMOTION_NAME),
        kind=promotion_kind,
        value=parse_promotion_value(promotion_kind, value, cur),
        starts_at=start,
        ends_at=end,
        segments=parse_segments(segments),
    )


def parse_promotion_kind(value: object) -> PromotionKind:
    try:
        return PromotionKind(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            f"Unknown promotion kind '{value}': use percent or fixed (an amount off each unit).", field="kind"
        ) from None


def parse_promotion_value(kind: PromotionKind, value: object, cur: Currency) -> Decimal:
    """A percentage above 0 and at most 100, or an amount above 0 in the shop's currency."""
    if kind is PromotionKind.PERCENT:
        percent = parse_percent(value, "value")
        if percent == 0:
            raise ValidationError("A promotion must take something off: value must be more than 0 %.", field="value")
        return percent
    parse_amount(value, "value", allow_zero=False)
    return parse_price(value, "value", cur)


def parse_moment(value: object, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(f"{field} must be a date and time (got {value!r}).", field=field)
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{field} needs a time zone (got {value.isoformat()}).", field=field)
    return value


def parse_segment(value: object) -> Segment | None:
    """A customer segment; None or empty text means none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Segment(str(value).strip().lower())
    except ValueError:
        raise ValidationError(f"Unknown segment '{value}': use one of {_names(Segment)}.", field="segment") from None


def parse_segments(values: object) -> frozenset[Segment]:
    """The segments a promotion targets; none means everyone."""
    if values is None:
        return frozenset()
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(
            f"segments must be a list such as ['student'] (got {values!r}); an empty list means everyone.",
            field="segments",
        )
    segments = set()
    for value in values:
        try:
            segments.add(Segment(str(value).strip().lower()))
        except ValueError:
            raise ValidationError(
                f"Unknown segment '{value}': use one of {_names(Segment)}.", field="segments"
            ) from None
    return frozenset(segments)


def parse_partner_kind(value: object) -> PartnerKind:
    try:
        return PartnerKind(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            f"Unknown partner kind '{value}': use one of {_names(PartnerKind)}.", field="kind"
        ) from None


def parse_partner_discount(value: object) -> Decimal:
    return parse_percent(value, "discount_percent")


def segments_text(segments: Iterable[Segment]) -> str:
    """How a set of segments is stored: comma-separated, in a fixed order."""
    return ",".join(sorted(segment.value for segment in segments))


def segments_of(text: str) -> frozenset[Segment]:
    return frozenset(Segment(part) for part in text.split(",") if part)


def _names(kinds: type[StrEnum]) -> str:
    return ", ".join(kind.value for kind in kinds)
