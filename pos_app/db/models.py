"""The tables, as typed SQLAlchemy models."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pos_app.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(14, 4, asdecimal=True)
Rate = Numeric(6, 3, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Shop-wide settings (identity, currency...), one row per key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TaxRate(Base):
    __tablename__ = "tax_rates"

    rate: Mapped[Decimal] = mapped_column(Rate, primary_key=True)
    label: Mapped[str] = mapped_column(String(80), default="")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    pin_hash: Mapped[str | None] = mapped_column(String(255))  # a short PIN to switch cashier at the counter
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (CheckConstraint("role IN ('admin', 'cashier', 'stock_manager', 'accountant')", name="role"),)


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Brand(Base):
    __tablename__ = "brands"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)  # lists and searches are in name order
    description: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    brand_id: Mapped[int | None] = mapped_column(ForeignKey("brands.id"), index=True)
    price: Mapped[Decimal] = mapped_column(Money)
    promo_price: Mapped[Decimal | None] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Rate)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    category: Mapped[Category | None] = relationship()
    brand: Mapped[Brand | None] = relationship()
    skus: Mapped[list[Sku]] = relationship(back_populates="product", order_by="Sku.id")

    __table_args__ = (
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("promo_price IS NULL OR promo_price >= 0", name="promo_price_not_negative"),
    )


class Sku(Base):
    """A sellable variant of a product (a product without variants has exactly one)."""

    __tablename__ = "skus"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    size: Mapped[str | None] = mapped_column(String(40))
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    price_override: Mapped[Decimal | None] = mapped_column(Money)
    low_stock_threshold: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)
    # Normalised text that search matches (see domain.text.search_key). Migration 0003 indexes it for
    # substring search outside the models: a pg_trgm GIN index on PostgreSQL, an FTS5 table on SQLite.
    search_text: Mapped[str] = mapped_column(Text, default="")

    product: Mapped[Product] = relationship(back_populates="skus")

    __table_args__ = (
        CheckConstraint("low_stock_threshold >= 0", name="threshold_not_negative"),
        CheckConstraint("price_override IS NULL OR price_override >= 0", name="price_override_not_negative"),
    )


class StockLevelRow(Base):
    """The running on-hand count of a SKU; the row that stock changes lock."""

    __tablename__ = "stock_levels"

    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),)


class StockMovement(Base):
    """One change of on-hand stock. on_hand == sum(quantity) per SKU, always."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(Integer)
    stock_before: Mapped[int] = mapped_column(Integer)
    stock_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500), default="")
    reference: Mapped[str | None] = mapped_column(String(100))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint("quantity <> 0", name="quantity_not_zero"),
        CheckConstraint("stock_after = stock_before + quantity", name="after_is_before_plus_quantity"),
        CheckConstraint("stock_after >= 0", name="after_not_negative"),
        CheckConstraint("kind IN ('sale', 'return', 'restock', 'adjustment', 'loss', 'transfer')", name="kind"),
        Index("ix_stock_movements_sku_id_id", "sku_id", "id"),
        Index("ix_stock_movements_at_id", "at", "id"),  # newest first, also among movements of one instant
        Index("ix_stock_movements_kind_id", "kind", "id"),
    )


class Reservation(Base):
    """Units held for an online order until `expires_at`; counts only while active and unexpired."""

    __tablename__ = "reservations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    reference: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    close_reason: Mapped[str | None] = mapped_column(String(200))

    lines: Mapped[list[ReservationLine]] = relationship(back_populates="reservation")

    __table_args__ = (
        CheckConstraint("status IN ('active', 'released', 'committed')", name="status"),
        Index("ix_reservations_status_expires_at", "status", "expires_at"),
    )


class ReservationLine(Base):
    __tablename__ = "reservation_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[str] = mapped_column(ForeignKey("reservations.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)

    reservation: Mapped[Reservation] = relationship(back_populates="lines")

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class NumberSequence(Base):
    """The last number given in a series for a year: gapless numbers for orders, invoices, sales."""

    __tablename__ = "number_sequences"

    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class OnlineOrder(Base):
    """An order from the web shop: created at checkout, numbered once paid."""

    __tablename__ = "online_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(30), unique=True)
    reservation_id: Mapped[str] = mapped_column(ForeignKey("reservations.id"), unique=True)
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    status: Mapped[str] = mapped_column(String(30))
    currency: Mapped[str] = mapped_column(String(3))
    total: Mapped[Decimal] = mapped_column(Money)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    refund_id: Mapped[str | None] = mapped_column(String(255))
    note: Mapped[str | None] = mapped_column(String(500))

    lines: Mapped[list[OnlineOrderLine]] = relationship(back_populates="order", order_by="OnlineOrderLine.id")

    __table_args__ = (
        CheckConstraint(
            "status IN ('awaiting_payment', 'paid', 'payment_failed', 'cancelled', 'expired', "
            "'refund_pending', 'refunded_out_of_stock')",
            name="status",
        ),
        Index("ix_online_orders_status_created_at", "status", "created_at"),
    )


class OnlineOrderLine(Base):
    __tablename__ = "online_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("online_orders.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Rate)

    order: Mapped[OnlineOrder] = relationship(back_populates="lines")

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class PaymentEvent(Base):
    """A provider event applied once: its id makes a redelivered event a no-op."""

    __tablename__ = "payment_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    object_id: Mapped[str | None] = mapped_column(String(255), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(String(200))


class Register(Base):
    """A counter with its cash drawer; sale numbers and journal sequences run per register."""

    __tablename__ = "registers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)


class CashSession(Base):
    """A till from its opening float to its counted close. One open session per register."""

    __tablename__ = "cash_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"), index=True)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opening_float: Mapped[Decimal] = mapped_column(Money)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    counted_cash: Mapped[Decimal | None] = mapped_column(Money)
    expected_cash: Mapped[Decimal | None] = mapped_column(Money)
    # Equal to register_id while open, NULL once closed: the unique index allows one open session.
    open_register_id: Mapped[int | None] = mapped_column(Integer, unique=True)


class Sale(Base):
    __tablename__ = "sales"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    customer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    gross: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)
    change_due: Mapped[Decimal] = mapped_column(Money)
    ticket_discount_percent: Mapped[Decimal] = mapped_column(Rate)

    lines: Mapped[list[SaleLine]] = relationship(back_populates="sale", order_by="SaleLine.id")
    payments: Mapped[list[SalePayment]] = relationship(order_by="SalePayment.id")


class SaleLine(Base):
    __tablename__ = "sale_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Rate)
    discount_percent: Mapped[Decimal] = mapped_column(Rate)
    # Promotion or partner discount, given by the shop's rules rather than by the cashier.
    automatic_discount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0), server_default="0")
    discount_label: Mapped[str] = mapped_column(String(200), default="", server_default="")
    line_discount: Mapped[Decimal] = mapped_column(Money)
    ticket_discount: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)

    sale: Mapped[Sale] = relationship(back_populates="lines")

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class SalePayment(Base):
    __tablename__ = "sale_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("method IN ('cash', 'card', 'orange_money', 'wave', 'bank_transfer')", name="method"),
    )


class Refund(Base):
    __tablename__ = "refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    method: Mapped[str] = mapped_column(String(20))
    total: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(500))

    lines: Mapped[list[RefundLine]] = relationship(order_by="RefundLine.id")


class RefundLine(Base):
    __tablename__ = "refund_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)
    restocked: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class CashMovement(Base):
    """Cash put into or taken out of a drawer outside a sale (change float top-up, bank deposit)."""

    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    amount: Mapped[Decimal] = mapped_column(Money)  # positive in, negative out
    reason: Mapped[str] = mapped_column(String(500))


class JournalEntry(Base):
    """One entry of the tamper-evident sales journal: gapless per register, hash-chained, signed."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    amount: Mapped[Decimal] = mapped_column(Money)
    grand_total: Mapped[Decimal] = mapped_column(Numeric(20, 4, asdecimal=True))  # perpetual: grows for ever
    payload: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("register_id", "sequence", name="uq_journal_entries_register_id_sequence"),
        Index("ix_journal_entries_register_id_at", "register_id", "at"),  # a receipt finds its entry by time
    )


class Partner(Base):
    """An organisation (university, school, company, public body) whose members get a special discount."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    contact: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    discount_percent: Mapped[Decimal] = mapped_column(Rate)
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        CheckConstraint("kind IN ('university', 'school', 'company', 'institution')", name="kind"),
        CheckConstraint("discount_percent >= 0 AND discount_percent <= 100", name="discount_percent"),
    )


class Customer(Base):
    """A known customer of the shop: a person or an organisation, with what an invoice needs."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    vat_number: Mapped[str] = mapped_column(String(40), default="")
    company_number: Mapped[str] = mapped_column(String(40), default="")
    segment: Mapped[str | None] = mapped_column(String(20))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    partner: Mapped[Partner | None] = relationship()

    __table_args__ = (
        CheckConstraint(
            "segment IS NULL OR segment IN ('student', 'professional', 'company', 'institution')", name="segment"
        ),
    )


promotion_products = Table(
    "promotion_products",
    Base.metadata,
    Column("promotion_id", ForeignKey("promotions.id", ondelete="CASCADE"), primary_key=True),
    Column("product_id", ForeignKey("products.id"), primary_key=True),
)

promotion_categories = Table(
    "promotion_categories",
    Base.metadata,
    Column("promotion_id", ForeignKey("promotions.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("categories.id"), primary_key=True),
)


class Promotion(Base):
    """A dated discount, in percent or a fixed amount per unit, on products and categories (none named: on
    everything), for some customer segments (none named: for everyone)."""

    __tablename__ = "promotions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal] = mapped_column(Money)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    segments: Mapped[str] = mapped_column(String(100), default="")  # comma-separated; empty: everyone
    active: Mapped[bool] = mapped_column(default=True)

    products: Mapped[list[Product]] = relationship(secondary=promotion_products)
    categories: Mapped[list[Category]] = relationship(secondary=promotion_categories)

    __table_args__ = (
        CheckConstraint("kind IN ('percent', 'fixed')", name="kind"),
        CheckConstraint("value > 0", name="value_positive"),
        CheckConstraint("kind <> 'percent' OR value <= 100", name="percent_at_most_100"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_promotions_period", "starts_at", "ends_at"),
    )


class ParkedTicket(Base):
    """A ticket put aside at a register (the customer fetches their wallet) to be resumed there later.
    Parking moves no stock: the lines are checked again when the ticket is paid."""

    __tablename__ = "parked_tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"), index=True)
    parked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    parked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    label: Mapped[str] = mapped_column(String(100), default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    ticket_discount_percent: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    lines: Mapped[list[Any]] = mapped_column(JSON)  # [[sku, quantity, line discount percent], ...]


class VoidedTicket(Base):
    """A ticket abandoned before payment; the Z report counts them, as fraud hides in voids."""

    __tablename__ = "voided_tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    lines_count: Mapped[int] = mapped_column(Integer)
    total: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(500))


class DrawerOpening(Base):
    """The cash drawer opened without a sale (to give change, check a note)."""

    __tablename__ = "drawer_openings"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(500))


class JournalClosing(Base):
    """A monthly or yearly closing of a register's journal: the totals of the period, sealed by a journal
    entry of kind 'month_close' or 'year_close'. A period closes once."""

    __tablename__ = "journal_closings"

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"))
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(7))  # '2026-11' for a month, '2026' for a year
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sales_total: Mapped[Decimal] = mapped_column(Numeric(20, 4, asdecimal=True))
    refunds_total: Mapped[Decimal] = mapped_column(Numeric(20, 4, asdecimal=True))
    grand_total: Mapped[Decimal] = mapped_column(Numeric(20, 4, asdecimal=True))
    entry_sequence: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("register_id", "kind", "period", name="uq_journal_closings_register_id_kind_period"),
        CheckConstraint("kind IN ('month', 'year')", name="kind"),
    )


class Invoice(Base):
    """An issued invoice or credit note. It never changes once written (database triggers refuse updates
    and deletes): it keeps its own copy of the seller's and the customer's details as they were."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    series: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    language: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    online_order_id: Mapped[int | None] = mapped_column(ForeignKey("online_orders.id"))
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(200))
    customer_address: Mapped[str] = mapped_column(Text, default="")
    customer_email: Mapped[str] = mapped_column(String(254), default="")
    customer_vat_number: Mapped[str] = mapped_column(String(40), default="")
    customer_company_number: Mapped[str] = mapped_column(String(40), default="")
    seller: Mapped[dict[str, Any]] = mapped_column(JSON)  # name, address, numbers, legal mentions when issued
    net: Mapped[Decimal] = mapped_column(Money)
    vat: Mapped[Decimal] = mapped_column(Money)
    gross: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(500), default="")

    lines: Mapped[list[InvoiceLine]] = relationship(order_by="InvoiceLine.position")
    payments: Mapped[list[InvoicePayment]] = relationship(order_by="InvoicePayment.id")

    __table_args__ = (
        UniqueConstraint("series", "year", "sequence", name="uq_invoices_series_year_sequence"),
        CheckConstraint("kind IN ('invoice', 'credit_note')", name="kind"),
        CheckConstraint("kind = 'invoice' OR credited_invoice_id IS NOT NULL", name="credit_note_references"),
        # One invoice per sale and per online order; credit notes may be several.
        Index(
            "uq_invoices_sale",
            "sale_id",
            unique=True,
            sqlite_where=text("kind = 'invoice' AND sale_id IS NOT NULL"),
            postgresql_where=text("kind = 'invoice' AND sale_id IS NOT NULL"),
        ),
        Index(
            "uq_invoices_online_order",
            "online_order_id",
            unique=True,
            sqlite_where=text("kind = 'invoice' AND online_order_id IS NOT NULL"),
            postgresql_where=text("kind = 'invoice' AND online_order_id IS NOT NULL"),
        ),
    )


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)  # negative on a credit note
    unit_price: Mapped[Decimal] = mapped_column(Money)  # VAT included
    discount: Mapped[Decimal] = mapped_column(Money)
    net: Mapped[Decimal] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Rate)
    vat: Mapped[Decimal] = mapped_column(Money)
    gross: Mapped[Decimal] = mapped_column(Money)
    credited_line_id: Mapped[int | None] = mapped_column(ForeignKey("invoice_lines.id"), index=True)

    __table_args__ = (
        UniqueConstraint("invoice_id", "position", name="uq_invoice_lines_invoice_id_position"),
        CheckConstraint("quantity <> 0", name="quantity_not_zero"),
    )


class InvoicePayment(Base):
    __tablename__ = "invoice_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str | None] = mapped_column(String(255))


class InvoiceEvent(Base):
    """What happened to an issued invoice afterwards: printed, reprinted, saved, emailed, exported."""

    __tablename__ = "invoice_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))

    __table_args__ = (CheckConstraint("kind IN ('printed', 'reprinted', 'saved', 'emailed', 'exported')", name="kind"),)


class Slot(Base):
    """A bookable stretch of time (a fitting, a repair appointment, a workshop, a pickup window) with a number
    of seats. Bookings take one seat each; see Booking for how the database refuses overbooking."""

    __tablename__ = "slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    capacity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Money)  # VAT included, like product prices
    vat_rate: Mapped[Decimal] = mapped_column(Rate)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("kind IN ('appointment', 'fitting', 'repair', 'workshop', 'pickup')", name="kind"),
        # The target of bookings' (slot_id, slot_capacity) foreign key, which ties each seat to the capacity.
        UniqueConstraint("id", "capacity", name="uq_slots_id_capacity"),
        Index("ix_slots_starts_at", "starts_at"),
        # A weekly template run twice creates nothing new, even when two people run it at once.
        Index(
            "uq_slots_open_start_title",
            "starts_at",
            "title",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
    )


class Booking(Base):
    """One seat of a slot for one customer, held while they pay online, or sold at the counter.

    While it holds a seat (awaiting payment or confirmed), `seat_no` numbers the seat; `(slot_id, seat_no)` is
    unique and `seat_no` lies between 1 and `slot_capacity`, which a foreign key ties to the slot's capacity.
    So the database itself has no room for a seat beyond the capacity, whatever the application does."""

    __tablename__ = "bookings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str | None] = mapped_column(String(30), unique=True)  # given once paid
    slot_id: Mapped[int] = mapped_column(Integer)
    slot_capacity: Mapped[int] = mapped_column(Integer)
    seat_no: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    price: Mapped[Decimal] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Rate)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # end of an online hold
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    refund_id: Mapped[str | None] = mapped_column(String(255))
    payment_method: Mapped[str | None] = mapped_column(String(20))  # at the counter
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id"))
    cash_session_id: Mapped[int | None] = mapped_column(ForeignKey("cash_sessions.id"))
    sold_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cancelled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(500))
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    mail_error: Mapped[str | None] = mapped_column(String(500))  # the last email could not be sent

    __table_args__ = (
        ForeignKeyConstraint(
            ["slot_id", "slot_capacity"],
            ["slots.id", "slots.capacity"],
            name="fk_bookings_slot_id_capacity_slots",
            onupdate="CASCADE",
        ),
        UniqueConstraint("slot_id", "seat_no", name="uq_bookings_slot_id_seat_no"),
        CheckConstraint("seat_no IS NULL OR (seat_no >= 1 AND seat_no <= slot_capacity)", name="seat_within_capacity"),
        CheckConstraint(
            "(status IN ('awaiting_payment', 'confirmed') AND seat_no IS NOT NULL) "
            "OR (status NOT IN ('awaiting_payment', 'confirmed') AND seat_no IS NULL)",
            name="seat_only_while_held",
        ),
        CheckConstraint(
            "status IN ('awaiting_payment', 'confirmed', 'payment_failed', 'cancelled', 'expired', "
            "'refund_pending', 'refunded_seat_gone', 'cancelled_by_shop')",
            name="status",
        ),
        CheckConstraint("channel IN ('online', 'counter')", name="channel"),
        CheckConstraint(
            "payment_method IS NULL OR payment_method IN ('cash', 'card', 'orange_money', 'wave', 'bank_transfer')",
            name="payment_method",
        ),
        Index("ix_bookings_status_expires_at", "status", "expires_at"),
    )


# The movement history page filters by kind or by user, newest first (migration 0009).
Index("ix_stock_movements_kind_at_id", StockMovement.kind, StockMovement.at, StockMovement.id)
Index("ix_stock_movements_user_id_at_id", StockMovement.user_id, StockMovement.at, StockMovement.id)


class InvoiceDocument(Base):
    """The PDF of an issued invoice or credit note, rendered once and kept for reprints, emails and exports.
    It stands for the document while `state` (invoices/document_state.py: what the page prints that can still
    change after issue, such as the amount credited or the logo) is the document's current one; otherwise
    it is rendered again and replaced."""

    __tablename__ = "invoice_documents"

    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    rendered_at: Mapped[datetime] = mapped_column(UTCDateTime())
