import io
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.journal_keys import current_signer
from pos_app.services import open_services


def pos_app(*args: str, data_dir: Path, stdin: str = "", database_url: str | None = None):
    env = dict(os.environ, POS_DATA_DIR=str(data_dir))
    env.pop("POS_DATABASE_URL", None)
    command = [sys.executable, "-m", "pos_app.cli"]
    if database_url:
        command += ["--database-url", database_url]
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_demo_creates_the_shop_in_the_user_data_folder_and_prints_the_logins(tmp_path):
    first = pos_app("demo", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Demo shop created: 60 products" in first.stdout
    assert "cashier     cashier-demo" in first.stdout
    assert (tmp_path / "pos.db").exists()
    again = pos_app("demo", data_dir=tmp_path)
    assert "already has users" in again.stdout


def test_db_upgrade_reports_the_schema_revision(tmp_path):
    result = pos_app("db", "upgrade", data_dir=tmp_path)
    assert result.returncode == 0
    assert "upgraded to schema revision" in result.stdout
    assert "already at" in pos_app("db", "upgrade", data_dir=tmp_path).stdout


def test_user_add_reads_the_password_from_stdin_and_the_first_user_must_be_admin(tmp_path):
    add_cashier = ("user", "add", "ana", "--role", "cashier", "--password-stdin")
    refused = pos_app(*add_cashier, data_dir=tmp_path, stdin="pw-123456\n")
    assert refused.returncode == 1
    assert "first user of a shop must be an admin" in refused.stderr
    add_admin = ("user", "add", "Boss", "--role", "admin", "--password-stdin")
    created = pos_app(*add_admin, data_dir=tmp_path, stdin="pw-123456\n")
    assert created.returncode == 0, created.stderr
    short = pos_app(*add_cashier, data_dir=tmp_path, stdin="pw\n")
    assert short.returncode == 1 and "8 to 256 characters" in short.stderr
    assert "Traceback" not in short.stderr
    with open_services(f"sqlite:///{tmp_path / 'pos.db'}") as svc:
        assert svc.auth.login("boss", "pw-123456").role.value == "admin"


def test_products_import_lists_every_bad_row_and_exits_non_zero(database_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,product,price,vat_rate\nA,,1.00,20\nB,Thing,abc,20\nC,Fine,2.00,20\n", encoding="utf-8")
    result = pos_app("products", "import", str(bad), data_dir=tmp_path, database_url=database_url)
    assert result.returncode == 1
    assert "Nothing was imported: 2 bad row(s)" in result.stderr
    assert "line 2: product name is required" in result.stderr
    assert "line 3: price must be a number" in result.stderr
    with open_services(database_url) as svc:
        assert svc.inventory.stock_list() == []


def test_products_import_then_export_round_trips(database_url, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("sku,product,price,vat_rate,on_hand\nA,Hat,10.00,20,3\n", encoding="utf-8")
    imported = pos_app("products", "import", str(good), data_dir=tmp_path, database_url=database_url)
    assert imported.returncode == 0, imported.stderr
    assert "1 new product(s), 1 new SKU(s)" in imported.stdout
    exported = pos_app("products", "export", "-", data_dir=tmp_path, database_url=database_url)
    assert exported.stdout.splitlines()[1] == "A,,Hat,,,,,,10.00,,,20,0,3,yes"


@pytest.mark.parametrize("command", [[], ["demo"], ["db", "upgrade"], ["user", "add"], ["products", "import"]])
def test_every_command_has_help(tmp_path, command):
    result = pos_app(*command, "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "usage: pos-app" in result.stdout


def test_the_desktop_refuses_to_start_on_a_shop_without_users(tmp_path):
    result = pos_app(data_dir=tmp_path)
    assert result.returncode == 2
    assert "pos-app demo" in result.stderr


# ----- the journal's closings and archives -----------------------------------------------------------------------

MARCH_2025 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # long over by the real clock the commands run with


@pytest.fixture
def march_sale(services, clock, stock_manager, cashier):
    """R1's journal in March 2025: the till opened (entry 1) and a T-shirt sold for 19.90 (entry 2)."""
    clock.now = MARCH_2025
    services.inventory.create_product(
        stock_manager, sku="TEE", name="T-shirt", price=Decimal("19.90"), vat_rate=Decimal("20")
    )
    services.inventory.receive(stock_manager, "TEE", 5)
    services.pos.open_session(cashier, "R1", Decimal("50.00"))
    services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))])
    return services


def run(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """`pos-app ARGS` in this process (the journal key file is the tests' own), with `stdin` as standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_journal_close_closes_a_month_once_for_an_accountant_whose_password_is_given(
    march_sale, database_url, monkeypatch, capsys
):
    close = ("--database-url", database_url, "journal", "close", "--month", "2025-03")

    closed = run(monkeypatch, capsys, *close, "--user", "accountant", stdin="accountant-password\n")
    again = run(monkeypatch, capsys, *close, "--user", "admin", stdin="admin-password\n")
    cashier = run(monkeypatch, capsys, *close, "--register", "R1", "--user", "cashier", stdin="cashier-password\n")

    assert closed == (
        0,
        "Closed 2025-03 on R1 (entries 1 to 2): sales 19.90, refunds 0.00, grand total 19.90 EUR; journal entry 3.\n",
        "",
    )
    assert again[0] == 1
    assert again[2].startswith("error: 2025-03 is already closed: R1 on ")
    assert cashier[0] == 1
    assert "cashier (Cashier) may not close journal periods" in cashier[2]


def test_journal_close_refuses_a_month_that_is_not_one(monkeypatch, capsys):
    with pytest.raises(SystemExit) as exit_code:
        run(monkeypatch, capsys, "journal", "close", "--month", "March", "--user", "accountant")

    assert exit_code.value.code == 2
    assert "give a month as YYYY-MM, such as 2026-10 (got 'March')" in capsys.readouterr().err


def test_journal_export_writes_an_archive_that_verify_archive_checks_without_any_database(
    march_sale, database_url, tmp_path, monkeypatch, capsys
):
    archive = tmp_path / "journal-2025-03.zip"
    public_key = tmp_path / "shop.pub.pem"
    public_key.write_text(current_signer().public_key.pem)
    nowhere = ("--database-url", "postgresql+psycopg://nobody@127.0.0.1:9/gone")
    export = ("journal", "export", "--from", "2025-03-01", "--to", "2025-03-31", "--out", str(archive))

    exported = run(monkeypatch, capsys, "--database-url", database_url, *export)
    verified = run(
        monkeypatch, capsys, *nowhere, "journal", "verify-archive", str(archive), "--public-key", str(public_key)
    )
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            if name == "entries.jsonl":
                data = data.replace(b'"amount":"19.9000"', b'"amount":"1.9000"')
            copy.writestr(name, data)
    broken = run(monkeypatch, capsys, *nowhere, "journal", "verify-archive", str(tampered))

    assert exported[0] == 0, exported[2]
    assert exported[1].startswith(f"Wrote {archive}: 2 journal entries of 1 register(s) and 0 closing(s)")
    assert verified == (
        0,
        "Archive OK: 2 entries on 1 register from 2025-03-01 to 2025-03-31 "
        f"(signing key {current_signer().public_key.fingerprint})\n",
        "",
    )
    assert broken[0] == 1
    assert broken[1].splitlines() == [
        "Archive BROKEN at register R1, entry 2: its content was changed after it was written (entries.jsonl).",
        "  also: entries.jsonl: its SHA-256 is not the one in the manifest: it was changed after the archive was "
        "signed.",
    ]
    assert run(monkeypatch, capsys, *nowhere, "journal", "verify-archive", str(tmp_path / "none.zip"))[2] == (
        f"error: No archive at {tmp_path / 'none.zip'}.\n"
    )
