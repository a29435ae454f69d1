"""A card of the dashboard: a caption, a figure and a line under it; clicked (or Enter) it opens its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

CARD_STYLE = """
QPushButton#{name} {{
    background: #ffffff; border: 1px solid #dcdcd8; border-radius: 8px; text-align: left; padding: 0;
}}
QPushButton#{name}:hover {{ border-color: #7d9bc4; background: #fbfcfe; }}
QPushButton#{name}:focus {{ border: 2px solid #7d9bc4; }}
QPushButton#{name}:disabled {{ background: #ffffff; }}
"""
CAPTION_STYLE = "color: #6b6b6b; font-size: 13px;"
FIGURE_STYLE = "color: #1b2a3d; font-size: 26px; font-weight: 600;"
ALERT_FIGURE_STYLE = "color: #8a1c12; font-size: 26px; font-weight: 600;"
DETAIL_STYLE = "color: #4a4a4a;"
LINK_STYLE = "color: #2f5f9e;"


class DashboardCard(QPushButton):
    """The labels are painted on the button; clicks and keys go to the button itself."""

    def __init__(self, name: str, caption: str, link_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(CARD_STYLE.format(name=name))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)
        self._caption = self._label(caption, CAPTION_STYLE, f"{name}Caption")
        self.figure = self._label("…", FIGURE_STYLE, f"{name}Figure")
        self.detail = self._label("", DETAIL_STYLE, f"{name}Detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._link = self._label(link_text, LINK_STYLE, f"{name}Link")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(self._caption)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail, stretch=1)
        layout.addWidget(self._link)
        self.setAccessibleName(caption)

    def _label(self, text: str, style: str, name: str) -> QLabel:
        label = QLabel(text, objectName=name)
        label.setStyleSheet(style)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def show_figures(self, figure: str, detail: str, *, alert: bool = False) -> None:
        self.figure.setText(figure)
        self.figure.setStyleSheet(ALERT_FIGURE_STYLE if alert else FIGURE_STYLE)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{figure}. {detail}")

    def set_link(self, linked: bool) -> None:
        """Without a page to open for this user, the card only shows its figures."""
        self._link.setVisible(linked)
        self.setEnabled(linked)
        self.setCursor(Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.ArrowCursor)
