"""Time per keystroke of the stock page's filter over 100,000 SKUs (the model alone, no painting).

Prints the median and worst time per keystroke while typing a word letter by letter, against a baseline
of a bare list comprehension over the same precomputed keys in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from pos_app.services.inventory import SkuRow
from pos_app.ui.stock.stock_model import StockTableModel, stock_lines

WORDS = ["Chemise", "Pull", "Jean", "Robe", "Veste", "Écharpe", "Casque", "Câble"]
COLOURS = ["Rouge", "Bleu", "Vert", "Écru", "Noir"]
TYPED = ["e", "ec", "ecr", "ecru", "ecru ", "ecru 1", "ecru 12"]


def catalogue(size: int) -> list[SkuRow]:
    return [
        SkuRow(
            sku=f"SKU-{i:06d}",
            product_id=i // 5,
            name=f"{WORDS[i % len(WORDS)]} {i // 5}",
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skus", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    lines = stock_lines(catalogue(args.skus))
    model = StockTableModel()
    model.set_lines(lines, sorted_by=model.sort_order)
    keys = [line.search_text for line in lines]
    model_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(args.rounds):
        for typed in TYPED:
            started = time.perf_counter()
            model.set_filter(typed, low_stock_only=False)
            model_times.append(time.perf_counter() - started)
            words = typed.split()
            started = time.perf_counter()
            [k for k in keys if all(w in k for w in words)]
            baseline_times.append(time.perf_counter() - started)
    print(f"stock filter over {args.skus:,} SKUs, {len(model_times)} keystrokes")
    print(
        f"  model.set_filter      median {statistics.median(model_times) * 1000:7.2f} ms   "
        f"worst {max(model_times) * 1000:7.2f} ms"
    )
    print(f"  bare comprehension    median {statistics.median(baseline_times) * 1000:7.2f} ms")
    print(f"  ratio model / bare    {statistics.median(model_times) / statistics.median(baseline_times):.2f}")


if __name__ == "__main__":
    main()
