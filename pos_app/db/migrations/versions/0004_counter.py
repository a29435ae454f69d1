"""counter: registers, cash sessions, sales, refunds, cash movements, journal

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 14:38:41.517895
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registers")),
        sa.UniqueConstraint("code", name=op.f("uq_registers_code")),
    )
    op.create_table(
        "cash_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("opened_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("opening_float", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("counted_cash", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("expected_cash", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("open_register_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name=op.f("fk_cash_sessions_closed_by_users")),
        sa.ForeignKeyConstraint(["opened_by"], ["users.id"], name=op.f("fk_cash_sessions_opened_by_users")),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"], name=op.f("fk_cash_sessions_register_id_registers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_sessions")),
        sa.UniqueConstraint("open_register_id", name=op.f("uq_cash_sessions_open_register_id")),
    )
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_sessions_register_id"), ["register_id"], unique=False)

    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("grand_total", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["register_id"], ["registers.id"], name=op.f("fk_journal_entries_register_id_registers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entries")),
        sa.UniqueConstraint("register_id", "sequence", name="uq_journal_entries_register_id_sequence"),
    )
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["cash_sessions.id"], name=op.f("fk_cash_movements_session_id_cash_sessions")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_cash_movements_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movements_session_id"), ["session_id"], unique=False)

    op.create_table(
        "sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("cashier_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("gross", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("discount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("change_due", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("ticket_discount_percent", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.ForeignKeyConstraint(["cashier_id"], ["users.id"], name=op.f("fk_sales_cashier_id_users")),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"], name=op.f("fk_sales_register_id_registers")),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"], name=op.f("fk_sales_session_id_cash_sessions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_number")),
    )
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_session_id"), ["session_id"], unique=False)

    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("cashier_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["cashier_id"], ["users.id"], name=op.f("fk_refunds_cashier_id_users")),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"], name=op.f("fk_refunds_register_id_registers")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_refunds_sale_id_sales")),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"], name=op.f("fk_refunds_session_id_cash_sessions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("number", name=op.f("uq_refunds_number")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_sale_id"), ["sale_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_refunds_session_id"), ["session_id"], unique=False)

    op.create_table(
        "sale_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("discount_percent", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("line_discount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("ticket_discount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_sale_lines_quantity_positive")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_lines_sale_id_sales")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_sale_lines_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_lines")),
    )
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_lines_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "sale_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "method IN ('cash', 'card', 'orange_money', 'wave', 'bank_transfer')", name=op.f("ck_sale_payments_method")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_payments_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_payments")),
    )
    with op.batch_alter_table("sale_payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_payments_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "refund_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.Integer(), nullable=False),
        sa.Column("sale_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("restocked", sa.Boolean(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_refund_lines_quantity_positive")),
        sa.ForeignKeyConstraint(["refund_id"], ["refunds.id"], name=op.f("fk_refund_lines_refund_id_refunds")),
        sa.ForeignKeyConstraint(
            ["sale_line_id"], ["sale_lines.id"], name=op.f("fk_refund_lines_sale_line_id_sale_lines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_lines")),
    )
    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refund_lines_refund_id"), ["refund_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_refund_lines_sale_line_id"), ["sale_line_id"], unique=False)
    registers = sa.table(
        "registers", sa.column("code", sa.String), sa.column("name", sa.String), sa.column("active", sa.Boolean)
    )
    op.bulk_insert(registers, [{"code": "R1", "name": "Counter 1", "active": True}])


def downgrade() -> None:
    with op.batch_alter_table("refund_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_lines_sale_line_id"))
        batch_op.drop_index(batch_op.f("ix_refund_lines_refund_id"))

    op.drop_table("refund_lines")
    with op.batch_alter_table("sale_payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_payments_sale_id"))

    op.drop_table("sale_payments")
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_lines_sale_id"))

    op.drop_table("sale_lines")
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_session_id"))
        batch_op.drop_index(batch_op.f("ix_refunds_sale_id"))

    op.drop_table("refunds")
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_session_id"))
        batch_op.drop_index(batch_op.f("ix_sales_at"))

    op.drop_table("sales")
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_movements_session_id"))

    op.drop_table("cash_movements")
    op.drop_table("journal_entries")
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_sessions_register_id"))

    op.drop_table("cash_sessions")
    op.drop_table("registers")
