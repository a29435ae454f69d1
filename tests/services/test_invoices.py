"""Invoices and credit notes on both databases: issuing for counter sales and online orders, numbering,
immutability, credit notes, payments, reading and every refusal."""

import hashlib
import io
import re
import subprocess
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PIL import Image
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from pos_app.db.models import Invoice, InvoiceDocument, InvoiceLine
from pos_app.domain.invoice import InvoiceKind, InvoiceStatus
from pos_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pos_app.invoices.document_state import document_state
from pos_app.services import open_services
from pos_app.services.invoices import CustomerDetails, InvoiceTally, KeptPdf
from tests.payments.helpers import CARD_THAT_PAYS, pay
from tests.services.helpers import make_product, visible_state

ACME = CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", "compta@acme.example", "FR99123456789")


@pytest.fixture
def shop(services, admin, stock_manager, cashier):
    """Three VAT rates on one ticket: TEE 19.90 at 20 %, MEAL 12.00 at 10 %, BOOK 18.00 at 5.5 %."""
    services.settings.update_identity(
        admin, shop_name="Boutique Lumière", shop_address="3 rue Haute\n75003 Paris", shop_vat_number="FR12345678901"
    )
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="MEAL", name="Lunch box", price=Decimal("12.00"), vat_rate=Decimal("10"))
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    for sku in ("TEE", "MEAL", "BOOK"):
        services.inventory.receive(stock_manager, sku, 20)
    services.pos.open_session(cashier, "R1", Decimal("100"))
    return services


@pytest.fixture
def sale(shop, cashier):
    return shop.pos.checkout(
        cashier, [("TEE", 3), ("MEAL", 2), ("BOOK", 1)], [("cash", Decimal("100"))], ticket_discount_percent=Decimal(5)
    )


def test_an_invoice_for_a_counter_sale_adds_up_per_vat_rate_and_shows_as_paid(shop, cashier, sale, clock):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    assert invoice.number == f"F-{clock.now.year}-000001"
    assert (invoice.kind, invoice.status, invoice.sale_number) == (InvoiceKind.INVOICE, InvoiceStatus.PAID, sale.number)
    assert invoice.gross == sale.total == Decimal("96.61")
    assert invoice.net + invoice.vat == invoice.gross
    assert [v.rate for v in invoice.vat_breakdown] == [Decimal("5.5"), Decimal("10"), Decimal("20")]
    for split in invoice.vat_breakdown:
        lines = [line for line in invoice.lines if line.vat_rate == split.rate]
        assert sum(line.net for line in lines) == split.net
        assert sum(line.vat for line in lines) == split.vat
        assert split.net + split.vat == split.gross
    assert [v.gross for v in invoice.vat_breakdown] == [v.gross for v in sale.vat]
    assert sum(p.amount for p in invoice.payments) == invoice.gross  # the change is not shown as paid
    assert invoice.due_on == clock.now.date() + timedelta(days=30)
    assert invoice.seller["name"] == "Boutique Lumière"
    assert invoice.customer == ACME
    assert shop.invoices.for_sale(cashier, sale.number) == invoice


def test_a_sale_is_invoiced_once(shop, cashier, sale):
    first = shop.invoices.issue(cashier, sale.number, ACME)
    with pytest.raises(Conflict, match=f"invoiced already: {first.number}"):
        shop.invoices.issue(cashier, sale.number, ACME)


def test_the_sale_s_customer_is_invoiced_when_none_is_named(shop, cashier, admin):
    customer = shop.customers.create_customer(
        admin, name="Awa Diop", address="Rue 10, Dakar", vat_number="SN123", segment=None
    )
    receipt = shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"), "T1")], customer_id=customer.id)
    invoice = shop.invoices.issue(cashier, receipt.number)
    assert (invoice.customer.name, invoice.customer.address, invoice.customer_id) == (
        "Awa Diop",
        "Rue 10, Dakar",
        customer.id,
    )


@pytest.mark.parametrize(
    ("number", "customer", "error", "message"),
    [
        ("R1-2026-999999", ACME, NotFound, "No sale numbered"),
        (None, None, ValidationError, "needs the customer's name"),
        (None, CustomerDetails("  "), ValidationError, "customer name is required"),
        (None, CustomerDetails("ACME", vat_number="x" * 41), ValidationError, "too long"),
        (None, CustomerDetails("ACME", email="compta at acme"), ValidationError, "'compta at acme' is not an email"),
    ],
)
def test_a_refused_invoice_writes_nothing_and_takes_no_number(shop, cashier, sale, number, customer, error, message):
    before = visible_state(shop)
    with pytest.raises(error, match=message):
        shop.invoices.issue(cashier, number or sale.number, customer)
    assert visible_state(shop) == before
    assert shop.invoices.issue(cashier, sale.number, ACME).number.endswith("-000001")


def test_no_invoice_without_the_shop_s_vat_number(services, admin, cashier, stock_manager):
    make_product(services, stock_manager, sku="TEE")
    services.inventory.receive(stock_manager, "TEE", 1)
    services.pos.open_session(cashier, "R1", Decimal(0))
    sale = services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal(20))])
    services.settings.update_identity(admin, shop_name="Boutique")
    with pytest.raises(ValidationError, match="shop's name and VAT number"):
        services.invoices.issue(cashier, sale.number, ACME)
    assert services.invoices.for_sale(cashier, sale.number) is None


def test_a_stock_manager_cannot_issue_or_read_invoices(shop, stock_manager, cashier, sale):
    with pytest.raises(PermissionDenied):
        shop.invoices.issue(stock_manager, sale.number, ACME)
    number = shop.invoices.issue(cashier, sale.number, ACME).number
    with pytest.raises(PermissionDenied):
        shop.invoices.get(stock_manager, number)


def test_an_issued_invoice_cannot_be_changed_or_deleted_even_in_the_database(shop, cashier, sale):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    for statement in (
        "UPDATE invoices SET gross = 1",
        "UPDATE invoice_lines SET quantity = 99",
        "DELETE FROM invoice_lines",
        "DELETE FROM invoices",
        "UPDATE invoice_payments SET amount = 0",
    ):
        with pytest.raises(DatabaseError, match="never changes"), shop.db.write_engine.begin() as conn:
            conn.execute(text(statement))
    assert shop.invoices.get(cashier, invoice.number) == invoice


def test_a_credit_note_references_its_invoice_with_negative_totals(shop, cashier, accountant, sale):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    tee = next(line for line in invoice.lines if line.sku == "TEE")
    credit = shop.invoices.credit_note(accountant, invoice.number, "Returned one tee", [(tee.position, 1)])
    assert credit.number.startswith("AV-") and credit.kind is InvoiceKind.CREDIT_NOTE
    assert credit.credits_invoice == invoice.number
    assert [(line.sku, line.quantity) for line in credit.lines] == [("TEE", -1)]
    assert credit.gross == -(tee.gross / 3).quantize(Decimal("0.01")) and credit.net + credit.vat == credit.gross
    after = shop.invoices.get(accountant, invoice.number)
    assert after.status is InvoiceStatus.PARTLY_CREDITED and after.credit_notes == (credit.number,)
    rest = shop.invoices.credit_note(accountant, invoice.number, "Cancelled")
    assert rest.gross + credit.gross == -invoice.gross  # the last credit takes exactly what was left
    assert shop.invoices.get(accountant, invoice.number).status is InvoiceStatus.CREDITED
    with pytest.raises(ValidationError, match="credited in full already"):
        shop.invoices.credit_note(accountant, invoice.number, "Again")


def test_a_credit_note_never_exceeds_what_is_left_and_needs_the_right_role(shop, cashier, accountant, sale):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    before = visible_state(shop)
    with pytest.raises(ValidationError, match=r"line 1 \(TEE\): 3 invoiced, 0 credited, 4 asked"):
        shop.invoices.credit_note(accountant, invoice.number, "Too many", [(1, 4)])
    with pytest.raises(ValidationError, match="has no line 9"):
        shop.invoices.credit_note(accountant, invoice.number, "Wrong line", [(9, 1)])
    with pytest.raises(ValidationError, match="reason is required"):
        shop.invoices.credit_note(accountant, invoice.number, " ")
    with pytest.raises(PermissionDenied):
        shop.invoices.credit_note(cashier, invoice.number, "Cashiers do not credit")
    assert visible_state(shop) == before


def test_reprints_are_recorded(shop, cashier, sale, clock):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    shop.invoices.record_event(cashier, invoice.number, "printed")
    clock.advance(days=3)
    shop.invoices.record_event(cashier, invoice.number, "reprinted")
    assert [kind for _, kind in shop.invoices.events(cashier, invoice.number)] == ["printed", "reprinted"]
    with pytest.raises(ValidationError, match="Unknown invoice event"):
        shop.invoices.record_event(cashier, invoice.number, "burnt")


def test_invoices_are_found_by_period_customer_series_and_status(shop, cashier, accountant, admin, clock):
    numbers = []
    for name in ("ACME SARL", "Awa Diop", "acme export"):
        receipt = shop.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20"))])
        numbers.append(shop.invoices.issue(cashier, receipt.number, CustomerDetails(name)).number)
        clock.advance(days=1)
    credit = shop.invoices.credit_note(accountant, numbers[0], "Returned")
    found = shop.invoices.find(accountant, customer="acme")
    assert [s.number for s in found] == [credit.number, numbers[2], numbers[0]]
    assert [s.number for s in shop.invoices.find(accountant, series="F", status=InvoiceStatus.PAID)] == [
        numbers[2],
        numbers[1],
    ]
    start = clock.now - timedelta(days=2, hours=1)
    assert [s.number for s in shop.invoices.find(accountant, since=start, until=start + timedelta(days=1))] == [
        numbers[1]
    ]
    period = shop.invoices.in_period(accountant, clock.now - timedelta(days=10), clock.now + timedelta(days=1))
    assert [v.number for v in period] == [*numbers, credit.number]


def test_a_paid_online_order_is_invoiced_and_an_unpaid_one_is_not(
    database_url, clock, gateway, shopper, stock_manager, accountant
):
    with open_services(database_url, clock=clock, payment_gateway=gateway) as shop:
        shop.settings.update_identity(shop.auth.login("admin", "admin-password"), shop_name="B", shop_vat_number="FR1")
        make_product(shop, stock_manager, sku="TEE")
        shop.inventory.receive(stock_manager, "TEE", 5)
        since = datetime.now(UTC) - timedelta(seconds=2)
        paid = shop.payments.checkout([("TEE", 2)], "ana@example.com")
        pay(shopper, paid.payment_intent_id, CARD_THAT_PAYS)
        shop.payments.reconcile(since)
        waiting = shop.payments.checkout([("TEE", 1)], "bob@example.com")
        order = shop.payments.order(paid.order_id)
        invoice = shop.invoices.issue_for_order(accountant, order.number, ACME, language="en")
        assert (invoice.order_number, invoice.gross, invoice.language) == (order.number, Decimal("39.80"), "en")
        assert invoice.status is InvoiceStatus.PAID
        assert [(p.method, p.amount) for p in invoice.payments] == [("card", Decimal("39.80"))]
        unpaid = shop.payments.order(waiting.order_id)
        assert unpaid.number is None  # numbered only once paid: nothing to invoice by
        with pytest.raises(NotFound):
            shop.invoices.issue_for_order(accountant, "WEB-2026-999999", ACME)
        with pytest.raises(Conflict, match="invoiced already"):
            shop.invoices.issue_for_order(accountant, order.number, ACME)


def test_the_paid_orders_left_to_invoice_are_listed_last_paid_first_until_invoiced(
    database_url, clock, gateway, shopper, stock_manager, accountant
):
    with open_services(database_url, clock=clock, payment_gateway=gateway) as shop:
        shop.settings.update_identity(shop.auth.login("admin", "admin-password"), shop_name="B", shop_vat_number="FR1")
        make_product(shop, stock_manager, sku="TEE")
        shop.inventory.receive(stock_manager, "TEE", 9)
        since = datetime.now(UTC) - timedelta(seconds=2)
        orders = []
        for quantity, who in ((1, "ana"), (2, "Bob.Martin")):
            checkout = shop.payments.checkout([("TEE", quantity)], f"{who}@example.com")
            pay(shopper, checkout.payment_intent_id, CARD_THAT_PAYS)
            shop.payments.reconcile(since)
            orders.append(shop.payments.order(checkout.order_id))
            clock.advance(minutes=5)
        waiting = shop.payments.checkout([("TEE", 1)], "cy@example.com")

        listed = shop.invoices.orders_to_invoice(accountant)
        assert [(o.number, o.email, o.total, o.currency) for o in listed] == [
            (o.number, o.email, o.total, "EUR") for o in reversed(orders)
        ]
        assert shop.payments.order(waiting.order_id).number not in {o.number for o in listed}
        assert [o.number for o in shop.invoices.orders_to_invoice(accountant, search=" bob.MARTIN ")] == [
            orders[1].number
        ]
        assert [o.number for o in shop.invoices.orders_to_invoice(accountant, search=orders[0].number[-3:])] == [
            orders[0].number
        ]
        assert shop.invoices.orders_to_invoice(accountant, search="%") == []  # a wildcard is a character here
        shop.invoices.issue_for_order(accountant, orders[0].number, ACME)
        assert [o.number for o in shop.invoices.orders_to_invoice(accountant)] == [orders[1].number]
        assert len(shop.invoices.orders_to_invoice(accountant, limit=0)) == 1  # at least one asked for
        with pytest.raises(PermissionDenied):
            shop.invoices.orders_to_invoice(stock_manager)


def _open_account_invoice(shop, sequence, issued_at, due_on, seller=None):
    """An invoice nothing has paid yet. No screen issues one today (a counter sale or an online order is paid when
    invoiced): written straight into the database, as an invoice on account would be."""
    line = InvoiceLine(
        position=1,
        sku="TEE",
        description="T-shirt",
        quantity=1,
        unit_price=Decimal("24.00"),
        discount=Decimal(0),
        net=Decimal("20.00"),
        vat_rate=Decimal(20),
        vat=Decimal("4.00"),
        gross=Decimal("24.00"),
    )
    with shop.db.write_session() as session:
        session.add(
            Invoice(
                number=f"OA-2026-{sequence:06d}",
                kind="invoice",
                series="OA",
                year=2026,
                sequence=sequence,
                issued_at=issued_at,
                due_on=due_on,
                language="fr",
                currency="EUR",
                customer_name="Open account",
                seller=seller or {},
                net=Decimal("20.00"),
                vat=Decimal("4.00"),
                gross=Decimal("24.00"),
                lines=[line],
            )
        )
        session.commit()
    return f"OA-2026-{sequence:06d}"


def test_each_status_filter_finds_exactly_the_documents_showing_that_status(shop, cashier, accountant, clock):
    def sell(payments):
        receipt = shop.pos.checkout(cashier, [("TEE", 3)], payments)
        return shop.invoices.issue(cashier, receipt.number, ACME).number

    # Three card payments of 19.90: SQLite adds them up as floats, a hair under 59.70; still paid.
    paid = sell([("card", Decimal("19.90"), f"T{n}") for n in range(3)])
    in_full, partly = sell([("cash", Decimal(60))]), sell([("cash", Decimal(60))])
    credit_notes = [
        shop.invoices.credit_note(accountant, in_full, "Cancelled").number,
        shop.invoices.credit_note(accountant, partly, "One returned", [(1, 1)]).number,
    ]
    overdue = _open_account_invoice(shop, 1, clock.now, clock.now.date() - timedelta(days=1))
    due = _open_account_invoice(shop, 2, clock.now, clock.now.date())
    expected = {
        InvoiceStatus.PAID: [paid],
        InvoiceStatus.CREDITED: [in_full],
        InvoiceStatus.PARTLY_CREDITED: [partly],
        InvoiceStatus.CREDIT_NOTE: credit_notes,
        InvoiceStatus.OVERDUE: [overdue],
        InvoiceStatus.DUE: [due],
    }
    shown = {s.number: s.status for s in shop.invoices.find(accountant)}
    assert {number: status for status, numbers in expected.items() for number in numbers} == shown
    for status, numbers in expected.items():
        assert sorted(s.number for s in shop.invoices.find(accountant, status=status)) == sorted(numbers), status
        assert shop.invoices.tally(accountant, status=status).documents == len(numbers)


def test_pages_of_the_list_add_up_to_the_tally(shop, cashier, accountant, clock):
    for n in range(5):
        receipt = shop.pos.checkout(cashier, [("TEE", 1 + n), ("BOOK", 1)], [("cash", Decimal(200))])
        shop.invoices.issue(cashier, receipt.number, CustomerDetails(f"Client {n}"))
        clock.advance(hours=1)
    pages = [summary for offset in (0, 2, 4) for summary in shop.invoices.find(accountant, limit=2, offset=offset)]
    assert [s.customer for s in pages] == [f"Client {n}" for n in reversed(range(5))]
    tally = shop.invoices.tally(accountant)
    assert tally.documents == 5
    assert (tally.net, tally.vat, tally.gross) == tuple(
        sum((getattr(s, amount) for s in pages), Decimal(0)) for amount in ("net", "vat", "gross")
    )
    assert tally.net + tally.vat == tally.gross
    assert shop.invoices.tally(accountant, customer="client 3").documents == 1
    assert shop.invoices.tally(accountant, customer="nobody") == InvoiceTally(0, Decimal(0), Decimal(0), Decimal(0))


def test_a_customer_search_matches_percent_and_underscore_as_typed(shop, cashier, accountant):
    for name in ("100% Bio", "100 Bio", "Les_Amis", "Les Amis"):
        receipt = shop.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal(20))])
        shop.invoices.issue(cashier, receipt.number, CustomerDetails(name))
    assert [s.customer for s in shop.invoices.find(accountant, customer="0% b")] == ["100% Bio"]
    assert [s.customer for s in shop.invoices.find(accountant, customer="s_a")] == ["Les_Amis"]


def test_the_series_in_use_include_the_current_ones(shop, cashier, accountant, admin, sale):
    assert shop.invoices.series_in_use(accountant) == ["AV", "F"]
    shop.invoices.issue(cashier, sale.number, ACME)
    shop.settings.update_invoicing(admin, series="G")
    assert shop.invoices.series_in_use(accountant) == ["AV", "F", "G"]


def test_the_detail_of_an_invoice_tells_its_history_and_what_is_left_to_credit(shop, cashier, accountant, sale, clock):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    clock.advance(hours=1)
    shop.invoices.record_event(accountant, invoice.number, "reprinted")
    clock.advance(hours=1)
    credit = shop.invoices.credit_note(accountant, invoice.number, "Returned one tee", [(1, 1)])
    clock.advance(hours=1)
    shop.invoices.record_event(accountant, invoice.number, "saved")

    detail = shop.invoices.detail(accountant, invoice.number)
    assert detail.view == shop.invoices.get(accountant, invoice.number)
    assert [(e.kind, e.user, e.document) for e in detail.history] == [
        ("issued", "cashier", None),
        ("reprinted", "accountant", None),
        ("credited", "accountant", credit.number),
        ("saved", "accountant", None),
    ]
    assert detail.left_to_credit == {1: 2, 2: 2, 3: 1}
    of_credit = shop.invoices.detail(accountant, credit.number)
    assert (of_credit.view.credits_invoice, of_credit.left_to_credit) == (invoice.number, {})
    assert [e.kind for e in of_credit.history] == ["issued"]
    with pytest.raises(NotFound, match="No invoice numbered 'F-1999-000001'"):
        shop.invoices.detail(accountant, "F-1999-000001")


def test_the_pdf_is_rendered_again_for_a_reader_only(shop, cashier, accountant, stock_manager, sale):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    pdf = shop.invoices.pdf(invoice.number, accountant)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert invoice.number in text and "ACME SARL" in text
    with pytest.raises(PermissionDenied):
        shop.invoices.pdf(invoice.number, stock_manager)
    by_number = shop.invoices.pdf(invoice.number)  # the public contract: by number, like a receipt's PDF
    assert (
        invoice.number in subprocess.run(["pdftotext", "-", "-"], input=by_number, capture_output=True).stdout.decode()
    )
    assert shop.invoices.events(accountant, invoice.number) == []  # rendering is not a reprint until it is used


def _kept(shop, number):
    """The kept PDF's row of a document: when it was rendered, its digest and its state (None if none is kept)."""
    with shop.db.read_session() as session:
        return session.execute(
            select(InvoiceDocument.rendered_at, InvoiceDocument.sha256, InvoiceDocument.state)
            .join(Invoice, Invoice.id == InvoiceDocument.invoice_id)
            .where(Invoice.number == number)
        ).one_or_none()


def _kept_count(shop):
    with shop.db.read_session() as session:
        return session.scalar(select(func.count()).select_from(InvoiceDocument))


def _text(pdf: bytes) -> str:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return text.decode().replace("\u202f", " ").replace("\xa0", " ")


def _images(pdf: bytes, folder) -> list[str]:
    path = folder / "invoice.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True).stdout
    return listing.splitlines()[2:]  # after the two header lines


def test_a_reprint_gives_the_kept_pdf_without_rendering_it_again(shop, cashier, accountant, sale, clock):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    assert _kept(shop, invoice.number) is None
    first = shop.invoices.pdf(invoice.number, accountant)
    rendered_at, digest, _state = _kept(shop, invoice.number)
    assert (rendered_at, digest) == (clock.now, hashlib.sha256(first).hexdigest())
    clock.advance(days=2)
    assert shop.invoices.pdf(invoice.number, cashier) == first
    assert shop.invoices.pdf(invoice.number) == first
    assert _kept(shop, invoice.number)[:2] == (rendered_at, digest) and _kept_count(shop) == 1


def test_a_credit_note_replaces_the_kept_pdf_of_its_invoice_with_the_new_balance(shop, accountant, admin, clock):
    identity = shop.settings.current()
    seller = {"name": identity.shop_name, "address": identity.shop_address, "vat_number": identity.shop_vat_number}
    seller |= {"company_number": "", "email": "", "phone": "", "legal_mentions": ""}
    number = _open_account_invoice(shop, 1, clock.now, clock.now.date() + timedelta(days=30), seller)
    before = shop.invoices.pdf(number, accountant)
    assert re.search(r"Reste à payer\s+24,00 €", _text(before))
    clock.advance(hours=1)
    credit = shop.invoices.credit_note(accountant, number, "Returned")
    after = shop.invoices.pdf(number, accountant)
    assert re.search(r"Reste à payer\s+0,00 €", _text(after))
    assert _kept(shop, number)[:2] == (clock.now, hashlib.sha256(after).hexdigest())
    assert shop.invoices.pdf(number, accountant) == after
    assert credit.number in _text(shop.invoices.pdf(credit.number, accountant))
    assert _kept_count(shop) == 2


def test_a_reprint_after_a_new_logo_shows_the_new_logo(shop, cashier, admin, sale, tmp_path):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    assert _images(shop.invoices.pdf(invoice.number), tmp_path) == []
    picture = io.BytesIO()
    Image.new("RGB", (120, 40), "#2f5d8a").save(picture, format="PNG")
    shop.settings.set_logo(admin, picture.getvalue())
    (image,) = _images(shop.invoices.pdf(invoice.number), tmp_path)
    assert image.split()[3:5] == ["120", "40"]


def test_the_first_pdf_kept_for_a_state_is_the_one_everybody_gets(shop, cashier, accountant, stock_manager, sale):
    """Two processes that render the same document at once both keep it: the second finds the first's PDF
    kept for the same state, leaves it, and hands out that one too."""
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    state = document_state(shop.invoices.get(accountant, invoice.number), None)
    first = shop.invoices.keep_pdfs(accountant, [KeptPdf(invoice.number, state, b"%PDF first")])
    second = shop.invoices.keep_pdfs(accountant, [KeptPdf(invoice.number, state, b"%PDF second")])
    assert first == second == {invoice.number: b"%PDF first"}
    assert shop.invoices.pdf(invoice.number) == b"%PDF first"
    assert shop.invoices.kept_pdfs(accountant, {invoice.number: state}) == {invoice.number: b"%PDF first"}
    assert shop.invoices.unkept(accountant, {invoice.number: state, "F-1999-000001": state}) == ["F-1999-000001"]
    stale = shop.invoices.keep_pdfs(accountant, [KeptPdf(invoice.number, "an older state", b"%PDF older")])
    assert stale == {invoice.number: b"%PDF older"}
    assert shop.invoices.unkept(accountant, {invoice.number: state}) == [invoice.number]
    assert invoice.number in _text(shop.invoices.pdf(invoice.number))  # rendered again for the current state
    assert _kept(shop, invoice.number)[2] == state


def test_keeping_a_pdf_refuses_unknown_documents_and_readers_without_the_right_and_writes_nothing(
    shop, cashier, accountant, stock_manager, sale
):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    batch = [KeptPdf(invoice.number, "state", b"%PDF"), KeptPdf("F-1999-000001", "state", b"%PDF")]
    with pytest.raises(NotFound, match="F-1999-000001"):
        shop.invoices.keep_pdfs(accountant, batch)
    with pytest.raises(PermissionDenied):
        shop.invoices.keep_pdfs(stock_manager, batch[:1])
    with pytest.raises(PermissionDenied):  # a cashier issues and prints invoices, but decides not what reprints show
        shop.invoices.keep_pdfs(cashier, batch[:1])
    with pytest.raises(PermissionDenied):
        shop.invoices.kept_pdfs(stock_manager, {invoice.number: "state"})
    assert _kept_count(shop) == 0


def test_a_kept_pdf_whose_bytes_were_damaged_is_rendered_again(shop, cashier, sale):
    invoice = shop.invoices.issue(cashier, sale.number, ACME)
    kept = shop.invoices.pdf(invoice.number)
    with shop.db.write_engine.begin() as conn:
        conn.execute(InvoiceDocument.__table__.update().values(pdf=kept[:-100]))
    again = shop.invoices.pdf(invoice.number)
    assert invoice.number in _text(again) and hashlib.sha256(again).hexdigest() == _kept(shop, invoice.number)[1]
