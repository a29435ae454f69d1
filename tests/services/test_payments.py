"""PaymentService against a real Stripe-compatible server (localstripe) on both databases."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from pos_app.errors import Conflict, InsufficientStock, PaymentUnavailable, ValidationError
from pos_app.payments.gateway import WebhookEvent
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import open_services
from pos_app.services.payments import OrderStatus
from pos_app.services.reservations import HoldStatus
from tests.payments.helpers import CARD_THAT_IS_DECLINED, CARD_THAT_PAYS, WEBHOOK_SECRET, pay
from tests.services.helpers import make_product


@pytest.fixture
def shop(database_url, clock, gateway, stock_manager):
    """Services paying through localstripe, with TEE (10 units, 19.90) and CAP (3 units, 24.00)."""
    svc = open_services(database_url, clock=clock, payment_gateway=gateway)
    make_product(svc, stock_manager, sku="TEE")
    make_product(svc, stock_manager, sku="CAP", name="Cap", price=Decimal("24.00"))
    svc.inventory.receive(stock_manager, "TEE", 10)
    svc.inventory.receive(stock_manager, "CAP", 3)
    yield svc
    svc.close()


@pytest.fixture
def since() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=2)


def test_checkout_holds_the_stock_and_opens_a_payment_for_the_exact_amount(shop, shopper):
    result = shop.payments.checkout([("TEE", 2), ("CAP", 1)], "ana@example.com")
    assert (result.amount, result.currency) == (Decimal("63.80"), "EUR")
    intent = shopper.v1.payment_intents.retrieve(result.payment_intent_id)
    assert (intent.amount, intent.currency) == (6380, "eur")
    assert intent.metadata["reservation_id"] == result.reservation_id
    order = shop.payments.order(result.order_id)
    assert (order.status, order.email, order.number) == (OrderStatus.AWAITING_PAYMENT, "ana@example.com", None)
    assert shop.inventory.level("TEE").available == 8


def test_a_successful_payment_turns_the_hold_into_a_numbered_paid_order(shop, shopper, since):
    result = shop.payments.checkout([("TEE", 2)], "ana@example.com")
    pay(shopper, result.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    order = shop.payments.order(result.order_id)
    assert order.status is OrderStatus.PAID
    assert order.number == "WEB-2026-000001"
    assert [(line.sku, line.quantity, line.unit_price) for line in order.lines] == [("TEE", 2, Decimal("19.90"))]
    sales = shop.inventory.history(kind="sale")
    assert [(m.sku, m.quantity, m.reference) for m in sales] == [("TEE", -2, "WEB-2026-000001")]
    level = shop.inventory.level("TEE")
    assert (level.on_hand, level.reserved) == (8, 0)
    assert shop.reservations.get(result.reservation_id).status is HoldStatus.COMMITTED


def test_applying_the_same_event_again_changes_nothing(shop, shopper, gateway, since):
    result = shop.payments.checkout([("TEE", 1)], "ana@example.com")
    pay(shopper, result.payment_intent_id, CARD_THAT_PAYS)
    events = [
        e
        for e in gateway.recent_events(since=int(since.timestamp()), types=["payment_intent.succeeded"])
        if e.object_id == result.payment_intent_id
    ]
    first = shop.payments.apply_event(events[0])
    second = shop.payments.apply_event(events[0])
    assert (first.duplicate, second.duplicate) == (False, True)
    shop.payments.reconcile(since)
    assert len(shop.inventory.history(kind="sale")) == 1


def test_a_declined_card_releases_the_hold(shop, shopper, since):
    result = shop.payments.checkout([("CAP", 3)], "bob@example.com")
    with pytest.raises(Exception, match="declined"):
        pay(shopper, result.payment_intent_id, CARD_THAT_IS_DECLINED)
    shop.payments.reconcile(since)
    assert shop.payments.order(result.order_id).status is OrderStatus.PAYMENT_FAILED
    assert shop.inventory.level("CAP").available == 3
    assert shopper.v1.payment_intents.retrieve(result.payment_intent_id).status == "canceled"


def test_cancel_frees_the_stock_and_cancels_the_payment(shop, shopper):
    result = shop.payments.checkout([("CAP", 2)], "bob@example.com")
    order = shop.payments.cancel(result.reservation_id)
    assert order.status is OrderStatus.CANCELLED
    assert shop.inventory.level("CAP").available == 3
    assert shopper.v1.payment_intents.retrieve(result.payment_intent_id).status == "canceled"


def test_a_paid_order_cannot_be_cancelled(shop, shopper, since):
    result = shop.payments.checkout([("CAP", 1)], "bob@example.com")
    pay(shopper, result.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    with pytest.raises(Conflict, match="already paid"):
        shop.payments.cancel(result.reservation_id)


def test_expired_holds_are_released_and_their_payments_cancelled(shop, shopper, clock):
    result = shop.payments.checkout([("CAP", 3)], "bob@example.com")
    clock.advance(minutes=15)
    assert shop.inventory.level("CAP").available == 3
    assert shop.payments.expire_due() == 1
    assert shop.payments.order(result.order_id).status is OrderStatus.EXPIRED
    assert shopper.v1.payment_intents.retrieve(result.payment_intent_id).status == "canceled"


def test_a_payment_after_expiry_is_refunded_when_the_stock_is_gone(shop, shopper, clock, since):
    late = shop.payments.checkout([("CAP", 2)], "late@example.com")
    clock.advance(minutes=16)
    shop.reservations.reserve([("CAP", 2)])
    pay(shopper, late.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    order = shop.payments.order(late.order_id)
    assert order.status is OrderStatus.REFUNDED_OUT_OF_STOCK
    assert order.number is None and "CAP: 2 paid for, 1 left" in (order.note or "")
    refunds = shopper.v1.refunds.list(params={"payment_intent": late.payment_intent_id}).data
    assert [r.id for r in refunds] == [order.refund_id]
    assert shop.inventory.history(kind="sale") == []
    assert [o.id for o in shop.payments.orders(status=OrderStatus.REFUNDED_OUT_OF_STOCK)] == [late.order_id]
    shop.payments.reconcile(since)
    assert len(shopper.v1.refunds.list(params={"payment_intent": late.payment_intent_id}).data) == 1


def test_a_payment_after_expiry_retakes_the_stock_when_it_is_still_there(shop, shopper, clock, since):
    late = shop.payments.checkout([("CAP", 2)], "late@example.com")
    clock.advance(minutes=16)
    pay(shopper, late.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    order = shop.payments.order(late.order_id)
    assert order.status is OrderStatus.PAID and "still in stock" in (order.note or "")
    assert shop.inventory.level("CAP").on_hand == 1


def test_order_numbers_stay_gapless_when_a_late_payment_is_refunded(shop, shopper, clock, since):
    first = shop.payments.checkout([("TEE", 1)], "a@example.com")
    late = shop.payments.checkout([("CAP", 3)], "b@example.com")
    clock.advance(minutes=16)
    shop.reservations.reserve([("CAP", 3)])
    third = shop.payments.checkout([("TEE", 1)], "c@example.com")
    for result in (first, late, third):
        pay(shopper, result.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)
    numbers = [shop.payments.order(r.order_id).number for r in (first, late, third)]
    assert numbers[1] is None
    assert sorted(n for n in numbers if n) == ["WEB-2026-000001", "WEB-2026-000002"]


def test_checkout_refuses_bad_input_and_short_stock_without_opening_a_payment(shop):
    with pytest.raises(ValidationError, match="email address"):
        shop.payments.checkout([("TEE", 1)], "not-an-email")
    with pytest.raises(InsufficientStock):
        shop.payments.checkout([("TEE", 11), ("CAP", 4)], "ana@example.com")
    assert shop.payments.orders() == []
    assert shop.reservations.holds() == []


def test_an_unreachable_payment_service_puts_the_items_back(database_url, clock, stock_manager):
    unreachable = StripeGateway("sk_test_x", WEBHOOK_SECRET, api_base="http://127.0.0.1:9", max_network_retries=0)
    with open_services(database_url, clock=clock, payment_gateway=unreachable) as svc:
        make_product(svc, stock_manager, sku="TEE")
        svc.inventory.receive(stock_manager, "TEE", 1)
        with pytest.raises(PaymentUnavailable, match="cannot be reached"):
            svc.payments.checkout([("TEE", 1)], "ana@example.com")
        assert svc.inventory.level("TEE").available == 1
        assert [o.status for o in svc.payments.orders()] == [OrderStatus.CANCELLED]


def test_expiry_interrupted_half_way_is_finished_by_the_next_run(shop, shopper, clock):
    result = shop.payments.checkout([("CAP", 1)], "bob@example.com")
    clock.advance(minutes=16)
    assert shop.reservations.expire_due() == 1  # the holds were released, then the run stopped
    assert shop.payments.order(result.order_id).status is OrderStatus.AWAITING_PAYMENT
    shop.payments.expire_due()
    assert shop.payments.order(result.order_id).status is OrderStatus.EXPIRED
    assert shopper.v1.payment_intents.retrieve(result.payment_intent_id).status == "canceled"


def test_checkout_charges_in_the_currency_set_by_another_process(shop, shopper, database_url, admin, stock_manager):
    shop.payments.checkout([("TEE", 1)], "warm@example.com")  # the settings are cached now
    with open_services(database_url) as other:
        other.settings.update_identity(admin, currency_code="XOF")
        other.inventory.create_product(
            stock_manager, sku="BAG", name="Bag", price=Decimal("1500"), vat_rate=Decimal("20")
        )
        other.inventory.receive(stock_manager, "BAG", 1)
    result = shop.payments.checkout([("BAG", 1)], "ana@example.com")
    intent = shopper.v1.payment_intents.retrieve(result.payment_intent_id)
    assert (result.currency, intent.currency, intent.amount) == ("XOF", "xof", 1500)


def test_control_characters_in_an_email_are_refused(shop):
    with pytest.raises(ValidationError):
        shop.payments.checkout([("TEE", 1)], "a\x00b@example.com")
    assert shop.reservations.holds() == []


def test_checkout_without_stripe_settings_says_payments_are_not_configured(database_url, clock, monkeypatch):
    for name in ("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    with open_services(database_url, clock=clock) as svc, pytest.raises(PaymentUnavailable, match="not configured"):
        svc.payments.checkout([("TEE", 1)], "ana@example.com")


@pytest.mark.parametrize("failure_first", [True, False])
def test_events_in_any_order_end_in_the_state_stripe_reports(shop, shopper, gateway, since, failure_first):
    """A declined first attempt, then a card that pays: whichever event arrives first, the order is paid once.

    localstripe cannot retry a declined intent, so the failure event of the first attempt is written here
    as Stripe would send it; the intent itself, re-read by the service, is real.
    """
    result = shop.payments.checkout([("TEE", 2)], "ana@example.com")
    pay(shopper, result.payment_intent_id, CARD_THAT_PAYS)
    succeeded = [
        e
        for e in gateway.recent_events(since=int(since.timestamp()), types=["payment_intent.succeeded"])
        if e.object_id == result.payment_intent_id
    ]
    failed_attempt = WebhookEvent(
        id=f"evt_declined_{result.payment_intent_id}",
        type="payment_intent.payment_failed",
        created=succeeded[0].created - 5,
        object_id=result.payment_intent_id,
        object_type="payment_intent",
    )
    events = [failed_attempt, *succeeded] if failure_first else [*succeeded, failed_attempt]
    for event in events:
        shop.payments.apply_event(event)
    order = shop.payments.order(result.order_id)
    assert order.status is OrderStatus.PAID
    assert [(m.sku, m.quantity) for m in shop.inventory.history(kind="sale")] == [("TEE", -2)]
    assert shop.inventory.level("TEE").on_hand == 8
    assert shopper.v1.payment_intents.retrieve(result.payment_intent_id).status == "succeeded"
