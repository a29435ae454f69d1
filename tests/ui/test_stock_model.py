from __future__ import annotations

from decimal import Decimal

from pos_app.domain.text import search_key
from pos_app.services.inventory import SkuRow
from pos_app.ui.stock.stock_model import StockTableModel, stock_lines

DISTINCT_ROWS = 1_000
COPIES = 100  # 100,000 lines in the table
COLOURS = ["Rouge", "Bleu", "Vert", "Écru", "Noir"]


def catalogue(size: int) -> list[SkuRow]:
    return [
        SkuRow(
            sku=f"SKU-{i:06d}",
            product_id=i // 5,
            name=f"Article {i // 5} Été",
            variant=f"M / {COLOURS[i % 5]}",
            barcode=f"{2000000000000 + i}",
            category=None,
            unit_price=Decimal("9.90"),
            vat_rate=Decimal("20"),
            on_hand=i % 7,
            reserved=0,
            low_stock_threshold=2,
            active=True,
        )
        for i in range(size)
    ]


def test_filtering_100k_skus_narrows_to_the_rows_matching_every_typed_word() -> None:
    """Speed is measured in bench/stock_filter.py; this checks what the cashier sees."""
    rows = catalogue(DISTINCT_ROWS)
    model = StockTableModel()
    model.set_lines(stock_lines(rows) * COPIES, sorted_by=model.sort_order)

    for typed in ["e", "ec", "ecr", "Écru", "ecru ", "ecru 1", "ecru 12"]:
        model.set_filter(typed, low_stock_only=False)

    expected = sum(1 for r in rows if all(w in search_key(r.name, r.variant, r.sku, r.barcode) for w in ("ecru", "12")))
    assert model.shown_count == expected * COPIES
    assert 0 < model.shown_count < model.total_count == DISTINCT_ROWS * COPIES
    model.set_filter("", low_stock_only=True)
    assert model.shown_count == sum(1 for r in rows if r.low_stock) * COPIES
