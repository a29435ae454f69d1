"""BookingService on both databases, paying through localstripe and emailing through a local SMTP server."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from icalendar import Calendar
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from pos_app.domain.bookings import BookingStatus
from pos_app.errors import (
    Conflict,
    MailNotConfigured,
    NotFound,
    PermissionDenied,
    SlotFull,
    ValidationError,
)
from pos_app.mail import SmtpMailer
from pos_app.services import open_services
from pos_app.services.demo import seed_demo
from tests.payments.helpers import CARD_THAT_IS_DECLINED, CARD_THAT_PAYS, pay

STARTS = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # three days after the test clock's start


@pytest.fixture
def mailer(smtp_server):
    return SmtpMailer(smtp_server.host, smtp_server.port, sender="shop@example.com", security="none")


@pytest.fixture
def shop(database_url, clock, gateway, mailer):
    svc = open_services(database_url, clock=clock, payment_gateway=gateway, mailer=mailer)
    yield svc
    svc.close()


@pytest.fixture
def since() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=2)


def workshop(shop, actor, capacity=10, price="35.00", title="Sewing workshop", starts=STARTS):
    return shop.bookings.create_slot(
        actor,
        title=title,
        kind="workshop",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=capacity,
        price=Decimal(price),
        vat_rate=Decimal("20"),
    )


def paid(shop, shopper, hold, since) -> None:
    """The customer pays in the browser; Stripe tells the shop (the events are read back as reconcile does)."""
    pay(shopper, hold.payment_intent_id, CARD_THAT_PAYS)
    shop.payments.reconcile(since)


def test_a_paid_booking_is_confirmed_numbered_and_emailed_with_a_calendar_file(
    shop, stock_manager, shopper, smtp_server, since
):
    slot = workshop(shop, stock_manager)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana Diallo")
    assert (hold.amount, hold.currency) == (Decimal("35.00"), "EUR")
    intent = shopper.v1.payment_intents.retrieve(hold.payment_intent_id)
    assert (intent.amount, intent.metadata["booking_id"]) == (3500, hold.booking_id)

    paid(shop, shopper, hold, since)

    booking = shop.bookings.booking(hold.booking_id)
    assert (booking.status, booking.number, booking.seat_no) == (BookingStatus.CONFIRMED, "BK-2026-000001", 1)
    assert shop.bookings.slot(slot.id).booked == 1
    [message] = smtp_server.messages
    assert message["To"] == "ana@example.com"
    assert "BK-2026-000001" in message["Subject"]
    assert "Sewing workshop" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert (attachment.get_filename(), attachment.get_content_type()) == ("booking.ics", "text/calendar")
    [event] = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert event.decoded("dtstart") == STARTS
    assert event.decoded("dtend") == STARTS + timedelta(hours=2)
    assert "Sewing workshop" in str(event["summary"])
    assert booking.mailed_at is not None and booking.mail_error is None


def test_a_full_slot_refuses_a_booking_and_holds_nothing_more(shop, stock_manager):
    slot = workshop(shop, stock_manager, capacity=1)
    shop.bookings.book(slot.id, "ana@example.com", "Ana")

    with pytest.raises(SlotFull, match="full"):
        shop.bookings.book(slot.id, "bob@example.com", "Bob")

    seen = shop.bookings.slot(slot.id)
    assert (seen.held, seen.booked, seen.free) == (1, 0, 0)
    assert shop.bookings.available_slots(STARTS - timedelta(days=3), STARTS + timedelta(days=1)) == []


def test_an_unpaid_hold_stops_counting_when_it_runs_out_and_cleanup_frees_it(shop, stock_manager, clock, shopper):
    slot = workshop(shop, stock_manager, capacity=1)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    assert shop.bookings.slot(slot.id).free == 0

    clock.advance(minutes=16)

    assert shop.bookings.slot(slot.id).free == 1
    assert shop.payments.expire_due() == 1
    booking = shop.bookings.booking(hold.booking_id)
    assert (booking.status, booking.seat_no) == (BookingStatus.EXPIRED, None)
    assert shopper.v1.payment_intents.retrieve(hold.payment_intent_id).status == "canceled"
    assert shop.payments.expire_due() == 0


def test_two_customers_pay_for_the_last_seat_one_is_confirmed_the_other_refunded_and_emailed(
    shop, stock_manager, clock, shopper, smtp_server, since
):
    slot = workshop(shop, stock_manager, capacity=1)
    first = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    pay(shopper, first.payment_intent_id, CARD_THAT_PAYS)  # Stripe's news of it is late
    clock.advance(minutes=16)
    second = shop.bookings.book(slot.id, "bob@example.com", "Bob")  # the seat ran out of Ana's hold
    pay(shopper, second.payment_intent_id, CARD_THAT_PAYS)

    shop.payments.reconcile(since)

    ana, bob = shop.bookings.booking(first.booking_id), shop.bookings.booking(second.booking_id)
    assert bob.status is BookingStatus.CONFIRMED
    assert ana.status is BookingStatus.REFUNDED_SEAT_GONE
    refunds = shopper.v1.refunds.list(params={"payment_intent": first.payment_intent_id}).data
    assert [(refund.id, refund.amount) for refund in refunds] == [(ana.refund_id, 3500)]
    assert shopper.v1.refunds.list(params={"payment_intent": second.payment_intent_id}).data == []
    assert [b.id for b in shop.bookings.seat_gone_refunds()] == [ana.id]
    mails = {message["To"]: message for message in smtp_server.messages}
    assert "Refund" in mails["ana@example.com"]["Subject"]
    assert "confirmed" in mails["bob@example.com"]["Subject"]
    assert shop.bookings.slot(slot.id).booked == 1


def test_a_payment_after_the_hold_ran_out_takes_a_seat_again_when_one_is_free(
    shop, stock_manager, clock, shopper, since
):
    slot = workshop(shop, stock_manager, capacity=2)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    pay(shopper, hold.payment_intent_id, CARD_THAT_PAYS)
    clock.advance(minutes=16)
    shop.payments.expire_due()

    shop.payments.reconcile(since)

    booking = shop.bookings.booking(hold.booking_id)
    assert (booking.status, booking.seat_no) == (BookingStatus.CONFIRMED, 1)
    assert "still free" in (booking.note or "")


def test_a_declined_card_frees_the_seat(shop, stock_manager, shopper, since):
    slot = workshop(shop, stock_manager, capacity=1)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    with pytest.raises(Exception, match="declined"):
        pay(shopper, hold.payment_intent_id, CARD_THAT_IS_DECLINED)

    shop.payments.reconcile(since)

    assert shop.bookings.booking(hold.booking_id).status is BookingStatus.PAYMENT_FAILED
    assert shop.bookings.slot(slot.id).free == 1


def test_a_customer_who_gives_up_frees_the_seat_at_once(shop, stock_manager, shopper):
    slot = workshop(shop, stock_manager, capacity=1)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")

    shop.bookings.cancel_hold(hold.booking_id)
    shop.bookings.cancel_hold(hold.booking_id)

    assert shop.bookings.booking(hold.booking_id).status is BookingStatus.CANCELLED
    assert shopper.v1.payment_intents.retrieve(hold.payment_intent_id).status == "canceled"
    assert shop.bookings.slot(slot.id).free == 1


def test_the_shop_cancels_a_paid_booking_with_a_stripe_refund_and_tells_the_customer(
    shop, stock_manager, shopper, smtp_server, since
):
    slot = workshop(shop, stock_manager, capacity=1)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    paid(shop, shopper, hold, since)

    cancelled = shop.bookings.cancel(stock_manager, hold.booking_id, "The teacher is ill")

    assert (cancelled.status, cancelled.seat_no) == (BookingStatus.CANCELLED_BY_SHOP, None)
    refunds = shopper.v1.refunds.list(params={"payment_intent": hold.payment_intent_id}).data
    assert [refund.id for refund in refunds] == [cancelled.refund_id]
    assert shop.bookings.slot(slot.id).free == 1
    assert "cancelled" in smtp_server.messages[-1]["Subject"]
    with pytest.raises(Conflict):
        shop.bookings.cancel(stock_manager, hold.booking_id, "twice")


def test_a_cashier_may_not_cancel_an_online_booking_and_nothing_is_refunded(
    shop, stock_manager, cashier, shopper, since
):
    slot = workshop(shop, stock_manager)
    hold = shop.bookings.book(slot.id, "ana@example.com", "Ana")
    paid(shop, shopper, hold, since)

    with pytest.raises(PermissionDenied):
        shop.bookings.cancel(cashier, hold.booking_id, "no reason")

    assert shop.bookings.booking(hold.booking_id).status is BookingStatus.CONFIRMED
    assert shopper.v1.refunds.list(params={"payment_intent": hold.payment_intent_id}).data == []


def test_a_confirmation_that_cannot_be_sent_keeps_the_booking_and_is_listed_for_resending(
    database_url, clock, gateway, mailer, stock_manager, shopper, smtp_server, since
):
    with open_services(database_url, clock=clock, payment_gateway=gateway) as no_mail:
        slot = workshop(no_mail, stock_manager)
        hold = no_mail.bookings.book(slot.id, "ana@example.com", "Ana")
        paid(no_mail, shopper, hold, since)

        booking = no_mail.bookings.booking(hold.booking_id)
        assert booking.status is BookingStatus.CONFIRMED
        assert [b.id for b in no_mail.bookings.unsent_emails()] == [booking.id]
        assert "not set up" in (booking.mail_error or "")
        with pytest.raises(MailNotConfigured):
            no_mail.bookings.resend_email(stock_manager, booking.id)

    with open_services(database_url, clock=clock, payment_gateway=gateway, mailer=mailer) as with_mail:
        resent = with_mail.bookings.resend_email(stock_manager, booking.id)
        assert (resent.mail_error, resent.status) == (None, BookingStatus.CONFIRMED)
        assert with_mail.bookings.unsent_emails() == []
    [message] = smtp_server.messages
    assert message["To"] == "ana@example.com"


def test_the_counter_sells_a_seat_in_cash_into_the_drawer_and_the_journal(shop, stock_manager, cashier, smtp_server):
    slot = workshop(shop, stock_manager, capacity=1)
    shop.pos.open_session(cashier, "R1", Decimal("100.00"))
    entries_before = shop.journal.verify().entries

    booking = shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="cash", email="awa@example.com")

    assert (booking.status, booking.number, booking.payment_method) == (
        BookingStatus.CONFIRMED,
        "BK-2026-000001",
        "cash",
    )
    assert shop.pos.x_report(cashier).expected_cash == Decimal("135.00")
    verdict = shop.journal.verify()
    assert verdict.ok and verdict.entries == entries_before + 1
    assert smtp_server.messages[0]["To"] == "awa@example.com"
    with pytest.raises(SlotFull):
        shop.bookings.sell_at_counter(cashier, slot.id, name="Moussa", method="card")


def test_a_counter_booking_cancelled_at_the_till_gives_the_cash_back(shop, stock_manager, cashier):
    slot = workshop(shop, stock_manager, capacity=1)
    shop.pos.open_session(cashier, "R1", Decimal("100.00"))
    booking = shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="cash")

    shop.bookings.cancel(cashier, booking.id, "cannot come")

    assert shop.pos.x_report(cashier).expected_cash == Decimal("100.00")
    assert shop.bookings.slot(slot.id).free == 1
    assert shop.journal.verify().ok


def test_the_counter_needs_an_open_till(shop, stock_manager, cashier):
    slot = workshop(shop, stock_manager)
    with pytest.raises(Exception, match="till"):
        shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="cash")
    assert shop.bookings.slot(slot.id).free == 10


def test_a_weekly_template_creates_a_slot_every_week_and_skips_those_that_exist(shop, stock_manager):
    fitting = dict(title="Fitting", weekday=2, at=time(10), duration=timedelta(minutes=30), capacity=1)
    money = dict(price=Decimal("15"), vat_rate=Decimal("20"))
    shop.bookings.create_slot(
        stock_manager, title="Fitting", starts_at=STARTS, ends_at=STARTS + timedelta(minutes=30), capacity=1, **money
    )

    made = shop.bookings.create_weekly_slots(
        stock_manager, first_day=date(2026, 11, 23), last_day=date(2026, 12, 20), zone=UTC, **fitting, **money
    )

    assert [slot.starts_at.date() for slot in made.created] == [
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
    ]
    assert made.skipped == (STARTS,)
    again = shop.bookings.create_weekly_slots(
        stock_manager, first_day=date(2026, 11, 23), last_day=date(2026, 12, 20), zone=UTC, **fitting, **money
    )
    assert (again.created, len(again.skipped)) == ((), 4)
    assert len(shop.bookings.slots(STARTS - timedelta(days=3), STARTS + timedelta(days=30))) == 4


def test_the_week_view_shows_each_slot_with_the_bookings_holding_its_seats(shop, stock_manager, shopper, since):
    slot = workshop(shop, stock_manager, capacity=3)
    other = workshop(shop, stock_manager, title="Repair", starts=STARTS + timedelta(days=1))
    paid(shop, shopper, shop.bookings.book(slot.id, "ana@example.com", "Ana"), since)
    shop.bookings.book(slot.id, "bob@example.com", "Bob")

    week = shop.bookings.week(STARTS.date(), zone=UTC)

    assert [(entry.slot.id, entry.slot.booked, entry.slot.held, entry.slot.free) for entry in week] == [
        (slot.id, 1, 1, 1),
        (other.id, 0, 0, 10),
    ]
    assert [(b.name, b.seat_no, b.status) for b in week[0].bookings] == [
        ("Ana", 1, BookingStatus.CONFIRMED),
        ("Bob", 2, BookingStatus.AWAITING_PAYMENT),
    ]
    assert shop.bookings.day(STARTS.date() + timedelta(days=1), zone=UTC)[0].slot.id == other.id


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"capacity": -1}, "capacity"),
        ({"capacity": 0}, "capacity"),
        ({"ends_at": STARTS - timedelta(hours=1)}, "ends_at"),
        ({"starts_at": datetime(2026, 11, 25, 10, 0)}, "starts_at"),
        ({"price": Decimal("-5")}, "price"),
        ({"vat_rate": Decimal("7")}, "vat_rate"),
        ({"kind": "party"}, "kind"),
        ({"title": "  "}, "title"),
    ],
)
def test_a_bad_slot_is_refused_with_the_field_named_and_nothing_is_written(shop, stock_manager, changes, field):
    values = dict(
        title="Workshop",
        starts_at=STARTS,
        ends_at=STARTS + timedelta(hours=1),
        capacity=5,
        price=Decimal("10"),
        vat_rate=Decimal("20"),
    )
    with pytest.raises(ValidationError) as refused:
        shop.bookings.create_slot(stock_manager, **(values | changes))
    assert refused.value.field == field
    assert shop.bookings.slots(STARTS - timedelta(days=1), STARTS + timedelta(days=1)) == []


def test_a_cashier_may_not_create_slots(shop, cashier):
    with pytest.raises(PermissionDenied):
        workshop(shop, cashier)


def test_booking_an_unknown_slot_or_with_a_bad_address_is_refused(shop, stock_manager):
    slot = workshop(shop, stock_manager)
    with pytest.raises(NotFound):
        shop.bookings.book(9999, "ana@example.com", "Ana")
    with pytest.raises(ValidationError) as refused:
        shop.bookings.book(slot.id, "not-an-address", "Ana")
    assert refused.value.field == "email"
    assert shop.bookings.slot(slot.id).free == 10


def test_a_started_or_withdrawn_slot_cannot_be_booked(shop, stock_manager, clock):
    slot = workshop(shop, stock_manager)
    later = workshop(shop, stock_manager, title="Later", starts=STARTS + timedelta(days=7))
    shop.bookings.cancel_slot(stock_manager, later.id)
    with pytest.raises(Conflict, match="withdrawn"):
        shop.bookings.book(later.id, "ana@example.com", "Ana")
    clock.advance(days=3, hours=1, minutes=5)
    with pytest.raises(Conflict, match="started"):
        shop.bookings.book(slot.id, "ana@example.com", "Ana")


def test_a_slot_with_bookings_cannot_be_withdrawn(shop, stock_manager):
    slot = workshop(shop, stock_manager)
    shop.bookings.book(slot.id, "ana@example.com", "Ana")
    with pytest.raises(Conflict, match="booking"):
        shop.bookings.cancel_slot(stock_manager, slot.id)
    assert not shop.bookings.slot(slot.id).cancelled


def test_the_database_itself_refuses_a_seat_beyond_the_capacity(shop, stock_manager, database_url):
    slot = workshop(shop, stock_manager, capacity=10)
    for n in range(10):
        shop.bookings.book(slot.id, f"c{n}@example.com", f"Customer {n}")
    insert = text(
        "INSERT INTO bookings (id, slot_id, slot_capacity, seat_no, status, channel, name, email, price, vat_rate, "
        "currency, created_at, updated_at) VALUES (:id, :slot, :capacity, :seat, 'confirmed', 'online', 'X', "
        "'x@example.com', 35, 20, 'EUR', :now, :now)"
    )
    engine = shop.db.write_engine
    attempts = {
        "an eleventh seat": {"capacity": 10, "seat": 11},
        "a seat taken twice": {"capacity": 10, "seat": 3},
        "a capacity that is not the slot's": {"capacity": 11, "seat": 11},
        "seat zero": {"capacity": 10, "seat": 0},
    }
    for n, values in enumerate(attempts.values()):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert, {"id": f"raw-{n}", "slot": slot.id, "now": STARTS, **values})
    raw = create_engine(database_url)
    with raw.connect() as conn:
        held = conn.execute(text("SELECT count(*) FROM bookings WHERE seat_no IS NOT NULL")).scalar_one()
    raw.dispose()
    assert held == 10


def test_the_z_report_counts_a_slot_sold_by_card_under_card_and_leaves_the_expected_cash_alone(
    shop, stock_manager, cashier
):
    slot = workshop(shop, stock_manager, price="30.00")
    shop.pos.open_session(cashier, "R1", Decimal("100.00"))
    before = shop.pos.x_report(cashier)

    shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="card")
    z = shop.pos.close_session(cashier, Decimal("100.00"))

    assert z.by_method.get("card", Decimal(0)) == before.by_method.get("card", Decimal(0)) + Decimal("30.00")
    assert (z.expected_cash, z.variance, z.cash_in) == (Decimal("100.00"), Decimal("0.00"), Decimal("0.00"))
    assert (z.sales_count, z.sales_total, z.bookings_count, z.bookings_total) == (
        1,
        Decimal("30.00"),
        1,
        Decimal("30.00"),
    )
    assert [(split.rate, split.vat) for split in z.vat] == [(Decimal("20"), Decimal("5.00"))]


def test_a_slot_sold_in_cash_is_cash_taken_not_cash_put_in(shop, stock_manager, cashier):
    slot = workshop(shop, stock_manager, price="35.00")
    shop.pos.open_session(cashier, "R1", Decimal("100.00"))

    shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="cash")

    report = shop.pos.x_report(cashier)
    assert (report.by_method["cash"], report.cash_in, report.expected_cash) == (
        Decimal("35.00"),
        Decimal("0.00"),
        Decimal("135.00"),
    )


def test_a_counter_booking_refunded_at_a_later_till_counts_in_that_tills_report_only(
    shop, stock_manager, cashier, clock
):
    slot = workshop(shop, stock_manager, price="30.00")
    first = shop.pos.open_session(cashier, "R1", Decimal("50.00"))
    booking = shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="wave")
    shop.pos.close_session(cashier, Decimal("50.00"))
    clock.advance(days=1)
    second = shop.pos.open_session(cashier, "R1", Decimal("50.00"))

    shop.bookings.cancel(cashier, booking.id, "cannot come")

    later = shop.pos.x_report(cashier)
    assert (later.session_id, later.refunds_count, later.refunds_total) == (second.id, 1, Decimal("30.00"))
    assert (later.by_method["wave"], later.expected_cash, later.sales_count) == (
        Decimal("-30.00"),
        Decimal("50.00"),
        0,
    )
    sold_there = shop.pos.z_report(cashier, first.id)
    assert (sold_there.by_method["wave"], sold_there.refunds_count) == (Decimal("30.00"), 0)
    assert shop.journal.verify().ok


def test_the_schedule_keeps_a_cancelled_booking_after_the_seats_in_use(shop, stock_manager, cashier):
    slot = workshop(shop, stock_manager, capacity=3)
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    awa = shop.bookings.sell_at_counter(cashier, slot.id, name="Awa", method="card")
    shop.bookings.sell_at_counter(cashier, slot.id, name="Bintou", method="card")
    shop.bookings.cancel(cashier, awa.id, "cannot come")

    [entry] = shop.bookings.day(STARTS.date(), zone=UTC)

    assert [(b.name, b.seat_no, b.status) for b in entry.bookings] == [
        ("Bintou", 2, BookingStatus.CONFIRMED),
        ("Awa", None, BookingStatus.CANCELLED_BY_SHOP),
    ]
    assert (entry.slot.booked, entry.slot.free) == (1, 2)


def test_the_demo_shop_has_fittings_and_a_workshop_to_book_in_the_coming_week(empty_database_url):
    with open_services(empty_database_url) as svc:
        seed_demo(svc)
        now = svc.clock()

        week = svc.bookings.available_slots(now, now + timedelta(days=7))

    kinds = {slot.kind.value for slot in week}
    assert {"fitting", "workshop"} <= kinds
    assert all(slot.free == slot.capacity for slot in week)
