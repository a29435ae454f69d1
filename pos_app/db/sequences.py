"""Gapless numbers per series and year, taken inside the caller's transaction.

The upsert locks the series' row until the transaction ends, so two counters never get the same number,
and a transaction that rolls back gives its number back: no gaps.

The upsert is built once per dialect, with bind parameters: building it and computing its cache key cost
more CPU than running it (see docs/PERFORMANCE.md), and every sale, refund, order and invoice takes a number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.models import NumberSequence

_SEQUENCES = NumberSequence.__table__


def _take_next(insert: Callable[[Any], Any]) -> Any:
    return (
        insert(_SEQUENCES)
        .values(series=bindparam("series"), year=bindparam("year"), last=1)
        .on_conflict_do_update(
            index_elements=[_SEQUENCES.c.series, _SEQUENCES.c.year], set_={"last": _SEQUENCES.c.last + 1}
        )
        .returning(_SEQUENCES.c.last)
    )


_TAKE_NEXT = {"postgresql": _take_next(postgresql.insert), "sqlite": _take_next(sqlite.insert)}


def next_number(session: Session, series: str, year: int) -> int:
    statement = _TAKE_NEXT[session.get_bind().dialect.name]
    return int(core(session).execute(statement, {"series": series, "year": year}).scalar_one())
