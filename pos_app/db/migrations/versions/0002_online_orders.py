"""online orders, payment events, number sequences

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:00:42.019473
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "number_sequences",
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year", name=op.f("pk_number_sequences")),
    )
    op.create_table(
        "payment_events",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("object_id", sa.String(length=255), nullable=True),
        sa.Column("received_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_events")),
    )
    with op.batch_alter_table("payment_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_events_object_id"), ["object_id"], unique=False)

    op.create_table(
        "online_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=True),
        sa.Column("reservation_id", sa.String(length=36), nullable=False),
        sa.Column("payment_intent_id", sa.String(length=255), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paid_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("refund_id", sa.String(length=255), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "status IN ('awaiting_payment', 'paid', 'payment_failed', 'cancelled', 'expired', 'refund_pending', 'refunded_out_of_stock')",
            name=op.f("ck_online_orders_status"),
        ),
        sa.ForeignKeyConstraint(
            ["reservation_id"], ["reservations.id"], name=op.f("fk_online_orders_reservation_id_reservations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_online_orders_number")),
        sa.UniqueConstraint("payment_intent_id", name=op.f("uq_online_orders_payment_intent_id")),
        sa.UniqueConstraint("reservation_id", name=op.f("uq_online_orders_reservation_id")),
    )
    with op.batch_alter_table("online_orders", schema=None) as batch_op:
        batch_op.create_index("ix_online_orders_status_created_at", ["status", "created_at"], unique=False)

    op.create_table(
        "online_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_online_order_lines_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["online_orders.id"], name=op.f("fk_online_order_lines_order_id_online_orders")
        ),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_online_order_lines_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_order_lines")),
    )
    with op.batch_alter_table("online_order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_online_order_lines_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("online_order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_online_order_lines_order_id"))

    op.drop_table("online_order_lines")
    with op.batch_alter_table("online_orders", schema=None) as batch_op:
        batch_op.drop_index("ix_online_orders_status_created_at")

    op.drop_table("online_orders")
    with op.batch_alter_table("payment_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_events_object_id"))

    op.drop_table("payment_events")
    op.drop_table("number_sequences")
