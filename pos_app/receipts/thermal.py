"""Receipts as ESC/POS commands through python-escpos, onto any of its printers (a device, or Dummy in tests).

The layout is text in fixed columns (48 or 42 on 80 mm paper): labels on the left, amounts on the right,
the total in double size, a VAT table, the payments, the QR code (printed by the printer itself, which
keeps the bytes small), then a cut. Amounts use the shop's locale with plain spaces, as printers' code
pages have no narrow no-break space.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.documents.formatting import locale_for, money, percent, plain_spaces, short_datetime
from pos_app.receipts import qr
from pos_app.receipts.labels import labels_for
from pos_app.receipts.model import Receipt, ReceiptKind, ShopIdentity
from pos_app.receipts.printers import DEFAULT_COLUMNS

if TYPE_CHECKING:
    from escpos.escpos import Escpos

QR_MODULE_DOTS = 4
QR_ERROR_CORRECTION_M = 1  # python-escpos's QR_ECLEVEL_M, without importing the library at start-up
DRAWER_PIN = 2


class _Sheet:
    """Text laid out in the printer's columns; a style is sent only when it changes."""

    def __init__(self, printer: Escpos, columns: int) -> None:
        self.printer = printer
        self.columns = columns
        self._style: tuple[str, bool, bool] | None = None

    def text(self, text: str, *, align: str = "left", bold: bool = False, big: bool = False) -> None:
        width = self.columns // 2 if big else self.columns
        lines = [wrapped for part in text.splitlines() for wrapped in (_wrap(part, width) or [""])]
        self._write("\n".join(lines), align=align, bold=bold, big=big)

    def row(self, left: str, right: str, *, bold: bool = False, big: bool = False) -> None:
        width = self.columns // 2 if big else self.columns
        self._write("\n".join(two_columns(left, right, width)), align="left", bold=bold, big=big)

    def cells(self, cells: Sequence[str], *, bold: bool = False) -> None:
        """One row of a table of right-aligned columns sharing the width, the first left-aligned."""
        width = self.columns // len(cells)
        first = self.columns - width * (len(cells) - 1)
        text = cells[0][:first].ljust(first) + "".join(c[: width - 1].rjust(width) for c in cells[1:])
        self._write(text, align="left", bold=bold, big=False)

    def rule(self) -> None:
        self._write("-" * self.columns, align="left", bold=False, big=False)

    def qr(self, text: str) -> None:
        self._use(align="center", bold=False, big=False)
        self.printer.ln()  # the quiet zone scanners need above the code
        self.printer.qr(text, ec=QR_ERROR_CORRECTION_M, size=QR_MODULE_DOTS, native=True)
        self.printer.ln()

    def _write(self, text: str, *, align: str, bold: bool, big: bool) -> None:
        self._use(align=align, bold=bold, big=big)
        self.printer.textln(plain_spaces(text))

    def _use(self, *, align: str, bold: bool, big: bool) -> None:
        if self._style != (align, bold, big):
            self.printer.set(align=align, bold=bold, double_width=big, double_height=big, normal_textsize=not big)
            self._style = (align, bold, big)


def two_columns(left: str, right: str, width: int) -> list[str]:
    """`left` wrapped in what `right` leaves of the width, `right` aligned on its last line."""
    if not right:
        return _wrap(left, width) or [""]
    room = width - len(right) - 1
    if room < 1:
        return [*_wrap(left, width), right.rjust(width)]
    wrapped = _wrap(left, room) or [""]
    return [*wrapped[:-1], wrapped[-1].ljust(room) + " " + right]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False)  # "T-shirt" stays whole


def print_receipt(
    printer: Escpos,
    receipt: Receipt,
    *,
    columns: int = DEFAULT_COLUMNS,
    open_drawer: bool = False,
    duplicate: bool = False,
) -> None:
    """Print `receipt`, kicking the cash drawer first when `open_drawer` (so it opens while the paper runs)."""
    words = labels_for(receipt.language)
    locale = locale_for(receipt.language)

    def amount(value: Decimal) -> str:
        return money(value, receipt.currency, locale)

    sheet = _Sheet(printer, columns)
    printer.hw("INIT")
    if open_drawer:
        printer.cashdraw(DRAWER_PIN)
    _print_shop(sheet, receipt.shop, words)
    sheet.rule()
    if duplicate:
        sheet.text(words["duplicate"], align="center", bold=True, big=True)
    sheet.text(f"{words[receipt.kind.value]} {receipt.number}", bold=True)
    sheet.row(short_datetime(receipt.at, locale), f"{words['register']} {receipt.register}")
    sheet.text(f"{words['cashier']}: {receipt.cashier}")
    if receipt.customer:
        sheet.text(f"{words['customer']}: {receipt.customer}")
    if receipt.kind is ReceiptKind.REFUND:
        sheet.text(f"{words['refund_of']}: {receipt.sale_number}")
    sheet.rule()
    for line in receipt.lines:
        if line.unit_price is None:
            sheet.row(f"{line.quantity} x {line.name}", amount(line.total))
            continue
        sheet.row(line.name, amount(line.gross))
        if line.quantity != 1:
            sheet.text(f"  {line.quantity} x {amount(line.unit_price)}")
        for discount in line.discounts:
            sheet.row(f"  {discount.label}", amount(-discount.amount))
    sheet.rule()
    _print_totals(sheet, receipt, words, amount, locale)
    _print_vat(sheet, receipt, words, amount, locale)
    sheet.rule()
    _print_payments(sheet, receipt, words, amount)
    _print_seal(sheet, receipt, words)
    if receipt.shop.legal_mentions:
        sheet.text(receipt.shop.legal_mentions, align="center")
    sheet.text(words["thanks"], align="center")
    printer.cut()


def _print_shop(sheet: _Sheet, shop: ShopIdentity, words: Mapping[str, str]) -> None:
    sheet.text(shop.name, align="center", bold=True, big=True)
    details = [shop.address, shop.phone and f"{words['phone']} {shop.phone}", shop.email]
    details += [shop.vat_number and f"{words['vat_number']} {shop.vat_number}"]
    details += [shop.company_number and f"{words['company_number']} {shop.company_number}"]
    for detail in details:
        if detail:
            sheet.text(detail, align="center")


def _print_totals(
    sheet: _Sheet, receipt: Receipt, words: Mapping[str, str], amount: Callable[[Decimal], str], locale: str
) -> None:
    sheet.row(words["items"], str(receipt.items))
    if receipt.ticket_discount:
        sheet.row(words["subtotal"], amount(receipt.total + receipt.ticket_discount))
        sheet.row(
            f"{words['ticket_discount']} {percent(receipt.ticket_discount_percent, locale)}",
            amount(-receipt.ticket_discount),
        )
    total_label = words["refunded"] if receipt.kind is ReceiptKind.REFUND else words["total"]
    sheet.row(total_label, amount(receipt.total), bold=True, big=True)
    if receipt.discount:
        sheet.row(words["discounts"], amount(receipt.discount))


def _print_vat(
    sheet: _Sheet, receipt: Receipt, words: Mapping[str, str], amount: Callable[[Decimal], str], locale: str
) -> None:
    sheet.rule()
    sheet.cells([words["rate"], words["net"], words["vat"], words["gross"]], bold=True)
    for split in receipt.vat:
        sheet.cells([percent(split.rate, locale), amount(split.net), amount(split.vat), amount(split.gross)])


def _print_payments(
    sheet: _Sheet, receipt: Receipt, words: Mapping[str, str], amount: Callable[[Decimal], str]
) -> None:
    for payment in receipt.payments:
        method = words.get(payment.method, payment.method)
        if receipt.kind is ReceiptKind.REFUND:
            method = f"{words['refunded_by']} {method.lower()}"
        shown = f"{method} {payment.reference}" if payment.reference else method
        sheet.row(shown, amount(payment.amount))
    if receipt.change_due:
        sheet.row(words["change"], amount(receipt.change_due), bold=True)


def _print_seal(sheet: _Sheet, receipt: Receipt, words: Mapping[str, str]) -> None:
    code = qr.code_of(receipt)
    if code is None or receipt.journal is None:
        return
    sheet.rule()
    sheet.qr(qr.encode(code))
    sheet.text(f"{words['journal']} {receipt.journal.register} #{receipt.journal.sequence}", align="center")
    sheet.text(f"{words['signature']} {receipt.journal.short_signature}", align="center")


def print_test_page(printer: Escpos, shop_name: str, description: str, *, columns: int, language: str) -> None:
    """A page that shows whether the printer, its columns, its accents and its QR codes work."""
    words = labels_for(language)
    sheet = _Sheet(printer, columns)
    printer.hw("INIT")
    sheet.text(shop_name or words["test_page"], align="center", bold=True, big=True)
    sheet.text(words["test_page"], align="center")
    sheet.text(description, align="center")
    sheet.rule()
    sheet.text(("1234567890" * (columns // 10 + 1))[:columns])
    sheet.text(words["test_text"])
    sheet.row(words["total"], money(Decimal("1234.5"), "EUR", locale_for(language)), bold=True, big=True)
    sheet.rule()
    sheet.qr(f"{qr.SCHEME}:test")
    printer.cut()


def kick_drawer(printer: Escpos) -> None:
    printer.cashdraw(DRAWER_PIN)
