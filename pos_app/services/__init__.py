"""The use-case layer: every user action is one call here, one transaction, checked permissions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from pos_app import config
from pos_app.db.engine import Database, connect
from pos_app.db.migrate import upgrade_to_head
from pos_app.payments.gateway import PaymentGateway
from pos_app.services.auth import AuthService
from pos_app.services.customers import CustomerService
from pos_app.services.inventory import InventoryService
from pos_app.services.invoice_export import InvoiceExporter
from pos_app.services.invoices import InvoiceService
from pos_app.services.journal import JournalService
from pos_app.services.journal_archive import JournalArchiveService
from pos_app.services.journal_closings import JournalClosingService
from pos_app.services.payments import PaymentService
from pos_app.services.pos import POSService
from pos_app.services.receipts import ReceiptService
from pos_app.services.reservations import ReservationService
from pos_app.services.settings import SettingsService


def _stripe_from_environment() -> PaymentGateway:
    from pos_app.payments.stripe_gateway import StripeGateway

    return StripeGateway.from_environment()


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    db: Database
    clock: Callable[[], datetime]
    settings: SettingsService
    auth: AuthService
    inventory: InventoryService
    reservations: ReservationService
    payments: PaymentService
    pos: POSService
    journal: JournalService
    journal_closings: JournalClosingService
    journal_archives: JournalArchiveService
    receipts: ReceiptService
    invoices: InvoiceService
    invoice_export: InvoiceExporter
    customers: CustomerService

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_services(
    database_url: str | None = None,
    clock: Callable[[], datetime] | None = None,
    *,
    migrate: bool = True,
    payment_gateway: PaymentGateway | None = None,
) -> Services:
    """Connect to the database (POS_DATABASE_URL, else the embedded SQLite file), upgrade its schema to
    the newest version, and return the services. `clock()` must return an aware datetime.

    Payments go through `payment_gateway`, else through Stripe as configured by STRIPE_API_KEY,
    STRIPE_WEBHOOK_SECRET and STRIPE_API_BASE (read at the first payment)."""
    db = connect(config.database_url(database_url))
    if migrate:
        upgrade_to_head(db)
    now = clock or utc_now
    settings = SettingsService(db)
    reservations = ReservationService(db, now)
    invoices = InvoiceService(db, now)
    return Services(
        db=db,
        clock=now,
        settings=settings,
        auth=AuthService(db, now),
        inventory=InventoryService(db, now, settings),
        reservations=reservations,
        pos=POSService(db, now),
        journal=JournalService(db),
        journal_closings=JournalClosingService(db, now),
        journal_archives=JournalArchiveService(db, now),
        receipts=ReceiptService(db),
        invoices=invoices,
        invoice_export=InvoiceExporter(invoices, settings),
        customers=CustomerService(db, now),
        payments=PaymentService(
            db, now, reservations, settings, (lambda: payment_gateway) if payment_gateway else _stripe_from_environment
        ),
    )


__all__ = ["Services", "open_services"]
