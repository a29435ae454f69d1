"""The ESC/POS layout of a receipt, read back from python-escpos's Dummy printer."""

import dataclasses
import re
from decimal import Decimal

import pytest
from escpos.printer import Dummy

from pos_app.receipts import thermal
from pos_app.receipts.model import ReceiptKind, ReceiptLine, ReceiptPayment
from tests.receipts.helpers import paper_lines, sample_receipt


def printed_lines(receipt, **options) -> list[str]:
    printer = Dummy()
    thermal.print_receipt(printer, receipt, **options)
    return paper_lines(printer.output)


@pytest.mark.parametrize("columns", [48, 42])
def test_amounts_end_on_the_last_column(columns):
    lines = printed_lines(sample_receipt(), columns=columns)
    rows_with_amounts = [line for line in lines if line.endswith("€") and "  " in line.strip()]
    assert rows_with_amounts
    assert {len(line) for line in rows_with_amounts if not line.startswith("TOTAL")} == {columns}
    assert max(len(line) for line in lines) <= columns


def test_the_total_is_bold_and_double_size():
    printer = Dummy()
    thermal.print_receipt(printer, sample_receipt())
    before_total = printer.output.split(b"TOTAL")[0]
    assert before_total.endswith(b"\x1b!0\x1bE\x01\x1ba\x00")  # double width and height, bold, left


def test_a_long_product_name_wraps_and_keeps_its_amount_aligned():
    line = ReceiptLine(
        "LONG",
        "Veste imperméable en coton biologique, capuche amovible, taille L / Vert sapin",
        1,
        Decimal("129.00"),
        Decimal("129.00"),
        (),
        Decimal("129.00"),
        Decimal("20"),
    )
    lines = printed_lines(sample_receipt(lines=(line,)), columns=42)
    start = next(i for i, text in enumerate(lines) if text.startswith("Veste"))
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("€"))
    assert end > start
    assert lines[end].endswith("129,00 €") and len(lines[end]) == 42
    assert " ".join(lines[start : end + 1]).startswith("Veste imperméable en coton biologique, capuche amovible")


def test_the_vat_table_shows_net_vat_and_gross_per_rate():
    lines = printed_lines(sample_receipt())
    assert "Taux                  HT         TVA         TTC" in lines
    assert "5,5 %            17,06 €      0,94 €     18,00 €" in lines
    assert "20 %             29,85 €      5,97 €     35,82 €" in lines


def test_payments_change_and_the_journal_seal_are_printed():
    lines = printed_lines(sample_receipt())
    assert any(line.startswith("Carte bancaire T-1") and line.endswith("20,00 €") for line in lines)
    assert any(line.startswith("Rendu") and line.endswith("6,18 €") for line in lines)
    assert "Journal R1 #2" in "\n".join(lines)
    assert "Signature c2ln-bmF0-dXJl" in "\n".join(lines)


def test_a_refund_receipt_says_what_was_refunded_and_how():
    refund = sample_receipt(
        kind=ReceiptKind.REFUND,
        number="R1-R-2026-000001",
        lines=(ReceiptLine("TEE", "T-shirt M / Bleu", 1, None, Decimal("17.91"), (), Decimal("17.91"), Decimal("20")),),
        total=Decimal("17.91"),
        payments=(ReceiptPayment("cash", Decimal("17.91")),),
        change_due=Decimal(0),
        language="en",
    )
    text = "\n".join(printed_lines(refund))
    assert "Refund R1-R-2026-000001" in text
    assert "Refund of sale: R1-2026-000001" in text
    assert re.search(r"1 x T-shirt M / Bleu +€17\.91", text)
    assert re.search(r"Refunded by cash +€17\.91", text)


def test_a_duplicate_says_so_in_large_letters():
    assert "DUPLICATA" in printed_lines(sample_receipt(), duplicate=True)


def test_the_drawer_is_kicked_only_when_asked():
    kicked, quiet = Dummy(), Dummy()
    thermal.print_receipt(kicked, sample_receipt(), open_drawer=True)
    thermal.print_receipt(quiet, sample_receipt(), open_drawer=False)
    assert b"\x1bp\x00" in kicked.output and b"\x1bp" not in quiet.output


def test_two_columns_wraps_the_left_side_only():
    assert thermal.two_columns("Guide", "18,00 €", 20) == ["Guide        18,00 €"]
    assert thermal.two_columns("a b c d e f g h", "1,00", 10) == ["a b c", "d e f", "g h   1,00"]
    assert thermal.two_columns("Caissier: cashier", "", 12) == ["Caissier:", "cashier"]


def test_a_receipt_without_journal_entry_prints_no_qr_code():
    printer = Dummy()
    thermal.print_receipt(printer, dataclasses.replace(sample_receipt(), journal=None))
    assert b"\x1d(k" not in printer.output
