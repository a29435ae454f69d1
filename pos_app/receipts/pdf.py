"""A receipt as a PDF on 80 mm paper, as long as its content, through the shared document renderer."""

from __future__ import annotations

import base64

from pos_app import documents
from pos_app.documents.formatting import locale_for
from pos_app.receipts import qr
from pos_app.receipts.labels import labels_for
from pos_app.receipts.model import Receipt

TEMPLATE = "receipts/receipt.html"
END_ANCHOR = "receipt-end"


def receipt_pdf(receipt: Receipt, *, duplicate: bool = False) -> bytes:
    code = qr.code_of(receipt)
    context = {
        "receipt": receipt,
        "duplicate": duplicate,
        "words": labels_for(receipt.language),
        "language": receipt.language,
        "locale": locale_for(receipt.language),
        "qr_png": _data_url(qr.qr_png(qr.encode(code))) if code is not None else None,
    }
    return documents.render_pdf(TEMPLATE, context, end_page_at=END_ANCHOR)


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
