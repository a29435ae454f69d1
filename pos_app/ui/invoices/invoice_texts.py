"""How the invoice screens name statuses, kinds of document and what happened to a document."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from pos_app.documents import formatting
from pos_app.domain.invoice import InvoiceKind, InvoiceStatus
from pos_app.ui.till.amounts import ui_locale

STATUS_NAMES = {
    InvoiceStatus.PAID: QT_TRANSLATE_NOOP("InvoiceTexts", "Paid"),
    InvoiceStatus.DUE: QT_TRANSLATE_NOOP("InvoiceTexts", "Due"),
    InvoiceStatus.OVERDUE: QT_TRANSLATE_NOOP("InvoiceTexts", "Overdue"),
    InvoiceStatus.PARTLY_CREDITED: QT_TRANSLATE_NOOP("InvoiceTexts", "Partly credited"),
    InvoiceStatus.CREDITED: QT_TRANSLATE_NOOP("InvoiceTexts", "Credited"),
    InvoiceStatus.CREDIT_NOTE: QT_TRANSLATE_NOOP("InvoiceTexts", "Credit note"),
}
STATUS_COLOURS = {
    InvoiceStatus.PAID: QColor("#1a5e2a"),
    InvoiceStatus.DUE: QColor("#5c3d00"),
    InvoiceStatus.OVERDUE: QColor("#a1261b"),
    InvoiceStatus.PARTLY_CREDITED: QColor("#6b6b6b"),
    InvoiceStatus.CREDITED: QColor("#6b6b6b"),
    InvoiceStatus.CREDIT_NOTE: QColor("#1f4f8a"),
}
STATUS_BACKGROUNDS = {
    InvoiceStatus.PAID: QColor("#d7f0dc"),
    InvoiceStatus.DUE: QColor("#ffe3a3"),
    InvoiceStatus.OVERDUE: QColor("#f9d3cf"),
    InvoiceStatus.PARTLY_CREDITED: QColor("#ececea"),
    InvoiceStatus.CREDITED: QColor("#ececea"),
    InvoiceStatus.CREDIT_NOTE: QColor("#dde6f3"),
}
EVENT_NAMES = {
    "issued": QT_TRANSLATE_NOOP("InvoiceTexts", "Issued by {user}"),
    "printed": QT_TRANSLATE_NOOP("InvoiceTexts", "Printed by {user}"),
    "reprinted": QT_TRANSLATE_NOOP("InvoiceTexts", "Reprinted by {user}"),
    "saved": QT_TRANSLATE_NOOP("InvoiceTexts", "Saved as PDF by {user}"),
    "emailed": QT_TRANSLATE_NOOP("InvoiceTexts", "Emailed by {user}"),
    "exported": QT_TRANSLATE_NOOP("InvoiceTexts", "Exported by {user}"),
    "credited": QT_TRANSLATE_NOOP("InvoiceTexts", "Credited by credit note {document} ({user})"),
}


def status_name(status: InvoiceStatus) -> str:
    return QCoreApplication.translate("InvoiceTexts", STATUS_NAMES[status])


def kind_name(kind: InvoiceKind) -> str:
    if kind is InvoiceKind.CREDIT_NOTE:
        return QCoreApplication.translate("InvoiceTexts", "Credit note")
    return QCoreApplication.translate("InvoiceTexts", "Invoice")


def event_text(kind: str, user: str, document: str | None) -> str:
    template = EVENT_NAMES.get(kind)
    if template is None:  # a kind recorded by a newer version of the app
        return kind
    return QCoreApplication.translate("InvoiceTexts", template).format(user=user or "?", document=document or "")


def day_text(day: date | datetime) -> str:
    return formatting.short_date(day, ui_locale())


def rate_text(rate: Decimal) -> str:
    return formatting.percent(rate, ui_locale())
