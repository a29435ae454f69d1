import io
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.domain.stock import MovementKind
from pos_app.errors import ImportRejected, PermissionDenied
from pos_app.services.catalogue_csv import COLUMNS
from tests.services.helpers import make_product, visible_state

HEADER = ",".join(COLUMNS) + "\n"


def test_rows_with_the_same_product_name_become_variants_with_opening_stock(services, stock_manager):
    csv_text = HEADER + (
        "POLO-M,4006381333931,Polo piqué,M,colour=Marine,Vêtements,Acme,Cotton polo,35.00,,,20,2,10,yes\n"
        "POLO-L,,Polo piqué,L,colour=Marine,Vêtements,Acme,Cotton polo,35.00,,37.00,20,2,4,yes\n"
        'MUG,,Mug,,,Maison,,,"12,50",,,20,0,,yes\n'
    )
    summary = services.inventory.import_csv(stock_manager, io.StringIO(csv_text))
    assert (summary.products_created, summary.variants_created, summary.stock_movements) == (2, 3, 2)
    polo = services.inventory.product_of("POLO-L")
    assert [(v.sku, v.unit_price, v.label) for v in polo.variants] == [
        ("POLO-M", Decimal("35.00"), "M / Marine"),
        ("POLO-L", Decimal("37.00"), "L / Marine"),
    ]
    assert services.inventory.level("POLO-M").on_hand == 10
    assert services.inventory.level("MUG").on_hand == 0
    opening = services.inventory.history(sku="POLO-L")
    assert [(m.kind, m.quantity, m.actor) for m in opening] == [(MovementKind.RESTOCK, 4, "stock")]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(services, stock_manager):
    make_product(services, stock_manager, sku="TAKEN", barcode="5901234123457")
    before = visible_state(services)
    csv_text = HEADER + (
        "OK-1,,Good product,,,,,,10.00,,,20,0,5,yes\n"  # line 2: fine
        "BAD-PRICE,,Bad price,,,,,,-3,,,20,0,5,yes\n"  # line 3
        "BAD-VAT,,Bad VAT,,,,,,10.00,,,7,-1,5,maybe\n"  # line 4: three bad cells
        "OK-1,,Good product,,,,,,10.00,,,20,0,5,yes\n"  # line 5: duplicate SKU
        "NEW,5901234123457,New,,,,,,10.00,,,20,0,5,yes\n"  # line 6: barcode of another SKU
        "QTY,,Qty,,,,,,10.00,,,20,0,-2,yes\n"  # line 7: negative stock
    )
    with pytest.raises(ImportRejected) as rejected:
        services.inventory.import_csv(stock_manager, io.StringIO(csv_text))
    lines = [e.line for e in rejected.value.errors]
    assert lines == [3, 4, 5, 6, 7]
    text = str(rejected.value)
    assert "line 3: price cannot be negative" in text
    assert "line 4: VAT rate 7 %" in text
    assert "low_stock_threshold must be a whole number" in text
    assert "active must be yes or no (got 'maybe')" in text
    assert "line 5: SKU 'OK-1' is already on line 2" in text
    assert "line 6: barcode 5901234123457 already belongs to SKU 'TAKEN'" in text
    assert visible_state(services) == before


def test_missing_and_unknown_columns_are_named(services, stock_manager):
    with pytest.raises(ImportRejected, match=r"missing column.*price.*unknown column.*colour"):
        services.inventory.import_csv(stock_manager, io.StringIO("sku,product,vat_rate,colour\nA,B,20,red\n"))


def test_an_empty_file_is_rejected(services, stock_manager):
    with pytest.raises(ImportRejected, match="empty"):
        services.inventory.import_csv(stock_manager, io.StringIO(""))
    with pytest.raises(ImportRejected, match="no rows"):
        services.inventory.import_csv(stock_manager, io.StringIO(HEADER))


def test_semicolon_separated_files_from_french_spreadsheets_are_read(services, stock_manager):
    csv_text = "sku;product;price;vat_rate;on_hand\nCAFE;Café moulu;11,90;5.5;8\n"
    services.inventory.import_csv(stock_manager, io.StringIO(csv_text))
    row = services.inventory.find_by_barcode("CAFE")
    assert (row.unit_price, row.vat_rate, row.on_hand) == (Decimal("11.90"), Decimal("5.5"), 8)


def test_reimporting_an_export_changes_nothing_and_a_new_count_adjusts_stock(services, stock_manager, tmp_path):
    make_product(services, stock_manager, sku="A", size="M", properties={"colour": "Red"}, category="Clothes")
    services.inventory.receive(stock_manager, "A", 7)
    path = tmp_path / "catalogue.csv"
    services.inventory.export_csv(path)
    before = visible_state(services)
    summary = services.inventory.import_csv(stock_manager, path)
    assert (summary.variants_updated, summary.stock_movements) == (1, 0)
    assert visible_state(services) == before

    path.write_text(path.read_text(encoding="utf-8").replace(",7,yes", ",5,yes"), encoding="utf-8")
    services.inventory.import_csv(stock_manager, path)
    latest = services.inventory.history(sku="A")[0]
    assert (latest.kind, latest.quantity, latest.stock_after) == (MovementKind.ADJUSTMENT, -2, 5)
    assert "catalogue.csv" in latest.reason


def test_variants_of_one_product_must_agree_on_the_product_price(services, stock_manager):
    csv_text = HEADER + "A,,Hat,S,,,,,10.00,,,20,0,,yes\nB,,Hat,M,,,,,12.00,,,20,0,,yes\n"
    with pytest.raises(ImportRejected, match="line 3: price differ"):
        services.inventory.import_csv(stock_manager, io.StringIO(csv_text))


def test_import_needs_the_stock_managers_rights(services, cashier):
    with pytest.raises(PermissionDenied):
        services.inventory.import_csv(cashier, io.StringIO(HEADER + "A,,Hat,,,,,,10.00,,,20,0,,yes\n"))


def test_the_demo_catalogue_file_imports_cleanly(services, stock_manager):
    demo = Path(__file__).parents[2] / "pos_app" / "resources" / "demo" / "catalogue.csv"
    summary = services.inventory.import_csv(stock_manager, demo)
    assert summary.products_created == 60
    assert summary.variants_created > 100
