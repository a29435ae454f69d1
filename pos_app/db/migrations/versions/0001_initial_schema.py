"""initial schema: settings, users, catalogue, stock ledger, reservations

Revision ID: 0001
Revises:
Create Date: 2026-11-22 13:31:26.926435
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brands")),
        sa.UniqueConstraint("name", name=op.f("uq_brands_name")),
    )
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_categories_name")),
    )
    op.create_table(
        "reservations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("close_reason", sa.String(length=200), nullable=True),
        sa.CheckConstraint("status IN ('active', 'released', 'committed')", name=op.f("ck_reservations_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservations")),
    )
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.create_index("ix_reservations_status_expires_at", ["status", "expires_at"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "tax_rates",
        sa.Column("rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("rate", name=op.f("pk_tax_rates")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('admin', 'cashier', 'stock_manager', 'accountant')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("brand_id", sa.Integer(), nullable=True),
        sa.Column("price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("promo_price", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("price >= 0", name=op.f("ck_products_price_not_negative")),
        sa.CheckConstraint(
            "promo_price IS NULL OR promo_price >= 0", name=op.f("ck_products_promo_price_not_negative")
        ),
        sa.ForeignKeyConstraint(["brand_id"], ["brands.id"], name=op.f("fk_products_brand_id_brands")),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"], name=op.f("fk_products_category_id_categories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_brand_id"), ["brand_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_category_id"), ["category_id"], unique=False)

    op.create_table(
        "skus",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=True),
        sa.Column("size", sa.String(length=40), nullable=True),
        sa.Column("properties", sa.JSON(), nullable=False),
        sa.Column("price_override", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("low_stock_threshold", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.CheckConstraint("low_stock_threshold >= 0", name=op.f("ck_skus_threshold_not_negative")),
        sa.CheckConstraint(
            "price_override IS NULL OR price_override >= 0", name=op.f("ck_skus_price_override_not_negative")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_skus_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skus")),
        sa.UniqueConstraint("barcode", name=op.f("uq_skus_barcode")),
        sa.UniqueConstraint("code", name=op.f("uq_skus_code")),
    )
    with op.batch_alter_table("skus", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skus_product_id"), ["product_id"], unique=False)

    op.create_table(
        "reservation_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reservation_id", sa.String(length=36), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_reservation_lines_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["reservation_id"],
            ["reservations.id"],
            name=op.f("fk_reservation_lines_reservation_id_reservations"),
        ),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_reservation_lines_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservation_lines")),
    )
    with op.batch_alter_table("reservation_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reservation_lines_reservation_id"), ["reservation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reservation_lines_sku_id"), ["sku_id"], unique=False)

    op.create_table(
        "stock_levels",
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_stock_levels_on_hand_not_negative")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_stock_levels_sku_id_skus")),
        sa.PrimaryKeyConstraint("sku_id", name=op.f("pk_stock_levels")),
    )
    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("stock_before", sa.Integer(), nullable=False),
        sa.Column("stock_after", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('sale', 'return', 'restock', 'adjustment', 'loss', 'transfer')",
            name=op.f("ck_stock_movements_kind"),
        ),
        sa.CheckConstraint("quantity <> 0", name=op.f("ck_stock_movements_quantity_not_zero")),
        sa.CheckConstraint(
            "stock_after = stock_before + quantity",
            name=op.f("ck_stock_movements_after_is_before_plus_quantity"),
        ),
        sa.CheckConstraint("stock_after >= 0", name=op.f("ck_stock_movements_after_not_negative")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_stock_movements_sku_id_skus")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_stock_movements_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.create_index("ix_stock_movements_at", ["at"], unique=False)
        batch_op.create_index("ix_stock_movements_kind_id", ["kind", "id"], unique=False)
        batch_op.create_index("ix_stock_movements_sku_id_id", ["sku_id", "id"], unique=False)
    _seed_default_settings()


def _seed_default_settings() -> None:
    """A new shop starts in euros with the French VAT rates; an admin changes both in the settings."""
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(
        settings,
        [
            {"key": "shop_name", "value": "My shop"},
            {"key": "currency", "value": "EUR"},
        ],
    )
    tax_rates = sa.table("tax_rates", sa.column("rate", sa.Numeric(6, 3)), sa.column("label", sa.String))
    op.bulk_insert(
        tax_rates,
        [
            {"rate": Decimal("0"), "label": "Exempt"},
            {"rate": Decimal("2.1"), "label": "Super-reduced"},
            {"rate": Decimal("5.5"), "label": "Reduced"},
            {"rate": Decimal("10"), "label": "Intermediate"},
            {"rate": Decimal("20"), "label": "Standard"},
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_movements_sku_id_id")
        batch_op.drop_index("ix_stock_movements_kind_id")
        batch_op.drop_index("ix_stock_movements_at")

    op.drop_table("stock_movements")
    op.drop_table("stock_levels")
    with op.batch_alter_table("reservation_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reservation_lines_sku_id"))
        batch_op.drop_index(batch_op.f("ix_reservation_lines_reservation_id"))

    op.drop_table("reservation_lines")
    with op.batch_alter_table("skus", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skus_product_id"))

    op.drop_table("skus")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_category_id"))
        batch_op.drop_index(batch_op.f("ix_products_brand_id"))

    op.drop_table("products")
    op.drop_table("users")
    op.drop_table("tax_rates")
    op.drop_table("settings")
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.drop_index("ix_reservations_status_expires_at")

    op.drop_table("reservations")
    op.drop_table("categories")
    op.drop_table("brands")
