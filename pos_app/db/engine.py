"""Engines and sessions. SQLite gets WAL, foreign keys, a busy timeout and BEGIN IMMEDIATE for writes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Database:
    """A write engine and a read engine on the same database.

    On SQLite they differ: the write engine opens every transaction with BEGIN IMMEDIATE so that
    check-then-write runs under the database's write lock and never fails half-way with "database is
    locked"; the read engine uses a plain deferred BEGIN so that readers never queue behind writers.
    On PostgreSQL they share one pool; writers lock rows (see locks.py), and readers run in autocommit:
    under READ COMMITTED every statement takes its own snapshot even inside a transaction, so a read unit
    of work sees the same data without the BEGIN and ROLLBACK round trips.
    """

    url: str
    write_engine: Engine
    read_engine: Engine

    @property
    def dialect(self) -> str:
        return self.write_engine.dialect.name

    def write_session(self) -> Session:
        return self._writer()

    def read_session(self) -> Session:
        return self._reader()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_writer", sessionmaker(self.write_engine, expire_on_commit=False))
        object.__setattr__(self, "_reader", sessionmaker(self.read_engine, expire_on_commit=False))

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine.pool is not self.write_engine.pool:
            self.read_engine.dispose()


def connect(url: str) -> Database:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return Database(url, _sqlite_engine(url, "BEGIN IMMEDIATE"), _sqlite_engine(url, "BEGIN"))
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    return Database(url, engine, engine.execution_options(isolation_level="AUTOCOMMIT"))


def _sqlite_engine(url: str, begin_statement: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so our BEGIN is the one that runs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin_statement)

    return engine
