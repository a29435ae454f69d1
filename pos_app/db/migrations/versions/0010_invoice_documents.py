"""invoice documents: each invoice's PDF, rendered once and kept with the state it was rendered for

Rendering one invoice with its Factur-X takes a fifth of a second of CPU, so a period of 1,000 could not be
exported within a minute if every export rendered them all again. An issued invoice never changes; what its
page prints that can still change (the amount credited, the logo...) is digested into `state`, and the kept
PDF is used while the state holds. One row per document: the invoice's id is the primary key, which is also
what two processes storing the same invoice at once collide on (INSERT ... ON CONFLICT).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos_app.db.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoice_documents",
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("rendered_at", pos_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_documents_invoice_id_invoices")),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoice_documents")),
    )


def downgrade() -> None:
    op.drop_table("invoice_documents")
