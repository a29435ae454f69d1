"""Fixtures: one localstripe for the session, a gateway on it, the shopper's side, and a webhook inbox."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import stripe

from pos_app.payments.stripe_gateway import StripeGateway
from tests.payments.helpers import WEBHOOK_SECRET
from tests.payments.webhook_inbox import WebhookInbox
from testsupport import localstripe


@pytest.fixture(scope="session")
def localstripe_server() -> Iterator[localstripe.LocalStripe]:
    server = localstripe.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def gateway(localstripe_server: localstripe.LocalStripe) -> StripeGateway:
    return StripeGateway(localstripe_server.api_key, WEBHOOK_SECRET, api_base=localstripe_server.api_base)


@pytest.fixture
def shopper(localstripe_server: localstripe.LocalStripe) -> stripe.StripeClient:
    """The customer's side (Stripe.js in the browser), and what a person checks in the Stripe dashboard."""
    return stripe.StripeClient(localstripe_server.api_key, base_addresses={"api": localstripe_server.api_base})


@pytest.fixture
def webhook_inbox(localstripe_server: localstripe.LocalStripe) -> Iterator[WebhookInbox]:
    inbox = WebhookInbox()
    webhook_id = f"inbox-{uuid.uuid4().hex[:8]}"
    localstripe_server.register_webhook(inbox.url, WEBHOOK_SECRET, webhook_id=webhook_id)
    try:
        yield inbox
    finally:
        localstripe_server.unregister_webhook(webhook_id)
        inbox.close()
