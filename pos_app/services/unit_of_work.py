"""A unit of work: one transaction per user action, rolled back unless committed explicitly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from sqlalchemy.orm import Session

from pos_app.db.engine import Database

Clock = Callable[[], datetime]


class UnitOfWork:
    """`with UnitOfWork(db, write=True) as uow:` ... `uow.commit()`.

    A write unit of work takes the write lock on SQLite at its first statement (BEGIN IMMEDIATE);
    a read unit of work never blocks writers.
    """

    def __init__(self, db: Database, *, write: bool) -> None:
        self._db = db
        self._write = write
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._db.write_session() if self._write else self._db.read_session()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        if not self._write:
            raise RuntimeError("a read unit of work cannot commit")
        self.session.commit()

    @property
    def dialect(self) -> str:
        return self._db.dialect
