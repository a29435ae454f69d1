"""The web shop books time slots: list the free ones, hold a seat, pay through Stripe's webhook, get an email."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import stripe
from fastapi.testclient import TestClient
from icalendar import Calendar

from pos_app.mail import SmtpMailer
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.services.auth import system_actor
from tests.api.helpers import deliver, intent_of
from tests.conftest import FakeClock
from tests.payments.helpers import CARD_THAT_PAYS, pay

STARTS = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # three days after the test clock's start
WEEK = {"from": "2026-11-23T00:00:00Z", "to": "2026-11-30T00:00:00Z"}


@pytest.fixture
def shop(database_url: str, clock: FakeClock, gateway: StripeGateway, smtp_server: Any) -> Iterator[Services]:
    """The services the API runs on (tests/api/conftest.py's client uses them), emailing to the local server."""
    mailer = SmtpMailer(smtp_server.host, smtp_server.port, sender="shop@example.com", security="none")
    svc = open_services(database_url, clock=clock, payment_gateway=gateway, mailer=mailer)
    try:
        yield svc
    finally:
        svc.close()


def slot(shop: Services, capacity: int = 1, title: str = "Bike repair", starts: datetime = STARTS) -> int:
    return shop.bookings.create_slot(
        system_actor(),
        title=title,
        kind="repair",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        capacity=capacity,
        price=Decimal("40.00"),
        vat_rate=Decimal("20"),
    ).id


def book(client: TestClient, slot_id: int, email: str = "ana@example.com", name: str = "Ana Diallo") -> Any:
    response = client.post("/api/bookings", json={"slot_id": slot_id, "email": email, "name": name})
    assert response.status_code == 201, response.text
    return response.json()


def test_the_free_slots_of_a_period_are_listed_with_their_free_seats(shop: Services, client: TestClient) -> None:
    workshop = slot(shop, capacity=6, title="Workshop")
    full = slot(shop, capacity=1, starts=STARTS + timedelta(days=1))
    slot(shop, starts=STARTS + timedelta(days=30))  # outside the week
    book(client, full)
    book(client, workshop)

    response = client.get("/api/slots", params=WEEK)

    assert response.status_code == 200
    assert response.json() == [
        {
            "slot_id": workshop,
            "title": "Workshop",
            "kind": "repair",
            "starts_at": "2026-11-25T10:00:00Z",
            "ends_at": "2026-11-25T11:00:00Z",
            "capacity": 6,
            "free": 5,
            "price": "40.00",
            "currency": "EUR",
        }
    ]


def test_a_booking_holds_a_seat_and_opens_a_payment_for_its_price(
    shop: Services, client: TestClient, shopper: stripe.StripeClient
) -> None:
    slot_id = slot(shop)

    created = book(client, slot_id)

    assert (created["slot_id"], created["amount"], created["currency"]) == (slot_id, "40.00", "EUR")
    assert created["expires_at"] == "2026-11-22T09:15:00Z"
    intent = intent_of(shopper, created["payment_intent_id"])
    assert (intent.amount, intent.metadata["booking_id"]) == (4000, created["booking_id"])
    assert intent.client_secret == created["client_secret"]
    status = client.get(f"/api/bookings/{created['booking_id']}").json()
    assert (status["status"], status["number"]) == ("awaiting_payment", None)


def test_a_full_slot_answers_409_slot_full_and_holds_nothing(shop: Services, client: TestClient) -> None:
    slot_id = slot(shop)
    book(client, slot_id)

    response = client.post("/api/bookings", json={"slot_id": slot_id, "email": "bob@example.com", "name": "Bob"})

    assert response.status_code == 409
    assert response.json()["error"] == "slot_full"
    assert response.json()["slot_id"] == slot_id
    assert shop.bookings.slot(slot_id).held == 1


def test_a_paid_booking_is_confirmed_by_the_webhook_and_emailed_with_its_calendar_file(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, smtp_server: Any
) -> None:
    created = book(client, slot(shop))
    pay(shopper, created["payment_intent_id"], CARD_THAT_PAYS)

    receipt = deliver(client, created["payment_intent_id"])

    assert "BK-2026-000001" in receipt["outcome"]
    status = client.get(f"/api/bookings/{created['booking_id']}").json()
    assert (status["status"], status["number"], status["expires_at"]) == ("confirmed", "BK-2026-000001", None)
    [message] = smtp_server.messages
    assert message["To"] == "ana@example.com"
    [attachment] = list(message.iter_attachments())
    [event] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert (event.decoded("dtstart"), str(event["summary"])) == (STARTS, "Bike repair (My shop)")
    assert client.get("/api/slots", params=WEEK).json() == []


def test_two_customers_paying_for_the_last_seat_one_gets_it_the_other_is_refunded_and_emailed(
    shop: Services, client: TestClient, shopper: stripe.StripeClient, clock: FakeClock, smtp_server: Any
) -> None:
    slot_id = slot(shop)
    late = book(client, slot_id, email="late@example.com", name="Late")
    pay(shopper, late["payment_intent_id"], CARD_THAT_PAYS)  # Stripe's news of it is delayed
    clock.advance(minutes=16)
    early = book(client, slot_id, email="early@example.com", name="Early")
    pay(shopper, early["payment_intent_id"], CARD_THAT_PAYS)

    deliver(client, early["payment_intent_id"])
    receipt = deliver(client, late["payment_intent_id"])

    assert "refunded" in receipt["outcome"]
    assert client.get(f"/api/bookings/{early['booking_id']}").json()["status"] == "confirmed"
    assert client.get(f"/api/bookings/{late['booking_id']}").json()["status"] == "refunded_seat_gone"
    refunds = list(shopper.v1.refunds.list(params={"payment_intent": late["payment_intent_id"]}).auto_paging_iter())
    assert [refund.amount for refund in refunds] == [4000]
    assert [message["To"] for message in smtp_server.messages] == ["early@example.com", "late@example.com"]
    assert "Refund" in smtp_server.messages[1]["Subject"]
    assert [b.id for b in shop.bookings.seat_gone_refunds()] == [late["booking_id"]]


def test_a_customer_who_gives_up_lets_the_seat_go_and_cannot_cancel_once_paid(
    shop: Services, client: TestClient, shopper: stripe.StripeClient
) -> None:
    slot_id = slot(shop)
    given_up = book(client, slot_id)

    response = client.post(f"/api/bookings/{given_up['booking_id']}/cancel")

    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert intent_of(shopper, given_up["payment_intent_id"]).status == "canceled"
    kept = book(client, slot_id, email="bob@example.com", name="Bob")
    pay(shopper, kept["payment_intent_id"], CARD_THAT_PAYS)
    deliver(client, kept["payment_intent_id"])
    refused = client.post(f"/api/bookings/{kept['booking_id']}/cancel")
    assert (refused.status_code, refused.json()["error"]) == (409, "conflict")


def test_an_unknown_slot_or_booking_is_a_404(shop: Services, client: TestClient) -> None:
    response = client.post("/api/bookings", json={"slot_id": 4242, "email": "ana@example.com", "name": "Ana"})
    assert (response.status_code, response.json()["error"]) == (404, "not_found")
    response = client.get("/api/bookings/6f1c1d7e-6a8e-4f43-9d7e-0b9b1f3e2a11")
    assert (response.status_code, response.json()["error"]) == (404, "not_found")


BAD_BOOKINGS: dict[str, Any] = {
    "malformed JSON": '{"slot_id": 1, "email": ',
    "slot_id as text": {"slot_id": "1", "email": "ana@example.com", "name": "Ana"},
    "negative slot_id": {"slot_id": -3, "email": "ana@example.com", "name": "Ana"},
    "no name": {"slot_id": 1, "email": "ana@example.com"},
    "blank name": {"slot_id": 1, "email": "ana@example.com", "name": "   "},
    "bad email": {"slot_id": 1, "email": "ana-at-example.com", "name": "Ana"},
}


def test_a_malformed_booking_is_a_422_naming_the_field_and_holds_nothing(
    shop: Services, client: TestClient, subtests: pytest.Subtests
) -> None:
    slot_id = slot(shop)
    for case, body in BAD_BOOKINGS.items():
        with subtests.test(case):
            if isinstance(body, str):
                response = client.post("/api/bookings", content=body, headers={"Content-Type": "application/json"})
            else:
                response = client.post("/api/bookings", json=body)
            assert response.status_code == 422, response.text
            assert response.json()["error"] == "invalid_request"
            assert response.json()["details"]
    assert shop.bookings.slot(slot_id).free == 1


BAD_PERIODS: dict[str, dict[str, str]] = {
    "no time zone": {"from": "2026-11-23T00:00:00", "to": "2026-11-30T00:00:00Z"},
    "to before from": {"from": "2026-11-30T00:00:00Z", "to": "2026-11-23T00:00:00Z"},
    "a year at once": {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"},
    "not a date": {"from": "tomorrow", "to": "2026-11-30T00:00:00Z"},
    "missing to": {"from": "2026-11-23T00:00:00Z"},
}


def test_a_bad_period_is_a_422(client: TestClient, subtests: pytest.Subtests) -> None:
    for case, params in BAD_PERIODS.items():
        with subtests.test(case):
            response = client.get("/api/slots", params=params)
            assert response.status_code == 422, response.text
            assert response.json()["error"] == "invalid_request"
