"""What the payment tests share: the webhook secret, test cards, the shopper's steps and Stripe's signing."""

from __future__ import annotations

import hashlib
import hmac

import stripe

WEBHOOK_SECRET = "whsec_test_pos_gateway"
CARD_THAT_PAYS = "pm_card_visa"
# localstripe declines at charge time only the card 4000000000000341; its pm_card_visa_chargeDeclined pays.
CARD_THAT_IS_DECLINED = "pm_card_chargeCustomerFail"


def pay(shopper: stripe.StripeClient, intent_id: str, payment_method: str) -> None:
    """What Stripe.js does for the customer. localstripe wants two steps: it cannot confirm with a method."""
    shopper.v1.payment_intents.update(intent_id, params={"payment_method": payment_method})
    shopper.v1.payment_intents.confirm(intent_id)


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """A Stripe-Signature header, computed as Stripe does: HMAC-SHA256 of "<timestamp>.<body>"."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
