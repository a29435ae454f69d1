import os
import subprocess
import sys
from pathlib import Path

import pytest

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
