"""Sales reports and the list of till sessions, on both databases: the figures an accountant checks against the
Z reports of the same sales, to the cent."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from pos_app.errors import NotFound, PermissionDenied, ValidationError
from pos_app.services.bookings import Booking, Slot
from pos_app.services.pos import TillReport
from pos_app.services.sales_reports import MAX_PERIODS, Granularity, SalesFigures
from tests.services.helpers import make_product

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def shop(services, stock_manager, admin):
    """TEE 19.90 at 20 %, BOOK 9.99 at 5.5 % and CAP 7.45 at 10 %, plenty of each; a second register R2."""
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("9.99"), vat_rate=Decimal("5.5"))
    make_product(services, stock_manager, sku="CAP", name="Cap", price=Decimal("7.45"), vat_rate=Decimal("10"))
    for sku in ("TEE", "BOOK", "CAP"):
        services.inventory.receive(stock_manager, sku, 500)
    services.pos.add_register(admin, "R2", "Second counter")
    return services


@pytest.fixture
def workshop(shop, stock_manager) -> Slot:
    """A workshop on 1 December, 20 seats at 12.35 with 10 % VAT, the rate of the caps sold at R2."""
    starts = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    return shop.bookings.create_slot(
        stock_manager,
        title="Sewing workshop",
        kind="workshop",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=20,
        price=Decimal("12.35"),
        vat_rate=Decimal("10"),
    )


class DayOfSales(NamedTuple):
    sessions: list[int]  # R1's and R2's
    seats: list[Booking]  # sold at the counter: in cash at R1, by card at R2


def a_day_of_sales(
    svc, cashier, admin, clock, day_number: int, workshop: Slot | None = None, cancel: Booking | None = None
) -> DayOfSales:
    """Both counters open, sell with discounts, change, split payments and refunds, sell seats of `workshop` (in
    cash at R1, by card at R2), cancel the seat `cancel` at R1 (the cashier pays it back), and close. Prices at
    5.5 % and 10 % make the VAT of a total differ from the sum of each ticket's VAT."""
    r1 = svc.pos.open_session(cashier, "R1", Decimal("100"))
    r2 = svc.pos.open_session(admin, "R2", Decimal("50"))
    clock.advance(minutes=10)
    numbers = []
    for n in range(3 + day_number):
        sold = svc.pos.checkout(
            cashier,
            [("BOOK", 1 + n % 3), ("TEE", 1, Decimal("10") if n % 2 else Decimal(0))],
            [("cash", Decimal("100"))],
            register="R1",
        )
        numbers.append(sold.number)
        clock.advance(minutes=7)
        lines = [("CAP", 2 + n), ("BOOK", 1)]
        discount = Decimal("3") if n % 2 else Decimal(0)
        due = svc.pos.price(admin, lines, ticket_discount_percent=discount).total
        split = [("card", Decimal("10.00")), ("wave", due - Decimal("10.00"), f"WV-{day_number}-{n}")]
        svc.pos.checkout(admin, lines, split, ticket_discount_percent=discount, register="R2")
        clock.advance(minutes=7)
    svc.pos.refund(cashier, numbers[0], [("BOOK", 1)], "cash", register="R1")
    svc.pos.refund(cashier, numbers[-1], [("TEE", 1)], "card", register="R1")
    seats = []
    if workshop is not None:
        seats.append(svc.bookings.sell_at_counter(cashier, workshop.id, name="Awa", method="cash", register="R1"))
        seats.append(svc.bookings.sell_at_counter(admin, workshop.id, name="Binta", method="card", register="R2"))
    if cancel is not None:
        svc.bookings.cancel(cashier, cancel.id, "cannot come")
    clock.advance(hours=8)
    for actor, register in ((cashier, "R1"), (admin, "R2")):
        expected = svc.pos.x_report(actor, register).expected_cash
        svc.pos.close_session(actor, expected - Decimal("0.50"), register)
    clock.advance(hours=15)
    return DayOfSales([r1.id, r2.id], seats)


def summed(reports: Iterable[TillReport]) -> dict[str, object]:
    """The figures of several Z reports added up, as an accountant adds them by hand."""
    total: dict[str, object] = defaultdict(Decimal)
    by_method: dict[str, Decimal] = defaultdict(Decimal)
    vat: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    for report in reports:
        total["sales_count"] += report.sales_count
        total["total"] += report.sales_total
        total["discounts"] += report.discounts
        total["refunds_count"] += report.refunds_count
        total["refunds_total"] += report.refunds_total
        for method, amount in report.by_method.items():
            by_method[method] += amount
        for split in report.vat:
            vat[split.rate] = [a + b for a, b in zip(vat[split.rate], (split.gross, split.net, split.vat), strict=True)]
    total["by_method"] = {m: a for m, a in by_method.items() if a}
    total["vat"] = {rate: tuple(figures) for rate, figures in vat.items()}
    return dict(total)


def figures_of(figures: SalesFigures) -> dict[str, object]:
    return {
        "sales_count": figures.sales_count,
        "total": figures.total,
        "discounts": figures.discounts,
        "refunds_count": figures.refunds_count,
        "refunds_total": figures.refunds_total,
        "by_method": {m: a for m, a in figures.by_method.items() if a},
        "vat": {split.rate: (split.gross, split.net, split.vat) for split in figures.vat},
    }


def test_a_report_over_whole_sessions_states_the_sum_of_their_z_reports_to_the_cent(
    shop, cashier, admin, accountant, clock
):
    sessions = [a_day_of_sales(shop, cashier, admin, clock, day).sessions for day in range(3)]  # 22 to 24 November
    z_reports = [[shop.pos.z_report(accountant, session) for session in day] for day in sessions]

    for granularity in Granularity:
        report = shop.sales_reports.report(accountant, date(2026, 11, 1), date(2026, 11, 30), granularity, zone=UTC)
        assert figures_of(report.total) == summed(r for day in z_reports for r in day), granularity

    by_day = shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 24), "day", zone=UTC)
    assert [figures_of(day) for day in by_day.periods] == [summed(day) for day in z_reports]
    total = by_day.total
    assert total.sales_count == 2 * (3 + 4 + 5)
    assert total.net + total.vat_total == total.total
    assert sum(total.by_method.values()) == total.takings == total.total - total.refunds_total
    assert total.by_method["cash"] == sum(r.by_method["cash"] for day in z_reports for r in day)
    assert report.methods == ("cash", "card", "wave")


def test_seats_sold_at_the_counter_and_one_paid_back_a_day_later_keep_the_report_equal_to_the_z_reports(
    shop, workshop, cashier, admin, accountant, clock
):
    first = a_day_of_sales(shop, cashier, admin, clock, 0, workshop)
    card_seat = first.seats[1]  # sold at R2 on the 22nd, paid back at R1 on the 23rd
    second = a_day_of_sales(shop, cashier, admin, clock, 1, workshop, cancel=card_seat)
    third = a_day_of_sales(shop, cashier, admin, clock, 2, workshop)
    z_reports = [[shop.pos.z_report(accountant, s) for s in day.sessions] for day in (first, second, third)]
    assert sum(r.bookings_count for day in z_reports for r in day) == 6

    for granularity in Granularity:
        report = shop.sales_reports.report(accountant, date(2026, 11, 1), date(2026, 11, 30), granularity, zone=UTC)
        assert figures_of(report.total) == summed(r for day in z_reports for r in day), granularity
    by_day = shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 24), "day", zone=UTC)
    assert [figures_of(day) for day in by_day.periods] == [summed(day) for day in z_reports]
    for index, register in enumerate(("R1", "R2")):
        alone = shop.sales_reports.report(
            accountant, date(2026, 11, 22), date(2026, 11, 24), register=register, zone=UTC
        )
        assert [figures_of(day) for day in alone.periods] == [summed([z[index]]) for z in z_reports], register

    total = by_day.total
    assert (total.sales_count, total.refunds_count) == (2 * (3 + 4 + 5) + 6, 2 * 3 + 1)
    assert total.net + total.vat_total == total.total
    assert sum(total.by_method.values()) == total.takings == total.total - total.refunds_total
    refunded_at_ten_percent = [
        [(s.gross, s.net, s.vat) for s in day.refunds_vat if s.rate == Decimal("10")] for day in by_day.periods
    ]
    assert refunded_at_ten_percent == [[], [(Decimal("12.35"), Decimal("11.23"), Decimal("1.12"))], []]


def test_a_report_states_the_vat_of_each_rate_and_what_refunds_gave_back(shop, cashier, accountant, clock):
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    sale = shop.pos.checkout(cashier, [("BOOK", 3), ("TEE", 1)], [("card", Decimal("49.87"))])
    shop.pos.refund(cashier, sale.number, [("BOOK", 1)], "cash")

    report = shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 22), zone=UTC)

    [day] = report.periods
    assert [(s.rate, s.gross, s.net, s.vat) for s in day.vat] == [
        (Decimal("5.5"), Decimal("29.97"), Decimal("28.41"), Decimal("1.56")),
        (Decimal("20"), Decimal("19.90"), Decimal("16.58"), Decimal("3.32")),
    ]
    assert [(s.rate, s.gross, s.net, s.vat) for s in day.refunds_vat] == [
        (Decimal("5.5"), Decimal("9.99"), Decimal("9.47"), Decimal("0.52"))
    ]
    assert (day.total, day.refunds_total, day.takings) == (Decimal("49.87"), Decimal("9.99"), Decimal("39.88"))
    assert day.by_method == {"cash": Decimal("-9.99"), "card": Decimal("49.87")}
    assert report.rates == (Decimal("5.5"), Decimal("20"))


def test_sales_count_on_the_day_of_the_shops_time_zone_across_the_change_to_summer_time(
    shop, cashier, accountant, clock
):
    clock.now = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)  # Saturday 23:30 in Paris
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    clock.now = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # Sunday 00:30 in Paris, still winter time
    shop.pos.checkout(cashier, [("TEE", 2)], [("card", Decimal("39.80"))])
    clock.now = datetime(2026, 3, 29, 21, 59, tzinfo=UTC)  # Sunday 23:59, summer time since 2 o'clock
    shop.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("9.99"))])
    clock.now = datetime(2026, 3, 29, 22, 0, tzinfo=UTC)  # Monday 00:00 in Paris
    shop.pos.checkout(cashier, [("CAP", 1)], [("card", Decimal("7.45"))])

    in_paris = shop.sales_reports.report(accountant, date(2026, 3, 28), date(2026, 3, 30), zone=PARIS)
    in_utc = shop.sales_reports.report(accountant, date(2026, 3, 28), date(2026, 3, 30), zone=UTC)

    assert [(d.first_day.day, d.sales_count, d.total) for d in in_paris.periods] == [
        (28, 1, Decimal("19.90")),
        (29, 2, Decimal("49.79")),
        (30, 1, Decimal("7.45")),
    ]
    assert [(d.first_day.day, d.sales_count) for d in in_utc.periods] == [(28, 2), (29, 2), (30, 0)]


def test_a_seat_counts_on_the_day_it_was_paid_or_paid_back_in_the_shops_time_zone(
    shop, workshop, cashier, accountant, clock
):
    clock.now = datetime(2026, 11, 22, 22, 59, 59, tzinfo=UTC)  # Sunday 23:59:59 in Paris
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    late = shop.bookings.sell_at_counter(cashier, workshop.id, name="Awa", method="card")
    clock.now = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # Monday 00:00 in Paris
    shop.bookings.sell_at_counter(cashier, workshop.id, name="Binta", method="cash")
    shop.bookings.cancel(cashier, late.id, "cannot come")

    days = shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 24), zone=PARIS).periods

    assert [(d.sales_count, d.total, d.refunds_count, d.refunds_total) for d in days] == [
        (1, Decimal("12.35"), 0, Decimal(0)),
        (1, Decimal("12.35"), 1, Decimal("12.35")),
        (0, Decimal(0), 0, Decimal(0)),
    ]
    assert [d.by_method for d in days[:2]] == [
        {"cash": Decimal(0), "card": Decimal("12.35")},
        {"cash": Decimal("12.35"), "card": Decimal("-12.35")},
    ]


def test_weeks_run_from_monday_and_months_are_calendar_months_cut_to_the_period(shop, cashier, accountant, clock):
    clock.now = datetime(2026, 11, 8, 23, 0, tzinfo=UTC)  # a Sunday
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    clock.now = datetime(2026, 11, 9, 1, 0, tzinfo=UTC)  # the Monday after
    shop.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("9.99"))])
    clock.now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    shop.pos.checkout(cashier, [("CAP", 1)], [("card", Decimal("7.45"))])

    weeks = shop.sales_reports.report(accountant, date(2026, 11, 4), date(2026, 12, 2), "week", zone=UTC)
    months = shop.sales_reports.report(accountant, date(2026, 11, 4), date(2026, 12, 2), "month", zone=UTC)

    assert [(w.first_day, w.last_day, w.total) for w in weeks.periods] == [
        (date(2026, 11, 4), date(2026, 11, 8), Decimal("19.90")),
        (date(2026, 11, 9), date(2026, 11, 15), Decimal("9.99")),
        (date(2026, 11, 16), date(2026, 11, 22), Decimal(0)),
        (date(2026, 11, 23), date(2026, 11, 29), Decimal(0)),
        (date(2026, 11, 30), date(2026, 12, 2), Decimal("7.45")),
    ]
    assert [(m.first_day, m.last_day, m.total) for m in months.periods] == [
        (date(2026, 11, 4), date(2026, 11, 30), Decimal("29.89")),
        (date(2026, 12, 1), date(2026, 12, 2), Decimal("7.45")),
    ]
    assert weeks.total.total == months.total.total == Decimal("37.34")


def test_a_report_of_one_register_leaves_the_others_out(shop, cashier, admin, accountant):
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    shop.pos.open_session(admin, "R2", Decimal("0"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))], register="R1")
    shop.pos.checkout(admin, [("BOOK", 1)], [("cash", Decimal("10"))], register="R2")

    report = shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 22), register="r2", zone=UTC)

    assert report.register == "R2"
    assert (report.total.sales_count, report.total.total) == (1, Decimal("9.99"))
    assert report.total.by_method == {"cash": Decimal("9.99")}
    with pytest.raises(NotFound, match=r"No register 'R9'\. The registers are: R1, R2"):
        shop.sales_reports.report(accountant, date(2026, 11, 22), date(2026, 11, 22), register="R9")


def test_a_period_without_sales_gives_a_row_of_zeros_per_day(services, accountant):
    report = services.sales_reports.report(accountant, date(2026, 11, 20), date(2026, 11, 22), zone=UTC)

    assert [(d.first_day, d.sales_count, d.total, d.vat) for d in report.periods] == [
        (date(2026, 11, day), 0, Decimal(0), ()) for day in (20, 21, 22)
    ]
    assert report.total.by_method == {"cash": Decimal(0)}
    assert report.currency == "EUR"


@pytest.mark.parametrize(
    ("first", "last", "granularity", "field", "message"),
    [
        (date(2026, 11, 22), date(2026, 11, 21), "day", "last_day", r"last day \(2026-11-21\) is before"),
        (datetime(2026, 11, 1, tzinfo=UTC), date(2026, 11, 2), "day", "first_day", "must be a date"),
        ("2026-11-01", date(2026, 11, 2), "day", "first_day", "must be a date"),
        (date(2026, 11, 1), date(2026, 11, 2), "year", "granularity", "Unknown granularity 'year'"),
        (
            date(2025, 1, 1),
            date(2026, 12, 31),
            "day",
            "granularity",
            f"at most {MAX_PERIODS} rows, and this period has more days. Choose weeks",
        ),
    ],
)
def test_a_bad_period_is_refused_with_the_field_to_fix(services, accountant, first, last, granularity, field, message):
    with pytest.raises(ValidationError, match=message) as refused:
        services.sales_reports.report(accountant, first, last, granularity)
    assert refused.value.field == field


def test_only_accountants_and_admins_read_the_reports_and_the_sessions(services, cashier, stock_manager, admin):
    for actor in (cashier, stock_manager):
        with pytest.raises(PermissionDenied, match="may not read invoices and reports"):
            services.sales_reports.report(actor, date(2026, 11, 1), date(2026, 11, 2))
        with pytest.raises(PermissionDenied):
            services.sales_reports.till_sessions(actor)
    assert services.sales_reports.report(admin, date(2026, 11, 1), date(2026, 11, 2)).total.sales_count == 0


def test_the_day_summary_counts_todays_sales_for_the_managers_but_not_for_cashiers(
    shop, cashier, stock_manager, accountant, clock
):
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    shop.pos.checkout(cashier, [("CAP", 1)], [("card", Decimal("7.45"))])
    clock.advance(days=1)
    first = shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    shop.pos.checkout(cashier, [("BOOK", 1)], [("cash", Decimal("20"))])
    shop.pos.refund(cashier, first.number, [("TEE", 1)], "card")

    for actor in (stock_manager, accountant):
        today = shop.sales_reports.day_summary(actor, zone=UTC)
        assert (today.day, today.sales_count, today.total, today.refunds_total) == (
            date(2026, 11, 23),
            2,
            Decimal("29.89"),
            Decimal("19.90"),
        )
    assert shop.sales_reports.day_summary(accountant, date(2026, 11, 22), zone=UTC).total == Decimal("7.45")
    with pytest.raises(PermissionDenied, match="may not read the day's sales"):
        shop.sales_reports.day_summary(cashier)


def test_till_sessions_come_newest_first_with_who_opened_and_closed_them_their_totals_and_variance(
    shop, cashier, admin, accountant, clock
):
    first = shop.pos.open_session(cashier, "R1", Decimal("100"))
    shop.pos.checkout(cashier, [("TEE", 2)], [("cash", Decimal("50"))])
    clock.advance(hours=8)
    shop.pos.close_session(admin, Decimal("139.30"), "R1")  # 0.50 short
    clock.advance(hours=16)
    second = shop.pos.open_session(cashier, "R1", Decimal("100"))
    sale = shop.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("9.99"))])
    shop.pos.refund(cashier, sale.number, [("BOOK", 1)], "card")

    listed = shop.sales_reports.till_sessions(accountant)

    assert [(s.id, s.register, s.opened_by, s.closed_by) for s in listed] == [
        (second.id, "R1", "cashier", ""),
        (first.id, "R1", "cashier", "admin"),
    ]
    newest, oldest = listed
    assert (newest.sales_count, newest.sales_total, newest.refunds_total, newest.variance) == (
        1,
        Decimal("9.99"),
        Decimal("9.99"),
        None,
    )
    assert (oldest.expected_cash, oldest.counted_cash, oldest.variance) == (
        Decimal("139.80"),
        Decimal("139.30"),
        Decimal("-0.50"),
    )
    assert oldest.closed_at == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    assert [s.id for s in shop.sales_reports.till_sessions(accountant, closed_only=True)] == [first.id]
    assert [s.id for s in shop.sales_reports.till_sessions(accountant, limit=1, offset=1)] == [first.id]
    assert shop.sales_reports.till_sessions(accountant, register="R2") == []


def test_the_dashboard_and_the_till_sessions_count_a_seat_sold_at_the_counter_and_its_refund_at_a_later_till(
    shop, workshop, cashier, admin, accountant, clock
):
    first = shop.pos.open_session(cashier, "R1", Decimal("0"))
    shop.pos.checkout(cashier, [("TEE", 1)], [("card", Decimal("19.90"))])
    seat = shop.bookings.sell_at_counter(cashier, workshop.id, name="Awa", method="cash")
    shop.pos.close_session(cashier, Decimal("12.35"))
    clock.advance(days=1)
    second = shop.pos.open_session(admin, "R2", Decimal("20"))
    shop.bookings.cancel(admin, seat.id, "cannot come")

    yesterday = shop.sales_reports.day_summary(accountant, date(2026, 11, 22), zone=UTC)
    today = shop.sales_reports.day_summary(accountant, zone=UTC)
    listed = shop.sales_reports.till_sessions(accountant)

    assert (yesterday.sales_count, yesterday.total, yesterday.refunds_total) == (2, Decimal("32.25"), Decimal(0))
    assert (today.sales_count, today.total, today.refunds_total) == (0, Decimal(0), Decimal("12.35"))
    assert [(s.id, s.sales_count, s.sales_total, s.refunds_total, s.variance) for s in listed] == [
        (second.id, 0, Decimal(0), Decimal("12.35"), None),
        (first.id, 2, Decimal("32.25"), Decimal(0), Decimal(0)),
    ]
    for till in listed:
        z = shop.pos.z_report(accountant, till.id)
        assert (till.sales_count, till.sales_total, till.refunds_total) == (
            z.sales_count,
            z.sales_total,
            z.refunds_total,
        )


@pytest.mark.parametrize(
    ("options", "field"), [({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"offset": -1}, "offset")]
)
def test_till_sessions_refuse_a_page_out_of_range(services, accountant, options, field):
    with pytest.raises(ValidationError) as refused:
        services.sales_reports.till_sessions(accountant, **options)
    assert refused.value.field == field


def test_sales_at_the_last_and_first_instant_of_local_days_land_in_their_days_weeks_and_months_over_400_days(
    shop, cashier, accountant, clock
):
    def first_instant(year: int, month: int, day: int) -> datetime:
        return datetime(year, month, day, tzinfo=PARIS)

    def last_instant(year: int, month: int, day: int) -> datetime:
        return datetime(year, month, day, 23, 59, 59, 999_999, tzinfo=PARIS)

    moments = [
        last_instant(2025, 12, 31),  # before the report
        first_instant(2026, 1, 1),  # its first instant, a Thursday
        last_instant(2026, 3, 29),  # Sunday, summer time since 2 o'clock
        first_instant(2026, 3, 30),
        last_instant(2026, 10, 25),  # Sunday, winter time since 3 o'clock: refunded at once
        first_instant(2026, 10, 26),  # refunded at once
        last_instant(2026, 11, 30),  # a Monday, the last of the month
        first_instant(2026, 12, 1),
        last_instant(2027, 2, 4),  # the report's last instant
        first_instant(2027, 2, 5),  # after the report
    ]
    clock.now = moments[0]
    shop.pos.open_session(cashier, "R1", Decimal("0"))
    for moment in moments:
        clock.now = moment
        sale = shop.pos.checkout(cashier, [("CAP", 1)], [("card", Decimal("7.45"))])
        if moment.month == 10:
            shop.pos.refund(cashier, sale.number, [("CAP", 1)], "card")

    def counted(granularity: str) -> list[tuple[date, date, int, int]]:
        report = shop.sales_reports.report(accountant, date(2026, 1, 1), date(2027, 2, 4), granularity, zone=PARIS)
        return [(p.first_day, p.last_day, p.sales_count, p.refunds_count) for p in report.periods if p.sales_count]

    by_day = shop.sales_reports.report(accountant, date(2026, 1, 1), date(2027, 2, 4), zone=PARIS)
    assert len(by_day.periods) == MAX_PERIODS
    assert [(d.first_day, d.sales_count, d.refunds_count) for d in by_day.periods if d.sales_count] == [
        (date(2026, 1, 1), 1, 0),
        (date(2026, 3, 29), 1, 0),
        (date(2026, 3, 30), 1, 0),
        (date(2026, 10, 25), 1, 1),
        (date(2026, 10, 26), 1, 1),
        (date(2026, 11, 30), 1, 0),
        (date(2026, 12, 1), 1, 0),
        (date(2027, 2, 4), 1, 0),
    ]
    assert (by_day.total.sales_count, by_day.total.total) == (8, Decimal("59.60"))
    assert counted("week") == [
        (date(2026, 1, 1), date(2026, 1, 4), 1, 0),
        (date(2026, 3, 23), date(2026, 3, 29), 1, 0),
        (date(2026, 3, 30), date(2026, 4, 5), 1, 0),
        (date(2026, 10, 19), date(2026, 10, 25), 1, 1),
        (date(2026, 10, 26), date(2026, 11, 1), 1, 1),
        (date(2026, 11, 30), date(2026, 12, 6), 2, 0),
        (date(2027, 2, 1), date(2027, 2, 4), 1, 0),
    ]
    assert counted("month") == [
        (date(2026, 1, 1), date(2026, 1, 31), 1, 0),
        (date(2026, 3, 1), date(2026, 3, 31), 2, 0),
        (date(2026, 10, 1), date(2026, 10, 31), 2, 2),
        (date(2026, 11, 1), date(2026, 11, 30), 1, 0),
        (date(2026, 12, 1), date(2026, 12, 31), 1, 0),
        (date(2027, 2, 1), date(2027, 2, 4), 1, 0),
    ]
