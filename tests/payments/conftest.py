"""Fixtures of the gateway tests: a webhook inbox (localstripe and the gateway are in tests/conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.payments.helpers import WEBHOOK_SECRET
from tests.payments.webhook_inbox import WebhookInbox
from testsupport import localstripe


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
