"""The platform style with more room around the text of table cells and headers."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QTableView, QWidget

CELL_TEXT_MARGIN = 7  # the style adds one pixel to this
HEADER_MARGIN = 8


class RoomyStyle(QProxyStyle):
    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == QStyle.PixelMetric.PM_FocusFrameHMargin:
            return CELL_TEXT_MARGIN
        if metric == QStyle.PixelMetric.PM_HeaderMargin:
            return HEADER_MARGIN
        return super().pixelMetric(metric, option, widget)


def give_room(table: QTableView) -> None:
    """Cell and header texts start at the same inset, a little away from the column lines."""
    style = RoomyStyle(QApplication.style().name())
    style.setParent(table)
    for widget in (table, table.horizontalHeader()):
        widget.setStyle(style)
