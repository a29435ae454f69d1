"""Paints a ticket line's product with its discounts on a second, smaller line beneath."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from pos_app.ui.counter.ticket_model import OFFER_ROLE

OFFER_COLOUR = QColor("#1f6b3a")
PADDING = 7


class ProductCellDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        offer = index.data(OFFER_ROLE) or ""
        if not offer:
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        name = view_option.text
        view_option.text = ""
        style = view_option.widget.style() if view_option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, view_option.widget)

        area = option.rect.adjusted(PADDING, 3, -PADDING, -3)
        half = area.height() // 2
        top = QRect(area.left(), area.top(), area.width(), half)
        bottom = QRect(area.left(), area.top() + half, area.width(), area.height() - half)
        selected = bool(view_option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(view_option.font)
        text_role = view_option.palette.ColorRole.HighlightedText if selected else view_option.palette.ColorRole.Text
        painter.setPen(view_option.palette.color(text_role))
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if foreground is not None and not selected:
            painter.setPen(QColor(foreground))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.drawText(top, flags, view_option.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, top.width()))
        small = view_option.font
        small.setPointSizeF(small.pointSizeF() * 0.88)
        painter.setFont(small)
        if not selected:
            painter.setPen(OFFER_COLOUR)
        metrics = painter.fontMetrics()
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(offer, Qt.TextElideMode.ElideRight, bottom.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), option.fontMetrics.height() * 2 + 2 * PADDING)
