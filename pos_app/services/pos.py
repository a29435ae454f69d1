"""Selling at the counter: tills, sales, refunds, cash in and out, X and Z reports.

A sale commits in one transaction: lines, payments, stock movements, the journal entry and its number.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, Select, bindparam, cast, exists, func, insert, null, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.engine import Database
from pos_app.db.locks import lock_stock_and_holds
from pos_app.db.models import Booking as BookingRow
from pos_app.db.models import (
    CashMovement,
    CashSession,
    Customer,
    DrawerOpening,
    JournalEntry,
    ParkedTicket,
    Partner,
    Product,
    Promotion,
    Refund,
    RefundLine,
    Register,
    Sale,
    SaleLine,
    SalePayment,
    Sku,
    User,
    VoidedTicket,
    promotion_categories,
    promotion_products,
)
from pos_app.db.sequences import next_number
from pos_app.domain import catalogue as rules
from pos_app.domain import promotions
from pos_app.domain.money import Currency, parse_amount
from pos_app.domain.roles import MAX_DISCOUNT_PERCENT, ROLE_LABELS, Actor, Permission
from pos_app.domain.sale import (
    NEEDS_REFERENCE,
    PaymentMethod,
    PricedTicket,
    Tender,
    TicketLine,
    parse_percent,
    price_ticket,
    settle,
)
from pos_app.domain.stock import MovementKind, parse_quantity
from pos_app.domain.text import clean_text
from pos_app.domain.vat import VatSplit, vat_breakdown
from pos_app.errors import (
    Conflict,
    InsufficientStock,
    NotFound,
    PermissionDenied,
    Shortfall,
    TillClosed,
    ValidationError,
)
from pos_app.services import journal
from pos_app.services.bookings import COUNTER_REFUND_ENTRY
from pos_app.services.settings import read_currency, read_settings
from pos_app.services.stock_records import write_movement, write_movements
from pos_app.services.unit_of_work import Clock, UnitOfWork

MAX_LINES = 200


_INSERT_SALE = insert(Sale.__table__).returning(Sale.__table__.c.id)
_INSERT_SALE_LINES = insert(SaleLine.__table__)
_INSERT_SALE_PAYMENTS = insert(SalePayment.__table__)
_SKUS_T = Sku.__table__
_PRODUCTS_T = Product.__table__
_FIND_SKUS = (
    select(
        _SKUS_T.c.id,
        _SKUS_T.c.code,
        _SKUS_T.c.barcode,
        _PRODUCTS_T.c.name,
        _PRODUCTS_T.c.price,
        _PRODUCTS_T.c.promo_price,
        _SKUS_T.c.price_override,
        _PRODUCTS_T.c.vat_rate,
        _SKUS_T.c.active,
        _PRODUCTS_T.c.active,
        _PRODUCTS_T.c.id,
        _PRODUCTS_T.c.category_id,
    )
    .join(_PRODUCTS_T, _PRODUCTS_T.c.id == _SKUS_T.c.product_id)
    .where(
        _SKUS_T.c.code.in_(bindparam("codes", expanding=True))
        | _SKUS_T.c.barcode.in_(bindparam("barcodes", expanding=True))
    )
)
_REGISTER_CODE = select(Register.__table__.c.code).where(Register.__table__.c.id == bindparam("register_id"))
_OPEN_TILL_OF_CODE = (
    select(CashSession.__table__.c.id, Register.__table__.c.id, Register.__table__.c.code)
    .join(CashSession.__table__, CashSession.__table__.c.open_register_id == Register.__table__.c.id)
    .where(Register.__table__.c.code == bindparam("code"), Register.__table__.c.active.is_(True))
)
_REGISTER_BY_CODE = select(Register).where(Register.code == bindparam("code"))
_OPEN_TILL = select(CashSession).where(
    CashSession.open_register_id.is_not(None), CashSession.register_id == bindparam("register_id")
)
_OPEN_TILL_LOCKED = _OPEN_TILL.with_for_update()


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    discount: Decimal  # everything taken off the line, the automatic discount included
    total: Decimal
    vat_rate: Decimal
    automatic_discount: Decimal = Decimal(0)  # promotion and partner discount, as `discount_label` says
    discount_label: str = ""


@dataclass(frozen=True)
class SaleReceipt:
    number: str
    register: str
    at: datetime
    cashier: str
    currency: str
    lines: tuple[ReceiptLine, ...]
    gross: Decimal
    discount: Decimal
    total: Decimal
    vat: tuple[VatSplit, ...]
    payments: tuple[Tender, ...]
    change_due: Decimal
    journal_signature: str
    customer_id: int | None = None
    customer: str | None = None  # the customer's name


@dataclass(frozen=True)
class RefundReceipt:
    number: str
    sale_number: str
    total: Decimal
    method: PaymentMethod
    lines: tuple[tuple[str, int, Decimal], ...]


@dataclass(frozen=True)
class TillSession:
    id: int
    register: str
    opened_at: datetime
    opening_float: Decimal
    closed_at: datetime | None


@dataclass(frozen=True)
class TillReport:
    """X report (the till still open) or Z report (at close)."""

    register: str
    session_id: int
    opened_at: datetime
    closed_at: datetime | None
    currency: str
    sales_count: int
    sales_total: Decimal
    discounts: Decimal
    refunds_count: int
    refunds_total: Decimal
    by_method: dict[str, Decimal]  # what each method took in, refunds deducted
    vat: tuple[VatSplit, ...]
    cash_in: Decimal
    cash_out: Decimal
    opening_float: Decimal
    expected_cash: Decimal | None  # None when a blind close hides it from the cashier
    counted_cash: Decimal | None
    voided_count: int = 0
    voided_total: Decimal = Decimal(0)
    drawer_openings: int = 0  # without a sale
    opened_by: str = ""
    # Of the sales above: seats of time slots sold at this till (their cancellations are among the refunds).
    bookings_count: int = 0
    bookings_total: Decimal = Decimal(0)

    @property
    def variance(self) -> Decimal | None:
        if self.counted_cash is None or self.expected_cash is None:
            return None
        return self.counted_cash - self.expected_cash

    def blind(self) -> TillReport:
        """The report as a blind close shows it to the cashier: nothing that tells what the drawer should hold."""
        return replace(
            self,
            expected_cash=None,
            by_method={method: amount for method, amount in self.by_method.items() if method != "cash"},
        )


class POSService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ----- tills -------------------------------------------------------------------------------

    def open_session(self, actor: Actor, register: str, opening_float: Decimal) -> TillSession:
        """Open the till of `register` with the counted float. Raises TillClosed if it is already open."""
        actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=True) as uow:
            row = _register(uow.session, register)
            cur = read_settings(uow.session).currency
            amount = cur.round(parse_amount(opening_float, "opening float"))
            now = self._clock()
            till = CashSession(
                register_id=row.id,
                opened_by=actor.user_id,
                opened_at=now,
                opening_float=amount,
                open_register_id=row.id,
            )
            uow.session.add(till)
            code = row.code
            try:
                uow.session.flush()
            except IntegrityError:
                raise TillClosed(f"The till of {code} is already open; close it before opening it again.") from None
            journal.append(uow.session, row.id, "till_open", Decimal(0), {"float": str(amount)}, now)
            uow.commit()
            return TillSession(till.id, row.code, now, amount, None)

    def cash_movement(self, actor: Actor, amount: Decimal, reason: str, register: str | None = None) -> None:
        """Cash put in (positive) or taken out (negative) of the drawer, with a reason; journaled."""
        actor.require(Permission.SELL)
        why = clean_text(reason, "reason", max_length=500)
        if isinstance(amount, bool | float) or not isinstance(amount, Decimal | int | str):
            raise ValidationError("amount must be a decimal amount.", field="amount")
        signed = Decimal(str(amount))
        if signed == 0 or not signed.is_finite():
            raise ValidationError("A cash movement needs an amount other than zero.", field="amount")
        parse_amount(abs(signed), "amount")
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register)
            cur = read_settings(uow.session).currency
            signed = cur.round(signed)
            expected_cash = _report(uow.session, till, cur).expected_cash
            assert expected_cash is not None
            if signed < 0 and -signed > expected_cash:
                raise ValidationError("There is not that much cash in the drawer.", field="amount")
            now = self._clock()
            uow.session.add(CashMovement(session_id=till.id, user_id=actor.user_id, at=now, amount=signed, reason=why))
            kind = "cash_in" if signed > 0 else "cash_out"
            journal.append(uow.session, till.register_id, kind, Decimal(0), {"cash": str(signed), "reason": why}, now)
            uow.commit()

    def x_report(self, actor: Actor, register: str | None = None) -> TillReport:
        """Figures of the open till so far (without the cash figures for a cashier when closes are blind)."""
        actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=False) as uow:
            till = _open_till(uow.session, actor, register)
            shop = read_settings(uow.session)
            return _as_seen_by(actor, shop.blind_close, _report(uow.session, till, shop.currency))

    def open_drawer(self, actor: Actor, reason: str, register: str | None = None) -> None:
        """Record that the cash drawer was opened without a sale; the Z report counts these openings."""
        actor.require(Permission.SELL)
        why = clean_text(reason, "reason", max_length=500)
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register)
            now = self._clock()
            uow.session.add(DrawerOpening(session_id=till.id, user_id=actor.user_id, at=now, reason=why))
            journal.append(uow.session, till.register_id, "drawer_open", Decimal(0), {"reason": why}, now)
            uow.commit()

    def void_ticket(
        self,
        actor: Actor,
        lines: Sequence[tuple[Any, ...]],
        reason: str,
        *,
        customer_id: int | None = None,
        ticket_discount_percent: Decimal = Decimal(0),
        register: str | None = None,
    ) -> Decimal:
        """Record a ticket abandoned before payment, with the value checkout would have charged for it now;
        returns that value. Nothing is sold and no stock moves; the Z report counts voids."""
        actor.require(Permission.SELL)
        wanted = _parse_sale_lines(lines)
        ticket_discount = parse_percent(ticket_discount_percent, "ticket discount")
        why = clean_text(reason, "reason", max_length=500)
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register)
            cur = read_settings(uow.session).currency
            found = _find_skus(uow.session, [code for code, _, _ in wanted])
            now = self._clock()
            customer = _ticket_customer(uow.session, customer_id)
            ticket = _priced(uow.session, found, wanted, customer, ticket_discount, now, cur)
            uow.session.add(
                VoidedTicket(
                    session_id=till.id,
                    user_id=actor.user_id,
                    at=now,
                    lines_count=len(wanted),
                    total=ticket.total,
                    reason=why,
                )
            )
            payload = {"lines": [[p.sku, p.quantity, str(p.total)] for p in ticket.lines], "reason": why}
            journal.append(uow.session, till.register_id, "void", Decimal(0), payload, now)
            uow.commit()
            return ticket.total

    def close_session(self, actor: Actor, counted_cash: Decimal, register: str | None = None) -> TillReport:
        """Close the till with the cash counted in the drawer; returns the Z report with the variance (which
        a blind close keeps from the cashier)."""
        actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register, lock=True)
            shop = read_settings(uow.session)
            cur = shop.currency
            counted = cur.round(parse_amount(counted_cash, "counted cash"))
            now = self._clock()
            report = _report(uow.session, till, cur)
            till.closed_at = now
            till.closed_by = actor.user_id
            till.counted_cash = counted
            till.expected_cash = report.expected_cash
            till.open_register_id = None
            journal.append(
                uow.session,
                till.register_id,
                "till_close",
                Decimal(0),
                {
                    "session": till.id,
                    "sales": report.sales_count,
                    "sales_total": str(report.sales_total),
                    "refunds_total": str(report.refunds_total),
                    "expected_cash": str(report.expected_cash),
                    "counted_cash": str(counted),
                    "voided": report.voided_count,
                    "drawer_openings": report.drawer_openings,
                },
                now,
            )
            uow.commit()
            closed = replace(report, closed_at=now, counted_cash=counted)  # nothing else changed since
            return _as_seen_by(actor, shop.blind_close, closed)

    def z_report(self, actor: Actor, session_id: int) -> TillReport:
        """The report of a past (or current) till session."""
        if not actor.can(Permission.VIEW_ACCOUNTS):
            actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=False) as uow:
            till = uow.session.get(CashSession, session_id)
            if till is None:
                raise NotFound(f"No till session {session_id}.")
            shop = read_settings(uow.session)
            return _as_seen_by(actor, shop.blind_close, _report(uow.session, till, shop.currency))

    def sessions(self, actor: Actor, register: str | None = None, limit: int = 50) -> list[TillSession]:
        """The latest till sessions, newest first, to find a past Z report."""
        if not actor.can(Permission.VIEW_ACCOUNTS):
            actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=False) as uow:
            query = (
                select(CashSession, Register.code)
                .join(Register, Register.id == CashSession.register_id)
                .order_by(CashSession.opened_at.desc(), CashSession.id.desc())
                .limit(max(1, min(limit, 1000)))
            )
            if register is not None:
                query = query.where(Register.id == _register(uow.session, register).id)
            return [
                TillSession(t.id, code, t.opened_at, t.opening_float, t.closed_at)
                for t, code in uow.session.execute(query).all()
            ]

    # ----- selling -----------------------------------------------------------------------------

    def checkout(
        self,
        actor: Actor,
        lines: Sequence[tuple[Any, ...]],
        payments: Sequence[tuple[Any, ...]],
        customer_id: int | None = None,
        *,
        ticket_discount_percent: Decimal = Decimal(0),
        register: str | None = None,
    ) -> SaleReceipt:
        """Sell `lines` — (sku or barcode, quantity[, discount percent]) — paid by `payments` —
        (method, amount[, reference]).

        The promotions running now and the customer's partner discount apply by themselves, before the
        cashier's discounts; the role's discount limit bounds only what the cashier gives.

        Raises PermissionDenied (role or discount above its limit), TillClosed, NotFound (every unknown
        code; an unknown or inactive customer), InsufficientStock (every short line), PaymentMismatch,
        ValidationError. Lines, payments, stock movements, the journal entry and the sale number commit
        together or not at all.
        """
        actor.require(Permission.SELL)
        wanted = _parse_sale_lines(lines)
        ticket_discount = parse_percent(ticket_discount_percent, "ticket discount")
        _check_discount_limit(actor, [d for _, _, d in wanted] + [ticket_discount])
        tenders = _parse_payments(payments)
        if customer_id is not None and (isinstance(customer_id, bool) or not isinstance(customer_id, int)):
            raise ValidationError(f"customer_id must be a customer's id (got {customer_id!r}).", field="customer_id")
        with UnitOfWork(self._db, write=True) as uow:
            till = _selling_till(uow.session, actor, register)
            cur = read_currency(uow.session)
            customer = _ticket_customer(uow.session, customer_id)
            found = _find_skus(uow.session, [code for code, _, _ in wanted])
            now = self._clock()
            units: dict[int, int] = defaultdict(int)
            for code, quantity, _ in wanted:
                units[found[code].id] += quantity
            levels = lock_stock_and_holds(uow.session, units, now)
            short = [
                Shortfall(found_code, units[sku_id], max(levels[sku_id][0] - levels[sku_id][1], 0))
                for sku_id, found_code in {f.id: f.code for f in found.values()}.items()
                if levels[sku_id][0] - levels[sku_id][1] < units[sku_id]
            ]
            if short:
                raise InsufficientStock(short)
            ticket = _priced(uow.session, found, wanted, customer, ticket_discount, now, cur)
            settlement = settle(
                ticket.total, [Tender(t.method, cur.round(t.amount), t.reference) for t in tenders], cur
            )
            # A Core read: the Register row loaded by _open_till is gone from the identity map (it holds weak
            # references), so Session.get would run a full ORM load again.
            register_code = till.register_code
            number = f"{register_code}-{now.year}-{next_number(uow.session, f'S-{register_code}', now.year):06d}"
            _write_sale(
                uow.session,
                till,
                actor,
                customer_id,
                number,
                now,
                cur,
                ticket,
                found,
                wanted,
                ticket_discount,
                settlement.change_due,
                settlement.tenders,
            )
            write_movements(
                uow.session,
                [(sku_id, levels[sku_id][0], -quantity) for sku_id, quantity in units.items()],
                MovementKind.SALE,
                "Counter sale",
                number,
                actor.user_id,
                now,
            )
            entry = journal.append(
                uow.session,
                till.register_id,
                "sale",
                ticket.total,
                _sale_payload(number, ticket, settlement.tenders, customer.name),
                now,
            )
            uow.commit()
            return SaleReceipt(
                number=number,
                register=register_code,
                at=now,
                cashier=actor.username,
                currency=cur.code,
                lines=tuple(
                    ReceiptLine(
                        p.sku,
                        found[code].name,
                        p.quantity,
                        p.unit_price,
                        p.discount,
                        p.total,
                        p.vat_rate,
                        p.automatic_discount,
                        p.discount_label,
                    )
                    for p, (code, _, _) in zip(ticket.lines, wanted, strict=True)
                ),
                gross=ticket.gross,
                discount=ticket.discount,
                total=ticket.total,
                vat=ticket.vat,
                payments=settlement.tenders,
                change_due=settlement.change_due,
                journal_signature=entry.signature,
                customer_id=customer_id,
                customer=customer.name,
            )

    def refund(
        self,
        actor: Actor,
        sale_number: str,
        lines: Sequence[tuple[str, int]],
        method: str,
        *,
        restock: bool = True,
        reason: str = "Customer return",
        register: str | None = None,
    ) -> RefundReceipt:
        """Refund units of a past sale, never more than sold minus already refunded. The units go back to
        stock (`return`), or are written off (`return` then `loss`) when `restock` is False."""
        actor.require(Permission.SELL)
        how = _parse_method(method)
        why = clean_text(reason, "reason", max_length=500)
        asked = _merge_refund_lines(lines)
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register)
            cur = read_settings(uow.session).currency
            sale = uow.session.scalar(select(Sale).where(Sale.number == str(sale_number).strip()).with_for_update())
            if sale is None:
                raise NotFound(f"No sale numbered '{sale_number}'. Check the number on the receipt.")
            plan = _plan_refund(uow.session, sale, asked, cur)
            now = self._clock()
            register_row = uow.session.get(Register, till.register_id)
            assert register_row is not None
            number = (
                f"{register_row.code}-R-{now.year}-{next_number(uow.session, f'R-{register_row.code}', now.year):06d}"
            )
            total = sum((amount for _, _, _, amount in plan), Decimal(0))
            refund = Refund(
                number=number,
                sale_id=sale.id,
                register_id=till.register_id,
                session_id=till.id,
                cashier_id=actor.user_id,
                at=now,
                method=how.value,
                total=total,
                reason=why,
            )
            uow.session.add(refund)
            uow.session.flush()
            levels = lock_stock_and_holds(uow.session, {line.sku_id for line, _, _, _ in plan}, now)
            on_hand = {sku_id: level[0] for sku_id, level in levels.items()}
            for line, _code, quantity, amount in plan:
                uow.session.add(
                    RefundLine(
                        refund_id=refund.id, sale_line_id=line.id, quantity=quantity, amount=amount, restocked=restock
                    )
                )
                write_movement(
                    uow.session,
                    line.sku_id,
                    on_hand[line.sku_id],
                    quantity,
                    MovementKind.RETURN,
                    why,
                    number,
                    actor.user_id,
                    now,
                )
                on_hand[line.sku_id] += quantity
                if not restock:
                    write_movement(
                        uow.session,
                        line.sku_id,
                        on_hand[line.sku_id],
                        -quantity,
                        MovementKind.LOSS,
                        f"Returned unsellable: {why}",
                        number,
                        actor.user_id,
                        now,
                    )
                    on_hand[line.sku_id] -= quantity
            journal.append(
                uow.session,
                till.register_id,
                "refund",
                -total,
                {
                    "number": number,
                    "sale": sale.number,
                    "method": how.value,
                    "total": str(total),
                    "lines": [[code, q, str(a)] for _, code, q, a in plan],
                },
                now,
            )
            uow.commit()
            return RefundReceipt(number, sale.number, total, how, tuple((code, q, a) for _, code, q, a in plan))

    # ----- parked tickets ----------------------------------------------------------------------

    def park(
        self,
        actor: Actor,
        lines: Sequence[tuple[Any, ...]],
        *,
        customer_id: int | None = None,
        ticket_discount_percent: Decimal = Decimal(0),
        label: str = "",
        register: str | None = None,
    ) -> ParkedTicketView:
        """Put a ticket aside at this register, to resume it there later. No stock moves; the lines are
        checked again when the resumed ticket is paid."""
        actor.require(Permission.SELL)
        wanted = _parse_sale_lines(lines)
        ticket_discount = parse_percent(ticket_discount_percent, "ticket discount")
        _check_discount_limit(actor, [d for _, _, d in wanted] + [ticket_discount])
        name = clean_text(label, "label", max_length=100, required=False)
        with UnitOfWork(self._db, write=True) as uow:
            till = _open_till(uow.session, actor, register)
            found = _find_skus(uow.session, [code for code, _, _ in wanted])
            if customer_id is not None and uow.session.get(Customer, customer_id) is None:
                raise NotFound(f"No customer {customer_id}.")
            row = ParkedTicket(
                register_id=till.register_id,
                parked_by=actor.user_id,
                parked_at=self._clock(),
                label=name,
                customer_id=customer_id,
                ticket_discount_percent=ticket_discount,
                lines=[[found[code].code, quantity, str(discount)] for code, quantity, discount in wanted],
            )
            uow.session.add(row)
            uow.session.flush()
            view = _parked_view(uow.session, row)
            uow.commit()
            return view

    def parked(self, actor: Actor, register: str | None = None) -> list[ParkedTicketView]:
        """The tickets parked at this register, oldest first."""
        actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=False) as uow:
            register_id = _till_register_id(uow.session, actor, register)
            rows = uow.session.scalars(
                select(ParkedTicket).where(ParkedTicket.register_id == register_id).order_by(ParkedTicket.id)
            )
            return [_parked_view(uow.session, row) for row in rows]

    def resume(self, actor: Actor, ticket_id: int, register: str | None = None) -> ParkedTicketView:
        """Take a parked ticket back onto the register, where it was parked. Two cashiers cannot both resume
        the same ticket: the second gets NotFound."""
        actor.require(Permission.SELL)
        with UnitOfWork(self._db, write=True) as uow:
            register_id = _till_register_id(uow.session, actor, register)
            row = uow.session.scalar(select(ParkedTicket).where(ParkedTicket.id == ticket_id).with_for_update())
            if row is None:
                raise NotFound(f"No parked ticket {ticket_id}: it was resumed or discarded already.")
            if row.register_id != register_id:
                where = uow.session.get(Register, row.register_id)
                raise ValidationError(
                    f"Ticket {ticket_id} was parked at {where.code if where else '?'}: resume it there.",
                    field="register",
                )
            view = _parked_view(uow.session, row)
            uow.session.delete(row)
            uow.commit()
            return view

    def sales(self, actor: Actor, day: date, register: str | None = None) -> list[PastSale]:
        """The sales of `day`, newest first, each with its lines and what was already refunded of them: to find
        a sale to refund by its date. The day runs from midnight to midnight in this machine's time zone, as
        receipts print their times. Raises PermissionDenied, ValidationError (not a date), NotFound (register)."""
        if not actor.can(Permission.VIEW_ACCOUNTS):
            actor.require(Permission.SELL)
        if not isinstance(day, date) or isinstance(day, datetime):
            raise ValidationError(f"day must be a date such as 2026-11-22 (got {day!r}).", field="day")
        midnight = datetime.combine(day, datetime.min.time())
        since, until = midnight.astimezone(), (midnight + timedelta(days=1)).astimezone()
        with UnitOfWork(self._db, write=False) as uow:
            of_the_day = select(Sale.id).where(Sale.at >= since, Sale.at < until)
            if register is not None:
                of_the_day = of_the_day.where(Sale.register_id == _register(uow.session, register).id)
            heads = uow.session.execute(
                select(
                    Sale.id,
                    Sale.number,
                    Sale.at,
                    Sale.currency,
                    Sale.total,
                    Register.code,
                    User.username,
                    Customer.name,
                )
                .join(Register, Register.id == Sale.register_id)
                .outerjoin(User, User.id == Sale.cashier_id)
                .outerjoin(Customer, Customer.id == Sale.customer_id)
                .where(Sale.id.in_(of_the_day))
                .order_by(Sale.at.desc(), Sale.id.desc())
            ).all()
            refunded = dict(
                uow.session.execute(
                    select(RefundLine.sale_line_id, func.sum(RefundLine.quantity))
                    .join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
                    .where(SaleLine.sale_id.in_(of_the_day))
                    .group_by(RefundLine.sale_line_id)
                ).all()
            )
            lines: dict[int, list[SoldLine]] = defaultdict(list)
            for line_id, sale_id, quantity, total, code, size, properties, name in uow.session.execute(
                select(
                    SaleLine.id,
                    SaleLine.sale_id,
                    SaleLine.quantity,
                    SaleLine.total,
                    Sku.code,
                    Sku.size,
                    Sku.properties,
                    Product.name,
                )
                .join(Sku, Sku.id == SaleLine.sku_id)
                .join(Product, Product.id == Sku.product_id)
                .where(SaleLine.sale_id.in_(of_the_day))
                .order_by(SaleLine.id)
            ):
                variant = rules.variant_label(size, properties or {})
                described = f"{name} {variant}" if variant else name
                lines[sale_id].append(SoldLine(code, described, quantity, int(refunded.get(line_id, 0)), total))
            methods: dict[int, list[str]] = defaultdict(list)
            for sale_id, method in uow.session.execute(
                select(SalePayment.sale_id, SalePayment.method)
                .where(SalePayment.sale_id.in_(of_the_day))
                .order_by(SalePayment.id)
            ):
                methods[sale_id].append(method)
            return [
                PastSale(
                    number=number,
                    register=code,
                    at=at,
                    cashier=cashier or "",
                    customer=customer,
                    currency=currency_code,
                    total=total,
                    payment_methods=tuple(methods[sale_id]),
                    lines=tuple(lines[sale_id]),
                )
                for sale_id, number, at, currency_code, total, code, cashier, customer in heads
            ]

    def price(
        self,
        actor: Actor,
        lines: Sequence[tuple[Any, ...]],
        customer_id: int | None = None,
        *,
        ticket_discount_percent: Decimal = Decimal(0),
    ) -> PricedTicket:
        """Price a ticket as checkout would sell it now (running promotions and the customer's partner
        discount, then the cashier's line and ticket discounts) without selling it: nothing is written, no
        stock is checked or locked and no till is needed. Each priced line names its SKU's code, also for a
        line given by barcode.

        Raises PermissionDenied (role or discount above its limit), NotFound (every unknown code; an unknown
        or inactive customer), ValidationError."""
        actor.require(Permission.SELL)
        wanted = _parse_sale_lines(lines)
        ticket_discount = parse_percent(ticket_discount_percent, "ticket discount")
        _check_discount_limit(actor, [d for _, _, d in wanted] + [ticket_discount])
        if customer_id is not None and (isinstance(customer_id, bool) or not isinstance(customer_id, int)):
            raise ValidationError(f"customer_id must be a customer's id (got {customer_id!r}).", field="customer_id")
        with UnitOfWork(self._db, write=False) as uow:
            cur = read_settings(uow.session).currency
            customer = _ticket_customer(uow.session, customer_id)
            found = _find_skus(uow.session, [code for code, _, _ in wanted])
            return _priced(uow.session, found, wanted, customer, ticket_discount, self._clock(), cur)

    def registers(self) -> list[tuple[str, str]]:
        """The registers a till can be opened on (active ones), as (code, name)."""
        with UnitOfWork(self._db, write=False) as uow:
            query = select(Register).where(Register.active.is_(True)).order_by(Register.code)
            return [(r.code, r.name) for r in uow.session.scalars(query)]

    def register_list(self, admin: Actor) -> list[RegisterInfo]:
        """Every register, deactivated ones included, with whether its till is open. Only an admin may."""
        admin.require(Permission.MANAGE_SETTINGS)
        till_open = select(CashSession.id).where(CashSession.open_register_id == Register.id).exists()
        query = select(Register.code, Register.name, Register.active, till_open).order_by(Register.code)
        with UnitOfWork(self._db, write=False) as uow:
            return [RegisterInfo(*row) for row in uow.session.execute(query)]

    def set_register_active(self, admin: Actor, code: str, active: bool) -> None:
        """Deactivate a register (no till opens on it any more; its sales and journal stay) or reactivate it.
        Raises PermissionDenied, NotFound, Conflict while its till is open."""
        admin.require(Permission.MANAGE_SETTINGS)
        with UnitOfWork(self._db, write=True) as uow:
            register = uow.session.scalar(select(Register).where(Register.code == str(code).strip().upper()))
            if register is None:
                raise NotFound(f"No register '{code}'.")
            till = uow.session.scalar(_OPEN_TILL, {"register_id": register.id})
            if not active and till is not None:
                raise Conflict(f"The till of {register.code} is open: close it first, then deactivate the register.")
            register.active = active
            uow.commit()

    def add_register(self, admin: Actor, code: str, name: str) -> None:
        """Add a counter. Raises PermissionDenied, ValidationError (also when the code is taken)."""
        admin.require(Permission.MANAGE_SETTINGS)
        register_code = clean_text(code, "register code", max_length=20).upper()
        with UnitOfWork(self._db, write=True) as uow:
            uow.session.add(Register(code=register_code, name=clean_text(name, "name", max_length=100)))
            try:
                uow.session.flush()
            except IntegrityError:
                raise ValidationError(f"A register {register_code} exists already.", field="code") from None
            uow.commit()


@dataclass(frozen=True)
class RegisterInfo:
    code: str
    name: str
    active: bool
    till_open: bool


@dataclass(frozen=True)
class SoldLine:
    sku: str
    name: str  # the product and its variant: "T-shirt M / Red"
    quantity: int
    refunded: int  # units of this line already refunded
    total: Decimal  # what the line was paid, after every discount

    @property
    def refundable(self) -> int:
        return self.quantity - self.refunded


@dataclass(frozen=True)
class PastSale:
    number: str
    register: str
    at: datetime
    cashier: str
    customer: str | None
    currency: str
    total: Decimal
    payment_methods: tuple[str, ...]  # PaymentMethod values, in the order paid
    lines: tuple[SoldLine, ...]


@dataclass(frozen=True)
class ParkedTicketView:
    id: int
    register: str
    parked_at: datetime
    parked_by: str
    label: str
    customer_id: int | None
    ticket_discount_percent: Decimal
    lines: tuple[tuple[str, int, Decimal], ...]  # sku, quantity, line discount percent


def _parked_view(session: Session, row: ParkedTicket) -> ParkedTicketView:
    register = session.get(Register, row.register_id)
    user = session.get(User, row.parked_by) if row.parked_by is not None else None
    return ParkedTicketView(
        id=row.id,
        register=register.code if register else "",
        parked_at=row.parked_at,
        parked_by=user.username if user else "",
        label=row.label,
        customer_id=row.customer_id,
        ticket_discount_percent=Decimal(row.ticket_discount_percent),
        lines=tuple((str(sku), int(quantity), Decimal(discount)) for sku, quantity, discount in row.lines),
    )


def _till_register_id(session: Session, actor: Actor, register: str | None) -> int:
    return _register(session, register).id if register is not None else _open_till(session, actor, None).register_id


@dataclass(frozen=True)
class _FoundSku:
    id: int
    code: str
    name: str
    unit_price: Decimal
    vat_rate: Decimal
    product_id: int
    category_id: int | None


def _parse_sale_lines(lines: Sequence[tuple[Any, ...]]) -> list[tuple[str, int, Decimal]]:
    if not lines:
        raise ValidationError("The ticket is empty: scan or add a product first.", field="lines")
    if len(lines) > MAX_LINES:
        raise ValidationError(f"A ticket has at most {MAX_LINES} lines.", field="lines")
    parsed = []
    for line in lines:
        if not isinstance(line, tuple | list) or len(line) not in (2, 3):
            raise ValidationError(f"Each line is a SKU or barcode and a quantity (got {line!r}).", field="lines")
        code = clean_text(line[0], "sku", max_length=64)
        quantity = parse_quantity(line[1])
        discount = parse_percent(line[2], "line discount") if len(line) == 3 else Decimal(0)
        parsed.append((code, quantity, discount))
    return parsed


def _check_discount_limit(actor: Actor, discounts: Sequence[Decimal]) -> None:
    limit = MAX_DISCOUNT_PERCENT[actor.role]
    largest = max(discounts, default=Decimal(0))
    if largest > limit:
        raise PermissionDenied(
            f"{actor.username} ({ROLE_LABELS[actor.role]}) may give at most {limit} % discount "
            f"(asked {largest} %). Ask an admin to apply it."
        )


def _parse_method(value: object) -> PaymentMethod:
    try:
        return PaymentMethod(str(value))
    except ValueError:
        names = ", ".join(m.value for m in PaymentMethod)
        raise ValidationError(f"Unknown payment method '{value}': use one of {names}.", field="method") from None


def _parse_payments(payments: Sequence[tuple[Any, ...]]) -> list[Tender]:
    if not payments:
        raise ValidationError("The sale needs at least one payment.", field="payments")
    tenders = []
    for payment in payments:
        if not isinstance(payment, tuple | list) or len(payment) not in (2, 3):
            raise ValidationError(f"Each payment is a method and an amount (got {payment!r}).", field="payments")
        method = _parse_method(payment[0])
        amount = parse_amount(payment[1], f"{method.value} amount", allow_zero=False)
        reference = clean_text(payment[2] if len(payment) == 3 else None, "reference", max_length=100, required=False)
        if method in NEEDS_REFERENCE and not reference:
            raise ValidationError(f"A {method.value} payment needs its transaction reference.", field="payments")
        tenders.append(Tender(method, amount, reference or None))
    return tenders


def _merge_refund_lines(lines: Sequence[tuple[str, int]]) -> dict[str, int]:
    if not lines:
        raise ValidationError("Choose at least one line to refund.", field="lines")
    merged: dict[str, int] = defaultdict(int)
    for line in lines:
        if not isinstance(line, tuple | list) or len(line) != 2:
            raise ValidationError(f"Each line is a SKU and a quantity (got {line!r}).", field="lines")
        merged[clean_text(line[0], "sku", max_length=64)] += parse_quantity(line[1])
    return dict(merged)


def _register(session: Session, code: str) -> Register:
    row = session.scalar(_REGISTER_BY_CODE, {"code": str(code).strip().upper()})
    if row is None or not row.active:
        known = ", ".join(session.scalars(select(Register.code).where(Register.active.is_(True))))
        raise NotFound(f"No register '{code}'. The registers are: {known}.")
    return row


@dataclass(frozen=True)
class _SellingTill:
    id: int
    register_id: int
    register_code: str


def _selling_till(session: Session, actor: Actor, register: str | None) -> _SellingTill:
    """The open till a sale goes to: one Core statement for a named register, else as _open_till finds it."""
    if register is not None:
        found = core(session).execute(_OPEN_TILL_OF_CODE, {"code": str(register).strip().upper()}).first()
        if found is not None:
            return _SellingTill(*found)
    till = _open_till(session, actor, register)  # raises the error that says what is wrong
    code = core(session).execute(_REGISTER_CODE, {"register_id": till.register_id}).scalar_one()
    return _SellingTill(till.id, till.register_id, code)


def _open_till(session: Session, actor: Actor, register: str | None, *, lock: bool = False) -> CashSession:
    """The open till the actor works at: the named register's, else the one they opened, else the only one."""
    query = select(CashSession).where(CashSession.open_register_id.is_not(None))
    if lock:
        query = query.with_for_update()
    if register is not None:
        row = _register(session, register)
        till = session.scalar(_OPEN_TILL_LOCKED if lock else _OPEN_TILL, {"register_id": row.id})
        if till is None:
            raise TillClosed(f"The till of {row.code} is closed: open it with a counted float first.")
        return till
    open_tills = list(session.scalars(query))
    mine = [t for t in open_tills if t.opened_by == actor.user_id]
    if len(mine) == 1:
        return mine[0]
    if len(open_tills) == 1:
        return open_tills[0]
    if not open_tills:
        raise TillClosed("No till is open: open one with a counted float first.")
    raise ValidationError("Several tills are open: say which register this is.", field="register")


def _find_skus(session: Session, codes: Sequence[str]) -> dict[str, _FoundSku]:
    wanted = set(codes)
    rows = core(session).execute(_FIND_SKUS, {"codes": list(wanted), "barcodes": list(wanted)}).all()
    found: dict[str, _FoundSku] = {}
    inactive = []
    for (
        sku_id,
        code,
        barcode,
        name,
        price,
        promo,
        override,
        vat,
        sku_active,
        product_active,
        product_id,
        category_id,
    ) in rows:
        item = _FoundSku(sku_id, code, name, rules.unit_price(price, promo, override), vat, product_id, category_id)
        for key in (code, barcode):
            if key in wanted:
                found[key] = item
                if not (sku_active and product_active):
                    inactive.append(key)
    unknown = sorted(wanted - found.keys())
    if unknown:
        raise NotFound(f"Unknown barcode or SKU: {', '.join(unknown)}. Check the code or search by name.")
    if inactive:
        raise ValidationError(f"No longer for sale: {', '.join(sorted(inactive))}.", field="lines")
    return found


@dataclass(frozen=True)
class _TicketCustomer:
    name: str | None
    buyer: promotions.Buyer


def _ticket_customer(session: Session, customer_id: int | None) -> _TicketCustomer:
    """Who the ticket is for: their name, segment and partner discount. Raises NotFound for an unknown or
    inactive customer; a deactivated partner gives no discount."""
    if customer_id is None:
        return _TicketCustomer(None, promotions.Buyer())
    row = session.execute(
        select(Customer.name, Customer.segment, Customer.active, Partner.name, Partner.discount_percent, Partner.active)
        .outerjoin(Partner, Partner.id == Customer.partner_id)
        .where(Customer.id == customer_id)
    ).first()
    if row is None or not row[2]:
        raise NotFound(f"No active customer with id {customer_id}. Search the customer again, or sell without one.")
    name, segment, _, partner, partner_percent, partner_active = row
    if not partner_active:
        partner, partner_percent = None, Decimal(0)
    segment_value = None if segment is None else promotions.Segment(segment)
    return _TicketCustomer(name, promotions.Buyer(segment_value, partner, Decimal(partner_percent)))


def _running_promotions_statement() -> Select[Any]:
    """Built once: the promotions running at :now that name a product of :product_ids or a category of
    :category_ids, or name none, with the names that matched (a promotion naming none matches once)."""
    links_p, links_c = promotion_products.c, promotion_categories.c
    no_id = cast(null(), Integer)
    now = bindparam("now")
    # Every branch starts from the running promotions (ix_promotions_period), then reads their links by key.
    running = (Promotion.active.is_(True), Promotion.starts_at <= now, Promotion.ends_at > now)
    matches = union_all(
        select(links_p.promotion_id, links_p.product_id, no_id.label("category_id"))
        .join(Promotion, Promotion.id == links_p.promotion_id)
        .where(*running, links_p.product_id.in_(bindparam("product_ids", expanding=True))),
        select(links_c.promotion_id, no_id, links_c.category_id)
        .join(Promotion, Promotion.id == links_c.promotion_id)
        .where(*running, links_c.category_id.in_(bindparam("category_ids", expanding=True))),
        select(Promotion.id, no_id, no_id).where(
            *running,
            ~exists().where(links_p.promotion_id == Promotion.id),
            ~exists().where(links_c.promotion_id == Promotion.id),
        ),
    ).subquery()
    return select(
        Promotion.id,
        Promotion.name,
        Promotion.kind,
        Promotion.value,
        Promotion.starts_at,
        Promotion.ends_at,
        Promotion.segments,
        matches.c.product_id,
        matches.c.category_id,
    ).join(matches, matches.c.promotion_id == Promotion.id)


_RUNNING_PROMOTIONS = _running_promotions_statement()


def _running_promotions(session: Session, items: Iterable[_FoundSku], now: datetime) -> list[promotions.Promotion]:
    """The promotions running at `now` that may apply to `items`, in one statement for the whole ticket.
    Each keeps only the ticket's products and categories among those it names: enough to tell which lines
    it applies to."""
    params = {
        "now": now,
        "product_ids": sorted({item.product_id for item in items}),
        "category_ids": sorted({item.category_id for item in items if item.category_id is not None}),
    }
    rows = core(session).execute(_RUNNING_PROMOTIONS, params).all()
    terms: dict[int, tuple[Any, ...]] = {}
    products: dict[int, set[int]] = defaultdict(set)
    categories: dict[int, set[int]] = defaultdict(set)
    for promotion_id, name, kind, value, starts_at, ends_at, segments, product_id, category_id in rows:
        terms[promotion_id] = (name, promotions.PromotionKind(kind), Decimal(value), starts_at, ends_at, segments)
        if product_id is not None:
            products[promotion_id].add(product_id)
        if category_id is not None:
            categories[promotion_id].add(category_id)
    return [
        promotions.Promotion(
            id=promotion_id,
            name=name,
            kind=kind,
            value=value,
            starts_at=starts_at,
            ends_at=ends_at,
            product_ids=frozenset(products[promotion_id]),
            category_ids=frozenset(categories[promotion_id]),
            segments=promotions.segments_of(segments),
        )
        for promotion_id, (name, kind, value, starts_at, ends_at, segments) in sorted(terms.items())
    ]


def _priced(
    session: Session,
    found: dict[str, _FoundSku],
    wanted: list[tuple[str, int, Decimal]],
    customer: _TicketCustomer,
    ticket_discount: Decimal,
    now: datetime,
    cur: Currency,
) -> PricedTicket:
    """The ticket as checkout charges it: running promotions and the customer's partner discount first, then
    the cashier's line and ticket discounts."""
    running = _running_promotions(session, found.values(), now)
    return price_ticket(
        [_ticket_line(found[code], q, d, customer.buyer, running, now, cur) for code, q, d in wanted],
        ticket_discount,
        cur,
    )


def _ticket_line(
    item: _FoundSku,
    quantity: int,
    discount_percent: Decimal,
    buyer: promotions.Buyer,
    running: Sequence[promotions.Promotion],
    now: datetime,
    cur: Currency,
) -> TicketLine:
    automatic = promotions.automatic_discount(
        promotions.ProductLine(item.product_id, item.category_id, item.unit_price, quantity), buyer, running, now, cur
    )
    return TicketLine(
        item.code, quantity, item.unit_price, item.vat_rate, discount_percent, automatic.amount, automatic.label
    )


def _write_sale(
    session: Session,
    till: _SellingTill,
    actor: Actor,
    customer_id: int | None,
    number: str,
    now: datetime,
    cur: Currency,
    ticket: PricedTicket,
    found: dict[str, _FoundSku],
    wanted: list[tuple[str, int, Decimal]],
    ticket_discount: Decimal,
    change_due: Decimal,
    tenders: Sequence[Tender],
) -> int:
    connection = core(session)
    sale_id = connection.execute(
        _INSERT_SALE,
        {
            "number": number,
            "register_id": till.register_id,
            "session_id": till.id,
            "cashier_id": actor.user_id,
            "customer_id": customer_id,
            "at": now,
            "currency": cur.code,
            "gross": ticket.gross,
            "discount": ticket.discount,
            "total": ticket.total,
            "change_due": change_due,
            "ticket_discount_percent": ticket_discount,
        },
    ).scalar_one()
    connection.execute(
        _INSERT_SALE_LINES,
        [
            {
                "sale_id": sale_id,
                "sku_id": found[code].id,
                "quantity": priced.quantity,
                "unit_price": priced.unit_price,
                "vat_rate": priced.vat_rate,
                "discount_percent": discount,
                "automatic_discount": priced.automatic_discount,
                "discount_label": priced.discount_label,
                "line_discount": priced.line_discount,
                "ticket_discount": priced.ticket_discount,
                "total": priced.total,
            }
            for priced, (code, _, discount) in zip(ticket.lines, wanted, strict=True)
        ],
    )
    connection.execute(
        _INSERT_SALE_PAYMENTS,
        [{"sale_id": sale_id, "method": t.method.value, "amount": t.amount, "reference": t.reference} for t in tenders],
    )
    return sale_id


def _sale_payload(number: str, ticket: PricedTicket, tenders: Sequence[Tender], customer: str | None) -> dict[str, Any]:
    return {
        "number": number,
        "customer": customer,
        "lines": [
            [
                p.sku,
                p.quantity,
                str(p.unit_price),
                str(p.total),
                str(p.vat_rate),
                str(p.automatic_discount),
                p.discount_label,
            ]
            for p in ticket.lines
        ],
        "discount": str(ticket.discount),
        "total": str(ticket.total),
        "vat": [[str(v.rate), str(v.net), str(v.vat)] for v in ticket.vat],
        "payments": [[t.method.value, str(t.amount)] for t in tenders],
    }


def _plan_refund(
    session: Session, sale: Sale, asked: dict[str, int], cur: Currency
) -> list[tuple[SaleLine, str, int, Decimal]]:
    """For each asked SKU: the sale line, quantity and amount to refund. Raises ValidationError listing
    every line asked beyond what was sold minus already refunded."""
    codes = dict(
        session.execute(select(Sku.id, Sku.code).where(Sku.id.in_([line.sku_id for line in sale.lines]))).all()
    )
    refunded = dict(
        session.execute(
            select(RefundLine.sale_line_id, func.sum(RefundLine.quantity))
            .where(RefundLine.sale_line_id.in_([line.id for line in sale.lines]))
            .group_by(RefundLine.sale_line_id)
        ).all()
    )
    refunded_amount = dict(
        session.execute(
            select(RefundLine.sale_line_id, func.sum(RefundLine.amount))
            .where(RefundLine.sale_line_id.in_([line.id for line in sale.lines]))
            .group_by(RefundLine.sale_line_id)
        ).all()
    )
    by_code = {codes[line.sku_id]: line for line in sale.lines}
    problems = []
    plan = []
    for code, quantity in asked.items():
        line = by_code.get(code)
        if line is None:
            problems.append(f"{code} is not on sale {sale.number}")
            continue
        done = int(refunded.get(line.id, 0))
        if quantity > line.quantity - done:
            problems.append(f"{code}: {line.quantity} sold, {done} already refunded, {quantity} asked")
            continue
        if done + quantity == line.quantity:  # the last units take what is left, so rounding never drifts
            amount = line.total - Decimal(refunded_amount.get(line.id, 0))
        else:
            amount = cur.round(line.total * quantity / line.quantity)
        plan.append((line, code, quantity, amount))
    if problems:
        raise ValidationError("Cannot refund: " + "; ".join(problems) + ".", field="lines")
    return plan


def _report(session: Session, till: CashSession, cur: Currency) -> TillReport:
    register = session.get(Register, till.register_id)
    assert register is not None
    sales = session.execute(
        select(
            func.count(Sale.id),
            func.coalesce(func.sum(Sale.total), 0),
            func.coalesce(func.sum(Sale.discount), 0),
            func.coalesce(func.sum(Sale.change_due), 0),
        ).where(Sale.session_id == till.id)
    ).one()
    by_method: dict[str, Decimal] = defaultdict(Decimal)
    for method, amount in session.execute(
        select(SalePayment.method, func.sum(SalePayment.amount))
        .join(Sale, Sale.id == SalePayment.sale_id)
        .where(Sale.session_id == till.id)
        .group_by(SalePayment.method)
    ).all():
        by_method[method] += Decimal(amount)
    by_method["cash"] -= Decimal(sales[3])  # change handed back
    refunds = session.execute(
        select(func.count(Refund.id), func.coalesce(func.sum(Refund.total), 0)).where(Refund.session_id == till.id)
    ).one()
    for method, amount in session.execute(
        select(Refund.method, func.sum(Refund.total)).where(Refund.session_id == till.id).group_by(Refund.method)
    ).all():
        by_method[method] -= Decimal(amount)
    bookings = _counter_bookings(session, till)
    for method, amount in bookings.sold_by_method.items():
        by_method[method] += amount
    for method, amount in bookings.refunded_by_method.items():
        by_method[method] -= amount
    # Summed per rate in the database: a long session has tens of thousands of lines. SQLite sums in
    # floating point, so each sum is rounded to the currency's unit before the VAT is split.
    per_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for rate, total in session.execute(
        select(SaleLine.vat_rate, func.sum(SaleLine.total))
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.session_id == till.id)
        .group_by(SaleLine.vat_rate)
    ).all():
        per_rate[Decimal(str(rate))] += cur.round(Decimal(str(total)))
    for rate, total in bookings.sold_by_rate.items():
        per_rate[rate] += cur.round(total)
    cash = session.execute(
        select(
            func.coalesce(func.sum(CashMovement.amount).filter(CashMovement.amount > 0), 0),
            func.coalesce(func.sum(CashMovement.amount).filter(CashMovement.amount < 0), 0),
        ).where(CashMovement.session_id == till.id)
    ).one()
    cash_in, cash_out = Decimal(cash[0]), -Decimal(cash[1])
    expected = till.opening_float + by_method.get("cash", Decimal(0)) + cash_in - cash_out
    voided = session.execute(
        select(func.count(VoidedTicket.id), func.coalesce(func.sum(VoidedTicket.total), 0)).where(
            VoidedTicket.session_id == till.id
        )
    ).one()
    drawer_openings = session.scalar(select(func.count(DrawerOpening.id)).where(DrawerOpening.session_id == till.id))
    return TillReport(
        register=register.code,
        session_id=till.id,
        opened_at=till.opened_at,
        closed_at=till.closed_at,
        currency=cur.code,
        sales_count=int(sales[0]) + bookings.sold_count,
        sales_total=cur.round(Decimal(sales[1]) + bookings.sold_total),
        discounts=cur.round(Decimal(sales[2])),
        refunds_count=int(refunds[0]) + bookings.refunded_count,
        refunds_total=cur.round(Decimal(refunds[1]) + bookings.refunded_total),
        by_method={m: cur.round(a) for m, a in sorted(by_method.items())},
        vat=tuple(vat_breakdown(((total, rate) for rate, total in per_rate.items()), cur)),
        cash_in=cur.round(cash_in),
        cash_out=cur.round(cash_out),
        opening_float=cur.round(till.opening_float),
        expected_cash=cur.round(expected),
        counted_cash=None if till.counted_cash is None else cur.round(till.counted_cash),
        voided_count=int(voided[0]),
        voided_total=cur.round(Decimal(voided[1])),
        drawer_openings=int(drawer_openings or 0),
        opened_by=session.scalar(select(User.username).where(User.id == till.opened_by)) or "",
        bookings_count=bookings.sold_count,
        bookings_total=cur.round(bookings.sold_total),
    )


@dataclass(frozen=True)
class _CounterBookings:
    sold_count: int
    sold_by_method: dict[str, Decimal]
    sold_by_rate: dict[Decimal, Decimal]
    refunded_count: int
    refunded_by_method: dict[str, Decimal]

    @property
    def sold_total(self) -> Decimal:
        return sum(self.sold_by_method.values(), Decimal(0))

    @property
    def refunded_total(self) -> Decimal:
        return sum(self.refunded_by_method.values(), Decimal(0))


def _counter_bookings(session: Session, till: CashSession) -> _CounterBookings:
    """Seats of time slots sold at this till, and the counter bookings whose money this till gave back.

    A booking row remembers the till it was sold at, not the one that refunded it (often another day's): that
    is in its refund's journal entry, which names the till session."""
    sold_count = 0
    sold_by_method: dict[str, Decimal] = defaultdict(Decimal)
    sold_by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for method, rate, count, total in session.execute(
        select(BookingRow.payment_method, BookingRow.vat_rate, func.count(), func.sum(BookingRow.price))
        .where(BookingRow.cash_session_id == till.id)
        .group_by(BookingRow.payment_method, BookingRow.vat_rate)
    ).all():
        sold_count += int(count)
        sold_by_method[method] += Decimal(str(total))
        sold_by_rate[Decimal(str(rate))] += Decimal(str(total))
    refunded_count = 0
    refunded_by_method: dict[str, Decimal] = defaultdict(Decimal)
    for amount, payload in session.execute(
        select(JournalEntry.amount, JournalEntry.payload).where(
            JournalEntry.register_id == till.register_id,
            JournalEntry.at >= till.opened_at,  # narrows the search to the register's entries since the opening
            JournalEntry.kind == COUNTER_REFUND_ENTRY,
        )
    ).all():
        refund = json.loads(payload)
        if refund.get("session") == till.id:
            refunded_count += 1
            refunded_by_method[refund["method"]] -= Decimal(amount)  # the entry's amount is negative
    return _CounterBookings(sold_count, sold_by_method, sold_by_rate, refunded_count, refunded_by_method)


def _as_seen_by(actor: Actor, blind_close: bool, report: TillReport) -> TillReport:
    return report.blind() if blind_close and not actor.can(Permission.VIEW_ACCOUNTS) else report
