"""StripeGateway driving the real stripe library against localstripe on loopback."""

from __future__ import annotations

import json
import socket
import time
import uuid
from collections.abc import Iterator

import pytest
import stripe

from pos_app.payments import stripe_gateway
from pos_app.payments.gateway import Intent, PaymentGateway, PaymentNotConfigured, PaymentProviderError, SignatureError
from pos_app.payments.stripe_gateway import StripeGateway
from tests.payments.helpers import CARD_THAT_IS_DECLINED, CARD_THAT_PAYS, WEBHOOK_SECRET, pay, sign
from tests.payments.webhook_inbox import WebhookInbox
from testsupport.localstripe import LocalStripe


def new_key() -> str:
    return uuid.uuid4().hex


def open_intent(gateway: PaymentGateway, amount: int = 1990, currency: str = "EUR") -> Intent:
    return gateway.create_intent(
        amount=amount,
        currency=currency,
        metadata={"reservation_id": "res-1"},
        idempotency_key=new_key(),
        receipt_email="client@example.com",
    )


def paid_intent(gateway: PaymentGateway, shopper: stripe.StripeClient) -> Intent:
    intent = open_intent(gateway)
    pay(shopper, intent.id, CARD_THAT_PAYS)
    return intent


def event_body(event_id: str = "evt_test_1", intent_id: str = "pi_test_1") -> bytes:
    event = {
        "id": event_id,
        "object": "event",
        "type": "payment_intent.succeeded",
        "created": int(time.time()),
        "data": {"object": {"id": intent_id, "object": "payment_intent", "status": "succeeded"}},
    }
    return json.dumps(event).encode()


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections: bound, so nobody else takes it, but not listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


# Intents


@pytest.mark.parametrize(("amount", "currency"), [(1990, "EUR"), (1500, "XOF")])
def test_creates_an_intent_in_minor_units_and_reads_it_back(
    gateway: StripeGateway, shopper: stripe.StripeClient, amount: int, currency: str
) -> None:
    created = open_intent(gateway, amount, currency)

    assert created.status == "requires_payment_method"
    assert (created.amount, created.currency) == (amount, currency.lower())
    assert created.client_secret and created.client_secret.startswith(created.id)
    assert created.metadata == {"reservation_id": "res-1"}
    assert gateway.retrieve_intent(created.id) == created
    assert shopper.v1.payment_intents.retrieve(created.id).receipt_email == "client@example.com"


def test_a_paid_intent_reads_as_succeeded(gateway: StripeGateway, shopper: stripe.StripeClient) -> None:
    intent = open_intent(gateway)

    pay(shopper, intent.id, CARD_THAT_PAYS)

    paid = gateway.retrieve_intent(intent.id)
    assert paid.status == "succeeded"
    assert paid.last_error is None


def test_a_declined_card_leaves_the_intent_waiting_for_another_payment_method(
    gateway: StripeGateway, shopper: stripe.StripeClient
) -> None:
    intent = open_intent(gateway)

    with pytest.raises(stripe.CardError):
        pay(shopper, intent.id, CARD_THAT_IS_DECLINED)

    failed = gateway.retrieve_intent(intent.id)
    assert failed.status == "requires_payment_method"
    assert failed.last_error == "Your card was declined."


def test_cancelling_an_unpaid_intent_twice_is_fine(gateway: StripeGateway) -> None:
    intent = open_intent(gateway)
    key = new_key()

    first = gateway.cancel_intent(intent.id, idempotency_key=key)
    again = gateway.cancel_intent(intent.id, idempotency_key=key)
    with_another_key = gateway.cancel_intent(intent.id, idempotency_key=new_key())

    assert first.status == again.status == with_another_key.status == "canceled"
    assert gateway.retrieve_intent(intent.id).status == "canceled"


def test_cancelling_a_paid_intent_leaves_it_paid(gateway: StripeGateway, shopper: stripe.StripeClient) -> None:
    intent = paid_intent(gateway, shopper)

    after = gateway.cancel_intent(intent.id, idempotency_key=new_key())

    assert after.status == "succeeded"


# Refunds


def test_refunding_twice_with_the_same_key_refunds_once(gateway: StripeGateway, shopper: stripe.StripeClient) -> None:
    intent = paid_intent(gateway, shopper)
    key = new_key()

    first = gateway.refund(intent.id, idempotency_key=key)
    again = gateway.refund(intent.id, idempotency_key=key)

    refunds = list(shopper.v1.refunds.list(params={"payment_intent": intent.id}).auto_paging_iter())
    assert first == again
    assert [(refund.id, refund.amount) for refund in refunds] == [(first, 1990)]


def test_refunding_a_refunded_payment_with_another_key_does_not_refund_again(
    gateway: StripeGateway, shopper: stripe.StripeClient
) -> None:
    intent = paid_intent(gateway, shopper)
    first = gateway.refund(intent.id, idempotency_key=new_key())

    again = gateway.refund(intent.id, idempotency_key=new_key())

    refunds = list(shopper.v1.refunds.list(params={"payment_intent": intent.id}).auto_paging_iter())
    assert again == first
    assert len(refunds) == 1


def test_refunding_an_unpaid_intent_is_refused_for_good(gateway: StripeGateway) -> None:
    intent = open_intent(gateway)

    with pytest.raises(PaymentProviderError, match="nothing was charged") as refused:
        gateway.refund(intent.id, idempotency_key=new_key())

    assert refused.value.retryable is False


# Webhook signatures


def test_a_correctly_signed_webhook_parses(gateway: StripeGateway) -> None:
    body = event_body("evt_signed", "pi_signed")

    event = gateway.parse_webhook(body, sign(body, WEBHOOK_SECRET, int(time.time())))

    assert (event.id, event.type) == ("evt_signed", "payment_intent.succeeded")
    assert (event.object_id, event.object_type) == ("pi_signed", "payment_intent")


def test_a_webhook_without_signature_header_is_rejected(gateway: StripeGateway) -> None:
    with pytest.raises(SignatureError, match="no Stripe-Signature header"):
        gateway.parse_webhook(event_body(), None)


@pytest.mark.parametrize(
    "header", ["garbage", "t=not-a-number,v1=abc", "v1=abc", "t=1700000000", "t=1700000000,v0=abc"]
)
def test_a_webhook_with_a_malformed_signature_header_is_rejected(gateway: StripeGateway, header: str) -> None:
    with pytest.raises(SignatureError):
        gateway.parse_webhook(event_body(), header)


def test_a_webhook_signed_with_another_secret_is_rejected(gateway: StripeGateway) -> None:
    body = event_body()

    with pytest.raises(SignatureError, match="STRIPE_WEBHOOK_SECRET"):
        gateway.parse_webhook(body, sign(body, "whsec_someone_else", int(time.time())))


def test_a_webhook_changed_after_signing_is_rejected(gateway: StripeGateway) -> None:
    header = sign(event_body(intent_id="pi_original"), WEBHOOK_SECRET, int(time.time()))

    with pytest.raises(SignatureError):
        gateway.parse_webhook(event_body(intent_id="pi_forged"), header)


def test_a_webhook_signed_longer_ago_than_the_tolerance_is_rejected(localstripe_server: LocalStripe) -> None:
    gateway = StripeGateway(
        localstripe_server.api_key, WEBHOOK_SECRET, api_base=localstripe_server.api_base, tolerance_seconds=60
    )
    body = event_body()
    now = int(time.time())

    assert gateway.parse_webhook(body, sign(body, WEBHOOK_SECRET, now - 50)).id == "evt_test_1"
    with pytest.raises(SignatureError, match="clock"):
        gateway.parse_webhook(body, sign(body, WEBHOOK_SECRET, now - 70))


def test_a_signed_body_that_is_not_an_event_is_rejected(gateway: StripeGateway) -> None:
    body = b'{"hello": "world"}'

    with pytest.raises(SignatureError, match="not a Stripe event"):
        gateway.parse_webhook(body, sign(body, WEBHOOK_SECRET, int(time.time())))


def test_a_webhook_sent_by_localstripe_verifies_and_names_the_intent(
    gateway: StripeGateway, shopper: stripe.StripeClient, webhook_inbox: WebhookInbox
) -> None:
    intent = paid_intent(gateway, shopper)

    delivered = webhook_inbox.wait_for(lambda webhook: webhook.json()["data"]["object"].get("id") == intent.id)
    event = gateway.parse_webhook(delivered.body, delivered.signature_header)

    assert event.type == "payment_intent.succeeded"
    assert (event.object_id, event.object_type) == (intent.id, "payment_intent")


# Events for reconciliation


def test_recent_events_lists_the_payment_outcomes_oldest_first(
    gateway: StripeGateway, shopper: stripe.StripeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stripe_gateway, "PAGE_SIZE", 2)  # so that the listing has to turn pages
    since = int(time.time())
    paid = [paid_intent(gateway, shopper) for _ in range(3)]
    declined = open_intent(gateway)
    with pytest.raises(stripe.CardError):
        pay(shopper, declined.id, CARD_THAT_IS_DECLINED)

    events = gateway.recent_events(since=since, types=["payment_intent.succeeded", "payment_intent.payment_failed"])

    ours = {intent.id for intent in [*paid, declined]}
    outcomes = {(event.object_id, event.type) for event in events if event.object_id in ours}
    assert outcomes == {(intent.id, "payment_intent.succeeded") for intent in paid} | {
        (declined.id, "payment_intent.payment_failed")
    }
    assert {event.type for event in events} <= {"payment_intent.succeeded", "payment_intent.payment_failed"}
    assert [event.created for event in events] == sorted(event.created for event in events)
    assert all(event.created >= since for event in events)


def test_recent_events_leave_out_older_events(gateway: StripeGateway, shopper: stripe.StripeClient) -> None:
    intent = paid_intent(gateway, shopper)

    events = gateway.recent_events(since=int(time.time()) + 3600, types=["payment_intent.succeeded"])

    assert intent.id not in {event.object_id for event in events}


# Errors and configuration


def test_an_unreachable_server_is_a_retryable_error(closed_port: int) -> None:
    api_base = f"http://127.0.0.1:{closed_port}"
    gateway = StripeGateway("sk_test_any", WEBHOOK_SECRET, api_base=api_base, max_network_retries=0)

    with pytest.raises(PaymentProviderError, match=api_base) as failed:
        gateway.retrieve_intent("pi_anything")

    assert failed.value.retryable is True


def test_a_rejected_api_key_is_not_retryable_and_names_the_setting(localstripe_server: LocalStripe) -> None:
    gateway = StripeGateway("not-a-secret-key", WEBHOOK_SECRET, api_base=localstripe_server.api_base)

    with pytest.raises(PaymentProviderError, match="STRIPE_API_KEY") as failed:
        open_intent(gateway)

    assert failed.value.retryable is False


def test_an_unknown_intent_is_not_retryable(gateway: StripeGateway) -> None:
    with pytest.raises(PaymentProviderError, match="pi_doesnotexist") as failed:
        gateway.retrieve_intent("pi_doesnotexist")

    assert failed.value.retryable is False


def test_two_gateways_with_different_keys_do_not_share_settings(localstripe_server: LocalStripe) -> None:
    working = StripeGateway(localstripe_server.api_key, WEBHOOK_SECRET, api_base=localstripe_server.api_base)
    misconfigured = StripeGateway("not-a-secret-key", WEBHOOK_SECRET, api_base=localstripe_server.api_base)

    with pytest.raises(PaymentProviderError):
        open_intent(misconfigured)
    intent = open_intent(working)

    assert working.retrieve_intent(intent.id).id == intent.id
    assert stripe.api_key is None
    assert stripe.api_base == stripe.DEFAULT_API_BASE


def test_a_gateway_from_the_environment_talks_to_the_configured_server(localstripe_server: LocalStripe) -> None:
    gateway = StripeGateway.from_environment(
        {
            "STRIPE_API_KEY": localstripe_server.api_key,
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": localstripe_server.api_base,
        }
    )

    intent = open_intent(gateway)

    assert gateway.retrieve_intent(intent.id).status == "requires_payment_method"


@pytest.mark.parametrize("missing", ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"])
def test_a_gateway_from_the_environment_names_the_missing_variable(missing: str) -> None:
    environment = {"STRIPE_API_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x"}
    del environment[missing]

    with pytest.raises(PaymentNotConfigured, match=missing) as failed:
        StripeGateway.from_environment(environment)

    assert failed.value.retryable is False
