"""Monthly and yearly closings of the sales journal, per register.

A closing states the figures of the entries dated in a calendar month or year (UTC; see
domain/journal_closings.py) and is sealed by a signed journal entry ('month_close' / 'year_close') that
carries them; the journal_closings row keeps the totals and the sequence of that entry for listing.

The rules a shop's accountant expects:
- a period closes once it is over by the service clock, and once per register;
- a register closes a period once its journal has begun (an entry dated before the period's end): a month
  with no entries then gets a zero closing, which shows that the register sold nothing; a register whose
  journal begins later is skipped;
- a year closes only once each of its months is closed on that register (from the month its journal began):
  closing the months is a deliberate act of its own, so a year closing never closes them silently;
- a closed month takes no more entries (journal.append refuses them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import JournalClosing, JournalEntry, Register, User
from pos_app.domain.journal_closings import (
    Period,
    PeriodFigures,
    PeriodKind,
    PeriodTallies,
    closing_payload,
    parse_closing_payload,
)
from pos_app.domain.roles import Actor
from pos_app.errors import Conflict, NotFound, ValidationError
from pos_app.services import journal
from pos_app.services.unit_of_work import Clock, UnitOfWork

_ENTRIES = JournalEntry.__table__
_CLOSINGS = JournalClosing.__table__
_REGISTERS = Register.__table__


@dataclass(frozen=True)
class Closing:
    """A closed period of one register: its figures, who closed it and when, and its sealing journal entry."""

    register: str
    kind: PeriodKind
    period: str
    closed_at: datetime
    closed_by: str | None
    first_sequence: int | None
    last_sequence: int | None
    entries: int
    sales_total: Decimal
    refunds_total: Decimal
    grand_total: Decimal
    entry_sequence: int

    @property
    def net(self) -> Decimal:
        return self.sales_total - self.refunds_total


class JournalClosingService:
    """Closes months and years of the journal, and lists the closings."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def close_month(self, actor: Actor, year: int, month: int, register: str | None = None) -> list[Closing]:
        """Close a calendar month (UTC) on `register`, or on every register whose journal had begun by its end,
        and return the closings made, in register order. Registers that closed it before are left as they are.

        Raises PermissionDenied (not an accountant or admin), ValidationError (no such month, the month is
        not over, nothing to close), Conflict (already closed), NotFound (unknown register), and the errors
        of journal.append (JournalKeyError, JournalTampered...). Nothing is written when it raises."""
        journal.require_bookkeeper(actor, "close journal periods")
        return self._close(actor, Period.of_month(year, month), register)

    def close_year(self, actor: Actor, year: int, register: str | None = None) -> list[Closing]:
        """Close a calendar year (UTC) as close_month does a month. Every month of the year must be closed
        first on each register concerned: Conflict lists those that are not."""
        journal.require_bookkeeper(actor, "close journal periods")
        return self._close(actor, Period.of_year(year), register)

    def closings(self, register: str | None = None) -> list[Closing]:
        """Every closing (or `register`'s), by register and then in the order they were made.
        Raises NotFound for an unknown register."""
        with UnitOfWork(self._db, write=False) as uow:
            targets = _registers(uow.session, register, lock=False)
            query = (
                select(
                    _REGISTERS.c.code,
                    JournalClosing,
                    User.username,
                    _ENTRIES.c.kind,
                    _ENTRIES.c.payload,
                )
                .select_from(JournalClosing)
                .join(_REGISTERS, _REGISTERS.c.id == JournalClosing.register_id)
                .outerjoin(User, User.id == JournalClosing.closed_by)
                .outerjoin(
                    _ENTRIES,
                    (_ENTRIES.c.register_id == JournalClosing.register_id)
                    & (_ENTRIES.c.sequence == JournalClosing.entry_sequence),
                )
                .where(JournalClosing.register_id.in_([register_id for register_id, _ in targets]))
                .order_by(_REGISTERS.c.code, JournalClosing.entry_sequence)
            )
            return [
                _closing(code, row, username, _sealed_figures(code, row, entry_kind, payload))
                for code, row, username, entry_kind, payload in uow.session.execute(query)
            ]

    def _close(self, actor: Actor, period: Period, register: str | None) -> list[Closing]:
        now = self._clock()
        if now < period.end:
            raise ValidationError(
                f"{period} is not over yet: it can be closed from {period.end:%Y-%m-%d} 00:00 UTC.",
                field=period.kind.value,
            )
        with UnitOfWork(self._db, write=True) as uow:
            session = uow.session
            targets = _registers(session, register, lock=True)
            closed_before = _closed_before(session, period, targets)
            begun = {
                register_id: began
                for register_id, began in _journal_beginnings(session, targets).items()
                if began < period.end
            }
            to_close = [(rid, code) for rid, code in targets if rid in begun and rid not in closed_before]
            if not to_close:
                raise _nothing_to_close(period, register, closed_before)
            if period.kind is PeriodKind.YEAR:
                _require_closed_months(session, period, to_close, begun)
            closings = [_close_register(session, actor, period, rid, code, now) for rid, code in to_close]
            try:
                session.flush()
            except IntegrityError as error:
                if "journal_closings" not in str(error.orig):
                    raise
                raise Conflict(
                    f"{period} was closed by someone else at the same time; nothing was written. List the closings "
                    "to see it.",
                    field=period.kind.value,
                ) from error
            uow.commit()
        return closings


def _registers(session: Session, register: str | None, *, lock: bool) -> list[tuple[int, str]]:
    """The registers concerned, by id (the order their rows are locked in). Raises NotFound for an unknown code."""
    query = select(_REGISTERS.c.id, _REGISTERS.c.code).order_by(_REGISTERS.c.id)
    if register is not None:
        query = query.where(_REGISTERS.c.code == str(register).strip().upper())
    if lock:
        query = query.with_for_update(key_share=True)  # the row journal.append locks: taken first, in id order
    found = [(row.id, row.code) for row in session.execute(query)]
    if register is not None and not found:
        known = ", ".join(session.scalars(select(_REGISTERS.c.code).order_by(_REGISTERS.c.code)))
        raise NotFound(f"No register '{register}'. The registers are: {known}.")
    return found


def _closed_before(session: Session, period: Period, targets: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Registers that closed `period` already, with when and by whom, for the message."""
    rows = session.execute(
        select(JournalClosing.register_id, JournalClosing.closed_at, User.username)
        .outerjoin(User, User.id == JournalClosing.closed_by)
        .where(
            JournalClosing.kind == period.kind.value,
            JournalClosing.period == period.label,
            JournalClosing.register_id.in_([register_id for register_id, _ in targets]),
        )
    )
    codes = dict(targets)
    return {
        register_id: f"{codes[register_id]} on {closed_at:%Y-%m-%d %H:%M} UTC by {username or 'system'}"
        for register_id, closed_at, username in rows
    }


def _journal_beginnings(session: Session, targets: Sequence[tuple[int, str]]) -> dict[int, datetime]:
    """When each register's journal began: the date of its first entry (registers without any are absent)."""
    first = (
        select(_ENTRIES.c.register_id, func.min(_ENTRIES.c.sequence).label("sequence"))
        .where(_ENTRIES.c.register_id.in_([register_id for register_id, _ in targets]))
        .group_by(_ENTRIES.c.register_id)
        .subquery()
    )
    rows = session.execute(
        select(_ENTRIES.c.register_id, _ENTRIES.c.at).join(
            first, (first.c.register_id == _ENTRIES.c.register_id) & (first.c.sequence == _ENTRIES.c.sequence)
        )
    )
    return {register_id: at for register_id, at in rows}


def _nothing_to_close(period: Period, register: str | None, closed_before: dict[int, str]) -> Exception:
    if closed_before:
        return Conflict(
            f"{period} is already closed: {'; '.join(closed_before.values())}. A period closes once.",
            field=period.kind.value,
        )
    whose = f"Register {str(register).strip().upper()} has no" if register is not None else "No register has"
    return ValidationError(
        f"{whose} journal entries before the end of {period}: there is nothing to close.", field=period.kind.value
    )


def _require_closed_months(
    session: Session, year: Period, targets: Sequence[tuple[int, str]], begun: dict[int, datetime]
) -> None:
    """Raises Conflict naming every month of `year` still open on any of `targets` (check all, raise once)."""
    rows = session.execute(
        select(JournalClosing.register_id, JournalClosing.period).where(
            JournalClosing.kind == PeriodKind.MONTH.value,
            JournalClosing.period.startswith(f"{year.label}-"),
        )
    )
    closed = {(register_id, period) for register_id, period in rows}
    open_months = []
    for register_id, code in targets:
        missing = [m for m in year.months() if begun[register_id] < m.end and (register_id, m.label) not in closed]
        if missing:
            open_months.append(f"{code}: {_month_ranges(missing)}")
    if open_months:
        raise Conflict(
            f"{year} cannot be closed while some of its months are open. Close them first ({'; '.join(open_months)}).",
            field="year",
        )


def _month_ranges(months: Sequence[Period]) -> str:
    """'2026-01 to 2026-03, 2026-06': runs of consecutive months."""
    runs: list[list[Period]] = []
    for month in months:
        if runs and month.month == (runs[-1][-1].month or 0) + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs)


def _close_register(
    session: Session, actor: Actor, period: Period, register_id: int, code: str, now: datetime
) -> Closing:
    figures = _figures(session, register_id, period)
    entry = journal.append(
        session, register_id, period.kind.entry_kind, Decimal(0), closing_payload(period, figures), now
    )
    session.add(
        JournalClosing(
            register_id=register_id,
            kind=period.kind.value,
            period=period.label,
            closed_at=now,
            closed_by=actor.user_id,
            sales_total=figures.sales_total,
            refunds_total=figures.refunds_total,
            grand_total=figures.grand_total,
            entry_sequence=entry.sequence,
        )
    )
    return Closing(
        register=code,
        kind=period.kind,
        period=period.label,
        closed_at=now,
        closed_by=actor.username if actor.user_id is not None else None,
        first_sequence=figures.first_sequence,
        last_sequence=figures.last_sequence,
        entries=figures.entries,
        sales_total=figures.sales_total,
        refunds_total=figures.refunds_total,
        grand_total=figures.grand_total,
        entry_sequence=entry.sequence,
    )


def _figures(session: Session, register_id: int, period: Period) -> PeriodFigures:
    """The period's figures, counted by the same rules verification recounts them with."""
    columns = (_ENTRIES.c.sequence, _ENTRIES.c.at, _ENTRIES.c.amount, _ENTRIES.c.grand_total)
    of_register = _ENTRIES.c.register_id == register_id
    last_before = session.execute(
        select(*columns).where(of_register, _ENTRIES.c.at < period.start).order_by(_ENTRIES.c.sequence.desc()).limit(1)
    ).all()
    inside = session.execute(
        select(*columns).where(of_register, _ENTRIES.c.at >= period.start, _ENTRIES.c.at < period.end)
    )
    tallies = PeriodTallies()
    for sequence, at, amount, grand_total in [*last_before, *inside]:
        tallies.add(sequence, at, amount, grand_total)
    return tallies.figures(period)


def _sealed_figures(code: str, row: JournalClosing, entry_kind: str | None, payload: str | None) -> PeriodFigures:
    try:
        if entry_kind is None or payload is None:
            raise ValueError(f"entry {row.entry_sequence} does not exist")
        return parse_closing_payload(entry_kind, payload)[1]
    except ValueError as error:
        raise journal.JournalTampered(
            f"The {row.kind} closing {row.period} of register {code} cannot be read from the journal ({error}): "
            "run 'pos-app journal verify'."
        ) from None


def _closing(code: str, row: JournalClosing, username: str | None, sealed: PeriodFigures) -> Closing:
    return Closing(
        register=code,
        kind=PeriodKind(row.kind),
        period=row.period,
        closed_at=row.closed_at,
        closed_by=username,
        first_sequence=sealed.first_sequence,
        last_sequence=sealed.last_sequence,
        entries=sealed.entries,
        sales_total=row.sales_total,
        refunds_total=row.refunds_total,
        grand_total=row.grand_total,
        entry_sequence=row.entry_sequence,
    )
