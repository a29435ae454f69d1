"""A table model over a list too long to read at once: a page when the query changes, the next page when
the view scrolls to the end (Qt's canFetchMore / fetchMore), every read off the GUI thread.

The service reads pages by keyset (services/paging.py): each page carries the cursor of the next one. A
result that arrives for a query that has since changed (typing goes faster than the database) is dropped.

What a cell shows is made once, on the GUI thread as its page arrives: one QStandardItem per cell (`cells`),
held by a QStandardItemModel that this model fronts as an identity proxy. Qt then paints the table without
calling into Python: a Python model answering each visible cell at every repaint (multiData) made a repaint
of the history take 36 ms here, the items 19 ms (docs/PERFORMANCE.md, 15.6).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from pos_app.services.paging import MAX_PAGE_SIZE, PAGE_SIZE, Cursor, Page
from pos_app.ui.background import BackgroundOp
from pos_app.ui.widgets.table_model import ColumnHeaders

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Query = TypeVar("Query")
ReadPage = Callable[[Query, Cursor | None, int], Page[Row]]
Cells = list[QStandardItem]  # one per column
# Rows read when the query changes: a screenful or two (a table shows 20 to 40 rows), so that the rows on
# screen come as soon as they can; the next pages, of PAGE_SIZE rows, are read as the view scrolls on.
FIRST_PAGE_SIZE = 50
# A cell is selectable and enabled, as a QAbstractTableModel's are; QStandardItem's default would also make it
# editable, draggable and a drop target.
CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


def cell_template(
    alignment: Qt.AlignmentFlag,
    *,
    foreground: QColor | None = None,
    background: QColor | None = None,
    font: QFont | None = None,
) -> QStandardItem:
    """A cell to copy (`cell`), with its flags, alignment and colours set once. The alignment is stored as
    an int, as Qt stores it: a Python enum in a QVariant costs a call into Python each time Qt reads it."""
    template = QStandardItem()
    template.setFlags(CELL_FLAGS)
    template.setData(int(alignment), Qt.ItemDataRole.TextAlignmentRole)
    for role, value in (
        (Qt.ItemDataRole.ForegroundRole, foreground),
        (Qt.ItemDataRole.BackgroundRole, background),
        (Qt.ItemDataRole.FontRole, font),
    ):
        if value is not None:
            template.setData(value, role)
    return template


def cell(template: QStandardItem, text: str, tip: str | None = None) -> QStandardItem:
    """A copy of `template` showing `text`, with `tip` as its tooltip when given."""
    made = template.clone()
    made.setText(text)
    if tip:
        made.setToolTip(tip)
    return made


class PagedTableModel(ColumnHeaders, QIdentityProxyModel, Generic[Row, Query]):
    """Subclasses set the ColumnHeaders attributes and `cells`: the items of a row, one per column, as a
    plain function of the row (`cell` makes each item).
    `read_page(query, after, limit)` runs there too."""

    cells: ClassVar[Callable[[Any], Cells]]

    loaded = Signal()  # the first rows of the current query are in the model
    failed = Signal(object)  # the read of a page failed: the exception

    def __init__(
        self,
        read_page: ReadPage,
        query: Query,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
        first_page_size: int = FIRST_PAGE_SIZE,
    ):
        super().__init__(parent)
        self._read_page = read_page
        self._query = query
        self._page_size = page_size
        self._first_page_size = first_page_size
        self._rows: list[Row] = []
        self._after: Cursor | None = None
        self._generation = 0
        self._reading = False
        self._fetching = False
        self._show(QStandardItemModel(0, len(self.columns)))

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
        self._read_first(self._first_page_size)

    def reload(self) -> None:
        """Read the current query again, as many rows as are shown (the view keeps its place)."""
        self._read_first(min(MAX_PAGE_SIZE, max(self._first_page_size, len(self._rows))))

    def clear(self) -> None:
        """Show no rows (the query failed: the rows of the previous one would mislead)."""
        self._rows, self._after = [], None
        self._show(QStandardItemModel(0, len(self.columns)))

    def _show(self, shown: QStandardItemModel) -> None:
        """Front `shown` instead of the rows shown so far (Qt's model reset: the view starts again at the top)."""
        previous = self.sourceModel()
        shown.setParent(self)
        self.setSourceModel(shown)
        if previous is not None:
            previous.deleteLater()

    def _read_first(self, limit: int) -> None:
        self._generation += 1
        generation, query, read = self._generation, self._query, self._read_page
        self._reading = True
        self._fetching = False
        op = BackgroundOp(self, lambda: read(query, None, limit))
        op.success(lambda page: self._first_arrived(generation, page))
        op.failure(lambda error: self._read_failed(generation, error)).run_in_background()

    def _first_arrived(self, generation: int, page: Page[Row]) -> None:
        if generation != self._generation:
            return
        self._reading = False
        self._rows, self._after = list(page.rows), page.after
        shown = QStandardItemModel(0, len(self.columns))  # on the GUI thread, which it belongs to
        for row in page.rows:
            shown.appendRow(self.cells(row))
        self._show(shown)
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
        generation, query, after, limit = self._generation, self._query, self._after, self._page_size
        read = self._read_page
        op = BackgroundOp(self, lambda: read(query, after, limit))
        op.success(lambda page: self._next_arrived(generation, page))
        op.failure(lambda error: self._read_failed(generation, error)).run_in_background()

    def _next_arrived(self, generation: int, page: Page[Row]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._rows.extend(page.rows)
        self._after = page.after  # before the rows go in: the view may ask for the page after at once
        shown = self.sourceModel()
        for row in page.rows:
            shown.appendRow(self.cells(row))
