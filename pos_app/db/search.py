"""Catalogue search on SQLite: drive the query from the trigram index when the words are rare.

`search_text LIKE '%word%'` reads every SKU: some 30 ms per 100,000 SKUs here. Two plans do better, each
for its own case (migration 0003 provides both):
- a common word: walk products in name order (ix_products_name) and stop at the limit: the plain query;
- a rare word: look it up in skus_fts (FTS5, trigram tokenizer) and sort the few SKUs found.
One capped count in skus_fts tells which case it is. Words under three letters cannot use trigrams and
stay LIKE filters only. PostgreSQL needs none of this: its planner picks between the trigram GIN index
and the name index from its statistics.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from pos_app.db.models import Sku

FEW_MATCHES = 2000
TRIGRAM = 3


def narrow_to_few_matches(session: Session, query: Select[Any], words: list[str]) -> Select[Any]:
    """`query` restricted to the SKUs of skus_fts that contain every indexable word, when they are few.

    The query keeps its own LIKE filters, so the result is the same either way; only the plan changes.
    """
    indexed = [word for word in words if len(word) >= TRIGRAM]
    if not indexed:
        return query
    phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed)
    matches = (
        select(literal_column("rowid"))
        .select_from(table("skus_fts"))
        .where(text("skus_fts MATCH :phrase").bindparams(phrase=phrase))
    )
    found = session.scalar(select(func.count()).select_from(matches.limit(FEW_MATCHES).subquery()))
    if found is not None and found >= FEW_MATCHES:
        return query
    return query.where(Sku.id.in_(matches))
