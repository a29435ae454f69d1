"""What the API tests share: stocking a product, checking out, and Stripe's side (signed events, the dashboard).

Payments reach the app as signed webhooks posted by the test (`deliver`), exactly as localstripe posts them to a
running server (test_served.py does that for real).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import stripe
from fastapi.testclient import TestClient

from pos_app.services import Services
from pos_app.services.auth import system_actor
from tests.payments.helpers import WEBHOOK_SECRET, sign

ADMIN_TOKEN = "test-admin-token-0123456789abcdef"
WEBHOOK_URL = "/api/webhooks/stripe"


def stock(svc: Services, sku: str, on_hand: int, price: str = "19.90", name: str = "T-shirt") -> None:
    """A product with one SKU and `on_hand` units, created by the shop's operator."""
    actor = system_actor()
    svc.inventory.create_product(actor, sku=sku, name=name, price=Decimal(price), vat_rate=Decimal("20"))
    if on_hand:
        svc.inventory.receive(actor, sku, on_hand)


def order_body(*lines: tuple[str, int], email: str = "client@example.com") -> dict[str, Any]:
    return {"lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines], "email": email}


def checkout(client: TestClient | httpx.Client, *lines: tuple[str, int], email: str = "client@example.com") -> Any:
    """POST /api/checkout that must succeed; returns its JSON body."""
    response = client.post("/api/checkout", json=order_body(*lines, email=email))
    assert response.status_code == 201, response.text
    return response.json()


def event_body(intent_id: str, event_type: str = "payment_intent.succeeded", event_id: str | None = None) -> bytes:
    event = {
        "id": event_id or f"evt_{uuid.uuid4().hex}",
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {"object": {"id": intent_id, "object": "payment_intent"}},
    }
    return json.dumps(event).encode()


def signed_headers(body: bytes, secret: str = WEBHOOK_SECRET, age_seconds: int = 0) -> dict[str, str]:
    return {"Stripe-Signature": sign(body, secret, int(time.time()) - age_seconds), "Content-Type": "application/json"}


def deliver(client: TestClient, intent_id: str, event_type: str = "payment_intent.succeeded") -> Any:
    """What Stripe does after a payment attempt: post the signed event to the webhook. Returns the receipt."""
    body = event_body(intent_id, event_type)
    response = client.post(WEBHOOK_URL, content=body, headers=signed_headers(body))
    assert response.status_code == 200, response.text
    return response.json()


def admin_headers(token: str = ADMIN_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def intent_of(shopper: stripe.StripeClient, intent_id: str) -> stripe.PaymentIntent:
    """The payment as the shop owner sees it in the Stripe dashboard."""
    return shopper.v1.payment_intents.retrieve(intent_id)


def wait_until(condition: Callable[[], bool], timeout_seconds: float = 15.0, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout_seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Waited {timeout_seconds} s for {what}.")
        time.sleep(0.05)
