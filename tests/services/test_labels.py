import itertools
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader

from pos_app.errors import NotFound, ValidationError
from tests.services.helpers import make_product

DPI = 300


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    done = subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def barcodes_on_labels(pdf: Path, folder: Path) -> list[str]:
    """What a scanner reads on each printed label, place by place (3 x 8 places of 70 x 37 mm on A4).

    Each place is cut out of a 300 dpi rendering and decoded on its own by zbarimg: zbar reports a code
    once per image however often it appears."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(folder / "page")], check=True)
    found = []
    for page in sorted(folder.glob("page*.png")):
        image = Image.open(page).convert("L")
        for row, column in itertools.product(range(8), range(3)):
            left, top = mm(column * 70), mm(0.5 + row * 37)
            place = image.crop((left, top, left + mm(70), top + mm(37)))
            if ImageOps.invert(place).getbbox() is None:
                continue  # an empty place
            place.save(folder / "place.png")
            done = subprocess.run(
                ["zbarimg", "--quiet", "--raw", str(folder / "place.png")], capture_output=True, text=True
            )
            found.append(done.stdout.strip())
    return found


def mm(length: float) -> int:
    return round(length / 25.4 * DPI)


def test_a_sheet_has_one_label_per_copy_with_name_price_and_a_readable_barcode(services, stock_manager, tmp_path):
    make_product(
        services, stock_manager, sku="TEE-M", name="T-shirt bio", size="M", barcode="4006381333931",
        properties={"colour": "Écru"}, price=Decimal("19.90"),
    )  # fmt: skip
    make_product(services, stock_manager, sku="MUG-01", name="Mug", price=Decimal("8.50"))
    pdf = tmp_path / "labels.pdf"

    pdf.write_bytes(services.labels.sheet_pdf([("TEE-M", 2), ("MUG-01", 1)]))

    text = pdf_text(pdf)
    assert text.count("T-shirt bio") == 2
    assert text.count("Mug") == 1
    assert "M / Écru" in text
    assert "19,90" in text and "8,50" in text
    assert barcodes_on_labels(pdf, tmp_path) == ["4006381333931", "4006381333931", "MUG-01"]


def test_a_partly_used_sheet_is_filled_from_the_place_given_then_a_new_sheet_starts(services, stock_manager, tmp_path):
    make_product(services, stock_manager, sku="MUG-01", name="Mug")
    pdf = tmp_path / "labels.pdf"

    pdf.write_bytes(services.labels.sheet_pdf([("MUG-01", 3)], skip=22))

    assert len(PdfReader(pdf).pages) == 2
    assert [pdf_text(pdf, page).count("Mug") for page in (1, 2)] == [2, 1]


def test_bad_requests_are_refused(services, stock_manager):
    make_product(services, stock_manager, sku="MUG-01", name="Mug")

    with pytest.raises(NotFound, match="NOPE, GONE"):
        services.labels.labels([("NOPE", 1), ("MUG-01", 1), ("GONE", 1)])
    with pytest.raises(ValidationError) as zero:
        services.labels.labels([("MUG-01", 0)])
    assert zero.value.field == "copies"
    with pytest.raises(ValidationError) as nothing:
        services.labels.labels([])
    assert nothing.value.field == "skus"
    with pytest.raises(ValidationError) as skip:
        services.labels.sheet_pdf([("MUG-01", 1)], skip=24)
    assert skip.value.field == "skip"
