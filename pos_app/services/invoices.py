"""Invoices and credit notes: issued once for a counter sale or an online order, numbered without gaps per
series and year, never changed afterwards (a credit note corrects them), reprints recorded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, func, literal, not_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, aliased, selectinload

from pos_app.db.engine import Database
from pos_app.db.models import (
    Customer,
    Invoice,
    InvoiceDocument,
    InvoiceEvent,
    InvoiceLine,
    InvoicePayment,
    OnlineOrder,
    OnlineOrderLine,
    Product,
    Sale,
    SaleLine,
    Setting,
    Sku,
    User,
)
from pos_app.db.sequences import next_number
from pos_app.domain import catalogue as rules
from pos_app.domain.contact import EMAIL_PATTERN
from pos_app.domain.invoice import (
    DraftLine,
    InvoiceKind,
    InvoiceStatus,
    Totals,
    invoice_number,
    invoice_status,
    price_lines,
)
from pos_app.domain.money import Currency, currency
from pos_app.domain.roles import Actor, Permission
from pos_app.domain.sale import PaymentMethod
from pos_app.domain.stock import parse_quantity
from pos_app.domain.text import clean_text
from pos_app.domain.vat import VatSplit
from pos_app.errors import Conflict, NotFound, ValidationError
from pos_app.invoices.document_state import document_state, pdf_digest
from pos_app.invoices.model import (
    CustomerDetails,
    InvoiceLineView,
    InvoicePaymentView,
    InvoiceSummary,
    InvoiceView,
)
from pos_app.services.settings import INVOICE_LANGUAGES, LOGO, ShopSettings, read_currency, read_settings
from pos_app.services.unit_of_work import Clock, UnitOfWork

EVENT_KINDS = ("printed", "reprinted", "saved", "emailed", "exported")
MAX_PAGE = 1000
# Amounts are stored with four decimals; SQLite sums them as floats, which can land a hair under the exact total.
STORED_PLACES = Decimal("0.0001")
FLOAT_SLACK = Decimal("0.00005")
VIEWS_PER_BATCH = 500  # invoices whose related rows are read with one IN (...) query per kind
STATES_PER_QUERY = 1000  # two parameters each: well under SQLite's limit of 32,766 in one statement


@dataclass(frozen=True)
class InvoiceTally:
    """How many documents a search finds, and what they add up to."""

    documents: int
    net: Decimal
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True)
class OrderToInvoice:
    """A paid online order that has no invoice yet."""

    number: str
    paid_at: datetime
    email: str
    total: Decimal
    currency: str


@dataclass(frozen=True)
class KeptPdf:
    """A document's PDF as rendered for `state` (invoices/document_state.py), to be kept."""

    number: str
    state: str
    pdf: bytes


@dataclass(frozen=True)
class InvoiceEntry:
    """One moment in a document's life: issued, printed, reprinted, saved, emailed, exported, or credited by the
    credit note `document`."""

    at: datetime
    kind: str
    user: str
    document: str | None = None


@dataclass(frozen=True)
class InvoiceDetail:
    """What the screen of one document shows: the document, its history, and how much of each line (by
    position) can still be credited (nothing on a credit note)."""

    view: InvoiceView
    history: tuple[InvoiceEntry, ...]
    left_to_credit: dict[int, int]


class InvoiceService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ----- issuing -----------------------------------------------------------------------------

    def issue(
        self,
        actor: Actor,
        sale_number: str,
        customer: CustomerDetails | None = None,
        *,
        customer_id: int | None = None,
        language: str | None = None,
    ) -> InvoiceView:
        """Invoice a counter sale (paid there). The customer is `customer`, else the customer `customer_id`,
        else the sale's customer. A sale has one invoice: asking again raises Conflict with its number."""
        actor.require(Permission.ISSUE_INVOICES)
        with UnitOfWork(self._db, write=True) as uow:
            sale = uow.session.scalar(select(Sale).where(Sale.number == str(sale_number).strip()))
            if sale is None:
                raise NotFound(f"No sale numbered '{sale_number}'. Check the number on the receipt.")
            _refuse_second_invoice(uow.session, Invoice.sale_id == sale.id, f"Sale {sale.number}")
            details, known_id = _customer(uow.session, customer, customer_id or sale.customer_id)
            drafts = _sale_drafts(uow.session, sale)
            payments = [InvoicePayment(method=p.method, amount=p.amount, reference=p.reference) for p in sale.payments]
            change = sale.change_due
            for payment in payments:  # the invoice shows what paid the sale, not the note handed over
                if change and payment.method == PaymentMethod.CASH.value:
                    taken = min(change, payment.amount)
                    payment.amount -= taken
                    change -= taken
            invoice = self._issue(
                uow.session,
                actor,
                InvoiceKind.INVOICE,
                details,
                known_id,
                drafts,
                [p for p in payments if p.amount > 0],
                language,
                currency(sale.currency),
                sale_id=sale.id,
            )
            uow.commit()
            return _view(uow.session, invoice, self._clock().date())

    def issue_for_order(
        self, actor: Actor, order_number: str, customer: CustomerDetails, *, language: str | None = None
    ) -> InvoiceView:
        """Invoice a paid online order, for the customer named."""
        actor.require(Permission.ISSUE_INVOICES)
        with UnitOfWork(self._db, write=True) as uow:
            order = uow.session.scalar(select(OnlineOrder).where(OnlineOrder.number == str(order_number).strip()))
            if order is None:
                raise NotFound(f"No online order numbered '{order_number}'.")
            if order.status != "paid":
                raise ValidationError(
                    f"Order {order.number} is {order.status.replace('_', ' ')}: only a paid order is invoiced.",
                    field="order",
                )
            _refuse_second_invoice(uow.session, Invoice.online_order_id == order.id, f"Order {order.number}")
            details, known_id = _customer(uow.session, customer, None)
            payments = [InvoicePayment(method="card", amount=order.total, reference=order.payment_intent_id)]
            invoice = self._issue(
                uow.session,
                actor,
                InvoiceKind.INVOICE,
                details,
                known_id,
                _order_drafts(uow.session, order),
                payments,
                language,
                currency(order.currency),
                online_order_id=order.id,
            )
            uow.commit()
            return _view(uow.session, invoice, self._clock().date())

    def orders_to_invoice(self, actor: Actor, *, search: str = "", limit: int = MAX_PAGE) -> list[OrderToInvoice]:
        """The paid online orders that have no invoice yet, the last paid first (at most `limit`); with `search`,
        those whose number or customer e-mail holds it (any case)."""
        actor.require(Permission.ISSUE_INVOICES)
        invoiced = select(Invoice.id).where(
            Invoice.online_order_id == OnlineOrder.id, Invoice.kind == InvoiceKind.INVOICE.value
        )
        query = (
            select(OnlineOrder.number, OnlineOrder.paid_at, OnlineOrder.email, OnlineOrder.total, OnlineOrder.currency)
            .where(OnlineOrder.status == "paid", OnlineOrder.number.is_not(None), ~invoiced.exists())
            .order_by(OnlineOrder.paid_at.desc(), OnlineOrder.id.desc())
            .limit(max(1, min(limit, MAX_PAGE)))
        )
        if wanted := search.strip().lower():
            query = query.where(
                func.lower(OnlineOrder.number).contains(wanted, autoescape=True)
                | func.lower(OnlineOrder.email).contains(wanted, autoescape=True)
            )
        with UnitOfWork(self._db, write=False) as uow:
            return [OrderToInvoice(*row) for row in uow.session.execute(query)]

    def credit_note(
        self,
        actor: Actor,
        invoice_number: str,
        reason: str,
        lines: Sequence[tuple[int, int]] | None = None,
    ) -> InvoiceView:
        """A credit note against an invoice, for `lines` — (line position, quantity) — or for everything not
        yet credited. Never more than invoiced minus already credited. Its quantities and totals are negative."""
        actor.require(Permission.CREDIT_INVOICES)
        why = clean_text(reason, "reason", max_length=500)
        with UnitOfWork(self._db, write=True) as uow:
            original = uow.session.scalar(
                select(Invoice).where(Invoice.number == str(invoice_number).strip()).with_for_update()
            )
            if original is None:
                raise NotFound(f"No invoice numbered '{invoice_number}'.")
            if original.kind != InvoiceKind.INVOICE.value:
                raise ValidationError(f"{original.number} is a credit note: credit its invoice.", field="invoice")
            drafts, sources = _credit_drafts(uow.session, original, lines, currency(original.currency))
            invoice = self._issue(
                uow.session,
                actor,
                InvoiceKind.CREDIT_NOTE,
                _details_of(original),
                original.customer_id,
                drafts,
                [],
                original.language,
                currency(original.currency),
                credited_invoice_id=original.id,
                reason=why,
                credited_lines=sources,
            )
            uow.commit()
            return _view(uow.session, invoice, self._clock().date())

    def _issue(
        self,
        session: Session,
        actor: Actor,
        kind: InvoiceKind,
        customer: CustomerDetails,
        customer_id: int | None,
        drafts: list[DraftLine],
        payments: list[InvoicePayment],
        language: str | None,
        cur: Currency,
        *,
        sale_id: int | None = None,
        online_order_id: int | None = None,
        credited_invoice_id: int | None = None,
        reason: str = "",
        credited_lines: Sequence[int | None] = (),
    ) -> Invoice:
        shop = read_settings(session)
        if not (shop.shop_name and shop.shop_vat_number):
            raise ValidationError(
                "Invoices need the shop's name and VAT number: an admin enters them in the settings first.",
                field="shop_vat_number",
            )
        lang = _language(language, shop)
        now = self._clock()
        series = shop.invoicing.series if kind is InvoiceKind.INVOICE else shop.invoicing.credit_note_series
        sequence = next_number(session, f"INV-{series}", now.year)
        totals = price_lines(drafts, cur)
        invoice = Invoice(
            number=invoice_number(series, now.year, sequence),
            kind=kind.value,
            series=series,
            year=now.year,
            sequence=sequence,
            issued_at=now,
            due_on=now.date() + timedelta(days=shop.invoicing.due_days),
            issued_by=actor.user_id,
            language=lang,
            currency=cur.code,
            sale_id=sale_id,
            online_order_id=online_order_id,
            credited_invoice_id=credited_invoice_id,
            customer_id=customer_id,
            customer_name=customer.name,
            customer_address=customer.address,
            customer_email=customer.email,
            customer_vat_number=customer.vat_number,
            customer_company_number=customer.company_number,
            seller=_seller(shop),
            net=totals.net,
            vat=totals.vat,
            gross=totals.gross,
            reason=reason,
        )
        invoice.lines = _lines(totals, credited_lines)
        invoice.payments = payments
        session.add(invoice)
        try:
            session.flush()
        except IntegrityError:
            raise Conflict("This sale or order was invoiced at the same moment by someone else.") from None
        return invoice

    # ----- after issue -------------------------------------------------------------------------

    def record_event(self, actor: Actor, invoice_number: str, kind: str) -> None:
        """Note that an invoice was printed, reprinted, saved, emailed or exported."""
        _require_reader(actor)
        if kind not in EVENT_KINDS:
            raise ValidationError(f"Unknown invoice event '{kind}'.", field="kind")
        with UnitOfWork(self._db, write=True) as uow:
            invoice = _invoice(uow.session, invoice_number)
            uow.session.add(InvoiceEvent(invoice_id=invoice.id, at=self._clock(), user_id=actor.user_id, kind=kind))
            uow.commit()

    def events(self, actor: Actor, invoice_number: str) -> list[tuple[datetime, str]]:
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            invoice = _invoice(uow.session, invoice_number)
            rows = uow.session.execute(
                select(InvoiceEvent.at, InvoiceEvent.kind)
                .where(InvoiceEvent.invoice_id == invoice.id)
                .order_by(InvoiceEvent.id)
            )
            return [(at, kind) for at, kind in rows]

    # ----- reading -----------------------------------------------------------------------------

    def get(self, actor: Actor, invoice_number: str) -> InvoiceView:
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            return _view(uow.session, _invoice(uow.session, invoice_number), self._clock().date())

    def for_sale(self, actor: Actor, sale_number: str) -> InvoiceView | None:
        """The invoice of a counter sale, if it has one."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            invoice = uow.session.scalar(
                select(Invoice)
                .join(Sale, Sale.id == Invoice.sale_id)
                .where(Sale.number == str(sale_number).strip(), Invoice.kind == InvoiceKind.INVOICE.value)
            )
            return None if invoice is None else _view(uow.session, invoice, self._clock().date())

    def find(
        self,
        actor: Actor,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        customer: str | None = None,
        series: str | None = None,
        status: InvoiceStatus | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[InvoiceSummary]:
        """Invoices and credit notes, newest first, filtered by issue time [since, until), customer name
        (part of it), series and status; one page of at most `limit` (up to 1,000) from `offset`."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            today = self._clock().date()
            query = _filtered(select(Invoice), today, since, until, customer, series, status)
            page = query.order_by(Invoice.issued_at.desc(), Invoice.id.desc())
            rows = uow.session.scalars(page.limit(max(1, min(limit, MAX_PAGE))).offset(max(offset, 0)))
            return _summaries(uow.session, list(rows), today)

    def tally(
        self,
        actor: Actor,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        customer: str | None = None,
        series: str | None = None,
        status: InvoiceStatus | None = None,
    ) -> InvoiceTally:
        """How many documents `find` with the same filters lists in all its pages, and their totals (credit
        notes count negative)."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            sums = select(func.count(), func.sum(Invoice.net), func.sum(Invoice.vat), func.sum(Invoice.gross))
            today = self._clock().date()
            query = _filtered(sums.select_from(Invoice), today, since, until, customer, series, status, counting=True)
            documents, net, vat, gross = uow.session.execute(query).one()
            cur = read_currency(uow.session)
            return InvoiceTally(documents, *(cur.round(_stored(amount)) for amount in (net, vat, gross)))

    def series_in_use(self, actor: Actor) -> list[str]:
        """Every series that numbered a document, and the current ones, in alphabetical order."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            invoicing = read_settings(uow.session).invoicing
            used = set(uow.session.scalars(select(Invoice.series).distinct()))
            return sorted(used | {invoicing.series, invoicing.credit_note_series})

    def detail(self, actor: Actor, invoice_number: str) -> InvoiceDetail:
        """A document, what happened to it since it was issued, and what of it can still be credited."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            invoice = _invoice(uow.session, invoice_number)
            left: dict[int, int] = {}
            if invoice.kind == InvoiceKind.INVOICE.value:
                credited = _credited_so_far(uow.session, invoice)
                for line in invoice.lines:
                    left[line.position] = line.quantity - credited.get(line.id, (0, Decimal(0)))[0]
            return InvoiceDetail(
                view=_view(uow.session, invoice, self._clock().date()),
                history=_history(uow.session, invoice),
                left_to_credit=left,
            )

    def pdf(self, invoice_number: str, actor: Actor | None = None) -> bytes:
        """The document's PDF (with its Factur-X data): the same lines and totals as issued, with what was paid
        and credited as of now. Rendered once and kept: later calls give the kept bytes while nothing the page
        prints has changed since (see invoices/document_state.py), else render it again and keep that instead.
        Recording the reprint is the caller's job (`record_event`), once it is done. Given an `actor`, raises
        PermissionDenied unless they may read invoices; without one it reads like a receipt's PDF, by number."""
        from pos_app.invoices.pdf import invoice_pdf  # the PDF stack takes a fifth of a second to import

        if actor is not None:
            _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            view = _view(uow.session, _invoice(uow.session, invoice_number), self._clock().date())
            logo = uow.session.scalar(select(Setting.value).where(Setting.key == LOGO)) or None
            state = document_state(view, logo)
            kept = _kept_pdfs(uow.session, {view.number: state}).get(view.number)
        if kept is not None:
            return kept
        rendered = KeptPdf(view.number, state, invoice_pdf(view, logo=logo))  # outside any transaction: it is slow
        try:
            return self._keep([rendered])[view.number]
        except OperationalError:  # another writer held the database too long: print it now, keep it next time
            return rendered.pdf

    def unkept(self, actor: Actor, states: Mapping[str, str]) -> list[str]:
        """Of the documents numbered as the keys of `states`, those with no kept PDF for the state given."""
        _require_reader(actor)
        pairs = list(states.items())
        kept: set[str] = set()
        with UnitOfWork(self._db, write=False) as uow:
            for start in range(0, len(pairs), STATES_PER_QUERY):
                batch = dict(pairs[start : start + STATES_PER_QUERY])
                kept.update(
                    uow.session.scalars(
                        select(Invoice.number)
                        .join(InvoiceDocument, InvoiceDocument.invoice_id == Invoice.id)
                        .where(_number_and_state_in(batch))
                    )
                )
        return [number for number in states if number not in kept]

    def kept_pdfs(self, actor: Actor, states: Mapping[str, str]) -> dict[str, bytes]:
        """The kept PDFs of the documents numbered as the keys of `states`, for those kept for the state given
        (a few dozen at a time: the PDFs are read into memory)."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            return _kept_pdfs(uow.session, states)

    def keep_pdfs(self, actor: Actor, rendered: Sequence[KeptPdf]) -> dict[str, bytes]:
        """Keep PDFs rendered (from `get` or `in_period` views with the state of `document_state`) in place of
        those kept for another state, and give back, per number, the PDF kept now: when another process kept
        the same document for the same state first, its PDF stays and is the one returned, so that every
        caller hands out the same bytes. Raises NotFound for an unknown number, writing nothing, and
        PermissionDenied unless the actor keeps the accounts (whoever keeps a PDF decides what reprints show)."""
        actor.require(Permission.VIEW_ACCOUNTS)
        return self._keep(rendered)

    def _keep(self, rendered: Sequence[KeptPdf]) -> dict[str, bytes]:
        if not rendered:
            return {}
        with UnitOfWork(self._db, write=True) as uow:
            numbers = [document.number for document in rendered]
            ids = dict(uow.session.execute(select(Invoice.number, Invoice.id).where(Invoice.number.in_(numbers))).all())
            unknown = [number for number in numbers if number not in ids]
            if unknown:
                raise NotFound(f"No invoice numbered {', '.join(repr(n) for n in unknown)}.")
            ids_to_numbers = {invoice_id: number for number, invoice_id in ids.items()}
            now = self._clock()
            rows = sorted(  # the primary key's order: two processes keeping overlapping batches do not deadlock
                (
                    {
                        "invoice_id": ids[document.number],
                        "state": document.state,
                        "sha256": pdf_digest(document.pdf),
                        "pdf": document.pdf,
                        "rendered_at": now,
                    }
                    for document in rendered
                ),
                key=lambda row: row["invoice_id"],
            )
            insert = _insert(uow.dialect)
            replace = insert.on_conflict_do_update(
                index_elements=[InvoiceDocument.invoice_id],
                set_={column: insert.excluded[column] for column in ("state", "sha256", "pdf", "rendered_at")},
                where=InvoiceDocument.state != insert.excluded.state,
            )
            uow.session.execute(replace, rows)
            kept = _kept_pdfs(uow.session, {document.number: document.state for document in rendered})
            for row in rows:
                # Not read back: either damaged bytes of our state, which ours repair, or (nothing to update)
                # another process's PDF of another state, kept meanwhile; ours is right for its own state.
                if ids_to_numbers[row["invoice_id"]] not in kept:
                    uow.session.execute(
                        update(InvoiceDocument)
                        .where(InvoiceDocument.invoice_id == row["invoice_id"], InvoiceDocument.state == row["state"])
                        .values(sha256=row["sha256"], pdf=row["pdf"], rendered_at=now)
                    )
            uow.commit()
        return {document.number: kept.get(document.number, document.pdf) for document in rendered}

    def in_period(self, actor: Actor, since: datetime | None, until: datetime | None) -> list[InvoiceView]:
        """Every invoice and credit note issued in [since, until), oldest first, whole (for exports); a missing
        bound leaves the period open on that side."""
        _require_reader(actor)
        with UnitOfWork(self._db, write=False) as uow:
            query = select(Invoice)
            if since is not None:
                query = query.where(Invoice.issued_at >= since)
            if until is not None:
                query = query.where(Invoice.issued_at < until)
            loaded = query.options(selectinload(Invoice.lines), selectinload(Invoice.payments))
            rows = list(uow.session.scalars(loaded.order_by(Invoice.issued_at, Invoice.id)))
            today = self._clock().date()
            return [
                view
                for start in range(0, len(rows), VIEWS_PER_BATCH)
                for view in _views(uow.session, rows[start : start + VIEWS_PER_BATCH], today)
            ]


def _require_reader(actor: Actor) -> None:
    if not (actor.can(Permission.VIEW_ACCOUNTS) or actor.can(Permission.ISSUE_INVOICES)):
        actor.require(Permission.VIEW_ACCOUNTS)


def _language(language: str | None, shop: ShopSettings) -> str:
    lang = language or shop.invoicing.language
    if lang not in INVOICE_LANGUAGES:
        raise ValidationError(f"Invoices are printed in {' or '.join(INVOICE_LANGUAGES)}.", field="language")
    return lang


def _seller(shop: ShopSettings) -> dict[str, str]:
    return {
        "name": shop.shop_name,
        "address": shop.shop_address,
        "vat_number": shop.shop_vat_number,
        "company_number": shop.shop_company_number,
        "email": shop.shop_email,
        "phone": shop.shop_phone,
        "legal_mentions": shop.legal_mentions,
    }


def _refuse_second_invoice(session: Session, condition: Any, what: str) -> None:
    existing = session.scalar(select(Invoice.number).where(condition, Invoice.kind == InvoiceKind.INVOICE.value))
    if existing is not None:
        raise Conflict(f"{what} is invoiced already: {existing}. Reprint it, or issue a credit note to correct it.")


def _customer(
    session: Session, given: CustomerDetails | None, customer_id: int | None
) -> tuple[CustomerDetails, int | None]:
    if given is not None:
        return _clean_details(given), customer_id
    if customer_id is None:
        raise ValidationError("An invoice needs the customer's name (and address).", field="customer")
    row = session.get(Customer, customer_id)
    if row is None:
        raise NotFound(f"No customer {customer_id}.")
    details = CustomerDetails(row.name, row.address, row.email, row.vat_number, row.company_number)
    return _clean_details(details), row.id


def _clean_details(details: CustomerDetails) -> CustomerDetails:
    email = clean_text(details.email, "customer email", max_length=254, required=False)
    if email and not EMAIL_PATTERN.match(email):
        raise ValidationError(
            f"'{email}' is not an email address such as name@example.com: correct it, or leave it empty.",
            field="customer email",
        )
    return CustomerDetails(
        name=clean_text(details.name, "customer name", max_length=200),
        address=clean_text(details.address, "customer address", max_length=1000, required=False),
        email=email,
        vat_number=clean_text(details.vat_number, "customer VAT number", max_length=40, required=False),
        company_number=clean_text(details.company_number, "customer company number", max_length=40, required=False),
    )


def _details_of(invoice: Invoice) -> CustomerDetails:
    return CustomerDetails(
        invoice.customer_name,
        invoice.customer_address,
        invoice.customer_email,
        invoice.customer_vat_number,
        invoice.customer_company_number,
    )


def _descriptions(session: Session, sku_ids: set[int]) -> dict[int, tuple[str, str]]:
    rows = session.execute(
        select(Sku.id, Sku.code, Sku.size, Sku.properties, Product.name)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.id.in_(sku_ids))
    )
    return {
        sku_id: (code, f"{name} {rules.variant_label(size, properties)}".strip())
        for sku_id, code, size, properties, name in rows
    }


def _sale_drafts(session: Session, sale: Sale) -> list[DraftLine]:
    lines: list[SaleLine] = list(sale.lines)
    names = _descriptions(session, {line.sku_id for line in lines})
    return [
        DraftLine(
            sku=names[line.sku_id][0],
            description=names[line.sku_id][1],
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount=line.automatic_discount + line.line_discount + line.ticket_discount,
            gross=line.total,
            vat_rate=line.vat_rate,
        )
        for line in lines
    ]


def _order_drafts(session: Session, order: OnlineOrder) -> list[DraftLine]:
    lines: list[OnlineOrderLine] = list(order.lines)
    names = _descriptions(session, {line.sku_id for line in lines})
    cur = currency(order.currency)
    return [
        DraftLine(
            sku=names[line.sku_id][0],
            description=names[line.sku_id][1],
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount=Decimal(0),
            gross=cur.round(line.unit_price * line.quantity),
            vat_rate=line.vat_rate,
        )
        for line in lines
    ]


def _credit_drafts(
    session: Session, original: Invoice, asked: Sequence[tuple[int, int]] | None, cur: Currency
) -> tuple[list[DraftLine], list[int | None]]:
    credited = _credited_so_far(session, original)
    by_position = {line.position: line for line in original.lines}
    if asked is None:
        wanted = {p: line.quantity - credited.get(line.id, (0, Decimal(0)))[0] for p, line in by_position.items()}
        wanted = {p: q for p, q in wanted.items() if q > 0}
        if not wanted:
            raise ValidationError(f"{original.number} is credited in full already.", field="lines")
    else:
        wanted = {}
        for item in asked:
            if not isinstance(item, tuple | list) or len(item) != 2:
                raise ValidationError(f"Each line is a position and a quantity (got {item!r}).", field="lines")
            wanted[int(item[0])] = wanted.get(int(item[0]), 0) + parse_quantity(item[1])
        if not wanted:
            raise ValidationError("Choose at least one line to credit.", field="lines")
    problems, drafts, sources = [], [], []
    for position, quantity in sorted(wanted.items()):
        line = by_position.get(position)
        if line is None:
            problems.append(f"{original.number} has no line {position}")
            continue
        done_quantity, done_gross = credited.get(line.id, (0, Decimal(0)))
        if quantity > line.quantity - done_quantity:
            problems.append(
                f"line {position} ({line.sku}): {line.quantity} invoiced, {done_quantity} credited, {quantity} asked"
            )
            continue
        last = done_quantity + quantity == line.quantity  # the last units take what is left: no drift
        gross = line.gross - done_gross if last else cur.round(line.gross * quantity / line.quantity)
        discount = cur.round(line.discount * quantity / line.quantity)
        drafts.append(
            DraftLine(line.sku, line.description, -quantity, line.unit_price, -discount, -gross, line.vat_rate)
        )
        sources.append(line.id)
    if problems:
        raise ValidationError("Cannot credit: " + "; ".join(problems) + ".", field="lines")
    return drafts, sources


def _credited_so_far(session: Session, original: Invoice) -> dict[int, tuple[int, Decimal]]:
    """Per line id of the invoice: the quantity and the amount its credit notes took back (positive)."""
    return {
        line_id: (int(quantity), _stored(gross))
        for line_id, quantity, gross in session.execute(
            select(InvoiceLine.credited_line_id, -func.sum(InvoiceLine.quantity), -func.sum(InvoiceLine.gross))
            .where(InvoiceLine.credited_line_id.in_([line.id for line in original.lines]))
            .group_by(InvoiceLine.credited_line_id)
        )
    }


def _lines(totals: Totals, credited_lines: Sequence[int | None]) -> list[InvoiceLine]:
    sources = list(credited_lines) or [None] * len(totals.lines)
    return [
        InvoiceLine(
            position=position,
            sku=priced.draft.sku,
            description=priced.draft.description,
            quantity=priced.draft.quantity,
            unit_price=priced.draft.unit_price,
            discount=priced.draft.discount,
            net=priced.net,
            vat_rate=priced.draft.vat_rate,
            vat=priced.vat,
            gross=priced.draft.gross,
            credited_line_id=source,
        )
        for position, (priced, source) in enumerate(zip(totals.lines, sources, strict=True), start=1)
    ]


def _invoice(session: Session, number: str, *, lock: bool = False) -> Invoice:
    query = select(Invoice).where(Invoice.number == str(number).strip())
    invoice = session.scalar(query.with_for_update() if lock else query)
    if invoice is None:
        raise NotFound(f"No invoice numbered '{number}'.")
    return invoice


def _number_and_state_in(states: Mapping[str, str]) -> ColumnElement[bool]:
    return tuple_(Invoice.number, InvoiceDocument.state).in_(list(states.items()))


def _kept_pdfs(session: Session, states: Mapping[str, str]) -> dict[str, bytes]:
    """The kept PDFs of the documents numbered as the keys of `states`, for the state given. A PDF whose bytes
    no longer match their digest is left out, so it gets rendered again."""
    if not states:
        return {}
    rows = session.execute(
        select(Invoice.number, InvoiceDocument.pdf, InvoiceDocument.sha256)
        .join(InvoiceDocument, InvoiceDocument.invoice_id == Invoice.id)
        .where(_number_and_state_in(states))
    )
    return {number: bytes(pdf) for number, pdf, digest in rows if pdf_digest(pdf) == digest}


def _insert(dialect: str) -> postgresql.Insert | sqlite.Insert:
    """INSERT with ON CONFLICT, in the dialect at hand (both have it, with the same API)."""
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(InvoiceDocument)


def _amounts_of(session: Session, invoice_ids: Sequence[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """What was paid on each invoice, and credited against it (positive), in two queries for the whole list."""
    paid = dict(
        session.execute(
            select(InvoicePayment.invoice_id, func.sum(InvoicePayment.amount))
            .where(InvoicePayment.invoice_id.in_(invoice_ids))
            .group_by(InvoicePayment.invoice_id)
        ).all()
    )
    credited = dict(
        session.execute(
            select(Invoice.credited_invoice_id, -func.sum(Invoice.gross))
            .where(Invoice.credited_invoice_id.in_(invoice_ids))
            .group_by(Invoice.credited_invoice_id)
        ).all()
    )
    return {i: (_stored(paid.get(i, 0)), _stored(credited.get(i, 0))) for i in invoice_ids}


def _stored(amount: object) -> Decimal:
    """A sum read back from the database, to the four decimals amounts are stored with."""
    return Decimal(str(amount or 0)).quantize(STORED_PLACES)


def _filtered(
    query: Select[Any],
    today: date,
    since: datetime | None,
    until: datetime | None,
    customer: str | None,
    series: str | None,
    status: InvoiceStatus | None,
    *,
    counting: bool = False,
) -> Select[Any]:
    if since is not None:
        query = query.where(Invoice.issued_at >= since)
    if until is not None:
        query = query.where(Invoice.issued_at < until)
    if customer and customer.strip():
        query = query.where(func.lower(Invoice.customer_name).contains(customer.strip().lower(), autoescape=True))
    if series and series.strip():
        query = query.where(Invoice.series == series.strip().upper())
    return query if status is None else _with_status(query, status, today, counting=counting)


def _with_status(query: Select[Any], status: InvoiceStatus, today: date, *, counting: bool) -> Select[Any]:
    """Only the documents showing `status`: `domain.invoice.invoice_status` as SQL, so that a status filter pages
    in the database. A page, newest first, sums each invoice's payments and credits as it goes, and stops once
    the page is full. Counting them all sums every payment and credit once, in two grouped subqueries: a sum per
    invoice made PostgreSQL take seconds over 30,000 of them."""
    if status is InvoiceStatus.CREDIT_NOTE:
        return query.where(Invoice.kind == InvoiceKind.CREDIT_NOTE.value)
    credit = aliased(Invoice)
    if counting:
        payments = (
            select(InvoicePayment.invoice_id, func.sum(InvoicePayment.amount).label("amount"))
            .group_by(InvoicePayment.invoice_id)
            .subquery()
        )
        credits = (
            select(credit.credited_invoice_id.label("invoice_id"), (-func.sum(credit.gross)).label("amount"))
            .where(credit.credited_invoice_id.is_not(None))
            .group_by(credit.credited_invoice_id)
            .subquery()
        )
        query = query.outerjoin(payments, payments.c.invoice_id == Invoice.id).outerjoin(
            credits, credits.c.invoice_id == Invoice.id
        )
        paid, credited = func.coalesce(payments.c.amount, 0), func.coalesce(credits.c.amount, 0)
    else:
        payment = aliased(InvoicePayment)
        paid = select(func.coalesce(func.sum(payment.amount), 0)).where(payment.invoice_id == Invoice.id)
        credited = select(func.coalesce(-func.sum(credit.gross), 0)).where(credit.credited_invoice_id == Invoice.id)
        paid, credited = paid.scalar_subquery(), credited.scalar_subquery()
    slack = literal(FLOAT_SLACK)
    in_full = and_(credited + slack >= Invoice.gross, Invoice.gross > 0)
    some_credited = credited > slack
    unpaid = and_(not_(some_credited), paid + slack < Invoice.gross)
    conditions: dict[InvoiceStatus, ColumnElement[bool]] = {
        InvoiceStatus.CREDITED: in_full,
        InvoiceStatus.PARTLY_CREDITED: and_(some_credited, not_(in_full)),
        InvoiceStatus.PAID: and_(not_(some_credited), paid + slack >= Invoice.gross),
        InvoiceStatus.OVERDUE: and_(unpaid, Invoice.due_on < today),
        InvoiceStatus.DUE: and_(unpaid, Invoice.due_on >= today),
    }
    return query.where(Invoice.kind == InvoiceKind.INVOICE.value, conditions[status])


def _history(session: Session, invoice: Invoice) -> tuple[InvoiceEntry, ...]:
    users = aliased(User)
    events = session.execute(
        select(InvoiceEvent.at, InvoiceEvent.kind, users.username)
        .outerjoin(users, users.id == InvoiceEvent.user_id)
        .where(InvoiceEvent.invoice_id == invoice.id)
    )
    credits = session.execute(
        select(Invoice.issued_at, Invoice.number, users.username)
        .outerjoin(users, users.id == Invoice.issued_by)
        .where(Invoice.credited_invoice_id == invoice.id)
    )
    issuer = session.scalar(select(User.username).where(User.id == invoice.issued_by))
    entries = [
        InvoiceEntry(invoice.issued_at, "issued", issuer or ""),
        *(InvoiceEntry(at, kind, user or "") for at, kind, user in events),
        *(InvoiceEntry(at, "credited", user or "", number) for at, number, user in credits),
    ]
    return tuple(sorted(entries, key=lambda entry: entry.at))


def _summaries(session: Session, invoices: Sequence[Invoice], today: date) -> list[InvoiceSummary]:
    amounts = _amounts_of(session, [invoice.id for invoice in invoices])
    return [_summary(invoice, *amounts[invoice.id], today) for invoice in invoices]


def _summary(invoice: Invoice, paid: Decimal, credited: Decimal, today: date) -> InvoiceSummary:
    kind = InvoiceKind(invoice.kind)
    return InvoiceSummary(
        number=invoice.number,
        kind=kind,
        issued_at=invoice.issued_at,
        customer=invoice.customer_name,
        net=invoice.net,
        vat=invoice.vat,
        gross=invoice.gross,
        currency=invoice.currency,
        status=invoice_status(kind, invoice.gross, paid, credited, invoice.due_on, today),
    )


def _view(session: Session, invoice: Invoice, today: date) -> InvoiceView:
    return _views(session, [invoice], today)[0]


@dataclass(frozen=True)
class _Related:
    """What the views of a list of invoices read besides the invoices themselves, a query per kind for the list."""

    amounts: dict[int, tuple[Decimal, Decimal]]
    issuers: dict[int, str]
    sales: dict[int, Row[Any]]  # number, at
    orders: dict[int, Row[Any]]  # number, paid_at
    numbers: dict[int, str]  # of the invoices that credit notes correct
    credit_notes: dict[int, list[str]]


def _related(session: Session, invoices: Sequence[Invoice]) -> _Related:
    ids = [invoice.id for invoice in invoices]
    credit_notes: dict[int, list[str]] = {}
    for credited, number in session.execute(
        select(Invoice.credited_invoice_id, Invoice.number)
        .where(Invoice.credited_invoice_id.in_(ids))
        .order_by(Invoice.id)
    ):
        credit_notes.setdefault(credited, []).append(number)
    issuers = _rows_by_id(session, select(User.id, User.username), (i.issued_by for i in invoices))
    numbers = _rows_by_id(session, select(Invoice.id, Invoice.number), (i.credited_invoice_id for i in invoices))
    return _Related(
        amounts=_amounts_of(session, ids),
        issuers={user_id: row.username for user_id, row in issuers.items()},
        sales=_rows_by_id(session, select(Sale.id, Sale.number, Sale.at), (i.sale_id for i in invoices)),
        orders=_rows_by_id(
            session,
            select(OnlineOrder.id, OnlineOrder.number, OnlineOrder.paid_at),
            (i.online_order_id for i in invoices),
        ),
        numbers={invoice_id: row.number for invoice_id, row in numbers.items()},
        credit_notes=credit_notes,
    )


def _rows_by_id(session: Session, query: Select[Any], ids: Iterable[int | None]) -> dict[int, Row[Any]]:
    """The rows of `query` whose first column is one of `ids`, by that column."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {row[0]: row for row in session.execute(query.where(query.selected_columns[0].in_(wanted)))}


def _views(session: Session, invoices: Sequence[Invoice], today: date) -> list[InvoiceView]:
    """The views of `invoices` (their lines and payments loaded, or loaded one invoice at a time)."""
    related = _related(session, invoices)
    return [_view_of(invoice, related, today) for invoice in invoices]


def _view_of(invoice: Invoice, related: _Related, today: date) -> InvoiceView:
    cur = currency(invoice.currency)
    paid, credited = related.amounts[invoice.id]
    kind = InvoiceKind(invoice.kind)
    lines = tuple(
        InvoiceLineView(
            line.position,
            line.sku,
            line.description,
            line.quantity,
            cur.round(line.unit_price),
            cur.round(line.discount),
            cur.round(line.net),
            line.vat_rate,
            cur.round(line.vat),
            cur.round(line.gross),
        )
        for line in invoice.lines
    )
    per_rate: dict[Decimal, list[Decimal]] = {}
    for line in lines:
        sums = per_rate.setdefault(line.vat_rate, [Decimal(0), Decimal(0), Decimal(0)])
        sums[0] += line.gross
        sums[1] += line.net
        sums[2] += line.vat
    sale = related.sales.get(invoice.sale_id)
    order = related.orders.get(invoice.online_order_id)
    delivered = (sale.at if sale else None) or (order.paid_at if order else None) or invoice.issued_at
    return InvoiceView(
        number=invoice.number,
        kind=kind,
        series=invoice.series,
        issued_at=invoice.issued_at,
        due_on=invoice.due_on,
        delivered_on=delivered.date(),
        issued_by=related.issuers.get(invoice.issued_by, ""),
        language=invoice.language,
        currency=invoice.currency,
        customer=_details_of(invoice),
        customer_id=invoice.customer_id,
        seller=dict(invoice.seller),
        lines=lines,
        vat_breakdown=tuple(
            VatSplit(rate=rate, gross=sums[0], net=sums[1], vat=sums[2]) for rate, sums in sorted(per_rate.items())
        ),
        net=cur.round(invoice.net),
        vat=cur.round(invoice.vat),
        gross=cur.round(invoice.gross),
        payments=tuple(InvoicePaymentView(p.method, cur.round(p.amount), p.reference) for p in invoice.payments),
        paid=cur.round(paid),
        credited=cur.round(credited),
        status=invoice_status(kind, invoice.gross, paid, credited, invoice.due_on, today),
        reason=invoice.reason,
        sale_number=sale.number if sale else None,
        order_number=order.number if order else None,
        credits_invoice=related.numbers.get(invoice.credited_invoice_id),
        credit_notes=tuple(related.credit_notes.get(invoice.id, ())),
    )
