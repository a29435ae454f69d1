"""The state a kept invoice PDF is valid for: it changes with everything the page prints that can change after
issue, and with nothing else, so that a kept PDF is never shown when a fresh one would print differently."""

import time
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from pos_app.domain.invoice import InvoiceKind, InvoiceStatus
from pos_app.domain.vat import VatSplit
from pos_app.invoices.document_state import document_state
from pos_app.invoices.facturx import facturx_xml
from pos_app.invoices.model import CustomerDetails, InvoiceLineView, InvoicePaymentView, InvoiceView
from pos_app.invoices.pdf import TEMPLATE, invoice_html_context

LOGO = "data:image/png;base64,iVBORw0KGgo="
LINE = InvoiceLineView(
    position=1,
    sku="TEE",
    description="T-shirt lin",
    quantity=2,
    unit_price=Decimal("24.00"),
    discount=Decimal(0),
    net=Decimal("40.00"),
    vat_rate=Decimal(20),
    vat=Decimal("8.00"),
    gross=Decimal("48.00"),
)
ON_ACCOUNT = InvoiceView(
    number="F-2026-000042",
    kind=InvoiceKind.INVOICE,
    series="F",
    issued_at=datetime(2026, 11, 2, 10, 30, tzinfo=UTC),
    due_on=date(2026, 12, 2),
    delivered_on=date(2026, 11, 2),
    issued_by="accountant",
    language="fr",
    currency="EUR",
    customer=CustomerDetails("ACME SARL", "1 place du Marché\n69001 Lyon", vat_number="FR99123456789"),
    customer_id=None,
    seller={
        "name": "Boutique Lumière",
        "address": "3 rue Haute\n75003 Paris",
        "vat_number": "FR12345678901",
        "company_number": "",
        "email": "",
        "phone": "",
        "legal_mentions": "",
    },
    lines=(LINE,),
    vat_breakdown=(VatSplit(Decimal(20), Decimal("48.00"), Decimal("40.00"), Decimal("8.00")),),
    net=Decimal("40.00"),
    vat=Decimal("8.00"),
    gross=Decimal("48.00"),
    payments=(),
    paid=Decimal(0),
    credited=Decimal(0),
    status=InvoiceStatus.DUE,
    reason="",
    sale_number=None,
    order_number=None,
    credits_invoice=None,
    credit_notes=(),
)


def printed(view: InvoiceView, logo: str | None = None) -> tuple[str, bytes]:
    """What a render of `view` depends on: its HTML and its Factur-X XML."""
    from pos_app.documents import render_html

    return render_html(TEMPLATE, invoice_html_context(view, logo)), facturx_xml(view)


@pytest.mark.parametrize(
    "later",
    [
        pytest.param(replace(ON_ACCOUNT, credited=Decimal("24.00"), credit_notes=("AV-2026-000001",)), id="credit"),
        pytest.param(
            replace(
                ON_ACCOUNT,
                paid=Decimal("48.00"),
                payments=(InvoicePaymentView("bank_transfer", Decimal("48.00"), "VIR-1"),),
                status=InvoiceStatus.PAID,
            ),
            id="payment",
        ),
        pytest.param(
            replace(ON_ACCOUNT, payments=(InvoicePaymentView("bank_transfer", Decimal(0), "VIR-1"),)), id="reference"
        ),
    ],
)
def test_the_state_changes_with_what_is_paid_and_credited(later):
    assert printed(later) != printed(ON_ACCOUNT)
    assert document_state(later, None) != document_state(ON_ACCOUNT, None)


def test_the_state_changes_with_the_logo():
    assert document_state(ON_ACCOUNT, LOGO) != document_state(ON_ACCOUNT, None)
    assert document_state(ON_ACCOUNT, LOGO) != document_state(ON_ACCOUNT, LOGO.replace("=", "A="))
    assert document_state(ON_ACCOUNT, LOGO) == document_state(ON_ACCOUNT, LOGO)


def test_what_the_state_leaves_out_is_not_printed():
    """The status word (due turning overdue) and the numbers of the credit notes are not on the page: a kept PDF
    stays valid when they change. Should the template ever print them, this fails: document_state must then
    take them in."""
    overdue = replace(ON_ACCOUNT, status=InvoiceStatus.OVERDUE, credit_notes=("AV-2026-000001",), issued_by="ana")
    assert printed(overdue, LOGO) == printed(ON_ACCOUNT, LOGO)
    assert document_state(overdue, LOGO) == document_state(ON_ACCOUNT, LOGO)


def test_a_machine_in_another_time_zone_does_not_reuse_a_pdf_that_prints_another_issue_date(monkeypatch):
    late_evening = replace(ON_ACCOUNT, issued_at=datetime(2026, 11, 2, 23, 30, tzinfo=UTC))
    states = {}
    for zone in ("UTC", "Asia/Tokyo"):  # 2 November in London, already 3 November in Tokyo
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        states[zone] = document_state(late_evening, LOGO)
    monkeypatch.undo()
    time.tzset()

    assert states["UTC"] != states["Asia/Tokyo"]
