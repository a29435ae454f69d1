"""Bring a database to the newest schema. Safe when several processes start at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from pos_app.db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same for every process of this app.
PG_MIGRATION_LOCK_KEY = 7_450_213


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

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
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*(None|"[^"]*"|\'[^\']*\')\s*$', re.MULTILINE)


def _single_head_from_files() -> str | None:
    """The head revision read from the version files' own `revision` lines, or None when the files are not
    a plain chain with one head (then Alembic decides). Importing Alembic takes a fifth of a second, which
    every start of the app would pay just to learn that the schema is already up to date."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(match.groups() for match in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if "revision" not in found or "down_revision" not in found or found["revision"] == "None":
            return None
        revisions.add(found["revision"].strip("\"'"))
        if found["down_revision"] != "None":
            parents.add(found["down_revision"].strip("\"'"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def _recorded_revision(db: Database) -> str | None:
    with db.read_engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return versions[0] if len(versions) == 1 else None


def upgrade_to_head(db: Database) -> bool:
    """Upgrade under the write lock (SQLite) or an advisory lock (PostgreSQL). True if anything ran."""
    from_files = _single_head_from_files()
    if from_files is not None and _recorded_revision(db) == from_files:
        return False
    from alembic import command
    from alembic.runtime.migration import MigrationContext

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
