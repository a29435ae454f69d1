"""PaymentGateway on Stripe, through the official stripe library.

Each gateway has its own StripeClient (key, API address, retries, timeout): nothing is set on the stripe
module, so gateways for two shops or two servers can live in one process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import stripe

from pos_app import config
from pos_app.machine_secrets import STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, MachineSecrets
from pos_app.payments.gateway import (
    Intent,
    PaymentNotConfigured,
    PaymentProviderError,
    SignatureError,
    WebhookEvent,
)

SETTLED_STATUSES = frozenset({"canceled", "succeeded"})  # an intent in these states can no longer be canceled
ACTIVE_REFUND_STATUSES = frozenset({"pending", "requires_action", "succeeded"})
REFUND_KEY_METADATA = "pos_idempotency_key"  # lets a repeated refund find the first one, whatever the server
PAGE_SIZE = 100


class StripeGateway:
    """Payments through Stripe or a Stripe-compatible server (`api_base`, e.g. localstripe in the tests)."""

    def __init__(
        self,
        api_key: str,
        webhook_secret: str,
        api_base: str | None = None,
        tolerance_seconds: int = 300,
        *,
        max_network_retries: int = 2,
        timeout_seconds: float = 30.0,
    ) -> None:
        if not api_key:
            raise PaymentNotConfigured("No Stripe API key: set STRIPE_API_KEY to your secret key (sk_...).")
        if not webhook_secret:
            raise PaymentNotConfigured(
                "No Stripe webhook secret: set STRIPE_WEBHOOK_SECRET to the signing secret of the endpoint (whsec_...)."
            )
        self._webhook_secret = webhook_secret
        self._tolerance_seconds = tolerance_seconds
        self._api_base = (api_base or stripe.DEFAULT_API_BASE).rstrip("/")
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": self._api_base},
            max_network_retries=max_network_retries,
            http_client=stripe.RequestsClient(timeout=timeout_seconds),
        )

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, secrets: MachineSecrets | None = None
    ) -> StripeGateway:
        """A gateway from STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET and the optional STRIPE_API_BASE; a key the
        environment does not give is taken from this machine's secrets (`secrets`, else config.secrets_file()),
        where an admin keeps it from the settings screen.

        Raises PaymentNotConfigured naming the missing variable.
        """
        env = os.environ if environ is None else environ
        kept = secrets if secrets is not None else MachineSecrets(config.secrets_file())
        with_kept = {
            name: env.get(name, "").strip() or (kept.get(secret) or "").strip()
            for name, secret in (("STRIPE_API_KEY", STRIPE_API_KEY), ("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET))
        }
        return cls(
            api_key=_required_setting(
                with_kept, "STRIPE_API_KEY", "your Stripe secret key (sk_live_... or sk_test_...)"
            ),
            webhook_secret=_required_setting(
                with_kept, "STRIPE_WEBHOOK_SECRET", "the signing secret of your Stripe webhook endpoint (whsec_...)"
            ),
            api_base=env.get("STRIPE_API_BASE") or None,
        )

    def create_intent(
        self,
        *,
        amount: int,
        currency: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
        receipt_email: str | None = None,
    ) -> Intent:
        params: dict[str, Any] = {"amount": amount, "currency": currency.lower(), "metadata": dict(metadata)}
        if receipt_email:
            params["receipt_email"] = receipt_email
        with self._provider_errors(f"create a payment of {amount} {currency.upper()} (minor units)"):
            created = self._client.v1.payment_intents.create(
                params=params, options={"idempotency_key": idempotency_key}
            )
        return _intent_from(created)

    def retrieve_intent(self, intent_id: str) -> Intent:
        with self._provider_errors(f"read payment {intent_id}"):
            return _intent_from(self._client.v1.payment_intents.retrieve(intent_id))

    def cancel_intent(self, intent_id: str, *, idempotency_key: str) -> Intent:
        """Cancel unless already canceled or succeeded; returns the intent as it is afterwards."""
        current = self.retrieve_intent(intent_id)
        if current.status in SETTLED_STATUSES:
            return current
        try:
            with self._provider_errors(f"cancel payment {intent_id}"):
                canceled = self._client.v1.payment_intents.cancel(
                    intent_id, options={"idempotency_key": idempotency_key}
                )
        except PaymentProviderError as error:
            if error.retryable:
                raise
            return self._settled_after_refused_cancel(intent_id, error)
        return _intent_from(canceled)

    def refund(self, intent_id: str, *, idempotency_key: str) -> str:
        """Refund the whole payment; returns the refund id. The same key never refunds twice.

        Stripe honours the idempotency key for a day; the key is also kept on the refund, so a repeat finds it
        later too, and a payment refunded in full already is never refunded again.
        Raises PaymentProviderError (not retryable) when the intent has not succeeded.
        """
        intent = self._refundable_intent(intent_id)
        refunds = self._refunds_of(intent_id)
        for existing in refunds:
            if (existing.get("metadata") or {}).get(REFUND_KEY_METADATA) == idempotency_key:
                return str(existing["id"])
        charged = int(intent.get("amount_received") or intent["amount"])
        active = [refund for refund in refunds if refund.get("status") in ACTIVE_REFUND_STATUSES]
        refunded = sum(int(refund["amount"]) for refund in active)
        if refunded >= charged:
            return str(active[0]["id"])
        params = {
            "payment_intent": intent_id,
            "amount": charged - refunded,
            "metadata": {REFUND_KEY_METADATA: idempotency_key},
        }
        with self._provider_errors(f"refund payment {intent_id}"):
            created = self._client.v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})
        return str(created.id)

    def parse_webhook(self, payload: bytes, signature_header: str | None) -> WebhookEvent:
        """Verify the Stripe-Signature header on the raw body, then parse it. Raises SignatureError."""
        self._verify_signature(payload, signature_header)
        try:
            return _event_from(json.loads(payload))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise SignatureError("The webhook is correctly signed but its body is not a Stripe event.") from error

    def recent_events(self, *, since: int, types: Sequence[str]) -> list[WebhookEvent]:
        """Events created at or after `since` (Unix time), oldest first; only `types` (all when empty).

        Stripe keeps events for 30 days. Each type is listed on its own (Stripe's `type` filter; localstripe
        does not know the `types` list), then the lists are merged without duplicates.
        """
        found: dict[str, WebhookEvent] = {}
        for event_type in list(dict.fromkeys(types)) or [None]:
            for event in self._events_since(since, event_type):
                found.setdefault(event.id, event)
        return sorted(found.values(), key=lambda event: event.created)

    def _events_since(self, since: int, event_type: str | None) -> list[WebhookEvent]:
        params: dict[str, Any] = {"created": {"gte": since}, "limit": PAGE_SIZE}
        if event_type:
            params["type"] = event_type
        with self._provider_errors("list recent events"):
            page = self._client.v1.events.list(params=params)
            return [_event_from(event.to_dict()) for event in page.auto_paging_iter()]

    def _refundable_intent(self, intent_id: str) -> dict[str, Any]:
        with self._provider_errors(f"read payment {intent_id}"):
            intent = self._client.v1.payment_intents.retrieve(intent_id).to_dict()
        if intent["status"] != "succeeded":
            raise PaymentProviderError(
                f"Payment {intent_id} cannot be refunded: it is {intent['status']}, so nothing was charged. "
                "Cancel it instead.",
                retryable=False,
            )
        return intent

    def _refunds_of(self, intent_id: str) -> list[dict[str, Any]]:
        """The intent's refunds, newest first."""
        with self._provider_errors(f"list the refunds of payment {intent_id}"):
            page = self._client.v1.refunds.list(params={"payment_intent": intent_id, "limit": PAGE_SIZE})
            refunds = [refund.to_dict() for refund in page.auto_paging_iter()]
        return sorted(refunds, key=lambda refund: int(refund.get("created") or 0), reverse=True)

    def _settled_after_refused_cancel(self, intent_id: str, refusal: PaymentProviderError) -> Intent:
        """A refused cancel is fine when the intent got settled meanwhile (a concurrent cancel, a late payment)."""
        after = self.retrieve_intent(intent_id)
        if after.status in SETTLED_STATUSES:
            return after
        raise PaymentProviderError(
            f"{refusal} The payment is {after.status}.",
            retryable=after.status == "processing",  # it will succeed or fail soon; then cancel works or is moot
        ) from refusal

    def _verify_signature(self, payload: bytes, signature_header: str | None) -> None:
        if not signature_header:
            raise SignatureError("The webhook has no Stripe-Signature header: it does not come from Stripe.")
        try:
            stripe.WebhookSignature.verify_header(
                payload, signature_header, self._webhook_secret, self._tolerance_seconds
            )
        except stripe.SignatureVerificationError as error:
            raise SignatureError(
                f"The webhook's signature does not verify ({error.user_message}). If it comes from Stripe, check "
                "STRIPE_WEBHOOK_SECRET and the server's clock."
            ) from error
        except UnicodeDecodeError as error:
            raise SignatureError("The webhook body is not UTF-8 text: it does not come from Stripe.") from error

    @contextmanager
    def _provider_errors(self, action: str) -> Iterator[None]:
        """Turn the stripe library's errors into PaymentProviderError saying whether a retry may help."""
        try:
            yield
        except stripe.StripeError as error:
            raise _provider_error(action, error, self._api_base) from error


def _provider_error(action: str, error: stripe.StripeError, api_base: str) -> PaymentProviderError:
    detail = (error.user_message or type(error).__name__).rstrip(". ")
    status = f"HTTP {error.http_status}: " if error.http_status else ""
    if isinstance(error, stripe.APIConnectionError):
        return PaymentProviderError(
            f"Could not {action}: Stripe at {api_base} refused the connection or did not answer in time. "
            "Check the network connection and try again.",  # the library's own text is on __cause__, for logs
            retryable=True,
        )
    if isinstance(error, stripe.RateLimitError):
        return PaymentProviderError(
            f"Could not {action}: Stripe asks to slow down ({status}{detail}). Try again in a few seconds.",
            retryable=True,
        )
    if (error.http_status or 0) >= 500 or error.code == "lock_timeout":
        return PaymentProviderError(
            f"Could not {action}: Stripe had a temporary problem ({status}{detail}). Try again in a moment.",
            retryable=True,
        )
    return PaymentProviderError(f"Could not {action}: {status}{detail}. {_advice_for(error)}", retryable=False)


def _advice_for(error: stripe.StripeError) -> str:
    if isinstance(error, stripe.AuthenticationError):
        return "Stripe does not accept the API key: check STRIPE_API_KEY (or the Stripe keys in the settings)."
    if isinstance(error, stripe.PermissionError):
        return "The API key may not do this: use the account's secret key, not a restricted one."
    if isinstance(error, stripe.IdempotencyError):
        return "The same idempotency key was used before with other values: this is a bug, report it."
    if error.http_status == 404:
        return "Stripe does not know this id: it may belong to another Stripe account or to the other mode (test/live)."
    return "Stripe refused the request as it is; repeating it will not help."


def _required_setting(env: Mapping[str, str], name: str, meaning: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise PaymentNotConfigured(
            f"{name} is not set: set it to {meaning}, or an admin enters it in Settings, to take online payments."
        )
    return value


def _intent_from(intent: stripe.PaymentIntent) -> Intent:
    data = intent.to_dict()
    last_error = data.get("last_payment_error") or {}
    return Intent(
        id=data["id"],
        status=data["status"],
        amount=int(data["amount"]),
        currency=str(data["currency"]).lower(),
        client_secret=data.get("client_secret"),
        metadata={str(key): str(value) for key, value in (data.get("metadata") or {}).items()},
        last_error=last_error.get("message") or last_error.get("code"),
    )


def _event_from(event: Mapping[str, Any]) -> WebhookEvent:
    subject = (event.get("data") or {}).get("object") or {}
    return WebhookEvent(
        id=str(event["id"]),
        type=str(event["type"]),
        created=int(event["created"]),
        object_id=subject.get("id"),
        object_type=subject.get("object"),
    )
