"""The online shop: how long a checkout holds its stock, and the Stripe keys (kept on this machine, never shown)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.services.payment_keys import PaymentKeysView
from pos_app.services.settings import ShopSettings
from pos_app.ui.admin.field_form import FieldForm, align_labels, hint_label
from pos_app.ui.admin.panel import AdminPanel, button
from pos_app.ui.admin.panel_layout import SECTION_GAP, button_row, lay_out_form
from pos_app.ui.widgets.labels import section_title

LONGEST_HOLD_MINUTES = 24 * 60


@dataclass(frozen=True)
class OnlineShopState:
    reservation_minutes: int
    keys: PaymentKeysView


def load_online_shop(services: Services) -> OnlineShopState:
    return OnlineShopState(services.settings.current().reservation_minutes, services.payment_keys.payment_keys())


def _secret_field(object_name: str) -> QLineEdit:
    field = QLineEdit(objectName=object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class OnlineShopPanel(AdminPanel):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(services, actor, "onlineShopPanel", parent)
        self._minutes = QSpinBox(objectName="reservationMinutes")
        self._minutes.setRange(1, LONGEST_HOLD_MINUTES)
        self._minutes.setSuffix(self.tr(" minutes"))
        self._minutes.setMaximumWidth(180)
        self._hold_form = FieldForm("holdForm")
        self._hold_form.add_field(
            self.tr("Hold length"),
            self._minutes,
            "reservation_minutes",
            hint=self.tr(
                "How long a checkout keeps its items aside while the customer pays. Holds already taken keep "
                "their time. POS_RESERVATION_MINUTES, where it is set for the online shop's server, wins over it."
            ),
        )
        self._save_hold = button(self.tr("Save the hold length"), "saveHoldButton", clicked=self.save_hold_length)

        self._keys_state = hint_label("", "stripeKeysState")
        self._api_key = _secret_field("stripeApiKey")
        self._webhook_secret = _secret_field("stripeWebhookSecret")
        self._keys_form = FieldForm("stripeKeysForm")
        self._keys_form.add_field(self.tr("Secret key"), self._api_key, "api_key")
        self._keys_form.add_field(self.tr("Webhook signing secret"), self._webhook_secret, "webhook_secret")
        self._save_keys = button(self.tr("Replace the keys"), "saveStripeKeysButton", clicked=self.save_keys)
        for field in (self._api_key, self._webhook_secret):
            field.returnPressed.connect(self.save_keys)
        align_labels(self._hold_form, self._keys_form)
        lay_out_form(
            self,
            section_title(self.tr("Holds"), "holdsTitle"),
            self._hold_form,
            button_row(self._save_hold),
            SECTION_GAP,
            section_title(self.tr("Stripe keys"), "stripeKeysTitle"),
            hint_label(
                self.tr(
                    "From the Stripe dashboard: the secret key (sk_…) and the signing secret of the webhook "
                    "(whsec_…). They stay on this computer, never in the shared database, and are never shown "
                    "in full. Leave a field empty to keep its key; the payment server reads them when it starts."
                )
            ),
            self._keys_state,
            self._keys_form,
            button_row(self._save_keys),
            self.notice,
            self.error,
        )

    def load(self) -> OnlineShopState:
        return load_online_shop(self.services)

    def show_loaded(self, state: OnlineShopState) -> None:
        self._minutes.setValue(state.reservation_minutes)
        self._show_keys(state.keys)

    def _show_keys(self, keys: PaymentKeysView) -> None:
        self._api_key.clear()
        self._webhook_secret.clear()
        self._api_key.setPlaceholderText(keys.api_key_masked or self.tr("not set"))
        self._webhook_secret.setPlaceholderText(keys.webhook_secret_masked or self.tr("not set"))
        if keys.from_environment:
            state = self.tr(
                "This computer's environment gives the keys (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET): they are "
                "used instead of the ones kept here."
            )
        elif keys.api_key_set and keys.webhook_secret_set:
            state = self.tr("Online payments have both keys.")
        else:
            state = self.tr("Online payments need both keys before customers can pay.")
        self._keys_state.setText(state)

    def save_hold_length(self) -> None:
        minutes = self._minutes.value()
        self.run(
            partial(self.services.settings.update_reservations, self.actor, minutes=minutes),
            self._hold_saved,
            notice=self.tr("Saved: the next checkouts hold their items for {minutes} minutes.").format(minutes=minutes),
            form=self._hold_form,
            busy=[self._save_hold],
        )

    def _hold_saved(self, shop: ShopSettings) -> None:
        self._minutes.setValue(shop.reservation_minutes)

    def save_keys(self) -> None:
        api_key = self._api_key.text() or None
        webhook_secret = self._webhook_secret.text() or None
        if api_key is None and webhook_secret is None:
            self._keys_form.show_field_error("api_key", self.tr("Paste a new key to replace the one kept."))
            return
        self.run(
            partial(self.services.payment_keys.set_payment_keys, self.actor, api_key, webhook_secret),
            self._show_keys,
            notice=self.tr("The keys are replaced: restart the payment server so that it uses them."),
            form=self._keys_form,
            busy=[self._save_keys],
        )
