"""An invoice or credit note as a PDF/A-3 on A4 with its Factur-X XML, through the shared document renderer."""

from __future__ import annotations

from typing import Any

from pos_app.documents import render_pdf
from pos_app.documents.formatting import locale_for
from pos_app.invoices.labels import labels_for
from pos_app.invoices.model import InvoiceView

TEMPLATE = "invoices/invoice.html"
STYLESHEET = "invoices/invoice.css"


def invoice_html_context(view: InvoiceView, logo: str | None) -> dict[str, object]:
    return {
        "invoice": view,
        "logo": logo,
        "words": labels_for(view.language),
        "language": view.language,
        "locale": locale_for(view.language),
    }


def invoice_pdf(view: InvoiceView, *, logo: str | None = None, facturx: bool = True) -> bytes:
    """The printable invoice; with `facturx`, the EN 16931 XML is embedded so accounting software reads it.
    `logo` is an image URL (a data: URL from the settings). Raises ValidationError when the shop's identity
    lacks what Factur-X requires (see facturx.facturx_xml)."""
    # Imported here: the Factur-X stack (the library, its XSD) loads with the first invoice printed.
    from pos_app.invoices.facturx import PDF_VARIANT, facturx_render_options

    options: dict[str, Any] = facturx_render_options(view) if facturx else {"pdf_variant": PDF_VARIANT}
    return render_pdf(TEMPLATE, invoice_html_context(view, logo), stylesheet=STYLESHEET, **options)
