"""Invoice PDFs as a reader sees them (pdftotext): number, customer, lines, totals per VAT rate, page
numbers and table headers on every page, in French and English, in euros and in CFA francs."""

import base64
import io
import re
import subprocess
from decimal import Decimal

import pytest
from PIL import Image

from pos_app.invoices.pdf import invoice_pdf
from pos_app.services.invoices import CustomerDetails
from tests.services.helpers import make_product

ACME = CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", vat_number="FR99123456789")


def pdf_text(pdf: bytes, tmp_path) -> list[str]:
    """The text of each page, in reading order."""
    path = tmp_path / "invoice.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [page.replace("\u202f", " ").replace("\xa0", " ") for page in text.split("\f")[:-1]]


def fr(number: Decimal) -> str:
    """An amount as French invoices print it: 1234.5 -> '1 234,50'."""
    whole, _, cents = f"{number:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + "," + cents


def fr_rate(rate: Decimal) -> str:
    """5.500 -> '5,5', 20.000 -> '20'."""
    return f"{rate.normalize():f}".replace(".", ",")


def issue(services, admin, cashier, stock_manager, products, *, discount=Decimal(0), customer=ACME):
    for sku, name, price, rate in products:
        make_product(services, stock_manager, sku=sku, name=name, price=Decimal(price), vat_rate=Decimal(rate))
        services.inventory.receive(stock_manager, sku, 10)
    services.pos.open_session(cashier, "R1", Decimal(0))
    paid = Decimal(10**6)
    sale = services.pos.checkout(
        cashier, [(sku, 1) for sku, *_ in products], [("cash", paid)], ticket_discount_percent=discount
    )
    return services.invoices.issue(cashier, sale.number, customer)


@pytest.fixture
def shop(services, admin):
    services.settings.update_identity(admin, shop_name="Boutique Lumière", shop_vat_number="FR12345678901")
    return services


def test_an_invoice_shows_its_number_customer_lines_and_totals_per_vat_rate(
    shop, admin, cashier, stock_manager, tmp_path
):
    products = [
        ("TEE", "T-shirt lin", "19.90", "20"),
        ("MEAL", "Panier repas", "12.00", "10"),
        ("BOOK", "Guide de Paris", "18.00", "5.5"),
    ]
    invoice = issue(shop, admin, cashier, stock_manager, products, discount=Decimal(5))
    (page,) = pdf_text(invoice_pdf(invoice, facturx=False), tmp_path)
    assert "Facture" in page and invoice.number in page
    assert "ACME SARL" in page and "69001 Lyon" in page and "FR99123456789" in page
    assert "Boutique Lumière" in page and "FR12345678901" in page
    for name in ("T-shirt lin", "Panier repas", "Guide de Paris"):
        assert name in page
    for split in invoice.vat_breakdown:  # rate, excl. VAT, VAT, incl. VAT: one row of the breakdown
        row = rf"{fr_rate(split.rate)} %\s+{fr(split.net)} €\s+{fr(split.vat)} €\s+{fr(split.gross)} €"
        assert re.search(row, page), row
        assert split.net + split.vat == split.gross
    assert sum(s.gross for s in invoice.vat_breakdown) == invoice.gross
    assert re.search(rf"Total TTC\s+{fr(invoice.gross)} €", page)
    assert "Page 1 sur 1" in page


def test_a_long_invoice_repeats_its_table_header_and_numbers_its_pages(shop, admin, cashier, stock_manager, tmp_path):
    products = [(f"ITEM-{n:02d}", f"Article numéro {n}", "9.90", "20") for n in range(42)]
    invoice = issue(shop, admin, cashier, stock_manager, products)
    pages = pdf_text(invoice_pdf(invoice, facturx=False), tmp_path)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert "Désignation" in page and "P.U. TTC" in page  # the header row, on every page
        assert f"Page {number} sur 3" in page
    assert all(f"Article numéro {n}" in "".join(pages) for n in range(42))


def test_an_english_invoice_in_cfa_francs_has_whole_amounts(shop, admin, cashier, stock_manager, tmp_path):
    shop.settings.update_identity(admin, currency_code="XOF")
    shop.settings.update_invoicing(admin, language="en")
    products = [("PAGNE", "Pagne wax", "5000", "18"), ("SAC", "Sac raphia", "2500", "18")]
    shop.settings.add_vat_rates(admin, {Decimal(18): "TVA 18 %"})
    invoice = issue(shop, admin, cashier, stock_manager, products)
    (page,) = pdf_text(invoice_pdf(invoice, facturx=False), tmp_path)
    assert "Invoice" in page and "Total incl. VAT" in page and "Page 1 of 1" in page
    assert "F CFA" in page or "XOF" in page
    assert invoice.gross == Decimal(7500) and invoice.net == Decimal(6356)
    assert "6,356" in page and "1,144" in page and "7,500" in page


def test_a_credit_note_shows_the_invoice_it_corrects_and_negative_amounts(
    shop, admin, cashier, stock_manager, accountant, tmp_path
):
    invoice = issue(shop, admin, cashier, stock_manager, [("TEE", "T-shirt lin", "19.90", "20")])
    credit = shop.invoices.credit_note(accountant, invoice.number, "Article retourné")
    (page,) = pdf_text(invoice_pdf(credit, facturx=False), tmp_path)
    assert "Avoir" in page and credit.number in page and invoice.number in page
    assert "Article retourné" in page
    assert "-19,90" in page.replace("\u2212", "-").replace(" €", "")


def test_a_walk_in_customer_and_names_with_markup_characters_print_as_typed(
    shop, admin, cashier, stock_manager, tmp_path
):
    products = [("PAIN", "Pain & beurre <bio>", "3.20", "5.5")]
    invoice = issue(shop, admin, cashier, stock_manager, products, customer=CustomerDetails('Dupont & "Fils"'))
    (page,) = pdf_text(invoice_pdf(invoice, facturx=False), tmp_path)
    assert 'Dupont & "Fils"' in page and "Pain & beurre <bio>" in page


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_shop_s_logo_is_printed_on_the_invoice(shop, admin, cashier, stock_manager, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (120, 40), "#2f5d8a").save(picture, format="PNG")
    logo = "data:image/png;base64," + base64.b64encode(picture.getvalue()).decode()
    invoice = issue(shop, admin, cashier, stock_manager, [("TEE", "T-shirt lin", "19.90", "20")])
    path = tmp_path / "invoice.pdf"
    path.write_bytes(invoice_pdf(invoice, logo=logo, facturx=False))
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    (image,) = listing.splitlines()[2:]  # after the two header lines
    page, _number, _kind, width, height = image.split()[:5]
    assert (page, width, height) == ("1", "120", "40")
