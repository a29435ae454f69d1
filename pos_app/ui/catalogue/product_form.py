"""The product editor: a product's fields and its variants, saved in one go; what the service refuses is
shown next to the field (or in the variant's cell) that it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.vat import format_rate
from pos_app.errors import InvalidFields
from pos_app.services.inventory import ProductInfo
from pos_app.services.product_drafts import ProductDraft
from pos_app.ui.catalogue.variants_table import VariantsTable
from pos_app.ui.widgets.field_errors import FieldErrors
from pos_app.ui.widgets.labels import error_label, section_title

VARIANT_KEY = re.compile(r"variants\.(\d+)\.(\w+)")
HINT_STYLE = "color: #6b6b6b;"


def price_text(amount: Decimal | None) -> str:
    return "" if amount is None else str(amount)


class ProductForm(QWidget):
    """Edits one product, or a new one (`product_id` None). `save_requested` carries the draft; the page
    runs the save and calls `saved` or `refused`."""

    save_requested = Signal(object)  # ProductDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productForm")
        self.product_id: int | None = None
        self._title = section_title(self.tr("New product"), "productFormTitle")
        self._name = QLineEdit(objectName="productName")
        self._name.setMaxLength(200)
        self._category = self._editable_combo("productCategory")
        self._brand = self._editable_combo("productBrand")
        self._vat = QComboBox(objectName="productVat")
        self._price = QLineEdit(objectName="productPrice")
        self._price.setPlaceholderText("0.00")
        self._promo = QLineEdit(objectName="productPromoPrice")
        self._promo.setPlaceholderText(self.tr("none"))
        self._active = QCheckBox(self.tr("On sale at the counter and online"), objectName="productActive")
        self._active.setChecked(True)
        self._variants = VariantsTable()
        self._variants_error = error_label("variantsError")
        self._add_variant = QPushButton(self.tr("Add a &variant  (Ctrl+Shift+N)"), objectName="addVariant")
        self._add_variant.setAutoDefault(False)
        self._remove_variant = QPushButton(self.tr("Remove new variant"), objectName="removeVariant")
        self._remove_variant.setAutoDefault(False)
        self._error = error_label("productError")
        self._status = QLabel(objectName="productStatus")
        self._status.setStyleSheet(HINT_STYLE)
        self._save = QPushButton(self.tr("&Save  (Ctrl+S)"), objectName="productSave")
        self._save.setDefault(True)
        self._errors = FieldErrors(self._error)

        self._lay_out()
        self._add_variant.clicked.connect(self.add_variant)
        self._remove_variant.clicked.connect(lambda: self._variants.remove_new(self._variants.currentRow()))
        self._save.clicked.connect(self.request_save)
        for keys, slot, name in (
            (QKeySequence.StandardKey.Save, self.request_save, "productSaveAction"),
            (QKeySequence("Ctrl+Shift+N"), self.add_variant, "addVariantAction"),
        ):
            action = QAction(self, objectName=name)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            self.addAction(action)
        self.clear()

    @staticmethod
    def _editable_combo(name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        place = self._errors.place
        form.addRow(self.tr("&Name"), place("name", self._name, "productNameError"))
        form.addRow(self.tr("&Category"), place("category", self._category, "productCategoryError"))
        form.addRow(self.tr("&Brand"), place("brand", self._brand, "productBrandError"))
        form.addRow(self.tr("&VAT rate"), place("vat_rate", self._vat, "productVatError"))
        prices = QHBoxLayout()
        prices.setContentsMargins(0, 0, 0, 0)
        prices.addWidget(place("price", self._price, "productPriceError"), stretch=1)
        promo_label = QLabel(self.tr("P&romo price"))
        promo_label.setBuddy(self._promo)
        prices.addWidget(promo_label)
        prices.addWidget(place("promo_price", self._promo, "productPromoPriceError"), stretch=1)
        prices_box = QWidget()
        prices_box.setLayout(prices)
        price_label = QLabel(self.tr("&Price (VAT incl.)"))
        price_label.setBuddy(self._price)
        form.addRow(price_label, prices_box)
        form.addRow("", self._active)

        variant_buttons = QHBoxLayout()
        variant_buttons.addWidget(section_title(self.tr("Variants"), "variantsTitle"))
        variant_buttons.addStretch()
        variant_buttons.addWidget(self._remove_variant)
        variant_buttons.addWidget(self._add_variant)
        hint = QLabel(
            self.tr("Double-click a cell or start typing to change it. Alert at: the low-stock alert level."),
            objectName="variantsHint",
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)

        save_row = QHBoxLayout()
        save_row.addWidget(self._status, stretch=1)
        self._save.setMinimumHeight(self._save.sizeHint().height() + 10)
        save_row.addWidget(self._save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addLayout(form)
        layout.addLayout(variant_buttons)
        layout.addWidget(self._variants, stretch=1)
        layout.addWidget(hint)
        layout.addWidget(self._variants_error)
        layout.addWidget(self._error)
        layout.addLayout(save_row)
        self.setTabOrder(self._name, self._category)
        self.setTabOrder(self._category, self._brand)
        self.setTabOrder(self._brand, self._vat)
        self.setTabOrder(self._vat, self._price)
        self.setTabOrder(self._price, self._promo)
        self.setTabOrder(self._promo, self._active)
        self.setTabOrder(self._active, self._variants)
        self.setTabOrder(self._variants, self._add_variant)
        self.setTabOrder(self._add_variant, self._save)

    @property
    def variants(self) -> VariantsTable:
        return self._variants

    def set_choices(self, categories: Sequence[str], brands: Sequence[str], vat_rates: Sequence[Decimal]) -> None:
        """The catalogue's categories and brands, and the shop's VAT rates."""
        for combo, names in ((self._category, categories), (self._brand, brands)):
            typed = combo.currentText()
            combo.clear()
            combo.addItem("")
            combo.addItems(list(names))
            combo.setCurrentText(typed)
        chosen = self._vat.currentData()
        self._vat.clear()
        for rate in vat_rates:
            self._vat.addItem(f"{format_rate(rate)} %", rate)
        index = self._vat.findData(chosen) if chosen is not None else self._vat.count() - 1
        self._vat.setCurrentIndex(max(index, 0))

    def clear(self) -> None:
        """An empty form for a new product, with one variant to fill in."""
        self.product_id = None
        self._title.setText(self.tr("New product"))
        for field in (self._name, self._price, self._promo):
            field.clear()
        self._category.setCurrentText("")
        self._brand.setCurrentText("")
        if self._vat.count():
            self._vat.setCurrentIndex(self._vat.count() - 1)
        self._active.setChecked(True)
        self._variants.set_variants(())
        self._variants.add_variant()
        self._clear_problems()
        self._status.clear()
        self._name.setFocus()

    def load(self, product: ProductInfo) -> None:
        self.product_id = product.id
        self._title.setText(product.name)
        self._name.setText(product.name)
        self._category.setCurrentText(product.category or "")
        self._brand.setCurrentText(product.brand or "")
        index = self._vat.findData(product.vat_rate)
        if index < 0:
            self._vat.addItem(f"{format_rate(product.vat_rate)} %", product.vat_rate)
            index = self._vat.count() - 1
        self._vat.setCurrentIndex(index)
        self._price.setText(price_text(product.price))
        self._promo.setText(price_text(product.promo_price))
        self._active.setChecked(product.active)
        self._variants.set_variants(product.variants)
        self._clear_problems()
        self._status.clear()

    def add_variant(self) -> None:
        row = self._variants.add_variant()
        self._variants.setFocus()
        self._variants.editItem(self._variants.item(row, 0))

    def draft(self) -> ProductDraft:
        return ProductDraft(
            id=self.product_id,
            name=self._name.text(),
            category=self._category.currentText(),
            brand=self._brand.currentText(),
            vat_rate=self._vat.currentData() if self._vat.currentData() is not None else "",
            price=self._price.text().strip(),
            promo_price=self._promo.text().strip() or None,
            active=self._active.isChecked(),
            variants=self._variants.drafts(),
        )

    def request_save(self) -> None:
        if not self._save.isEnabled():
            return
        self._clear_problems()
        self._status.setText(self.tr("Saving…"))
        self._save.setEnabled(False)
        self.save_requested.emit(self.draft())

    def saved(self, product: ProductInfo) -> None:
        self._save.setEnabled(True)
        self.load(product)
        self._status.setText(self.tr("Saved."))

    def refused(self, error: Exception) -> None:
        """Show what the service refused: each problem next to its field, a variant's in its cell."""
        self._save.setEnabled(True)
        self._status.clear()
        problems = dict(error.problems) if isinstance(error, InvalidFields) else None
        if problems is None:
            self._errors.show(error)
            return
        variant_lines = []
        for key in [k for k in problems if k == "variants" or VARIANT_KEY.fullmatch(k)]:
            message = problems.pop(key)
            match = VARIANT_KEY.fullmatch(key)
            if match is not None:
                row, field_name = int(match[1]), match[2]
                self._variants.mark_problem(row, field_name, message)
                message = QCoreApplication.translate("ProductForm", "Variant {number}: {message}").format(
                    number=row + 1, message=message
                )
            variant_lines.append(message)
        if problems:
            self._errors.show(InvalidFields(problems))
        if variant_lines:
            self._variants_error.setText("\n".join(variant_lines))
            self._variants_error.show()

    def problem(self, key: str) -> str | None:
        """The message shown for `key` ("price"...), as a person reads it next to the field."""
        return self._errors.message(key)

    def variants_problem(self) -> str:
        return self._variants_error.text() if not self._variants_error.isHidden() else ""

    def _clear_problems(self) -> None:
        self._errors.clear()
        self._variants_error.hide()
        self._variants.clear_problems()
