"""Slots, seats and the weekly template, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.bookings import (
    BookingStatus,
    WeeklyTemplate,
    check_period,
    first_free_seat,
    parse_capacity,
    parse_kind,
)
from pos_app.errors import ValidationError

PARIS = ZoneInfo("Europe/Paris")


def template(**changes: object) -> WeeklyTemplate:
    values: dict[str, object] = dict(weekday=2, at=time(10), duration=timedelta(hours=1), capacity=4, zone=PARIS)
    return WeeklyTemplate(**(values | changes))  # type: ignore[arg-type]


def test_the_template_gives_every_wednesday_of_the_period_at_local_time() -> None:
    starts = template().starts(date(2026, 11, 23), date(2026, 12, 16))

    assert [start.date() for start in starts] == [
        date(2026, 11, 25),
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
    ]
    assert {start.astimezone(PARIS).time() for start in starts} == {time(10)}


def test_the_template_keeps_the_local_hour_across_a_change_to_summer_time() -> None:
    starts = template(weekday=6).starts(date(2026, 3, 22), date(2026, 3, 29))

    assert [start.astimezone(UTC).hour for start in starts] == [9, 8]


def test_a_start_in_the_hour_skipped_by_summer_time_moves_forward_like_a_wall_clock() -> None:
    [start] = template(weekday=6, at=time(2, 30)).starts(date(2026, 3, 29), date(2026, 3, 29))

    assert start.astimezone(PARIS).replace(tzinfo=None) == datetime(2026, 3, 29, 3, 30)


def test_a_period_that_ends_before_it_starts_or_runs_over_a_year_is_refused() -> None:
    with pytest.raises(ValidationError) as backwards:
        template().starts(date(2026, 12, 1), date(2026, 11, 1))
    assert backwards.value.field == "last_day"
    with pytest.raises(ValidationError):
        template().starts(date(2026, 1, 1), date(2027, 6, 1))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekday": 7}, "weekday"),
        ({"weekday": True}, "weekday"),
        ({"at": time(10, tzinfo=UTC)}, "at"),
        ({"duration": timedelta(0)}, "duration"),
        ({"duration": timedelta(days=8)}, "duration"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": -2}, "capacity"),
    ],
)
def test_a_bad_template_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        template(**changes)
    assert refused.value.field == field


@pytest.mark.parametrize("capacity", [0, -1, 1001, 2.5, "3", True, None])
def test_a_capacity_is_a_whole_number_of_seats_from_one_to_a_thousand(capacity: object) -> None:
    with pytest.raises(ValidationError):
        parse_capacity(capacity)


def test_a_period_must_end_after_it_starts_and_carry_its_time_zone() -> None:
    start = datetime(2026, 11, 25, 10, tzinfo=UTC)
    assert check_period(start, start + timedelta(hours=1)) == (start, start + timedelta(hours=1))
    with pytest.raises(ValidationError, match="before it starts"):
        check_period(start, start)
    with pytest.raises(ValidationError) as naive:
        check_period(start.replace(tzinfo=None), start + timedelta(hours=1))
    assert naive.value.field == "starts_at"


def test_the_lowest_free_seat_is_taken_and_none_when_full() -> None:
    assert first_free_seat([], 3) == 1
    assert first_free_seat([1, 3], 3) == 2
    assert first_free_seat([3, 1, 2], 3) is None


def test_only_held_and_confirmed_bookings_keep_a_seat() -> None:
    assert {status for status in BookingStatus if status.holds_seat} == {
        BookingStatus.AWAITING_PAYMENT,
        BookingStatus.CONFIRMED,
    }


def test_an_unknown_kind_of_slot_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError, match="workshop"):
        parse_kind("party")
