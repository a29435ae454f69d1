"""Labels with one job each: a page title, an inline error, a count badge."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

ERROR_STYLE = "color: #a1261b;"
BADGE_STYLE = "background: #ffe3a3; color: #5c3d00; border-radius: 9px; padding: 1px 9px; font-weight: 600;"


def page_title(text: str) -> QLabel:
    label = QLabel(text, objectName="pageTitle")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.45)
    label.setFont(font)
    return label


def error_label(object_name: str) -> QLabel:
    """Hidden until it has something to say; wraps long messages instead of widening the window."""
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


def badge(object_name: str) -> QLabel:
    label = QLabel(objectName=object_name)
    label.setStyleSheet(BADGE_STYLE)
    return label
