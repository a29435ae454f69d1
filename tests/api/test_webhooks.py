"""Stripe's webhook: signed events turn holds into sales (once), refuse forgeries, and handle late payments."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import stripe
from fastapi.testclient import TestClient

from pos_app.services import Services
from pos_app.services.payments import OrderStatus
from pos_app.services.reservations import HoldStatus
from tests.api.helpers import WEBHOOK_URL, checkout, deliver, event_body, signed_headers, stock
from tests.conftest import FakeClock
from tests.payments.helpers import CARD_THAT_IS_DECLINED, CARD_THAT_PAYS, WEBHOOK_SECRET, pay, sign


@pytest.fixture
def paid_checkout(shop: Services, client: TestClient, shopper: stripe.StripeClient) -> Any:
    """The customer paid 2 T-shirts and 1 cap; Stripe has not told the shop yet."""
    stock(shop, "TEE-M", 5)
    stock(shop, "CAP", 3, price="7.50", name="Cap")
    started = checkout(client, ("TEE-M", 2), ("CAP", 1))
    pay(shopper, started["payment_intent_id"], CARD_THAT_PAYS)
    return started


def test_a_reported_payment_turns_the_hold_into_a_numbered_sale(
    shop: Services, client: TestClient, paid_checkout: Any
) -> None:
    receipt = deliver(client, paid_checkout["payment_intent_id"])

    assert receipt["duplicate"] is False
    order = shop.payments.order_for_reservation(paid_checkout["reservation_id"])
    assert order.status is OrderStatus.PAID
    assert order.number == "WEB-2026-000001"
    assert "WEB-2026-000001" in receipt["outcome"]
    sales = shop.inventory.history(kind="sale")
    assert sorted((m.sku, m.quantity, m.reference) for m in sales) == [
        ("CAP", -1, "WEB-2026-000001"),
        ("TEE-M", -2, "WEB-2026-000001"),
    ]
    level = shop.inventory.level("TEE-M")
    assert (level.on_hand, level.reserved, level.available) == (3, 0, 3)


def test_a_declined_card_releases_the_hold(shop: Services, client: TestClient, shopper: stripe.StripeClient) -> None:
    stock(shop, "TEE-M", 5)
    started = checkout(client, ("TEE-M", 2))
    with pytest.raises(stripe.CardError):
        pay(shopper, started["payment_intent_id"], CARD_THAT_IS_DECLINED)

    deliver(client, started["payment_intent_id"], "payment_intent.payment_failed")

    assert shop.payments.order_for_reservation(started["reservation_id"]).status is OrderStatus.PAYMENT_FAILED
    assert shop.inventory.level("TEE-M").available == 5


BAD_SIGNATURES: dict[str, Callable[[bytes], str | None]] = {
    "missing header": lambda _body: None,
    "malformed header": lambda _body: "t=not-a-time,v1=deadbeef",
    "another secret": lambda body: sign(body, "whsec_someone_else", int(time.time())),
    "signed an hour ago": lambda body: sign(body, WEBHOOK_SECRET, int(time.time()) - 3600),
}


def test_a_webhook_with_a_bad_signature_is_a_400_and_writes_nothing(
    shop: Services, client: TestClient, paid_checkout: Any, subtests: pytest.Subtests
) -> None:
    body = event_body(paid_checkout["payment_intent_id"])

    for case, signature_for in BAD_SIGNATURES.items():
        with subtests.test(case):
            header = signature_for(body)
            headers = {"Content-Type": "application/json"} | ({"Stripe-Signature": header} if header else {})

            response = client.post(WEBHOOK_URL, content=body, headers=headers)

            assert response.status_code == 400
            assert response.json()["error"] == "invalid_signature"
            [order] = shop.payments.orders()
            assert order.status is OrderStatus.AWAITING_PAYMENT
            assert shop.reservations.get(paid_checkout["reservation_id"]).status is HoldStatus.ACTIVE
            assert shop.inventory.history(kind="sale") == []
    # The event was not even recorded: its genuine delivery is applied as new.
    genuine = client.post(WEBHOOK_URL, content=body, headers=signed_headers(body))
    assert (genuine.status_code, genuine.json()["duplicate"]) == (200, False)
    assert shop.payments.order_for_reservation(paid_checkout["reservation_id"]).status is OrderStatus.PAID


def test_a_correctly_signed_body_that_is_not_an_event_is_a_400(client: TestClient) -> None:
    body = b'{"hello": "world"}'

    response = client.post(WEBHOOK_URL, content=body, headers=signed_headers(body))

    assert response.status_code == 400


def test_a_body_larger_than_any_event_is_refused(client: TestClient) -> None:
    body = b"{" + b" " * (1024 * 1024) + b"}"

    response = client.post(WEBHOOK_URL, content=body, headers=signed_headers(body))

    assert response.status_code == 413


def test_the_same_event_delivered_50_times_from_10_threads_makes_one_sale(
    shop: Services, client: TestClient, paid_checkout: Any
) -> None:
    body = event_body(paid_checkout["payment_intent_id"])
    headers = signed_headers(body)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(lambda _: client.post(WEBHOOK_URL, content=body, headers=headers), range(50)))

    assert [response.status_code for response in responses] == [200] * 50
    assert sum(not response.json()["duplicate"] for response in responses) == 1
    assert [order.status for order in shop.payments.orders()] == [OrderStatus.PAID]
    assert sorted((m.sku, m.quantity) for m in shop.inventory.history(kind="sale")) == [("CAP", -1), ("TEE-M", -2)]
    assert shop.inventory.level("TEE-M").on_hand == 3


def test_a_payment_after_the_hold_ran_out_with_the_stock_still_there_is_a_sale(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    stock(shop, "TEE-M", 1)
    late = checkout(client, ("TEE-M", 1))
    clock.advance(minutes=16)
    assert shop.inventory.level("TEE-M").available == 1, "an expired hold stops counting at once"
    pay(shopper, late["payment_intent_id"], CARD_THAT_PAYS)

    deliver(client, late["payment_intent_id"])

    order = shop.payments.order_for_reservation(late["reservation_id"])
    assert order.status is OrderStatus.PAID
    assert order.note, "a late payment is pointed out to the staff"
    level = shop.inventory.level("TEE-M")
    assert (level.on_hand, level.available) == (0, 0)


def test_a_payment_after_the_hold_ran_out_and_the_stock_went_to_someone_else_is_refunded(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    stock(shop, "LAST", 1, name="Last one")
    late = checkout(client, ("LAST", 1), email="late@example.com")
    clock.advance(minutes=16)
    other = checkout(client, ("LAST", 1), email="other@example.com")
    pay(shopper, late["payment_intent_id"], CARD_THAT_PAYS)

    deliver(client, late["payment_intent_id"])

    order = shop.payments.order_for_reservation(late["reservation_id"])
    assert order.status is OrderStatus.REFUNDED_OUT_OF_STOCK
    refunds = list(shopper.v1.refunds.list(params={"payment_intent": late["payment_intent_id"]}).auto_paging_iter())
    assert [(refund.id, refund.amount) for refund in refunds] == [(order.refund_id, 1990)]
    assert shop.inventory.history(kind="sale") == []
    # The customer who holds the unit now still gets it.
    pay(shopper, other["payment_intent_id"], CARD_THAT_PAYS)
    deliver(client, other["payment_intent_id"])
    assert shop.payments.order_for_reservation(other["reservation_id"]).status is OrderStatus.PAID
    assert shop.inventory.level("LAST").on_hand == 0
