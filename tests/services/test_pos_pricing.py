"""Promotions and partner discounts at the counter, on both databases: who gets what, and where it shows."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.db.models import JournalEntry, SaleLine, Sku
from pos_app.errors import NotFound, PermissionDenied, ValidationError
from tests.services.helpers import make_product, visible_state

STUDENT_OFFER = "Student clothes -20 %"


@pytest.fixture
def shop(services, stock_manager, cashier):
    """HOODIE (40.00, Clothes), MUG (5.00, Home) and BOOK (18.00 at 5.5 %, Books), 20 units each, and the
    till of R1 open."""
    make_product(services, stock_manager, sku="HOODIE", name="Hoodie", price=Decimal("40.00"), category="Clothes")
    make_product(services, stock_manager, sku="MUG", name="Mug", price=Decimal("5.00"), category="Home")
    make_product(
        services,
        stock_manager,
        sku="BOOK",
        name="Guide",
        price=Decimal("18.00"),
        vat_rate=Decimal("5.5"),
        category="Books",
    )
    for sku in ("HOODIE", "MUG", "BOOK"):
        services.inventory.receive(stock_manager, sku, 20)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


@pytest.fixture
def ids(shop, stock_manager, cashier):
    """The partner Université X (5 %); customers Aminata (student, member of Université X), Lucas (student)
    and Julien (professional); and "Student clothes", 20 % on Clothes for students, running."""
    university = shop.customers.create_partner(
        stock_manager, name="Université X", kind="university", discount_percent=Decimal("5")
    )
    customers = shop.customers
    return {
        "aminata": customers.create_customer(
            cashier, name="Aminata Diallo", segment="student", partner_id=university.id
        ).id,
        "lucas": customers.create_customer(cashier, name="Lucas Bernard", segment="student").id,
        "julien": customers.create_customer(cashier, name="Julien Martin", segment="professional").id,
        "university": university.id,
        "offer": promote(shop, stock_manager, "Student clothes", categories=["Clothes"], segments=["student"]).id,
    }


def promote(services, actor, name, *, kind="percent", value=Decimal("20"), days=(-1, 30), **targets):
    now = services.clock()
    return services.customers.create_promotion(
        actor,
        name=name,
        kind=kind,
        value=value,
        starts_at=now + timedelta(days=days[0]),
        ends_at=now + timedelta(days=days[1]),
        **targets,
    )


def test_a_student_buying_in_the_promoted_category_gets_the_promotion_and_others_do_not(shop, ids, cashier):
    lucas = shop.pos.checkout(cashier, [("HOODIE", 1), ("BOOK", 1)], [("cash", Decimal("50"))], ids["lucas"])
    hoodie, book = lucas.lines
    assert (hoodie.automatic_discount, hoodie.discount_label, hoodie.total) == (
        Decimal("8.00"),
        STUDENT_OFFER,
        Decimal("32.00"),
    )
    assert (book.automatic_discount, book.discount_label, book.total) == (Decimal(0), "", Decimal("18.00"))
    assert (lucas.total, lucas.discount, lucas.customer) == (Decimal("50.00"), Decimal("8.00"), "Lucas Bernard")
    julien = shop.pos.checkout(cashier, [("HOODIE", 1)], [("cash", Decimal("40"))], ids["julien"])
    walk_in = shop.pos.checkout(cashier, [("HOODIE", 1)], [("cash", Decimal("40"))])
    for receipt in (julien, walk_in):
        assert (receipt.total, receipt.lines[0].automatic_discount, receipt.lines[0].discount_label) == (
            Decimal("40.00"),
            Decimal(0),
            "",
        )
    assert walk_in.customer is None


def test_a_promotion_applies_only_from_its_start_until_its_end(shop, ids, stock_manager, cashier, clock):
    promote(shop, stock_manager, "Next week", value=Decimal("50"), days=(1, 8), skus=["MUG"])
    promote(shop, stock_manager, "Last week", value=Decimal("30"), days=(-8, -1), skus=["MUG"])
    assert shop.pos.checkout(cashier, [("MUG", 1)], [("cash", Decimal("5"))]).total == Decimal("5.00")
    clock.advance(days=1)
    started = shop.pos.checkout(cashier, [("MUG", 1)], [("cash", Decimal("5"))])
    assert (started.total, started.lines[0].discount_label) == (Decimal("2.50"), "Next week -50 %")
    clock.advance(days=7)
    assert shop.pos.checkout(cashier, [("MUG", 1)], [("cash", Decimal("5"))]).total == Decimal("5.00")


def test_a_partner_member_gets_the_partner_discount_on_top_of_the_promotion(shop, ids, cashier):
    receipt = shop.pos.checkout(cashier, [("HOODIE", 1), ("BOOK", 1)], [("cash", Decimal("50"))], ids["aminata"])
    hoodie, book = receipt.lines
    assert (hoodie.automatic_discount, hoodie.discount_label) == (
        Decimal("9.60"),
        f"{STUDENT_OFFER}, Université X -5 %",
    )
    assert (book.automatic_discount, book.discount_label) == (Decimal("0.90"), "Université X -5 %")
    assert (receipt.total, receipt.change_due) == (Decimal("47.50"), Decimal("2.50"))
    assert sum(v.gross for v in receipt.vat) == receipt.total


def test_a_fixed_promotion_never_makes_a_price_negative(shop, ids, stock_manager, cashier):
    promote(shop, stock_manager, "Mug giveaway", kind="fixed", value=Decimal("8.00"), skus=["MUG"])
    receipt = shop.pos.checkout(cashier, [("MUG", 2), ("BOOK", 1)], [("card", Decimal("18.00"), "T-1")])
    mug = receipt.lines[0]
    assert (mug.automatic_discount, mug.total, mug.discount_label) == (
        Decimal("10.00"),
        Decimal("0.00"),
        "Mug giveaway -8.00 EUR",
    )
    assert receipt.total == Decimal("18.00")


def test_promotions_do_not_add_up_the_best_one_applies(shop, ids, stock_manager, cashier):
    promote(shop, stock_manager, "Shop-wide", value=Decimal("10"))
    lucas = shop.pos.checkout(cashier, [("HOODIE", 1), ("MUG", 1)], [("cash", Decimal("40"))], ids["lucas"])
    assert [(line.automatic_discount, line.discount_label) for line in lucas.lines] == [
        (Decimal("8.00"), STUDENT_OFFER),
        (Decimal("0.50"), "Shop-wide -10 %"),
    ]


def test_the_cashiers_discount_limit_bounds_only_what_the_cashier_types(shop, ids, cashier):
    before = visible_state(shop)
    with pytest.raises(PermissionDenied, match="at most 10 % discount"):
        shop.pos.checkout(cashier, [("HOODIE", 1, Decimal("15"))], [("cash", Decimal("40"))], ids["lucas"])
    assert visible_state(shop) == before
    receipt = shop.pos.checkout(
        cashier,
        [("HOODIE", 1, Decimal("10"))],
        [("cash", Decimal("30"))],
        ids["lucas"],
        ticket_discount_percent=Decimal("10"),
    )
    assert receipt.lines[0].automatic_discount == Decimal("8.00")
    assert receipt.total == Decimal("25.92")  # 40 - 8 = 32, -10 % = 28.80, -10 % = 25.92
    assert receipt.discount == Decimal("14.08")


@pytest.mark.parametrize(
    ("customer", "error", "message"),
    [
        (999_999, NotFound, "No active customer with id 999999"),
        ("former", NotFound, "No active customer"),
        ("1", ValidationError, "customer_id must be"),
        (True, ValidationError, "customer_id must be"),
    ],
)
def test_an_unknown_or_inactive_customer_is_refused_and_nothing_is_written(
    shop, ids, cashier, customer, error, message
):
    if customer == "former":
        customer = shop.customers.deactivate_customer(cashier, ids["julien"]).id
    before = visible_state(shop)
    with pytest.raises(error, match=message):
        shop.pos.checkout(cashier, [("HOODIE", 1)], [("cash", Decimal("40"))], customer)
    assert visible_state(shop) == before
    assert shop.pos.x_report(cashier).sales_count == 0


def test_the_receipt_the_stored_lines_and_the_journal_show_the_automatic_discounts(shop, ids, cashier):
    receipt = shop.pos.checkout(cashier, [("HOODIE", 2), ("BOOK", 1)], [("cash", Decimal("80"))], ids["aminata"])
    assert receipt.customer == "Aminata Diallo" and receipt.customer_id == ids["aminata"]
    assert [(line.sku, line.automatic_discount, line.discount_label) for line in receipt.lines] == [
        ("HOODIE", Decimal("19.20"), f"{STUDENT_OFFER}, Université X -5 %"),
        ("BOOK", Decimal("0.90"), "Université X -5 %"),
    ]
    assert all(line.discount == line.automatic_discount for line in receipt.lines)
    with shop.db.read_session() as session:
        stored = session.execute(
            select(Sku.code, SaleLine.automatic_discount, SaleLine.discount_label, SaleLine.total)
            .join(Sku, Sku.id == SaleLine.sku_id)
            .order_by(SaleLine.id)
        ).all()
        payload = json.loads(session.scalar(select(JournalEntry.payload).where(JournalEntry.kind == "sale")))
    assert [tuple(row) for row in stored] == [
        ("HOODIE", Decimal("19.20"), f"{STUDENT_OFFER}, Université X -5 %", Decimal("60.80")),
        ("BOOK", Decimal("0.90"), "Université X -5 %", Decimal("17.10")),
    ]
    assert payload["customer"] == "Aminata Diallo"
    assert [line[-2:] for line in payload["lines"]] == [
        ["19.20", f"{STUDENT_OFFER}, Université X -5 %"],
        ["0.90", "Université X -5 %"],
    ]
    assert shop.journal.verify().ok


def test_the_z_report_discounts_include_the_automatic_ones(shop, ids, cashier):
    first = shop.pos.checkout(cashier, [("HOODIE", 1)], [("cash", Decimal("40"))], ids["aminata"])
    second = shop.pos.checkout(
        cashier, [("BOOK", 1, Decimal("10"))], [("cash", Decimal("20"))], ticket_discount_percent=Decimal("5")
    )
    z = shop.pos.close_session(cashier, Decimal("145.79"))
    assert z.discounts == first.discount + second.discount == Decimal("9.60") + Decimal("2.61")
    assert z.sales_total == first.total + second.total == Decimal("30.40") + Decimal("15.39")
    assert sum(v.gross for v in z.vat) == z.sales_total


def test_a_refund_of_a_promoted_line_gives_back_what_was_paid(shop, ids, cashier):
    sale = shop.pos.checkout(cashier, [("HOODIE", 2)], [("cash", Decimal("64"))], ids["lucas"])
    refund = shop.pos.refund(cashier, sale.number, [("HOODIE", 1)], "cash")
    assert refund.total == Decimal("32.00")


def test_an_ended_promotion_or_partnership_no_longer_applies(shop, ids, stock_manager, cashier):
    shop.customers.deactivate_promotion(stock_manager, ids["offer"])
    shop.customers.deactivate_partner(stock_manager, ids["university"])
    receipt = shop.pos.checkout(cashier, [("HOODIE", 1)], [("cash", Decimal("40"))], ids["aminata"])
    assert (receipt.total, receipt.lines[0].discount_label) == (Decimal("40.00"), "")
