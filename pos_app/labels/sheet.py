"""An A4 sheet of 3 x 8 labels (70 x 37 mm, the common self-adhesive sheet), rendered by WeasyPrint.

Each label shows the product's name, its variant, its price and a barcode that scanners read: EAN-13 or
EAN-8 when the SKU has such a barcode (check digit verified), else Code 128 of its barcode or SKU code.
The bars are vector rectangles (python-barcode's SVG), so they print sharp at any resolution.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import barcode
from barcode.writer import SVGWriter

from pos_app.documents import formatting, render_pdf
from pos_app.domain.catalogue import has_valid_check_digit

COLUMNS = 3
ROWS = 8
PER_SHEET = COLUMNS * ROWS
LABEL_WIDTH_MM = 70
LABEL_HEIGHT_MM = 37
BARS_WIDTH_MM = 60  # what a label leaves for the bars and their quiet zones
BARS_HEIGHT_MM = 12
LARGEST_MODULE_MM = 0.33  # an EAN-13 at its nominal size
QUIET_MODULES = 10


@dataclass(frozen=True)
class Label:
    name: str
    variant: str
    price: Decimal
    sku: str
    barcode: str | None


def symbology(code: str) -> str:
    """The barcode type a scanner expects for `code`: EAN-13/EAN-8 for retail codes, Code 128 otherwise."""
    if code.isdigit() and len(code) in (8, 13) and has_valid_check_digit(code):
        return "ean13" if len(code) == 13 else "ean8"
    return "code128"


def barcode_svg(code: str) -> bytes:
    """The bars of `code` as SVG, as wide as fits the label (at most the nominal EAN module width)."""
    kind = symbology(code)
    symbol = barcode.get(kind, code, writer=SVGWriter())
    modules = len(symbol.build()[0])
    module = min(LARGEST_MODULE_MM, BARS_WIDTH_MM / (modules + 2 * QUIET_MODULES))
    options = {
        "write_text": False,
        "module_width": round(module, 3),
        "module_height": BARS_HEIGHT_MM,
        "quiet_zone": round(QUIET_MODULES * module, 3),
        "margin_top": 0,
        "margin_bottom": 0,
    }
    return symbol.render(options)


def _data_url(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def labels_pdf(labels: Sequence[Label], currency_code: str, *, language: str = "fr", skip: int = 0) -> bytes:
    """One label per item of `labels`, in order, 24 to a sheet; the first `skip` places of the first sheet
    are left empty (a sheet already partly used)."""
    cells: list[dict[str, object] | None] = [None] * skip
    bars: dict[str, str] = {}
    for label in labels:
        code = label.barcode or label.sku
        if code not in bars:
            bars[code] = _data_url(barcode_svg(code))
        cells.append({"label": label, "code": code, "bars": bars[code]})
    sheets = [cells[start : start + PER_SHEET] for start in range(0, len(cells), PER_SHEET)]
    rows = [[sheet[row * COLUMNS : (row + 1) * COLUMNS] for row in range(ROWS)] for sheet in sheets]
    context = {
        "sheets": rows,
        "columns": COLUMNS,
        "currency": currency_code,
        "language": language,
        "locale": formatting.locale_for(language),
        "width": LABEL_WIDTH_MM,
        "height": LABEL_HEIGHT_MM,
        "bars_height": BARS_HEIGHT_MM,
    }
    return render_pdf("labels/sheet.html", context)
