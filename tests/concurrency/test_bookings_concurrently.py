"""A hundred customers at once try to book a ten-seat workshop and pay: exactly ten seats are sold."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
import stripe
from sqlalchemy import create_engine, text

from pos_app.domain.bookings import BookingStatus
from pos_app.errors import SlotFull
from pos_app.payments.gateway import WebhookEvent
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import open_services
from pos_app.services.auth import system_actor
from tests.concurrency.workers import START_TIMEOUT_S, WorkerReport, run_workers
from tests.payments.helpers import CARD_THAT_PAYS, WEBHOOK_SECRET, pay
from testsupport.localstripe import LocalStripe

pytestmark = pytest.mark.slow

SEATS = 10
WORKERS = 5
ATTEMPTS_PER_WORKER = 20  # 100 attempts in all


@dataclass(frozen=True)
class BookingJob:
    worker: int
    database_url: str
    slot_id: int
    attempts: int
    api_key: str
    api_base: str


def test_a_hundred_customers_racing_for_ten_seats_end_with_exactly_ten_confirmed(
    database_url: str, localstripe_server: LocalStripe
) -> None:
    with open_services(database_url) as svc:
        starts = datetime.now(UTC) + timedelta(days=7)
        slot_id = svc.bookings.create_slot(
            system_actor(),
            title="Ten-seat workshop",
            kind="workshop",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            capacity=SEATS,
            price=Decimal("50.00"),
            vat_rate=Decimal("20"),
        ).id
    jobs = [
        BookingJob(
            n, database_url, slot_id, ATTEMPTS_PER_WORKER, localstripe_server.api_key, localstripe_server.api_base
        )
        for n in range(WORKERS)
    ]

    reports = run_workers(book_and_pay, jobs)

    assert [error for report in reports for error in report.errors] == []
    assert sum(report.successes for report in reports) == SEATS
    assert sum(report.insufficient for report in reports) == WORKERS * ATTEMPTS_PER_WORKER - SEATS  # 409s
    with open_services(database_url) as svc:
        assert (svc.bookings.slot(slot_id).booked, svc.bookings.slot(slot_id).free) == (SEATS, 0)
        [day] = svc.bookings.schedule(starts - timedelta(hours=1), starts + timedelta(hours=1))
        assert [(b.seat_no, b.status) for b in day.bookings] == [
            (seat, BookingStatus.CONFIRMED) for seat in range(1, SEATS + 1)
        ]
        assert len({b.number for b in day.bookings}) == SEATS
    engine = create_engine(database_url)
    with engine.connect() as conn:
        seats = conn.execute(text("SELECT count(*) FROM bookings WHERE seat_no IS NOT NULL")).scalar_one()
    engine.dispose()
    assert seats == SEATS


def book_and_pay(job: BookingJob, barrier: Barrier, reports: Any) -> None:
    """A customer's browser, `job.attempts` times: book a seat; when one is held, pay, and Stripe tells the shop."""
    report = WorkerReport(job.worker)
    try:
        gateway = StripeGateway(job.api_key, WEBHOOK_SECRET, api_base=job.api_base)
        browser = stripe.StripeClient(job.api_key, base_addresses={"api": job.api_base})
        with open_services(job.database_url, payment_gateway=gateway) as svc:
            barrier.wait(timeout=START_TIMEOUT_S)
            for n in range(job.attempts):
                try:
                    hold = svc.bookings.book(job.slot_id, f"w{job.worker}-{n}@example.com", f"Customer {n}")
                except SlotFull:
                    report.insufficient += 1
                    continue
                pay(browser, hold.payment_intent_id, CARD_THAT_PAYS)
                outcome = svc.payments.apply_event(_succeeded(hold.payment_intent_id))
                if outcome.outcome.startswith("paid"):
                    report.successes += 1
                else:
                    report.errors.append(f"paid but {outcome.outcome}")
    except BaseException as error:  # a broken worker must still report, or the test would hang
        barrier.abort()
        report.errors.append(f"worker {job.worker} stopped: {type(error).__name__}: {error}")
    finally:
        reports.put(report)


def _succeeded(intent_id: str) -> WebhookEvent:
    """The event Stripe sends once the payment went through."""
    return WebhookEvent(
        id=f"evt_{intent_id}",
        type="payment_intent.succeeded",
        created=int(time.time()),
        object_id=intent_id,
        object_type="payment_intent",
    )
