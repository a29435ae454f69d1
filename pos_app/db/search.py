"""Catalogue search: a plan that suits the words searched for, on each backend.

`search_text LIKE '%word%'` reads every SKU: some 30 ms per 100,000 SKUs here. Two plans do better, each
for its own case (migration 0003 provides the indexes for both):
- a common word: walk products in name order (ix_products_name) and stop at the limit;
- a rare word: look it up in a trigram index and sort the few SKUs found.

SQLite: one capped count in skus_fts (FTS5, trigram tokenizer) tells which case it is, and the rare case
adds `skus.id IN (the FTS matches)` to the query. Words under three letters cannot use trigrams and stay
LIKE filters only.

PostgreSQL: its planner picks between the trigram GIN index and the name index from its statistics, as
long as it plans each search for its own words (see planned_for_its_words).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import ColumnElement, func, literal_column, select, table, text
from sqlalchemy.orm import Session

FEW_MATCHES = 2000
TRIGRAM = 3
LIKE_ESCAPE = "/"

# Built once, with the phrase as a bind parameter.
_FTS_MATCHES = select(literal_column("rowid")).select_from(table("skus_fts")).where(text("skus_fts MATCH :phrase"))
_FTS_CAPPED_COUNT = select(func.count()).select_from(_FTS_MATCHES.limit(FEW_MATCHES).subquery())


def like_pattern(word: str) -> str:
    """`%word%` for LIKE ... ESCAPE '/', with the word's own %, _ and / matched literally."""
    escaped = word.replace(LIKE_ESCAPE, 2 * LIKE_ESCAPE).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


def few_matches_phrase(session: Session, words: list[str]) -> str | None:
    """SQLite: the FTS5 phrase of the indexable words when skus_fts finds fewer than FEW_MATCHES SKUs
    containing them all, else None (no indexable word, or a common one: walk the name index instead)."""
    indexed = [word for word in words if len(word) >= TRIGRAM]
    if not indexed:
        return None
    phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed)
    found = session.execute(_FTS_CAPPED_COUNT, {"phrase": phrase}).scalar_one()
    return phrase if found < FEW_MATCHES else None


def among_fts_matches(sku_id: ColumnElement[int]) -> ColumnElement[bool]:
    """The filter that drives a query from skus_fts: the SKU is among the matches of :phrase."""
    return sku_id.in_(_FTS_MATCHES)


@contextmanager
def planned_for_its_words(session: Session) -> Iterator[None]:
    """PostgreSQL: run the statements of this block unprepared, so that each is planned for its parameters.

    psycopg prepares a statement once a connection has run it 5 times, and PostgreSQL may then keep one
    generic plan for every word: the walk in name order that suits a common word then reads all 100,000
    SKUs for a rare one (65 ms instead of 6 ms, measured). Planning a search costs far less than that.
    """
    dbapi = session.connection().connection.dbapi_connection
    threshold = getattr(dbapi, "prepare_threshold", None)
    if threshold is None:  # not psycopg 3, or preparation already off
        yield
        return
    dbapi.prepare_threshold = None
    try:
        yield
    finally:
        dbapi.prepare_threshold = threshold
