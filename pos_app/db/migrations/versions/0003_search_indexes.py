"""search indexes: products by name; substring search over skus.search_text

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00

PostgreSQL: a trigram GIN index (pg_trgm) serves `search_text LIKE '%word%'`.
SQLite: an FTS5 table with the trigram tokenizer over skus.search_text, kept in step by triggers, and
planner statistics that make a search for a common word walk products in name order and stop at the
limit (see pos_app/db/search.py).

The FTS5 table, its triggers, the statistics and the trigram index are not in the models; db/migrate.py's
include_object leaves them out of comparisons. A later migration that rebuilds `skus` on SQLite
(batch_alter_table) drops the triggers with the old table and must create them again.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import exc

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS_TRIGGERS = ("skus_fts_insert", "skus_fts_delete", "skus_fts_update")
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE skus_fts USING fts5(search_text, content='skus', content_rowid='id', tokenize='trigram')",
    "INSERT INTO skus_fts(skus_fts) VALUES ('rebuild')",
    """CREATE TRIGGER skus_fts_insert AFTER INSERT ON skus BEGIN
        INSERT INTO skus_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER skus_fts_delete AFTER DELETE ON skus BEGIN
        INSERT INTO skus_fts(skus_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER skus_fts_update AFTER UPDATE OF search_text ON skus BEGIN
        INSERT INTO skus_fts(skus_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO skus_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]
# Fixed statistics, the shape of a large catalogue: SQLite then walks products by name for a plain LIKE
# (which stops after `limit` rows when the word is common) and drives the query from skus_fts when
# search.py adds the trigram match (few rows). A later ANALYZE replaces them with real, similar figures.
SQLITE_STATS = [
    ("products", "ix_products_name", "10000 1"),
    ("skus", "ix_skus_product_id", "100000 10"),
]


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_name"), ["name"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_skus_search_text_trgm ON skus USING gin (search_text gin_trgm_ops)")
    elif dialect == "sqlite":
        _require_fts5_trigram()
        for statement in SQLITE_FTS:
            op.execute(statement)
        op.execute("ANALYZE tax_rates")  # creates sqlite_stat1 if it does not exist yet
        for table, index, stat in SQLITE_STATS:
            op.execute(f"DELETE FROM sqlite_stat1 WHERE tbl = '{table}' AND idx = '{index}'")
            op.execute(f"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('{table}', '{index}', '{stat}')")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_skus_search_text_trgm")
    elif dialect == "sqlite":
        for trigger in FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS skus_fts")
        for table, index, _stat in SQLITE_STATS:
            op.execute(f"DELETE FROM sqlite_stat1 WHERE tbl = '{table}' AND idx = '{index}'")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_name"))


def _require_fts5_trigram() -> None:
    """Stop with a clear message when this SQLite lacks FTS5 or its trigram tokenizer (SQLite 3.34+)."""
    bind = op.get_bind()
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_trigram_probe USING fts5(x, tokenize='trigram')")
    except exc.OperationalError as error:
        version = bind.exec_driver_sql("SELECT sqlite_version()").scalar()
        raise RuntimeError(
            f"Catalogue search needs SQLite's FTS5 extension with the trigram tokenizer (SQLite 3.34 or "
            f"later, built with FTS5); this Python's SQLite {version} says: {error.orig}. "
            f"Use a Python whose sqlite3 module is linked against a newer SQLite."
        ) from error
    bind.exec_driver_sql("DROP TABLE temp.fts5_trigram_probe")
