"""Gapless numbers per series and year, taken inside the caller's transaction.

The upsert locks the series' row until the transaction ends, so two counters never get the same number,
and a transaction that rolls back gives its number back: no gaps.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pos_app.db.models import NumberSequence


def next_number(session: Session, series: str, year: int) -> int:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(NumberSequence).values(series=series, year=year, last=1)
    statement = statement.on_conflict_do_update(
        index_elements=[NumberSequence.series, NumberSequence.year],
        set_={"last": NumberSequence.last + 1},
    ).returning(NumberSequence.last)
    return int(session.execute(statement).scalar_one())
