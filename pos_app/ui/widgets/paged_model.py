"""A table model over a list too long to read at once: a page when the query changes, the next page when
the view scrolls to the end (Qt's canFetchMore / fetchMore), every read off the GUI thread.

The service reads pages by keyset (services/paging.py): each page carries the cursor of the next one. A
result that arrives for a query that has since changed (typing goes faster than the database) is dropped.

What a cell shows is worked out once per row, on the worker, as it arrives (`prepare`): a repaint then only
looks values up. Qt asks for every role of every visible cell at each repaint, in one multiData call per
cell; with Python computing each value there, a repaint of the stock list took 60 to 80 ms here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QModelRoleDataSpan, QObject, QPersistentModelIndex, Qt, Signal

from pos_app.services.paging import MAX_PAGE_SIZE, PAGE_SIZE, Cursor, Page
from pos_app.ui.background import BackgroundOp
from pos_app.ui.widgets.table_model import ColumnsTableModel

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Query = TypeVar("Query")
ReadPage = Callable[[Query, Cursor | None, int], Page[Row]]
# For each item data role, the value of each column (a tuple), or one value for every column.
Shown = Mapping[int, Any]


@dataclass(frozen=True)
class _Prepared(Generic[Row]):
    rows: list[Row]
    shown: list[Shown]
    roles: frozenset[int]  # every role some row of the page sets
    after: Cursor | None


def _read_and_prepare(read: Callable[[], Page[Row]], prepare: Callable[[Row], Shown]) -> _Prepared[Row]:
    page = read()
    shown = [prepare(row) for row in page.rows]
    return _Prepared(list(page.rows), shown, frozenset().union(*shown), page.after)


class PagedTableModel(ColumnsTableModel, Generic[Row, Query]):
    """Subclasses set the ColumnsTableModel attributes and `prepare`: what a row shows, by role, as a plain
    function that runs on the worker (it must not touch a widget). `read_page(query, after, limit)` runs
    there too."""

    prepare: ClassVar[Callable[[Any], Shown]]

    loaded = Signal()  # the first rows of the current query are in the model
    failed = Signal(object)  # the read of a page failed: the exception

    def __init__(self, read_page: ReadPage, query: Query, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._read_page = read_page
        self._query = query
        self._page_size = page_size
        self._rows: list[Row] = []
        self._shown: list[Shown] = []
        self._roles: frozenset[int] = frozenset()
        self._after: Cursor | None = None
        self._generation = 0
        self._reading = False
        self._fetching = False

    @property
    def query(self) -> Query:
        return self._query

    @property
    def reading(self) -> bool:
        """True while the first page of the current query is being read."""
        return self._reading

    @property
    def complete(self) -> bool:
        """Every row of the query is in the model."""
        return self._after is None and not self._reading

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_query(self, query: Query) -> None:
        """Read the first page of `query`; the rows shown so far stay until it arrives."""
        self._query = query
        self._read_first(self._page_size)

    def reload(self) -> None:
        """Read the current query again, as many rows as are shown (the view keeps its place)."""
        self._read_first(min(MAX_PAGE_SIZE, max(self._page_size, len(self._rows))))

    def clear(self) -> None:
        """Show no rows (the query failed: the rows of the previous one would mislead)."""
        self.beginResetModel()
        self._rows, self._shown, self._after = [], [], None
        self.endResetModel()

    def _read(self, query: Query, after: Cursor | None, limit: int) -> Callable[[], _Prepared[Row]]:
        read, prepare = self._read_page, type(self).prepare
        return lambda: _read_and_prepare(lambda: read(query, after, limit), prepare)

    def _read_first(self, limit: int) -> None:
        self._generation += 1
        generation = self._generation
        self._reading = True
        self._fetching = False
        op = BackgroundOp(self, self._read(self._query, None, limit))
        op.success(lambda page: self._first_arrived(generation, page))
        op.failure(lambda error: self._read_failed(generation, error)).run_in_background()

    def _first_arrived(self, generation: int, page: _Prepared[Row]) -> None:
        if generation != self._generation:
            return
        self._reading = False
        self.beginResetModel()
        self._rows, self._shown, self._roles, self._after = page.rows, page.shown, page.roles, page.after
        self.endResetModel()
        self.loaded.emit()

    def _read_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._reading = self._fetching = False
        self.failed.emit(error)

    # ----- the next page, as the view scrolls -----------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own signature
        return not parent.isValid() and self._after is not None and not (self._reading or self._fetching)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's own signature
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        op = BackgroundOp(self, self._read(self._query, self._after, self._page_size))
        op.success(lambda page: self._next_arrived(generation, page))
        op.failure(lambda error: self._read_failed(generation, error)).run_in_background()

    def _next_arrived(self, generation: int, page: _Prepared[Row]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._shown.extend(page.shown)
            self._roles |= page.roles
            self.endInsertRows()
        self._after = page.after

    # ----- what the view shows --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return _value(self._shown[index.row()].get(role), index.column())

    def multiData(self, index: Index, span: QModelRoleDataSpan) -> None:
        """Every role a delegate asks of one cell, in one call from Qt."""
        if not index.isValid():
            return
        shown, column, roles = self._shown[index.row()], index.column(), self._roles
        for role_data in span:
            role = role_data.role()
            value = _value(shown.get(role), column)
            if value is not None:
                role_data.setData(value)
            elif role in roles:  # the delegate reuses its span: else another row's value would stay
                role_data.clearData()


def _value(values: Any, column: int) -> Any:
    return values[column] if type(values) is tuple else values


def per_column(columns: int, values: Mapping[int, Any]) -> tuple[Any, ...]:
    """A tuple with `values` at their columns and None elsewhere."""
    return tuple(values.get(column) for column in range(columns))
