"""The web shop's side: health, product stock, checkout and cancel, on both databases with Stripe on localstripe."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import stripe
from fastapi.testclient import TestClient

from pos_app.api import create_app
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.services.auth import system_actor
from pos_app.services.payments import OrderStatus
from pos_app.services.reservations import HoldStatus
from tests.api.helpers import checkout, deliver, intent_of, order_body, stock
from tests.conftest import FakeClock
from tests.payments.helpers import CARD_THAT_PAYS, WEBHOOK_SECRET, pay


def levels(client: TestClient, sku: str) -> tuple[int, int, int]:
    product = client.get(f"/api/products/{sku}").json()
    return product["on_hand"], product["reserved"], product["available"]


def assert_nothing_held(shop: Services) -> None:
    assert shop.reservations.holds(status=HoldStatus.ACTIVE) == []
    assert [order.status for order in shop.payments.orders()] in ([], [OrderStatus.CANCELLED])


# Health and products


def test_health_says_ok_while_the_database_answers(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_product_shows_its_price_as_text_and_its_stock(shop: Services, client: TestClient) -> None:
    stock(shop, "TEE-M", 5)
    checkout(client, ("TEE-M", 2))

    response = client.get("/api/products/TEE-M")

    assert response.status_code == 200
    assert response.json() == {
        "sku": "TEE-M",
        "name": "T-shirt",
        "variant": "",
        "price": "19.90",
        "currency": "EUR",
        "on_hand": 5,
        "reserved": 2,
        "available": 3,
        "for_sale": True,
    }


def test_a_sku_the_shop_does_not_sell_is_a_404_with_a_message(shop: Services, client: TestClient) -> None:
    barcode = "9780201379624"
    shop.inventory.create_product(
        system_actor(), sku="BOOK", name="Book", price=Decimal("10.00"), vat_rate=Decimal("5.5"), barcode=barcode
    )

    unknown = client.get("/api/products/NOPE")
    by_barcode = client.get(f"/api/products/{barcode}")

    assert unknown.status_code == 404
    assert unknown.json()["error"] == "not_found"
    assert "NOPE" in unknown.json()["message"]
    assert by_barcode.status_code == 404, "the endpoint answers for SKU codes only"
    assert client.get("/api/products/BOOK").status_code == 200
    assert client.get("/api/products/BO%00OK").status_code == 422, "PostgreSQL cannot even compare a NUL"


# Checkout


def test_checkout_holds_the_stock_and_opens_a_payment_of_the_total_in_cents(
    shop: Services, client: TestClient, shopper: stripe.StripeClient
) -> None:
    stock(shop, "TEE-M", 5)
    stock(shop, "CAP", 2, price="7.50", name="Cap")

    response = client.post("/api/checkout", json=order_body(("TEE-M", 2), ("CAP", 1)))

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["amount"], body["currency"]) == ("47.30", "EUR")
    assert body["expires_at"] == "2026-11-22T09:15:00Z"
    intent = intent_of(shopper, body["payment_intent_id"])
    assert (intent.amount, intent.currency, intent.status) == (4730, "eur", "requires_payment_method")
    assert intent.client_secret == body["client_secret"]
    assert intent.metadata["reservation_id"] == body["reservation_id"]
    assert levels(client, "TEE-M") == (5, 2, 3)
    assert levels(client, "CAP") == (2, 1, 1)


def test_a_shop_in_cfa_francs_charges_whole_francs(
    shop: Services, client: TestClient, shopper: stripe.StripeClient
) -> None:
    shop.settings.update_identity(system_actor(), currency_code="XOF")
    stock(shop, "PAGNE", 10, price="1500", name="Pagne wax")

    body = checkout(client, ("PAGNE", 3))

    assert (body["amount"], body["currency"]) == ("4500", "XOF")
    intent = intent_of(shopper, body["payment_intent_id"])
    assert (intent.amount, intent.currency) == (4500, "xof")
    assert client.get("/api/products/PAGNE").json()["price"] == "1500"


def test_checkout_short_of_stock_lists_every_short_line_and_holds_nothing(shop: Services, client: TestClient) -> None:
    stock(shop, "TEE-M", 1)
    stock(shop, "CAP", 0, name="Cap")
    stock(shop, "BAG", 5, name="Bag")

    response = client.post("/api/checkout", json=order_body(("TEE-M", 2), ("CAP", 1), ("BAG", 1)))

    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "insufficient_stock"
    assert body["details"] == [
        {"sku": "TEE-M", "requested": 2, "available": 1},
        {"sku": "CAP", "requested": 1, "available": 0},
    ]
    assert "TEE-M: 2 requested, 1 available" in body["message"]
    assert_nothing_held(shop)
    assert shop.payments.orders() == []


def test_checkout_counts_what_other_customers_hold(shop: Services, client: TestClient) -> None:
    stock(shop, "TEE-M", 3)
    checkout(client, ("TEE-M", 2), email="first@example.com")

    response = client.post("/api/checkout", json=order_body(("TEE-M", 2), email="second@example.com"))

    assert response.status_code == 409
    assert response.json()["details"] == [{"sku": "TEE-M", "requested": 2, "available": 1}]


def test_checkout_of_an_unknown_sku_is_a_404_naming_it(shop: Services, client: TestClient) -> None:
    stock(shop, "TEE-M", 3)

    response = client.post("/api/checkout", json=order_body(("TEE-M", 1), ("GONE", 1)))

    assert response.status_code == 404
    assert "GONE" in response.json()["message"]
    assert_nothing_held(shop)


def lines_of(count: int) -> list[dict[str, Any]]:
    return [{"sku": "TEE-M", "quantity": 1}] * count


MALFORMED_CHECKOUTS: dict[str, Any] = {
    "malformed JSON": b'{"lines": [{"sku": "TEE-M", "quantity": 1}',
    "a list instead of an object": [{"sku": "TEE-M", "quantity": 1}],
    "zero quantity": {"lines": [{"sku": "TEE-M", "quantity": 0}], "email": "a@example.com"},
    "negative quantity": {"lines": [{"sku": "TEE-M", "quantity": -1}], "email": "a@example.com"},
    "huge quantity": {"lines": [{"sku": "TEE-M", "quantity": 1_000_001}], "email": "a@example.com"},
    "fractional quantity": {"lines": [{"sku": "TEE-M", "quantity": 1.5}], "email": "a@example.com"},
    "quantity as text": {"lines": [{"sku": "TEE-M", "quantity": "1"}], "email": "a@example.com"},
    "quantity as boolean": {"lines": [{"sku": "TEE-M", "quantity": True}], "email": "a@example.com"},
    "missing quantity": {"lines": [{"sku": "TEE-M"}], "email": "a@example.com"},
    "missing email": {"lines": [{"sku": "TEE-M", "quantity": 1}]},
    "not an email": {"lines": [{"sku": "TEE-M", "quantity": 1}], "email": "not-an-email"},
    "email with a NUL": {"lines": [{"sku": "TEE-M", "quantity": 1}], "email": "a\u0000b@example.com"},
    "no lines": {"lines": [], "email": "a@example.com"},
    "101 lines": {"lines": lines_of(101), "email": "a@example.com"},
    "SKU with a space": {"lines": [{"sku": "TEE M", "quantity": 1}], "email": "a@example.com"},
    "SKU with a NUL": {"lines": [{"sku": "TEE\u0000M", "quantity": 1}], "email": "a@example.com"},
}


def test_a_malformed_checkout_is_a_422_saying_what_to_fix_and_holds_nothing(
    shop: Services, client: TestClient, subtests: pytest.Subtests
) -> None:
    stock(shop, "TEE-M", 5)

    for case, body in MALFORMED_CHECKOUTS.items():
        with subtests.test(case):
            if isinstance(body, bytes):
                response = client.post("/api/checkout", content=body, headers={"Content-Type": "application/json"})
            else:
                response = client.post("/api/checkout", json=body)

            assert response.status_code == 422, response.text
            answer = response.json()
            assert answer["error"] == "invalid_request"
            assert answer["message"] and "Traceback" not in answer["message"]
            assert answer["details"], "each problem is named"
    assert_nothing_held(shop)
    assert shop.payments.orders() == []


def test_100_lines_are_accepted(shop: Services, client: TestClient) -> None:
    stock(shop, "TEE-M", 100)

    body = checkout(client, *[("TEE-M", 1)] * 100)

    assert body["amount"] == "1990.00"


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections: bound, so nobody else takes it, but not listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_checkout_is_a_503_and_puts_the_stock_back_when_stripe_is_unreachable(
    database_url: str, clock: FakeClock, closed_port: int
) -> None:
    unreachable = StripeGateway(
        "sk_test_x", WEBHOOK_SECRET, api_base=f"http://127.0.0.1:{closed_port}", max_network_retries=0
    )
    with (
        open_services(database_url, clock=clock, payment_gateway=unreachable) as shop,
        TestClient(create_app(shop, admin_token=None)) as client,
    ):
        stock(shop, "TEE-M", 5)

        response = client.post("/api/checkout", json=order_body(("TEE-M", 2)))

        assert response.status_code == 503
        assert response.json()["error"] == "payment_unavailable"
        assert response.json()["message"]
        assert levels(client, "TEE-M") == (5, 0, 5)
        assert_nothing_held(shop)


def test_checkout_is_a_503_naming_the_setting_when_stripe_is_not_configured(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)
    with (
        open_services(database_url, clock=clock) as shop,
        TestClient(create_app(shop, admin_token=None)) as client,
    ):
        stock(shop, "TEE-M", 5)

        response = client.post("/api/checkout", json=order_body(("TEE-M", 2)))

        assert response.status_code == 503
        assert "STRIPE_API_KEY" in response.json()["message"]
        assert levels(client, "TEE-M") == (5, 0, 5)


# Cancel


def test_cancelling_a_checkout_releases_the_stock_and_cancels_the_payment(
    shop: Services, client: TestClient, shopper: stripe.StripeClient
) -> None:
    stock(shop, "TEE-M", 3)
    started = checkout(client, ("TEE-M", 2))

    response = client.post(f"/api/checkout/{started['reservation_id']}/cancel")

    assert response.status_code == 200, response.text
    order = response.json()
    assert (order["status"], order["total"], order["number"]) == ("cancelled", "39.80", None)
    assert order["lines"] == [{"sku": "TEE-M", "name": "T-shirt", "quantity": 2, "unit_price": "19.90"}]
    assert levels(client, "TEE-M") == (3, 0, 3)
    assert intent_of(shopper, started["payment_intent_id"]).status == "canceled"
    again = client.post(f"/api/checkout/{started['reservation_id']}/cancel")
    assert (again.status_code, again.json()["status"]) == (200, "cancelled")


def test_cancelling_an_unknown_checkout_is_a_404_and_a_malformed_id_a_422(client: TestClient) -> None:
    unknown = client.post(f"/api/checkout/{uuid.uuid4()}/cancel")
    malformed = client.post("/api/checkout/not-a-reservation/cancel")

    assert (unknown.status_code, unknown.json()["error"]) == (404, "not_found")
    assert (malformed.status_code, malformed.json()["details"][0]["field"]) == (422, "reservation_id")


def test_a_paid_order_cannot_be_cancelled(shop: Services, client: TestClient, shopper: stripe.StripeClient) -> None:
    stock(shop, "TEE-M", 3)
    started = checkout(client, ("TEE-M", 2))
    pay(shopper, started["payment_intent_id"], CARD_THAT_PAYS)
    deliver(client, started["payment_intent_id"])

    response = client.post(f"/api/checkout/{started['reservation_id']}/cancel")

    assert (response.status_code, response.json()["error"]) == (409, "conflict")
    assert response.json()["message"]
    assert shop.payments.order_for_reservation(started["reservation_id"]).status is OrderStatus.PAID
    assert levels(client, "TEE-M") == (1, 0, 1)


def test_openapi_describes_every_endpoint_and_unknown_ones_answer_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()

    assert set(spec["paths"]) == {
        "/health",
        "/api/products/{sku}",
        "/api/checkout",
        "/api/checkout/{reservation_id}/cancel",
        "/api/webhooks/stripe",
        "/api/admin/reservations/cleanup",
        "/api/admin/reservations",
        "/api/slots",
        "/api/bookings",
        "/api/bookings/{booking_id}",
        "/api/bookings/{booking_id}/cancel",
    }
    checkout_responses = spec["paths"]["/api/checkout"]["post"]["responses"]
    assert set(checkout_responses) == {"201", "404", "409", "422", "503"}
    assert checkout_responses["409"]["content"]["application/json"]["schema"]["$ref"].endswith("InsufficientStockBody")
    assert spec["paths"]["/api/admin/reservations"]["get"]["security"] == [{"HTTPBearer": []}]
    assert client.get("/api/nothing-here").json()["error"] == "not_found"
    assert client.get("/api/checkout").json()["error"] == "method_not_allowed"
