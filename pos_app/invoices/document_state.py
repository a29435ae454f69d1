"""What a kept invoice PDF is valid for: a digest of all that its page prints and can still change after issue.

An issued invoice keeps its lines, totals, customer and seller (invoices.seller is copied at issue) for ever.
What the page shows that is read again each time it is rendered:
- the amount paid (invoice_payments: only inserted, never changed) and the payments listed with it;
- the amount credited by credit notes, which with the two above makes the balance due and the terms printed
  (a "paid" stamp or a due date): the status word itself (due, overdue...) is not printed, so the passing of
  the due date leaves the page, and its kept PDF, as they are;
- the shop's logo, a setting read when rendering;
- the layout: the template, its stylesheet, the printed words and the app's version, so that a new version of
  the app prints its own layout, as rendering every time did.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import files

from pos_app import __version__
from pos_app.invoices.labels import LABELS
from pos_app.invoices.model import InvoiceView

LAYOUT_FILES = ("invoice.html", "invoice.css")


def document_state(view: InvoiceView, logo: str | None) -> str:
    """A short digest (32 hex digits) that changes whenever the PDF of `view` with `logo` would print
    differently from a PDF of the same document rendered earlier."""
    facts = [
        _layout(),
        f"paid {view.paid}",
        f"credited {view.credited}",
        *(f"payment {p.method} {p.amount} {p.reference or ''}" for p in view.payments),
        f"logo {_digest((logo or '').encode())}",
    ]
    return _digest("\n".join(facts).encode())[:32]


def pdf_digest(pdf: bytes) -> str:
    return _digest(pdf)


@functools.cache
def _layout() -> str:
    templates = files("pos_app.invoices") / "templates"
    parts = [(templates / name).read_bytes() for name in LAYOUT_FILES]
    parts.append(repr(sorted((language, sorted(words.items())) for language, words in LABELS.items())).encode())
    parts.append(__version__.encode())
    return _digest(b"\0".join(parts))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
