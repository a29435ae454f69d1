"""The receipt's QR code text: what it carries, and the parser the counter's scanner relies on."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos_app.errors import ValidationError
from pos_app.receipts import qr
from pos_app.receipts.model import ReceiptKind
from tests.receipts.helpers import sample_receipt


def test_the_code_round_trips_through_the_parser_with_every_field():
    receipt = sample_receipt()
    code = qr.code_of(receipt)

    parsed = qr.parse(qr.encode(code))

    assert parsed == code
    assert (parsed.kind, parsed.number, parsed.total, parsed.currency, parsed.register, parsed.sequence) == (
        ReceiptKind.SALE,
        "R1-2026-000001",
        Decimal("53.82"),
        "EUR",
        "R1",
        2,
    )
    assert parsed.at == datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    assert parsed.signature == receipt.journal.signature


def test_the_signature_survives_its_plus_slash_and_equals_signs():
    text = qr.encode(qr.code_of(sample_receipt()))
    assert "+" not in text.split("?", 1)[1] and "/" not in text.split("?", 1)[1]
    assert qr.parse(text).signature.endswith("+/AA==")


def test_a_receipt_without_journal_entry_has_no_code():
    assert qr.code_of(sample_receipt(journal=None)) is None


def test_the_code_is_a_qr_image_of_a_few_hundred_bytes():
    png = qr.qr_png(qr.encode(qr.code_of(sample_receipt())))
    assert png.startswith(b"\x89PNG") and len(png) < 2000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4006381333931", "not a receipt's QR code"),
        ("https://example.org/?n=1", "not a receipt's QR code"),
        ("pos-receipt:9?k=sale", "version '9'"),
        ("pos-receipt:1?k=sale&n=R1-2026-000001", "incomplete (missing d, t, c, r, j, s)"),
        ("pos-receipt:1?k=sale&n=X&d=yesterday&t=1&c=EUR&r=R1&j=1&s=x", "damaged"),
        ("pos-receipt:1?k=sale&n=X&d=20261122T090000Z&t=NaN&c=EUR&r=R1&j=1&s=x", "damaged"),
        ("pos-receipt:1?k=gift&n=X&d=20261122T090000Z&t=1&c=EUR&r=R1&j=1&s=x", "damaged"),
        ("pos-receipt:1?k=sale&n=X&d=20261122T090000Z&t=1&c=EUR&r=R1&j=0&s=x", "damaged"),
        ("pos-receipt:1?k=sale&n=X&d=20261122T090000Z&t=1&c=euro&r=R1&j=1&s=x", "damaged"),
        ("pos-receipt:1?" + "a=b&" * 300, "not a receipt's QR code"),
    ],
)
def test_anything_else_is_refused_with_what_to_do(text, message):
    with pytest.raises(ValidationError) as error:
        qr.parse(text)
    assert message in str(error.value)
    assert error.value.field == "code"
