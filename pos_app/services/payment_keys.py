"""The Stripe keys an admin enters in the settings screen, kept on this machine (never in the shared database).

STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET in the environment win over them (see StripeGateway.from_environment).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import stripe

from pos_app.domain.roles import Actor, Permission
from pos_app.errors import ValidationError
from pos_app.machine_secrets import STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, MachineSecrets, masked

API_KEY_PREFIXES = ("sk_", "rk_")  # a secret key, or a restricted key
WEBHOOK_SECRET_PREFIX = "whsec_"
LONGEST_KEY = 500


@dataclass(frozen=True)
class PaymentKeysView:
    """What the settings screen shows of the keys: never more than their kind and last characters.
    `from_environment` says the environment's keys are the ones in use, whatever is kept here."""

    api_key_masked: str
    webhook_secret_masked: str
    api_base: str
    api_key_set: bool
    webhook_secret_set: bool
    from_environment: bool


class PaymentKeysService:
    def __init__(self, secrets: MachineSecrets, environ: Mapping[str, str] | None = None) -> None:
        self._secrets = secrets
        self._environ = environ

    def payment_keys(self) -> PaymentKeysView:
        """The keys online payments use: the environment's, else those kept on this machine."""
        env = os.environ if self._environ is None else self._environ
        api_key = env.get("STRIPE_API_KEY", "").strip() or self._secrets.get(STRIPE_API_KEY)
        webhook_secret = env.get("STRIPE_WEBHOOK_SECRET", "").strip() or self._secrets.get(STRIPE_WEBHOOK_SECRET)
        return PaymentKeysView(
            api_key_masked=masked(api_key),
            webhook_secret_masked=masked(webhook_secret),
            api_base=env.get("STRIPE_API_BASE") or stripe.DEFAULT_API_BASE,
            api_key_set=bool(api_key),
            webhook_secret_set=bool(webhook_secret),
            from_environment=bool(
                env.get("STRIPE_API_KEY", "").strip() or env.get("STRIPE_WEBHOOK_SECRET", "").strip()
            ),
        )

    def set_payment_keys(self, actor: Actor, api_key: str | None, webhook_secret: str | None) -> PaymentKeysView:
        """Keep the Stripe secret key (sk_... or rk_...) and the webhook signing secret (whsec_...) on this
        machine: None keeps the one kept, "" removes it. A running payment server reads them when it starts.
        Raises PermissionDenied, ValidationError (field api_key or webhook_secret; nothing is changed then),
        MachineSecretsError."""
        actor.require(Permission.MANAGE_SETTINGS)
        changes: dict[str, str] = {}
        if api_key is not None:
            changes[STRIPE_API_KEY] = _key(
                api_key, "api_key", API_KEY_PREFIXES, "the secret key (sk_live_… or sk_test_…)"
            )
        if webhook_secret is not None:
            changes[STRIPE_WEBHOOK_SECRET] = _key(
                webhook_secret, "webhook_secret", (WEBHOOK_SECRET_PREFIX,), "the webhook signing secret (whsec_…)"
            )
        for name, value in changes.items():
            self._secrets.set(name, value)
        return self.payment_keys()


def _key(value: str, field: str, prefixes: tuple[str, ...], meaning: str) -> str:
    key = value.strip()
    if not key:
        return ""
    if key.startswith("pk_"):
        raise ValidationError(f"That is the publishable key: paste {meaning} from the Stripe dashboard.", field=field)
    if not key.startswith(prefixes) or len(key) > LONGEST_KEY or any(not c.isprintable() or c.isspace() for c in key):
        raise ValidationError(f"That is not {meaning}: copy it again from the Stripe dashboard.", field=field)
    return key
