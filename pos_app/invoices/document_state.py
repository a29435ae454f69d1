"""What a kept invoice PDF is valid for: a digest of all that its page prints and can still change after issue.

An issued invoice keeps its lines, totals, customer and seller (invoices.seller is copied at issue) for ever.
What the page shows that is read again each time it is rendered:
- the amount paid (invoice_payments: only inserted, never changed) and the payments listed with it;
- the amount credited by credit notes, which with the two above makes the balance due and the terms printed
  (a "paid" stamp or a due date): the status word itself (due, overdue...) is not printed, so the passing of
  the due date leaves the page, and its kept PDF, as they are;
- the shop's logo, a setting read when rendering;
- the dates, printed in this machine's time zone: a machine in another zone prints another issue date;
- the layout: every file of the invoice and document packages (templates, stylesheets, printed words, number
  and date formats, Factur-X), the bundled fonts and the versions of the libraries that write the PDF, so that a
  new version of the app prints its own layout, as rendering every time did.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from importlib.metadata import version
from importlib.resources import files
from importlib.resources.abc import Traversable

from pos_app.invoices.model import InvoiceView

LAYOUT_PACKAGES = ("pos_app.invoices", "pos_app.documents")
LAYOUT_SUFFIXES = (".py", ".html", ".css", ".ttf")
PDF_LIBRARIES = ("weasyprint", "pydyf", "factur-x", "fonttools")


def document_state(view: InvoiceView, logo: str | None) -> str:
    """A short digest (32 hex digits) that changes whenever the PDF of `view` with `logo` would print
    differently from a PDF of the same document rendered earlier."""
    facts = [
        _layout(),
        f"issued {view.issued_at.astimezone().date()}",
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
    digest = hashlib.sha256()
    folders = [files(package) for package in LAYOUT_PACKAGES] + [files("pos_app.resources") / "fonts"]
    for folder in folders:
        for path in _files_under(folder):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for library in PDF_LIBRARIES:
        digest.update(f"{library} {version(library)}".encode())
    return digest.hexdigest()


def _files_under(folder: Traversable) -> Iterator[Traversable]:
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.is_dir():
            yield from _files_under(entry)
        elif entry.name.endswith(LAYOUT_SUFFIXES):
            yield entry


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
