"""Invoicing: the numbering series of invoices and credit notes, the payment term and the language."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.settings import ShopSettings
from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import button_row, lay_out_form


def _series_field(object_name: str) -> QLineEdit:
    field = QLineEdit(objectName=object_name)
    field.setMaxLength(10)
    field.setMaximumWidth(160)
    return field


class InvoicingPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "invoicingPanel", parent)
        self._series = _series_field("invoiceSeries")
        self._credit_series = _series_field("creditNoteSeries")
        self._due_days = QSpinBox(objectName="dueDays")
        self._due_days.setRange(0, 365)
        self._due_days.setSuffix(self.tr(" days"))
        self._due_days.setMaximumWidth(160)
        self._language = QComboBox(objectName="invoiceLanguage")
        self._language.addItem("Français", "fr")
        self._language.addItem("English", "en")
        self._language.setMaximumWidth(160)

        self._form = FieldForm("invoicingForm")
        self._form.add_field(
            self.tr("Invoice series"),
            self._series,
            "invoice.series",
            hint=self.tr("A capital letter, then up to 9 capitals or digits: F gives F-2026-000001."),
        )
        self._form.add_field(
            self.tr("Credit note series"),
            self._credit_series,
            "invoice.credit_note_series",
            "credit_note_series",
        )
        self._form.add_field(self.tr("Payment term"), self._due_days, "due_days")
        self._form.add_field(self.tr("Language"), self._language, "language")

        self._save = button(self.tr("Save"), "saveInvoicingButton", "Ctrl+S", clicked=self.save)
        self.add_shortcut("saveInvoicingAction", QKeySequence.StandardKey.Save, self.save, self.tr("Save"))
        lay_out_form(
            self,
            hint_label(
                self.tr(
                    "Numbers run without gaps per series and year. A new series applies to the next invoices; "
                    "numbers already given never change."
                )
            ),
            self._form,
            button_row(self._save),
            self.notice,
            self.error,
        )

    def load(self) -> ShopSettings:
        return self.services.settings.current()

    def show_loaded(self, shop: ShopSettings) -> None:
        invoicing = shop.invoicing
        self._series.setText(invoicing.series)
        self._credit_series.setText(invoicing.credit_note_series)
        self._due_days.setValue(invoicing.due_days)
        self._language.setCurrentIndex(max(self._language.findData(invoicing.language), 0))

    def save(self) -> None:
        update = partial(
            self.services.settings.update_invoicing,
            self.actor,
            series=self._series.text().strip().upper(),
            credit_note_series=self._credit_series.text().strip().upper(),
            due_days=self._due_days.value(),
            language=self._language.currentData(),
        )
        self.run(
            update,
            self.show_loaded,
            notice=self.tr("Saved: the next invoices use it."),
            form=self._form,
            busy=[self._save],
        )
