"""Pages listed down the left of the window, the chosen one beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

LIST_STYLE = """
QListWidget#pageList {
    background: #f3f3f1; border: none; border-right: 1px solid #dcdcd8; padding-top: 12px; outline: 0;
}
QListWidget#pageList::item {
    padding: 7px 14px; margin: 1px 8px; border: 1px solid transparent; border-radius: 6px; color: #2b2b2b;
}
QListWidget#pageList::item:selected { background: #dde6f3; color: #1b2a3d; }
QListWidget#pageList::item:focus { border-color: #7d9bc4; }
QListWidget#pageList::item:hover:!selected { background: #e9e9e6; }
"""
LIST_EXTRA_WIDTH = 56  # item padding, margins and border, and the list's own edges
ROOM_FOR_A_COUNT = " (99)"


class PageSwitcher(QWidget):
    """Click a page in the list, move in it with the arrow keys, or press Ctrl+1, Ctrl+2...

    With a single page there is nothing to choose, so the list is hidden.
    """

    page_changed = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageSwitcher")
        self._list = QListWidget(objectName="pageList")
        self._list.setAccessibleName(self.tr("Pages"))
        self._list.setFrameShape(QFrame.Shape.NoFrame)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setStyleSheet(LIST_STYLE)
        self._stack = QStackedWidget(objectName="pageStack")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._list)
        layout.addWidget(self._stack, stretch=1)
        self._list.currentRowChanged.connect(self._show_row)

    def add_page(self, title: str, page: QWidget) -> None:
        """Append a page; the n-th one also opens with Ctrl+n."""
        self._stack.addWidget(page)
        self._list.addItem(QListWidgetItem(title))
        number = self._list.count()
        show = QAction(
            self.tr("Show {page}").format(page=title), self, objectName=f"show{_capitalised(page.objectName())}"
        )
        show.setShortcut(QKeySequence(f"Ctrl+{number}"))
        show.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        show.triggered.connect(lambda: self.show_page(page))
        self.addAction(show)
        self._list.setVisible(number > 1)
        self._list.setFixedWidth(self._widest_label() + LIST_EXTRA_WIDTH)
        if number == 1:
            self._list.setCurrentRow(0)

    def _widest_label(self) -> int:
        """A page's label may carry a count after its title: leave room for it."""
        metrics = self._list.fontMetrics()
        return max(metrics.horizontalAdvance(title + ROOM_FOR_A_COUNT) for title in self.titles())

    def titles(self) -> list[str]:
        return [self._list.item(row).text() for row in range(self._list.count())]

    def show_page(self, page: QWidget) -> None:
        self._list.setCurrentRow(self._stack.indexOf(page))

    def set_label(self, page: QWidget, text: str, tooltip: str | None = None) -> None:
        """Change what the list says for `page`, such as a count after its title."""
        item = self._list.item(self._stack.indexOf(page))
        item.setText(text)
        item.setToolTip(tooltip or "")

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        leaving = self._stack.currentWidget()
        if leaving is not None and leaving.isAncestorOf(QApplication.focusWidget()):
            # Else Qt hands the focus to the next page's first table, which then selects its first row.
            self._list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._stack.setCurrentIndex(row)
        self.page_changed.emit(self._stack.widget(row))


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
