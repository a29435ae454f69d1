"""The text of a receipt's QR code, and its parser: the counter scans a receipt to find the sale to refund.

The code is a URI, `pos-receipt:1?k=sale&n=R1-2026-000001&d=20261122T090000Z&t=57.80&c=EUR&r=R1&j=3&s=...`:
kind, number, time (UTC), total, currency, register, journal sequence and the journal entry's full signature
(percent-encoded). The signature is over the entry's hash, so checking it needs the journal (the database):
see ReceiptService.sale_from_code.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from pos_app.errors import ValidationError
from pos_app.receipts.model import Receipt, ReceiptKind

SCHEME = "pos-receipt"
VERSION = "1"
MAX_LENGTH = 1000
_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
_FIELDS = ("k", "n", "d", "t", "c", "r", "j", "s")
_CURRENCY = re.compile(r"[A-Z]{3}")
_NOT_A_RECEIPT = "This code is not a receipt's QR code: scan the code printed at the bottom of the receipt."


@dataclass(frozen=True)
class ReceiptCode:
    kind: ReceiptKind
    number: str
    at: datetime  # UTC, to the second
    total: Decimal
    currency: str
    register: str
    sequence: int
    signature: str


def code_of(receipt: Receipt) -> ReceiptCode | None:
    """The code of a journaled receipt; None without a journal entry to vouch for it."""
    if receipt.journal is None:
        return None
    return ReceiptCode(
        kind=receipt.kind,
        number=receipt.number,
        at=receipt.at.astimezone(UTC).replace(microsecond=0),
        total=receipt.total,
        currency=receipt.currency,
        register=receipt.register,
        sequence=receipt.journal.sequence,
        signature=receipt.journal.signature,
    )


def encode(code: ReceiptCode) -> str:
    fields = {
        "k": code.kind.value,
        "n": code.number,
        "d": code.at.astimezone(UTC).strftime(_TIME_FORMAT),
        "t": format(code.total, "f"),
        "c": code.currency,
        "r": code.register,
        "j": str(code.sequence),
        "s": code.signature,
    }
    return f"{SCHEME}:{VERSION}?{urlencode(fields, quote_via=quote, safe='')}"


def parse(text: str) -> ReceiptCode:
    """Read a scanned receipt code. Raises ValidationError (field "code") for anything else."""
    if not isinstance(text, str) or len(text) > MAX_LENGTH:
        raise ValidationError(_NOT_A_RECEIPT, field="code")
    parts = urlsplit(text.strip())
    if parts.scheme != SCHEME:
        raise ValidationError(_NOT_A_RECEIPT, field="code")
    if parts.path != VERSION:
        raise ValidationError(
            f"This receipt code is of version {parts.path!r}, which this version of the app cannot read.",
            field="code",
        )
    try:
        fields = dict(parse_qsl(parts.query, keep_blank_values=False, strict_parsing=True))
    except ValueError:
        raise ValidationError(_NOT_A_RECEIPT, field="code") from None
    missing = [name for name in _FIELDS if name not in fields]
    if missing:
        raise ValidationError(f"The receipt code is incomplete (missing {', '.join(missing)}).", field="code")
    try:
        kind = ReceiptKind(fields["k"])
        at = datetime.strptime(fields["d"], _TIME_FORMAT).replace(tzinfo=UTC)
        total = Decimal(fields["t"])
        sequence = int(fields["j"])
    except (ValueError, InvalidOperation):
        raise ValidationError("The receipt code is damaged: scan it again.", field="code") from None
    if not total.is_finite() or sequence < 1 or not _CURRENCY.fullmatch(fields["c"]):
        raise ValidationError("The receipt code is damaged: scan it again.", field="code")
    return ReceiptCode(kind, fields["n"], at, total, fields["c"], fields["r"], sequence, fields["s"])


def qr_png(text: str) -> bytes:
    """The QR code of `text` as a PNG of one pixel per module, with the quiet zone of 4 modules scanners need
    around it: the document scales it up without smoothing."""
    import qrcode  # here, not at the top: with Pillow it slows every start of the app, which reads codes only

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=4)
    code.add_data(text)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out, format="PNG")
    return out.getvalue()
