"""bookings of time slots: slots with a capacity, one seat per booking, overbooking refused by the database

How the database refuses an overbooked slot, on SQLite and PostgreSQL alike, without a trigger: a booking that
holds a seat (awaiting payment or confirmed) carries a seat number, and
- `UNIQUE (slot_id, seat_no)`: two bookings never share a seat;
- `CHECK (seat_no BETWEEN 1 AND slot_capacity)`: there is no seat beyond the capacity;
- `slot_capacity` is a copy of the slot's capacity that cannot lie: the foreign key `(slot_id, slot_capacity)
  -> slots (id, capacity)` only accepts the slot's real capacity, and `ON UPDATE CASCADE` carries a changed
  capacity to the seats, where the CHECK refuses to shrink a slot below a seat in use;
- `CHECK`: a booking has a seat exactly while it is awaiting payment or confirmed; freeing it sets seat_no NULL.
So a slot of capacity N has at most N seats taken, whatever the application, an interleaving of processes
or a hand-written INSERT does. Plain constraints were chosen over a counting trigger because they hold the
same way on both databases, need no locking inside the trigger (a count under READ COMMITTED can miss a
concurrent insert on PostgreSQL) and say in the schema itself what they guarantee.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 18:21:53.262611
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("starts_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('appointment', 'fitting', 'repair', 'workshop', 'pickup')", name=op.f("ck_slots_kind")
        ),
        sa.CheckConstraint("capacity >= 1", name=op.f("ck_slots_capacity_positive")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_slots_ends_after_start")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_slots_price_not_negative")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_slots_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slots")),
        sa.UniqueConstraint("id", "capacity", name="uq_slots_id_capacity"),
    )
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.create_index("ix_slots_starts_at", ["starts_at"], unique=False)
        batch_op.create_index(
            "uq_slots_open_start_title",
            ["starts_at", "title"],
            unique=True,
            sqlite_where=sa.text("cancelled_at IS NULL"),
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )

    op.create_table(
        "bookings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=True),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("slot_capacity", sa.Integer(), nullable=False),
        sa.Column("seat_no", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paid_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("payment_intent_id", sa.String(length=255), nullable=True),
        sa.Column("refund_id", sa.String(length=255), nullable=True),
        sa.Column("payment_method", sa.String(length=20), nullable=True),
        sa.Column("register_id", sa.Integer(), nullable=True),
        sa.Column("cash_session_id", sa.Integer(), nullable=True),
        sa.Column("sold_by", sa.Integer(), nullable=True),
        sa.Column("cancelled_by", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("mailed_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("mail_error", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "(status IN ('awaiting_payment', 'confirmed') AND seat_no IS NOT NULL) OR (status NOT IN ('awaiting_payment', 'confirmed') AND seat_no IS NULL)",
            name=op.f("ck_bookings_seat_only_while_held"),
        ),
        sa.CheckConstraint("channel IN ('online', 'counter')", name=op.f("ck_bookings_channel")),
        sa.CheckConstraint(
            "payment_method IS NULL OR payment_method IN ('cash', 'card', 'orange_money', 'wave', 'bank_transfer')",
            name=op.f("ck_bookings_payment_method"),
        ),
        sa.CheckConstraint(
            "status IN ('awaiting_payment', 'confirmed', 'payment_failed', 'cancelled', 'expired', 'refund_pending', 'refunded_seat_gone', 'cancelled_by_shop')",
            name=op.f("ck_bookings_status"),
        ),
        sa.CheckConstraint(
            "seat_no IS NULL OR (seat_no >= 1 AND seat_no <= slot_capacity)",
            name=op.f("ck_bookings_seat_within_capacity"),
        ),
        sa.ForeignKeyConstraint(["cancelled_by"], ["users.id"], name=op.f("fk_bookings_cancelled_by_users")),
        sa.ForeignKeyConstraint(
            ["cash_session_id"], ["cash_sessions.id"], name=op.f("fk_bookings_cash_session_id_cash_sessions")
        ),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"], name=op.f("fk_bookings_register_id_registers")),
        sa.ForeignKeyConstraint(
            ["slot_id", "slot_capacity"],
            ["slots.id", "slots.capacity"],
            name="fk_bookings_slot_id_capacity_slots",
            onupdate="CASCADE",
        ),
        sa.ForeignKeyConstraint(["sold_by"], ["users.id"], name=op.f("fk_bookings_sold_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("number", name=op.f("uq_bookings_number")),
        sa.UniqueConstraint("payment_intent_id", name=op.f("uq_bookings_payment_intent_id")),
        sa.UniqueConstraint("slot_id", "seat_no", name="uq_bookings_slot_id_seat_no"),
    )
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index("ix_bookings_status_expires_at", ["status", "expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_index("ix_bookings_status_expires_at")

    op.drop_table("bookings")
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_slots_open_start_title",
            sqlite_where=sa.text("cancelled_at IS NULL"),
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )
        batch_op.drop_index("ix_slots_starts_at")

    op.drop_table("slots")
