"""Monthly and yearly closings of the sales journal, as pure rules: periods, their figures, and their check.

A closing states the figures of the entries dated in its period (calendar months and years in UTC, as the
sale numbers' years are): the first and last sequence among them, how many there are, the sales (the sum of
the positive amounts), the refunds (the sum of the negative amounts, as a positive figure) and the perpetual
grand total at the end of the period. It is sealed by a journal entry of kind 'month_close' or 'year_close'
whose payload holds those figures, so the key signs them; verification recomputes them from the entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pos_app.domain.journal import JournalBreak, Problem, fixed_amount, iso_utc
from pos_app.errors import ValidationError

FIRST_YEAR = 2000
LAST_YEAR = 9999


class PeriodKind(StrEnum):
    MONTH = "month"
    YEAR = "year"

    @property
    def entry_kind(self) -> str:
        """The kind of the journal entry that seals a closing of this kind."""
        return f"{self.value}_close"


CLOSING_ENTRY_KINDS = {kind.entry_kind: kind for kind in PeriodKind}


@dataclass(frozen=True)
class Period:
    """A calendar month (`month` 1 to 12) or a whole year (`month` None), in UTC."""

    year: int
    month: int | None = None

    @classmethod
    def of_month(cls, year: object, month: object) -> Period:
        """Raises ValidationError unless `year` and `month` are whole numbers naming a month."""
        number = _whole_number(month, "month")
        if not 1 <= number <= 12:
            raise ValidationError(f"A month is a number from 1 to 12 (got {month!r}).", field="month")
        return cls(cls.of_year(year).year, number)

    @classmethod
    def of_year(cls, year: object) -> Period:
        number = _whole_number(year, "year")
        if not FIRST_YEAR <= number <= LAST_YEAR:
            raise ValidationError(f"A year is from {FIRST_YEAR} to {LAST_YEAR} (got {year!r}).", field="year")
        return cls(number)

    @classmethod
    def parse(cls, label: str) -> Period:
        """'2026-10' is a month, '2026' a year. Raises ValidationError for anything else."""
        text = str(label).strip()
        year, dash, month = text.partition("-")
        if len(year) == 4 and year.isdigit() and (not dash or (len(month) == 2 and month.isdigit())):
            return cls.of_month(int(year), int(month)) if dash else cls.of_year(int(year))
        raise ValidationError(f"A period is a month such as 2026-10 or a year such as 2026 (got {label!r}).")

    @classmethod
    def month_at(cls, moment: datetime) -> Period:
        """The UTC month `moment` falls in."""
        utc = moment.astimezone(UTC)
        return cls(utc.year, utc.month)

    @property
    def kind(self) -> PeriodKind:
        return PeriodKind.YEAR if self.month is None else PeriodKind.MONTH

    @property
    def label(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month or 1, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        if self.month is None or self.month == 12:
            return datetime(self.year + 1, 1, 1, tzinfo=UTC)
        return datetime(self.year, self.month + 1, 1, tzinfo=UTC)

    def months(self) -> list[Period]:
        """The months of a year, or the month itself."""
        if self.month is not None:
            return [self]
        return [Period(self.year, month) for month in range(1, 13)]

    def within(self, start: datetime, end: datetime) -> bool:
        """Whether the whole period lies in [start, end)."""
        return start <= self.start and self.end <= end

    def __str__(self) -> str:
        return self.label


def _whole_number(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(f"The {name} must be a whole number (got {value!r}).", field=name)
    text = str(value).strip()
    if not text.isdigit():
        raise ValidationError(f"The {name} must be a whole number (got {value!r}).", field=name)
    return int(text)


@dataclass(frozen=True)
class PeriodFigures:
    """What a closing states about the entries dated in its period."""

    first_sequence: int | None
    last_sequence: int | None
    entries: int
    sales_total: Decimal
    refunds_total: Decimal
    grand_total: Decimal

    @property
    def net(self) -> Decimal:
        return self.sales_total - self.refunds_total

    def differences(self, actual: PeriodFigures) -> list[str]:
        """Each figure stated here that the entries (`actual`) do not bear out, as 'name stated X, entries Y'."""
        stated, found = _comparable(self), _comparable(actual)
        return [
            f"{name.replace('_', ' ')} {stated[name]} stated, {found[name]} in the entries"
            for name in stated
            if stated[name] != found[name]
        ]


def _comparable(figures: PeriodFigures) -> dict[str, str]:
    return {
        "first_sequence": str(figures.first_sequence),
        "last_sequence": str(figures.last_sequence),
        "entries": str(figures.entries),
        "sales_total": fixed_amount(figures.sales_total),
        "refunds_total": fixed_amount(figures.refunds_total),
        "grand_total": fixed_amount(figures.grand_total),
    }


def closing_payload(period: Period, figures: PeriodFigures) -> dict[str, Any]:
    """The payload of the journal entry that seals a closing (the key signs it with the entry)."""
    return {
        "period": period.label,
        "start": iso_utc(period.start),
        "end": iso_utc(period.end),
        "first_sequence": figures.first_sequence,
        "last_sequence": figures.last_sequence,
        "entries": figures.entries,
        "sales_total": fixed_amount(figures.sales_total),
        "refunds_total": fixed_amount(figures.refunds_total),
        "grand_total": fixed_amount(figures.grand_total),
    }


def parse_closing_payload(entry_kind: str, payload: str | Mapping[str, Any]) -> tuple[Period, PeriodFigures]:
    """The period and figures a closing entry states. Raises ValueError if they cannot be read, or if the
    period does not fit the entry's kind or its stated start and end."""
    data = json.loads(payload) if isinstance(payload, str) else payload
    try:
        period = Period.parse(data["period"])
        figures = PeriodFigures(
            _optional_int(data["first_sequence"]),
            _optional_int(data["last_sequence"]),
            int(data["entries"]),
            Decimal(data["sales_total"]),
            Decimal(data["refunds_total"]),
            Decimal(data["grand_total"]),
        )
        bounds = (data["start"], data["end"])
    except (KeyError, TypeError, ArithmeticError, ValidationError) as error:
        raise ValueError(f"closing figures cannot be read: {error}") from None
    if CLOSING_ENTRY_KINDS.get(entry_kind) != period.kind or bounds != (iso_utc(period.start), iso_utc(period.end)):
        raise ValueError(f"a '{entry_kind}' entry cannot close the period {period} from {bounds[0]} to {bounds[1]}")
    return period, figures


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a sequence number")
    return value


@dataclass
class _MonthTally:
    first_sequence: int
    last_sequence: int
    last_grand_total: Decimal
    entries: int = 0
    sales_total: Decimal = Decimal(0)
    refunds_total: Decimal = Decimal(0)


@dataclass
class PeriodTallies:
    """Running figures per UTC month of the entries added, from which any month's or year's closing figures
    are recomputed. `opening_grand_total` is the grand total before the first entry added."""

    opening_grand_total: Decimal = Decimal(0)
    _months: dict[tuple[int, int], _MonthTally] = field(default_factory=dict)

    def add(self, sequence: int, at: datetime, amount: Decimal, grand_total: Decimal) -> None:
        utc = at.astimezone(UTC)
        tally = self._months.get((utc.year, utc.month))
        if tally is None:
            tally = self._months[(utc.year, utc.month)] = _MonthTally(sequence, sequence, grand_total)
        tally.entries += 1
        tally.first_sequence = min(tally.first_sequence, sequence)
        if sequence >= tally.last_sequence:
            tally.last_sequence, tally.last_grand_total = sequence, grand_total
        if amount > 0:
            tally.sales_total += amount
        else:
            tally.refunds_total -= amount

    def figures(self, period: Period) -> PeriodFigures:
        """The figures of the entries dated in `period`. The grand total is that of the entry with the highest
        sequence dated before the period's end (the opening grand total if there is none)."""
        inside = [self._months[m] for m in ((p.year, p.month) for p in period.months()) if m in self._months]
        end = (period.end.year, period.end.month)
        before_end = [tally for month, tally in self._months.items() if month < end]
        last = max(before_end, key=lambda tally: tally.last_sequence, default=None)
        return PeriodFigures(
            first_sequence=min((t.first_sequence for t in inside), default=None),
            last_sequence=max((t.last_sequence for t in inside), default=None),
            entries=sum(t.entries for t in inside),
            sales_total=sum((t.sales_total for t in inside), Decimal(0)),
            refunds_total=sum((t.refunds_total for t in inside), Decimal(0)),
            grand_total=last.last_grand_total if last else self.opening_grand_total,
        )


@dataclass(frozen=True)
class SealedClosing:
    """A closing entry as found in the journal: its sequence, its kind and its payload text."""

    sequence: int
    kind: str
    payload_text: str


@dataclass(frozen=True)
class ClosingRecord:
    """A row of journal_closings: the period, its totals and the sequence of the entry that seals it."""

    kind: str
    period: str
    sales_total: Decimal
    refunds_total: Decimal
    grand_total: Decimal
    entry_sequence: int

    def disagrees_with(self, period: Period, figures: PeriodFigures) -> bool:
        return (self.kind, self.period, self.sales_total, self.refunds_total, self.grand_total) != (
            period.kind.value,
            period.label,
            figures.sales_total,
            figures.refunds_total,
            figures.grand_total,
        )


def check_closings(
    register: str, sealed: Sequence[SealedClosing], records: Iterable[ClosingRecord], tallies: PeriodTallies
) -> JournalBreak | None:
    """The first closing of a register (by entry sequence) that does not tell the truth: a closing entry whose
    figures differ from the entries of its period, or a journal_closings row that was changed, added or deleted
    and so no longer matches the signed closing entry. Call it once the register's chain checked out."""
    problems: list[JournalBreak] = []
    stated: dict[int, tuple[Period, PeriodFigures]] = {}
    for closing in sealed:
        try:
            stated[closing.sequence] = period, figures = parse_closing_payload(closing.kind, closing.payload_text)
        except ValueError as error:
            problems.append(JournalBreak(register, closing.sequence, Problem.WRONG_TOTAL, f"its {error}"))
            continue
        wrong = figures.differences(tallies.figures(period))
        if wrong:
            problems.append(
                JournalBreak(
                    register,
                    closing.sequence,
                    Problem.WRONG_TOTAL,
                    f"its closing of {period} does not match the entries of {period}: {'; '.join(wrong)}",
                )
            )
    recorded: set[int] = set()
    for record in records:
        recorded.add(record.entry_sequence)
        seal = stated.get(record.entry_sequence)
        if seal is None or record.disagrees_with(*seal):
            what = "does not match its signed closing entry" if seal else "names no closing entry"
            problems.append(
                JournalBreak(
                    register,
                    max(record.entry_sequence, 1),
                    Problem.CHANGED,
                    f"the record of the {record.kind} closing {record.period} (table journal_closings) {what} "
                    f"(entry {record.entry_sequence}): it was changed or added outside the app",
                )
            )
    for closing in sealed:
        if closing.sequence not in recorded and closing.sequence in stated:
            problems.append(
                JournalBreak(
                    register,
                    closing.sequence,
                    Problem.CHANGED,
                    f"its closing of {stated[closing.sequence][0]} has no record in the table journal_closings: "
                    "the record was deleted",
                )
            )
    return min(problems, key=lambda problem: problem.sequence, default=None)
