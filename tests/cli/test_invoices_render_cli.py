"""`pos-app invoices render`, run overnight by a shop: renders what no kept PDF covers, once."""

from datetime import timedelta

import pytest

from pos_app.services import open_services
from tests.cli.test_cli import pos_app
from tests.cli.test_invoices_cli import invoiced_shop
from tests.conftest import PASSWORDS


@pytest.mark.parametrize("empty_database_url", ["sqlite"], indirect=True)  # the service is tested on both
def test_invoices_render_renders_what_is_not_kept_and_nothing_twice(tmp_path, empty_database_url):
    url = empty_database_url
    numbers, today = invoiced_shop(url, ("ACME", "Awa Diop", "Bob"))
    with open_services(url) as svc:
        printed = svc.invoices.pdf(numbers[0], svc.auth.login("admin", PASSWORDS["admin"]))  # at the counter: kept
    day = today.isoformat()
    first = pos_app(
        "invoices", "render", "--from", day, "--to", day, "--workers", "1", data_dir=tmp_path, database_url=url
    )
    assert first.returncode == 0, first.stderr
    assert "Rendered 2 PDF(s) of 3 document(s); the other 1 were kept already." in first.stdout
    again = pos_app("invoices", "render", "--workers", "1", data_dir=tmp_path, database_url=url)
    assert again.returncode == 0 and "Rendered 0 PDF(s) of 3 document(s)" in again.stdout
    tomorrow = (today + timedelta(days=1)).isoformat()
    none = pos_app("invoices", "render", "--from", tomorrow, data_dir=tmp_path, database_url=url)
    assert none.returncode == 0 and "Rendered 0 PDF(s) of 0 document(s)" in none.stdout
    with open_services(url) as svc:
        accountant = svc.auth.login("admin", PASSWORDS["admin"])
        assert svc.invoices.pdf(numbers[0], accountant) == printed
        states = {number: "unused" for number in numbers}
        assert svc.invoices.unkept(accountant, states) == numbers  # nothing is kept for a state that is not theirs
    bad = pos_app("invoices", "render", "--to", "30/11/2026", data_dir=tmp_path)
    assert bad.returncode == 2 and "is not a date such as 2026-11-30" in bad.stderr
