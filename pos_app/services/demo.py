"""A believable demo shop: clothing, accessories and tech, one user per role, some stock running low."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal
from importlib import resources
from io import StringIO
from typing import TYPE_CHECKING

from pos_app.domain.roles import Actor, Role
from pos_app.domain.stock import MovementKind
from pos_app.errors import Conflict

if TYPE_CHECKING:
    from pos_app.services import Services

DEMO_SHOP_NAME = "Atelier Lumière — mode & high-tech"
DEMO_LEGAL_MENTIONS = (
    "SAS au capital de 10 000 € · RCS Paris 123 456 789\n"
    "Pénalités de retard : trois fois le taux d'intérêt légal. "
    "Indemnité forfaitaire pour frais de recouvrement : 40 €."
)
DEMO_USERS: tuple[tuple[str, Role, str], ...] = (
    ("admin", Role.ADMIN, "admin-demo"),
    ("cashier", Role.CASHIER, "cashier-demo"),
    ("stock", Role.STOCK_MANAGER, "stock-demo"),
    ("accountant", Role.ACCOUNTANT, "accountant-demo"),
)
# A little history, so the movement list is not empty on first start: (sku, delta, kind, reason, reference).
DEMO_MOVEMENTS: tuple[tuple[str, int, MovementKind, str, str | None], ...] = (
    ("T-SHIR-COTO-M-NOIR", 12, MovementKind.RESTOCK, "Delivery from Atelier Lumière", "BL-2026-0412"),
    ("ECOU-SANS-FIL-NOIR", 6, MovementKind.RESTOCK, "Delivery from Sonora", "BL-2026-0415"),
    ("CHEM-LIN-OXFO-M-BLEUCI", -1, MovementKind.LOSS, "Stained in the fitting room", None),
    ("MUG-CERA-BLANC", -2, MovementKind.LOSS, "Broken on delivery", "BL-2026-0415"),
    ("CABL-USB-C", -1, MovementKind.ADJUSTMENT, "Monthly count: one missing", None),
)
# Partner organisations: (name, kind, discount percent).
DEMO_PARTNERS: tuple[tuple[str, str, Decimal], ...] = (
    ("Université des Savoirs Ouverts", "university", Decimal("5")),
    ("Baobab Conseil SARL", "company", Decimal("10")),
)
# Customers, one or more per segment: (name, email, phone, segment, partner name).
DEMO_CUSTOMERS: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("Aminata Diallo", "aminata.diallo@example.com", "+221 77 123 45 67", "student", "Université des Savoirs Ouverts"),
    ("Lucas Bernard", "lucas.bernard@example.com", "+33 6 12 34 56 78", "student", None),
    ("Julien Martin", "julien.martin@example.com", "+33 6 98 76 54 32", "professional", None),
    ("Moussa Ndiaye", "moussa.ndiaye@example.com", "+221 76 555 44 33", "company", "Baobab Conseil SARL"),
    ("Office municipal des sports", "economat@oms.example.org", "+221 33 800 12 34", "institution", None),
    ("Claire Dubois", "claire.dubois@example.com", "", None, None),
)

# Time the shop sells, every week for the next weeks: (title, kind, weekdays (0 Monday), start, minutes, seats, price).
DEMO_SLOTS: tuple[tuple[str, str, tuple[int, ...], time, int, int, str], ...] = (
    ("Retouches sur mesure", "fitting", (0, 1, 2, 3, 4, 5), time(10, 0), 30, 1, "15.00"),
    ("Retouches sur mesure", "fitting", (0, 1, 2, 3, 4, 5), time(16, 30), 30, 1, "15.00"),
    ("Réparation smartphone", "repair", (2, 4), time(14, 0), 60, 2, "25.00"),
    ("Atelier couture débutants", "workshop", (5,), time(14, 0), 120, 8, "35.00"),
)
DEMO_SLOT_WEEKS = 4


@dataclass(frozen=True)
class DemoReport:
    created: bool
    users: tuple[tuple[str, Role, str], ...]
    products: int
    skus: int


def seed_demo(svc: Services) -> DemoReport:
    """Fill an empty database with the demo shop. Does nothing on a database that already has users."""
    if svc.auth.has_users():
        return DemoReport(created=False, users=DEMO_USERS, products=0, skus=0)
    try:
        admin = svc.auth.bootstrap_admin(DEMO_USERS[0][0], DEMO_USERS[0][2])
    except Conflict:  # another process seeded it at the same moment
        return DemoReport(created=False, users=DEMO_USERS, products=0, skus=0)
    for username, role, password in DEMO_USERS[1:]:
        svc.auth.create_user(admin, username, password, role.value)
    svc.settings.update_identity(
        admin,
        shop_name=DEMO_SHOP_NAME,
        currency_code="EUR",
        shop_address="12 rue des Lilas\n75011 Paris",
        shop_vat_number="FR32123456789",
        shop_company_number="123 456 789 00012",
        shop_email="bonjour@atelier-lumiere.example",
        shop_phone="01 23 45 67 89",
        legal_mentions=DEMO_LEGAL_MENTIONS,
    )
    stock = svc.auth.login("stock", "stock-demo")
    summary = svc.inventory.import_csv(stock, StringIO(_catalogue()), source_name="the demo catalogue")
    _write_history(svc, stock)
    _write_customers_and_promotions(svc, stock)
    _write_slots(svc, stock)
    return DemoReport(created=True, users=DEMO_USERS, products=summary.products_created, skus=summary.variants_created)


def _catalogue() -> str:
    return resources.files("pos_app.resources").joinpath("demo/catalogue.csv").read_text(encoding="utf-8")


def _write_history(svc: Services, actor: Actor) -> None:
    for sku, delta, kind, reason, reference in DEMO_MOVEMENTS:
        svc.inventory.adjust(actor, sku, delta, kind, reason, reference)


def _write_customers_and_promotions(svc: Services, actor: Actor) -> None:
    partners = {
        name: svc.customers.create_partner(actor, name=name, kind=kind, discount_percent=percent).id
        for name, kind, percent in DEMO_PARTNERS
    }
    for name, email, phone, segment, partner in DEMO_CUSTOMERS:
        svc.customers.create_customer(
            actor,
            name=name,
            email=email,
            phone=phone,
            segment=segment,
            partner_id=partners[partner] if partner else None,
        )
    starts = svc.clock() - timedelta(days=30)
    ends = starts + timedelta(days=365)
    svc.customers.create_promotion(
        actor,
        name="Offre étudiante high-tech",
        kind="percent",
        value=Decimal("10"),
        starts_at=starts,
        ends_at=ends,
        categories=["High-tech"],
        segments=["student"],
    )
    svc.customers.create_promotion(
        actor,
        name="Mug à prix doux",
        kind="fixed",
        value=Decimal("2.00"),
        starts_at=starts,
        ends_at=ends,
        skus=["MUG-CERA-BLANC"],
    )


def _write_slots(svc: Services, actor: Actor) -> None:
    today = svc.clock().astimezone().date()
    last_day = today + timedelta(weeks=DEMO_SLOT_WEEKS) - timedelta(days=1)
    for title, kind, weekdays, at, minutes, seats, price in DEMO_SLOTS:
        for weekday in weekdays:
            svc.bookings.create_weekly_slots(
                actor,
                title=title,
                kind=kind,
                weekday=weekday,
                at=at,
                duration=timedelta(minutes=minutes),
                capacity=seats,
                first_day=today,
                last_day=last_day,
                price=Decimal(price),
                vat_rate=Decimal("20"),
            )
