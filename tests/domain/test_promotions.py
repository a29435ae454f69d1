from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.money import currency
from pos_app.domain.promotions import (
    Buyer,
    ProductLine,
    Promotion,
    PromotionKind,
    Segment,
    automatic_discount,
    parse_partner_discount,
    parse_partner_kind,
    parse_promotion_terms,
    parse_segment,
    segments_of,
    segments_text,
)
from pos_app.domain.sale import TicketLine, price_ticket
from pos_app.errors import ValidationError

EUR = currency("EUR")
XOF = currency("XOF")
START = datetime(2026, 6, 1, tzinfo=UTC)
END = datetime(2026, 9, 1, tzinfo=UTC)
SUMMER = START + timedelta(days=10)
SHIRT, MUG = 1, 2
CLOTHES, HOME = 10, 20
ANYONE = Buyer()
STUDENT = Buyer(Segment.STUDENT)


def promotion(
    pid: int = 1,
    name: str = "Summer sale",
    kind: PromotionKind = PromotionKind.PERCENT,
    value: str = "20",
    products: frozenset[int] = frozenset(),
    categories: frozenset[int] = frozenset(),
    segments: frozenset[Segment] = frozenset(),
) -> Promotion:
    return Promotion(pid, name, kind, Decimal(value), START, END, products, categories, segments)


def shirt_line(price: str = "40.00", quantity: int = 1) -> ProductLine:
    return ProductLine(SHIRT, CLOTHES, Decimal(price), quantity)


def test_a_percent_promotion_takes_its_share_of_the_line_and_names_itself():
    discount = automatic_discount(shirt_line(quantity=2), ANYONE, [promotion()], SUMMER, EUR)
    assert (discount.amount, discount.label) == (Decimal("16.00"), "Summer sale -20 %")


def test_a_promotion_naming_no_product_and_no_category_covers_everything():
    everything = promotion()
    mug = ProductLine(MUG, None, Decimal("10.00"), 1)
    assert automatic_discount(mug, ANYONE, [everything], SUMMER, EUR).amount == Decimal("2.00")


def test_a_promotion_on_a_category_or_a_product_skips_the_others():
    on_clothes = promotion(categories=frozenset({CLOTHES}))
    on_the_mug = promotion(products=frozenset({MUG}))
    mug = ProductLine(MUG, HOME, Decimal("10.00"), 1)
    assert automatic_discount(shirt_line(), ANYONE, [on_clothes], SUMMER, EUR).amount == Decimal("8.00")
    assert automatic_discount(mug, ANYONE, [on_clothes], SUMMER, EUR).amount == 0
    assert automatic_discount(mug, ANYONE, [on_the_mug], SUMMER, EUR).amount == Decimal("2.00")
    assert automatic_discount(shirt_line(), ANYONE, [on_the_mug], SUMMER, EUR).amount == 0


@pytest.mark.parametrize(
    ("at", "applies"),
    [(START - timedelta(seconds=1), False), (START, True), (END - timedelta(seconds=1), True), (END, False)],
)
def test_a_promotion_runs_from_its_start_included_to_its_end_excluded(at, applies):
    assert promotion().applies_to(SHIRT, CLOTHES, at, None) is applies


def test_a_promotion_for_students_skips_other_segments_and_unknown_customers():
    for_students = promotion(segments=frozenset({Segment.STUDENT}))
    assert automatic_discount(shirt_line(), STUDENT, [for_students], SUMMER, EUR).amount == Decimal("8.00")
    assert automatic_discount(shirt_line(), Buyer(Segment.COMPANY), [for_students], SUMMER, EUR).amount == 0
    assert automatic_discount(shirt_line(), ANYONE, [for_students], SUMMER, EUR).amount == 0


def test_the_best_promotion_wins_and_promotions_never_add_up():
    small = promotion(1, "Small", value="5")
    large = promotion(2, "Large", kind=PromotionKind.FIXED, value="12.00")
    discount = automatic_discount(shirt_line(), ANYONE, [small, large], SUMMER, EUR)
    assert (discount.amount, discount.label) == (Decimal("12.00"), "Large -12.00 EUR")


def test_between_equal_promotions_the_oldest_is_named():
    older, newer = promotion(1, "Older"), promotion(2, "Newer")
    assert automatic_discount(shirt_line(), ANYONE, [newer, older], SUMMER, EUR).label == "Older -20 %"


def test_a_fixed_promotion_is_per_unit_and_never_more_than_the_price():
    two_off = promotion(kind=PromotionKind.FIXED, value="2.00")
    fifty_off = promotion(kind=PromotionKind.FIXED, value="50.00")
    assert automatic_discount(shirt_line(quantity=3), ANYONE, [two_off], SUMMER, EUR).amount == Decimal("6.00")
    assert automatic_discount(shirt_line(quantity=3), ANYONE, [fifty_off], SUMMER, EUR).amount == Decimal("120.00")


def test_the_partner_discount_applies_on_what_the_promotion_left():
    member = Buyer(Segment.STUDENT, "Université X", Decimal("5"))
    discount = automatic_discount(shirt_line(), member, [promotion()], SUMMER, EUR)
    assert discount.amount == Decimal("9.60")  # 8.00, then 5 % of 32.00
    assert discount.label == "Summer sale -20 %, Université X -5 %"


def test_a_partner_member_without_promotion_gets_the_partner_discount_alone():
    member = Buyer(None, "Baobab Conseil", Decimal("12.5"))
    discount = automatic_discount(shirt_line(), member, [], SUMMER, EUR)
    assert (discount.amount, discount.label) == (Decimal("5.00"), "Baobab Conseil -12.5 %")


def test_a_line_without_discount_has_no_label():
    discount = automatic_discount(shirt_line(), ANYONE, [promotion(products=frozenset({MUG}))], SUMMER, EUR)
    assert (discount.amount, discount.label) == (Decimal(0), "")


def test_discounts_in_a_currency_without_cents_are_whole_francs():
    member = Buyer(None, "Université X", Decimal("5"))
    line = ProductLine(SHIRT, CLOTHES, Decimal("1990"), 3)
    discount = automatic_discount(line, member, [promotion(value="15")], SUMMER, XOF)
    assert discount.amount == Decimal("1150")  # 896 (15 % of 5970), then 254 (5 % of 5074, rounded)


def test_a_very_long_label_is_cut_to_what_a_sale_line_keeps():
    member = Buyer(None, "P" * 100, Decimal("5"))
    label = automatic_discount(shirt_line(), member, [promotion(name="N" * 100)], SUMMER, EUR).label
    assert len(label) == 200 and label.endswith("…")


def terms(**changes):
    values = {
        "name": "Summer sale",
        "kind": "percent",
        "value": Decimal("20"),
        "starts_at": START,
        "ends_at": END,
        "segments": ["student"],
        "cur": EUR,
    }
    values.update(changes)
    return parse_promotion_terms(**values)


def test_good_promotion_input_is_kept_in_its_normal_form():
    checked = terms(kind=" Fixed ", value="2.50", segments=["Student", "company"])
    assert checked.kind is PromotionKind.FIXED
    assert checked.value == Decimal("2.50")
    assert checked.segments == {Segment.STUDENT, Segment.COMPANY}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": Decimal(0)}, "value"),
        ({"value": Decimal("-5")}, "value"),
        ({"value": Decimal("101")}, "value"),
        ({"value": 2.5}, "value"),
        ({"kind": "fixed", "value": Decimal("0")}, "value"),
        ({"kind": "fixed", "value": Decimal("1.999")}, "value"),
        ({"kind": "bogof"}, "kind"),
        ({"ends_at": START}, "ends_at"),
        ({"ends_at": START - timedelta(days=1)}, "ends_at"),
        ({"starts_at": datetime(2026, 6, 1)}, "starts_at"),
        ({"ends_at": "2026-09-01"}, "ends_at"),
        ({"segments": ["pensioner"]}, "segments"),
        ({"segments": "student"}, "segments"),
        ({"name": "  "}, "name"),
    ],
)
def test_bad_promotion_input_names_the_field(changes, field):
    with pytest.raises(ValidationError) as error:
        terms(**changes)
    assert error.value.field == field


def test_segments_and_partner_fields_are_checked():
    assert parse_segment(" ") is None and parse_segment("Institution") is Segment.INSTITUTION
    with pytest.raises(ValidationError, match="use one of student, professional, company, institution"):
        parse_segment("retired")
    with pytest.raises(ValidationError) as kind_error:
        parse_partner_kind("club")
    assert kind_error.value.field == "kind"
    with pytest.raises(ValidationError) as percent_error:
        parse_partner_discount(Decimal("120"))
    assert percent_error.value.field == "discount_percent"


def test_segments_are_stored_as_text_and_read_back():
    stored = segments_text({Segment.STUDENT, Segment.COMPANY})
    assert stored == "company,student"
    assert segments_of(stored) == {Segment.STUDENT, Segment.COMPANY}
    assert segments_of("") == frozenset()


@given(
    lines=st.lists(
        st.tuples(
            st.integers(0, 50_000),  # unit price in cents
            st.integers(1, 20),  # quantity
            st.sampled_from([SHIRT, MUG]),
            st.sampled_from([CLOTHES, HOME, None]),
            st.integers(0, 100),  # the cashier's line discount
            st.sampled_from([Decimal("5.5"), Decimal("20")]),
        ),
        min_size=1,
        max_size=6,
    ),
    offers=st.lists(
        st.tuples(st.sampled_from(list(PromotionKind)), st.integers(1, 10_000), st.booleans()),
        max_size=3,
    ),
    segment=st.sampled_from([None, *Segment]),
    partner_percent=st.integers(0, 100),
    ticket_discount=st.integers(0, 100),
)
def test_automatic_discounts_keep_totals_exact_and_never_negative(
    lines, offers, segment, partner_percent, ticket_discount
):
    promotions = [
        promotion(
            pid,
            f"P{pid}",
            kind,
            str(Decimal(value) / 100) if kind is PromotionKind.FIXED else str(min(value, 10_000) / Decimal(100)),
            categories=frozenset({CLOTHES}) if on_clothes else frozenset(),
            segments=frozenset({Segment.STUDENT}) if pid == 2 else frozenset(),
        )
        for pid, (kind, value, on_clothes) in enumerate(offers, start=1)
    ]
    buyer = Buyer(segment, "Partner", Decimal(partner_percent))
    ticket_lines = []
    for index, (cents, quantity, product, category, line_discount, rate) in enumerate(lines):
        price = Decimal(cents) / 100
        automatic = automatic_discount(ProductLine(product, category, price, quantity), buyer, promotions, SUMMER, EUR)
        assert 0 <= automatic.amount <= EUR.round(price * quantity)
        ticket_lines.append(
            TicketLine(f"S{index}", quantity, price, rate, Decimal(line_discount), automatic.amount, automatic.label)
        )
    ticket = price_ticket(ticket_lines, Decimal(ticket_discount), EUR)
    assert ticket.total >= 0
    assert all(line.total >= 0 for line in ticket.lines)
    line_discounts = sum((line.line_discount for line in ticket.lines), Decimal(0))
    ticket_discounts = sum((line.ticket_discount for line in ticket.lines), Decimal(0))
    assert ticket.total == ticket.gross - ticket.automatic_discount - line_discounts - ticket_discounts
    assert ticket.discount == ticket.automatic_discount + line_discounts + ticket_discounts
    assert sum(v.gross for v in ticket.vat) == ticket.total
    assert all(v.net + v.vat == v.gross for v in ticket.vat)
