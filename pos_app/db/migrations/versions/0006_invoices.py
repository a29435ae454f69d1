"""invoices and credit notes, immutable once issued

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 16:01:35.098837
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("series", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issued_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("online_order_id", sa.Integer(), nullable=True),
        sa.Column("credited_invoice_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("customer_name", sa.String(length=200), nullable=False),
        sa.Column("customer_address", sa.Text(), nullable=False),
        sa.Column("customer_email", sa.String(length=254), nullable=False),
        sa.Column("customer_vat_number", sa.String(length=40), nullable=False),
        sa.Column("customer_company_number", sa.String(length=40), nullable=False),
        sa.Column("seller", sa.JSON(), nullable=False),
        sa.Column("net", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("gross", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "kind = 'invoice' OR credited_invoice_id IS NOT NULL", name=op.f("ck_invoices_credit_note_references")
        ),
        sa.CheckConstraint("kind IN ('invoice', 'credit_note')", name=op.f("ck_invoices_kind")),
        sa.ForeignKeyConstraint(
            ["credited_invoice_id"], ["invoices.id"], name=op.f("fk_invoices_credited_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_invoices_customer_id_customers")),
        sa.ForeignKeyConstraint(["issued_by"], ["users.id"], name=op.f("fk_invoices_issued_by_users")),
        sa.ForeignKeyConstraint(
            ["online_order_id"], ["online_orders.id"], name=op.f("fk_invoices_online_order_id_online_orders")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_invoices_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_invoices_number")),
        sa.UniqueConstraint("series", "year", "sequence", name="uq_invoices_series_year_sequence"),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_credited_invoice_id"), ["credited_invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(
            "uq_invoices_online_order",
            ["online_order_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'invoice' AND online_order_id IS NOT NULL"),
            postgresql_where=sa.text("kind = 'invoice' AND online_order_id IS NOT NULL"),
        )
        batch_op.create_index(
            "uq_invoices_sale",
            ["sale_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'invoice' AND sale_id IS NOT NULL"),
            postgresql_where=sa.text("kind = 'invoice' AND sale_id IS NOT NULL"),
        )

    op.create_table(
        "invoice_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "kind IN ('printed', 'reprinted', 'saved', 'emailed', 'exported')", name=op.f("ck_invoice_events_kind")
        ),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_events_invoice_id_invoices")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_invoice_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_events")),
    )
    with op.batch_alter_table("invoice_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_events_invoice_id"), ["invoice_id"], unique=False)

    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("discount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("net", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("vat", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("gross", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("credited_line_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("quantity <> 0", name=op.f("ck_invoice_lines_quantity_not_zero")),
        sa.ForeignKeyConstraint(
            ["credited_line_id"], ["invoice_lines.id"], name=op.f("fk_invoice_lines_credited_line_id_invoice_lines")
        ),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
        sa.UniqueConstraint("invoice_id", "position", name="uq_invoice_lines_invoice_id_position"),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_lines_credited_line_id"), ["credited_line_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False)

    op.create_table(
        "invoice_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("reference", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_payments_invoice_id_invoices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_payments")),
    )
    with op.batch_alter_table("invoice_payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_payments_invoice_id"), ["invoice_id"], unique=False)

    _forbid_changes()


def downgrade() -> None:
    _allow_changes()
    with op.batch_alter_table("invoice_payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_payments_invoice_id"))

    op.drop_table("invoice_payments")
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_lines_invoice_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_lines_credited_line_id"))

    op.drop_table("invoice_lines")
    with op.batch_alter_table("invoice_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_events_invoice_id"))

    op.drop_table("invoice_events")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_invoices_sale",
            sqlite_where=sa.text("kind = 'invoice' AND sale_id IS NOT NULL"),
            postgresql_where=sa.text("kind = 'invoice' AND sale_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "uq_invoices_online_order",
            sqlite_where=sa.text("kind = 'invoice' AND online_order_id IS NOT NULL"),
            postgresql_where=sa.text("kind = 'invoice' AND online_order_id IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_invoices_issued_at"))
        batch_op.drop_index(batch_op.f("ix_invoices_customer_id"))
        batch_op.drop_index(batch_op.f("ix_invoices_credited_invoice_id"))

    op.drop_table("invoices")


# Issued invoices are legal documents: the database itself refuses to change or delete them.
IMMUTABLE = ("invoices", "invoice_lines", "invoice_payments")


def _forbid_changes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION refuse_invoice_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'an issued invoice never changes: issue a credit note instead'
                    USING ERRCODE = 'integrity_constraint_violation';
            END
            $$ LANGUAGE plpgsql
            """
        )
        for table in IMMUTABLE:
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_invoice_change()"
            )
        return
    for table in IMMUTABLE:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} BEGIN "
                "SELECT RAISE(ABORT, 'an issued invoice never changes: issue a credit note instead'); END"
            )


def _allow_changes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in IMMUTABLE:
            op.execute(f"DROP TRIGGER {table}_immutable ON {table}")
        op.execute("DROP FUNCTION refuse_invoice_change()")
        return
    for table in IMMUTABLE:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{event}")
