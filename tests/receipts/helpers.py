"""A receipt as the service builds it, a reader of ESC/POS bytes, and a network printer on loopback."""

from __future__ import annotations

import dataclasses
import socket
import threading
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from escpos.printer import Dummy

from pos_app.domain.vat import VatSplit
from pos_app.receipts.model import (
    JournalSeal,
    LineDiscount,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    ShopIdentity,
)

ESC, GS = 0x1B, 0x1D
_COMMAND_LENGTHS = {(ESC, b"@"): 2, (ESC, b"p"): 5}  # every other command here takes one argument byte


def paper_text(data: bytes) -> str:
    """What the paper shows: ESC/POS bytes without their commands, each run decoded in its code page."""
    code_pages = {int(number): name for name, number in Dummy().profile.get_code_pages().items()}
    text, run, encoding, i = [], bytearray(), "CP437", 0
    while i < len(data):
        byte = data[i]
        if byte not in (ESC, GS):
            run.append(byte)
            i += 1
            continue
        text.append(run.decode(encoding))
        run.clear()
        command = data[i + 1 : i + 2]
        if byte == ESC and command == b"t":
            encoding = code_pages[data[i + 2]]
        if byte == GS and command == b"(":  # a 2D code: its length follows, low byte first
            i += 5 + data[i + 3] + 256 * data[i + 4]
        else:
            i += _COMMAND_LENGTHS.get((byte, command), 3)
    text.append(run.decode(encoding))
    return "".join(text)


def paper_lines(data: bytes) -> list[str]:
    return [line.rstrip() for line in paper_text(data).splitlines()]


def sample_receipt(**changes: Any) -> Receipt:
    """Two T-shirts with a 10 % discount and a book, paid 20.00 by card and 40.00 in cash."""
    receipt = Receipt(
        kind=ReceiptKind.SALE,
        number="R1-2026-000001",
        sale_number="R1-2026-000001",
        shop=ShopIdentity(name="Atelier Lumière", address="12 rue des Lilas\n75011 Paris", vat_number="FR123"),
        register="R1",
        register_name="Counter 1",
        cashier="cashier",
        at=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
        customer=None,
        currency="EUR",
        language="fr",
        lines=(
            ReceiptLine(
                "TEE",
                "T-shirt M / Bleu",
                2,
                Decimal("19.90"),
                Decimal("39.80"),
                (LineDiscount("Remise 10 %", Decimal("3.98")),),
                Decimal("35.82"),
                Decimal("20"),
            ),
            ReceiptLine(
                "BOOK", "Guide des épices", 1, Decimal("18.00"), Decimal("18.00"), (), Decimal("18.00"), Decimal("5.5")
            ),
        ),
        gross=Decimal("57.80"),
        ticket_discount_percent=Decimal(0),
        ticket_discount=Decimal(0),
        discount=Decimal("3.98"),
        total=Decimal("53.82"),
        vat=(
            VatSplit(Decimal("5.5"), Decimal("18.00"), Decimal("17.06"), Decimal("0.94")),
            VatSplit(Decimal("20"), Decimal("35.82"), Decimal("29.85"), Decimal("5.97")),
        ),
        payments=(ReceiptPayment("card", Decimal("20.00"), "T-1"), ReceiptPayment("cash", Decimal("40.00"))),
        change_due=Decimal("6.18"),
        journal=JournalSeal("R1", 2, "ab" * 32, "c2lnbmF0dXJl+/" * 6 + "AA=="),
    )
    return dataclasses.replace(receipt, **changes)


class PrinterOnLoopback:
    """A TCP server on 127.0.0.1 that takes one connection and keeps every byte sent to it, as a network
    receipt printer on port 9100 does."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(10)
        self.port = self._server.getsockname()[1]
        self.received = b""
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            connection, _ = self._server.accept()
        except TimeoutError:
            return
        with connection:
            connection.settimeout(10)
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
            self.received = b"".join(chunks)

    def wait(self) -> bytes:
        """The bytes received once the client closed its connection."""
        self._thread.join(timeout=10)
        self._server.close()
        return self.received


def closed_port() -> int:
    """A loopback port nobody listens on: connecting to it is refused at once."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]
