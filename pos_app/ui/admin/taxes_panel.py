"""VAT rates: the rates products may be sold at, their labels, and removing one no product uses."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from pos_app.domain.roles import Actor
from pos_app.domain.vat import format_rate
from pos_app.errors import ValidationError
from pos_app.services import Services
from pos_app.services.settings import VatRateInfo
from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import FORM_WIDTH, SECTION_GAP, button_row, lay_out_table
from pos_app.ui.admin.tables import admin_table, select_matching, selected_item
from pos_app.ui.widgets.labels import section_title
from pos_app.ui.widgets.table_model import Index, RowsTableModel


class RateColumn(IntEnum):
    RATE = 0
    LABEL = 1
    PRODUCTS = 2


RATE_HEADERS = {
    RateColumn.RATE: QT_TRANSLATE_NOOP("VatRatesModel", "Rate"),
    RateColumn.LABEL: QT_TRANSLATE_NOOP("VatRatesModel", "Label"),
    RateColumn.PRODUCTS: QT_TRANSLATE_NOOP("VatRatesModel", "Products"),
}


def rate_text(rate: Decimal) -> str:
    return f"{format_rate(rate)} %"


def typed_rate(text: str) -> Decimal:
    """'5,5', '5.5' or '5.5 %' -> 5.5. Raises ValidationError in plain words."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        rate = Decimal(cleaned)
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite():
        raise ValidationError(
            QCoreApplication.translate("TaxesPanel", "Type a rate in percent, such as 20 or 5.5."), field="vat_rate"
        )
    return rate


def _align(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignLeft if column == RateColumn.LABEL else Qt.AlignmentFlag.AlignRight
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class VatRatesModel(RowsTableModel[VatRateInfo]):
    columns = RateColumn
    headers = RATE_HEADERS
    align = staticmethod(_align)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match index.column():
                case RateColumn.RATE:
                    return rate_text(info.rate)
                case RateColumn.LABEL:
                    return info.label
                case RateColumn.PRODUCTS:
                    return str(info.products)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(index.column())
        return None


class TaxesPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "taxesPanel", parent)
        self._model = VatRatesModel(self)
        self._table = admin_table(self._model, "vatRatesTable", stretch_column=RateColumn.LABEL)
        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._remove = button(self.tr("Remove the rate"), "removeVatRateButton", clicked=self.remove_rate)

        self._rate = QLineEdit(objectName="vatRate")
        self._rate.setPlaceholderText(self.tr("e.g. 18"))
        self._label = QLineEdit(objectName="vatRateLabel")
        self._label.setPlaceholderText(self.tr("e.g. Standard rate"))
        self._add = button(self.tr("Add or relabel"), "addVatRateButton", clicked=self.add_rate)
        for field in (self._rate, self._label):
            field.returnPressed.connect(self.add_rate)
        self._form = FieldForm("vatRateForm")
        self._form.setMaximumWidth(FORM_WIDTH)
        self._form.add_field(self.tr("Rate (%)"), self._rate, "vat_rate")
        self._form.add_field(self.tr("Label"), self._label, "label")

        lay_out_table(
            self,
            hint_label(
                self.tr(
                    "Products are sold at one of these rates; prices include VAT. A rate can be removed once no "
                    "product uses it: past sales keep the rate they were sold at."
                )
            ),
            self._table,
            button_row(self._remove),
            SECTION_GAP,
            section_title(self.tr("Add a rate, or change a rate's label"), "addVatRateTitle"),
            self._form,
            button_row(self._add),
            self.notice,
            self.error,
        )
        self._select_after_load: str | None = None
        self.update_actions()

    def load(self) -> list[VatRateInfo]:
        return self.services.settings.vat_rate_list()

    def show_loaded(self, rates: list[VatRateInfo]) -> None:
        self._model.set_rows(rates)
        if self._select_after_load:
            select_matching(self._table, RateColumn.RATE, self._select_after_load)
            self._select_after_load = None
        self.update_actions()

    def selected_rate(self) -> VatRateInfo | None:
        return selected_item(self._table, self._model)

    def _selection_changed(self) -> None:
        """A chosen rate fills the form, so that relabelling it is typing the new label."""
        info = self.selected_rate()
        if info is not None:
            self._rate.setText(format_rate(info.rate))
            self._label.setText(info.label)
        self.update_actions()

    def update_actions(self) -> None:
        info = self.selected_rate()
        self._remove.setEnabled(info is not None and info.products == 0)
        in_use = info is not None and info.products > 0
        self._remove.setToolTip(self.tr("Products use this rate: move them to another one first.") if in_use else "")

    def add_rate(self) -> None:
        self._form.clear_errors()
        try:
            rate = typed_rate(self._rate.text())
        except ValidationError as error:
            self._form.show_error(error)
            return
        add = partial(self.services.settings.add_vat_rates, self.actor, {rate: self._label.text()})
        self._select_after_load = rate_text(rate)
        self.run(
            add,
            lambda _result: self.refresh(),
            notice=self.tr("The rate {rate} is saved.").format(rate=rate_text(rate)),
            form=self._form,
            busy=[self._add],
        )

    def remove_rate(self) -> None:
        info = self.selected_rate()
        if info is None:
            return
        remove = partial(self.services.settings.remove_vat_rate, self.actor, info.rate)
        self.run(
            remove,
            lambda _result: self.refresh(),
            notice=self.tr("The rate {rate} is removed.").format(rate=rate_text(info.rate)),
            busy=[self._remove],
        )
