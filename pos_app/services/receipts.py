"""Receipts of sales and refunds: read from the database, printed on the receipt printer or as a PDF.

Printing is a side effect after the sale's commit: the counter calls print_receipt once checkout returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import (
    Customer,
    JournalEntry,
    Product,
    Refund,
    Register,
    Sale,
    Setting,
    Sku,
    User,
)
from pos_app.documents.formatting import locale_for, percent
from pos_app.domain.catalogue import variant_label
from pos_app.domain.journal import entry_message
from pos_app.domain.money import Currency, currency
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.vat import VatSplit, normalize_rate, vat_breakdown
from pos_app.errors import NotFound, PrinterError, ValidationError
from pos_app.journal_keys import JournalKeyError, PublicKey
from pos_app.receipts import qr, thermal
from pos_app.receipts.labels import labels_for
from pos_app.receipts.model import (
    JournalSeal,
    LineDiscount,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    ShopIdentity,
)
from pos_app.receipts.pdf import receipt_pdf
from pos_app.receipts.printers import (
    DEFAULT_COLUMNS,
    PrinterConfig,
    config_from_settings,
    open_printer,
    printer_config,
    reason,
    settings_of,
)
from pos_app.services.journal import PUBLIC_KEY_SETTING
from pos_app.services.settings import ShopSettings, read_settings
from pos_app.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from escpos.escpos import Escpos

NO_PRINTER = (
    "No receipt printer is set up: an admin chooses one in the settings (network, USB, serial or file printer)."
)


class ReceiptService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ----- reading -----------------------------------------------------------------------------

    def receipt(self, sale_number: str) -> Receipt:
        """The receipt of a sale. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            return _sale_receipt(uow.session, _number(sale_number))

    def refund_receipt(self, refund_number: str) -> Receipt:
        """The receipt of a refund. Raises NotFound."""
        with UnitOfWork(self._db, write=False) as uow:
            return _refund_receipt(uow.session, _number(refund_number))

    def sale_from_code(self, text: str) -> Receipt:
        """The sale whose receipt's QR code was scanned, once the code is checked against the sale and its
        signed journal entry. Raises ValidationError (not a sale receipt's code, or a code that does not match
        the sale: a forged or altered receipt) and NotFound (no such sale in this shop's database)."""
        code = qr.parse(text)
        if code.kind is not ReceiptKind.SALE:
            raise ValidationError("This is the code of a refund receipt: scan the receipt of the sale.", field="code")
        with UnitOfWork(self._db, write=False) as uow:
            receipt = _sale_receipt(uow.session, code.number)
            stored_key = uow.session.scalar(select(Setting.value).where(Setting.key == PUBLIC_KEY_SETTING))
        problems = _mismatches(code, receipt, stored_key)
        if problems:
            raise ValidationError(
                f"This receipt's code does not match sale {receipt.number} ({', '.join(problems)}): "
                "the receipt was altered or does not come from this shop.",
                field="code",
            )
        return receipt

    def receipt_pdf(self, sale_number: str, *, duplicate: bool = False) -> bytes:
        """The sale's receipt as a PDF 80 mm wide, as long as its content. Raises NotFound."""
        return receipt_pdf(self.receipt(sale_number), duplicate=duplicate)

    def refund_receipt_pdf(self, refund_number: str, *, duplicate: bool = False) -> bytes:
        return receipt_pdf(self.refund_receipt(refund_number), duplicate=duplicate)

    # ----- printing ----------------------------------------------------------------------------

    def print_receipt(self, sale_number: str, printer: Escpos | None = None, *, duplicate: bool = False) -> Receipt:
        """Print a sale's receipt on `printer`, else on the configured printer. The cash drawer opens when cash
        was paid, unless this is a duplicate or the settings say no drawer is connected.
        Raises NotFound, PrinterError (no printer set up, or it cannot be reached)."""
        return self._print(self.receipt(sale_number), printer, duplicate)

    def print_refund_receipt(
        self, refund_number: str, printer: Escpos | None = None, *, duplicate: bool = False
    ) -> Receipt:
        """Print a refund's receipt; the drawer opens for a refund paid back in cash. As print_receipt."""
        return self._print(self.refund_receipt(refund_number), printer, duplicate)

    def test_print(self, printer: Escpos | None = None) -> None:
        """Print a test page (columns, accents, QR code) on the configured printer. Raises PrinterError."""
        settings, config = self._settings_and_printer()
        description = config.describe() if config else "-"
        with _device(printer, config) as device:
            thermal.print_test_page(
                device,
                settings.shop_name,
                description,
                columns=config.columns if config else DEFAULT_COLUMNS,
                language=settings.invoicing.language,
            )

    def kick_drawer(self, printer: Escpos | None = None) -> None:
        """Open the cash drawer connected to the receipt printer. The caller records why first
        (POSService.open_drawer). Raises PrinterError, also when the settings say no drawer is connected."""
        _, config = self._settings_and_printer()
        if config is not None and not config.drawer:
            raise PrinterError("No cash drawer is connected to the receipt printer (see the printer settings).")
        with _device(printer, config) as device:
            thermal.kick_drawer(device)

    # ----- printer settings --------------------------------------------------------------------

    def printer(self) -> PrinterConfig | None:
        """The configured receipt printer, or None. Raises PrinterError if its stored settings are damaged."""
        return self._settings_and_printer()[1]

    def configure_printer(
        self, actor: Actor, kind: str, address: str, *, columns: int = DEFAULT_COLUMNS, drawer: bool = True
    ) -> PrinterConfig:
        """Set the receipt printer: kind network (host[:port]), usb (vendor:product in hex), serial
        (device[:baud]) or file (path); 48 or 42 characters a line; whether a cash drawer hangs on it.
        Nothing is connected here: test_print tries it. Raises PermissionDenied, ValidationError."""
        actor.require(Permission.MANAGE_SETTINGS)
        config = printer_config(kind, address, columns, drawer)
        with UnitOfWork(self._db, write=True) as uow:
            for key, value in settings_of(config).items():
                uow.session.merge(Setting(key=key, value=value))
            uow.commit()
        return config

    def _settings_and_printer(self) -> tuple[ShopSettings, PrinterConfig | None]:
        with UnitOfWork(self._db, write=False) as uow:
            values = dict(
                uow.session.execute(select(Setting.key, Setting.value).where(Setting.key.like("printer.%"))).all()
            )
            return read_settings(uow.session), config_from_settings(values)

    def _print(self, receipt: Receipt, printer: Escpos | None, duplicate: bool) -> Receipt:
        _, config = self._settings_and_printer()
        drawer = config.drawer if config else True
        with _device(printer, config) as device:
            thermal.print_receipt(
                device,
                receipt,
                columns=config.columns if config else DEFAULT_COLUMNS,
                open_drawer=drawer and receipt.takes_cash and not duplicate,
                duplicate=duplicate,
            )
        return receipt


@contextmanager
def _device(printer: Escpos | None, config: PrinterConfig | None) -> Iterator[Escpos]:
    """The given printer, else a connection to the configured one (closed afterwards). A failure while
    writing becomes a PrinterError."""
    from escpos.exceptions import Error as EscposError

    if printer is not None:
        device = printer
    elif config is not None:
        device = open_printer(config)
    else:
        raise PrinterError(NO_PRINTER)
    try:
        yield device
    except (EscposError, OSError) as error:
        where = config.describe() if config and printer is None else "receipt printer"
        raise PrinterError(
            f"The {where} stopped while printing ({reason(error)}): the receipt may be incomplete. "
            "Check the printer (paper, cover, cable) and print it again."
        ) from error
    finally:
        if printer is None:
            device.close()


def _number(value: object) -> str:
    text = str(value).strip() if value is not None else ""
    if not text or len(text) > 40:
        raise ValidationError("Give the number printed on the receipt.", field="number")
    return text


def _shop(settings: ShopSettings) -> ShopIdentity:
    return ShopIdentity(
        name=settings.shop_name,
        address=settings.shop_address,
        phone=settings.shop_phone,
        email=settings.shop_email,
        vat_number=settings.shop_vat_number,
        company_number=settings.shop_company_number,
        legal_mentions=settings.legal_mentions,
    )


def _sale_receipt(session: Session, number: str) -> Receipt:
    sale = session.scalar(select(Sale).where(Sale.number == number))
    if sale is None:
        raise NotFound(f"No sale numbered '{number}'. Check the number on the receipt.")
    settings = read_settings(session)
    language = settings.invoicing.language
    words, locale = labels_for(language), locale_for(language)
    cur = currency(sale.currency)
    names = _line_names(session, [line.sku_id for line in sale.lines])
    lines = []
    for line in sale.lines:
        discounts = []
        if line.automatic_discount:
            discounts.append(LineDiscount(line.discount_label or words["discount"], cur.round(line.automatic_discount)))
        if line.line_discount:
            label = f"{words['discount']} {percent(line.discount_percent, locale)}"
            discounts.append(LineDiscount(label, cur.round(line.line_discount)))
        sku, name = names[line.sku_id]
        lines.append(
            ReceiptLine(
                sku=sku,
                name=name,
                quantity=line.quantity,
                unit_price=cur.round(line.unit_price),
                gross=cur.round(line.unit_price * line.quantity),
                discounts=tuple(discounts),
                total=cur.round(line.total),
                vat_rate=normalize_rate(line.vat_rate),
            )
        )
    register = session.get(Register, sale.register_id)
    assert register is not None
    return Receipt(
        kind=ReceiptKind.SALE,
        number=sale.number,
        sale_number=sale.number,
        shop=_shop(settings),
        register=register.code,
        register_name=register.name,
        cashier=_username(session, sale.cashier_id),
        at=sale.at,
        customer=_customer(session, sale.customer_id),
        currency=cur.code,
        language=language,
        lines=tuple(lines),
        gross=cur.round(sale.gross),
        ticket_discount_percent=sale.ticket_discount_percent,
        ticket_discount=cur.round(sum((line.ticket_discount for line in sale.lines), Decimal(0))),
        discount=cur.round(sale.discount),
        total=cur.round(sale.total),
        vat=_vat(((line.total, line.vat_rate) for line in sale.lines), cur),
        payments=tuple(ReceiptPayment(p.method, cur.round(p.amount), p.reference) for p in sale.payments),
        change_due=cur.round(sale.change_due),
        journal=_seal(session, register, "sale", sale.number, sale),
    )


def _refund_receipt(session: Session, number: str) -> Receipt:
    refund = session.scalar(select(Refund).where(Refund.number == number))
    if refund is None:
        raise NotFound(f"No refund numbered '{number}'. Check the number on the refund receipt.")
    sale = session.get(Sale, refund.sale_id)
    assert sale is not None
    settings = read_settings(session)
    cur = currency(sale.currency)
    sold = {line.id: line for line in sale.lines}
    names = _line_names(session, [line.sku_id for line in sale.lines])
    lines = []
    for refunded in refund.lines:
        sale_line = sold[refunded.sale_line_id]
        sku, name = names[sale_line.sku_id]
        amount = cur.round(refunded.amount)
        lines.append(
            ReceiptLine(sku, name, refunded.quantity, None, amount, (), amount, normalize_rate(sale_line.vat_rate))
        )
    register = session.get(Register, refund.register_id)
    assert register is not None
    total = cur.round(refund.total)
    return Receipt(
        kind=ReceiptKind.REFUND,
        number=refund.number,
        sale_number=sale.number,
        shop=_shop(settings),
        register=register.code,
        register_name=register.name,
        cashier=_username(session, refund.cashier_id),
        at=refund.at,
        customer=_customer(session, sale.customer_id),
        currency=cur.code,
        language=settings.invoicing.language,
        lines=tuple(lines),
        gross=total,
        ticket_discount_percent=Decimal(0),
        ticket_discount=Decimal(0),
        discount=Decimal(0),
        total=total,
        vat=_vat(((line.total, line.vat_rate) for line in lines), cur),
        payments=(ReceiptPayment(refund.method, total),),
        change_due=Decimal(0),
        journal=_seal(session, register, "refund", refund.number, refund),
    )


def _line_names(session: Session, sku_ids: list[int]) -> dict[int, tuple[str, str]]:
    """SKU id -> (SKU code, product name with its variant: 'T-shirt M / Red')."""
    rows = session.execute(
        select(Sku.id, Sku.code, Sku.size, Sku.properties, Product.name)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.id.in_(set(sku_ids)))
    )
    names = {}
    for sku_id, code, size, properties, name in rows:
        variant = variant_label(size, properties or {})
        names[sku_id] = (code, f"{name} {variant}" if variant else name)
    return names


def _username(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(User.username).where(User.id == user_id)) or ""


def _customer(session: Session, customer_id: int | None) -> str | None:
    if customer_id is None:
        return None
    return session.scalar(select(Customer.name).where(Customer.id == customer_id))


def _vat(lines: Iterable[tuple[Decimal, Decimal]], cur: Currency) -> tuple[VatSplit, ...]:
    return tuple(vat_breakdown(((Decimal(total), normalize_rate(rate)) for total, rate in lines), cur))


def _seal(session: Session, register: Register, kind: str, number: str, event: Sale | Refund) -> JournalSeal | None:
    """The journal entry written with the sale or refund: same register, kind and time, and its number."""
    entries = session.execute(
        select(JournalEntry.sequence, JournalEntry.hash, JournalEntry.signature, JournalEntry.payload).where(
            JournalEntry.register_id == register.id, JournalEntry.kind == kind, JournalEntry.at == event.at
        )
    )
    for sequence, digest, signature, payload in entries:
        if _payload_number(payload) == number:
            return JournalSeal(register.code, sequence, digest, signature)
    return None


def _payload_number(payload: str) -> str | None:
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    return data.get("number") if isinstance(data, dict) else None


def _mismatches(code: qr.ReceiptCode, receipt: Receipt, stored_key: str | None) -> list[str]:
    problems = []
    if code.total != receipt.total or code.currency != receipt.currency:
        problems.append("total")
    if code.at != receipt.at.replace(microsecond=0) or code.register != receipt.register:
        problems.append("date or register")
    seal = receipt.journal
    if seal is None or (code.sequence, code.signature) != (seal.sequence, seal.signature):
        problems.append("journal signature")
    elif not _signed_by_shop(stored_key, seal, code.signature):
        problems.append("journal signature not made with the shop's key")
    return problems


def _signed_by_shop(stored_key: str | None, seal: JournalSeal, signature: str) -> bool:
    if stored_key is None:
        return False
    try:
        key = PublicKey.from_pem(stored_key)
    except JournalKeyError:
        return False
    return key.is_valid(entry_message(seal.hash), signature)
