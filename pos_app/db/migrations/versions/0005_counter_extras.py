"""counter extras: customers, promotions, parked and voided tickets, drawer openings, closings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 15:56:05.180941
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("discount_percent", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('university', 'school', 'company', 'institution')", name=op.f("ck_partners_kind")),
        sa.CheckConstraint(
            "discount_percent >= 0 AND discount_percent <= 100", name=op.f("ck_partners_discount_percent")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("name", name=op.f("uq_partners_name")),
    )
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("starts_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("segments", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind <> 'percent' OR value <= 100", name=op.f("ck_promotions_percent_at_most_100")),
        sa.CheckConstraint("kind IN ('percent', 'fixed')", name=op.f("ck_promotions_kind")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_promotions_ends_after_start")),
        sa.CheckConstraint("value > 0", name=op.f("ck_promotions_value_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotions")),
    )
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.create_index("ix_promotions_period", ["starts_at", "ends_at"], unique=False)

    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("vat_number", sa.String(length=40), nullable=False),
        sa.Column("company_number", sa.String(length=40), nullable=False),
        sa.Column("segment", sa.String(length=20), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "segment IS NULL OR segment IN ('student', 'professional', 'company', 'institution')",
            name=op.f("ck_customers_segment"),
        ),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name=op.f("fk_customers_partner_id_partners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "journal_closings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("closed_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("sales_total", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("refunds_total", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("grand_total", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("entry_sequence", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('month', 'year')", name=op.f("ck_journal_closings_kind")),
        sa.ForeignKeyConstraint(["closed_by"], ["users.id"], name=op.f("fk_journal_closings_closed_by_users")),
        sa.ForeignKeyConstraint(
            ["register_id"], ["registers.id"], name=op.f("fk_journal_closings_register_id_registers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_closings")),
        sa.UniqueConstraint("register_id", "kind", "period", name="uq_journal_closings_register_id_kind_period"),
    )
    op.create_table(
        "promotion_categories",
        sa.Column("promotion_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_promotion_categories_category_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_categories_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("promotion_id", "category_id", name=op.f("pk_promotion_categories")),
    )
    op.create_table(
        "drawer_openings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["cash_sessions.id"], name=op.f("fk_drawer_openings_session_id_cash_sessions")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_drawer_openings_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawer_openings")),
    )
    with op.batch_alter_table("drawer_openings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drawer_openings_session_id"), ["session_id"], unique=False)

    op.create_table(
        "parked_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("parked_by", sa.Integer(), nullable=True),
        sa.Column("parked_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("ticket_discount_percent", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_parked_tickets_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["parked_by"], ["users.id"], name=op.f("fk_parked_tickets_parked_by_users")),
        sa.ForeignKeyConstraint(
            ["register_id"], ["registers.id"], name=op.f("fk_parked_tickets_register_id_registers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parked_tickets")),
    )
    with op.batch_alter_table("parked_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parked_tickets_register_id"), ["register_id"], unique=False)

    op.create_table(
        "promotion_products",
        sa.Column("promotion_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_promotion_products_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_products_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("promotion_id", "product_id", name=op.f("pk_promotion_products")),
    )
    op.create_table(
        "voided_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lines_count", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["cash_sessions.id"], name=op.f("fk_voided_tickets_session_id_cash_sessions")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_voided_tickets_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voided_tickets")),
    )
    with op.batch_alter_table("voided_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_voided_tickets_session_id"), ["session_id"], unique=False)

    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("automatic_discount", sa.Numeric(precision=14, scale=4), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("discount_label", sa.String(length=200), nullable=False, server_default=""))

    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_customer_id"), ["customer_id"], unique=False)

    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.create_index("ix_journal_entries_register_id_at", ["register_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_entries_register_id_at")

    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_customer_id"))

    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_column("discount_label")
        batch_op.drop_column("automatic_discount")

    with op.batch_alter_table("voided_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voided_tickets_session_id"))

    op.drop_table("voided_tickets")
    op.drop_table("promotion_products")
    with op.batch_alter_table("parked_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parked_tickets_register_id"))

    op.drop_table("parked_tickets")
    with op.batch_alter_table("drawer_openings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drawer_openings_session_id"))

    op.drop_table("drawer_openings")
    op.drop_table("promotion_categories")
    op.drop_table("journal_closings")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_partner_id"))
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.drop_index("ix_promotions_period")

    op.drop_table("promotions")
    op.drop_table("partners")
