"""Search and scans over the indexes of migration 0003: what is found must follow every catalogue write.

On SQLite a search for a word of three letters or more that few SKUs contain is answered from the FTS5
table skus_fts, which triggers keep in step with skus; these tests would miss a write the triggers miss.
"""

from __future__ import annotations

import io
from datetime import timedelta

from sqlalchemy import text

from pos_app.services import Services
from pos_app.services.catalogue_csv import COLUMNS
from tests.services.helpers import make_product


def _found(svc: Services, words: str) -> list[str]:
    return [row.sku for row in svc.inventory.search(words)]


def _in_full_text_index(svc: Services, word: str) -> list[int]:
    """SQLite: the SKU ids whose indexed text contains `word`, as the search's FTS path reads them."""
    with svc.db.read_engine.connect() as conn:
        rows = conn.execute(text("SELECT rowid FROM skus_fts WHERE skus_fts MATCH :word"), {"word": f'"{word}"'})
        return sorted(rows.scalars())


def _sku_id(svc: Services, code: str) -> int:
    with svc.db.read_engine.connect() as conn:
        return conn.execute(text("SELECT id FROM skus WHERE code = :code"), {"code": code}).scalar_one()


def test_a_product_created_renamed_and_imported_is_found_by_its_rare_words(services, stock_manager):
    make_product(services, stock_manager, sku="PAR-M", name="Parka Kilimandjaro", size="M")
    assert _found(services, "kilimandjaro") == ["PAR-M"]

    product = services.inventory.add_variant(stock_manager, services.inventory.product_of("PAR-M").id, sku="PAR-L")
    services.inventory.update_product(stock_manager, product.id, name="Parka Aconcagua")
    assert _found(services, "aconcagua") == ["PAR-M", "PAR-L"]  # name order, then as created
    assert _found(services, "kilimandjaro") == []

    csv_text = ",".join(COLUMNS) + "\n" + "ANO-S,,Anorak Popocatépetl,S,,,,,89.00,,,20,0,3,yes\n"
    services.inventory.import_csv(stock_manager, io.StringIO(csv_text))
    assert _found(services, "popocatepetl") == ["ANO-S"]

    if services.db.dialect == "sqlite":
        assert _in_full_text_index(services, "aconcagua") == sorted(
            [_sku_id(services, "PAR-M"), _sku_id(services, "PAR-L")]
        )
        assert _in_full_text_index(services, "kilimandjaro") == []
        assert _in_full_text_index(services, "popocatepetl") == [_sku_id(services, "ANO-S")]


def test_a_variant_whose_barcode_changes_is_found_by_the_new_one_only(services, stock_manager):
    make_product(services, stock_manager, sku="MUG", name="Mug", barcode="4006381333931")
    services.inventory.update_variant(stock_manager, "MUG", barcode="5901234123457")
    assert _found(services, "5901234123457") == ["MUG"]
    assert _found(services, "4006381333931") == []


def test_an_import_that_renames_a_product_moves_its_skus_to_the_new_words(services, stock_manager):
    make_product(services, stock_manager, sku="VES-M", name="Veste Matterhorn", size="M")
    csv_text = ",".join(COLUMNS) + "\n" + "VES-M,,Veste Annapurna,M,,,,,120.00,,,20,0,,yes\n"
    services.inventory.import_csv(stock_manager, io.StringIO(csv_text))
    assert _found(services, "annapurna") == ["VES-M"]
    assert _found(services, "matterhorn") == []


def test_search_text_with_quotes_and_query_operators_is_matched_literally(services, stock_manager):
    make_product(services, stock_manager, sku="JEAN-32", name='Jean "brut" 32')
    assert _found(services, '"brut"') == ["JEAN-32"]
    assert _found(services, 'brut" OR "mug') == []
    assert _found(services, "NEAR(* AND") == []
    assert _found(services, "32 jean") == ["JEAN-32"]


def test_percent_underscore_and_slash_in_search_words_are_plain_characters(services, stock_manager):
    make_product(services, stock_manager, sku="TEE-100", name="T-shirt 100% coton 1/2 manche")
    make_product(services, stock_manager, sku="TEE-1X0", name="T-shirt 1x0 coton")
    assert _found(services, "100%") == ["TEE-100"]
    assert _found(services, "1/2") == ["TEE-100"]
    assert _found(services, "1_0") == []
    assert _found(services, "%") == ["TEE-100"]


def test_a_scan_shows_the_units_held_until_the_hold_expires(services, stock_manager, clock):
    make_product(services, stock_manager, sku="CAP", name="Casquette", barcode="4006381333931")
    services.inventory.receive(stock_manager, "CAP", 5)
    services.reservations.reserve([("CAP", 2)], ttl_minutes=15)
    scanned = services.inventory.find_by_barcode("4006381333931")
    assert (scanned.on_hand, scanned.reserved, scanned.available) == (5, 2, 3)
    clock.advance(minutes=15, seconds=1)
    assert services.inventory.find_by_barcode("CAP").reserved == 0


def test_a_scanned_barcode_wins_over_a_sku_code_that_reads_the_same(services, stock_manager):
    make_product(services, stock_manager, sku="4006381333931", name="Coded like a barcode")
    make_product(services, stock_manager, sku="MUG", name="Mug", barcode="4006381333931")
    assert services.inventory.find_by_barcode("4006381333931").sku == "MUG"
    assert services.inventory.find_by_barcode(" MUG ").sku == "MUG"


def test_reads_see_what_was_just_committed(services, stock_manager, clock):
    make_product(services, stock_manager, sku="SOC", name="Chaussettes")
    for _ in range(3):
        services.inventory.receive(stock_manager, "SOC", 1)
        clock.advance(seconds=1)
    assert services.inventory.find_by_barcode("SOC").on_hand == 3
    assert services.inventory.level("SOC").on_hand == 3
    assert [row.on_hand for row in services.inventory.search("chaussettes")] == [3]
    assert services.inventory.history(sku="SOC", since=clock.now - timedelta(hours=1))[0].stock_after == 3
