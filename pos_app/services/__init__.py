"""The use-case layer: every user action is one call here, one transaction, checked permissions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from pos_app import config
from pos_app.db.engine import Database, connect
from pos_app.db.migrate import upgrade_to_head
from pos_app.machine_secrets import MachineSecrets
from pos_app.mail import Mailer
from pos_app.payments.gateway import PaymentGateway
from pos_app.services.auth import AuthService
from pos_app.services.bookings import BookingService
from pos_app.services.customers import CustomerService
from pos_app.services.inventory import InventoryService
from pos_app.services.invoice_export import InvoiceExporter
from pos_app.services.invoices import InvoiceService
from pos_app.services.journal import JournalService
from pos_app.services.journal_archive import JournalArchiveService
from pos_app.services.journal_closings import JournalClosingService
from pos_app.services.labels import LabelService
from pos_app.services.mail import MailService
from pos_app.services.movement_history import MovementHistoryService
from pos_app.services.payment_keys import PaymentKeysService
from pos_app.services.payments import PaymentService
from pos_app.services.pos import POSService
from pos_app.services.receipts import ReceiptService
from pos_app.services.reservations import ReservationService
from pos_app.services.sales_reports import SalesReportService
from pos_app.services.settings import SettingsService
from pos_app.services.stock_list import StockListService


def _stripe_from_environment(secrets: MachineSecrets) -> PaymentGateway:
    from pos_app.payments.stripe_gateway import StripeGateway

    return StripeGateway.from_environment(secrets=secrets)


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
    stock_list: StockListService
    movement_history: MovementHistoryService
    labels: LabelService
    mail: MailService
    payment_keys: PaymentKeysService
    sales_reports: SalesReportService
    bookings: BookingService

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
    mailer: Mailer | None = None,
    machine_secrets: MachineSecrets | None = None,
) -> Services:
    """Connect to the database (POS_DATABASE_URL, else the embedded SQLite file), upgrade its schema to
    the newest version, and return the services. `clock()` must return an aware datetime.

    Payments go through `payment_gateway`, else through Stripe as configured by STRIPE_API_KEY,
    STRIPE_WEBHOOK_SECRET and STRIPE_API_BASE, else the keys kept in `machine_secrets` (read at the first payment).
    Email goes through `mailer`, else the SMTP server set up in the settings. `machine_secrets` (the SMTP password,
    the Stripe keys) defaults to the file config.secrets_file()."""
    db = connect(config.database_url(database_url))
    if migrate:
        upgrade_to_head(db)
    now = clock or utc_now
    settings = SettingsService(db)
    reservations = ReservationService(db, now)
    invoices = InvoiceService(db, now)
    secrets = machine_secrets if machine_secrets is not None else MachineSecrets(config.secrets_file())
    mail = MailService(db, settings, invoices, secrets, mailer)
    # Bookings pay through the payments' gateway, and payments hand bookings' events back: the lambda reads
    # `payments` at the first payment, once it is assigned.
    bookings = BookingService(db, now, lambda: payments.gateway, mail)
    payments = PaymentService(
        db,
        now,
        reservations,
        settings,
        (lambda: payment_gateway) if payment_gateway else partial(_stripe_from_environment, secrets),
        bookings=bookings,
    )
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
        stock_list=StockListService(db, now, settings),
        movement_history=MovementHistoryService(db),
        labels=LabelService(db, settings),
        mail=mail,
        payment_keys=PaymentKeysService(secrets),
        sales_reports=SalesReportService(db, now),
        payments=payments,
        bookings=bookings,
    )


__all__ = ["Services", "open_services"]
