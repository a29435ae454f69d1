"""Labels with one job each: a page title, a section title, an inline error, a count badge."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

ERROR_STYLE = "color: #a1261b;"
BADGE_SHAPE = "border-radius: 9px; padding: 1px 9px; font-weight: 600;"
BADGE_STYLE = f"background: #ffe3a3; color: #5c3d00; {BADGE_SHAPE}"
ALERT_BADGE_STYLE = f"background: #f9d3cf; color: #8a1c12; {BADGE_SHAPE}"


def page_title(text: str) -> QLabel:
    label = QLabel(text, objectName="pageTitle")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.45)
    label.setFont(font)
    return label


def section_title(text: str, object_name: str) -> QLabel:
    """The title of one part of a page, a step below the page title."""
    label = QLabel(text, objectName=object_name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
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


def badge(object_name: str, *, alert: bool = False) -> QLabel:
    """A count in a pill: amber for a warning, red (`alert`) for something a person has to act on."""
    label = QLabel(objectName=object_name)
    label.setStyleSheet(ALERT_BADGE_STYLE if alert else BADGE_STYLE)
    return label
