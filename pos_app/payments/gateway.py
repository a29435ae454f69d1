"""What the services need from a payment provider. StripeGateway implements it with the stripe library."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


class PaymentProviderError(Exception):
    """The provider could not be reached or refused the call; `retryable` when trying again may work."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class PaymentNotConfigured(PaymentProviderError):
    """A setting the provider needs (an API key, a webhook secret) is missing. Never retryable."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


class SignatureError(Exception):
    """A webhook whose signature is missing, malformed, stale or made with another secret."""


@dataclass(frozen=True)
class Intent:
    """A payment intent as the provider reports it now."""

    id: str
    status: str  # requires_payment_method, requires_confirmation, requires_action, processing, succeeded, canceled...
    amount: int  # in the currency's minor unit
    currency: str  # lower-case ISO code, as Stripe writes it
    client_secret: str | None
    metadata: Mapping[str, str]
    # Why the last payment attempt failed; a declined card leaves the intent in requires_payment_method.
    last_error: str | None = None


@dataclass(frozen=True)
class WebhookEvent:
    """One provider event, from a webhook or from the event list."""

    id: str  # the same event may arrive more than once: handlers must be idempotent on this id
    type: str  # payment_intent.succeeded, payment_intent.payment_failed...
    created: int  # Unix time, whole seconds
    object_id: str | None  # the id of the object the event is about (a PaymentIntent's id)
    object_type: str | None  # "payment_intent"...


class PaymentGateway(Protocol):
    def create_intent(
        self,
        *,
        amount: int,
        currency: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
        receipt_email: str | None = None,
    ) -> Intent:
        """Open a payment of `amount` minor units (XOF has none: 1500 XOF is 1500). Raises PaymentProviderError."""
        ...

    def retrieve_intent(self, intent_id: str) -> Intent:
        """The intent as the provider knows it now. Raises PaymentProviderError."""
        ...

    def cancel_intent(self, intent_id: str, *, idempotency_key: str) -> Intent:
        """Cancel unless already canceled or succeeded; returns the intent as it is afterwards."""
        ...

    def refund(self, intent_id: str, *, idempotency_key: str) -> str:
        """Refund the whole payment; returns the refund id. The same key never refunds twice.

        A payment refunded in full already returns that refund's id instead of refunding again.
        Raises PaymentProviderError (not retryable) when the intent has not succeeded: nothing was charged.
        """
        ...

    def parse_webhook(self, payload: bytes, signature_header: str | None) -> WebhookEvent:
        """Verify the signature on the raw body, then parse it.

        Raises SignatureError, also when a correctly signed body is not an event.
        """
        ...

    def recent_events(self, *, since: int, types: Sequence[str]) -> list[WebhookEvent]:
        """Events created at or after `since` (Unix time), oldest first, for reconciliation.

        Only `types` are listed (every type when empty). Events of the same second come in no set order.
        """
        ...
