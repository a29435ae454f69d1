"""`pos-app invoices export`, run as the accountant runs it."""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from pos_app.services import open_services
from pos_app.services.invoices import CustomerDetails
from tests.cli.test_cli import pos_app
from tests.conftest import PASSWORDS
from tests.services.helpers import make_product


def invoiced_shop(url: str, customers: Sequence[str]) -> tuple[list[str], date]:
    """A new shop with one card sale invoiced to each of `customers`: the invoices' numbers, and today."""
    with open_services(url) as svc:
        admin = svc.auth.bootstrap_admin("admin", PASSWORDS["admin"])
        svc.settings.update_identity(admin, shop_name="Boutique", shop_vat_number="FR12345678901")
        make_product(svc, admin, sku="TEE")
        svc.inventory.receive(admin, "TEE", 5)
        svc.pos.open_session(admin, "R1", Decimal(0))
        numbers = []
        for name in customers:
            sale = svc.pos.checkout(admin, [("TEE", 1)], [("card", Decimal("19.90"), "T")])
            numbers.append(svc.invoices.issue(admin, sale.number, CustomerDetails(name)).number)
        return numbers, svc.clock().astimezone().date()


def test_invoices_export_writes_the_pdfs_and_summaries_of_the_days_asked(tmp_path, empty_database_url):
    url = empty_database_url
    numbers, today = invoiced_shop(url, ("ACME", "Awa Diop"))
    out = tmp_path / "export"
    day = today.isoformat()
    result = pos_app(
        "invoices", "export", "--from", day, "--to", day, "--out", str(out), "--workers", "1",
        data_dir=tmp_path, database_url=url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Wrote 2 PDF(s)" in result.stdout and "39.80 incl. VAT" in result.stdout
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(f"{n}.pdf" for n in numbers)
    assert (out / f"summary-{day}-{(today + timedelta(days=1)).isoformat()}.xlsx").exists()
    yesterday = (today - timedelta(days=1)).isoformat()
    empty = pos_app(
        "invoices", "export", "--from", yesterday, "--to", yesterday, "--out", str(tmp_path / "none"),
        data_dir=tmp_path, database_url=url,
    )  # fmt: skip
    assert empty.returncode == 0 and "Wrote 0 PDF(s)" in empty.stdout
    bad = pos_app("invoices", "export", "--from", "30/11/2026", "--to", day, "--out", str(out), data_dir=tmp_path)
    assert bad.returncode == 2 and "is not a date such as 2026-11-30" in bad.stderr
