"""Sales reports for the back office: a period's counter sales per day, week or month, and the past till sessions.

The database does the adding up (GROUP BY the period of each sale, refund or seat), so a year of sales costs a
handful of queries. The figures follow the Z report's rules, so that a report over whole till sessions states
exactly the sum of their Z reports:
- sales count, totals and discounts of the sales made in the period, refunds of the refunds made in it;
- a seat of a time slot sold at the counter is a sale made when it was paid, and its cancellation at a till a
  refund made then (the journal entry of that refund names the till that paid the money back);
- VAT per rate split on the total of each till session's sales at that rate, as its Z report splits it (a
  session that runs over midnight has each day's part split on its own);
- takings per payment method: what each method took in, the change handed back and the refunds deducted.
The refunded VAT per rate is stated beside the sales', so that the VAT due is the difference.

Periods are days in the shop's time zone (this machine's unless one is given), weeks from Monday to Sunday and
calendar months, cut to the report's first and last day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.selectable import CTE

from pos_app.db.engine import Database
from pos_app.db.models import (
    Booking,
    CashSession,
    JournalEntry,
    Refund,
    RefundLine,
    Register,
    Sale,
    SaleLine,
    SalePayment,
    User,
)
from pos_app.db.types import UTCDateTime
from pos_app.domain.money import Currency
from pos_app.domain.roles import ROLE_LABELS, Actor, Permission
from pos_app.domain.sale import PaymentMethod
from pos_app.domain.vat import VatSplit, split_gross
from pos_app.errors import NotFound, PermissionDenied, ValidationError
from pos_app.services.bookings import COUNTER_REFUND_ENTRY
from pos_app.services.journal import read_snapshot
from pos_app.services.settings import read_currency
from pos_app.services.unit_of_work import Clock, UnitOfWork

MAX_PERIODS = 400
MAX_SESSIONS = 500
ZERO = Decimal(0)


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class SalesFigures:
    """The counter's figures over one period, from `first_day` to `last_day` included."""

    first_day: date
    last_day: date
    sales_count: int
    total: Decimal  # VAT included, after discounts
    discounts: Decimal
    vat: tuple[VatSplit, ...]  # of the sales, per rate
    refunds_count: int
    refunds_total: Decimal
    refunds_vat: tuple[VatSplit, ...]  # of the refunds, per rate
    by_method: Mapping[str, Decimal] = field(default_factory=dict)  # takings: change and refunds deducted

    @property
    def net(self) -> Decimal:
        """The sales excluding VAT."""
        return sum((split.net for split in self.vat), ZERO)

    @property
    def vat_total(self) -> Decimal:
        return sum((split.vat for split in self.vat), ZERO)

    @property
    def refunds_vat_total(self) -> Decimal:
        return sum((split.vat for split in self.refunds_vat), ZERO)

    @property
    def takings(self) -> Decimal:
        """Sales less refunds: what the payment methods took in all together."""
        return self.total - self.refunds_total


@dataclass(frozen=True)
class SalesReport:
    first_day: date
    last_day: date
    granularity: Granularity
    currency: str
    register: str | None  # None: every register
    periods: tuple[SalesFigures, ...]  # every period of the report, those without a sale too
    total: SalesFigures

    @property
    def methods(self) -> tuple[str, ...]:
        """The payment methods the report mentions, cash first, in the counter's order."""
        return _ordered_methods(self.total.by_method)

    @property
    def rates(self) -> tuple[Decimal, ...]:
        """The VAT rates of the sales and refunds, lowest first."""
        return tuple(sorted({s.rate for s in self.total.vat} | {s.rate for s in self.total.refunds_vat}))


@dataclass(frozen=True)
class DaySales:
    """A day's counter sales in brief, for the dashboard."""

    day: date
    currency: str
    sales_count: int
    total: Decimal
    refunds_total: Decimal


@dataclass(frozen=True)
class SessionSummary:
    """A till session as the list of Z reports shows it. The cash figures exist once the till is closed."""

    id: int
    register: str
    currency: str
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    closed_by: str
    sales_count: int
    sales_total: Decimal
    refunds_total: Decimal
    expected_cash: Decimal | None
    counted_cash: Decimal | None

    @property
    def variance(self) -> Decimal | None:
        """Counted less expected cash: negative when the drawer is short."""
        if self.counted_cash is None or self.expected_cash is None:
            return None
        return self.counted_cash - self.expected_cash


@dataclass(frozen=True)
class _Span:
    first_day: date
    last_day: date
    start: datetime
    end: datetime


class SalesReportService:
    """Sales per period with VAT and payment methods, today's sales, and the list of till sessions."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def report(
        self,
        actor: Actor,
        first_day: date,
        last_day: date,
        granularity: Granularity | str = Granularity.DAY,
        *,
        register: str | None = None,
        zone: tzinfo | None = None,
    ) -> SalesReport:
        """The counter sales from `first_day` to `last_day` (both included) per day, week or month, with the
        total of the whole period, for every register or `register` alone. Days run from midnight to midnight
        in `zone` (this machine's time zone if None).

        Raises PermissionDenied (not an accountant or admin), ValidationError (not dates, the last day before
        the first, an unknown granularity, more than MAX_PERIODS periods) and NotFound (unknown register)."""
        actor.require(Permission.VIEW_ACCOUNTS)
        first, last = _day(first_day, "first_day"), _day(last_day, "last_day")
        if last < first:
            raise ValidationError(f"The last day ({last}) is before the first day ({first}).", field="last_day")
        step = _granularity(granularity)
        spans = _spans(first, last, step, zone)
        if len(spans) > MAX_PERIODS:
            longer = "weeks or months" if step is Granularity.DAY else "months"
            raise ValidationError(
                f"A report holds at most {MAX_PERIODS} rows, and this period has more {step.value}s. Choose {longer}, "
                "or a shorter period.",
                field="granularity",
            )
        with read_snapshot(self._db) as session:
            register_id = _register_id(session, register)
            cur = read_currency(session)
            periods = _figures(session, spans, register_id, cur)
        return SalesReport(
            first_day=first,
            last_day=last,
            granularity=step,
            currency=cur.code,
            register=None if register is None else register.strip().upper(),
            periods=periods,
            total=_sum_figures(first, last, periods),
        )

    def day_summary(self, actor: Actor, day: date | None = None, *, zone: tzinfo | None = None) -> DaySales:
        """The number and total of the counter sales of `day` (today by the service clock if None), and its
        refunds. Managers follow it: accountants, admins and stock managers; cashiers see their till's X report.
        Raises PermissionDenied, ValidationError (not a date)."""
        if not (actor.can(Permission.VIEW_ACCOUNTS) or actor.can(Permission.ADJUST_STOCK)):
            raise PermissionDenied(
                f"{actor.username} ({ROLE_LABELS[actor.role]}) may not read the day's sales. Ask an accountant."
            )
        wanted = _day(day, "day") if day is not None else self._clock().astimezone(zone).date()
        spans = _spans(wanted, wanted, Granularity.DAY, zone)
        with read_snapshot(self._db) as session:
            cur = read_currency(session)
            (figures,) = _figures(session, spans, None, cur)
        return DaySales(wanted, cur.code, figures.sales_count, figures.total, figures.refunds_total)

    def till_sessions(
        self,
        actor: Actor,
        *,
        register: str | None = None,
        closed_only: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SessionSummary]:
        """Till sessions, newest first (`offset` skips that many for the next page), each with its sales, refunds
        and, once closed, the cash expected, counted and the variance: to find a past Z report.
        Raises PermissionDenied (not an accountant or admin), ValidationError (limit or offset out of range)
        and NotFound (unknown register)."""
        actor.require(Permission.VIEW_ACCOUNTS)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_SESSIONS:
            raise ValidationError(f"limit is a whole number from 1 to {MAX_SESSIONS} (got {limit!r}).", field="limit")
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValidationError(f"offset is a whole number from 0 (got {offset!r}).", field="offset")
        with UnitOfWork(self._db, write=False) as uow:
            session = uow.session
            register_id = _register_id(session, register)
            cur = read_currency(session)
            return _sessions(session, register_id, closed_only, limit, offset, cur)


# ----- periods --------------------------------------------------------------------------------------------------


def _day(value: object, name: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValidationError(f"{name} must be a date such as 2026-11-01 (got {value!r}).", field=name)


def _granularity(value: object) -> Granularity:
    try:
        return Granularity(str(value))
    except ValueError:
        names = ", ".join(g.value for g in Granularity)
        raise ValidationError(f"Unknown granularity '{value}': use one of {names}.", field="granularity") from None


def _midnight(day: date, zone: tzinfo | None) -> datetime:
    """The start of `day` in `zone`, or in this machine's zone (daylight saving time included) if None."""
    if zone is None:
        return datetime.combine(day, time()).astimezone()
    return datetime.combine(day, time(), tzinfo=zone)


def _next_start(day: date, step: Granularity) -> date:
    if step is Granularity.DAY:
        return day + timedelta(days=1)
    if step is Granularity.WEEK:
        return day + timedelta(days=7 - day.weekday())
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _spans(first: date, last: date, step: Granularity, zone: tzinfo | None) -> list[_Span]:
    """The periods from `first` to `last`, each cut to them; stops counting past MAX_PERIODS + 1."""
    spans = []
    day = first
    while day <= last and len(spans) <= MAX_PERIODS:
        following = min(_next_start(day, step), last + timedelta(days=1))
        spans.append(_Span(day, following - timedelta(days=1), _midnight(day, zone), _midnight(following, zone)))
        day = following
    return spans


def _period_of(spans: Sequence[_Span], moment: Any) -> ColumnElement[int]:
    """The index of the period that `moment` (a time within the report) falls in, worked out on each row by halving:
    the periods follow each other, so a CASE compares the moment with the start of the middle period, then with the
    start of the middle one of the half it is in, and so on (nine comparisons for 400 periods).

    The bounds are the spans' own UTC moments, so days keep their local midnights, daylight saving time included.
    The SQL depends on the number of periods alone, the moments being bound values: a report of as many periods as
    an earlier one reuses its compiled SQL."""

    def among(first: int, end: int) -> ColumnElement[int]:
        if end - first == 1:
            return literal_column(str(first), Integer)
        middle = (first + end) // 2
        starts_later = moment < literal(spans[middle].start, UTCDateTime())
        return case((starts_later, among(first, middle)), else_=among(middle, end))

    return among(0, len(spans))


def _within(spans: Sequence[_Span], moment: Any) -> ColumnElement[bool]:
    """`moment` is within the report: a range that an index of the moments reads directly."""
    return and_(moment >= literal(spans[0].start, UTCDateTime()), moment < literal(spans[-1].end, UTCDateTime()))


def _periods_table(spans: Sequence[_Span]) -> CTE:
    """The report's periods as a table (index, start, end) to join the sales to, by the time of each sale.

    Made of one SELECT of bound values per period rather than a VALUES list, which SQLAlchemy cannot cache: a
    report of as many periods as an earlier one reuses its compiled SQL."""
    rows = [
        select(
            literal(index, Integer).label("idx"),
            literal(span.start, UTCDateTime()).label("since"),
            literal(span.end, UTCDateTime()).label("until"),
        )
        for index, span in enumerate(spans)
    ]
    return (rows[0] if len(rows) == 1 else union_all(*rows)).cte("periods")


def _sales_placer(session: Session, spans: Sequence[_Span]) -> Callable[..., Select[Any]]:
    """A maker of SELECTs of the report's sales, each row with `columns` and its period's index first (`idx`).

    SQLite reads the periods one after the other and, for each, its sales through the index of their times (a join
    on start <= time < end): every sale is read once and comes with its period, the fastest way there (working the
    period out on each row costs it a fifth to two thirds more). PostgreSQL, which counts a table of periods made of
    SELECTs as a single row, joined all the lines to their sales once per period instead (a year per day: 600,000
    lines 365 times over, minutes): there each sale works its period out (`_period_of`) in one pass over the
    report's sales."""
    if session.get_bind().dialect.name == "postgresql":

        def by_time(*columns: Any) -> Select[Any]:
            index = _period_of(spans, Sale.at).label("idx")
            return select(index, *columns).select_from(Sale).where(_within(spans, Sale.at))

        return by_time
    periods = _periods_table(spans)

    def by_period(*columns: Any) -> Select[Any]:
        in_period = and_(Sale.at >= periods.c.since, Sale.at < periods.c.until)
        return select(periods.c.idx, *columns).select_from(periods).join(Sale, in_period)

    return by_period


def _per_period(rows: Select[Any], keys: Sequence[str], summed: Sequence[str]) -> Select[Any]:
    """`rows` (their period's index `idx` first) added up per period and `keys`: the period, the keys, the number of
    rows and the sum of each of the `summed` columns. The index is worked out once, in `rows`, and grouped on by its
    name: a GROUP BY repeating its CASE would send the periods' bounds a second time."""
    table = rows.subquery("placed")
    group = [table.c.idx, *(table.c[key] for key in keys)]
    return select(*group, func.count(), *(func.sum(table.c[name]) for name in summed)).group_by(*group)


def _tune_for_reports(session: Session) -> None:
    """PostgreSQL settings for the report's transaction alone, all three because the planner cannot tell how few
    periods the CASE of `_period_of` gives (it counts as many as the sales' distinct times):
    - no JIT compiling: compiling the CASE of a year per day took longer than running it (the lines of the year:
      3.5 s instead of 1);
    - more memory to add up in: within the default 4 MB it planned to spill the sums per period to disk;
    - a lower price for a row handed from a parallel worker to the leader: expecting a group per row, it does not
      add up in the workers, and at the default price it kept the whole join in one process (a fifth slower)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(
                func.set_config("jit", "off", True),
                func.set_config("work_mem", "64MB", True),
                func.set_config("parallel_tuple_cost", "0.01", True),
            )
        )


# ----- adding up ------------------------------------------------------------------------------------------------


def _register_id(session: Session, register: str | None) -> int | None:
    if register is None:
        return None
    code = str(register).strip().upper()
    found = session.scalar(select(Register.id).where(Register.code == code))
    if found is None:
        known = ", ".join(session.scalars(select(Register.code).order_by(Register.code)))
        raise NotFound(f"No register '{register}'. The registers are: {known}.")
    return found


_TillRate = tuple[int, int, Decimal]  # period index, till session, VAT rate


@dataclass
class _Tally:
    sales_count: int = 0
    total: Decimal = ZERO
    discounts: Decimal = ZERO
    change: Decimal = ZERO
    refunds_count: int = 0
    refunds_total: Decimal = ZERO
    vat: dict[Decimal, list[Decimal]] = field(default_factory=dict)  # rate -> [gross, net, vat]
    refunds_vat: dict[Decimal, list[Decimal]] = field(default_factory=dict)
    by_method: defaultdict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))


def _money(cur: Currency, value: Any) -> Decimal:
    """A sum from the database, in the currency's unit (SQLite adds up in floating point)."""
    return cur.round(Decimal(str(value or 0)))


def _add_split(into: dict[Decimal, list[Decimal]], split: VatSplit) -> None:
    figures = into.setdefault(split.rate, [ZERO, ZERO, ZERO])
    figures[0] += split.gross
    figures[1] += split.net
    figures[2] += split.vat


def _figures(
    session: Session, spans: Sequence[_Span], register_id: int | None, cur: Currency
) -> tuple[SalesFigures, ...]:
    _tune_for_reports(session)
    tallies = [_Tally() for _ in spans]
    # Gross per period, till session and VAT rate, sales and counter bookings together: the VAT is split on each
    # as the till session's Z report splits it.
    sold: defaultdict[_TillRate, Decimal] = defaultdict(Decimal)
    refunded: defaultdict[_TillRate, Decimal] = defaultdict(Decimal)
    placed_sales = _sales_placer(session, spans)

    def of_sales(*columns: Any) -> Select[Any]:
        return _of(placed_sales(*columns), Sale.register_id, register_id)

    def of_refunds(*columns: Any) -> Select[Any]:
        query = select(_period_of(spans, Refund.at).label("idx"), *columns).where(_within(spans, Refund.at))
        return _of(query, Refund.register_id, register_id)

    def of_seats(seats: CTE) -> Select[Any]:
        placed = select(_period_of(spans, seats.c.at).label("idx"), seats)
        return _per_period(placed, ("session_id", "vat_rate", "method"), ("amount",))

    sales = _per_period(of_sales(Sale.total, Sale.discount, Sale.change_due), (), ("total", "discount", "change_due"))
    for index, count, total, discounts, change in session.execute(sales):
        tally = tallies[index]
        tally.sales_count += int(count)
        tally.total += _money(cur, total)
        tally.discounts, tally.change = _money(cur, discounts), _money(cur, change)

    sold_per_rate = of_sales(Sale.session_id, SaleLine.vat_rate, SaleLine.total).join(
        SaleLine, SaleLine.sale_id == Sale.id
    )
    for index, till, rate, _count, gross in session.execute(
        _per_period(sold_per_rate, ("session_id", "vat_rate"), ("total",))
    ):
        sold[index, till, Decimal(str(rate))] += _money(cur, gross)

    paid = of_sales(SalePayment.method, SalePayment.amount).join(SalePayment, SalePayment.sale_id == Sale.id)
    for index, method, _count, amount in session.execute(_per_period(paid, ("method",), ("amount",))):
        tallies[index].by_method[method] += _money(cur, amount)

    sold_seats = _counter_sales(
        _within(spans, Booking.paid_at), *([] if register_id is None else [Booking.register_id == register_id])
    )
    for index, till, rate, method, count, total in session.execute(of_seats(sold_seats)):
        tally = tallies[index]
        tally.sales_count += int(count)
        tally.total += _money(cur, total)
        tally.by_method[method] += _money(cur, total)
        sold[index, till, Decimal(str(rate))] += _money(cur, total)

    refunded_sales = of_refunds(Refund.method, Refund.total)
    for index, method, count, total in session.execute(_per_period(refunded_sales, ("method",), ("total",))):
        tally = tallies[index]
        tally.refunds_count += int(count)
        tally.refunds_total += _money(cur, total)
        tally.by_method[method] -= _money(cur, total)

    # The refunded line's rate read by its key, one refund line at a time: PostgreSQL would otherwise read every sale
    # line of the table for a year's few thousand refunds.
    rate_refunded = select(SaleLine.vat_rate).where(SaleLine.id == RefundLine.sale_line_id).scalar_subquery()
    refunded_per_rate = of_refunds(Refund.session_id, rate_refunded.label("vat_rate"), RefundLine.amount).join_from(
        RefundLine, Refund, Refund.id == RefundLine.refund_id
    )
    for index, till, rate, _count, gross in session.execute(
        _per_period(refunded_per_rate, ("session_id", "vat_rate"), ("amount",))
    ):
        refunded[index, till, Decimal(str(rate))] += _money(cur, gross)

    paid_back = _counter_refunds(session, _entries_of(session, register_id), _within(spans, JournalEntry.at))
    for index, till, rate, method, count, total in session.execute(of_seats(paid_back)):
        tally = tallies[index]
        tally.refunds_count += int(count)
        tally.refunds_total += _money(cur, total)
        tally.by_method[method] -= _money(cur, total)
        refunded[index, till, Decimal(str(rate))] += _money(cur, total)

    for (index, _till, rate), gross in sold.items():
        _add_split(tallies[index].vat, split_gross(gross, rate, cur))
    for (index, _till, rate), gross in refunded.items():
        _add_split(tallies[index].refunds_vat, split_gross(gross, rate, cur))
    return tuple(_finished(span.first_day, span.last_day, tally) for span, tally in zip(spans, tallies, strict=True))


def _entries_of(session: Session, register_id: int | None) -> Any:
    """The journal entries of one register, or of each of them named by its id: so that the database reads the
    report's entries through the index of the entries per register and time, not the whole journal."""
    ids = [register_id] if register_id is not None else list(session.scalars(select(Register.id)))
    return JournalEntry.register_id.in_(ids)


def _counter_sales(*conditions: Any) -> CTE:
    """The seats sold at a till whose bookings meet `conditions`, one row each: when, at which till session, by
    which method, the VAT rate and the amount."""
    return (
        select(
            Booking.paid_at.label("at"),
            Booking.cash_session_id.label("session_id"),
            Booking.payment_method.label("method"),
            Booking.vat_rate,
            Booking.price.label("amount"),
        )
        .where(Booking.cash_session_id.is_not(None), *conditions)
        .cte("counter_sales")
    )


def _counter_refunds(session: Session, *conditions: Any) -> CTE:
    """The counter bookings' refunds whose journal entries meet `conditions`, one row each: when, the till session
    that paid the money back and by which method (both named by the entry: the booking keeps the till it was sold
    at), the booking's VAT rate and the amount."""
    payload = _payload(session)
    return (
        select(
            JournalEntry.at,
            payload["session"].as_integer().label("session_id"),
            payload["method"].as_string().label("method"),
            Booking.vat_rate,
            (-JournalEntry.amount).label("amount"),
        )
        .join(Booking, Booking.number == payload["number"].as_string())
        .where(JournalEntry.kind == COUNTER_REFUND_ENTRY, *conditions)
        .cte("counter_refunds")
    )


def _payload(session: Session) -> Any:
    """A journal entry's payload, JSON stored as text: PostgreSQL reads it once cast to JSON, SQLite's JSON functions
    take the text itself (a CAST there would turn it into a number)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(JournalEntry.payload, JSON)
    return type_coerce(JournalEntry.payload, JSON)


def _of(query: Any, register_column: InstrumentedAttribute[Any], register_id: int | None) -> Any:
    return query if register_id is None else query.where(register_column == register_id)


def _splits(per_rate: Mapping[Decimal, list[Decimal]]) -> tuple[VatSplit, ...]:
    return tuple(VatSplit(rate, *per_rate[rate]) for rate in sorted(per_rate))


def _finished(first_day: date, last_day: date, tally: _Tally) -> SalesFigures:
    by_method = dict(tally.by_method)
    by_method[PaymentMethod.CASH.value] = by_method.get(PaymentMethod.CASH.value, ZERO) - tally.change
    return SalesFigures(
        first_day=first_day,
        last_day=last_day,
        sales_count=tally.sales_count,
        total=tally.total,
        discounts=tally.discounts,
        vat=_splits(tally.vat),
        refunds_count=tally.refunds_count,
        refunds_total=tally.refunds_total,
        refunds_vat=_splits(tally.refunds_vat),
        by_method={method: by_method[method] for method in _ordered_methods(by_method)},
    )


def _sum_figures(first: date, last: date, periods: Iterable[SalesFigures]) -> SalesFigures:
    """The whole report: the sum of its periods, so that the total row is the sum of the rows above it."""
    tally = _Tally()
    for figures in periods:
        tally.sales_count += figures.sales_count
        tally.total += figures.total
        tally.discounts += figures.discounts
        tally.refunds_count += figures.refunds_count
        tally.refunds_total += figures.refunds_total
        for split in figures.vat:
            _add_split(tally.vat, split)
        for split in figures.refunds_vat:
            _add_split(tally.refunds_vat, split)
        for method, amount in figures.by_method.items():
            tally.by_method[method] += amount
    return _finished(first, last, tally)


def _ordered_methods(amounts: Mapping[str, Decimal]) -> tuple[str, ...]:
    known = [method.value for method in PaymentMethod]
    return tuple(sorted(amounts, key=lambda m: (known.index(m) if m in known else len(known), m)))


# ----- till sessions --------------------------------------------------------------------------------------------


def _sessions(
    session: Session, register_id: int | None, closed_only: bool, limit: int, offset: int, cur: Currency
) -> list[SessionSummary]:
    opener, closer = aliased(User), aliased(User)
    query = (
        select(CashSession, Register.code, opener.username, closer.username)
        .join(Register, Register.id == CashSession.register_id)
        .outerjoin(opener, opener.id == CashSession.opened_by)
        .outerjoin(closer, closer.id == CashSession.closed_by)
        .order_by(CashSession.opened_at.desc(), CashSession.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if register_id is not None:
        query = query.where(CashSession.register_id == register_id)
    if closed_only:
        query = query.where(CashSession.closed_at.is_not(None))
    rows = session.execute(query).all()
    if not rows:
        return []
    ids = [till.id for till, *_ in rows]
    sales: defaultdict[int, tuple[int, Decimal]] = defaultdict(lambda: (0, ZERO))
    refunds: defaultdict[int, Decimal] = defaultdict(Decimal)
    for till_id, count, total in session.execute(
        select(Sale.session_id, func.count(Sale.id), func.sum(Sale.total))
        .where(Sale.session_id.in_(ids))
        .group_by(Sale.session_id)
    ):
        sales[till_id] = (int(count), _money(cur, total))
    for till_id, count, total in session.execute(
        select(Booking.cash_session_id, func.count(Booking.id), func.sum(Booking.price))
        .where(Booking.cash_session_id.in_(ids))
        .group_by(Booking.cash_session_id)
    ):
        sold_count, sold_total = sales[till_id]
        sales[till_id] = (sold_count + int(count), sold_total + _money(cur, total))
    for till_id, total in session.execute(
        select(Refund.session_id, func.sum(Refund.total)).where(Refund.session_id.in_(ids)).group_by(Refund.session_id)
    ):
        refunds[till_id] += _money(cur, total)
    seats = _counter_refunds(
        session,
        JournalEntry.register_id.in_(sorted({till.register_id for till, *_ in rows})),
        JournalEntry.at >= min(till.opened_at for till, *_ in rows),
    )
    for till_id, total in session.execute(
        select(seats.c.session_id, func.sum(seats.c.amount))
        .where(seats.c.session_id.in_(ids))
        .group_by(seats.c.session_id)
    ):
        refunds[till_id] += _money(cur, total)
    return [
        SessionSummary(
            id=till.id,
            register=code,
            currency=cur.code,
            opened_at=till.opened_at,
            opened_by=opened_by or "",
            closed_at=till.closed_at,
            closed_by=closed_by or "",
            sales_count=sales[till.id][0],
            sales_total=sales[till.id][1],
            refunds_total=cur.round(refunds[till.id]),
            expected_cash=None if till.expected_cash is None else cur.round(till.expected_cash),
            counted_cash=None if till.counted_cash is None else cur.round(till.counted_cash),
        )
        for till, code, opened_by, closed_by in rows
    ]
