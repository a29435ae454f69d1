"""The admin endpoints: Bearer-token access, cleanup of expired holds, and the reservations overview."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from fastapi.testclient import TestClient

from pos_app.api import create_app
from pos_app.services import Services
from pos_app.services.payments import OrderStatus
from pos_app.services.reservations import HoldStatus
from tests.api.helpers import ADMIN_TOKEN, admin_headers, checkout, deliver, intent_of, stock, wait_until
from tests.conftest import FakeClock
from tests.payments.helpers import CARD_THAT_PAYS, pay

ADMIN_ENDPOINTS = [("POST", "/api/admin/reservations/cleanup"), ("GET", "/api/admin/reservations")]
WRONG_AUTHORIZATIONS: dict[str, dict[str, Any]] = {
    "no header": {},
    "wrong token": {"Authorization": "Bearer not-the-token"},
    "right token, other scheme": {"Authorization": f"Basic {ADMIN_TOKEN}"},
    "token with one more character": {"Authorization": f"Bearer {ADMIN_TOKEN}x"},
    "empty token": {"Authorization": "Bearer "},
    "token outside ASCII": {"Authorization": "Bearer t\xf6ken".encode("latin-1")},
}


def test_admin_endpoints_refuse_a_missing_or_wrong_token_with_401(
    client: TestClient, subtests: pytest.Subtests
) -> None:
    for method, path in ADMIN_ENDPOINTS:
        for case, headers in WRONG_AUTHORIZATIONS.items():
            with subtests.test(f"{method} {path}: {case}"):
                response = client.request(method, path, headers=headers)

                assert response.status_code == 401
                assert response.headers["WWW-Authenticate"] == "Bearer"
                assert "Authorization: Bearer" in response.json()["message"]


def test_admin_endpoints_answer_the_right_token(client: TestClient) -> None:
    for method, path in ADMIN_ENDPOINTS:
        assert client.request(method, path, headers=admin_headers()).status_code == 200


def test_admin_endpoints_are_403_while_no_token_is_configured(shop: Services) -> None:
    with TestClient(create_app(shop, admin_token=None)) as client:
        for method, path in ADMIN_ENDPOINTS:
            response = client.request(method, path, headers=admin_headers())

            assert response.status_code == 403
            assert response.json()["error"] == "admin_api_disabled"
            assert "POS_ADMIN_API_TOKEN is not configured" in response.json()["message"]


def test_cleanup_releases_holds_that_ran_out_and_cancels_their_payments(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    stock(shop, "TEE-M", 2)
    started = checkout(client, ("TEE-M", 2))
    clock.advance(minutes=15, seconds=1)

    response = client.post("/api/admin/reservations/cleanup", headers=admin_headers())

    assert response.json() == {"released": 1}
    assert shop.payments.order_for_reservation(started["reservation_id"]).status is OrderStatus.EXPIRED
    assert intent_of(shopper, started["payment_intent_id"]).status == "canceled"
    assert shop.inventory.level("TEE-M").available == 2
    again = client.post("/api/admin/reservations/cleanup", headers=admin_headers())
    assert again.json() == {"released": 0}


def test_the_overview_counts_running_expired_paid_and_released_holds(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    stock(shop, "TEE-M", 10)
    stock(shop, "CAP", 10, price="7.50", name="Cap")
    ran_out = checkout(client, ("TEE-M", 1), email="slow@example.com")  # runs out at 09:15
    clock.advance(minutes=10)
    paid = checkout(client, ("TEE-M", 2))
    pay(shopper, paid["payment_intent_id"], CARD_THAT_PAYS)
    deliver(client, paid["payment_intent_id"])
    cancelled = checkout(client, ("TEE-M", 1))
    client.post(f"/api/checkout/{cancelled['reservation_id']}/cancel")
    running = checkout(client, ("TEE-M", 3), ("CAP", 1), email="running@example.com")  # runs out at 09:25
    clock.advance(minutes=6)

    overview = client.get("/api/admin/reservations", headers=admin_headers()).json()

    assert overview["at"] == "2026-11-22T09:16:00Z"
    assert (overview["active_holds"], overview["units_held"]) == (1, 4)
    assert (overview["expired_not_cleaned"], overview["oldest_expiry"]) == (1, "2026-11-22T09:15:00Z")
    assert (overview["committed_last_24h"], overview["released_last_24h"]) == (1, 1)
    assert [(h["reservation_id"], h["status"], h["reference"], h["units"]) for h in overview["holds"]] == [
        (ran_out["reservation_id"], "expired", "slow@example.com", 1),
        (running["reservation_id"], "active", "running@example.com", 4),
    ]
    assert overview["holds"][1]["lines"] == [{"sku": "TEE-M", "quantity": 3}, {"sku": "CAP", "quantity": 1}]
    assert overview["holds"][1]["expires_at"] == "2026-11-22T09:25:00Z"

    client.post("/api/admin/reservations/cleanup", headers=admin_headers())
    after = client.get("/api/admin/reservations", headers=admin_headers()).json()
    assert (after["expired_not_cleaned"], after["released_last_24h"]) == (0, 2)
    assert after["oldest_expiry"] == "2026-11-22T09:25:00Z"
    clock.advance(hours=24)
    assert client.get("/api/admin/reservations", headers=admin_headers()).json()["committed_last_24h"] == 0


def test_the_server_releases_holds_that_ran_out_by_itself(
    shop: Services, shopper: stripe.StripeClient, clock: FakeClock
) -> None:
    with TestClient(create_app(shop, admin_token=None, cleanup_every_seconds=0.05)) as client:
        stock(shop, "TEE-M", 2)
        started = checkout(client, ("TEE-M", 2))
        clock.advance(minutes=16)

        wait_until(
            lambda: shop.reservations.get(started["reservation_id"]).status is HoldStatus.RELEASED,
            timeout_seconds=5,
            what="the background cleanup",
        )

    assert intent_of(shopper, started["payment_intent_id"]).status == "canceled"
