from decimal import Decimal


def test_receive_then_level(services, stock_manager):
    services.inventory.create_product(stock_manager, sku="A", name="A", price=Decimal("1.00"), vat_rate=Decimal("20"))
    services.inventory.receive(stock_manager, "A", 3)
    assert services.inventory.level("A").on_hand == 3
