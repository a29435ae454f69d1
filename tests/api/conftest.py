"""Fixtures of the API tests: the services on a fresh database with Stripe on localstripe, and the app over them.

`shop` runs on the FakeClock of tests/conftest.py, so holds run out when a test moves the clock; Stripe's
signatures and events use real time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from pos_app.api import create_app
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from tests.api.helpers import ADMIN_TOKEN
from tests.conftest import FakeClock


@pytest.fixture
def shop(database_url: str, clock: FakeClock, gateway: StripeGateway) -> Iterator[Services]:
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def client(shop: Services) -> Iterator[TestClient]:
    with TestClient(create_app(shop, admin_token=ADMIN_TOKEN)) as test_client:
        yield test_client
