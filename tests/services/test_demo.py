from pos_app.services import open_services
from pos_app.services.demo import DEMO_USERS, seed_demo


def test_the_demo_shop_has_sixty_products_users_of_each_role_and_some_low_stock(empty_database_url):
    with open_services(empty_database_url) as svc:
        report = seed_demo(svc)
        assert report.created and report.products == 60
        for username, role, password in DEMO_USERS:
            assert svc.auth.login(username, password).role is role
        stock = svc.inventory.stock_list()
        assert len(stock) == report.skus
        low = svc.inventory.low_stock()
        assert 5 <= len(low) < len(stock) / 2
        assert any(r.available == 0 for r in low)
        assert len({r.category for r in stock}) >= 6
        assert any(r.variant for r in stock)
        assert len(svc.inventory.history(kind="loss")) == 2
        assert svc.settings.current().shop_name.startswith("Atelier Lumière")
        assert not seed_demo(svc).created
