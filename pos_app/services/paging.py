"""Reading long lists a page at a time, by keyset: each page says where the next one starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pos_app.errors import ValidationError

Row = TypeVar("Row")
# Where the next page starts: the sort values of the last row read, ending with its id. Opaque to callers.
Cursor = tuple[Any, ...]
PAGE_SIZE = 100  # four screenfuls: the next page is read as the view scrolls on
MAX_PAGE_SIZE = 5_000


@dataclass(frozen=True)
class Page(Generic[Row]):
    rows: tuple[Row, ...]
    after: Cursor | None  # None: this was the last page

    @property
    def is_last(self) -> bool:
        return self.after is None


def check_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError(f"A page holds 1 to {MAX_PAGE_SIZE:,} rows, not {limit!r}.", field="limit")
    return limit
