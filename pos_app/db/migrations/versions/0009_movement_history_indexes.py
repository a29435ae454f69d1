"""indexes for the movement history page: newest first, overall, by kind and by user

The history page reads stock movements newest first, by time then id, a page at a time, filtered by kind or by
user or not at all. Each index below gives its filter's rows in exactly that order, so a page is read without
sorting: the id matters as much as the time, since one import or one sale writes many movements of the same
instant (100,000 opening-stock movements of one import took 0.5 s to sort on PostgreSQL for the first page
alone). The time index of 0001 becomes (at, id) for the same reason.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_stock_movements_at", table_name="stock_movements")
    op.create_index("ix_stock_movements_at_id", "stock_movements", ["at", "id"], unique=False)
    op.create_index("ix_stock_movements_kind_at_id", "stock_movements", ["kind", "at", "id"], unique=False)
    op.create_index("ix_stock_movements_user_id_at_id", "stock_movements", ["user_id", "at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stock_movements_user_id_at_id", table_name="stock_movements")
    op.drop_index("ix_stock_movements_kind_at_id", table_name="stock_movements")
    op.drop_index("ix_stock_movements_at_id", table_name="stock_movements")
    op.create_index("ix_stock_movements_at", "stock_movements", ["at"], unique=False)
