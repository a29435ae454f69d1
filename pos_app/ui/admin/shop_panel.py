"""The shop as receipts and invoices print it: name, address, contact, tax numbers, legal mentions, logo and
currency."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.roles import Actor
from pos_app.errors import ValidationError
from pos_app.services import Services
from pos_app.services.settings import ShopSettings
from pos_app.ui.admin.field_form import FieldForm, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import SECTION_GAP, button_row, lay_out_form
from pos_app.ui.widgets.labels import section_title

COMMON_CURRENCIES = ("EUR", "XOF", "XAF", "MAD", "TND", "DZD", "GNF", "USD", "GBP", "CHF", "CAD")
LOGO_BOX = (260, 110)
LOGO_STYLE = "QLabel#logoPreview { background: #fafaf8; border: 1px dashed #c9c9c4; border-radius: 6px; }"


@dataclass(frozen=True)
class ShopIdentity:
    settings: ShopSettings
    logo: bytes | None


def load_identity(services: Services) -> ShopIdentity:
    """Runs on the worker: the settings, and the logo decoded from its data: URL."""
    logo = services.settings.logo()
    image = base64.b64decode(logo.split(",", 1)[1]) if logo else None
    return ShopIdentity(services.settings.current(), image)


def read_and_set_logo(services: Services, actor: Actor, path: str) -> bytes:
    """Runs on the worker: the chosen file's bytes, saved as the logo."""
    try:
        image = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(
            f"Cannot read {path}: {error.strerror or error}. Choose another file.", field="logo"
        ) from None
    services.settings.set_logo(actor, image)
    return image


def _text_box(object_name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=object_name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


class ShopPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "shopPanel", parent)
        self._logo_bytes: bytes | None = None
        self._name = QLineEdit(objectName="shopName")
        self._address = _text_box("shopAddress", 3)
        self._phone = QLineEdit(objectName="shopPhone")
        self._email = QLineEdit(objectName="shopEmail")
        self._vat_number = QLineEdit(objectName="shopVatNumber")
        self._vat_number.setPlaceholderText(self.tr("e.g. FR40303265045"))
        self._company_number = QLineEdit(objectName="shopCompanyNumber")
        self._company_number.setPlaceholderText(self.tr("SIRET, RCCM, NINEA…"))
        self._legal = _text_box("legalMentions", 3)
        self._currency = QComboBox(objectName="shopCurrency")
        self._currency.setEditable(True)
        self._currency.addItems(COMMON_CURRENCIES)
        self._currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._currency.setMinimumWidth(120)

        self._form = FieldForm("shopForm")
        self._form.add_field(self.tr("Shop name"), self._name, "shop_name", "shop name")
        self._form.add_field(self.tr("Address"), self._address, "shop_address", "address")
        self._form.add_field(self.tr("Phone"), self._phone, "shop_phone", "phone")
        self._form.add_field(self.tr("Email"), self._email, "shop_email", "email")
        self._form.add_field(
            self.tr("VAT number"),
            self._vat_number,
            "shop_vat_number",
            "VAT number",
            hint=self.tr("Invoices need it, with the shop's name."),
        )
        self._form.add_field(self.tr("Company number"), self._company_number, "shop_company_number", "company number")
        self._form.add_field(
            self.tr("Legal mentions"),
            self._legal,
            "legal_mentions",
            "legal mentions",
            hint=self.tr("Printed at the foot of invoices: legal form, capital, registry, late-payment terms."),
        )
        self._form.add_field(
            self.tr("Currency"),
            self._currency,
            "currency",
            hint=self.tr("Prices are not converted: change it before the first sale."),
        )

        self._save = button(self.tr("Save"), "saveShopButton", "Ctrl+S", clicked=self.save)
        self.add_shortcut("saveShopAction", QKeySequence.StandardKey.Save, self.save, self.tr("Save"))

        self._logo = QLabel(objectName="logoPreview")
        self._logo.setFixedSize(*LOGO_BOX)
        self._logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._logo.setStyleSheet(LOGO_STYLE)
        self._choose_logo = button(self.tr("Choose a logo…"), "chooseLogoButton", clicked=self.choose_logo)
        self._remove_logo = button(self.tr("Remove the logo"), "removeLogoButton", clicked=self.remove_logo)
        lay_out_form(
            self,
            hint_label(self.tr("What receipts and invoices print about the shop.")),
            self._form,
            button_row(self._save),
            self.notice,
            self.error,
            SECTION_GAP,
            section_title(self.tr("Logo"), "logoTitle"),
            hint_label(self.tr("A PNG or JPEG image of at most 512 KB, printed at the top of invoices.")),
            self._logo_row(),
            object_name="shopContent",
            scroll_name="shopScroll",
        )

    def _logo_row(self) -> QHBoxLayout:
        """The logo, with its buttons on its right."""
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self._choose_logo)
        logo_buttons.addWidget(self._remove_logo)
        logo_buttons.addStretch()
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(self._logo)
        row.addLayout(logo_buttons)
        row.addStretch()
        return row

    def load(self) -> ShopIdentity:
        return load_identity(self.services)

    def show_loaded(self, identity: ShopIdentity) -> None:
        shop = identity.settings
        self._name.setText(shop.shop_name)
        self._address.setPlainText(shop.shop_address)
        self._phone.setText(shop.shop_phone)
        self._email.setText(shop.shop_email)
        self._vat_number.setText(shop.shop_vat_number)
        self._company_number.setText(shop.shop_company_number)
        self._legal.setPlainText(shop.legal_mentions)
        self._currency.setCurrentText(shop.currency.code)
        self._show_logo(identity.logo)

    def save(self) -> None:
        update = partial(
            self.services.settings.update_identity,
            self.actor,
            shop_name=self._name.text(),
            currency_code=self._currency.currentText(),
            shop_address=self._address.toPlainText(),
            shop_phone=self._phone.text(),
            shop_email=self._email.text(),
            shop_vat_number=self._vat_number.text(),
            shop_company_number=self._company_number.text(),
            legal_mentions=self._legal.toPlainText(),
        )
        self.run(
            update,
            lambda shop: self.show_loaded(ShopIdentity(shop, self._logo_bytes)),
            notice=self.tr("Saved: the next receipts and invoices print it."),
            form=self._form,
            busy=[self._save],
        )

    # ----- logo -----------------------------------------------------------------------------------

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the shop's logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        self.run(
            partial(read_and_set_logo, self.services, self.actor, path),
            self._show_logo,
            notice=self.tr("The logo is saved: the next invoices print it."),
            busy=[self._choose_logo, self._remove_logo],
        )

    def remove_logo(self) -> None:
        self.run(
            partial(self.services.settings.set_logo, self.actor, None),
            lambda _result: self._show_logo(None),
            notice=self.tr("The logo is removed."),
            busy=[self._choose_logo, self._remove_logo],
        )

    def _show_logo(self, image: bytes | None) -> None:
        self._logo_bytes = image
        pixmap = QPixmap()
        if image and pixmap.loadFromData(image):
            width, height = LOGO_BOX
            self._logo.setPixmap(
                pixmap.scaled(
                    width - 12,
                    height - 12,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self._logo.setPixmap(QPixmap())
            self._logo.setText(self.tr("No logo"))
        self._remove_logo.setEnabled(image is not None)

    def update_actions(self) -> None:
        self._remove_logo.setEnabled(self._logo_bytes is not None)
