"""Bring a database to the newest schema. Safe when several processes start at once."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from pos_app.db.engine import Database

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same for every process of this app.
PG_MIGRATION_LOCK_KEY = 7_450_213


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# What migration 0003 creates for substring search and the models do not describe: SQLite's full-text
# table on skus (with its shadow tables) and planner statistics, PostgreSQL's trigram index.
UNMODELLED = ("skus_fts", "sqlite_stat", "ix_skus_search_text_trgm")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic's filter: leave the unmodelled search objects out of comparisons with the models."""
    return not (name or "").startswith(UNMODELLED)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(db: Database) -> bool:
    """Upgrade under the write lock (SQLite) or an advisory lock (PostgreSQL). True if anything ran."""
    head = head_revision()
    if current_revision(db) == head:
        return False
    config = alembic_config()
    with db.write_engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
        if MigrationContext.configure(conn).get_current_revision() == head:
            return False
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return True
