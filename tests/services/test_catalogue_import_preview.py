import io
from decimal import Decimal

from pos_app.services.catalogue_csv import COLUMNS, ChangeAction, FieldChange
from tests.services.helpers import make_product, visible_state

HEADER = ",".join(COLUMNS) + "\n"


def test_the_preview_says_what_each_row_would_change_and_writes_nothing(services, stock_manager):
    make_product(services, stock_manager, sku="MUG", name="Mug", price=Decimal("8.50"), category="Home")
    services.inventory.receive(stock_manager, "MUG", 3)
    make_product(services, stock_manager, sku="CAP", name="Cap", price=Decimal("12.00"))
    before = visible_state(services)
    csv_text = HEADER + (
        "MUG,,Mug,,,Home,,,9.00,,,20,0,5,yes\n"  # price and stock change
        "CAP,,Cap,,,,,,12.00,,,20,0,,yes\n"  # nothing changes
        "POLO-M,,Polo,M,,,,,35.00,,,20,0,4,yes\n"  # a new product...
        "POLO-L,,Polo,L,,,,,35.00,,,20,0,,yes\n"  # ...with a second size
    )

    preview = services.inventory.preview_import(stock_manager, io.StringIO(csv_text))

    assert [(c.line, c.sku, c.action) for c in preview.changes] == [
        (2, "MUG", ChangeAction.UPDATE),
        (3, "CAP", ChangeAction.UNCHANGED),
        (4, "POLO-M", ChangeAction.NEW_PRODUCT),
        (5, "POLO-L", ChangeAction.NEW_VARIANT),
    ]
    assert preview.changes[0].fields == (FieldChange("price", "8.50", "9.00"), FieldChange("on_hand", "3", "5"))
    assert preview.changes[2].fields == (FieldChange("on_hand", "0", "4"),)
    assert preview.errors == ()
    assert preview.can_import
    assert visible_state(services) == before


def test_the_preview_lists_every_bad_row_and_cannot_be_imported(services, stock_manager):
    csv_text = HEADER + (
        "OK,,Good,,,,,,10.00,,,20,0,5,yes\n"
        "BAD-PRICE,,Bad price,,,,,,-3,,,20,0,5,yes\n"
        "BAD-VAT,,Bad VAT,,,,,,10.00,,,7,0,5,yes\n"
    )

    preview = services.inventory.preview_import(stock_manager, io.StringIO(csv_text))

    assert [(e.line, e.message.split(" ")[0]) for e in preview.errors] == [(3, "price"), (4, "VAT")]
    assert [c.sku for c in preview.changes] == ["OK"]
    assert not preview.can_import
