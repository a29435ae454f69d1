"""Exporting a period for the accountant: every PDF, a CSV and an XLSX summary whose totals equal the sum of
the invoices, rendered by several processes; on both databases."""

import csv
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pos_app.db.models import Invoice, InvoiceDocument
from pos_app.errors import PermissionDenied, ValidationError
from pos_app.invoices.batch import ExportCancelled
from pos_app.services.invoices import CustomerDetails
from tests.services.helpers import make_product


@pytest.fixture
def period(services, admin, stock_manager, cashier, accountant, clock):
    """Yesterday: 12 invoices over two VAT rates and 2 credit notes; today: one more invoice, outside it."""
    services.settings.update_identity(admin, shop_name="Boutique", shop_vat_number="FR12345678901")
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    for sku in ("TEE", "BOOK"):
        services.inventory.receive(stock_manager, sku, 100)
    services.pos.open_session(cashier, "R1", Decimal(0))
    start = clock.now
    numbers = []
    for n in range(13):
        if n == 12:
            services.invoices.credit_note(accountant, numbers[0], "Returned")
            services.invoices.credit_note(accountant, numbers[5], "Partly returned", [(1, 1)])
            clock.advance(days=1)
        sale = services.pos.checkout(cashier, [("TEE", 1 + n % 3), ("BOOK", 1)], [("cash", Decimal(200))])
        numbers.append(services.invoices.issue(cashier, sale.number, CustomerDetails(f"Client {n}")).number)
        clock.advance(minutes=20)
    return start, start + timedelta(days=1)


def test_an_export_writes_every_pdf_and_a_summary_that_adds_up(services, accountant, period, tmp_path):
    since, until = period
    seen = []
    result = services.invoice_export.export(
        accountant, since, until, tmp_path, workers=2, on_start=seen.append, progress=seen.append
    )
    expected = services.invoices.in_period(accountant, since, until)
    assert result.documents == len(expected) == 14 and seen[0] == 14 and sum(seen[1:]) == 14
    for invoice in expected:
        pdf = tmp_path / f"{invoice.number}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert invoice.number in text and invoice.customer.name in text
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == sorted(f"{i.number}.pdf" for i in expected)
    with result.csv.open(encoding="utf-8-sig") as source:
        rows = list(csv.DictReader(source))
    documents, total = rows[:-1], rows[-1]
    assert [row["number"] for row in documents] == [i.number for i in expected]
    assert total["number"] == "TOTAL"
    for column, attribute in (("excl_vat", "net"), ("vat", "vat"), ("incl_vat", "gross")):
        assert sum(Decimal(row[column]) for row in documents) == Decimal(total[column])
        assert Decimal(total[column]) == sum(getattr(i, attribute) for i in expected)
    assert Decimal(total["vat_5.5"]) + Decimal(total["vat_20"]) == Decimal(total["vat"])
    assert (result.net, result.vat, result.gross) == tuple(Decimal(total[c]) for c in ("excl_vat", "vat", "incl_vat"))
    sheet = load_workbook(result.xlsx, read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "number" and values[-1][0] == "TOTAL" and len(values) == 16
    gross_column = values[0].index("incl_vat")
    assert round(sum(row[gross_column] for row in values[1:-1]), 2) == float(result.gross) == values[-1][gross_column]


def test_an_export_can_be_cancelled_and_needs_the_accountant(services, accountant, cashier, period, tmp_path):
    since, until = period
    with pytest.raises(ExportCancelled):
        services.invoice_export.export(accountant, since, until, tmp_path, workers=1, cancelled=lambda: True)
    with pytest.raises(PermissionDenied):
        services.invoice_export.export(cashier, since, until, tmp_path)
    with pytest.raises(ValidationError, match="after its start"):
        services.invoice_export.export(accountant, until, since, tmp_path)
    assert list(tmp_path.glob("*.csv")) == []


def _rendered_at(services) -> dict[str, object]:
    """When the kept PDF of each document was rendered."""
    with services.db.read_session() as session:
        rows = session.execute(
            select(Invoice.number, InvoiceDocument.rendered_at).join(Invoice, Invoice.id == InvoiceDocument.invoice_id)
        )
        return dict(rows.all())


def test_an_export_copies_the_kept_pdfs_renders_the_others_and_keeps_them(
    services, accountant, cashier, period, tmp_path, clock
):
    since, until = period
    documents = services.invoices.in_period(accountant, since, until)
    first_hour = services.invoice_export.prepare(accountant, since, since + timedelta(hours=1), workers=1)
    assert (first_hour.documents, first_hour.rendered) == (3, 3)
    assert services.invoice_export.prepare(accountant, since, since + timedelta(hours=1), workers=1).rendered == 0
    services.invoices.pdf(documents[3].number)
    services.invoices.credit_note(accountant, documents[3].number, "Returned")  # its kept PDF is stale now
    before = _rendered_at(services)
    clock.advance(hours=1)
    written = []
    result = services.invoice_export.export(accountant, since, until, tmp_path, workers=2, progress=written.append)
    assert result.documents == 14 and sum(written) == 14
    for invoice in documents:
        assert (tmp_path / f"{invoice.number}.pdf").read_bytes() == services.invoices.pdf(invoice.number)
    kept = _rendered_at(services)
    assert {number: kept[number] for number in before} == {
        **{invoice.number: before[invoice.number] for invoice in documents[:3]},  # copied, not rendered again
        documents[3].number: clock.now,
    }
    assert sorted(kept) == sorted(invoice.number for invoice in documents)
    assert set(kept.values()) == {before[documents[0].number], clock.now}
    with pytest.raises(PermissionDenied):
        services.invoice_export.prepare(cashier, since, until)
    with pytest.raises(ValidationError, match="after its start"):
        services.invoice_export.prepare(accountant, until, since)
