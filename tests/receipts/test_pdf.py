"""The receipt PDF as a person holds it: 80 mm wide, as long as its content, its QR code scannable."""

import dataclasses
import subprocess
from decimal import Decimal

import pytest

from pos_app.documents import render_pdf
from pos_app.receipts import qr
from pos_app.receipts.model import ReceiptLine
from pos_app.receipts.pdf import receipt_pdf
from tests.receipts.helpers import sample_receipt

MM = 72 / 25.4  # PDF points in a millimetre


def run(command: list[str], data: bytes) -> str:
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode()


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    sizes = []
    for line in run(["pdfinfo", "-f", "1", "-l", "99", "-"], pdf).splitlines():
        if line.startswith("Page") and " size:" in line:
            width, _, height = line.split(":", 1)[1].split()[:3]
            sizes.append((float(width) / MM, float(height) / MM))
    return sizes


def test_a_longer_receipt_is_a_longer_single_page_of_80_mm(tmp_path):
    many = tuple(
        dataclasses.replace(sample_receipt().lines[1], sku=f"BOOK-{i}", name=f"Livre n° {i}") for i in range(40)
    )
    long_pdf = receipt_pdf(sample_receipt(lines=many))

    [(short_width, short_height)] = page_sizes_mm(receipt_pdf(sample_receipt()))
    [(long_width, long_height)] = page_sizes_mm(long_pdf)

    assert short_width == pytest.approx(80, abs=0.05) and long_width == pytest.approx(80, abs=0.05)
    assert 100 < short_height < 200
    assert long_height > short_height + 38 * 3.5  # 38 more lines of about 4 mm
    text = run(["pdftotext", "-", "-"], long_pdf)
    assert "Livre n° 39" in text and text.rstrip().endswith("Merci de votre visite !")


def test_the_text_is_in_the_bundled_font_embedded_in_the_pdf():
    fonts = run(["pdffonts", "-"], receipt_pdf(sample_receipt()))
    embedded = [line for line in fonts.splitlines() if "Document-Sans" in line]
    assert embedded and all(" yes yes " in line for line in embedded)  # embedded, subset


def test_the_qr_code_on_the_printed_page_scans_back_to_the_receipts_code(tmp_path):
    receipt = sample_receipt()
    page = tmp_path / "receipt"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", "-", str(page)], input=receipt_pdf(receipt), check=True
    )

    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", f"{page}.png"], capture_output=True, check=True)

    assert scanned.stdout.decode().strip() == qr.encode(qr.code_of(receipt))


def test_shop_text_is_escaped_not_interpreted_as_markup():
    shop = dataclasses.replace(sample_receipt().shop, name="<b>Chez Léa & fils</b>")
    text = run(["pdftotext", "-", "-"], receipt_pdf(sample_receipt(shop=shop)))
    assert "<b>Chez Léa & fils</b>" in text


def test_a_line_with_a_long_name_keeps_its_amount_on_the_page():
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
    text = run(["pdftotext", "-layout", "-", "-"], receipt_pdf(sample_receipt(lines=(line,))))
    assert "129,00 €" in text and "Vert sapin" in text


def test_a_document_without_the_element_its_page_ends_at_is_an_error():
    with pytest.raises(ValueError, match="no element with id 'missing'"):
        render_pdf("documents/base.html", {}, end_page_at="missing")
