import csv
from datetime import timedelta

import pytest

from pos_app.domain.stock import MovementKind
from pos_app.errors import NotFound, ValidationError
from pos_app.services.movement_history import MovementFilter
from tests.services.helpers import make_product


@pytest.fixture
def history(services, stock_manager, admin, clock):
    """Over three days: deliveries, a count and a loss by the stock manager, a correction by the admin."""
    make_product(services, stock_manager, sku="TEE-M", name="T-shirt", size="M", properties={"colour": "Red"})
    make_product(services, stock_manager, sku="MUG", name="Mug")
    services.inventory.receive(stock_manager, "TEE-M", 10, reference="BL-1")  # day 1
    services.inventory.receive(stock_manager, "MUG", 5)
    clock.advance(days=1)
    services.inventory.adjust(stock_manager, "TEE-M", -2, "adjustment", "Count of the shelf")  # day 2
    services.inventory.adjust(stock_manager, "MUG", -1, "loss", "Broken")
    clock.advance(days=1)
    services.inventory.adjust(admin, "TEE-M", 1, "adjustment", "Found in the back")  # day 3
    return services


def lines(page):
    return [(m.sku, m.kind.value, m.quantity, m.user) for m in page.rows]


def test_the_history_lists_movements_newest_first_with_product_and_variant(history):
    page = history.movement_history.page(MovementFilter())

    assert lines(page) == [
        ("TEE-M", "adjustment", 1, "admin"),
        ("MUG", "loss", -1, "stock"),
        ("TEE-M", "adjustment", -2, "stock"),
        ("MUG", "restock", 5, "stock"),
        ("TEE-M", "restock", 10, "stock"),
    ]
    newest = page.rows[0]
    assert (newest.product, newest.variant, newest.stock_before, newest.stock_after) == ("T-shirt", "M / Red", 8, 9)
    assert newest.reason == "Found in the back"
    assert page.rows[-1].reference == "BL-1"


def test_filters_by_sku_kind_user_and_period_combine(history, clock):
    day_2 = clock.now - timedelta(days=1, hours=1)
    day_3 = clock.now - timedelta(hours=1)
    page = history.movement_history.page

    assert lines(page(MovementFilter(sku="TEE-M", kind=MovementKind.ADJUSTMENT))) == [
        ("TEE-M", "adjustment", 1, "admin"),
        ("TEE-M", "adjustment", -2, "stock"),
    ]
    assert lines(page(MovementFilter(user="stock", since=day_2))) == [
        ("MUG", "loss", -1, "stock"),
        ("TEE-M", "adjustment", -2, "stock"),
    ]
    assert lines(page(MovementFilter(since=day_2, until=day_3))) == [
        ("MUG", "loss", -1, "stock"),
        ("TEE-M", "adjustment", -2, "stock"),
    ]
    assert history.movement_history.count(MovementFilter(user="Admin")) == 1


def test_pages_follow_each_other_through_movements_of_the_same_moment(history):
    everything = lines(history.movement_history.page(MovementFilter()))
    paged, after = [], None
    while True:
        page = history.movement_history.page(MovementFilter(), after, limit=2)
        paged += lines(page)
        if page.is_last:
            break
        after = page.after

    assert paged == everything


def test_the_count_stops_at_its_cap(history):
    assert history.movement_history.count(MovementFilter(), cap=3) == 3
    assert history.movement_history.count(MovementFilter(), cap=100) == 5


def test_an_unknown_sku_or_user_and_a_backwards_period_are_refused(history, clock):
    with pytest.raises(NotFound, match="Unknown SKU 'NOPE'"):
        history.movement_history.page(MovementFilter(sku="NOPE"))
    with pytest.raises(NotFound, match="nobody"):
        history.movement_history.page(MovementFilter(user="nobody"))
    with pytest.raises(ValidationError) as backwards:
        history.movement_history.page(MovementFilter(since=clock.now, until=clock.now - timedelta(days=1)))
    assert backwards.value.field == "until"


def test_the_export_writes_the_filtered_movements_as_csv(history, tmp_path):
    target = tmp_path / "movements.csv"
    seen = []

    written = history.movement_history.export_csv(MovementFilter(sku="TEE-M"), target, progress=seen.append)

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert written == 3
    assert seen == [3]
    assert [(r["sku"], r["kind"], r["quantity"], r["stock_after"], r["user"]) for r in rows] == [
        ("TEE-M", "adjustment", "1", "9", "admin"),
        ("TEE-M", "adjustment", "-2", "8", "stock"),
        ("TEE-M", "restock", "10", "10", "stock"),
    ]
    assert rows[0]["variant"] == "M / Red"


def test_a_cancelled_export_leaves_no_file(history, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()

    written = history.movement_history.export_csv(MovementFilter(), folder / "movements.csv", cancelled=lambda: True)

    assert written is None
    assert list(folder.iterdir()) == []


def test_the_users_to_filter_by_are_every_username(history):
    assert history.movement_history.users() == ["accountant", "admin", "cashier", "stock"]
