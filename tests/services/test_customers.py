"""Customers, partners and promotions, on both databases: who may change them, and every refusal."""

from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.domain.promotions import PartnerKind, PromotionKind, Segment
from pos_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pos_app.services import open_services
from pos_app.services.demo import seed_demo
from tests.services.helpers import make_product


@pytest.fixture
def university(services, stock_manager):
    return services.customers.create_partner(
        stock_manager, name="Université X", kind="university", discount_percent=Decimal("5"), email="deals@ux.edu"
    )


def test_a_cashier_registers_a_customer_at_the_counter_and_finds_them_again(services, cashier, university):
    created = services.customers.create_customer(
        cashier,
        name="Aminata Diallo",
        email="aminata@example.com",
        phone="+221 77 123 45 67",
        segment="Student",
        partner_id=university.id,
    )
    assert (created.segment, created.partner, created.partner_discount_percent) == (
        Segment.STUDENT,
        "Université X",
        Decimal("5"),
    )
    assert created.created_at == services.clock()
    assert services.customers.customer(created.id) == created
    for text in ("aminata", "DIALLO", "example.com", "771234567", "77 123", "+221"):
        assert [c.id for c in services.customers.search_customers(text)] == [created.id], text
    assert services.customers.search_customers("moussa") == []


def test_customer_search_is_in_name_order_limited_and_skips_inactive_customers(services, cashier):
    ids = {name: services.customers.create_customer(cashier, name=name).id for name in ("Zoé Ba", "Awa Ba", "Ali Ba")}
    services.customers.create_customer(cashier, name="Fatou Sow")
    assert [c.name for c in services.customers.search_customers("ba")] == ["Ali Ba", "Awa Ba", "Zoé Ba"]
    assert [c.name for c in services.customers.search_customers("ba", limit=2)] == ["Ali Ba", "Awa Ba"]
    services.customers.deactivate_customer(cashier, ids["Awa Ba"])
    assert [c.name for c in services.customers.search_customers("ba")] == ["Ali Ba", "Zoé Ba"]
    assert len(services.customers.search_customers("ba", include_inactive=True)) == 3
    assert services.customers.customer(ids["Awa Ba"]).active is False
    assert len(services.customers.search_customers("")) == 3
    with pytest.raises(ValidationError, match="limit"):
        services.customers.search_customers("ba", limit=0)


def test_a_search_for_percent_signs_matches_them_literally(services, cashier):
    services.customers.create_customer(cashier, name="100% Coton SARL")
    services.customers.create_customer(cashier, name="Coton 100 SARL")
    assert [c.name for c in services.customers.search_customers("100%")] == ["100% Coton SARL"]


def test_a_stock_manager_may_edit_customers_and_move_them_between_partners(services, stock_manager, cashier):
    company = services.customers.create_partner(
        stock_manager, name="Baobab Conseil", kind="company", discount_percent=Decimal("10")
    )
    customer = services.customers.create_customer(cashier, name="Moussa Ndiaye")
    edited = services.customers.update_customer(
        stock_manager,
        customer.id,
        segment="company",
        partner_id=company.id,
        vat_number="SN123",
        address="Dakar\nPlateau",
    )
    assert (edited.segment, edited.partner, edited.vat_number, edited.address) == (
        Segment.COMPANY,
        "Baobab Conseil",
        "SN123",
        "Dakar\nPlateau",
    )
    cleared = services.customers.update_customer(cashier, customer.id, segment=None, partner_id=None)
    assert (cleared.segment, cleared.partner, cleared.partner_discount_percent) == (None, None, Decimal(0))


def test_an_accountant_may_not_register_customers(services, accountant):
    with pytest.raises(PermissionDenied, match="may not sell at the counter or manage the catalogue"):
        services.customers.create_customer(accountant, name="Someone")
    assert services.customers.search_customers("") == []


def test_partners_and_promotions_need_the_catalogue_permission(services, cashier, stock_manager, university):
    with pytest.raises(PermissionDenied):
        services.customers.create_partner(cashier, name="Other", kind="school", discount_percent=Decimal("3"))
    with pytest.raises(PermissionDenied):
        services.customers.update_partner(cashier, university.id, discount_percent=Decimal("50"))
    with pytest.raises(PermissionDenied):
        services.customers.create_promotion(
            cashier,
            name="Free for all",
            kind="percent",
            value=Decimal("100"),
            starts_at=services.clock(),
            ends_at=services.clock() + timedelta(days=1),
        )
    assert services.customers.partners() == [university]
    assert services.customers.active_promotions() == []


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"segment": "pensioner"}, ValidationError, "Unknown segment 'pensioner'"),
        ({"email": "not-an-email"}, ValidationError, "not an email address"),
        ({"phone": "call me"}, ValidationError, "not a phone number"),
        ({"name": " "}, ValidationError, "name is required"),
        ({"partner_id": 999}, NotFound, "No partner with id 999"),
        ({"partner_id": "1"}, ValidationError, "partner_id must be a whole number"),
    ],
)
def test_bad_customer_input_is_refused_and_nothing_is_written(services, cashier, fields, error, message):
    values = {"name": "Aminata Diallo", **fields}
    with pytest.raises(error, match=message):
        services.customers.create_customer(cashier, **values)
    assert services.customers.search_customers("", include_inactive=True) == []


def test_an_ended_partnership_gives_no_discount_and_takes_no_new_members(services, stock_manager, cashier, university):
    member = services.customers.create_customer(cashier, name="Aminata Diallo", partner_id=university.id)
    ended = services.customers.deactivate_partner(stock_manager, university.id)
    assert ended.active is False
    assert services.customers.partners() == []
    assert services.customers.partners(include_inactive=True) == [ended]
    assert services.customers.customer(member.id).partner_discount_percent == Decimal(0)
    with pytest.raises(NotFound, match="partnership with Université X has ended"):
        services.customers.create_customer(cashier, name="Lucas Bernard", partner_id=university.id)
    with pytest.raises(NotFound, match="has ended"):
        services.customers.update_customer(cashier, member.id, partner_id=university.id)


def test_partner_names_are_unique_whatever_their_case(services, stock_manager, university):
    with pytest.raises(Conflict, match="exists already"):
        services.customers.create_partner(stock_manager, name="UNIVERSITÉ X", kind="school", discount_percent=1)
    other = services.customers.create_partner(stock_manager, name="Lycée Y", kind="school", discount_percent=2)
    with pytest.raises(Conflict):
        services.customers.update_partner(stock_manager, other.id, name="université x")
    renamed = services.customers.update_partner(stock_manager, university.id, name="Université X Dakar", phone="")
    assert renamed.name == "Université X Dakar" and renamed.kind is PartnerKind.UNIVERSITY
    assert [p.name for p in services.customers.partners()] == ["Lycée Y", "Université X Dakar"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"discount_percent": Decimal("101")}, "discount_percent"),
        ({"discount_percent": 2.5}, "discount_percent"),
        ({"kind": "club"}, "kind"),
        ({"email": "x@"}, "email"),
        ({"active": "no"}, "active"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_partner_changes_name_the_field_and_change_nothing(services, stock_manager, university, changes, field):
    with pytest.raises(ValidationError) as error:
        services.customers.update_partner(stock_manager, university.id, **changes)
    assert error.value.field == field
    assert services.customers.partners() == [university]


@pytest.fixture
def catalogue(services, stock_manager):
    make_product(services, stock_manager, sku="HOODIE-M", name="Hoodie", category="Clothes")
    make_product(services, stock_manager, sku="MUG", name="Mug", category="Home")
    make_product(services, stock_manager, sku="BOOK", name="Guide", category="Books")
    return services


def test_a_promotion_names_products_by_sku_or_id_and_categories_by_name(catalogue, stock_manager):
    mug = catalogue.inventory.product_of("MUG")
    now = catalogue.clock()
    created = catalogue.customers.create_promotion(
        stock_manager,
        name="Back to school",
        kind="percent",
        value=Decimal("15"),
        starts_at=now,
        ends_at=now + timedelta(days=30),
        skus=["HOODIE-M"],
        product_ids=[mug.id],
        categories=["books"],
        segments=["student"],
    )
    assert (created.kind, created.value, created.segments) == (PromotionKind.PERCENT, Decimal("15"), (Segment.STUDENT,))
    assert set(created.products) == {"Hoodie", "Mug"} and created.categories == ("Books",)
    assert catalogue.customers.promotion(created.id) == created
    assert catalogue.customers.active_promotions() == [created]


def test_unknown_products_and_categories_are_all_listed_and_nothing_is_written(catalogue, stock_manager):
    now = catalogue.clock()
    common = {
        "name": "Sale",
        "kind": "fixed",
        "value": Decimal("1.00"),
        "starts_at": now,
        "ends_at": now + timedelta(1),
    }
    with pytest.raises(NotFound, match="unknown SKU NOPE, ZIP; unknown product id 4242"):
        catalogue.customers.create_promotion(stock_manager, **common, skus=["ZIP", "MUG", "NOPE"], product_ids=[4242])
    with pytest.raises(NotFound, match=r"Unknown category Garden\. The categories are: Books, Clothes, Home"):
        catalogue.customers.create_promotion(stock_manager, **common, categories=["Home", "Garden"])
    assert catalogue.customers.active_promotions() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": Decimal("150")}, "value"),
        ({"kind": "fixed", "value": Decimal("0")}, "value"),
        ({"ends_at_days": -1}, "ends_at"),
        ({"segments": ["retired"]}, "segments"),
        ({"kind": "bogof"}, "kind"),
    ],
)
def test_bad_promotion_input_names_the_field_and_writes_nothing(catalogue, stock_manager, changes, field):
    now = catalogue.clock()
    values = {"name": "Sale", "kind": "percent", "value": Decimal("10"), "starts_at": now}
    values["ends_at"] = now + timedelta(days=changes.get("ends_at_days", 7))
    values.update({key: value for key, value in changes.items() if key != "ends_at_days"})
    with pytest.raises(ValidationError) as error:
        catalogue.customers.create_promotion(stock_manager, **values)
    assert error.value.field == field
    assert catalogue.customers.active_promotions() == []


def test_active_promotions_are_those_running_at_the_date(catalogue, stock_manager, clock):
    start = clock() + timedelta(days=1)
    sale = catalogue.customers.create_promotion(
        stock_manager,
        name="Winter sale",
        kind="percent",
        value=Decimal("10"),
        starts_at=start,
        ends_at=start + timedelta(days=7),
    )
    assert catalogue.customers.active_promotions() == []
    assert catalogue.customers.active_promotions(start) == [sale]
    assert catalogue.customers.active_promotions(start + timedelta(days=7)) == []
    clock.advance(days=2)
    assert [p.id for p in catalogue.customers.active_promotions()] == [sale.id]
    stopped = catalogue.customers.deactivate_promotion(stock_manager, sale.id)
    assert stopped.active is False
    assert catalogue.customers.active_promotions() == []


def test_a_promotion_can_be_changed_and_a_bad_change_leaves_it_as_it_was(catalogue, stock_manager):
    now = catalogue.clock()
    sale = catalogue.customers.create_promotion(
        stock_manager,
        name="Mug deal",
        kind="fixed",
        value=Decimal("2.00"),
        starts_at=now,
        ends_at=now + timedelta(days=7),
        skus=["MUG"],
    )
    changed = catalogue.customers.update_promotion(
        stock_manager, sale.id, value=Decimal("3.00"), skus=["BOOK"], categories=["Clothes"], segments=["company"]
    )
    assert (changed.value, changed.products, changed.categories, changed.segments) == (
        Decimal("3.00"),
        ("Guide",),
        ("Clothes",),
        (Segment.COMPANY,),
    )
    with pytest.raises(ValidationError) as error:
        catalogue.customers.update_promotion(stock_manager, sale.id, ends_at=now - timedelta(days=1))
    assert error.value.field == "ends_at"
    with pytest.raises(NotFound):
        catalogue.customers.update_promotion(stock_manager, sale.id, value=Decimal("5.00"), skus=["GONE"])
    with pytest.raises(ValidationError, match="Cannot change colour"):
        catalogue.customers.update_promotion(stock_manager, sale.id, colour="red")
    with pytest.raises(NotFound, match="No promotion with id 999"):
        catalogue.customers.update_promotion(stock_manager, 999, value=Decimal("1.00"))
    assert catalogue.customers.promotion(sale.id) == changed


def test_the_demo_shop_has_partners_customers_of_every_segment_and_running_promotions(empty_database_url):
    with open_services(empty_database_url) as svc:
        seed_demo(svc)
        assert {(p.kind, p.discount_percent) for p in svc.customers.partners()} == {
            (PartnerKind.UNIVERSITY, Decimal("5")),
            (PartnerKind.COMPANY, Decimal("10")),
        }
        customers = svc.customers.search_customers("")
        assert {c.segment for c in customers} == {None, *Segment}
        assert any(c.partner_discount_percent for c in customers)
        running = svc.customers.active_promotions()
        assert {(p.kind, p.segments, bool(p.categories), bool(p.products)) for p in running} == {
            (PromotionKind.PERCENT, (Segment.STUDENT,), True, False),
            (PromotionKind.FIXED, (), False, True),
        }
        assert svc.customers.active_promotions(svc.clock() + timedelta(days=300)) == running
