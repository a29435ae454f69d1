"""Receipts of real sales and refunds, on both databases: ESC/POS bytes, the PDF, the QR code, printers."""

import re
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from escpos.printer import Dummy

from pos_app.domain.journal import entry_message
from pos_app.errors import NotFound, PermissionDenied, PrinterError, ValidationError
from pos_app.journal_keys import current_signer
from pos_app.receipts import qr
from pos_app.receipts.model import ReceiptKind
from tests.receipts.helpers import PrinterOnLoopback, closed_port, paper_text
from tests.services.helpers import make_product

DRAWER_KICK = b"\x1bp\x00"
QR_PRINT = b"\x1d(k\x03\x001Q0"  # GS ( k: print the QR code stored in the printer


@pytest.fixture
def shop(services, admin, stock_manager, cashier):
    """TEE (19.90, 20 %, size M in blue) and BOOK (18.00, 5.5 %) in stock, the shop's identity set, and the
    till of R1 opened by the cashier."""
    services.settings.update_identity(
        admin,
        shop_name="Atelier Lumière",
        shop_address="12 rue des Lilas\n75011 Paris",
        shop_phone="01 23 45 67 89",
        shop_vat_number="FR12345678901",
    )
    make_product(services, stock_manager, sku="TEE", name="T-shirt", size="M", properties={"colour": "Bleu"})
    make_product(
        services, stock_manager, sku="BOOK", name="Guide des épices", price=Decimal("18.00"), vat_rate=Decimal("5.5")
    )
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 5)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    return services


def sell_for_cash(shop, cashier):
    return shop.pos.checkout(cashier, [("TEE", 2), ("BOOK", 1)], [("cash", Decimal("60.00"))])


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", "-"], input=pdf, capture_output=True, check=True)
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info.stdout.decode())
    ]


def test_the_printed_receipt_shows_the_lines_totals_and_qr_code_and_opens_the_drawer_for_cash(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    printer = Dummy()

    shop.receipts.print_receipt(sale.number, printer)

    paper = paper_text(printer.output)
    for expected in (
        "Atelier Lumière",
        "N° TVA FR12345678901",
        "Ticket R1-2026-000001",
        "Caissier: cashier",
        "T-shirt M / Bleu",
        "2 x 19,90 €",
        "Guide des épices",
    ):
        assert expected in paper
    assert re.search(r"TOTAL +57,80 €", paper)
    assert re.search(r"Espèces +60,00 €", paper) and re.search(r"Rendu +2,20 €", paper)
    assert re.search(r"5,5 % +17,06 € +0,94 € +18,00 €", paper)
    assert re.search(r"20 % +33,17 € +6,63 € +39,80 €", paper)
    assert QR_PRINT in printer.output and DRAWER_KICK in printer.output


def test_a_card_sale_prints_without_opening_the_drawer(shop, cashier):
    sale = shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"), "T-778")])
    printer = Dummy()

    shop.receipts.print_receipt(sale.number, printer)

    assert re.search(r"Carte bancaire T-778 +19,90 €", paper_text(printer.output))
    assert QR_PRINT in printer.output and DRAWER_KICK not in printer.output


def test_a_duplicate_is_marked_and_leaves_the_drawer_shut(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    printer = Dummy()

    shop.receipts.print_receipt(sale.number, printer, duplicate=True)

    assert "DUPLICATA" in paper_text(printer.output) and DRAWER_KICK not in printer.output


def test_the_drawer_stays_shut_when_no_drawer_hangs_on_the_printer(shop, admin, cashier, tmp_path):
    shop.receipts.configure_printer(admin, "file", str(tmp_path / "lp0"), columns=42, drawer=False)
    sale = sell_for_cash(shop, cashier)
    printer = Dummy()

    shop.receipts.print_receipt(sale.number, printer)

    assert DRAWER_KICK not in printer.output
    assert max(len(line) for line in paper_text(printer.output).splitlines()) == 42
    with pytest.raises(PrinterError, match="No cash drawer is connected"):
        shop.receipts.kick_drawer(printer)


def test_promotions_discounts_and_the_customer_show_on_the_receipt(shop, stock_manager, cashier, clock):
    shop.customers.create_promotion(
        stock_manager,
        name="Soldes d'hiver",
        kind="percent",
        value=Decimal("20"),
        starts_at=clock() - timedelta(days=1),
        ends_at=clock() + timedelta(days=6),
        skus=["TEE"],
    )
    customer = shop.customers.create_customer(cashier, name="Amina Diop")
    sale = shop.pos.checkout(
        cashier,
        [("TEE", 2, Decimal("10")), ("BOOK", 1)],
        [("cash", Decimal("50"))],
        customer_id=customer.id,
        ticket_discount_percent=Decimal("5"),
    )

    receipt = shop.receipts.receipt(sale.number)

    tee = receipt.lines[0]
    assert [(d.label, d.amount) for d in tee.discounts] == [
        ("Soldes d'hiver -20 %", Decimal("7.96")),
        ("Remise 10\u00a0%", Decimal("3.18")),
    ]
    assert receipt.customer == "Amina Diop"
    assert receipt.total == sale.total and receipt.discount == sale.discount
    assert sum((line.total for line in receipt.lines), Decimal(0)) == receipt.total
    printer = Dummy()
    shop.receipts.print_receipt(sale.number, printer)
    paper = paper_text(printer.output)
    assert "Client: Amina Diop" in paper
    assert re.search(r"Soldes d'hiver -20 % +-7,96 €", paper)
    assert re.search(r"Remise sur le ticket 5 % +-\d+,\d\d €", paper)


def test_the_receipt_pdf_is_80_mm_wide_one_page_and_shows_the_sale(shop, cashier):
    sale = sell_for_cash(shop, cashier)

    pdf = shop.receipts.receipt_pdf(sale.number)

    [(width, height)] = pdf_page_sizes(pdf)
    assert width == pytest.approx(80 / 25.4 * 72, abs=0.1)
    assert 80 < height / 72 * 25.4 < 250  # as long as the content, not a whole roll
    text = pdf_text(pdf)
    for expected in ("Atelier Lumière", "Ticket R1-2026-000001", "T-shirt M / Bleu", "Guide des épices"):
        assert expected in text
    assert re.search(r"TOTAL +57,80 €", text)
    assert re.search(r"5,5 % +17,06 € +0,94 € +18,00 €", text)
    assert re.search(r"20 % +33,17 € +6,63 € +39,80 €", text)
    assert re.search(r"Rendu +2,20 €", text)


def test_the_qr_code_carries_the_sale_and_a_signature_the_journal_key_verifies(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    receipt = shop.receipts.receipt(sale.number)
    printer = Dummy()
    shop.receipts.print_receipt(sale.number, printer)

    text = qr.encode(qr.code_of(receipt))
    code = qr.parse(text)

    assert text.encode() in printer.output
    assert (code.number, code.total, code.currency, code.register) == (sale.number, Decimal("57.80"), "EUR", "R1")
    assert code.at == sale.at.replace(microsecond=0)
    assert code.signature == sale.journal_signature == receipt.journal.signature
    assert current_signer().public_key.is_valid(entry_message(receipt.journal.hash), code.signature)
    assert shop.receipts.sale_from_code(text).number == sale.number
    assert shop.journal.verify().ok


def test_an_altered_receipt_code_is_refused(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    text = qr.encode(qr.code_of(shop.receipts.receipt(sale.number)))

    with pytest.raises(ValidationError, match=r"does not match sale R1-2026-000001 \(total\)"):
        shop.receipts.sale_from_code(text.replace("t=57.80", "t=5.80"))
    with pytest.raises(ValidationError, match=r"\(journal signature\)"):
        shop.receipts.sale_from_code(text.replace("&s=", "&s=A"))
    with pytest.raises(NotFound, match="No sale numbered 'R1-2026-000009'"):
        shop.receipts.sale_from_code(text.replace("000001", "000009"))


def test_a_refund_receipt_lists_what_was_refunded_and_opens_the_drawer_for_cash(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    refund = shop.pos.refund(cashier, sale.number, [("TEE", 1)], "cash")
    printer = Dummy()

    receipt = shop.receipts.print_refund_receipt(refund.number, printer)

    assert receipt.kind is ReceiptKind.REFUND and receipt.sale_number == sale.number
    assert [(line.name, line.quantity, line.total) for line in receipt.lines] == [
        ("T-shirt M / Bleu", 1, Decimal("19.90"))
    ]
    assert [(v.rate, v.gross) for v in receipt.vat] == [(Decimal("20"), Decimal("19.90"))]
    assert receipt.journal is not None and receipt.journal.sequence == 3
    paper = paper_text(printer.output)
    assert f"Remboursement {refund.number}" in paper and f"Vente remboursée: {sale.number}" in paper
    assert re.search(r"Remboursé en espèces +19,90 €", paper)
    assert DRAWER_KICK in printer.output
    with pytest.raises(ValidationError, match="code of a refund receipt"):
        shop.receipts.sale_from_code(qr.encode(qr.code_of(receipt)))


def test_unknown_numbers_are_not_found(shop):
    with pytest.raises(NotFound, match="No sale numbered 'R1-2026-000042'"):
        shop.receipts.receipt("R1-2026-000042")
    with pytest.raises(NotFound, match="No refund numbered 'R1-R-2026-000001'"):
        shop.receipts.refund_receipt("R1-R-2026-000001")
    with pytest.raises(ValidationError, match="number printed on the receipt"):
        shop.receipts.receipt("  ")


def test_a_configured_network_printer_receives_the_receipt(shop, admin, cashier):
    sale = sell_for_cash(shop, cashier)
    printer = PrinterOnLoopback()
    shop.receipts.configure_printer(admin, "network", f"127.0.0.1:{printer.port}")

    shop.receipts.print_receipt(sale.number)

    received = printer.wait()
    assert b"Guide des " in received and b"57,80" in received and DRAWER_KICK in received


def test_a_configured_file_printer_writes_the_receipt_and_the_test_page(shop, admin, cashier, tmp_path):
    device = tmp_path / "lp0"
    shop.receipts.configure_printer(admin, "file", str(device))
    sale = sell_for_cash(shop, cashier)

    shop.receipts.print_receipt(sale.number)
    assert b"TOTAL" in device.read_bytes() and b"57,80" in device.read_bytes()

    shop.receipts.test_print()
    test_page = paper_text(device.read_bytes())
    assert "Page de test de l'imprimante" in test_page and f"file printer {device}" in test_page.replace("\n", "")

    shop.receipts.kick_drawer()
    assert device.read_bytes() == b"\x1bp\x0022"


def test_an_unreachable_printer_gives_a_printer_error_saying_which_and_why(shop, admin, cashier):
    sale = sell_for_cash(shop, cashier)
    port = closed_port()
    shop.receipts.configure_printer(admin, "network", f"127.0.0.1:{port}")

    with pytest.raises(PrinterError, match=rf"Cannot reach the network printer 127.0.0.1:{port}: connection refused"):
        shop.receipts.print_receipt(sale.number)


def test_printing_without_a_printer_set_up_says_what_to_do(shop, cashier):
    sale = sell_for_cash(shop, cashier)
    assert shop.receipts.printer() is None
    with pytest.raises(PrinterError, match="No receipt printer is set up: an admin chooses one in the settings"):
        shop.receipts.print_receipt(sale.number)


def test_only_an_admin_sets_the_printer_and_bad_settings_write_nothing(shop, admin, cashier):
    with pytest.raises(PermissionDenied):
        shop.receipts.configure_printer(cashier, "network", "192.168.1.50")
    with pytest.raises(ValidationError, match="host or host:port") as error:
        shop.receipts.configure_printer(admin, "network", "192.168.1.50:printer")
    assert error.value.field == "address"
    assert shop.receipts.printer() is None

    config = shop.receipts.configure_printer(admin, "usb", "04b8:0202", columns=42, drawer=False)

    assert shop.receipts.printer() == config
    assert (config.kind.value, config.address, config.columns, config.drawer) == ("usb", "04b8:0202", 42, False)


def test_receipts_print_in_english_when_the_shop_prints_documents_in_english(shop, admin, cashier):
    shop.settings.update_invoicing(admin, language="en")
    sale = sell_for_cash(shop, cashier)
    printer = Dummy()

    shop.receipts.print_receipt(sale.number, printer)

    paper = paper_text(printer.output)
    assert "Receipt R1-2026-000001" in paper
    assert re.search(r"TOTAL +€57\.80", paper) and re.search(r"Change +€2\.20", paper)
